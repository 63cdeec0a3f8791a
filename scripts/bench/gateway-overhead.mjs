// Gateway overhead: GET /api/projects/:id through the full gateway (identity, tenant scoping, schema
// validation and serialization, request ids, logging) against a bare Fastify + pg server doing the same
// single-row query, measured with autocannon in one run on real PostgreSQL.
// Targets: gateway req/s >= 0.6 x bare, gateway p99 < 20 ms at 50 connections.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { fmt, freePort, scratchDatabase, start, waitForOk } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const duration = Number(process.env.BENCH_SECONDS ?? 10);

const run = (url, headers) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });

const measure = async (label, url, headers) => {
  await new Promise((resolve, reject) =>
    autocannon({ url, connections, duration: 2, headers }, (err) => (err ? reject(err) : resolve())),
  );
  const result = await run(url, headers);
  const non2xx = result.non2xx + result.errors;
  if (non2xx > 0) throw new Error(`${label}: ${non2xx} failed requests`);
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
};

const database = await scratchDatabase('ec3l_bench');
const gatewayPort = await freePort();
const barePort = await freePort();
const gateway = start(join(root, 'apps/gateway/dist/main.js'), {
  DATABASE_URL: database.url,
  PORT: String(gatewayPort),
  EC3L_BOOTSTRAP_TENANTS: 'bench',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
});
let bare;
try {
  await waitForOk(`http://127.0.0.1:${gatewayPort}/readyz`);
  const created = await fetch(`http://127.0.0.1:${gatewayPort}/api/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant-id': 'bench', 'x-user-id': 'admin' },
    body: JSON.stringify({ name: 'Benchmark project' }),
  });
  const project = await created.json();
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query("select id from tenants where slug = 'bench'");
  await client.end();
  bare = start(join(root, 'scripts/bench/bare-server.mjs'), {
    DATABASE_URL: database.url,
    PORT: String(barePort),
    BENCH_TENANT_ID: rows[0].id,
  });
  await waitForOk(`http://127.0.0.1:${barePort}/projects/${project.id}`);

  const baseline = await measure(
    'bare Fastify + pg',
    `http://127.0.0.1:${barePort}/projects/${project.id}`,
    {},
  );
  const full = await measure('EC3L gateway', `http://127.0.0.1:${gatewayPort}/api/projects/${project.id}`, {
    'x-tenant-id': 'bench',
    'x-user-id': 'bench-user',
  });
  console.log(`GET /api/projects/:id, ${connections} connections, ${duration} s each, PostgreSQL`);
  for (const r of [baseline, full]) {
    console.log(
      `  ${r.label.padEnd(20)} ${fmt(r.rps, 0).padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms`,
    );
  }
  const ratio = full.rps / baseline.rps;
  console.log(
    `  ratio gateway/bare: ${fmt(ratio, 2)} (target >= 0.60)   gateway p99: ${full.p99} ms (target < 20 ms)`,
  );
} finally {
  await bare?.stop();
  await gateway.stop();
  await database.drop();
}

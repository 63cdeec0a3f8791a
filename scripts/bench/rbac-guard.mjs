// RBAC guard cost: median latency of GET /api/admin/check-access and GET /api/rbac/policies with the
// guard (decision + audit write) against the very same routes with the guard off, in one run on
// PostgreSQL, requests sent one at a time so the figure is latency, not queueing.
// Target: the guard adds under 1 ms to the median.
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, freePort, scratchDatabase, start, waitForOk } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const get = (port, path) =>
  new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path,
        agent,
        headers: { 'x-tenant-id': 'bench', 'x-user-id': 'bench-admin' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
  });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const measure = async (port, path) => {
  for (let i = 0; i < 300; i++) await get(port, path); // warm up
  const samples = [];
  for (let i = 0; i < requests; i++) {
    const t0 = process.hrtime.bigint();
    await get(port, path);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
};

const databases = [
  await scratchDatabase('ec3l_bench_guard_on'),
  await scratchDatabase('ec3l_bench_guard_off'),
];
const servers = [];
try {
  const ports = [];
  for (const [i, guards] of ['on', 'off'].entries()) {
    const port = await freePort();
    servers.push(
      start(join(root, 'scripts/bench/gateway-server.mjs'), {
        DATABASE_URL: databases[i].url,
        PORT: String(port),
        BENCH_GUARDS: guards,
      }),
    );
    ports.push(port);
  }
  for (const port of ports) await waitForOk(`http://127.0.0.1:${port}/readyz`);
  console.log(`RBAC guard cost, median of ${requests} sequential requests each, PostgreSQL`);
  for (const path of ['/api/admin/check-access', '/api/rbac/policies']) {
    // Alternate the two servers so drift on the machine hits both alike.
    const on = [];
    const off = [];
    for (let round = 0; round < 3; round++) {
      on.push(await measure(ports[0], path));
      off.push(await measure(ports[1], path));
    }
    const guarded = median(on);
    const bare = median(off);
    console.log(
      `  ${path.padEnd(26)} guard on ${fmt(guarded, 3)} ms   guard off ${fmt(bare, 3)} ms   ` +
        `added ${fmt(guarded - bare, 3)} ms (target < 1 ms)   ratio ${fmt(guarded / bare, 2)}`,
    );
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  for (const d of databases) await d.drop();
}

// JWT identity cost: median latency of GET /api/rbac/me with a verified bearer token (RS256 from a PEM
// public key, ES256 from a local JWKS) against the same route in header mode, in one run on PostgreSQL,
// requests sent one at a time so the figure is latency, not queueing.
// Target: verifying the token adds under 0.5 ms to the median.
import { Agent, createServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, freePort, scratchDatabase, start, waitForOk } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromGateway = createRequire(join(root, 'apps/gateway/package.json'));
const { exportJWK, exportSPKI, generateKeyPair, SignJWT } = await import(requireFromGateway.resolve('jose'));

const requests = Number(process.env.BENCH_REQUESTS ?? 3000);
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const ISSUER = 'https://id.bench.test/';
const AUDIENCE = 'ec3l-bench';

const get = (port, headers) =>
  new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/rbac/me', agent, headers }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const measure = async (port, headers) => {
  for (let i = 0; i < 300; i++) await get(port, headers); // warm up
  const samples = [];
  for (let i = 0; i < requests; i++) {
    const t0 = process.hrtime.bigint();
    await get(port, headers);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(samples);
};

const mint = (key, alg, kid) =>
  new SignJWT({ ec3l_tenants: ['bench'] })
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject('bench-admin')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime('1h')
    .sign(key);

const rsa = await generateKeyPair('RS256', { extractable: true });
const ec = await generateKeyPair('ES256', { extractable: true });
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(ec.publicKey)), kid: 'es-1', alg: 'ES256' }] });
const jwksServer = createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end(jwks),
);
jwksServer.listen(0, '127.0.0.1');
await new Promise((resolve) => jwksServer.once('listening', resolve));

const jwtEnv = { EC3L_AUTH: 'jwt', EC3L_JWT_ISSUER: ISSUER, EC3L_JWT_AUDIENCE: AUDIENCE };
const modes = [
  { name: 'header', env: {}, headers: { 'x-tenant-id': 'bench', 'x-user-id': 'bench-admin' } },
  {
    name: 'jwt RS256 (PEM)',
    env: { ...jwtEnv, EC3L_JWT_PUBLIC_KEY: await exportSPKI(rsa.publicKey) },
    headers: { 'x-tenant-id': 'bench', authorization: `Bearer ${await mint(rsa.privateKey, 'RS256')}` },
  },
  {
    name: 'jwt ES256 (JWKS)',
    env: { ...jwtEnv, EC3L_JWT_JWKS_URL: `http://127.0.0.1:${jwksServer.address().port}/jwks.json` },
    headers: {
      'x-tenant-id': 'bench',
      authorization: `Bearer ${await mint(ec.privateKey, 'ES256', 'es-1')}`,
    },
  },
];

const database = await scratchDatabase('ec3l_bench_jwt');
const servers = [];
try {
  for (const mode of modes) {
    mode.port = await freePort();
    servers.push(
      start(join(root, 'scripts/bench/gateway-server.mjs'), {
        DATABASE_URL: database.url,
        PORT: String(mode.port),
        ...mode.env,
      }),
    );
    // One at a time: the servers migrate the same database.
    await waitForOk(`http://127.0.0.1:${mode.port}/readyz`);
  }
  console.log(
    `JWT identity cost, GET /api/rbac/me, median of ${requests} sequential requests each, PostgreSQL`,
  );
  const results = new Map(modes.map((m) => [m.name, []]));
  // Alternate the servers so drift on the machine hits all alike.
  for (let round = 0; round < 3; round++) {
    for (const mode of modes) results.get(mode.name).push(await measure(mode.port, mode.headers));
  }
  const baseline = median(results.get('header'));
  console.log(`  ${'header (baseline)'.padEnd(18)} ${fmt(baseline, 3)} ms`);
  for (const mode of modes.slice(1)) {
    const value = median(results.get(mode.name));
    console.log(
      `  ${mode.name.padEnd(18)} ${fmt(value, 3)} ms   added ${fmt(value - baseline, 3)} ms (target < 0.5 ms)   ` +
        `ratio ${fmt(value / baseline, 2)}`,
    );
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await database.drop();
  jwksServer.close();
  agent.destroy();
}

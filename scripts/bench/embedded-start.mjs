// Embedded start: time from launching the built gateway on PGlite to its first 200 on /healthz,
// on a new data directory and on an existing one, against opening PGlite alone in the same run.
// Target: /healthz within 4 s of launch.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, freePort, start, waitForOk } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { openDatabase } = await import(join(root, 'packages/db/dist/index.js'));

const timePglite = async (dir) => {
  const t0 = performance.now();
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  await database.ping();
  const ms = performance.now() - t0;
  await database.close();
  return ms;
};

const timeGateway = async (dataDir) => {
  const port = await freePort();
  const t0 = performance.now();
  const gateway = start(join(root, 'apps/gateway/dist/main.js'), {
    EC3L_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  await waitForOk(`http://127.0.0.1:${port}/healthz`, 60_000);
  const ms = performance.now() - t0;
  await gateway.stop();
  return ms;
};

const pgliteNew = await timePglite(mkdtempSync(join(tmpdir(), 'ec3l-bench-pglite-')));
const pgliteDir = mkdtempSync(join(tmpdir(), 'ec3l-bench-pglite-'));
await timePglite(pgliteDir);
const pgliteExisting = await timePglite(pgliteDir);

const dataDir = mkdtempSync(join(tmpdir(), 'ec3l-bench-data-'));
const gatewayNew = await timeGateway(dataDir);
const gatewayExisting = await timeGateway(dataDir);

console.log('Embedded start (launch to first /healthz 200), PGlite');
console.log(
  `  new data directory:      gateway ${fmt(gatewayNew / 1000, 2)} s   PGlite alone ${fmt(pgliteNew / 1000, 2)} s   ratio ${fmt(gatewayNew / pgliteNew, 2)}`,
);
console.log(
  `  existing data directory: gateway ${fmt(gatewayExisting / 1000, 2)} s   PGlite alone ${fmt(pgliteExisting / 1000, 2)} s   ratio ${fmt(gatewayExisting / pgliteExisting, 2)}`,
);
console.log(
  `  target: /healthz within 4 s (${gatewayNew < 4000 && gatewayExisting < 4000 ? 'met' : 'NOT met'})`,
);

// Embedded start: time from launching the built gateway on PGlite to its first 200 on /healthz (the
// process is up and answering) and on /readyz (database open, migrated, bootstrapped: the API serves),
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
  const live = performance.now() - t0;
  await waitForOk(`http://127.0.0.1:${port}/readyz`, 60_000);
  const ready = performance.now() - t0;
  await gateway.stop();
  return { live, ready };
};

const pgliteNew = await timePglite(mkdtempSync(join(tmpdir(), 'ec3l-bench-pglite-')));
const pgliteDir = mkdtempSync(join(tmpdir(), 'ec3l-bench-pglite-'));
await timePglite(pgliteDir);
const pgliteExisting = await timePglite(pgliteDir);

const dataDir = mkdtempSync(join(tmpdir(), 'ec3l-bench-data-'));
const gatewayNew = await timeGateway(dataDir);
const gatewayExisting = await timeGateway(dataDir);

const line = (label, g, p) =>
  `  ${label} /healthz ${fmt(g.live / 1000, 2)} s   /readyz ${fmt(g.ready / 1000, 2)} s   PGlite alone ${fmt(p / 1000, 2)} s   ` +
  `ready/PGlite ratio ${fmt(g.ready / p, 2)}`;
console.log('Embedded start (launch to first 200), PGlite');
console.log(line('new data directory:     ', gatewayNew, pgliteNew));
console.log(line('existing data directory:', gatewayExisting, pgliteExisting));
const met = gatewayNew.live < 4000 && gatewayExisting.live < 4000;
console.log(`  target: /healthz within 4 s (${met ? 'met' : 'NOT met'})`);

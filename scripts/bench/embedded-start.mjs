// Embedded start: time from launching the built gateway on PGlite to its first 200 on /healthz (the
// process is up and answering) and on /readyz (database open, migrated, bootstrapped: the API serves),
// on a new data directory and on an existing one, against opening PGlite alone in the same run.
// Targets: /healthz within 4 s of launch; on a restart (existing data directory) /readyz within 1 s.
// Restarts and PGlite-alone opens are repeated and the median is reported (the machine is shared).
import { spawnSync } from 'node:child_process';
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

// PGlite opened by a new Node process, from launch to its exit after one query: what any process that
// embeds PGlite pays before it can serve (loading PGlite, compiling its WebAssembly, starting it cold).
const openInNewProcess = `const { openDatabase } = await import(${JSON.stringify(join(root, 'packages/db/dist/index.js'))});
const database = await openDatabase({ kind: 'pglite', dataDir: process.argv[1] });
await database.ping();
await database.close();`;
const timePgliteProcess = (dir) => {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', openInNewProcess, dir], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('opening PGlite in a new process failed');
  return performance.now() - t0;
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

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const pgliteNew = await timePglite(mkdtempSync(join(tmpdir(), 'ec3l-bench-pglite-')));
const pgliteDir = mkdtempSync(join(tmpdir(), 'ec3l-bench-pglite-'));
await timePglite(pgliteDir);

const dataDir = mkdtempSync(join(tmpdir(), 'ec3l-bench-data-'));
const gatewayNew = await timeGateway(dataDir);
// Interleaved, so both sides see the same load.
const restarts = [];
const pgliteOpens = [];
const pgliteProcesses = [];
for (let run = 0; run < RUNS; run++) {
  restarts.push(await timeGateway(dataDir));
  pgliteOpens.push(await timePglite(pgliteDir));
  pgliteProcesses.push(timePgliteProcess(pgliteDir));
}
const gatewayExisting = {
  live: median(restarts.map((r) => r.live)),
  ready: median(restarts.map((r) => r.ready)),
};
const pgliteExisting = median(pgliteOpens);
const pgliteProcessExisting = median(pgliteProcesses);

const line = (label, g, p) =>
  `  ${label} /healthz ${fmt(g.live / 1000, 2)} s   /readyz ${fmt(g.ready / 1000, 2)} s   PGlite alone ${fmt(p / 1000, 2)} s   ` +
  `ready/PGlite ratio ${fmt(g.ready / p, 2)}`;
console.log('Embedded start (launch to first 200), PGlite');
console.log(line('new data directory:     ', gatewayNew, pgliteNew));
console.log(line(`restart (median of ${RUNS}):  `, gatewayExisting, pgliteExisting));
console.log(
  `  restart /readyz runs: ${restarts.map((r) => fmt(r.ready / 1000, 2)).join(' ')} s; ` +
    `PGlite alone: ${pgliteOpens.map((ms) => fmt(ms / 1000, 2)).join(' ')} s`,
);
console.log(
  `  PGlite in a new process (launch to exit after one query, median of ${RUNS}): ` +
    `${fmt(pgliteProcessExisting / 1000, 2)} s; restart /readyz is ${fmt(gatewayExisting.ready / pgliteProcessExisting, 2)}x that`,
);
const live = gatewayNew.live < 4000 && gatewayExisting.live < 4000;
console.log(`  target: /healthz within 4 s (${live ? 'met' : 'NOT met'})`);
const restart = gatewayExisting.ready < 1000;
console.log(
  `  target: /readyz within 1 s on restart (${restart ? 'met' : 'NOT met'}; ` +
    `${fmt(gatewayExisting.ready / 1000, 2)} s, ${fmt(gatewayExisting.ready / pgliteExisting, 2)}x PGlite alone)`,
);

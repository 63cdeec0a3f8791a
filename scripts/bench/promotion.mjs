// Environment diff on PostgreSQL, through the gateway in process (app.inject): a project with 100
// packages installed in dev, 60 of them promoted to test and 20 of those upgraded in dev since (so
// the diff finds 40 missing, 20 outdated and 40 the same, object by object), then
// GET /api/admin/environments/diff dev → test, median and p99 of 40 calls; target < 200 ms. The
// baseline, in the same run, is one SQL statement reading both environments' latest package rows
// with their contents (what any diff must read): the ratio says what the comparison and the HTTP
// path add to that read.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fmt, scratchDatabase } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gw = await import(join(root, 'apps/gateway/dist/index.js'));
const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));

const PACKAGES = 100;
const RUNS = 40;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p99 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)];

/** A small package: two record types (one based on the other), a choice list, an SLA, a workflow. */
const smallPackage = (i, version) => ({
  key: `bench.p${i}`,
  version,
  name: `Bench package ${i}`,
  choiceLists: [
    {
      key: `p${i}_state`,
      name: `P${i} state`,
      items: [
        { value: 'open', label: 'Open' },
        { value: 'done', label: 'Done' },
      ],
    },
  ],
  recordTypes: [
    { key: `p${i}_base`, name: `P${i} base`, fields: [{ name: 'title', type: 'string', required: true }] },
    {
      key: `p${i}_item`,
      name: `P${i} item`,
      baseType: `p${i}_base`,
      fields: [
        { name: 'state', type: 'choice', choiceListKey: `p${i}_state` },
        { name: 'estimate', type: 'number' },
        ...(version === '1.0.0' ? [] : [{ name: 'notes', type: 'text' }]),
      ],
    },
  ],
  slaPolicies: [{ recordTypeKey: `p${i}_item`, config: { durationMinutes: 240 } }],
  workflows: [
    {
      key: `p${i}_notify`,
      name: `P${i} notify`,
      recordTypeKey: `p${i}_item`,
      steps: [{ stepType: 'notification', config: { channel: 'email', template: 'New item' } }],
    },
  ],
});

const database = await scratchDatabase('ec3l_bench_promotion');
let runtime;
let app;
let client;
try {
  runtime = await gw.openRuntime(
    { database: { kind: 'postgres', url: database.url } },
    pino({ level: 'warn' }),
  );
  app = await gw.buildApp({ database: runtime.database, events: runtime.events });
  await app.ready();
  await gw.provisionTenant(runtime, { slug: 'bench', admins: ['bench-admin'] });
  client = new pg.Client({ connectionString: database.url });
  client.on('error', () => {});
  await client.connect();
  const call = async (method, url, body) => {
    const res = await app.inject({
      method,
      url,
      headers: { 'x-tenant-id': 'bench', 'x-user-id': 'bench-admin' },
      ...(body === undefined ? {} : { payload: body }),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  const project = await call('POST', '/api/projects', { name: 'Promotion benchmark' });
  const environments = await call('GET', `/api/projects/${project.id}/environments`);
  const env = Object.fromEntries(environments.map((e) => [e.name, e.id]));
  const install = (i, version, environmentId) =>
    call('POST', '/api/admin/graph/install', {
      projectId: project.id,
      environmentId,
      package: smallPackage(i, version),
    });

  for (let i = 0; i < 60; i++) await install(i, '1.0.0', env.dev);
  await call('POST', '/api/admin/environments/promote', {
    projectId: project.id,
    fromEnvironmentId: env.dev,
    toEnvironmentId: env.test,
  });
  for (let i = 60; i < PACKAGES; i++) await install(i, '1.0.0', env.dev);
  for (let i = 0; i < 20; i++) await install(i, '1.1.0', env.dev);

  const url = `/api/admin/environments/diff?fromEnvironmentId=${env.dev}&toEnvironmentId=${env.test}`;
  const first = await call('GET', url);
  const { rows: tenants } = await client.query("select id from tenants where slug = 'bench'");
  const baselineSql = `
    select distinct on (environment_id, package_key) environment_id, package_key, version, checksum, package_contents
    from environment_package_installs
    where tenant_id = $1 and environment_id = any($2::uuid[])
    order by environment_id, package_key, installed_at desc, id desc`;
  const timeIt = async (fn) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  for (let i = 0; i < 5; i++) {
    await call('GET', url);
    await client.query(baselineSql, [tenants[0].id, [env.dev, env.test]]);
  }
  const diffs = [];
  const reads = [];
  for (let i = 0; i < RUNS; i++) {
    diffs.push(await timeIt(() => call('GET', url)));
    reads.push(await timeIt(() => client.query(baselineSql, [tenants[0].id, [env.dev, env.test]])));
  }
  const summary = JSON.stringify(first).length;
  console.log('Environment diff, PostgreSQL, through the gateway in process');
  console.log(
    `  ${PACKAGES} packages in dev, 60 promoted to test, 20 upgraded since; answer ${fmt(summary / 1024, 0)} KiB`,
  );
  console.log(
    `  GET /api/admin/environments/diff: median ${fmt(median(diffs), 1)} ms, p99 ${fmt(p99(diffs), 1)} ms (target < 200 ms)`,
  );
  console.log(
    `  baseline, one SQL read of both environments' latest package rows: median ${fmt(median(reads), 1)} ms; ratio diff / read ${fmt(median(diffs) / median(reads), 2)}`,
  );
} catch (error) {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
} finally {
  await app?.close();
  await client?.end().catch(() => {});
  await runtime?.close();
  await database.drop();
}

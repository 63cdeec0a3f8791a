// Graph package installs, on PostgreSQL, through the gateway in process (app.inject):
//  - itsm.lite: its first install into a project, then the same package again (checksum noop),
//    median of 20; target: noop < 50 ms;
//  - a 500-record-type package previewed and applied into a project of a tenant holding 5,000 record
//    types, and of one holding 500; targets: apply < 2 s, time(5,000 types) / time(500) <= 12.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fmt, scratchDatabase } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gw = await import(join(root, 'apps/gateway/dist/index.js'));
const { BUILT_IN_PACKAGES } = await import(join(root, 'packages/graph-packages/dist/index.js'));
const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));

const PACKAGE_TYPES = 500;
const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A package of `n` record types (every fifth starts a base chain), its names unique by key. */
const widePackage = (n, key) => {
  const prefix = key.replace(/\./g, '_');
  return {
    key,
    version: '1.0.0',
    name: `Wide ${key}`,
    recordTypes: Array.from({ length: n }, (_, i) => ({
      key: `${prefix}_t${i}`,
      name: `${key} type ${i}`,
      ...(i % 5 === 0 ? {} : { baseType: `${prefix}_t${i - 1}` }),
      fields: [
        { name: `f${i}`, type: 'string' },
        { name: `g${i}`, type: 'number' },
      ],
    })),
  };
};

const database = await scratchDatabase('ec3l_bench_packages');
let runtime;
let client;
let app;
try {
  runtime = await gw.openRuntime(
    { database: { kind: 'postgres', url: database.url } },
    pino({ level: 'warn' }),
  );
  app = await gw.buildApp({ database: runtime.database, events: runtime.events });
  await app.ready();
  client = new pg.Client({ connectionString: database.url });
  client.on('error', () => {});
  await client.connect();

  const call = async (tenant, method, url, body) => {
    const res = await app.inject({
      method,
      url,
      headers: { 'x-tenant-id': tenant, 'x-user-id': 'bench-admin' },
      ...(body === undefined ? {} : { payload: body }),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const timed = async (fn) => {
    const t0 = performance.now();
    const out = await fn();
    return { ms: performance.now() - t0, out };
  };

  /** A tenant whose first project holds `types` active record types (bulk SQL), and a fresh project to install into. */
  const tenantWith = async (slug, types) => {
    await gw.provisionTenant(runtime, { slug, admins: ['bench-admin'] });
    const filled = await call(slug, 'POST', '/api/projects', { name: 'Filled' });
    const { rows } = await client.query('select id from tenants where slug = $1', [slug]);
    const field = (name) => ({
      name,
      type: 'string',
      label: null,
      required: false,
      defaultValue: null,
      choiceListId: null,
      referenceRecordTypeKey: null,
    });
    const records = Array.from({ length: types }, (_, i) => ({
      key: `t${i}`,
      name: `Type ${i}`,
      base: i % 10 === 9 ? `t${i - 1}` : null,
      schema: { fields: Array.from({ length: 10 }, (_, f) => field(`t${i}_f${f}`)) },
    }));
    await client.query(
      `insert into record_types (tenant_id, id, project_id, key, name, base_type, schema, status)
       select $1, gen_random_uuid(), $2, r.key, r.name, r.base, r.schema, 'active'
       from jsonb_to_recordset($3::jsonb) as r(key text, name text, base text, schema jsonb)`,
      [rows[0].id, filled.id, JSON.stringify(records)],
    );
    return slug;
  };

  /** Preview and apply of a 500-type package into fresh projects of the tenant, medians of RUNS. */
  let run = 0;
  const measure = async (slug) => {
    const previews = [];
    const applies = [];
    for (let r = 0; r < RUNS; r++) {
      run++;
      const project = await call(slug, 'POST', '/api/projects', { name: `Target ${run}` });
      const pkg = widePackage(PACKAGE_TYPES, `bench.wide${run}`);
      const body = { projectId: project.id, package: pkg };
      const preview = await timed(() =>
        call(slug, 'POST', '/api/admin/graph/install', { ...body, preview: true }),
      );
      const apply = await timed(() => call(slug, 'POST', '/api/admin/graph/install', body));
      if (apply.out.status !== 'installed') throw new Error(`expected installed, got ${apply.out.status}`);
      previews.push(preview.ms);
      applies.push(apply.ms);
    }
    return { preview: median(previews), apply: median(applies) };
  };

  const small = await tenantWith('bench500', 500);
  const big = await tenantWith('bench5k', 5_000);
  await measure(small); // warm up: the first requests compile and optimise the install path

  // itsm.lite: first install, then the same checksum again.
  const itsmProject = await call(small, 'POST', '/api/projects', { name: 'ITSM' });
  const itsm = { projectId: itsmProject.id, package: BUILT_IN_PACKAGES['itsm.lite'] };
  const first = await timed(() => call(small, 'POST', '/api/admin/graph/install', itsm));
  if (first.out.status !== 'installed') throw new Error(`itsm.lite: ${first.out.status}`);
  const noops = [];
  for (let i = 0; i < 25; i++) {
    const again = await timed(() => call(small, 'POST', '/api/admin/graph/install', itsm));
    if (again.out.status !== 'noop') throw new Error(`expected noop, got ${again.out.status}`);
    if (i >= 5) noops.push(again.ms);
  }

  const in500 = await measure(small);
  const in5k = await measure(big);

  console.log('Graph package installs, PostgreSQL, through the gateway in process');
  console.log(
    `  itsm.lite first install: ${fmt(first.ms, 1)} ms; same checksum again (noop), median of ${noops.length}: ` +
      `${fmt(median(noops), 1)} ms (target < 50 ms)`,
  );
  for (const [label, m] of [
    ['500-type tenant  ', in500],
    ['5,000-type tenant', in5k],
  ]) {
    console.log(
      `  ${PACKAGE_TYPES}-type package into a ${label}: preview ${fmt(m.preview, 0)} ms, apply ${fmt(m.apply, 0)} ms (target < 2000 ms)`,
    );
  }
  console.log(
    `  ratio 5,000 / 500 types: preview ${fmt(in5k.preview / in500.preview, 2)}, apply ${fmt(in5k.apply / in500.apply, 2)} (target <= 12)`,
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

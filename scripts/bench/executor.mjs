// Change executor at scale, on PostgreSQL. In a tenant with 5,000 record types (10 fields each):
//  - merge a change of 1,000 ops over 100 types and one of 10,000 ops over 1,000 types;
//    targets: 1,000-op merge under 1 s, time(10,000)/time(1,000) <= 12 (no quadratic step);
//  - validate a 10,000-type graph in memory; target under 200 ms (ratio against 1,000 types printed);
//  - a one-field change over HTTP (checkin + merge), median of 30; target under 20 ms, printed against
//    a plain GET of one record type measured in the same run.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fmt, freePort, scratchDatabase, start, waitForOk } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gw = await import(join(root, 'apps/gateway/dist/index.js'));
const graph = await import(join(root, 'packages/graph/dist/index.js'));
const { systemContext } = await import(join(root, 'packages/kernel/dist/index.js'));
const { createTenancyService } = await import(join(root, 'packages/tenancy/dist/index.js'));
const { withTenant } = await import(join(root, 'packages/db/dist/index.js'));
const { createChangeService } = await import(join(root, 'packages/change-engine/dist/index.js'));
const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));

const TYPES = 5_000;
const FIELDS = 10;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const field = (name) => ({
  name,
  type: 'string',
  label: null,
  required: false,
  defaultValue: null,
  choiceListId: null,
  referenceRecordTypeKey: null,
});

const database = await scratchDatabase('ec3l_bench_exec');
let gateway;
let client;
try {
  const runtime = await gw.openRuntime(
    { database: { kind: 'postgres', url: database.url } },
    pino({ level: 'warn' }),
  );
  await gw.provisionTenant(runtime, { slug: 'bench', admins: ['bench-admin'] });
  const tenancy = createTenancyService({ db: runtime.database.db, events: runtime.events });
  const tenant = await tenancy.resolveTenant('bench');
  const ctx = { ...systemContext(tenant.id, 'bench'), userId: 'bench-admin', isSystem: false };
  // Outside a request: every use case runs in the tenant's scope (row-level security).
  const inTenant = (service) =>
    new Proxy(service, {
      get: (target, key) =>
        typeof target[key] === 'function'
          ? (...args) => withTenant(tenant.id, () => target[key](...args))
          : target[key],
    });
  const project = await inTenant(tenancy).createProject(ctx, { name: 'Scale' });

  // 5,000 active record types, a tenth of them inheriting from another, in one statement.
  client = new pg.Client({ connectionString: database.url });
  client.on('error', () => {});
  await client.connect();
  const rows = Array.from({ length: TYPES }, (_, i) => ({
    key: `t${i}`,
    name: `Type ${i}`,
    base: i % 10 === 9 ? `t${i - 1}` : null,
    schema: { fields: Array.from({ length: FIELDS }, (_, f) => field(`t${i}_f${f}`)) },
  }));
  await client.query(
    `insert into record_types (tenant_id, id, project_id, key, name, base_type, schema, status)
     select $1, gen_random_uuid(), $2, r.key, r.name, r.base, r.schema, 'active'
     from jsonb_to_recordset($3::jsonb) as r(key text, name text, base text, schema jsonb)`,
    [tenant.id, project.id, JSON.stringify(rows)],
  );
  const changes = inTenant(
    createChangeService({
      db: runtime.database.db,
      events: runtime.events,
      requireProject: tenancy.requireProject,
      projectParts: async () => ({ moduleIds: [], environmentIds: [] }),
    }),
  );

  /** A Ready change adding opsPerType fields to each of `types` record types, set up with bulk SQL. */
  let offset = 0;
  const prepareChange = async (types, opsPerType) => {
    const change = await changes.createChange(ctx, {
      projectId: project.id,
      title: `${types * opsPerType} ops`,
    });
    const targets = Array.from({ length: types }, (_, i) => ({
      id: crypto.randomUUID(),
      key: `t${offset + i}`,
    }));
    offset += types;
    await client.query(
      `insert into change_targets (tenant_id, id, project_id, change_id, type, selector)
       select $1, t.id, $2, $3, 'record_type', jsonb_build_object('recordTypeKey', t.key)
       from jsonb_to_recordset($4::jsonb) as t(id uuid, key text)`,
      [tenant.id, project.id, change.id, JSON.stringify(targets)],
    );
    const ops = targets.flatMap((t) =>
      Array.from({ length: opsPerType }, (_, j) => ({
        target: t.id,
        payload: { field: field(`${t.key}_added_${j}`) },
      })),
    );
    await client.query(
      `insert into change_patch_ops (tenant_id, id, change_id, target_id, op_type, payload)
       select $1, gen_random_uuid(), $2, (e.v->>'target')::uuid, 'add_field', e.v->'payload'
       from jsonb_array_elements($3::jsonb) with ordinality e(v, n) order by e.n`,
      [tenant.id, change.id, JSON.stringify(ops)],
    );
    const checked = await changes.checkin(ctx, change.id);
    if (checked.status !== 'Ready')
      throw new Error(`checkin failed: ${JSON.stringify(checked.validationErrors.slice(0, 3))}`);
    return change.id;
  };

  const timeMerge = async (types, opsPerType) => {
    const id = await prepareChange(types, opsPerType);
    const t0 = performance.now();
    await changes.merge(ctx, id);
    return performance.now() - t0;
  };
  await timeMerge(10, 10); // warm up
  const m1 = median([await timeMerge(100, 10), await timeMerge(100, 10), await timeMerge(100, 10)]);
  const m10 = median([await timeMerge(1_000, 10), await timeMerge(1_000, 10), await timeMerge(1_000, 10)]);

  // Graph validation in memory, 1,000 and 10,000 types.
  const snapshotOf = (n) => ({
    recordTypes: Array.from({ length: n }, (_, i) => ({
      id: `id${i}`,
      projectId: 'p',
      key: `t${i}`,
      name: `T${i}`,
      baseType: i % 10 === 9 ? `t${i - 1}` : null,
      status: 'active',
      version: 1,
      fields: Array.from({ length: FIELDS }, (_, f) => field(`t${i}_f${f}`)),
    })),
    choiceListIds: [],
  });
  const timeValidate = (n) => {
    const s = snapshotOf(n);
    const times = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      graph.validateGraph(s);
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const v1 = timeValidate(1_000);
  const v10 = timeValidate(10_000);

  // The same one-field change in process (no HTTP, no guard), to split the HTTP figure below.
  const inProcess = { checkin: [], merge: [] };
  for (let i = 0; i < 25; i++) {
    const change = await changes.createChange(ctx, { projectId: project.id, title: `in-process ${i}` });
    const target = await changes.addTarget(ctx, change.id, {
      type: 'record_type',
      selector: { recordTypeKey: `t${4500 + i}` },
    });
    await changes.addOp(ctx, change.id, {
      targetId: target.id,
      opType: 'add_field',
      payload: { field: { name: `in_process_${i}`, type: 'text' } },
    });
    const t0 = performance.now();
    await changes.checkin(ctx, change.id);
    const t1 = performance.now();
    await changes.merge(ctx, change.id);
    const t2 = performance.now();
    if (i >= 5) {
      inProcess.checkin.push(t1 - t0);
      inProcess.merge.push(t2 - t1);
    }
  }

  await runtime.close();

  // One-field change over HTTP against the gateway process.
  const port = await freePort();
  gateway = start(join(root, 'apps/gateway/dist/main.js'), {
    DATABASE_URL: database.url,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    EC3L_BOOTSTRAP_TENANTS: 'bench',
    EC3L_BOOTSTRAP_ADMINS: 'bench-admin',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/readyz`);
  const headers = { 'content-type': 'application/json', 'x-tenant-id': 'bench', 'x-user-id': 'bench-admin' };
  const post = async (path, body) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const { rows: sample } = await client.query(
    `select id from record_types where tenant_id = $1 and key = 't4999'`,
    [tenant.id],
  );
  const http = [];
  const reads = [];
  for (let i = 0; i < 35; i++) {
    const key = `t${4000 + i * 3}`;
    const change = await post('/api/changes', { projectId: project.id, title: `one field ${i}` });
    const target = await post(`/api/changes/${change.id}/targets`, {
      type: 'record_type',
      selector: { recordTypeKey: key },
    });
    await post(`/api/changes/${change.id}/patch-ops`, {
      targetId: target.id,
      opType: 'add_field',
      payload: { field: { name: 'one_more', type: 'text' } },
    });
    const t0 = performance.now();
    await post(`/api/changes/${change.id}/checkin`);
    await post(`/api/changes/${change.id}/merge`);
    const t1 = performance.now();
    await fetch(`${base}/api/record-types/${sample[0].id}`, { headers }).then((r) => r.json());
    const t2 = performance.now();
    if (i >= 5) {
      http.push(t1 - t0);
      reads.push(t2 - t1);
    }
  }

  console.log(`Change executor, PostgreSQL, tenant with ${TYPES} record types x ${FIELDS} fields`);
  console.log(`  merge 1,000 ops / 100 types:    ${fmt(m1, 0)} ms (target < 1000 ms)`);
  console.log(
    `  merge 10,000 ops / 1,000 types: ${fmt(m10, 0)} ms   ratio ${fmt(m10 / m1, 2)} (target <= 12)`,
  );
  console.log(
    `  validate 1,000 types: ${fmt(v1, 1)} ms   10,000 types: ${fmt(v10, 1)} ms (target < 200 ms)   ratio ${fmt(v10 / v1, 2)}`,
  );
  console.log(
    `  one-field change in process: checkin ${fmt(median(inProcess.checkin), 1)} ms + merge ${fmt(median(inProcess.merge), 1)} ms (medians of 20)`,
  );
  console.log(
    `  one-field change over HTTP (checkin + merge), median of ${http.length}: ${fmt(median(http), 1)} ms (target < 20 ms); ` +
      `GET one record type in the same run: ${fmt(median(reads), 1)} ms; ratio ${fmt(median(http) / median(reads), 1)}`,
  );
} catch (error) {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
} finally {
  await client?.end().catch(() => {});
  await gateway?.stop();
  await database.drop();
}

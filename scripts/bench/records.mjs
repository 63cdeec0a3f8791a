// Record instances on PostgreSQL, through the gateway process, against a bare Fastify + pg server doing
// the same row write / read in the same run (autocannon):
//  - create over HTTP (validation, assignment, event, one transaction) vs a bare insert: target >= 0.25;
//  - the same create on a type with an active form of three rules (the form-rule check), against the
//    create without one;
//  - read by id vs a bare select: target >= 0.5;
//  - a page of 50 from a type with 100,000 records (default order, a filter, a field sort, a deep
//    cursor): target p99 < 50 ms;
//  - merging a rename_field on that type: metadata only, target < 200 ms.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { fmt, freePort, scratchDatabase, start, waitForOk } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const duration = Number(process.env.BENCH_SECONDS ?? 6);
const RECORDS = 100_000;

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon({ connections, duration, ...options }, (err, result) => (err ? reject(err) : resolve(result)));
  });

const measure = async (label, options) => {
  await run({ ...options, duration: 2 });
  const result = await run(options);
  const failed = result.non2xx + result.errors;
  if (failed > 0) throw new Error(`${label}: ${failed} failed requests`);
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
};

const database = await scratchDatabase('ec3l_bench_records');
const gatewayPort = await freePort();
const barePort = await freePort();
const gateway = start(join(root, 'apps/gateway/dist/main.js'), {
  DATABASE_URL: database.url,
  PORT: String(gatewayPort),
  EC3L_BOOTSTRAP_TENANTS: 'bench',
  EC3L_BOOTSTRAP_ADMINS: 'bench-admin',
  LOG_LEVEL: 'warn',
});
let bare;
const client = new pg.Client({ connectionString: database.url });
client.on('error', () => {});
try {
  const base = `http://127.0.0.1:${gatewayPort}`;
  await waitForOk(`${base}/readyz`);
  const headers = { 'content-type': 'application/json', 'x-tenant-id': 'bench', 'x-user-id': 'bench-admin' };
  const call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const project = await call('POST', '/api/projects', { name: 'Records benchmark' });
  const list = await call('POST', '/api/choice-lists', {
    name: 'Priorities',
    items: [{ value: 'p1' }, { value: 'p2' }, { value: 'p3' }],
  });
  const fields = [
    { name: 'title', type: 'string', required: true },
    { name: 'priority', type: 'choice', choiceListId: list.id, defaultValue: 'p3' },
    { name: 'estimate', type: 'number' },
    { name: 'urgent', type: 'boolean' },
  ];
  const activeType = async (key, extra = {}) => {
    const rt = await call('POST', '/api/record-types', {
      projectId: project.id,
      key,
      name: key,
      fields,
      ...extra,
    });
    await call('POST', `/api/record-types/${rt.id}/activate`);
    return rt;
  };
  const assignmentConfig = {
    type: 'field_match',
    field: 'priority',
    rules: [{ equals: 'p1', assignTo: { type: 'group', value: 'major' } }],
    default: { type: 'group', value: 'desk' },
  };
  const ticket = await activeType('ticket', { assignmentConfig });
  const big = await activeType('big');

  await client.connect();
  const { rows: tenants } = await client.query("select id from tenants where slug = 'bench'");
  const tenantId = tenants[0].id;
  // 100,000 records of "big" in one statement, under the storage keys of its fields.
  const { rows: schemaRows } = await client.query('select schema from record_types where id = $1', [big.id]);
  const key = Object.fromEntries(schemaRows[0].schema.fields.map((f) => [f.name, f.storageKey]));
  await client.query(
    `insert into record_instances (tenant_id, id, record_type_id, data, created_by, assigned_group, created_at, updated_at)
     select $1, gen_random_uuid(), $2,
            jsonb_build_object($3::text, 'Record ' || n, $4::text, 'p' || (1 + n % 3), $5::text, n % 1000),
            'bench-admin', 'desk', now() - n * interval '1 second', now() - n * interval '1 second'
     from generate_series(1, ${RECORDS}) n`,
    [tenantId, big.id, key.title, key.priority, key.estimate],
  );
  await client.query('analyze record_instances');

  bare = start(join(root, 'scripts/bench/bare-records-server.mjs'), {
    DATABASE_URL: database.url,
    PORT: String(barePort),
    BENCH_TENANT_ID: tenantId,
  });
  const bareBase = `http://127.0.0.1:${barePort}`;
  const sample = await call('POST', '/api/record-instances', {
    recordTypeId: ticket.id,
    data: { title: 'Printer on fire', priority: 'p1', estimate: 3 },
  });
  await waitForOk(`${bareBase}/records/${sample.id}`);

  const createBody = JSON.stringify({
    recordTypeId: ticket.id,
    data: { title: 'Printer on fire', priority: 'p2', estimate: 3, urgent: true },
  });
  const bareCreate = await measure('bare insert', {
    url: `${bareBase}/records`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: createBody,
  });
  const gatewayCreate = await measure('gateway create', {
    url: `${base}/api/record-instances`,
    method: 'POST',
    headers,
    body: createBody,
  });
  // An active form with three conditional rules on a second, identical type: every create runs the check.
  const formed = await activeType('formed_ticket', { assignmentConfig });
  const form = await call('POST', '/api/form-definitions', { recordTypeId: formed.id, name: 'default' });
  const section = await call('POST', `/api/form-definitions/${form.id}/sections`, { title: 'Main' });
  for (const field of ['title', 'priority', 'estimate', 'urgent'])
    await call('POST', `/api/form-sections/${section.id}/placements`, { field });
  for (const rule of [
    {
      ruleType: 'required',
      targetField: 'estimate',
      condition: { field: 'priority', op: 'eq', value: 'p1' },
    },
    { ruleType: 'readOnly', targetField: 'urgent', condition: { field: 'priority', op: 'eq', value: 'p3' } },
    {
      ruleType: 'visible',
      targetField: 'estimate',
      condition: { field: 'urgent', op: 'eq', value: false },
      value: false,
    },
  ])
    await call('POST', `/api/form-definitions/${form.id}/rules`, { value: true, ...rule });
  await call('POST', `/api/form-definitions/${form.id}/activate`);
  const formedCreate = await measure('create, active form', {
    url: `${base}/api/record-instances`,
    method: 'POST',
    headers,
    body: JSON.stringify({
      recordTypeId: formed.id,
      data: { title: 'Printer on fire', priority: 'p2', estimate: 3, urgent: true },
    }),
  });
  const bareRead = await measure('bare select', { url: `${bareBase}/records/${sample.id}` });
  const gatewayRead = await measure('gateway read', {
    url: `${base}/api/record-instances/${sample.id}`,
    headers,
  });
  // The gateway's own floor for a read (identity, scoping, serialization, one select), for context.
  const projectRead = await measure('gateway GET project', {
    url: `${base}/api/projects/${project.id}`,
    headers,
  });

  const listUrl = `${base}/api/record-instances?recordTypeId=${big.id}&limit=50`;
  const deep = await fetch(`${listUrl}&sort=-createdAt`, { headers });
  let cursor = deep.headers.get('x-next-cursor');
  for (let i = 0; i < 20 && cursor; i++) {
    cursor = (await fetch(`${listUrl}&sort=-createdAt&cursor=${cursor}`, { headers })).headers.get(
      'x-next-cursor',
    );
  }
  const listConnections = 4;
  const lists = [];
  for (const [label, url] of [
    ['first page, createdAt', listUrl],
    ['first page, -createdAt', `${listUrl}&sort=-createdAt`],
    ['page 22, -createdAt', `${listUrl}&sort=-createdAt&cursor=${cursor}`],
    ['filter priority:p2', `${listUrl}&filter=priority:p2`],
    ['filter estimate:7', `${listUrl}&filter=estimate:7`],
  ]) {
    lists.push(await measure(label, { url, headers, connections: listConnections }));
  }

  // Rename a field of the 100,000-record type: the merge is metadata only.
  const renames = [];
  for (let i = 0; i < 5; i++) {
    const change = await call('POST', '/api/changes', { projectId: project.id, title: `rename ${i}` });
    const target = await call('POST', `/api/changes/${change.id}/targets`, {
      type: 'record_type',
      selector: { recordTypeKey: 'big' },
    });
    await call('POST', `/api/changes/${change.id}/patch-ops`, {
      targetId: target.id,
      opType: 'rename_field',
      payload: i % 2 === 0 ? { from: 'title', to: 'summary' } : { from: 'summary', to: 'title' },
    });
    await call('POST', `/api/changes/${change.id}/checkin`);
    const t0 = performance.now();
    await call('POST', `/api/changes/${change.id}/merge`);
    renames.push(performance.now() - t0);
  }
  const renamed = await call('GET', `/api/record-instances?recordTypeId=${big.id}&limit=1`);
  if (!('summary' in renamed[0].data)) throw new Error('the renamed field lost its values');

  const line = (r) =>
    `  ${r.label.padEnd(24)} ${fmt(r.rps, 0).padStart(7)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms`;
  console.log(
    `Record instances, PostgreSQL, ${connections} connections, ${duration} s each (machine shared: compare within the run)`,
  );
  for (const r of [bareCreate, gatewayCreate]) console.log(line(r));
  console.log(`  create ratio gateway/bare: ${fmt(gatewayCreate.rps / bareCreate.rps, 2)} (target >= 0.25)`);
  console.log(line(formedCreate));
  console.log(
    `  create with an active form / without: ${fmt(formedCreate.rps / gatewayCreate.rps, 2)}; with a form / bare: ${fmt(formedCreate.rps / bareCreate.rps, 2)}`,
  );
  for (const r of [bareRead, gatewayRead]) console.log(line(r));
  console.log(line(projectRead));
  console.log(
    `  read ratio gateway/bare:   ${fmt(gatewayRead.rps / bareRead.rps, 2)} (target >= 0.50); GET project/bare in the same run: ${fmt(projectRead.rps / bareRead.rps, 2)}`,
  );
  console.log(
    `A page of 50 from a type with ${RECORDS.toLocaleString('en')} records, ${listConnections} connections (target p99 < 50 ms)`,
  );
  for (const r of lists) console.log(line(r));
  const sorted = [...renames].sort((a, b) => a - b);
  console.log(
    `Merge of a rename_field on that type over HTTP: median ${fmt(sorted[2], 1)} ms, max ${fmt(sorted[4], 1)} ms of 5 (target < 200 ms)`,
  );
} catch (error) {
  console.error('benchmark failed:', error);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await bare?.stop();
  await gateway.stop();
  await database.drop();
}

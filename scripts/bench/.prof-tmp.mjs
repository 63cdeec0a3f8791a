import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, scratchDatabase } from './lib.mjs';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const req = createRequire(join(root, 'packages/db/package.json'));
const pg = req('pg');
const log = [];
let on = false;
const orig = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, cb) {
  const text = typeof config === 'string' ? config : config?.text;
  const t0 = performance.now();
  const r = orig.call(this, config, values, cb);
  if (on && r && typeof r.then === 'function') r.then(() => log.push([performance.now() - t0, text?.replace(/\s+/g, ' ').slice(0, 110)]), () => {});
  return r;
};
const gw = await import(join(root, 'apps/gateway/dist/index.js'));
const { systemContext } = await import(join(root, 'packages/kernel/dist/index.js'));
const { createTenancyService } = await import(join(root, 'packages/tenancy/dist/index.js'));
const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));
const database = await scratchDatabase('ec3l_prof');
try {
  const runtime = await gw.openRuntime({ database: { kind: 'postgres', url: database.url } }, pino({ level: 'warn' }));
  await gw.provisionTenant(runtime, { slug: 'bench', admins: ['bench-admin'] });
  const tenancy = createTenancyService({ db: runtime.database.db, events: runtime.events });
  const tenant = await tenancy.resolveTenant('bench');
  const ctx = { ...systemContext(tenant.id, 'bench'), userId: 'bench-admin', isSystem: false };
  const project = await tenancy.createProject(ctx, { name: 'Scale' });
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  const rows = Array.from({ length: 5000 }, (_, i) => ({ key: `t${i}`, name: `Type ${i}`, base: i % 10 === 9 ? `t${i - 1}` : null,
    schema: { fields: Array.from({ length: 10 }, (_, f) => ({ name: `t${i}_f${f}`, type: 'string', label: null, required: false, defaultValue: null, choiceListId: null, referenceRecordTypeKey: null })) } }));
  await c.query(`insert into record_types (tenant_id, id, project_id, key, name, base_type, schema, status)
     select $1, gen_random_uuid(), $2, r.key, r.name, r.base, r.schema, 'active' from jsonb_to_recordset($3::jsonb) as r(key text, name text, base text, schema jsonb)`, [tenant.id, project.id, JSON.stringify(rows)]);
  await c.query('analyze');
  await c.end();
  const app = await gw.buildApp({ database: runtime.database, events: runtime.events });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  const headers = { 'content-type': 'application/json', 'x-tenant-id': 'bench', 'x-user-id': 'bench-admin' };
  const post = async (path, body) => { const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) }); if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`); return res.json(); };
  const times = { checkin: [], merge: [], get: [], health: [] };
  const { rows: sample } = await runtime.database.db.selectFrom('record_types').select('id').where('key', '=', 't4999').execute().then((r) => ({ rows: r }));
  for (let i = 0; i < 30; i++) {
    const change = await post('/api/changes', { projectId: project.id, title: `one field ${i}` });
    const target = await post(`/api/changes/${change.id}/targets`, { type: 'record_type', selector: { recordTypeKey: `t${4000 + i * 3}` } });
    await post(`/api/changes/${change.id}/patch-ops`, { targetId: target.id, opType: 'add_field', payload: { field: { name: 'one_more', type: 'text' } } });
    await new Promise((r) => setTimeout(r, 5));
    const last = i === 29;
    if (last) { on = true; log.push([0, '--- checkin']); }
    let t0 = performance.now();
    await post(`/api/changes/${change.id}/checkin`);
    times.checkin.push(performance.now() - t0);
    if (last) log.push([0, '--- merge']);
    t0 = performance.now();
    await post(`/api/changes/${change.id}/merge`);
    times.merge.push(performance.now() - t0);
    if (last) log.push([0, '--- get']);
    t0 = performance.now();
    await fetch(`${base}/api/record-types/${sample[0].id}`, { headers }).then((r) => r.json());
    times.get.push(performance.now() - t0);
    t0 = performance.now();
    await fetch(`${base}/healthz`).then((r) => r.text());
    times.health.push(performance.now() - t0);
    on = false;
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(2);
  console.log(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, med(v.slice(5))])));
  for (const [t, q] of log) console.log(t.toFixed(2).padStart(7), q);
  await app.close();
  await runtime.close();
} finally {
  await database.drop();
}

// SLA timer processing at scale, on PostgreSQL: 100,000 due timers of one tenant, breached once each by
// processDueTimers (4 callers at once, batches of 1,000, through the application role and row-level
// security). Printed against a baseline measured in the same run on the same rows: one raw
// `UPDATE … WHERE status = 'pending' AND due_at <= now()` as the table owner. Also checks that no timer
// was breached twice (events per timer and rows in the database).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fmt, scratchDatabase } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gw = await import(join(root, 'apps/gateway/dist/index.js'));
const { createEventBus } = await import(join(root, 'packages/kernel/dist/index.js'));
const { createSlaTimers } = await import(join(root, 'packages/records/dist/index.js'));
const { withTenant } = await import(join(root, 'packages/db/dist/index.js'));
const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));

const TIMERS = 100_000;
const WORKERS = 4;
const BATCH = 1_000;

const database = await scratchDatabase('ec3l_bench_timers');
let runtime;
let client;
try {
  runtime = await gw.openRuntime(
    { database: { kind: 'postgres', url: database.url } },
    pino({ level: 'warn' }),
  );
  await gw.provisionTenant(runtime, { slug: 'bench', admins: ['bench-admin'] });
  client = new pg.Client({ connectionString: database.url });
  client.on('error', () => {});
  await client.connect();
  const {
    rows: [tenant],
  } = await client.query(`select id from tenants where slug = 'bench'`);
  const {
    rows: [project],
  } = await client.query(
    `insert into projects (tenant_id, id, name) values ($1, gen_random_uuid(), 'Timers') returning id`,
    [tenant.id],
  );
  const {
    rows: [recordType],
  } = await client.query(
    `insert into record_types (tenant_id, id, project_id, key, name, schema, sla_config, status)
     values ($1, gen_random_uuid(), $2, 'incident', 'Incident', '{"fields":[]}', '{"durationMinutes":60}', 'active')
     returning id`,
    [tenant.id, project.id],
  );
  await client.query(
    `insert into record_instances (tenant_id, id, record_type_id, data, created_at, updated_at)
     select $1, gen_random_uuid(), $2, '{}', now() - interval '2 hours', now() - interval '2 hours'
     from generate_series(1, $3)`,
    [tenant.id, recordType.id, TIMERS],
  );
  await client.query(
    `insert into record_timers (tenant_id, id, record_id, type, status, due_at, warn_at, state)
     select tenant_id, gen_random_uuid(), id, 'sla', 'pending', now() - interval '1 hour' - random() * interval '30 minutes',
       null, '{}'::jsonb
     from record_instances where tenant_id = $1`,
    [tenant.id],
  );
  const reset = async () => {
    await client.query(
      `update record_timers set status = 'pending', breached_at = null, warned_at = null where tenant_id = $1`,
      [tenant.id],
    );
    await client.query('vacuum analyze record_timers');
  };
  await client.query('vacuum analyze record_timers');

  // Baseline: one raw statement over the same rows.
  let started = performance.now();
  const raw = await client.query(
    `update record_timers set status = 'breached', breached_at = now(), updated_at = now()
     where status = 'pending' and due_at <= now()`,
  );
  const rawMs = performance.now() - started;
  if (raw.rowCount !== TIMERS) throw new Error(`the baseline breached ${raw.rowCount} timers, not ${TIMERS}`);
  await reset();

  // processDueTimers: several callers at once, as several scheduler replicas would.
  const breachedEvents = new Map();
  const bus = createEventBus();
  bus.subscribe('record.sla.breached', (_ctx, event) => {
    breachedEvents.set(event.entityId, (breachedEvents.get(event.entityId) ?? 0) + 1);
  });
  const timers = createSlaTimers({ db: runtime.database.db, events: bus });
  const now = new Date();
  let answered = 0;
  const worker = async () => {
    for (;;) {
      const result = await withTenant(tenant.id, () =>
        timers.processDueTimers({ now, tenantId: tenant.id, limit: BATCH }),
      );
      answered += result.breached;
      if (result.processed === 0) return;
    }
  };
  started = performance.now();
  await Promise.all(Array.from({ length: WORKERS }, worker));
  const processMs = performance.now() - started;
  await bus.drain();

  const {
    rows: [stored],
  } = await client.query(
    `select count(*) filter (where status = 'breached')::int as breached, count(*)::int as total
     from record_timers where tenant_id = $1`,
    [tenant.id],
  );
  const doubles = [...breachedEvents.values()].reduce((sum, n) => sum + (n - 1), 0);
  const rawRate = TIMERS / (rawMs / 1000);
  const processRate = TIMERS / (processMs / 1000);
  console.log(`timers: ${TIMERS.toLocaleString('en')} due, ${WORKERS} callers, batches of ${BATCH}`);
  console.log(`baseline raw UPDATE:  ${fmt(rawMs, 0)} ms  (${fmt(rawRate, 0)} timers/s)`);
  console.log(`processDueTimers:     ${fmt(processMs, 0)} ms  (${fmt(processRate, 0)} timers/s)`);
  console.log(`throughput ratio processDueTimers / baseline: ${fmt(processRate / rawRate, 2)}`);
  console.log(
    `breached in the database: ${stored.breached} of ${stored.total}; answered ${answered}; events ${breachedEvents.size} timers; double breaches: ${doubles}`,
  );
  if (stored.breached !== TIMERS || answered !== TIMERS || breachedEvents.size !== TIMERS || doubles !== 0) {
    process.exitCode = 1;
  }
} finally {
  await client?.end();
  await runtime?.close();
  await database.drop();
}

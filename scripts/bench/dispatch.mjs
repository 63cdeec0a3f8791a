// Intent dispatch throughput on PostgreSQL: 10,000 intents drained by 8 workers in 2 processes (4 claim
// loops each) through the real dispatcher (leases, fencing, heartbeats, row-level security, domain
// events), against a raw SKIP LOCKED claim loop on a table of the same shape in the same run (claim a
// batch, then per intent one transaction writing the execution and completing the intent).
// Targets: ours >= 0.5 of the raw loop's throughput, 0 double executions, 0 intents left pending.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { fmt, scratchDatabase } from './lib.mjs';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..', '..');
const INTENTS = 10_000;
const PROCESSES = 2;
const LOOPS = 4;
const BATCH = 10;

const [role, kind, url, tenantId] = process.argv.slice(2);

const worker = async () => {
  const ready = new Promise((resolve) => process.once('message', resolve));
  let run;
  if (kind === 'ours') {
    const { openDatabase } = await import(join(root, 'packages/db/dist/index.js'));
    const { createDispatcher } = await import(join(root, 'packages/workflow/dist/index.js'));
    const { createPersistentEventBus } = await import(join(root, 'apps/gateway/dist/runtime.js'));
    const database = await openDatabase({ kind: 'postgres', url, poolSize: LOOPS + 2 });
    const events = createPersistentEventBus(database.db, () => {});
    const dispatcher = createDispatcher({
      db: database.db,
      events,
      dispatch: async (trx, intent) => {
        const id = randomUUID();
        await trx.insertInto('bench_executions').values({ id, intent_id: intent.id }).execute();
        return { executionId: id, status: 'completed' };
      },
    });
    run = async () => {
      let claimed = 0;
      for (;;) {
        const r = await dispatcher.dispatchPending(
          { id: tenantId, slug: 'bench' },
          { limit: 100_000, batchSize: BATCH, concurrency: LOOPS },
        );
        claimed += r.claimed;
        if (r.claimed === 0) break;
      }
      await events.drain();
      await database.close();
      return claimed;
    };
  } else {
    const pool = new pg.Pool({ connectionString: url, max: LOOPS });
    const lane = async () => {
      let claimed = 0;
      for (;;) {
        const { rows } = await pool.query(
          `update bench_raw_intents i
              set status = 'running', attempt = i.attempt + 1, lease_owner = $3,
                  lease_expires_at = now() + interval '30 seconds'
            where (i.tenant_id, i.id) in (
              select tenant_id, id from bench_raw_intents
               where tenant_id = $1 and status = 'pending' and available_at <= now()
               order by available_at, id limit $2 for update skip locked)
           returning i.id`,
          [tenantId, BATCH, `raw-${process.pid}`],
        );
        if (rows.length === 0) return claimed;
        claimed += rows.length;
        for (const row of rows) {
          const client = await pool.connect();
          try {
            await client.query('begin');
            const id = randomUUID();
            await client.query('insert into bench_raw_executions (id, intent_id) values ($1, $2)', [
              id,
              row.id,
            ]);
            await client.query(
              `update bench_raw_intents
                  set status = 'completed', execution_id = $3, completed_at = now(),
                      lease_owner = null, lease_expires_at = null
                where tenant_id = $1 and id = $2`,
              [tenantId, row.id, id],
            );
            await client.query('commit');
          } finally {
            client.release();
          }
        }
      }
    };
    run = async () => {
      const counts = await Promise.all(Array.from({ length: LOOPS }, lane));
      await pool.end();
      return counts.reduce((a, b) => a + b, 0);
    };
  }
  process.send('ready');
  await ready;
  const claimed = await run();
  process.send({ claimed });
};

/** Runs PROCESSES workers of a kind from one start signal; answers the seconds until all are done. */
const drain = async (which, dbUrl, tenant) => {
  const children = Array.from({ length: PROCESSES }, () =>
    fork(here, ['worker', which, dbUrl, tenant], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  // Watched from the start: a worker can exit while the others are still draining.
  const exited = children.map((c) => once(c, 'exit'));
  await Promise.all(children.map((c) => once(c, 'message')));
  const started = performance.now();
  const done = children.map((c) => once(c, 'message'));
  for (const c of children) c.send('go');
  const claimed = (await Promise.all(done)).reduce((n, [m]) => n + m.claimed, 0);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(exited);
  return { seconds, claimed };
};

const main = async () => {
  const gw = await import(join(root, 'apps/gateway/dist/index.js'));
  const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));
  const database = await scratchDatabase('ec3l_bench_dispatch');
  const client = new pg.Client({ connectionString: database.url });
  try {
    const runtime = await gw.openRuntime(
      { database: { kind: 'postgres', url: database.url } },
      pino({ level: 'warn' }),
    );
    await gw.provisionTenant(runtime, { slug: 'bench', admins: ['bench-admin'] });
    await runtime.close();
    await client.connect();
    const tenant = (await client.query(`select id from tenants where slug = 'bench'`)).rows[0].id;
    const project = randomUUID();
    const definition = randomUUID();
    const trigger = randomUUID();
    await client.query(`insert into projects (tenant_id, id, name) values ($1, $2, 'Bench')`, [
      tenant,
      project,
    ]);
    await client.query(
      `insert into workflow_definitions (tenant_id, id, project_id, name, trigger_type, status)
       values ($1, $2, $3, 'Bench', 'manual', 'active')`,
      [tenant, definition, project],
    );
    await client.query(
      `insert into workflow_triggers (tenant_id, id, workflow_definition_id, trigger_type) values ($1, $2, $3, 'manual')`,
      [tenant, trigger, definition],
    );
    await client.query('create table bench_executions (id uuid primary key, intent_id uuid not null)');
    await client.query('create table bench_raw_executions (id uuid primary key, intent_id uuid not null)');
    await client.query('create table bench_raw_intents (like workflow_execution_intents including all)');
    const seed = (table) =>
      client.query(
        `insert into ${table} (tenant_id, id, workflow_definition_id, trigger_id, trigger_type, idempotency_key)
         select $1, gen_random_uuid(), $2, $3, 'manual', 'bench:' || g from generate_series(1, $4) g`,
        [tenant, definition, trigger, INTENTS],
      );
    await seed('workflow_execution_intents');
    await seed('bench_raw_intents');
    await client.query('analyze');

    const raw = await drain('raw', database.url, tenant);
    const ours = await drain('ours', database.url, tenant);

    const check = async (intents, executions) => {
      const doubles = (
        await client.query(
          `select count(*)::int as n from (select intent_id from ${executions} group by intent_id having count(*) > 1) d`,
        )
      ).rows[0].n;
      const left = (
        await client.query(`select count(*)::int as n from ${intents} where status <> 'completed'`)
      ).rows[0].n;
      const executed = (await client.query(`select count(distinct intent_id)::int as n from ${executions}`))
        .rows[0].n;
      return { doubles, left, executed };
    };
    const oursCheck = await check('workflow_execution_intents', 'bench_executions');
    const rawCheck = await check('bench_raw_intents', 'bench_raw_executions');
    const rate = (r) => INTENTS / r.seconds;
    const ratio = rate(ours) / rate(raw);
    console.log(
      `intent dispatch, ${INTENTS} intents, ${PROCESSES} processes x ${LOOPS} claim loops (batch ${BATCH})`,
    );
    console.log(
      `  raw SKIP LOCKED loop : ${fmt(raw.seconds, 2)} s, ${fmt(rate(raw), 0)} intents/s, executed ${rawCheck.executed}, double ${rawCheck.doubles}, left ${rawCheck.left}`,
    );
    console.log(
      `  dispatcher           : ${fmt(ours.seconds, 2)} s, ${fmt(rate(ours), 0)} intents/s, executed ${oursCheck.executed}, double ${oursCheck.doubles}, left ${oursCheck.left}`,
    );
    const ok =
      ratio >= 0.5 && oursCheck.doubles === 0 && oursCheck.left === 0 && oursCheck.executed === INTENTS;
    console.log(
      `  throughput ratio     : ${fmt(ratio, 2)} of the raw loop (target >= 0.5) ${ok ? 'PASS' : 'FAIL'}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await client.end().catch(() => {});
    await database.drop();
  }
};

if (role === 'worker') await worker();
else await main();

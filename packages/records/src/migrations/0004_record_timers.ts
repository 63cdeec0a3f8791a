import { type Kysely, sql } from 'kysely';

/**
 * SLA timers of record instances: one per record and timer type, created in the record's transaction.
 * `status` keeps the reference's pending / breached / completed and adds paused (the clock is stopped;
 * the due scan skips it). `state` holds the clock as the pure model computes it (with the SLA
 * definition it started under), so each record update advances it without replaying history.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('record_timers')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('record_id', 'uuid', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().defaultTo('sla'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('warn_at', 'timestamptz')
    .addColumn('warned_at', 'timestamptz')
    .addColumn('paused_at', 'timestamptz')
    .addColumn('paused_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('breached_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('record_timers_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('record_timers_record_type_unique', ['tenant_id', 'record_id', 'type'])
    .addForeignKeyConstraint(
      'record_timers_record_fk',
      ['tenant_id', 'record_id'],
      'record_instances',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'record_timers_status_check',
      sql`status in ('pending', 'paused', 'breached', 'completed')`,
    )
    .addCheckConstraint('record_timers_type_check', sql`type in ('sla')`)
    .addCheckConstraint('record_timers_paused_ms_check', sql`paused_ms >= 0`)
    .execute();
  // The due scan: pending timers by due time, per tenant (the scheduler's scope) and across tenants.
  await sql`create index record_timers_due_idx on record_timers (tenant_id, due_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index record_timers_due_all_idx on record_timers (due_at) where status = 'pending'`.execute(
    db,
  );
  // The warning scan: pending timers not warned yet, by warning time.
  await sql`create index record_timers_warn_idx on record_timers (tenant_id, warn_at)
    where status = 'pending' and warned_at is null`.execute(db);
  await sql`alter table record_timers enable row level security`.execute(db);
  await sql`alter table record_timers force row level security`.execute(db);
  await sql`create policy tenant_isolation on record_timers
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('record_timers').ifExists().execute();
};

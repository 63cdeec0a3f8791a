import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

/**
 * Triggers bind a definition to record events, schedules or manual firing; execution intents are the
 * durable queue between a trigger firing and the execution it starts. An intent's idempotency key is
 * unique per tenant, so a record event or a schedule occurrence seen twice (by any number of replicas)
 * queues one intent. Workers claim intents with leases (owner, expiry, attempt) and complete them fenced
 * by attempt and owner.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('workflow_triggers')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('trigger_config', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    // Schedules: occurrences up to this instant have been considered (fired or skipped).
    .addColumn('schedule_evaluated_at', 'timestamptz')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('workflow_triggers_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'workflow_triggers_definition_fk',
      ['tenant_id', 'workflow_definition_id'],
      'workflow_definitions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'workflow_triggers_type_check',
      sql`trigger_type in ('record_event', 'schedule', 'manual')`,
    )
    .addCheckConstraint('workflow_triggers_status_check', sql`status in ('active', 'disabled')`)
    .execute();
  await db.schema
    .createIndex('workflow_triggers_definition_idx')
    .on('workflow_triggers')
    .columns(['tenant_id', 'workflow_definition_id'])
    .execute();
  // Record writes look up the active record-event triggers of their tenant; schedules the active schedules.
  await db.schema
    .createIndex('workflow_triggers_active_idx')
    .on('workflow_triggers')
    .columns(['tenant_id', 'trigger_type'])
    .where(sql.ref('status'), '=', 'active')
    .execute();

  await db.schema
    .createTable('workflow_execution_intents')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('trigger_id', 'uuid')
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('trigger_payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('record_id', 'uuid')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    // A pending intent is claimable from this instant on (retries wait out their backoff).
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'timestamptz')
    .addColumn('execution_id', 'uuid')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('dispatched_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addPrimaryKeyConstraint('workflow_execution_intents_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('workflow_execution_intents_key_unique', ['tenant_id', 'idempotency_key'])
    .addForeignKeyConstraint(
      'workflow_execution_intents_definition_fk',
      ['tenant_id', 'workflow_definition_id'],
      'workflow_definitions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'workflow_execution_intents_trigger_fk',
      ['tenant_id', 'trigger_id'],
      'workflow_triggers',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'workflow_execution_intents_status_check',
      sql`status in ('pending', 'running', 'completed', 'dispatched', 'failed', 'duplicate')`,
    )
    .addCheckConstraint(
      'workflow_execution_intents_trigger_type_check',
      sql`trigger_type in ('record_event', 'schedule', 'manual')`,
    )
    .addCheckConstraint('workflow_execution_intents_attempt_check', sql`attempt >= 0 and max_attempts >= 1`)
    .addCheckConstraint(
      'workflow_execution_intents_lease_check',
      sql`status <> 'running' or (lease_owner is not null and lease_expires_at is not null)`,
    )
    .execute();
  // Claims: pending intents by availability, and running ones whose lease ran out.
  await db.schema
    .createIndex('workflow_execution_intents_claim_idx')
    .on('workflow_execution_intents')
    .columns(['tenant_id', 'available_at'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('workflow_execution_intents_lease_idx')
    .on('workflow_execution_intents')
    .columns(['tenant_id', 'lease_expires_at'])
    .where(sql.ref('status'), '=', 'running')
    .execute();
  // The intent list, newest first, optionally by status.
  await db.schema
    .createIndex('workflow_execution_intents_list_idx')
    .on('workflow_execution_intents')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  for (const table of ['workflow_triggers', 'workflow_execution_intents']) await rls(db, table);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const t of ['workflow_execution_intents', 'workflow_triggers'])
    await db.schema.dropTable(t).ifExists().execute();
};

import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

/**
 * Executions of workflow definitions, the record of each step they ran, and the approvals their
 * approval steps wait on: the approvers asked and one decision per approver (a second click is the
 * same decision). All tenant-owned, born with forced row-level security. `intent_id` has no foreign
 * key: intents are created by the dispatch tables of a later migration; one execution per intent.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('workflow_executions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('intent_id', 'uuid')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('input', 'jsonb', (c) => c.notNull())
    .addColumn('accumulated_input', 'jsonb', (c) => c.notNull())
    .addColumn('current_step_index', 'integer')
    .addColumn('steps_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused_at_step_id', 'uuid')
    .addColumn('error', 'text')
    .addColumn('record_id', 'uuid')
    .addColumn('started_by', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('workflow_executions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'workflow_executions_definition_fk',
      ['tenant_id', 'workflow_definition_id'],
      'workflow_definitions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'workflow_executions_paused_step_fk',
      ['tenant_id', 'paused_at_step_id'],
      'workflow_steps',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint(
      'workflow_executions_status_check',
      sql`status in ('running', 'paused', 'completed', 'failed')`,
    )
    .execute();
  await sql`create unique index workflow_executions_intent_unique
    on workflow_executions (tenant_id, intent_id) where intent_id is not null`.execute(db);
  await sql`create index workflow_executions_started_idx
    on workflow_executions (tenant_id, started_at desc, id desc)`.execute(db);
  await sql`create index workflow_executions_definition_idx
    on workflow_executions (tenant_id, workflow_definition_id, started_at desc, id desc)`.execute(db);

  await db.schema
    .createTable('workflow_step_executions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_execution_id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_step_id', 'uuid', (c) => c.notNull())
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('output', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('executed_at', 'timestamptz')
    .addPrimaryKeyConstraint('workflow_step_executions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('workflow_step_executions_sequence_unique', [
      'tenant_id',
      'workflow_execution_id',
      'sequence',
    ])
    .addForeignKeyConstraint(
      'workflow_step_executions_execution_fk',
      ['tenant_id', 'workflow_execution_id'],
      'workflow_executions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'workflow_step_executions_step_fk',
      ['tenant_id', 'workflow_step_id'],
      'workflow_steps',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'workflow_step_executions_status_check',
      sql`status in ('pending', 'awaiting_approval', 'completed', 'failed')`,
    )
    .execute();

  await db.schema
    .createTable('workflow_approvals')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_execution_id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('step_execution_id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_step_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    .addColumn('deadline_at', 'timestamptz')
    .addColumn('escalation', 'jsonb')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('closed_reason', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_approvals_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('workflow_approvals_step_execution_unique', ['tenant_id', 'step_execution_id'])
    .addForeignKeyConstraint(
      'workflow_approvals_execution_fk',
      ['tenant_id', 'workflow_execution_id'],
      'workflow_executions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'workflow_approvals_step_execution_fk',
      ['tenant_id', 'step_execution_id'],
      'workflow_step_executions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'workflow_approvals_status_check',
      sql`status in ('pending', 'approved', 'rejected', 'cancelled')`,
    )
    .execute();
  await sql`create index workflow_approvals_pending_deadline_idx
    on workflow_approvals (tenant_id, deadline_at) where status = 'pending'`.execute(db);
  await sql`create index workflow_approvals_created_idx
    on workflow_approvals (tenant_id, created_at desc, id desc)`.execute(db);

  await db.schema
    .createTable('workflow_approval_approvers')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('approval_id', 'uuid', (c) => c.notNull())
    .addColumn('approver_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_approval_approvers_pk', ['tenant_id', 'approval_id', 'approver_id'])
    .addForeignKeyConstraint(
      'workflow_approval_approvers_approval_fk',
      ['tenant_id', 'approval_id'],
      'workflow_approvals',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create index workflow_approval_approvers_by_approver_idx
    on workflow_approval_approvers (tenant_id, approver_id)`.execute(db);

  await db.schema
    .createTable('workflow_approval_decisions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('approval_id', 'uuid', (c) => c.notNull())
    .addColumn('approver_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_approval_decisions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('workflow_approval_decisions_one_per_approver', [
      'tenant_id',
      'approval_id',
      'approver_id',
    ])
    .addForeignKeyConstraint(
      'workflow_approval_decisions_approval_fk',
      ['tenant_id', 'approval_id'],
      'workflow_approvals',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('workflow_approval_decisions_decision_check', sql`decision in ('approve', 'reject')`)
    .execute();

  for (const table of [
    'workflow_executions',
    'workflow_step_executions',
    'workflow_approvals',
    'workflow_approval_approvers',
    'workflow_approval_decisions',
  ])
    await rls(db, table);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const t of [
    'workflow_approval_decisions',
    'workflow_approval_approvers',
    'workflow_approvals',
    'workflow_step_executions',
    'workflow_executions',
  ])
    await db.schema.dropTable(t).ifExists().execute();
};

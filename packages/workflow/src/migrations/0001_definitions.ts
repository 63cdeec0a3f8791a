import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

/**
 * Workflow definitions and their ordered steps, born with forced row-level security. A definition
 * belongs to a project and is linked to the change that governs it; steps are edited only while the
 * definition is a draft.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('workflow_definitions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('trigger_type', 'text', (c) => c.notNull())
    .addColumn('trigger_config', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('change_id', 'uuid')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('workflow_definitions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('workflow_definitions_name_unique', ['tenant_id', 'project_id', 'name'])
    .addForeignKeyConstraint(
      'workflow_definitions_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('workflow_definitions_change_fk', ['tenant_id', 'change_id'], 'change_records', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint('workflow_definitions_status_check', sql`status in ('draft', 'active', 'retired')`)
    .addCheckConstraint(
      'workflow_definitions_trigger_type_check',
      sql`trigger_type in ('record_event', 'schedule', 'manual')`,
    )
    .execute();

  await db.schema
    .createTable('workflow_steps')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('workflow_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('step_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('config', 'jsonb', (c) => c.notNull())
    .addColumn('order_index', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('workflow_steps_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('workflow_steps_order_unique', [
      'tenant_id',
      'workflow_definition_id',
      'order_index',
    ])
    .addForeignKeyConstraint(
      'workflow_steps_definition_fk',
      ['tenant_id', 'workflow_definition_id'],
      'workflow_definitions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'workflow_steps_type_check',
      sql`step_type in ('assignment', 'approval', 'notification', 'decision', 'record_mutation', 'record_lock')`,
    )
    .execute();

  for (const table of ['workflow_definitions', 'workflow_steps']) await rls(db, table);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const t of ['workflow_steps', 'workflow_definitions'])
    await db.schema.dropTable(t).ifExists().execute();
};

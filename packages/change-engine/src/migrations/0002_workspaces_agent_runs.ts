import { type Kysely, sql } from 'kysely';

export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('workspaces')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('container_id', 'text')
    .addColumn('preview_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('workspaces_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('workspaces_change_unique', ['tenant_id', 'change_id'])
    .addForeignKeyConstraint(
      'workspaces_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('workspaces_status_check', sql`status in ('Pending', 'Running', 'Stopped', 'Failed')`)
    .execute();

  await db.schema
    .createTable('agent_runs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('skills_used', 'jsonb', (c) => c.notNull())
    .addColumn('logs', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('agent_runs_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'agent_runs_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('agent_runs_status_check', sql`status in ('Pending', 'Running', 'Passed', 'Failed')`)
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('agent_runs').ifExists().execute();
  await db.schema.dropTable('workspaces').ifExists().execute();
};

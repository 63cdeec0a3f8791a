import { type Kysely, sql } from 'kysely';

/** The registry of skills an agent run may use: a name unique in the tenant and its input schema. */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('agent_skills')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('input_schema', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('agent_skills_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('agent_skills_name_unique', ['tenant_id', 'name'])
    .addCheckConstraint('agent_skills_status_check', sql`status in ('active', 'disabled')`)
    .execute();
  await sql`alter table agent_skills enable row level security`.execute(db);
  await sql`alter table agent_skills force row level security`.execute(db);
  await sql`create policy tenant_isolation on agent_skills
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('agent_skills').ifExists().execute();
};

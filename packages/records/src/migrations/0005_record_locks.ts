import { type Kysely, sql } from 'kysely';

/**
 * Record locks: a record held by one workflow execution (its record_lock step). At most one lock per
 * record (the reference's unique (tenant, record type, record)); a locked record refuses updates from
 * anyone but the holding execution.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('record_locks')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('record_type_id', 'uuid', (c) => c.notNull())
    .addColumn('record_id', 'uuid', (c) => c.notNull())
    .addColumn('locked_by', 'text', (c) => c.notNull())
    .addColumn('workflow_execution_id', 'uuid')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('record_locks_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('record_locks_record_unique', ['tenant_id', 'record_type_id', 'record_id'])
    .addForeignKeyConstraint(
      'record_locks_record_fk',
      ['tenant_id', 'record_id'],
      'record_instances',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'record_locks_record_type_fk',
      ['tenant_id', 'record_type_id'],
      'record_types',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create unique index record_locks_record_idx on record_locks (tenant_id, record_id)`.execute(db);
  await sql`create index record_locks_execution_idx on record_locks (tenant_id, workflow_execution_id)`.execute(
    db,
  );
  await sql`create index record_locks_created_idx on record_locks (tenant_id, created_at, id)`.execute(db);
  await sql`alter table record_locks enable row level security`.execute(db);
  await sql`alter table record_locks force row level security`.execute(db);
  await sql`create policy tenant_isolation on record_locks
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('record_locks').ifExists().execute();
};

import { type Kysely, sql } from 'kysely';

/**
 * Record instances: the runtime rows of record types. Values sit in `data` under each field's storage
 * key (see the package README), so renaming a field never rewrites rows. Born with forced row-level
 * security, like every tenant-owned table.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('record_instances')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('record_type_id', 'uuid', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('assigned_to', 'text')
    .addColumn('assigned_group', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('record_instances_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'record_instances_record_type_fk',
      ['tenant_id', 'record_type_id'],
      'record_types',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('record_instances_data_object', sql`jsonb_typeof(data) = 'object'`)
    .addCheckConstraint('record_instances_version_positive', sql`version >= 1`)
    .execute();
  // Lists of one type in time order, paged by (time, id) in either direction.
  await sql`create index record_instances_type_created_idx
    on record_instances (tenant_id, record_type_id, created_at, id)`.execute(db);
  await sql`create index record_instances_type_updated_idx
    on record_instances (tenant_id, record_type_id, updated_at, id)`.execute(db);
  // Equality filters on values (data @> {...}).
  await sql`create index record_instances_data_idx on record_instances using gin (data jsonb_path_ops)`.execute(
    db,
  );
  await sql`alter table record_instances enable row level security`.execute(db);
  await sql`alter table record_instances force row level security`.execute(db);
  await sql`create policy tenant_isolation on record_instances
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('record_instances').ifExists().execute();
};

import { type Kysely, sql } from 'kysely';

// This package's tenant-owned tables as they were when this migration was written (frozen in time).
const TABLES = ['choice_lists', 'choice_items', 'record_types', 'field_definitions'];

/**
 * Row-level security, enabled and forced (the table owner is held to it too), with one policy per
 * table: a row is visible and writable only while the session's ec3l.tenant_id names its tenant. A
 * session without a tenant sees no rows.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)}
      using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
      with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
  }
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of TABLES) {
    await sql`drop policy if exists tenant_isolation on ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(table)} no force row level security`.execute(db);
    await sql`alter table ${sql.table(table)} disable row level security`.execute(db);
  }
};

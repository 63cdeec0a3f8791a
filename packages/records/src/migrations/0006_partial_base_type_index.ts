import { type Kysely, sql } from 'kysely';

/**
 * The base type index covers only record types that have a base type. Complete as it was for what it
 * serves (looking up the types inheriting from a key), it could no longer answer a lookup by key: on a
 * table without statistics (an embedded database never analyses on its own, and a large import runs
 * ahead of autovacuum) the planner priced it the same as the key index and scanned the whole project
 * through it for one key.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await sql`create index record_types_base_type_idx on record_types (tenant_id, project_id, base_type)
    where base_type is not null`.execute(db);
  await sql`drop index record_types_base_idx`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await sql`create index record_types_base_idx on record_types (tenant_id, project_id, base_type)`.execute(
    db,
  );
  await sql`drop index record_types_base_type_idx`.execute(db);
};

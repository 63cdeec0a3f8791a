import { type Kysely, sql } from 'kysely';

/**
 * A small pending list for the GIN index of record values: every search scans the entries not yet
 * merged into the index, so a burst of record creates must not leave megabytes of them behind.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await sql`alter index record_instances_data_idx set (gin_pending_list_limit = 128)`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await sql`alter index record_instances_data_idx reset (gin_pending_list_limit)`.execute(db);
};

import { type Kysely, sql } from 'kysely';

/**
 * Reverts are found by the change they revert (is one still open?), under that change's row lock:
 * index them so, rather than reading every change of the tenant. Only reverts have the column set.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await sql`create index change_records_reverts_idx on change_records (tenant_id, reverts_change_id)
    where reverts_change_id is not null`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropIndex('change_records_reverts_idx').ifExists().execute();
};

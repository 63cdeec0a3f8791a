import type { Kysely } from 'kysely';

/** A change's ops and events are read by change: index them so, as the tables grow, reads stay indexed. */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createIndex('change_patch_ops_change_idx')
    .on('change_patch_ops')
    .columns(['tenant_id', 'change_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('change_events_change_idx')
    .on('change_events')
    .columns(['tenant_id', 'change_id', 'seq'])
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropIndex('change_events_change_idx').ifExists().execute();
  await db.schema.dropIndex('change_patch_ops_change_idx').ifExists().execute();
};

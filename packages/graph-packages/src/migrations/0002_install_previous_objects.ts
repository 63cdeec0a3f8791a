import { type Kysely, sql } from 'kysely';

/**
 * What the package owned in the project before each install (object type, key, id), so an uninstall
 * hands ownership back to the previous install exactly, replaced choice lists and workflows included.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('graph_package_installs')
    .addColumn('previous_objects', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('graph_package_installs').dropColumn('previous_objects').execute();
};

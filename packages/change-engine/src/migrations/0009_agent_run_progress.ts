import { type Kysely, sql } from 'kysely';

/** Agent runs move through their statuses and end: when they last moved and when they ended. */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('agent_runs')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable('agent_runs').addColumn('ended_at', 'timestamptz').execute();
  await sql`update agent_runs set updated_at = created_at`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('agent_runs').dropColumn('ended_at').dropColumn('updated_at').execute();
};

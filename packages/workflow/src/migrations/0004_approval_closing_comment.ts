import type { Kysely } from 'kysely';

/** The comment given with the act that closed an approval (a resume's reason, for the audit trail). */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('workflow_approvals').addColumn('closed_comment', 'text').execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('workflow_approvals').dropColumn('closed_comment').execute();
};

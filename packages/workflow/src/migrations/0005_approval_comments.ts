import { type Kysely, sql } from 'kysely';

/** Comments on a workflow approval, beside its decisions: they inform approvers and decide nothing. */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('workflow_approval_comments')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('approval_id', 'uuid', (c) => c.notNull())
    .addColumn('author_type', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('proposal_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('workflow_approval_comments_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'workflow_approval_comments_approval_fk',
      ['tenant_id', 'approval_id'],
      'workflow_approvals',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'workflow_approval_comments_author_check',
      sql`author_type in ('user', 'agent', 'system')`,
    )
    .execute();
  await sql`create index workflow_approval_comments_approval_idx
    on workflow_approval_comments (tenant_id, approval_id, created_at, id)`.execute(db);
  await sql`alter table workflow_approval_comments enable row level security`.execute(db);
  await sql`alter table workflow_approval_comments force row level security`.execute(db);
  await sql`create policy tenant_isolation on workflow_approval_comments
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('workflow_approval_comments').ifExists().execute();
};

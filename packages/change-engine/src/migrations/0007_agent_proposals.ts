import { type Kysely, sql } from 'kysely';

const RLS = (table: string) => [
  sql`alter table ${sql.table(table)} enable row level security`,
  sql`alter table ${sql.table(table)} force row level security`,
  sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`,
];

/**
 * Agent proposals: a suggested form patch, workflow change or approval comment that a human submits
 * and a reviewer accepts (which applies it through the owning domain) or rejects.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('agent_proposals')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('change_id', 'uuid')
    .addColumn('agent_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('proposal_type', 'text', (c) => c.notNull())
    .addColumn('target_ref', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('reviewed_by', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('applied_kind', 'text')
    .addColumn('applied_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('agent_proposals_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'agent_proposals_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('set null'),
    )
    .addCheckConstraint(
      'agent_proposals_type_check',
      sql`proposal_type in ('form_patch', 'workflow_change', 'approval_comment')`,
    )
    .addCheckConstraint(
      'agent_proposals_status_check',
      sql`status in ('draft', 'submitted', 'accepted', 'rejected')`,
    )
    .addCheckConstraint('agent_proposals_author_check', sql`(agent_id is null) <> (created_by is null)`)
    .addCheckConstraint(
      'agent_proposals_applied_check',
      sql`(status = 'accepted') = (applied_kind is not null and applied_id is not null)`,
    )
    .execute();
  await sql`create index agent_proposals_created_idx
    on agent_proposals (tenant_id, created_at desc, id desc)`.execute(db);
  await sql`create index agent_proposals_submitted_idx
    on agent_proposals (tenant_id, created_at desc, id desc) where status = 'submitted'`.execute(db);
  for (const statement of RLS('agent_proposals')) await statement.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('agent_proposals').ifExists().execute();
};

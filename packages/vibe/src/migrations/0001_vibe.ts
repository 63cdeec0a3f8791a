import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

/**
 * Vibe authoring: package drafts (the current package, its status and last preview), their numbered
 * versions (every package mutation, with its reason), and the generation log (prompt, adapter, model,
 * raw outputs, repair attempts, tokens, duration, outcome) that explains and replays a draft.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('vibe_package_drafts')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('environment_id', 'uuid')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('app_name', 'text')
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('package', 'jsonb', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('last_preview_diff', 'jsonb')
    .addColumn('last_preview_errors', 'jsonb')
    .addColumn('install_id', 'uuid')
    .addColumn('change_id', 'uuid')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('vibe_package_drafts_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'vibe_package_drafts_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'vibe_package_drafts_environment_fk',
      ['tenant_id', 'environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('set null'),
    )
    .addCheckConstraint(
      'vibe_package_drafts_status_check',
      sql`status in ('draft', 'previewed', 'installed', 'discarded')`,
    )
    .addCheckConstraint('vibe_package_drafts_key_check', sql`package->>'key' like 'vibe.%'`)
    .execute();
  await sql`create index vibe_package_drafts_list_idx
    on vibe_package_drafts (tenant_id, project_id, created_at desc, id desc)`.execute(db);
  await rls(db, 'vibe_package_drafts');

  await db.schema
    .createTable('vibe_package_draft_versions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('draft_id', 'uuid', (c) => c.notNull())
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('package', 'jsonb', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('preview_diff', 'jsonb')
    .addColumn('preview_errors', 'jsonb')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('vibe_package_draft_versions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('vibe_package_draft_versions_number_unique', [
      'tenant_id',
      'draft_id',
      'version_number',
    ])
    .addForeignKeyConstraint(
      'vibe_package_draft_versions_draft_fk',
      ['tenant_id', 'draft_id'],
      'vibe_package_drafts',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'vibe_package_draft_versions_reason_check',
      sql`reason in ('create', 'refine', 'patch', 'restore', 'adopt_variant')`,
    )
    .addCheckConstraint('vibe_package_draft_versions_number_check', sql`version_number >= 1`)
    .addCheckConstraint('vibe_package_draft_versions_key_check', sql`package->>'key' like 'vibe.%'`)
    .execute();
  await rls(db, 'vibe_package_draft_versions');

  await db.schema
    .createTable('vibe_generations')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid')
    .addColumn('draft_id', 'uuid')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('adapter', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('variant_index', 'integer')
    .addColumn('raw_outputs', 'jsonb', (c) => c.notNull())
    .addColumn('attempts', 'jsonb', (c) => c.notNull())
    .addColumn('input_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('output_tokens', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text')
    .addColumn('error_code', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('vibe_generations_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'vibe_generations_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'vibe_generations_draft_fk',
      ['tenant_id', 'draft_id'],
      'vibe_package_drafts',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'vibe_generations_kind_check',
      sql`kind in ('generate', 'refine', 'variant', 'preview', 'stream', 'form_patch')`,
    )
    .addCheckConstraint(
      'vibe_generations_outcome_check',
      sql`outcome in ('succeeded', 'failed', 'fallback', 'aborted')`,
    )
    .execute();
  await sql`create index vibe_generations_draft_idx on vibe_generations (tenant_id, draft_id, created_at)`.execute(
    db,
  );
  await rls(db, 'vibe_generations');
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('vibe_generations').ifExists().execute();
  await db.schema.dropTable('vibe_package_draft_versions').ifExists().execute();
  await db.schema.dropTable('vibe_package_drafts').ifExists().execute();
};

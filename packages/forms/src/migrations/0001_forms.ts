import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

/**
 * Forms: definitions per record type (unique name per type), their sections (unique title per form),
 * field placements (a field is placed once per form; the composite key keeps a placement in a section
 * of its own form), behaviour rules, and versioned form overrides (at most one active per form).
 * Every table is tenant-owned with forced row-level security.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('form_definitions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('record_type_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('form_definitions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('form_definitions_name_unique', ['tenant_id', 'record_type_id', 'name'])
    .addForeignKeyConstraint(
      'form_definitions_record_type_fk',
      ['tenant_id', 'record_type_id'],
      'record_types',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('form_definitions_status_check', sql`status in ('draft', 'active', 'retired')`)
    .execute();
  await sql`create index form_definitions_list_idx
    on form_definitions (tenant_id, created_at, id)`.execute(db);
  await sql`create index form_definitions_active_idx
    on form_definitions (tenant_id, record_type_id) where status = 'active'`.execute(db);
  await rls(db, 'form_definitions');

  await db.schema
    .createTable('form_sections')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('form_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('order_index', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_sections_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('form_sections_form_unique', ['tenant_id', 'form_definition_id', 'id'])
    .addUniqueConstraint('form_sections_title_unique', ['tenant_id', 'form_definition_id', 'title'])
    .addForeignKeyConstraint(
      'form_sections_definition_fk',
      ['tenant_id', 'form_definition_id'],
      'form_definitions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await rls(db, 'form_sections');

  await db.schema
    .createTable('form_field_placements')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('form_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('form_section_id', 'uuid', (c) => c.notNull())
    .addColumn('field_name', 'text', (c) => c.notNull())
    .addColumn('column', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('order_index', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_field_placements_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('form_field_placements_field_unique', [
      'tenant_id',
      'form_definition_id',
      'field_name',
    ])
    .addForeignKeyConstraint(
      'form_field_placements_section_fk',
      ['tenant_id', 'form_definition_id', 'form_section_id'],
      'form_sections',
      ['tenant_id', 'form_definition_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('form_field_placements_column_check', sql`"column" between 1 and 4`)
    .execute();
  await sql`create index form_field_placements_section_idx
    on form_field_placements (tenant_id, form_section_id)`.execute(db);
  await rls(db, 'form_field_placements');

  await db.schema
    .createTable('form_behavior_rules')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('form_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('rule_type', 'text', (c) => c.notNull())
    .addColumn('target_field', 'text', (c) => c.notNull())
    .addColumn('condition', 'jsonb')
    .addColumn('value', 'boolean', (c) => c.notNull())
    .addColumn('order_index', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('form_behavior_rules_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'form_behavior_rules_definition_fk',
      ['tenant_id', 'form_definition_id'],
      'form_definitions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'form_behavior_rules_type_check',
      sql`rule_type in ('visible', 'required', 'readOnly')`,
    )
    .addCheckConstraint('form_behavior_rules_status_check', sql`status in ('active', 'disabled')`)
    .execute();
  await sql`create index form_behavior_rules_definition_idx
    on form_behavior_rules (tenant_id, form_definition_id, order_index)`.execute(db);
  await rls(db, 'form_behavior_rules');

  await db.schema
    .createTable('form_overrides')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('form_definition_id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('ops', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('activated_at', 'timestamptz')
    .addColumn('retired_at', 'timestamptz')
    .addPrimaryKeyConstraint('form_overrides_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('form_overrides_version_unique', ['tenant_id', 'form_definition_id', 'version'])
    .addForeignKeyConstraint(
      'form_overrides_definition_fk',
      ['tenant_id', 'form_definition_id'],
      'form_definitions',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('form_overrides_status_check', sql`status in ('draft', 'active', 'retired')`)
    .addCheckConstraint('form_overrides_source_check', sql`source_kind in ('human', 'proposal', 'vibe')`)
    .execute();
  await sql`create unique index form_overrides_one_active
    on form_overrides (tenant_id, form_definition_id) where status = 'active'`.execute(db);
  await rls(db, 'form_overrides');
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const t of [
    'form_overrides',
    'form_behavior_rules',
    'form_field_placements',
    'form_sections',
    'form_definitions',
  ])
    await db.schema.dropTable(t).ifExists().execute();
};

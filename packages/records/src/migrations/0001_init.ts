import { type Kysely, sql } from 'kysely';

export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('choice_lists')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('choice_lists_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('choice_lists_name_unique', ['tenant_id', 'name'])
    .addCheckConstraint('choice_lists_status_check', sql`status in ('active', 'disabled')`)
    .execute();

  await db.schema
    .createTable('choice_items')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('choice_list_id', 'uuid', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('order_index', 'integer', (c) => c.notNull())
    .addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addPrimaryKeyConstraint('choice_items_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('choice_items_value_unique', ['tenant_id', 'choice_list_id', 'value'])
    .addForeignKeyConstraint(
      'choice_items_list_fk',
      ['tenant_id', 'choice_list_id'],
      'choice_lists',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('record_types')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull()) // D1
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('base_type', 'text')
    .addColumn('schema', 'jsonb', (c) => c.notNull())
    .addColumn('assignment_config', 'jsonb')
    .addColumn('sla_config', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('record_types_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('record_types_key_unique', ['tenant_id', 'project_id', 'key']) // D2
    .addUniqueConstraint('record_types_name_unique', ['tenant_id', 'name']) // D3
    .addForeignKeyConstraint(
      'record_types_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('record_types_status_check', sql`status in ('draft', 'active', 'retired')`)
    .execute();
  await db.schema
    .createIndex('record_types_base_idx')
    .on('record_types')
    .columns(['tenant_id', 'project_id', 'base_type'])
    .execute();

  await db.schema
    .createTable('field_definitions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('record_type_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('field_type', 'text', (c) => c.notNull())
    .addColumn('is_required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('default_value', 'jsonb')
    .addColumn('choice_list_id', 'uuid')
    .addColumn('reference_record_type_key', 'text')
    .addColumn('order_index', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('field_definitions_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('field_definitions_name_unique', ['tenant_id', 'record_type_id', 'name'])
    .addForeignKeyConstraint(
      'field_definitions_record_type_fk',
      ['tenant_id', 'record_type_id'],
      'record_types',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'field_definitions_choice_list_fk',
      ['tenant_id', 'choice_list_id'],
      'choice_lists',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint(
      'field_definitions_type_check', // D8
      sql`field_type in ('string', 'number', 'boolean', 'reference', 'choice', 'text', 'date', 'datetime')`,
    )
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const t of ['field_definitions', 'record_types', 'choice_items', 'choice_lists']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
};

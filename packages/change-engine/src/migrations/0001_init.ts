import { type Kysely, sql } from 'kysely';

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const STATUSES = [
  'Draft',
  'Implementing',
  'WorkspaceRunning',
  'Validating',
  'ValidationFailed',
  'Ready',
  'Merged',
];

export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('change_records')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull()) // D4
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('base_sha', 'text')
    .addColumn('module_path', 'text')
    .addColumn('module_id', 'uuid')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('Draft'))
    .addColumn('branch_name', 'text')
    .addColumn('environment_id', 'uuid')
    .addColumn('reverts_change_id', 'uuid')
    .addColumn('validation_errors', 'jsonb')
    .addColumn('merge_diff', 'jsonb')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('merged_at', 'timestamptz')
    .addPrimaryKeyConstraint('change_records_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'change_records_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('change_records_module_fk', ['tenant_id', 'module_id'], 'modules', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'change_records_environment_fk',
      ['tenant_id', 'environment_id'],
      'environments',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint(
      'change_records_reverts_fk',
      ['tenant_id', 'reverts_change_id'],
      'change_records',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint('change_records_status_check', sql`status in (${inList(STATUSES)})`)
    .execute();
  await db.schema
    .createIndex('change_records_project_idx')
    .on('change_records')
    .columns(['tenant_id', 'project_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('change_targets')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull()) // P5: the change's project
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('selector', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('change_targets_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('change_targets_change_unique', ['tenant_id', 'change_id', 'id'])
    .addForeignKeyConstraint(
      'change_targets_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'change_targets_type_check',
      sql`type in (${inList(['form', 'workflow', 'rule', 'record_type', 'script', 'file'])})`,
    )
    .execute();

  await db.schema
    .createTable('change_patch_ops')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('target_id', 'uuid', (c) => c.notNull())
    .addColumn('op_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('previous_snapshot', 'jsonb')
    .addColumn('executed_at', 'timestamptz')
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('change_patch_ops_pk', ['tenant_id', 'id'])
    // an op's target belongs to the op's change
    .addForeignKeyConstraint(
      'change_patch_ops_target_fk',
      ['tenant_id', 'change_id', 'target_id'],
      'change_targets',
      ['tenant_id', 'change_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'change_patch_ops_type_check',
      sql`op_type in ('add_field', 'set_field', 'remove_field', 'rename_field')`,
    )
    // D7: the snapshot and the execution stamp are set together or not at all
    .addCheckConstraint(
      'change_patch_ops_executed_together',
      sql`(executed_at is null) = (previous_snapshot is null)`,
    )
    .execute();
  await db.schema
    .createIndex('change_patch_ops_no_duplicates')
    .on('change_patch_ops')
    .expression(sql`tenant_id, change_id, target_id, op_type, md5(payload::text)`)
    .unique()
    .execute();

  await db.schema
    .createTable('change_events')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('change_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'change_events_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'change_events_type_check',
      sql`event_type in (${inList([
        'change_status_changed',
        'change_target_added',
        'change_target_deleted',
        'patch_op_added',
        'patch_op_deleted',
        'environment_release_created',
        'environment_deployed',
      ])})`,
    )
    .execute();

  await db.schema
    .createTable('record_type_snapshots')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull()) // D6/P2: the change's project
    .addColumn('record_type_key', 'text', (c) => c.notNull())
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addColumn('schema', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('record_type_snapshots_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('record_type_snapshots_unique', ['tenant_id', 'change_id', 'record_type_key']) // D5
    .addForeignKeyConstraint(
      'record_type_snapshots_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .alterTable('environment_release_changes')
    .addForeignKeyConstraint(
      'environment_release_changes_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
    )
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('environment_release_changes')
    .dropConstraint('environment_release_changes_change_fk')
    .execute();
  for (const t of [
    'record_type_snapshots',
    'change_events',
    'change_patch_ops',
    'change_targets',
    'change_records',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
};

import { type Kysely, sql } from 'kysely';

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull().defaultTo('free'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('tenants_slug_format', sql`slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'`)
    .execute();

  await db.schema
    .createTable('tenant_bootstrap_admins')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('tenant_bootstrap_admins_pk', ['tenant_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('github_repo', 'text')
    .addColumn('default_branch', 'text', (c) => c.notNull().defaultTo('main'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('projects_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('projects_name_unique', ['tenant_id', 'name'])
    .execute();
  await db.schema
    .createIndex('projects_created_idx')
    .on('projects')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('modules')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('root_path', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('capability_profile', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('modules_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('modules_name_unique', ['tenant_id', 'project_id', 'name'])
    .addForeignKeyConstraint(
      'modules_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'modules_type_check',
      sql`type in (${inList(['code', 'schema', 'workflow', 'ui', 'integration', 'application'])})`,
    )
    .addCheckConstraint(
      'modules_capability_profile_check',
      sql`capability_profile in (${inList(['CODE_MODULE_DEFAULT', 'WORKFLOW_MODULE_DEFAULT', 'READ_ONLY'])})`,
    )
    .execute();

  await db.schema
    .createTable('environments')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('requires_promotion_approval', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('promotion_webhook_url', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('environments_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('environments_name_unique', ['tenant_id', 'project_id', 'name'])
    .addForeignKeyConstraint(
      'environments_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('environments_name_check', sql`name in ('dev', 'test', 'prod')`)
    .execute();
  await db.schema
    .createIndex('environments_one_default')
    .on('environments')
    .columns(['tenant_id', 'project_id'])
    .unique()
    .where(sql.ref('is_default'), '=', true)
    .execute();

  await db.schema
    .createTable('environment_releases')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('environment_id', 'uuid', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('created'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('environment_releases_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'environment_releases_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'environment_releases_environment_fk',
      ['tenant_id', 'environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('environment_releases_status_check', sql`status in ('created')`)
    .execute();

  // change_id gains its foreign key when change records exist (change engine migrations).
  await db.schema
    .createTable('environment_release_changes')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('release_id', 'uuid', (c) => c.notNull())
    .addColumn('change_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('environment_release_changes_pk', ['tenant_id', 'release_id', 'change_id'])
    .addForeignKeyConstraint(
      'environment_release_changes_release_fk',
      ['tenant_id', 'release_id'],
      'environment_releases',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('environment_deployments')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('environment_id', 'uuid', (c) => c.notNull())
    .addColumn('release_id', 'uuid', (c) => c.notNull())
    .addColumn('promoted_from_release_id', 'uuid')
    .addColumn('deployed_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('environment_deployments_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'environment_deployments_environment_fk',
      ['tenant_id', 'environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'environment_deployments_release_fk',
      ['tenant_id', 'release_id'],
      'environment_releases',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'environment_deployments_promoted_from_fk',
      ['tenant_id', 'promoted_from_release_id'],
      'environment_releases',
      ['tenant_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('execution_telemetry_events')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'timestamptz', (c) => c.notNull())
    .addColumn('module_id', 'text', (c) => c.notNull())
    .addColumn('execution_type', 'text', (c) => c.notNull())
    .addColumn('workflow_id', 'text')
    .addColumn('workflow_step_id', 'text')
    .addColumn('execution_id', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('affected_record_ids', 'jsonb')
    .addPrimaryKeyConstraint('execution_telemetry_events_pk', ['tenant_id', 'id'])
    .addCheckConstraint(
      'execution_telemetry_events_execution_type_check',
      sql`execution_type in ('workflow_step', 'task', 'agent_action')`,
    )
    .addCheckConstraint(
      'execution_telemetry_events_actor_type_check',
      sql`actor_type in ('user', 'agent', 'system')`,
    )
    .execute();
  await db.schema
    .createIndex('execution_telemetry_events_time_idx')
    .on('execution_telemetry_events')
    .columns(['tenant_id', 'timestamp', 'id'])
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of [
    'execution_telemetry_events',
    'environment_deployments',
    'environment_release_changes',
    'environment_releases',
    'environments',
    'modules',
    'projects',
    'tenant_bootstrap_admins',
    'tenants',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
};

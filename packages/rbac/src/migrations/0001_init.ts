import { type Kysely, sql } from 'kysely';

// The permission catalog as it was when this migration was written (frozen in time).
const CATALOG: [string, string][] = [
  ['form.view', 'View forms'],
  ['form.edit', 'Edit forms and form overrides'],
  ['workflow.execute', 'Run workflows manually'],
  ['workflow.approve', 'Approve or reject paused workflow steps'],
  ['override.activate', 'Activate module overrides'],
  ['change.approve', 'Approve changes: check in to Ready and merge'],
  ['admin.view', 'Admin console, access management, graph introspection, telemetry, audit'],
  ['environment.release_create', 'Create environment releases'],
  ['environment.promote', 'Approve and execute promotions between environments'],
];

export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('rbac_permissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('rbac_permissions')
    .values(CATALOG.map(([name, description]) => ({ name, description })))
    .execute();

  await db.schema
    .createTable('rbac_roles')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rbac_roles_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('rbac_roles_name_unique', ['tenant_id', 'name'])
    .addCheckConstraint('rbac_roles_status_check', sql`status in ('active', 'disabled')`)
    .execute();

  await db.schema
    .createTable('rbac_role_permissions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('role_id', 'uuid', (c) => c.notNull())
    .addColumn('permission_id', 'uuid', (c) =>
      c.notNull().references('rbac_permissions.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('rbac_role_permissions_pk', ['tenant_id', 'role_id', 'permission_id'])
    .addForeignKeyConstraint(
      'rbac_role_permissions_role_fk',
      ['tenant_id', 'role_id'],
      'rbac_roles',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('rbac_user_roles')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rbac_user_roles_pk', ['tenant_id', 'user_id', 'role_id'])
    .addForeignKeyConstraint(
      'rbac_user_roles_role_fk',
      ['tenant_id', 'role_id'],
      'rbac_roles',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('rbac_policies')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('role_id', 'uuid', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('effect', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rbac_policies_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'rbac_policies_role_fk',
      ['tenant_id', 'role_id'],
      'rbac_roles',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'rbac_policies_resource_type_check',
      sql`resource_type in ('form', 'workflow', 'override', 'change')`,
    )
    .addCheckConstraint('rbac_policies_effect_check', sql`effect in ('allow', 'deny')`)
    .execute();
  await db.schema
    .createIndex('rbac_policies_unique')
    .on('rbac_policies')
    .expression(sql`tenant_id, role_id, resource_type, coalesce(resource_id, ''), effect`)
    .unique()
    .execute();

  await db.schema
    .createTable('rbac_audit_logs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('permission', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text')
    .addColumn('resource_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('rbac_audit_logs_pk', ['tenant_id', 'id'])
    .addCheckConstraint('rbac_audit_logs_actor_type_check', sql`actor_type in ('user', 'agent', 'system')`)
    .addCheckConstraint('rbac_audit_logs_outcome_check', sql`outcome in ('allow', 'deny')`)
    .execute();
  await db.schema
    .createIndex('rbac_audit_logs_time_idx')
    .on('rbac_audit_logs')
    .columns(['tenant_id', 'timestamp', 'id'])
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const t of [
    'rbac_audit_logs',
    'rbac_policies',
    'rbac_user_roles',
    'rbac_role_permissions',
    'rbac_roles',
    'rbac_permissions',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
};

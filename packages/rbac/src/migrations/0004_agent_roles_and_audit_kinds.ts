import { type Kysely, sql } from 'kysely';

/**
 * Roles may be assigned to agents as well as users: an assignment names its holder's type, so a user
 * and an agent with the same id never share grants. Audit entries say what they record: a decision on
 * a write, a decision on a read, or an access-control change itself.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .alterTable('rbac_user_roles')
    .addColumn('holder_type', 'text', (c) => c.notNull().defaultTo('user'))
    .execute();
  await db.schema.alterTable('rbac_user_roles').dropConstraint('rbac_user_roles_pk').execute();
  await db.schema
    .alterTable('rbac_user_roles')
    .addPrimaryKeyConstraint('rbac_user_roles_pk', ['tenant_id', 'holder_type', 'user_id', 'role_id'])
    .execute();
  await db.schema
    .alterTable('rbac_user_roles')
    .addCheckConstraint('rbac_user_roles_holder_type_check', sql`holder_type in ('user', 'agent')`)
    .execute();

  await db.schema
    .alterTable('rbac_audit_logs')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('decision'))
    .execute();
  await db.schema
    .alterTable('rbac_audit_logs')
    .addCheckConstraint('rbac_audit_logs_kind_check', sql`kind in ('decision', 'read', 'change')`)
    .execute();
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.alterTable('rbac_audit_logs').dropConstraint('rbac_audit_logs_kind_check').execute();
  await db.schema.alterTable('rbac_audit_logs').dropColumn('kind').execute();
  await db.deleteFrom('rbac_user_roles').where('holder_type', '=', 'agent').execute();
  await db.schema.alterTable('rbac_user_roles').dropConstraint('rbac_user_roles_holder_type_check').execute();
  await db.schema.alterTable('rbac_user_roles').dropConstraint('rbac_user_roles_pk').execute();
  await db.schema.alterTable('rbac_user_roles').dropColumn('holder_type').execute();
  await db.schema
    .alterTable('rbac_user_roles')
    .addPrimaryKeyConstraint('rbac_user_roles_pk', ['tenant_id', 'user_id', 'role_id'])
    .execute();
};

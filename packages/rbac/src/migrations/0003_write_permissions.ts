import { type Kysely, sql } from 'kysely';

// The permissions this migration adds, as they were when it was written (frozen in time).
const ADDED: [string, string][] = [
  ['project.edit', 'Create and update projects, modules and environment settings'],
  ['schema.edit', 'Edit the data dictionary: record types, fields, activation and retirement, choice lists'],
  [
    'change.edit',
    'Author changes: create, targets, patch ops, dry run, revert, workspaces, agent runs, non-approval moves',
  ],
  ['rbac.manage', 'Manage roles, role permissions, policies and role assignments'],
];

// Which default role of every existing tenant receives which of them.
const GRANTS: [role: string, permissions: string[]][] = [
  ['Admin', ['project.edit', 'schema.edit', 'change.edit', 'rbac.manage']],
  ['Editor', ['project.edit', 'schema.edit', 'change.edit']],
];

/**
 * Write permissions: every write route names one. Existing tenants keep working as before for their
 * admins and editors: their default Admin and Editor roles receive the new permissions.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db
    .insertInto('rbac_permissions')
    .values(ADDED.map(([name, description]) => ({ name, description })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  for (const [role, permissions] of GRANTS) {
    await sql`
      insert into rbac_role_permissions (tenant_id, role_id, permission_id)
      select r.tenant_id, r.id, p.id
      from rbac_roles r cross join rbac_permissions p
      where r.name = ${role} and p.name in (${sql.join(permissions)})
      on conflict do nothing`.execute(db);
  }
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db
    .deleteFrom('rbac_permissions')
    .where(
      'name',
      'in',
      ADDED.map(([name]) => name),
    )
    .execute();
};

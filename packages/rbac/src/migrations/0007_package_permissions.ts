import { type Kysely, sql } from 'kysely';

// The permissions this migration adds, as they were when it was written (frozen in time).
const ADDED: [string, string][] = [
  ['package.install', 'Install, upgrade and uninstall graph packages (built-ins included) in a project'],
  [
    'environment.manage',
    "Edit an environment's governance settings: promotion approval and the promotion webhook",
  ],
];

/**
 * Permissions of graph packages and environment governance: only the default Admin role of every
 * existing tenant receives them (an install merges changes; the settings decide who must approve).
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db
    .insertInto('rbac_permissions')
    .values(ADDED.map(([name, description]) => ({ name, description })))
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  await sql`
    insert into rbac_role_permissions (tenant_id, role_id, permission_id)
    select r.tenant_id, r.id, p.id
    from rbac_roles r cross join rbac_permissions p
    where r.name = 'Admin' and p.name in (${sql.join(ADDED.map(([name]) => name))})
    on conflict do nothing`.execute(db);
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

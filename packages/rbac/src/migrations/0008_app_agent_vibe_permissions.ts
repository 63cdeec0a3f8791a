import { type Kysely, sql } from 'kysely';

// The permissions this migration adds, as they were when it was written (frozen in time).
const ADDED: [string, string][] = [
  ['override.edit', 'Create and retire module overrides of installed apps'],
  ['skill.manage', 'Manage the registry of skills agents may use'],
  [
    'vibe.author',
    'Author packages with AI: generate, preview, create, refine, patch and discard vibe drafts',
  ],
];

// Which default role of every existing tenant receives which of them.
const GRANTS: [role: string, permissions: string[]][] = [
  ['Admin', ['override.edit', 'skill.manage', 'vibe.author']],
  ['Editor', ['override.edit', 'vibe.author']],
];

/**
 * Permissions of installed apps' overrides, the agent skills registry and AI authoring. Existing
 * tenants' default Admin and Editor roles receive them as new tenants' do.
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

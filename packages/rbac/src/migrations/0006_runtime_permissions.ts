import { type Kysely, sql } from 'kysely';

// The permissions this migration adds, as they were when it was written (frozen in time).
const ADDED: [string, string][] = [
  ['record.edit', 'Create and update record instances and emit record events'],
  ['workflow.edit', 'Author workflows: definitions, steps, triggers, activation and retirement'],
  ['automation.run', 'Run background work on demand: process due SLA timers, dispatch pending intents'],
];

// Which default role of every existing tenant receives which of them.
const GRANTS: [role: string, permissions: string[]][] = [
  ['Admin', ['record.edit', 'workflow.edit', 'automation.run']],
  ['Editor', ['record.edit', 'workflow.edit']],
];

/**
 * Permissions of the records runtime and the workflow engine. Existing tenants' default Admin and
 * Editor roles receive them, so their admins and editors keep every power the new routes need.
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

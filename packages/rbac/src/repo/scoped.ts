import { assertTenantScope, type Cursor } from '@ec3l/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { GrantedPolicy, GrantedRole, Grants } from '../core/decide.js';
import type {
  AuditLogRow,
  PermissionRow,
  PolicyRow,
  RbacTables,
  RoleHolderType,
  RoleRow,
} from '../tables.js';

type Db = Kysely<RbacTables> | Transaction<RbacTables>;

/** The global permission catalog (the one RBAC table without a tenant). */
export const listPermissionRows = (db: Db): Promise<PermissionRow[]> =>
  db.selectFrom('rbac_permissions').selectAll().orderBy('name').execute();

export const findPermissionRow = (db: Db, idOrName: string): Promise<PermissionRow | undefined> =>
  db
    .selectFrom('rbac_permissions')
    .selectAll()
    .where((eb) =>
      /^[0-9a-f-]{36}$/i.test(idOrName)
        ? eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)])
        : eb('name', '=', idOrName),
    )
    .executeTakeFirst();

export type AuditFilter = {
  actorId?: string;
  actorType?: 'user' | 'agent' | 'system';
  outcome?: 'allow' | 'deny';
  permission?: string;
  from?: Date;
  to?: Date;
  /** Also the allow decisions made on read-only requests (hidden by default). */
  includeReads?: boolean;
};

/** Who holds a role: a user or an agent, by id. */
export type RoleHolder = { type: RoleHolderType; id: string };

/** Queries on one tenant's RBAC data; every query carries the tenant filter (T2, R2). */
const tenantQueries = (db: Db, tenantId: string) => ({
  listRoles: async (): Promise<(RoleRow & { permissions: string[] })[]> => {
    const rows = await db
      .selectFrom('rbac_roles as r')
      .selectAll('r')
      .select(
        sql<string[]>`coalesce((select array_agg(p.name order by p.name) from rbac_role_permissions rp
          join rbac_permissions p on p.id = rp.permission_id
          where rp.tenant_id = r.tenant_id and rp.role_id = r.id), '{}')`.as('permissions'),
      )
      .where('r.tenant_id', '=', tenantId)
      .orderBy('r.created_at')
      .orderBy('r.name')
      .execute();
    return rows;
  },

  findRole: (id: string): Promise<RoleRow | undefined> =>
    db
      .selectFrom('rbac_roles')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst(),

  findRoleByName: (name: string): Promise<RoleRow | undefined> =>
    db
      .selectFrom('rbac_roles')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('name', '=', name)
      .executeTakeFirst(),

  insertRole: (row: {
    id: string;
    name: string;
    description: string | null;
    created_at: Date;
  }): Promise<RoleRow> =>
    db
      .insertInto('rbac_roles')
      .values({ ...row, tenant_id: tenantId, status: 'active' })
      .returningAll()
      .executeTakeFirstOrThrow(),

  insertRoleIfAbsent: async (row: {
    id: string;
    name: string;
    description: string | null;
    created_at: Date;
  }) =>
    db
      .insertInto('rbac_roles')
      .values({ ...row, tenant_id: tenantId, status: 'active' })
      .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst(),

  setRoleStatus: (id: string, status: 'active' | 'disabled'): Promise<RoleRow | undefined> =>
    db
      .updateTable('rbac_roles')
      .set({ status })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  listRolePermissions: (roleId: string): Promise<PermissionRow[]> =>
    db
      .selectFrom('rbac_role_permissions as rp')
      .innerJoin('rbac_permissions as p', 'p.id', 'rp.permission_id')
      .select(['p.id', 'p.name', 'p.description'])
      .where('rp.tenant_id', '=', tenantId)
      .where('rp.role_id', '=', roleId)
      .orderBy('p.name')
      .execute(),

  addRolePermissions: async (roleId: string, permissionIds: readonly string[]): Promise<void> => {
    if (permissionIds.length === 0) return;
    await db
      .insertInto('rbac_role_permissions')
      .values(permissionIds.map((permission_id) => ({ tenant_id: tenantId, role_id: roleId, permission_id })))
      .onConflict((oc) => oc.columns(['tenant_id', 'role_id', 'permission_id']).doNothing())
      .execute();
  },

  removeRolePermission: async (roleId: string, permissionId: string): Promise<boolean> => {
    const result = await db
      .deleteFrom('rbac_role_permissions')
      .where('tenant_id', '=', tenantId)
      .where('role_id', '=', roleId)
      .where('permission_id', '=', permissionId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** One holder's assignments, or every assignment of that holder type (by holder, then role) without an id. */
  listHolderRoles: (holder: { type: RoleHolder['type']; id?: string }) =>
    db
      .selectFrom('rbac_user_roles as ur')
      .innerJoin('rbac_roles as r', (j) =>
        j.onRef('r.tenant_id', '=', 'ur.tenant_id').onRef('r.id', '=', 'ur.role_id'),
      )
      .select(['ur.user_id', 'ur.role_id', 'r.name as role_name', 'r.status as role_status', 'ur.created_at'])
      .where('ur.tenant_id', '=', tenantId)
      .where('ur.holder_type', '=', holder.type)
      .$if(holder.id !== undefined, (q) => q.where('ur.user_id', '=', holder.id!))
      .orderBy('ur.user_id')
      .orderBy('r.name')
      .execute(),

  /**
   * Whether every one of the role names exists and every one of the users holds the role named `held`,
   * in one statement.
   */
  hasRolesAndHolders: async (
    roleNames: readonly string[],
    held: string,
    userIds: readonly string[],
  ): Promise<boolean> => {
    const { rows } = await sql<{ ok: boolean }>`
      select (select count(distinct name) from rbac_roles
              where tenant_id = ${tenantId} and name = any(${[...roleNames]}::text[])) = ${roleNames.length}
         and (select count(distinct ur.user_id) from rbac_user_roles ur
              join rbac_roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
              where ur.tenant_id = ${tenantId} and ur.holder_type = 'user' and r.name = ${held}
                and ur.user_id = any(${[...userIds]}::text[])) = ${new Set(userIds).size} as ok`.execute(db);
    return rows[0]?.ok === true;
  },

  assignRole: async (holder: RoleHolder, roleId: string, now: Date): Promise<void> => {
    await db
      .insertInto('rbac_user_roles')
      .values({
        tenant_id: tenantId,
        holder_type: holder.type,
        user_id: holder.id,
        role_id: roleId,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'holder_type', 'user_id', 'role_id']).doNothing())
      .execute();
  },

  removeHolderRole: async (holder: RoleHolder, roleId: string): Promise<boolean> => {
    const result = await db
      .deleteFrom('rbac_user_roles')
      .where('tenant_id', '=', tenantId)
      .where('holder_type', '=', holder.type)
      .where('user_id', '=', holder.id)
      .where('role_id', '=', roleId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** How many users hold every one of `permissions` through their active roles. */
  countUsersHoldingAll: async (permissions: readonly string[]): Promise<number> => {
    const { rows } = await sql<{ holders: string }>`
      select count(*) as holders from (
        select ur.user_id
        from rbac_user_roles ur
        join rbac_roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id and r.status = 'active'
        join rbac_role_permissions rp on rp.tenant_id = r.tenant_id and rp.role_id = r.id
        join rbac_permissions p on p.id = rp.permission_id
        where ur.tenant_id = ${tenantId} and ur.holder_type = 'user' and p.name in (${sql.join(permissions)})
        group by ur.user_id
        having count(distinct p.name) = ${permissions.length}
      ) as admins`.execute(db);
    return Number(rows[0]?.holders ?? 0);
  },

  listPolicies: () =>
    db
      .selectFrom('rbac_policies as p')
      .innerJoin('rbac_roles as r', (j) =>
        j.onRef('r.tenant_id', '=', 'p.tenant_id').onRef('r.id', '=', 'p.role_id'),
      )
      .selectAll('p')
      .select('r.name as role_name')
      .where('p.tenant_id', '=', tenantId)
      .orderBy('p.created_at')
      .orderBy('p.id')
      .execute(),

  insertPolicy: (row: Omit<PolicyRow, 'tenant_id'>): Promise<PolicyRow> =>
    db
      .insertInto('rbac_policies')
      .values({ ...row, tenant_id: tenantId })
      .returningAll()
      .executeTakeFirstOrThrow(),

  deletePolicy: async (id: string): Promise<boolean> => {
    const result = await db
      .deleteFrom('rbac_policies')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  },

  /** The tenant's grant version: it moves whenever any role, permission, assignment or policy does. */
  grantVersion: async (): Promise<string> =>
    (
      await db
        .selectFrom('rbac_grant_versions')
        .select('version')
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst()
    )?.version ?? '0',

  /**
   * True, in SQL, while the tenant's grant version is `version`: a statement carrying it confirms a
   * decision made on grants of that version at its own snapshot (see `requirePermissionDeferred`).
   */
  grantVersionIs: (version: string) =>
    sql<boolean>`coalesce((select version from rbac_grant_versions where tenant_id = ${tenantId}), 0) = ${version}::bigint`,

  /** Everything a decision about this user needs, in one round trip. */
  loadGrants: async (holder: RoleHolder): Promise<Grants> => {
    const { rows } = await sql<{
      id: string;
      name: string;
      status: 'active' | 'disabled';
      permissions: string[];
      policies: {
        id: string;
        resource_type: GrantedPolicy['resourceType'];
        resource_id: string | null;
        effect: 'allow' | 'deny';
      }[];
    }>`
      select r.id, r.name, r.status,
        coalesce((select array_agg(p.name) from rbac_role_permissions rp
                  join rbac_permissions p on p.id = rp.permission_id
                  where rp.tenant_id = r.tenant_id and rp.role_id = r.id), '{}') as permissions,
        coalesce((select json_agg(json_build_object('id', pol.id, 'resource_type', pol.resource_type,
                                                    'resource_id', pol.resource_id, 'effect', pol.effect))
                  from rbac_policies pol
                  where pol.tenant_id = r.tenant_id and pol.role_id = r.id), '[]') as policies
      from rbac_user_roles ur
      join rbac_roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
      where ur.tenant_id = ${tenantId} and ur.holder_type = ${holder.type} and ur.user_id = ${holder.id}`.execute(
      db,
    );
    const roles: GrantedRole[] = rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      permissions: r.permissions,
    }));
    const policies: GrantedPolicy[] = rows.flatMap((r) =>
      r.policies.map((p) => ({
        id: p.id,
        roleId: r.id,
        resourceType: p.resource_type,
        resourceId: p.resource_id,
        effect: p.effect,
      })),
    );
    return { roles, policies };
  },

  /** Newest first; `before` continues after the last entry of the previous page. */
  listAuditLogs: (filter: AuditFilter, page: { limit: number; before?: Cursor }): Promise<AuditLogRow[]> => {
    let query = db.selectFrom('rbac_audit_logs').selectAll().where('tenant_id', '=', tenantId);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.actorType) query = query.where('actor_type', '=', filter.actorType);
    if (filter.outcome) query = query.where('outcome', '=', filter.outcome);
    if (filter.permission) query = query.where('permission', '=', filter.permission);
    if (filter.from) query = query.where('timestamp', '>=', filter.from);
    if (filter.to) query = query.where('timestamp', '<', filter.to);
    if (!filter.includeReads)
      query = query.where((eb) => eb.or([eb('kind', '!=', 'read'), eb('outcome', '=', 'deny')]));
    if (page.before) {
      const at = new Date(page.before.createdAt);
      const id = page.before.id;
      query = query.where((eb) =>
        eb.or([eb('timestamp', '<', at), eb.and([eb('timestamp', '=', at), eb('id', '<', id)])]),
      );
    }
    return query.orderBy('timestamp', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  },
});

/**
 * This tenant's queries. Each one filters by the tenant (the first wall); the database's row-level
 * security adds the second, which is why the current tenant scope must be this tenant's.
 */
export const forTenant = (db: Db, tenantId: string): ReturnType<typeof tenantQueries> => {
  assertTenantScope(tenantId);
  return tenantQueries(db, tenantId);
};

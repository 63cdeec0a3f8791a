import { type Cursor, type DeferredCheck, inTransaction, isUniqueViolation, pageOf } from '@ec3l/db';
import {
  type Clock,
  conflict,
  DomainError,
  ErrorCodes,
  invalid,
  newId,
  normalizeName,
  notFound,
  type Principal,
  principalOf,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import type { Kysely } from 'kysely';
import {
  ADMIN_ACCESS,
  AGENT_GUARDED_ACTIONS,
  DEFAULT_ROLES,
  isPermissionName,
  type PermissionName,
} from './core/catalog.js';
import { type Decision, decide, effectivePermissions, type Grants, type Resource } from './core/decide.js';
import { createAuditWriter } from './repo/audit-writer.js';
import {
  type AuditFilter,
  findPermissionRow,
  forTenant,
  listPermissionRows,
  type RoleHolder,
} from './repo/scoped.js';
import type {
  AgentRole,
  AuditLog,
  CreatePolicyBody,
  CreateRoleBody,
  Explanation,
  Me,
  Permission,
  Policy,
  Role,
  UserRole,
} from './schemas.js';
import type { AuditKind, AuditLogRow, RbacTables, RoleRow } from './tables.js';

export type RbacDeps = {
  db: Kysely<RbacTables>;
  clock?: Clock;
  /** Told when an audit entry could not be written; the request goes on regardless. */
  onAuditError?: (error: unknown) => void;
};

const toRole = (row: RoleRow, permissions: string[]): Role => ({
  id: row.id,
  name: row.name,
  description: row.description,
  status: row.status,
  permissions,
  createdAt: row.created_at.toISOString(),
});

const toAuditLog = (row: AuditLogRow): AuditLog => ({
  id: row.id,
  actorType: row.actor_type,
  actorId: row.actor_id,
  permission: row.permission,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  outcome: row.outcome,
  reason: row.reason,
  kind: row.kind,
  timestamp: row.timestamp.toISOString(),
});

/** What an audit entry is about: a resource of the decision, or the role, policy or holder changed. */
type AuditSubject = { type: string; id: string | null };

/** The one holder whose grants a principal uses; the system and anonymous callers hold nothing. */
const holderOf = (principal: Principal): RoleHolder | null =>
  principal.kind === 'user' || principal.kind === 'agent' ? { type: principal.kind, id: principal.id } : null;

export const LAST_ADMIN_MESSAGE =
  'refused: no user of this tenant would keep admin access (admin.view and rbac.manage through an active ' +
  'role), which would lock every administrator out; give another user an admin role first';

const NO_GRANTS: Grants = { roles: [], policies: [] };

/** Roles, permissions, policies, assignments, the audit log and the authorization decision. */
export const createRbacService = ({ db, clock = systemClock, onAuditError }: RbacDeps) => {
  const requireRole = async (ctx: RequestContext, roleId: string): Promise<RoleRow> => {
    const role = await forTenant(db, ctx.tenantId).findRole(roleId);
    if (!role) throw notFound('role', roleId);
    return role;
  };

  // Grants by tenant and user, valid while the tenant's grant version stays where it was when they were
  // read. A cheap version read replaces the full grants query; any change anywhere (this process,
  // another replica, the CLI) moves the version in the same transaction, so nothing stale is ever used.
  const grantCache = new Map<string, { version: string; grants: Grants }>();
  const grantKey = (ctx: RequestContext, holder: RoleHolder) =>
    `${ctx.tenantId}\u0000${holder.type}\u0000${holder.id}`;
  const GRANT_CACHE_LIMIT = 10_000;
  const grantsOf = async (ctx: RequestContext, holder: RoleHolder | null): Promise<Grants> => {
    if (!holder) return NO_GRANTS;
    const repo = forTenant(db, ctx.tenantId);
    const key = grantKey(ctx, holder);
    const version = await repo.grantVersion();
    const hit = grantCache.get(key);
    if (hit && hit.version === version) return hit.grants;
    const grants = await repo.loadGrants(holder);
    if (grantCache.size >= GRANT_CACHE_LIMIT) grantCache.delete(grantCache.keys().next().value as string);
    grantCache.set(key, { version, grants });
    return grants;
  };

  const auditWriter = createAuditWriter(db, (error) => onAuditError?.(error));

  const audit = (
    ctx: RequestContext,
    action: string,
    resource: AuditSubject | null,
    decision: Pick<Decision, 'outcome' | 'reason'>,
    kind: AuditKind = 'decision',
  ): void => {
    const principal = principalOf(ctx);
    auditWriter.write({
      tenant_id: ctx.tenantId,
      id: newId(),
      actor_type: principal.kind === 'anonymous' ? 'user' : principal.kind,
      actor_id: principal.kind === 'user' || principal.kind === 'agent' ? principal.id : null,
      permission: action,
      resource_type: resource?.type ?? null,
      resource_id: resource?.id ?? null,
      outcome: decision.outcome,
      reason: decision.reason,
      timestamp: clock.now(),
      kind,
    });
  };

  /** Records an access-control change (role, permission, assignment, policy) made by the caller. */
  const recordChange = (ctx: RequestContext, action: string, subject: AuditSubject, summary: string) =>
    audit(ctx, action, subject, { outcome: 'allow', reason: summary }, 'change');

  /**
   * Runs an access-control change in a transaction and refuses it (409) when it would leave the tenant
   * with no user holding admin access while one held it before. The change's statement moves the
   * tenant's grant version row, which serializes concurrent changes of the tenant, and the count after
   * it sees every change committed before: two admins removing each other cannot both succeed.
   */
  const keepingAdminAccess = <T>(
    ctx: RequestContext,
    change: (repo: ReturnType<typeof forTenant>) => Promise<T>,
  ): Promise<T> =>
    inTransaction(db, async (trx) => {
      const repo = forTenant(trx, ctx.tenantId);
      const before = await repo.countUsersHoldingAll(ADMIN_ACCESS);
      const result = await change(repo);
      if (before > 0 && (await repo.countUsersHoldingAll(ADMIN_ACCESS)) === 0) {
        throw conflict(LAST_ADMIN_MESSAGE, { reason: 'LAST_ADMIN', permissions: ADMIN_ACCESS });
      }
      return result;
    });

  const holderRoles = async (ctx: RequestContext, holder: RoleHolder) =>
    (await forTenant(db, ctx.tenantId).listHolderRoles(holder)).map((r) => ({
      roleId: r.role_id,
      roleName: r.role_name,
      roleStatus: r.role_status,
      assignedAt: r.created_at.toISOString(),
    }));

  const assign = async (ctx: RequestContext, holder: RoleHolder, roleId: string): Promise<void> => {
    const role = await requireRole(ctx, roleId);
    await forTenant(db, ctx.tenantId).assignRole(holder, roleId, clock.now());
    recordChange(
      ctx,
      'role.assign',
      { type: holder.type, id: holder.id },
      `role ${role.name} assigned to ${holder.type} ${holder.id}`,
    );
  };

  const unassign = async (ctx: RequestContext, holder: RoleHolder, roleId: string): Promise<void> => {
    const removed = await keepingAdminAccess(ctx, (repo) => repo.removeHolderRole(holder, roleId));
    if (!removed) throw notFound('role assignment', `${roleId} of ${holder.type} ${holder.id}`);
    recordChange(
      ctx,
      'role.unassign',
      { type: holder.type, id: holder.id },
      `role ${roleId} taken from ${holder.type} ${holder.id}`,
    );
  };

  const toError = (decision: Decision, permission: string, resource: Resource | null) =>
    new DomainError(
      decision.code === 'AGENT_FORBIDDEN' ? ErrorCodes.AGENT_FORBIDDEN : ErrorCodes.FORBIDDEN,
      decision.code === 'AGENT_FORBIDDEN'
        ? `Agents may not perform ${permission}, whatever roles they hold`
        : `Forbidden: ${decision.reason}`,
      { permission, resource, reason: decision.reason },
    );

  const seedDefaults = async (ctx: RequestContext): Promise<Role[]> => {
    const catalog = await listPermissionRows(db);
    const idsByName = new Map(catalog.map((p) => [p.name, p.id]));
    const seeded: RoleRow[] = [];
    await inTransaction(db, async (trx) => {
      const repo = forTenant(trx, ctx.tenantId);
      for (const role of DEFAULT_ROLES) {
        const created = await repo.insertRoleIfAbsent({
          id: newId(),
          name: role.name,
          description: role.description,
          created_at: clock.now(),
        });
        // Roles that exist already are left as their admins shaped them.
        if (created) {
          await repo.addRolePermissions(
            created.id,
            role.permissions.map((p) => idsByName.get(p)!),
          );
          seeded.push(created);
        }
      }
    });
    for (const role of seeded) {
      recordChange(ctx, 'role.create', { type: 'role', id: role.id }, `default role ${role.name} created`);
    }
    return (await forTenant(db, ctx.tenantId).listRoles()).map((r) => toRole(r, r.permissions));
  };

  /**
   * Decides whether the caller may use the permission on the resource, writes the decision to the
   * audit log (a failed write never fails the request) and throws FORBIDDEN or AGENT_FORBIDDEN on deny.
   */
  const requirePermission = async (
    ctx: RequestContext,
    permission: PermissionName,
    resource: Resource | null = null,
    options: { readOnly?: boolean } = {},
  ) => {
    const principal = principalOf(ctx);
    const grants = await grantsOf(ctx, holderOf(principal));
    const decision = decide({ principal, permission, resource, grants });
    audit(ctx, permission, resource, decision, options.readOnly ? 'read' : 'decision');
    if (decision.outcome === 'deny') throw toError(decision, permission, resource);
    return decision;
  };

  return {
    listPermissions: async (): Promise<Permission[]> => listPermissionRows(db),

    listRoles: async (ctx: RequestContext): Promise<Role[]> =>
      (await forTenant(db, ctx.tenantId).listRoles()).map((r) => toRole(r, r.permissions)),

    /** Creates an active role, optionally with permissions; a taken name is a conflict. */
    createRole: async (ctx: RequestContext, input: CreateRoleBody): Promise<Role> => {
      const name = normalizeName(input.name);
      const catalog = await listPermissionRows(db);
      const wanted = input.permissions ?? [];
      try {
        const row = await inTransaction(db, async (trx) => {
          const repo = forTenant(trx, ctx.tenantId);
          const role = await repo.insertRole({
            id: newId(),
            name,
            description: input.description?.trim() || null,
            created_at: clock.now(),
          });
          await repo.addRolePermissions(
            role.id,
            catalog.filter((p) => wanted.includes(p.name as PermissionName)).map((p) => p.id),
          );
          return role;
        });
        recordChange(
          ctx,
          'role.create',
          { type: 'role', id: row.id },
          `role ${row.name} created${wanted.length ? ` with ${[...wanted].sort().join(', ')}` : ''}`,
        );
        return toRole(row, [...wanted].sort());
      } catch (error) {
        if (isUniqueViolation(error, 'rbac_roles_name_unique')) {
          throw conflict(`a role named "${name}" already exists in this tenant`, { field: 'name' });
        }
        throw error;
      }
    },

    /** Enables or disables a role; disabling the last role that gives a user admin access is a conflict. */
    setRoleStatus: async (
      ctx: RequestContext,
      roleId: string,
      status: 'active' | 'disabled',
    ): Promise<Role> => {
      await requireRole(ctx, roleId);
      const row = await keepingAdminAccess(ctx, (repo) => repo.setRoleStatus(roleId, status));
      if (!row) throw notFound('role', roleId);
      recordChange(
        ctx,
        status === 'active' ? 'role.enable' : 'role.disable',
        { type: 'role', id: roleId },
        `role ${row.name} ${status === 'active' ? 'enabled' : 'disabled'}`,
      );
      return toRole(
        row,
        (await forTenant(db, ctx.tenantId).listRolePermissions(roleId)).map((p) => p.name),
      );
    },

    listRolePermissions: async (ctx: RequestContext, roleId: string): Promise<Permission[]> => {
      await requireRole(ctx, roleId);
      return forTenant(db, ctx.tenantId).listRolePermissions(roleId);
    },

    /** Grants a permission (by id or name) to a role; granting it twice changes nothing. */
    addRolePermission: async (
      ctx: RequestContext,
      roleId: string,
      permission: string,
    ): Promise<Permission[]> => {
      const role = await requireRole(ctx, roleId);
      const row = await findPermissionRow(db, permission);
      if (!row) throw invalid(`unknown permission "${permission}"`, { field: 'permissionId' });
      const repo = forTenant(db, ctx.tenantId);
      await repo.addRolePermissions(roleId, [row.id]);
      recordChange(
        ctx,
        'role.permission.grant',
        { type: 'role', id: roleId },
        `${row.name} granted to role ${role.name}`,
      );
      return repo.listRolePermissions(roleId);
    },

    /** Takes a permission from a role; stripping the last admin access of the tenant is a conflict. */
    removeRolePermission: async (ctx: RequestContext, roleId: string, permission: string): Promise<void> => {
      const role = await requireRole(ctx, roleId);
      const row = await findPermissionRow(db, permission);
      if (!row || !(await keepingAdminAccess(ctx, (repo) => repo.removeRolePermission(roleId, row.id)))) {
        throw notFound('permission of role', permission);
      }
      recordChange(
        ctx,
        'role.permission.revoke',
        { type: 'role', id: roleId },
        `${row.name} revoked from role ${role.name}`,
      );
    },

    /** One user's roles, or (no user id) every user's assignment in the tenant, by user then role name. */
    listUserRoles: async (ctx: RequestContext, userId?: string): Promise<UserRole[]> =>
      (await forTenant(db, ctx.tenantId).listHolderRoles({ type: 'user', id: userId })).map((r) => ({
        userId: r.user_id,
        roleId: r.role_id,
        roleName: r.role_name,
        roleStatus: r.role_status,
        assignedAt: r.created_at.toISOString(),
      })),

    /** Gives a user a role of this tenant; assigning it twice changes nothing. */
    assignRole: (ctx: RequestContext, userId: string, roleId: string): Promise<void> =>
      assign(ctx, { type: 'user', id: userId }, roleId),

    /** Takes a role from a user; taking the last admin access of the tenant is a conflict. */
    removeUserRole: (ctx: RequestContext, userId: string, roleId: string): Promise<void> =>
      unassign(ctx, { type: 'user', id: userId }, roleId),

    listAgentRoles: async (ctx: RequestContext, agentId: string): Promise<AgentRole[]> =>
      (await holderRoles(ctx, { type: 'agent', id: agentId })).map((r) => ({ agentId, ...r })),

    /**
     * Gives an agent a role of this tenant: the agent may use its permissions, except the
     * agent-guarded actions, which stay refused to agents whatever they hold (R1).
     */
    assignAgentRole: (ctx: RequestContext, agentId: string, roleId: string): Promise<void> =>
      assign(ctx, { type: 'agent', id: agentId }, roleId),

    removeAgentRole: (ctx: RequestContext, agentId: string, roleId: string): Promise<void> =>
      unassign(ctx, { type: 'agent', id: agentId }, roleId),

    listPolicies: async (ctx: RequestContext): Promise<Policy[]> =>
      (await forTenant(db, ctx.tenantId).listPolicies()).map((p) => ({
        id: p.id,
        roleId: p.role_id,
        roleName: p.role_name,
        resourceType: p.resource_type,
        resourceId: p.resource_id,
        effect: p.effect,
        createdAt: p.created_at.toISOString(),
      })),

    createPolicy: async (ctx: RequestContext, input: CreatePolicyBody): Promise<Policy> => {
      const role = await requireRole(ctx, input.roleId);
      try {
        const row = await forTenant(db, ctx.tenantId).insertPolicy({
          id: newId(),
          role_id: role.id,
          resource_type: input.resourceType,
          resource_id: input.resourceId ?? null,
          effect: input.effect,
          created_at: clock.now(),
        });
        recordChange(
          ctx,
          'policy.create',
          { type: 'policy', id: row.id },
          `${row.effect} policy on ${row.resource_type} ${row.resource_id ?? '(all)'} created for role ${role.name}`,
        );
        return {
          id: row.id,
          roleId: row.role_id,
          roleName: role.name,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          effect: row.effect,
          createdAt: row.created_at.toISOString(),
        };
      } catch (error) {
        if (isUniqueViolation(error, 'rbac_policies_unique'))
          throw conflict('the role already has this policy');
        throw error;
      }
    },

    deletePolicy: async (ctx: RequestContext, policyId: string): Promise<void> => {
      if (!(await forTenant(db, ctx.tenantId).deletePolicy(policyId))) throw notFound('policy', policyId);
      recordChange(ctx, 'policy.delete', { type: 'policy', id: policyId }, `policy ${policyId} deleted`);
    },

    /** Creates the default roles (Admin, Editor, Viewer) that are missing; idempotent. */
    seedDefaults,

    /** Seeds the default roles and makes each user an Admin of the tenant; idempotent. */
    /** Whether bootstrapAdmins(ctx, userIds) has nothing left to do: the default roles exist and the users hold Admin. */
    hasBootstrapAdmins: (ctx: RequestContext, userIds: readonly string[]): Promise<boolean> =>
      forTenant(db, ctx.tenantId).hasRolesAndHolders(
        DEFAULT_ROLES.map((r) => r.name),
        'Admin',
        userIds,
      ),

    bootstrapAdmins: async (ctx: RequestContext, userIds: readonly string[]): Promise<void> => {
      await seedDefaults(ctx);
      const admin = await forTenant(db, ctx.tenantId).findRoleByName('Admin');
      if (!admin) return;
      for (const userId of userIds)
        await forTenant(db, ctx.tenantId).assignRole({ type: 'user', id: userId }, admin.id, clock.now());
    },

    requirePermission,

    /**
     * `requirePermission` for a write whose single statement can confirm the grants itself. When this
     * process holds the caller's grants and they allow the action, the decision is made on them
     * without reading the grant version; the returned check's condition is "the grants are still at
     * that version", for the caller's statement. `confirm()` audits the decision as made; `verify()`
     * makes it again on the current grants (audited; FORBIDDEN when they no longer allow it). Null when the
     * decision was made at once, as `requirePermission` makes it: nothing cached, or a cached deny,
     * which may be stale the other way.
     */
    requirePermissionDeferred: async (
      ctx: RequestContext,
      permission: PermissionName,
      resource: Resource | null = null,
    ): Promise<DeferredCheck | null> => {
      const principal = principalOf(ctx);
      const holder = holderOf(principal);
      const hit = holder ? grantCache.get(grantKey(ctx, holder)) : undefined;
      const decision = hit ? decide({ principal, permission, resource, grants: hit.grants }) : undefined;
      if (!hit || decision?.outcome !== 'allow') {
        await requirePermission(ctx, permission, resource);
        return null;
      }
      let settled = false;
      return {
        condition: forTenant(db, ctx.tenantId).grantVersionIs(hit.version),
        confirm: () => {
          if (settled) return;
          settled = true;
          audit(ctx, permission, resource, decision, 'decision');
        },
        verify: async () => {
          if (settled) return;
          settled = true;
          await requirePermission(ctx, permission, resource);
        },
      };
    },

    /** What the caller is: roles, effective permissions and what agents may never do. */
    me: async (ctx: RequestContext): Promise<Me> => {
      const principal = principalOf(ctx);
      const grants = await grantsOf(ctx, holderOf(principal));
      return {
        actorType: principal.kind === 'system' ? 'anonymous' : principal.kind,
        actorId: principal.kind === 'user' || principal.kind === 'agent' ? principal.id : null,
        roles: grants.roles.map((r) => ({ id: r.id, name: r.name, status: r.status })),
        permissions: effectivePermissions(grants),
        agentForbidden: [...AGENT_GUARDED_ACTIONS],
      };
    },

    /** The decision for a user, with the rule that produced it; nothing is written. */
    explain: async (
      ctx: RequestContext,
      query: { userId: string; permission: string; resourceType?: Resource['type']; resourceId?: string },
    ): Promise<Explanation> => {
      if (!isPermissionName(query.permission)) throw invalid(`unknown permission "${query.permission}"`);
      if (query.resourceId && !query.resourceType) throw invalid('resourceId needs resourceType');
      const resource: Resource | null = query.resourceType
        ? { type: query.resourceType, id: query.resourceId ?? null }
        : null;
      const grants = await grantsOf(ctx, { type: 'user', id: query.userId });
      const decision = decide({
        principal: { kind: 'user', id: query.userId },
        permission: query.permission,
        resource,
        grants,
      });
      return {
        userId: query.userId,
        permission: query.permission,
        resourceType: resource?.type ?? null,
        resourceId: resource?.id ?? null,
        ...decision,
      };
    },

    /** Resolves once every decision made so far is in the audit log. */
    drainAudit: () => auditWriter.drain(),

    /** A page of the audit log, newest first, including every decision this process made so far. */
    listAuditLogs: async (
      ctx: RequestContext,
      filter: AuditFilter,
      page: { limit: number; before?: Cursor },
    ): Promise<{ items: AuditLog[]; nextCursor: string | null }> => {
      await auditWriter.drain();
      const rows = await forTenant(db, ctx.tenantId).listAuditLogs(filter, {
        ...page,
        limit: page.limit + 1,
      });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        createdAt: r.timestamp.toISOString(),
        id: r.id,
      }));
      return { items: items.map(toAuditLog), nextCursor };
    },
  };
};

export type RbacService = ReturnType<typeof createRbacService>;

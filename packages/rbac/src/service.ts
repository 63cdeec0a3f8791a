import { type Cursor, inTransaction, isUniqueViolation, pageOf } from '@ec3l/db';
import {
  type Clock,
  conflict,
  DomainError,
  ErrorCodes,
  invalid,
  newId,
  notFound,
  principalOf,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import type { Kysely } from 'kysely';
import {
  AGENT_GUARDED_ACTIONS,
  type AgentGuardedAction,
  DEFAULT_ROLES,
  isPermissionName,
  type PermissionName,
} from './core/catalog.js';
import { type Decision, decide, effectivePermissions, type Grants, type Resource } from './core/decide.js';
import { createAuditWriter } from './repo/audit-writer.js';
import { type AuditFilter, findPermissionRow, forTenant, listPermissionRows } from './repo/scoped.js';
import type {
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
import type { AuditLogRow, RbacTables, RoleRow } from './tables.js';

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
  timestamp: row.timestamp.toISOString(),
});

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
  const GRANT_CACHE_LIMIT = 10_000;
  const grantsOf = async (ctx: RequestContext, userId: string | null): Promise<Grants> => {
    if (!userId) return NO_GRANTS;
    const repo = forTenant(db, ctx.tenantId);
    const key = `${ctx.tenantId}\u0000${userId}`;
    const version = await repo.grantVersion();
    const hit = grantCache.get(key);
    if (hit && hit.version === version) return hit.grants;
    const grants = await repo.loadGrants(userId);
    if (grantCache.size >= GRANT_CACHE_LIMIT) grantCache.delete(grantCache.keys().next().value as string);
    grantCache.set(key, { version, grants });
    return grants;
  };

  const auditWriter = createAuditWriter(db, (error) => onAuditError?.(error));

  const audit = (
    ctx: RequestContext,
    action: string,
    resource: Resource | null,
    decision: Pick<Decision, 'outcome' | 'reason'>,
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
    });
  };

  const toError = (decision: Decision, permission: string, resource: Resource | null) =>
    new DomainError(
      decision.code === 'AGENT_FORBIDDEN' ? ErrorCodes.AGENT_FORBIDDEN : ErrorCodes.FORBIDDEN,
      decision.code === 'AGENT_FORBIDDEN'
        ? `Agents may not perform ${permission}`
        : `Forbidden: ${decision.reason}`,
      { permission, resource, reason: decision.reason },
    );

  const seedDefaults = async (ctx: RequestContext): Promise<Role[]> => {
    const catalog = await listPermissionRows(db);
    const idsByName = new Map(catalog.map((p) => [p.name, p.id]));
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
        if (created)
          await repo.addRolePermissions(
            created.id,
            role.permissions.map((p) => idsByName.get(p)!),
          );
      }
    });
    return (await forTenant(db, ctx.tenantId).listRoles()).map((r) => toRole(r, r.permissions));
  };

  return {
    listPermissions: async (): Promise<Permission[]> => listPermissionRows(db),

    listRoles: async (ctx: RequestContext): Promise<Role[]> =>
      (await forTenant(db, ctx.tenantId).listRoles()).map((r) => toRole(r, r.permissions)),

    /** Creates an active role, optionally with permissions; a taken name is a conflict. */
    createRole: async (ctx: RequestContext, input: CreateRoleBody): Promise<Role> => {
      const name = input.name.trim();
      if (!name) throw invalid('name must not be blank', { field: 'name' });
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
        return toRole(row, [...wanted].sort());
      } catch (error) {
        if (isUniqueViolation(error, 'rbac_roles_name_unique')) {
          throw conflict(`a role named "${name}" already exists in this tenant`, { field: 'name' });
        }
        throw error;
      }
    },

    setRoleStatus: async (
      ctx: RequestContext,
      roleId: string,
      status: 'active' | 'disabled',
    ): Promise<Role> => {
      const repo = forTenant(db, ctx.tenantId);
      const row = await repo.setRoleStatus(roleId, status);
      if (!row) throw notFound('role', roleId);
      return toRole(
        row,
        (await repo.listRolePermissions(roleId)).map((p) => p.name),
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
      await requireRole(ctx, roleId);
      const row = await findPermissionRow(db, permission);
      if (!row) throw invalid(`unknown permission "${permission}"`, { field: 'permissionId' });
      const repo = forTenant(db, ctx.tenantId);
      await repo.addRolePermissions(roleId, [row.id]);
      return repo.listRolePermissions(roleId);
    },

    removeRolePermission: async (ctx: RequestContext, roleId: string, permission: string): Promise<void> => {
      await requireRole(ctx, roleId);
      const row = await findPermissionRow(db, permission);
      if (!row || !(await forTenant(db, ctx.tenantId).removeRolePermission(roleId, row.id))) {
        throw notFound('permission of role', permission);
      }
    },

    /** One user's roles, or (no user id) every assignment in the tenant, by user then role name. */
    listUserRoles: async (ctx: RequestContext, userId?: string): Promise<UserRole[]> =>
      (await forTenant(db, ctx.tenantId).listUserRoles(userId)).map((r) => ({
        userId: r.user_id,
        roleId: r.role_id,
        roleName: r.role_name,
        roleStatus: r.role_status,
        assignedAt: r.created_at.toISOString(),
      })),

    /** Gives a user a role of this tenant; assigning it twice changes nothing. */
    assignRole: async (ctx: RequestContext, userId: string, roleId: string): Promise<void> => {
      await requireRole(ctx, roleId);
      await forTenant(db, ctx.tenantId).assignRole(userId, roleId, clock.now());
    },

    removeUserRole: async (ctx: RequestContext, userId: string, roleId: string): Promise<void> => {
      if (!(await forTenant(db, ctx.tenantId).removeUserRole(userId, roleId))) {
        throw notFound('role assignment', `${roleId} of user ${userId}`);
      }
    },

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
    },

    /** Creates the default roles (Admin, Editor, Viewer) that are missing; idempotent. */
    seedDefaults,

    /** Seeds the default roles and makes each user an Admin of the tenant; idempotent. */
    bootstrapAdmins: async (ctx: RequestContext, userIds: readonly string[]): Promise<void> => {
      await seedDefaults(ctx);
      const admin = await forTenant(db, ctx.tenantId).findRoleByName('Admin');
      if (!admin) return;
      for (const userId of userIds)
        await forTenant(db, ctx.tenantId).assignRole(userId, admin.id, clock.now());
    },

    /**
     * Decides whether the caller may use the permission on the resource, writes the decision to the
     * audit log (a failed write never fails the request) and throws FORBIDDEN or AGENT_FORBIDDEN on deny.
     */
    requirePermission: async (
      ctx: RequestContext,
      permission: PermissionName,
      resource: Resource | null = null,
    ) => {
      const principal = principalOf(ctx);
      const grants = await grantsOf(ctx, principal.kind === 'user' ? principal.id : null);
      const decision = decide({ principal, permission, resource, grants });
      audit(ctx, permission, resource, decision);
      if (decision.outcome === 'deny') throw toError(decision, permission, resource);
      return decision;
    },

    /** Refuses an agent-guarded action to agents (R1), audited; other actors pass. */
    requireNotAgent: async (
      ctx: RequestContext,
      action: AgentGuardedAction,
      resource: Resource | null = null,
    ) => {
      if (!ctx.agentId) return;
      const decision: Decision = {
        outcome: 'deny',
        code: 'AGENT_FORBIDDEN',
        reason: `agents may not perform ${action}`,
        rule: { kind: 'agent_guard' },
      };
      audit(ctx, action, resource, decision);
      throw toError(decision, action, resource);
    },

    /** What the caller is: roles, effective permissions and what agents may never do. */
    me: async (ctx: RequestContext): Promise<Me> => {
      const principal = principalOf(ctx);
      const grants = await grantsOf(ctx, principal.kind === 'user' ? principal.id : null);
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
      const grants = await grantsOf(ctx, query.userId);
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

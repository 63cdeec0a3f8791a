import type { Principal } from '@ec3l/kernel';
import { isAgentGuarded, type PermissionName, type ResourceType } from './catalog.js';

export type Resource = { type: ResourceType; id: string | null };

export type GrantedRole = {
  id: string;
  name: string;
  status: 'active' | 'disabled';
  permissions: readonly string[];
};

export type GrantedPolicy = {
  id: string;
  roleId: string;
  resourceType: ResourceType;
  /** null: every resource of the type. */
  resourceId: string | null;
  effect: 'allow' | 'deny';
};

/** What the principal holds in this tenant: its roles (with their permissions) and their policies. */
export type Grants = { roles: readonly GrantedRole[]; policies: readonly GrantedPolicy[] };

type DecisionRule =
  | { kind: 'system' }
  | { kind: 'agent_guard' }
  | { kind: 'anonymous' }
  | { kind: 'deny_policy'; policyId: string; roleId: string; roleName: string }
  | { kind: 'role_permission'; roleId: string; roleName: string }
  | { kind: 'allow_policy'; policyId: string; roleId: string; roleName: string }
  | { kind: 'no_grant' };

export type Decision = {
  outcome: 'allow' | 'deny';
  /** Why a denial happened, as an error code: FORBIDDEN or AGENT_FORBIDDEN. */
  code: 'FORBIDDEN' | 'AGENT_FORBIDDEN' | null;
  reason: string;
  rule: DecisionRule;
};

export type DecisionRequest = {
  principal: Principal;
  permission: PermissionName;
  resource: Resource | null;
  grants: Grants;
};

/** Policies govern the permissions of their resource type: a change policy governs change.approve. */
const familyOf = (permission: string): string => permission.slice(0, permission.indexOf('.'));

const policyMatches = (policy: GrantedPolicy, permission: string, resource: Resource | null): boolean =>
  resource !== null &&
  policy.resourceType === resource.type &&
  familyOf(permission) === policy.resourceType &&
  (policy.resourceId === null || policy.resourceId === resource.id);

const describeResource = (resource: Resource | null) =>
  resource ? ` on ${resource.type}${resource.id ? ` ${resource.id}` : ''}` : '';

/**
 * The one authorization decision. In order: the system is always allowed (R3); an agent is refused
 * every agent-guarded action (R1); a request naming no user is refused; a matching deny policy of any
 * active role beats everything; then an active role holding the permission allows; then a matching
 * allow policy of an active role allows that resource; otherwise deny. Disabled roles grant nothing.
 * Roles are per tenant (R2): the caller passes only this tenant's grants.
 */
export const decide = ({ principal, permission, resource, grants }: DecisionRequest): Decision => {
  const target = `${permission}${describeResource(resource)}`;
  if (principal.kind === 'system') {
    return { outcome: 'allow', code: null, reason: 'system actors bypass RBAC', rule: { kind: 'system' } };
  }
  if (principal.kind === 'agent' && isAgentGuarded(permission)) {
    return {
      outcome: 'deny',
      code: 'AGENT_FORBIDDEN',
      reason: `agents may not perform ${permission}`,
      rule: { kind: 'agent_guard' },
    };
  }
  if (principal.kind === 'anonymous') {
    return {
      outcome: 'deny',
      code: 'FORBIDDEN',
      reason: `${target} needs a user: send x-user-id`,
      rule: { kind: 'anonymous' },
    };
  }
  const active = grants.roles.filter((r) => r.status === 'active');
  const activeById = new Map(active.map((r) => [r.id, r]));
  const policies = grants.policies.filter(
    (p) => activeById.has(p.roleId) && policyMatches(p, permission, resource),
  );

  const deny = policies.find((p) => p.effect === 'deny');
  if (deny) {
    const role = activeById.get(deny.roleId)!;
    return {
      outcome: 'deny',
      code: 'FORBIDDEN',
      reason: `a deny policy of role ${role.name} forbids ${target}`,
      rule: { kind: 'deny_policy', policyId: deny.id, roleId: role.id, roleName: role.name },
    };
  }
  const holder = active.find((r) => r.permissions.includes(permission));
  if (holder) {
    return {
      outcome: 'allow',
      code: null,
      reason: `role ${holder.name} grants ${permission}`,
      rule: { kind: 'role_permission', roleId: holder.id, roleName: holder.name },
    };
  }
  const allow = policies.find((p) => p.effect === 'allow');
  if (allow) {
    const role = activeById.get(allow.roleId)!;
    return {
      outcome: 'allow',
      code: null,
      reason: `an allow policy of role ${role.name} grants ${target}`,
      rule: { kind: 'allow_policy', policyId: allow.id, roleId: role.id, roleName: role.name },
    };
  }
  return {
    outcome: 'deny',
    code: 'FORBIDDEN',
    reason: `missing permission ${permission}${describeResource(resource)}`,
    rule: { kind: 'no_grant' },
  };
};

/** The permissions the active roles grant, sorted: what a console may enable. */
export const effectivePermissions = (grants: Grants): string[] =>
  [...new Set(grants.roles.filter((r) => r.status === 'active').flatMap((r) => r.permissions))].sort();

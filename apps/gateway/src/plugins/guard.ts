import type { PermissionName, RbacService, Resource } from '@ec3l/rbac';
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route's guard checks (read by tests and docs). */
    permission?: PermissionName;
  }
}

export type ResourceOf = (request: FastifyRequest) => Resource | null;

/**
 * Route options that put the RBAC decision in front of a handler: the caller must hold `permission`
 * (on the resource, when given) or the request ends with 403 FORBIDDEN / AGENT_FORBIDDEN.
 * Every decision is audited.
 */
export const guard = (rbac: RbacService, permission: PermissionName, resourceOf?: ResourceOf) => {
  const preHandler: preHandlerAsyncHookHandler = async (request) => {
    await rbac.requirePermission(request.ctx, permission, resourceOf ? resourceOf(request) : null);
  };
  return { config: { permission }, preHandler };
};

export type Guard = (
  permission: PermissionName,
  resourceOf?: ResourceOf,
) => { config: { permission: PermissionName }; preHandler?: preHandlerAsyncHookHandler };

/**
 * The guard factory routes use. `enforced: false` exists only so a benchmark can measure what the
 * decision costs against the very same routes; configuration cannot reach it.
 */
export const createGuard =
  (rbac: RbacService, enforced = true): Guard =>
  (permission, resourceOf) =>
    enforced ? guard(rbac, permission, resourceOf) : { config: { permission } };

/** The sentence added to a guarded route's OpenAPI description. */
export const requires = (permission: PermissionName, agentGuarded = false) =>
  `Requires permission \`${permission}\`${agentGuarded ? '; refused to agents' : ''}.`;

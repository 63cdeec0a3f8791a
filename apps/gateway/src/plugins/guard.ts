import type { DeferredCheck } from '@ec3l/db';
import { isAgentGuarded, type PermissionName, type RbacService, type Resource } from '@ec3l/rbac';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route's guard checks (read by tests and docs). */
    permission?: PermissionName;
  }
  interface FastifyRequest {
    /** The permission decision a `deferred` guard left for the handler's statement to confirm. */
    deferredPermission?: DeferredCheck | null;
  }
  interface FastifyInstance {
    /** The declared permission of every guarded route, by `METHOD /path/:param`. */
    routePermissions: ReadonlyMap<string, PermissionName>;
  }
}

/** Collects each route's `config.permission` as routes are added; call before registering routes. */
export const collectRoutePermissions = (app: FastifyInstance): void => {
  const permissions = new Map<string, PermissionName>();
  app.decorate('routePermissions', permissions);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!permission) return;
    for (const method of [route.method].flat()) permissions.set(`${method} ${route.url}`, permission);
  });
};

export type ResourceOf = (request: FastifyRequest) => Resource | null;

/**
 * Which permission a request needs, when it depends on the request (e.g. the status a change moves
 * to); the route's declared permission is the one most requests need.
 */
type PermissionOf = (request: FastifyRequest) => PermissionName;

export type GuardOptions = {
  permissionOf?: PermissionOf;
  /**
   * The handler's own statement confirms the caller's grants (`request.deferredPermission`, see the
   * RBAC service's `requirePermissionDeferred`): the decision reads no grant version first. The
   * handler must settle the check on every path.
   */
  deferred?: boolean;
};

const isReadOnly = (request: FastifyRequest) => request.method === 'GET' || request.method === 'HEAD';

/**
 * Route options that put the RBAC decision in front of a handler: the caller must hold `permission`
 * (on the resource, when given) or the request ends with 403 FORBIDDEN / AGENT_FORBIDDEN.
 * Every decision is audited; decisions on read-only requests are marked as reads.
 */
const guard = (
  rbac: RbacService,
  permission: PermissionName,
  resourceOf?: ResourceOf,
  options: GuardOptions = {},
) => {
  const preHandler: preHandlerAsyncHookHandler = async (request) => {
    if (options.deferred && !options.permissionOf && !isReadOnly(request)) {
      request.deferredPermission = await rbac.requirePermissionDeferred(
        request.ctx,
        permission,
        resourceOf ? resourceOf(request) : null,
      );
      return;
    }
    await rbac.requirePermission(
      request.ctx,
      options.permissionOf ? options.permissionOf(request) : permission,
      resourceOf ? resourceOf(request) : null,
      { readOnly: isReadOnly(request) },
    );
  };
  return { config: { permission }, preHandler };
};

export type Guard = (
  permission: PermissionName,
  resourceOf?: ResourceOf,
  options?: GuardOptions,
) => { config: { permission: PermissionName }; preHandler?: preHandlerAsyncHookHandler };

/**
 * The guard factory routes use. `enforced: false` exists only so a benchmark can measure what the
 * decision costs against the very same routes; configuration cannot reach it.
 */
export const createGuard =
  (rbac: RbacService, enforced = true): Guard =>
  (permission, resourceOf, options) =>
    enforced ? guard(rbac, permission, resourceOf, options) : { config: { permission } };

/** The sentence added to a guarded route's OpenAPI description. */
export const requires = (permission: PermissionName) =>
  `Requires permission \`${permission}\`${isAgentGuarded(permission) ? '; refused to agents' : ''}.`;

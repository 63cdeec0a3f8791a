export type ActorType = 'user' | 'agent' | 'system';

/**
 * Who is acting, and for which tenant. The tenant id is always resolved by the server
 * from the tenant slug (T1, T6); it never comes from the client.
 */
export type RequestContext = {
  tenantId: string;
  tenantSlug: string;
  userId: string | null;
  agentId: string | null;
  requestId?: string;
  /** Set only for work the platform does itself (bootstrap, schedulers); never for an HTTP request. */
  isSystem?: boolean;
};

export type Actor = { actorType: ActorType; actorId: string | null };

/** Derives the acting party: an agent if one is named, else a user, else the system. */
export const actorOf = (ctx: Pick<RequestContext, 'userId' | 'agentId'>): Actor => {
  if (ctx.agentId) return { actorType: 'agent', actorId: ctx.agentId };
  if (ctx.userId) return { actorType: 'user', actorId: ctx.userId };
  return { actorType: 'system', actorId: null };
};

/** A context for work the platform does on its own behalf (bootstrap, schedulers). */
export const systemContext = (tenantId: string, tenantSlug: string): RequestContext => ({
  tenantId,
  tenantSlug,
  userId: null,
  agentId: null,
  isSystem: true,
});

/**
 * Who a permission decision is about. Unlike actorOf, a request that names no one is anonymous,
 * not the system: only platform-internal work is the system (R3).
 */
export type Principal =
  | { kind: 'system' }
  | { kind: 'agent'; id: string }
  | { kind: 'user'; id: string }
  | { kind: 'anonymous' };

export const principalOf = (ctx: Pick<RequestContext, 'userId' | 'agentId' | 'isSystem'>): Principal => {
  if (ctx.agentId) return { kind: 'agent', id: ctx.agentId };
  if (ctx.userId) return { kind: 'user', id: ctx.userId };
  return ctx.isSystem ? { kind: 'system' } : { kind: 'anonymous' };
};

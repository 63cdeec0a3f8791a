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
});

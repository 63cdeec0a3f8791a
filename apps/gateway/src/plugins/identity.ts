import { setScopeTenant } from '@ec3l/db';
import { DomainError, ErrorCodes, invalid, notFound, type RequestContext } from '@ec3l/kernel';
import { isTenantSlug, type ResolvedTenant, type TenancyService } from '@ec3l/tenancy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyRequest {
    /** Tenant and actor of this request, resolved by the server (never supplied as a tenant id). */
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /** Routes that need no tenant (GET /api/tenants). */
    tenantOptional?: boolean;
  }
}

const HEADER_VALUE_RE = /^[A-Za-z0-9._:@-]{1,200}$/;

const header = (request: FastifyRequest, name: string): string | null => {
  const raw = request.headers[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : null;
};

const actorHeader = (request: FastifyRequest, name: 'x-user-id' | 'x-agent-id'): string | null => {
  const value = header(request, name);
  if (value !== null && !HEADER_VALUE_RE.test(value)) {
    throw invalid(`${name} must be 1–200 letters, digits or . _ : @ -`, { header: name });
  }
  return value;
};

/**
 * Slug → tenant, positive entries only. A slug never changes its tenant, so a cached hit can
 * never be stale; unknown slugs are always looked up again, so a tenant created elsewhere
 * (another replica, the CLI) is seen at once.
 */
const createTenantCache = (resolve: (slug: string) => Promise<ResolvedTenant | undefined>, max = 10_000) => {
  const cache = new Map<string, ResolvedTenant>();
  return async (slug: string): Promise<ResolvedTenant | undefined> => {
    const hit = cache.get(slug);
    if (hit) return hit;
    const found = await resolve(slug);
    if (found) {
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      cache.set(slug, found);
    }
    return found;
  };
};

/**
 * Resolves identity for every /api route: x-tenant-id (a slug) → tenant (T1; missing → 401 T3,
 * unknown → 404 T4), and x-user-id / x-agent-id (optional, mutually exclusive).
 */
export const identityPlugin = fp(
  async (app: FastifyInstance, opts: { tenancy: TenancyService }) => {
    const resolveTenant = createTenantCache((slug) => opts.tenancy.resolveTenant(slug));
    app.decorateRequest('ctx', null as unknown as RequestContext);
    app.addHook('onRequest', async (request) => {
      const userId = actorHeader(request, 'x-user-id');
      const agentId = actorHeader(request, 'x-agent-id');
      if (userId && agentId) {
        throw invalid('send either x-user-id or x-agent-id, not both', {
          headers: ['x-user-id', 'x-agent-id'],
        });
      }
      if (request.routeOptions.config.tenantOptional) return;
      const slug = header(request, 'x-tenant-id');
      if (!slug) {
        throw new DomainError(ErrorCodes.UNAUTHENTICATED, 'x-tenant-id header (the tenant slug) is required');
      }
      // Anything that is not a known slug, a tenant UUID included, is an unknown tenant (T4, T6).
      const tenant = isTenantSlug(slug) ? await resolveTenant(slug) : undefined;
      if (!tenant) throw notFound('tenant', slug);
      setScopeTenant(tenant.id);
      request.ctx = { tenantId: tenant.id, tenantSlug: tenant.slug, userId, agentId, requestId: request.id };
    });
  },
  { name: 'ec3l-identity' },
);

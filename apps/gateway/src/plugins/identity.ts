import { setScopeTenant } from '@ec3l/db';
import { DomainError, ErrorCodes, invalid, isTenantSlug, notFound, type RequestContext } from '@ec3l/kernel';
import { USER_ID_PATTERN } from '@ec3l/rbac';
import type { ResolvedTenant, TenancyService } from '@ec3l/tenancy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  createTokenVerifier,
  SigningKeysUnavailable,
  TokenRejected,
  type TokenVerifier,
} from '../auth/jwt.js';
import type { AuthConfig } from '../config.js';
import { errorBody } from './errors.js';

/**
 * Who is calling, before any tenant is chosen. `tenants` is the set of tenant slugs the caller may use,
 * or null when any tenant may be named (header mode: identity is whatever the trusted proxy sent).
 */
export type Caller = {
  userId: string | null;
  agentId: string | null;
  tenants: ReadonlySet<string> | null;
};

declare module 'fastify' {
  interface FastifyRequest {
    /** Tenant and actor of this request, resolved by the server (never supplied as a tenant id). */
    ctx: RequestContext;
    /** The authenticated caller; set on every /api route, GET /api/tenants included. */
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** Routes that need no tenant (GET /api/tenants). */
    tenantOptional?: boolean;
  }
}

const ACTOR_ID_RE = new RegExp(USER_ID_PATTERN);

const header = (request: FastifyRequest, name: string): string | null => {
  const raw = request.headers[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : null;
};

const actorHeader = (request: FastifyRequest, name: 'x-user-id' | 'x-agent-id'): string | null => {
  const value = header(request, name);
  if (value !== null && !ACTOR_ID_RE.test(value)) {
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

/** Header mode: the actor is what x-user-id / x-agent-id say (optional, mutually exclusive). */
const headerCaller = async (request: FastifyRequest): Promise<Caller> => {
  const userId = actorHeader(request, 'x-user-id');
  const agentId = actorHeader(request, 'x-agent-id');
  if (userId && agentId) {
    throw invalid('send either x-user-id or x-agent-id, not both', {
      headers: ['x-user-id', 'x-agent-id'],
    });
  }
  return { userId, agentId, tenants: null };
};

const REALM = 'Bearer realm="ec3l"';
const SCHEME_RE = /^Bearer(?: +|$)/i;
const TOKEN_RE = /^[A-Za-z0-9._~+/-]+=*$/;
const MAX_TOKEN_LENGTH = 16_384;

/** RFC 6750 allows neither quotes nor backslashes inside a quoted parameter. */
const quoted = (text: string) => `"${text.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, ' ')}"`;

const unauthenticated = (reply: FastifyReply, message: string, reason?: string): DomainError => {
  const challenge =
    reason === undefined ? REALM : `${REALM}, error="invalid_token", error_description=${quoted(reason)}`;
  void reply.header('www-authenticate', challenge);
  return new DomainError(ErrorCodes.UNAUTHENTICATED, message);
};

/**
 * JWT mode: the actor and its tenants come from the bearer token, never from identity headers.
 * Returns null when the reply has already been sent (the signing keys are unreachable: 503).
 */
const bearerCaller =
  (verify: TokenVerifier) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> => {
    for (const name of ['x-user-id', 'x-agent-id'] as const) {
      if (request.headers[name] !== undefined) {
        throw invalid(`${name} is not accepted: the actor comes from the bearer token`, { header: name });
      }
    }
    const authorization = request.headers.authorization?.trim();
    // No credentials, or another scheme (Basic …): a plain challenge, without an error code (RFC 6750 §3.1).
    const token = authorization && SCHEME_RE.test(authorization) ? authorization.replace(SCHEME_RE, '') : '';
    if (!token) throw unauthenticated(reply, 'a bearer token is required (Authorization: Bearer <token>)');
    if (token.length > MAX_TOKEN_LENGTH || !TOKEN_RE.test(token)) {
      throw unauthenticated(reply, 'invalid bearer token: not a token', 'not a token');
    }
    try {
      return await verify(token);
    } catch (error) {
      if (error instanceof TokenRejected) {
        throw unauthenticated(reply, `invalid bearer token: ${error.reason}`, error.reason);
      }
      if (error instanceof SigningKeysUnavailable) {
        request.log.warn({ err: error.cause }, 'token signing keys unavailable');
        await reply
          .code(503)
          .header('retry-after', '5')
          .send(
            errorBody(503, 'AUTH_UNAVAILABLE', 'The token signing keys cannot be fetched; try again shortly'),
          );
        return null;
      }
      throw error;
    }
  };

/**
 * The one place a request's tenant is chosen: x-tenant-id (a slug) → tenant (T1; missing → 401 T3,
 * unknown → 404 T4). A tenant the caller may not use answers exactly like an unknown one.
 */
const requestTenant = async (
  request: FastifyRequest,
  caller: Caller,
  resolveTenant: (slug: string) => Promise<ResolvedTenant | undefined>,
): Promise<ResolvedTenant> => {
  const slug = header(request, 'x-tenant-id');
  if (!slug) {
    throw new DomainError(ErrorCodes.UNAUTHENTICATED, 'x-tenant-id header (the tenant slug) is required');
  }
  const allowed = caller.tenants === null || caller.tenants.has(slug);
  // Anything that is not a known slug, a tenant UUID included, is an unknown tenant (T4, T6).
  const tenant = allowed && isTenantSlug(slug) ? await resolveTenant(slug) : undefined;
  if (!tenant) throw notFound('tenant', slug);
  return tenant;
};

/**
 * Resolves identity for every /api route: first the caller (header mode: x-user-id / x-agent-id;
 * JWT mode: the verified bearer token), then the tenant it names in x-tenant-id.
 */
export const identityPlugin = fp(
  async (app: FastifyInstance, opts: { tenancy: TenancyService; auth?: AuthConfig }) => {
    const resolveTenant = createTenantCache((slug) => opts.tenancy.resolveTenant(slug));
    const auth = opts.auth ?? { mode: 'header' };
    const authenticate = auth.mode === 'jwt' ? bearerCaller(createTokenVerifier(auth)) : headerCaller;
    app.decorateRequest('ctx', null as unknown as RequestContext);
    app.decorateRequest('caller', null as unknown as Caller);
    app.addHook('onRequest', async (request, reply) => {
      const caller = await authenticate(request, reply);
      if (caller === null) return reply;
      request.caller = caller;
      if (request.routeOptions.config.tenantOptional) return;
      // Every 401 carries a challenge in JWT mode (RFC 9110), the missing-tenant one (T3) too.
      if (auth.mode === 'jwt' && header(request, 'x-tenant-id') === null) {
        void reply.header('www-authenticate', REALM);
      }
      const tenant = await requestTenant(request, caller, resolveTenant);
      setScopeTenant(tenant.id);
      request.ctx = {
        tenantId: tenant.id,
        tenantSlug: tenant.slug,
        userId: caller.userId,
        agentId: caller.agentId,
        requestId: request.id,
      };
    });
  },
  { name: 'ec3l-identity' },
);

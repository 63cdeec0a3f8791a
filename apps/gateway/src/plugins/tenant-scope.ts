import { runInTenantScope, type TenantScope } from '@ec3l/db';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The database tenant scope of this request; identity fills in the tenant once resolved. */
    tenantScope: TenantScope;
  }
}

/**
 * Opens a tenant scope for every request, so that each query of the request runs with its tenant's
 * rows visible and no others. The scope is entered again before validation: body parsing runs in the
 * socket's context and would otherwise lose it for the guards and the handler.
 */
export const registerTenantScope = (app: FastifyInstance): void => {
  app.decorateRequest('tenantScope', null as unknown as TenantScope);
  app.addHook('onRequest', (request, _reply, done) => {
    request.tenantScope = { tenantId: null };
    runInTenantScope(request.tenantScope, done);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    runInTenantScope(request.tenantScope, done);
  });
};

import { runInTenantScope } from '@ec3l/db';
import type { FastifyInstance } from 'fastify';

/**
 * Opens a tenant scope for every request, so that each of its queries runs with its tenant's rows
 * visible and no others; identity fills in the tenant once it is resolved. The scope is entered with
 * the callback form of the first hook, so everything after it (body parsing, validation, guards, the
 * handler) runs inside it; a test over real HTTP with a body arriving in pieces keeps that true.
 */
export const registerTenantScope = (app: FastifyInstance): void => {
  app.addHook('onRequest', (_request, _reply, done) => {
    runInTenantScope({ tenantId: null }, done);
  });
};

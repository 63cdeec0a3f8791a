import type { TenancyService } from '@ec3l/tenancy';
import { TenantSchema } from '@ec3l/tenancy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ref } from '../schemas.js';

export const tenantRoutes: FastifyPluginAsyncTypebox<{ tenancy: TenancyService }> = async (
  app,
  { tenancy },
) => {
  app.get(
    '/tenants',
    {
      config: { tenantOptional: true },
      schema: {
        operationId: 'listTenants',
        tags: ['tenants'],
        summary: 'List tenants (no tenant header needed)',
        response: { 200: Type.Array(ref(TenantSchema)) },
      },
    },
    async (request) => {
      const tenants = await tenancy.listTenants();
      // A caller limited to some tenants (JWT mode) sees only those.
      const allowed = request.caller.tenants;
      return allowed === null ? tenants : tenants.filter((t) => allowed.has(t.slug));
    },
  );
};

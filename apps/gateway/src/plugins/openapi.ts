import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export const OPENAPI_INFO = {
  title: 'EC3L API',
  description:
    'EC3L is a stateless, multi-tenant control plane for enterprise configuration. Every /api route except ' +
    'GET /api/tenants needs the x-tenant-id header (a tenant slug); x-user-id or x-agent-id name the actor.',
  version: '0.1.0',
};

/** Publishes /openapi.json (OpenAPI 3.1, built from the route schemas) and the reference page at /docs. */
export const registerOpenApi = async (app: FastifyInstance): Promise<void> => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: OPENAPI_INFO,
      tags: [
        { name: 'tenants', description: 'Organisation boundaries' },
        { name: 'projects', description: 'Projects with their environments and modules' },
        { name: 'environments', description: 'dev, test and prod of each project' },
        { name: 'changes', description: 'Change records: targets, patch ops, checkin, merge, revert' },
        { name: 'record-types', description: 'The data dictionary: record types and their fields' },
        { name: 'choice-lists', description: 'Option sets for choice fields' },
        { name: 'graph', description: 'The record-type graph: snapshot, validation, diff' },
        { name: 'dashboard', description: 'Console summaries' },
        { name: 'rbac', description: 'Roles, permissions, policies and assignments' },
        { name: 'admin', description: 'Admin console (permission admin.view)' },
        { name: 'audit', description: 'Authorization decisions and domain events' },
        { name: 'system', description: 'Health and readiness' },
      ],
      components: {
        securitySchemes: {
          tenant: { type: 'apiKey', in: 'header', name: 'x-tenant-id', description: 'Tenant slug' },
          user: { type: 'apiKey', in: 'header', name: 'x-user-id' },
          agent: { type: 'apiKey', in: 'header', name: 'x-agent-id' },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'With EC3L_AUTH=jwt: a signed token whose sub is the actor, ec3l_actor "user" or "agent", ' +
              'ec3l_tenants the tenant slugs it may use. x-user-id and x-agent-id are then refused.',
          },
        },
      },
      // Header mode (behind a trusted proxy) or JWT mode; the tenant slug is sent in both.
      security: [{ tenant: [] }, { bearer: [], tenant: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};

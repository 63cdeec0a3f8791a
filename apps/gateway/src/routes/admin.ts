import { type ChangeService, GraphDiffSchema } from '@ec3l/change-engine';
import type { Database } from '@ec3l/db';
import { decodeCursor } from '@ec3l/db';
import { readGraphSnapshot, validateTenantGraph } from '@ec3l/graph';
import { Text, Uuid } from '@ec3l/kernel';
import type { RbacService } from '@ec3l/rbac';
import { TelemetryEventSchema, type TenancyService, TenantSchema } from '@ec3l/tenancy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AuditFeedEntrySchema, readAuditFeed } from '../flows/audit-feed.js';
import { errorResponses, guardedReadErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import { IncludeReadsQuery, NEXT_CURSOR, nextCursorHeader, PageQuerySchema, ref } from '../schemas.js';

const TimeWindowQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Inclusive start' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Exclusive end' })),
});

const window = (q: { from?: string; to?: string }) => ({
  ...(q.from ? { from: new Date(q.from) } : {}),
  ...(q.to ? { to: new Date(q.to) } : {}),
});

export const adminRoutes: FastifyPluginAsyncTypebox<{
  rbac: RbacService;
  tenancy: TenancyService;
  changes: ChangeService;
  db: Database['db'];
  guard: Guard;
}> = async (app, opts) => {
  const { rbac, tenancy, changes, db } = opts;
  const admin = opts.guard('admin.view');

  app.get(
    '/admin/check-access',
    {
      ...admin,
      schema: {
        operationId: 'checkAdminAccess',
        tags: ['admin'],
        description: `Answers 200 when the caller may use the admin console. ${requires('admin.view')}`,
        response: {
          200: Type.Object({ allowed: Type.Literal(true), permission: Type.String() }),
          ...guardedReadErrors,
        },
      },
    },
    async () => ({ allowed: true as const, permission: 'admin.view' }),
  );

  app.get(
    '/admin/tenants',
    {
      ...admin,
      schema: {
        operationId: 'listAdminTenants',
        tags: ['admin', 'tenants'],
        description: `Every tenant, marking the caller's. ${requires('admin.view')}`,
        response: {
          200: Type.Array(Type.Composite([TenantSchema, Type.Object({ isCurrent: Type.Boolean() })])),
          ...guardedReadErrors,
        },
      },
    },
    async (request) =>
      (await tenancy.listTenants()).map((t) => ({ ...t, isCurrent: t.slug === request.ctx.tenantSlug })),
  );

  app.get(
    '/admin/execution-telemetry',
    {
      ...admin,
      schema: {
        operationId: 'listExecutionTelemetry',
        tags: ['admin', 'audit'],
        description: `Domain events of the tenant, newest first. ${requires('admin.view')}`,
        querystring: Type.Composite([
          PageQuerySchema,
          TimeWindowQuerySchema,
          Type.Object({ eventType: Type.Optional(Text({ maxLength: 100 })) }),
        ]),
        response: {
          200: { ...Type.Array(ref(TelemetryEventSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit = 50, cursor, eventType } = request.query;
      const page = await tenancy.listTelemetry(
        request.ctx,
        { ...window(request.query), ...(eventType ? { eventType } : {}) },
        { limit, ...(cursor ? { before: decodeCursor(cursor) } : {}) },
      );
      if (page.nextCursor) void reply.header(NEXT_CURSOR, page.nextCursor);
      return page.items;
    },
  );

  app.get(
    '/audit-feed',
    {
      ...admin,
      schema: {
        operationId: 'getAuditFeed',
        tags: ['audit'],
        description:
          'Authorization decisions, access-control changes and domain events in one feed, newest first. Allow ' +
          `decisions on read-only requests are left out unless includeReads=true. ${requires('admin.view')}`,
        querystring: Type.Composite([
          PageQuerySchema,
          TimeWindowQuerySchema,
          Type.Object({ includeReads: IncludeReadsQuery }),
        ]),
        response: {
          200: { ...Type.Array(ref(AuditFeedEntrySchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit = 50, cursor, includeReads } = request.query;
      const page = await readAuditFeed({ rbac, tenancy }, request.ctx, {
        limit,
        includeReads: includeReads ?? false,
        ...window(request.query),
        ...(cursor ? { before: decodeCursor(cursor) } : {}),
      });
      if (page.nextCursor) void reply.header(NEXT_CURSOR, page.nextCursor);
      return page.items;
    },
  );

  const ProjectQuery = Type.Object({ projectId: Type.Optional(Uuid()) });
  const GraphErrorSchema = Type.Object({
    code: Type.String(),
    projectId: Type.String(),
    recordTypeKey: Type.String(),
    field: Type.Optional(Type.String()),
    message: Type.String(),
  });

  app.get(
    '/admin/graph/snapshot',
    {
      ...admin,
      schema: {
        operationId: 'getGraphSnapshot',
        tags: ['admin', 'graph'],
        description: `The tenant's record-type graph (own fields), or one project's. ${requires('admin.view')}`,
        querystring: ProjectQuery,
        response: {
          200: Type.Object({
            recordTypes: Type.Array(
              Type.Object({
                id: Type.String(),
                projectId: Type.String(),
                key: Type.String(),
                name: Type.String(),
                baseType: Type.Union([Type.String(), Type.Null()]),
                status: Type.String(),
                version: Type.Integer(),
                fields: Type.Array(Type.Record(Type.String(), Type.Unknown())),
              }),
            ),
            choiceListIds: Type.Array(Type.String()),
          }),
          ...guardedReadErrors,
        },
      },
    },
    async (request) => {
      if (request.query.projectId) await tenancy.requireProject(request.ctx, request.query.projectId);
      return readGraphSnapshot(db, request.ctx, request.query.projectId);
    },
  );

  app.get(
    '/admin/graph/validate',
    {
      ...admin,
      schema: {
        operationId: 'validateGraph',
        tags: ['admin', 'graph'],
        description: `Runs the graph validators over the tenant (or one project). ${requires('admin.view')}`,
        querystring: ProjectQuery,
        response: {
          200: Type.Object({
            valid: Type.Boolean(),
            recordTypes: Type.Integer(),
            errors: Type.Array(GraphErrorSchema),
          }),
          ...guardedReadErrors,
        },
      },
    },
    async (request) => {
      if (request.query.projectId) await tenancy.requireProject(request.ctx, request.query.projectId);
      return validateTenantGraph(db, request.ctx, request.query.projectId);
    },
  );

  app.get(
    '/admin/graph/diff',
    {
      ...admin,
      schema: {
        operationId: 'getGraphDiff',
        tags: ['admin', 'graph'],
        description: `What a change will do (or did) to the graph. ${requires('admin.view')}`,
        querystring: Type.Object({ changeId: Uuid() }),
        response: { 200: ref(GraphDiffSchema), ...guardedReadErrors, ...errorResponses(422) },
      },
    },
    async (request) => changes.diff(request.ctx, request.query.changeId),
  );
};

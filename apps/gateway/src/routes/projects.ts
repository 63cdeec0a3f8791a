import { decodeCursor } from '@ec3l/db';
import {
  CreateProjectBodySchema,
  DashboardSummarySchema,
  EnvironmentSchema,
  ModuleSchema,
  ProjectSchema,
  type TenancyService,
} from '@ec3l/tenancy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  EnvironmentParamsSchema,
  NEXT_CURSOR,
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  ProjectParamsSchema,
  ref,
} from '../schemas.js';

export const projectRoutes: FastifyPluginAsyncTypebox<{ tenancy: TenancyService; guard: Guard }> = async (
  app,
  { tenancy, guard },
) => {
  const edit = guard('project.edit');

  app.get(
    '/projects',
    {
      schema: {
        operationId: 'listProjects',
        tags: ['projects'],
        summary: "List the tenant's projects, oldest first",
        description: PAGE_DESCRIPTION,
        querystring: PageQuerySchema,
        response: {
          200: {
            ...Type.Array(ref(ProjectSchema)),
            headers: nextCursorHeader,
          },
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { limit = 50, cursor } = request.query;
      const page = await tenancy.listProjects(request.ctx, {
        limit,
        ...(cursor ? { after: decodeCursor(cursor) } : {}),
      });
      if (page.nextCursor) void reply.header(NEXT_CURSOR, page.nextCursor);
      return page.items;
    },
  );

  app.post(
    '/projects',
    {
      ...edit,
      schema: {
        operationId: 'createProject',
        tags: ['projects'],
        summary: 'Create a project with dev, test and prod environments and a default module',
        description: requires('project.edit'),
        body: ref(CreateProjectBodySchema),
        response: { 201: ref(ProjectSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const project = await tenancy.createProject(request.ctx, request.body);
      return reply.code(201).send(project);
    },
  );

  app.get(
    '/projects/:projectId',
    {
      schema: {
        operationId: 'getProject',
        summary: 'Read a project',
        tags: ['projects'],
        params: ProjectParamsSchema,
        response: { 200: ref(ProjectSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => tenancy.getProject(request.ctx, request.params.projectId),
  );

  app.get(
    '/projects/:projectId/modules',
    {
      schema: {
        operationId: 'listProjectModules',
        summary: "The project's modules",
        tags: ['projects'],
        params: ProjectParamsSchema,
        response: { 200: Type.Array(ref(ModuleSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => tenancy.listModules(request.ctx, request.params.projectId),
  );

  app.get(
    '/projects/:projectId/environments',
    {
      schema: {
        operationId: 'listProjectEnvironments',
        summary: "The project's dev, test and prod environments",
        tags: ['projects', 'environments'],
        params: ProjectParamsSchema,
        response: { 200: Type.Array(ref(EnvironmentSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => tenancy.listEnvironments(request.ctx, request.params.projectId),
  );

  app.get(
    '/environments/:environmentId',
    {
      schema: {
        operationId: 'getEnvironment',
        summary: 'Read an environment',
        tags: ['environments'],
        params: EnvironmentParamsSchema,
        response: { 200: ref(EnvironmentSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => tenancy.getEnvironment(request.ctx, request.params.environmentId),
  );

  app.get(
    '/dashboard/summary',
    {
      schema: {
        operationId: 'getDashboardSummary',
        tags: ['dashboard'],
        summary: 'Counts shown on the console dashboard',
        response: { 200: ref(DashboardSummarySchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => tenancy.summarize(request.ctx),
  );
};

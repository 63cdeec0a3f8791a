import { decodeCursor } from '@ec3l/db';
import { Text, Uuid } from '@ec3l/kernel';
import {
  AddRolePermissionBodySchema,
  AgentRoleSchema,
  AssignRoleBodySchema,
  AuditLogSchema,
  CreatePolicyBodySchema,
  CreateRoleBodySchema,
  ExplanationSchema,
  MeSchema,
  PERMISSION_NAMES,
  PermissionSchema,
  PolicySchema,
  type RbacService,
  RESOURCE_TYPES,
  RoleSchema,
  USER_ID_PATTERN,
  UserRoleSchema,
} from '@ec3l/rbac';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, guardedReadErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  IncludeReadsQuery,
  NEXT_CURSOR,
  nextCursorHeader,
  PageQuerySchema,
  PolicyParamsSchema,
  RoleParamsSchema,
  ref,
} from '../schemas.js';

const UserParamsSchema = Type.Object({ userId: Type.String({ pattern: USER_ID_PATTERN }) });
const AgentParamsSchema = Type.Object({ agentId: Type.String({ pattern: USER_ID_PATTERN }) });

export const rbacRoutes: FastifyPluginAsyncTypebox<{ rbac: RbacService; guard: Guard }> = async (
  app,
  opts,
) => {
  const { rbac } = opts;
  const admin = opts.guard('admin.view');
  const manage = opts.guard('rbac.manage');
  const needsManage = requires('rbac.manage');
  const tags = ['rbac'];

  app.get(
    '/rbac/permissions',
    {
      schema: {
        operationId: 'listPermissions',
        tags,
        summary: 'The permission catalog',
        response: { 200: Type.Array(ref(PermissionSchema)), ...errorResponses(401, 404) },
      },
    },
    async () => rbac.listPermissions(),
  );

  app.get(
    '/rbac/roles',
    {
      schema: {
        operationId: 'listRoles',
        tags,
        summary: "The tenant's roles with their permissions",
        response: { 200: Type.Array(ref(RoleSchema)), ...errorResponses(401, 404) },
      },
    },
    async (request) => rbac.listRoles(request.ctx),
  );

  app.post(
    '/rbac/roles',
    {
      ...manage,
      schema: {
        operationId: 'createRole',
        summary: 'Create a role',
        tags,
        description: needsManage,
        body: ref(CreateRoleBodySchema),
        response: { 201: ref(RoleSchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await rbac.createRole(request.ctx, request.body)),
  );

  for (const [action, status] of [
    ['enable', 'active'],
    ['disable', 'disabled'],
  ] as const) {
    app.post(
      `/rbac/roles/:roleId/${action}`,
      {
        ...manage,
        schema: {
          operationId: `${action}Role`,
          tags,
          description:
            action === 'enable'
              ? `Enable a role. ${needsManage}`
              : 'Disable a role. Disabling the last role that gives a user of the tenant admin access ' +
                `(admin.view and rbac.manage) answers 409. ${needsManage}`,
          params: RoleParamsSchema,
          response: { 200: ref(RoleSchema), ...guardedReadErrors, ...errorResponses(409) },
        },
      },
      async (request) => rbac.setRoleStatus(request.ctx, request.params.roleId, status),
    );
  }

  app.get(
    '/rbac/roles/:roleId/permissions',
    {
      ...admin,
      schema: {
        operationId: 'listRolePermissions',
        summary: "The role's permissions",
        tags,
        description: requires('admin.view'),
        params: RoleParamsSchema,
        response: { 200: Type.Array(ref(PermissionSchema)), ...guardedReadErrors },
      },
    },
    async (request) => rbac.listRolePermissions(request.ctx, request.params.roleId),
  );

  app.post(
    '/rbac/roles/:roleId/permissions',
    {
      ...manage,
      schema: {
        operationId: 'addRolePermission',
        tags,
        description: `Grant a permission to a role; answers the role's permissions. ${needsManage}`,
        params: RoleParamsSchema,
        body: ref(AddRolePermissionBodySchema),
        response: {
          201: Type.Array(ref(PermissionSchema), {
            description: "The role's permissions, the new one included",
          }),
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await rbac.addRolePermission(request.ctx, request.params.roleId, request.body.permissionId)),
  );

  app.delete(
    '/rbac/roles/:roleId/permissions/:permissionId',
    {
      ...manage,
      schema: {
        operationId: 'removeRolePermission',
        tags,
        description:
          'Take a permission (id or name) from a role. Taking admin.view or rbac.manage from the last role that ' +
          `gives a user of the tenant admin access answers 409. ${needsManage}`,
        params: Type.Object({
          roleId: Uuid(),
          permissionId: Text({ minLength: 1, maxLength: 200 }),
        }),
        response: { 204: Type.Null(), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      await rbac.removeRolePermission(request.ctx, request.params.roleId, request.params.permissionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/rbac/user-roles',
    {
      ...admin,
      schema: {
        operationId: 'listAllUserRoles',
        tags,
        summary: 'Every role assignment in the tenant',
        description: `Who holds which role, ordered by user id then role name. ${requires('admin.view')}`,
        response: { 200: Type.Array(ref(UserRoleSchema)), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => rbac.listUserRoles(request.ctx),
  );

  app.get(
    '/rbac/users/:userId/roles',
    {
      ...admin,
      schema: {
        operationId: 'listUserRoles',
        summary: "The user's roles in this tenant",
        tags,
        description: requires('admin.view'),
        params: UserParamsSchema,
        response: { 200: Type.Array(ref(UserRoleSchema)), ...guardedReadErrors },
      },
    },
    async (request) => rbac.listUserRoles(request.ctx, request.params.userId),
  );

  app.post(
    '/rbac/users/:userId/roles',
    {
      ...manage,
      schema: {
        operationId: 'assignUserRole',
        tags,
        description:
          "Give a user (an x-user-id) a role; answers the user's roles. Agents get roles through " +
          `/api/rbac/agents/{agentId}/roles. ${needsManage}`,
        params: UserParamsSchema,
        body: ref(AssignRoleBodySchema),
        response: {
          201: Type.Array(ref(UserRoleSchema), { description: "The user's roles, the new one included" }),
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      await rbac.assignRole(request.ctx, request.params.userId, request.body.roleId);
      return reply.code(201).send(await rbac.listUserRoles(request.ctx, request.params.userId));
    },
  );

  app.delete(
    '/rbac/users/:userId/roles/:roleId',
    {
      ...manage,
      schema: {
        operationId: 'removeUserRole',
        summary: 'Take a role from a user',
        tags,
        description:
          'Take a role from a user. Taking the last role that gives a user of the tenant admin access ' +
          `(admin.view and rbac.manage) answers 409. ${needsManage}`,
        params: Type.Object({
          userId: Type.String({ pattern: USER_ID_PATTERN }),
          roleId: Uuid(),
        }),
        response: { 204: Type.Null(), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      await rbac.removeUserRole(request.ctx, request.params.userId, request.params.roleId);
      return reply.code(204).send(null);
    },
  );

  const agentRolesNote =
    'An agent (an x-agent-id) may hold roles and use their permissions, except the agent-guarded actions ' +
    '(approvals and the others listed in agentForbidden of GET /api/rbac/me), which answer 403 AGENT_FORBIDDEN ' +
    'whatever the agent holds.';

  app.get(
    '/rbac/agents/:agentId/roles',
    {
      ...admin,
      schema: {
        operationId: 'listAgentRoles',
        tags,
        summary: 'The roles an agent holds',
        description: `The roles an agent holds. ${requires('admin.view')}`,
        params: AgentParamsSchema,
        response: { 200: Type.Array(ref(AgentRoleSchema)), ...guardedReadErrors },
      },
    },
    async (request) => rbac.listAgentRoles(request.ctx, request.params.agentId),
  );

  app.post(
    '/rbac/agents/:agentId/roles',
    {
      ...manage,
      schema: {
        operationId: 'assignAgentRole',
        tags,
        summary: 'Give an agent a role',
        description: `Give an agent a role; answers the agent's roles. ${agentRolesNote} ${needsManage}`,
        params: AgentParamsSchema,
        body: ref(AssignRoleBodySchema),
        response: { 201: Type.Array(ref(AgentRoleSchema)), ...guardedReadErrors },
      },
    },
    async (request, reply) => {
      await rbac.assignAgentRole(request.ctx, request.params.agentId, request.body.roleId);
      return reply.code(201).send(await rbac.listAgentRoles(request.ctx, request.params.agentId));
    },
  );

  app.delete(
    '/rbac/agents/:agentId/roles/:roleId',
    {
      ...manage,
      schema: {
        operationId: 'removeAgentRole',
        tags,
        summary: 'Take a role from an agent',
        description: `Take a role from an agent. ${needsManage}`,
        params: Type.Object({
          agentId: Type.String({ pattern: USER_ID_PATTERN }),
          roleId: Uuid(),
        }),
        response: { 204: Type.Null(), ...guardedReadErrors },
      },
    },
    async (request, reply) => {
      await rbac.removeAgentRole(request.ctx, request.params.agentId, request.params.roleId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/rbac/policies',
    {
      ...admin,
      schema: {
        operationId: 'listPolicies',
        summary: "The tenant's policies",
        tags,
        description: requires('admin.view'),
        response: { 200: Type.Array(ref(PolicySchema)), ...guardedReadErrors },
      },
    },
    async (request) => rbac.listPolicies(request.ctx),
  );

  app.post(
    '/rbac/policies',
    {
      ...manage,
      schema: {
        operationId: 'createPolicy',
        tags,
        description:
          'Allow or deny a role the permissions of a resource type (form, workflow, override, change) on one ' +
          `resource, or on all when resourceId is omitted. A deny beats every grant. ${needsManage}`,
        body: ref(CreatePolicyBodySchema),
        response: { 201: ref(PolicySchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) => reply.code(201).send(await rbac.createPolicy(request.ctx, request.body)),
  );

  app.delete(
    '/rbac/policies/:policyId',
    {
      ...manage,
      schema: {
        operationId: 'deletePolicy',
        summary: 'Delete a policy',
        tags,
        description: needsManage,
        params: PolicyParamsSchema,
        response: { 204: Type.Null(), ...guardedReadErrors },
      },
    },
    async (request, reply) => {
      await rbac.deletePolicy(request.ctx, request.params.policyId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/rbac/seed-defaults',
    {
      ...manage,
      schema: {
        operationId: 'seedDefaultRoles',
        tags,
        summary: 'Create the missing default roles (Admin, Editor, Viewer); idempotent',
        description: needsManage,
        response: { 200: Type.Array(ref(RoleSchema)), ...guardedReadErrors },
      },
    },
    async (request) => rbac.seedDefaults(request.ctx),
  );

  app.get(
    '/rbac/audit-logs',
    {
      ...admin,
      schema: {
        operationId: 'listAuditLogs',
        tags: ['rbac', 'audit'],
        description:
          'Authorization decisions and access-control changes (roles, permissions, assignments, policies), newest ' +
          'first. Allow decisions on read-only requests are left out unless includeReads=true. ' +
          requires('admin.view'),
        querystring: Type.Composite([
          PageQuerySchema,
          Type.Object({
            actorId: Type.Optional(Text({ maxLength: 200 })),
            actorType: Type.Optional(
              Type.Union([Type.Literal('user'), Type.Literal('agent'), Type.Literal('system')]),
            ),
            outcome: Type.Optional(Type.Union([Type.Literal('allow'), Type.Literal('deny')])),
            permission: Type.Optional(Text({ maxLength: 100 })),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
            includeReads: IncludeReadsQuery,
          }),
        ]),
        response: {
          200: { ...Type.Array(ref(AuditLogSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit = 50, cursor, from, to, ...filter } = request.query;
      const page = await rbac.listAuditLogs(
        request.ctx,
        { ...filter, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) },
        { limit, ...(cursor ? { before: decodeCursor(cursor) } : {}) },
      );
      if (page.nextCursor) void reply.header(NEXT_CURSOR, page.nextCursor);
      return page.items;
    },
  );

  app.get(
    '/rbac/me',
    {
      schema: {
        operationId: 'getMyAccess',
        tags,
        summary: "The caller's actor type, roles and effective permissions",
        response: { 200: ref(MeSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => rbac.me(request.ctx),
  );

  app.get(
    '/rbac/explain',
    {
      ...admin,
      schema: {
        operationId: 'explainAccess',
        tags,
        description: `Would this user be allowed, and by which rule? Nothing is recorded. ${requires('admin.view')}`,
        querystring: Type.Object({
          userId: Type.String({ pattern: USER_ID_PATTERN }),
          permission: Type.Union(PERMISSION_NAMES.map((p) => Type.Literal(p))),
          resourceType: Type.Optional(Type.Union(RESOURCE_TYPES.map((t) => Type.Literal(t)))),
          resourceId: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
        }),
        response: { 200: ref(ExplanationSchema), ...guardedReadErrors },
      },
    },
    async (request) => rbac.explain(request.ctx, request.query),
  );
};

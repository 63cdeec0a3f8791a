import {
  AgentRunSchema,
  CHANGE_STATUSES,
  ChangeEventSchema,
  ChangeSchema,
  type ChangeService,
  ChangeStatusBodySchema,
  CreateAgentRunBodySchema,
  CreateChangeBodySchema,
  CreatePatchOpBodySchema,
  CreateTargetBodySchema,
  ExecutionResultSchema,
  GraphDiffSchema,
  MergeResultSchema,
  PatchOpSchema,
  SnapshotSchema,
  TargetSchema,
  WorkspaceSchema,
} from '@ec3l/change-engine';
import { decodeCursor } from '@ec3l/db';
import { Uuid } from '@ec3l/kernel';
import { ProjectSchema, type TenancyService } from '@ec3l/tenancy';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorResponses, guardedReadErrors, readErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  ChangeParamsSchema,
  DEFAULT_PAGE_SIZE,
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  ProjectParamsSchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

/** Manual moves to these statuses are approvals: they need change.approve and are refused to agents. */
const APPROVAL_STATUSES: readonly string[] = ['Ready', 'Merged'];
const StatusQuery = Type.Optional(Type.Union(CHANGE_STATUSES.map((s) => Type.Literal(s))));

export const changeRoutes: FastifyPluginAsyncTypebox<{
  changes: ChangeService;
  tenancy: TenancyService;
  guard: Guard;
}> = async (app, { changes, tenancy, guard }) => {
  const tags = ['changes'];
  const theChange = (request: { params: unknown }) => ({
    type: 'change' as const,
    id: (request.params as { changeId: string }).changeId,
  });
  const approve = guard('change.approve', theChange);
  const edit = guard('change.edit', theChange);
  const needsEdit = requires('change.edit');

  const listPage = async (
    request: { ctx: Parameters<ChangeService['listChanges']>[0] },
    reply: { header(name: string, value: string): unknown },
    filter: Parameters<ChangeService['listChanges']>[1],
    query: { limit?: number; cursor?: string },
  ) => {
    const page = await changes.listChanges(request.ctx, filter, {
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
      ...(query.cursor ? { after: decodeCursor(query.cursor) } : {}),
    });
    return sendPage(reply, page);
  };

  app.get(
    '/changes',
    {
      schema: {
        operationId: 'listChanges',
        tags,
        summary: 'Change records, newest first',
        description: `Filter by project, status, or revertsChangeId: the changes that revert that change (an id the tenant does not have lists none). ${PAGE_DESCRIPTION}`,
        querystring: Type.Composite([
          Type.Object({
            projectId: Type.Optional(Uuid()),
            status: StatusQuery,
            revertsChangeId: Type.Optional(
              Uuid({
                description:
                  'Only the changes that revert this change (its open revert, if any, is the newest)',
              }),
            ),
          }),
          PageQuerySchema,
        ]),
        response: { 200: { ...Type.Array(ref(ChangeSchema)), headers: nextCursorHeader }, ...readErrors },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return listPage(request, reply, filter, { limit, cursor });
    },
  );

  app.get(
    '/projects/:projectId/changes',
    {
      schema: {
        operationId: 'listProjectChanges',
        tags: ['projects', 'changes'],
        summary: 'The change records of a project (P4), newest first',
        description: PAGE_DESCRIPTION,
        params: ProjectParamsSchema,
        querystring: Type.Composite([Type.Object({ status: StatusQuery }), PageQuerySchema]),
        response: { 200: { ...Type.Array(ref(ChangeSchema)), headers: nextCursorHeader }, ...readErrors },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return listPage(request, reply, { projectId: request.params.projectId, ...filter }, { limit, cursor });
    },
  );

  app.post(
    '/changes',
    {
      ...guard('change.edit'),
      schema: {
        operationId: 'createChange',
        tags,
        summary: 'Create a Draft change in a project',
        description: needsEdit,
        body: ref(CreateChangeBodySchema),
        response: { 201: ref(ChangeSchema), ...guardedReadErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await changes.createChange(request.ctx, request.body)),
  );

  app.get(
    '/changes/:changeId',
    {
      schema: {
        operationId: 'getChange',
        summary: 'Read a change record',
        tags,
        params: ChangeParamsSchema,
        response: { 200: ref(ChangeSchema), ...readErrors },
      },
    },
    async (request) => changes.getChange(request.ctx, request.params.changeId),
  );

  app.get(
    '/changes/:changeId/project',
    {
      schema: {
        operationId: 'getChangeProject',
        summary: 'The project a change belongs to',
        tags,
        params: ChangeParamsSchema,
        response: { 200: ref(ProjectSchema), ...readErrors },
      },
    },
    async (request) =>
      tenancy.getProject(request.ctx, await changes.projectOf(request.ctx, request.params.changeId)),
  );

  app.post(
    '/changes/:changeId/status',
    {
      ...guard('change.edit', theChange, {
        permissionOf: (request) =>
          APPROVAL_STATUSES.includes((request.body as { status: string }).status)
            ? 'change.approve'
            : 'change.edit',
      }),
      schema: {
        operationId: 'setChangeStatus',
        tags,
        description:
          'Move a change by hand (Draft → Implementing, reopen Ready → Implementing, …). Ready and Merged are reached only ' +
          'through checkin and merge (409). A move to Ready or Merged is an approval: it needs `change.approve`, which agents ' +
          'never get (403 AGENT_FORBIDDEN), checked before the change is looked at; every other move ' +
          `needs \`change.edit\`. ${needsEdit}`,
        params: ChangeParamsSchema,
        body: ref(ChangeStatusBodySchema),
        response: { 200: ref(ChangeSchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request) => changes.setStatus(request.ctx, request.params.changeId, request.body.status),
  );

  app.get(
    '/changes/:changeId/events',
    {
      schema: {
        operationId: 'listChangeEvents',
        tags,
        summary: "The change's timeline: status changes, targets and ops added or removed, dry runs",
        description: `Oldest first. A change_dry_run event records each dry run: its payload is { valid: true, summary } with the diff summary, or { valid: false, errors }. ${PAGE_DESCRIPTION}`,
        params: ChangeParamsSchema,
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(ChangeEventSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await changes.listEvents(request.ctx, request.params.changeId, pageRequestOf(request.query)),
      ),
  );

  app.get(
    '/changes/:changeId/targets',
    {
      schema: {
        operationId: 'listChangeTargets',
        summary: 'What the change touches, in the order declared',
        tags,
        params: ChangeParamsSchema,
        response: { 200: Type.Array(ref(TargetSchema)), ...readErrors },
      },
    },
    async (request) => changes.listTargets(request.ctx, request.params.changeId),
  );

  app.post(
    '/changes/:changeId/targets',
    {
      ...edit,
      schema: {
        operationId: 'addChangeTarget',
        description: needsEdit,
        tags,
        summary: 'Declare what the change touches (Draft only)',
        params: ChangeParamsSchema,
        body: ref(CreateTargetBodySchema),
        response: { 201: ref(TargetSchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await changes.addTarget(request.ctx, request.params.changeId, request.body)),
  );

  app.get(
    '/changes/:changeId/patch-ops',
    {
      schema: {
        operationId: 'listPatchOps',
        summary: "The change's patch ops, in the order they run",
        description: PAGE_DESCRIPTION,
        tags,
        params: ChangeParamsSchema,
        querystring: PageQuerySchema,
        response: { 200: { ...Type.Array(ref(PatchOpSchema)), headers: nextCursorHeader }, ...readErrors },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await changes.listOps(request.ctx, request.params.changeId, pageRequestOf(request.query)),
      ),
  );

  app.post(
    '/changes/:changeId/patch-ops',
    {
      ...edit,
      schema: {
        operationId: 'addPatchOp',
        summary: 'Add a patch op to a record_type target of a change whose ops can still be edited',
        description: needsEdit,
        tags,
        params: ChangeParamsSchema,
        body: ref(CreatePatchOpBodySchema),
        response: { 201: ref(PatchOpSchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await changes.addOp(request.ctx, request.params.changeId, request.body)),
  );

  app.delete(
    '/changes/:changeId/patch-ops/:opId',
    {
      ...edit,
      schema: {
        operationId: 'deletePatchOp',
        description: needsEdit,
        tags,
        summary: 'Delete a pending op (an executed op answers 409)',
        params: Type.Object({
          changeId: Uuid(),
          opId: Uuid(),
        }),
        response: { 204: Type.Null(), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      await changes.deleteOp(request.ctx, request.params.changeId, request.params.opId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/changes/:changeId/execute',
    {
      ...edit,
      schema: {
        operationId: 'dryRunChange',
        tags,
        summary: 'Dry run: validate and diff without writing or changing status (422 lists every error)',
        description: `Writes no schema and changes no status; the outcome goes on the change's timeline as a change_dry_run event. ${needsEdit}`,
        params: ChangeParamsSchema,
        response: { 200: ref(ExecutionResultSchema), ...guardedReadErrors, ...errorResponses(409, 422) },
      },
    },
    async (request) => changes.execute(request.ctx, request.params.changeId),
  );

  app.post(
    '/changes/:changeId/checkin',
    {
      ...approve,
      schema: {
        operationId: 'checkinChange',
        tags,
        description: `Validate the change and move it to Ready, or to ValidationFailed with the errors. ${requires('change.approve')}`,
        params: ChangeParamsSchema,
        response: { 200: ref(ChangeSchema), ...readErrors, ...errorResponses(403, 409) },
      },
    },
    async (request) => changes.checkin(request.ctx, request.params.changeId),
  );

  app.post(
    '/changes/:changeId/merge',
    {
      ...approve,
      schema: {
        operationId: 'mergeChange',
        tags,
        description: `Execute a Ready change for real and mark it Merged (terminal); all or nothing. ${requires('change.approve')}`,
        params: ChangeParamsSchema,
        response: { 200: ref(MergeResultSchema), ...readErrors, ...errorResponses(403, 409, 422) },
      },
    },
    async (request) => changes.merge(request.ctx, request.params.changeId),
  );

  app.post(
    '/changes/:changeId/revert',
    {
      ...edit,
      schema: {
        operationId: 'revertChange',
        description: needsEdit,
        tags,
        summary: 'Create a Draft change that restores exactly the schemas a merged change replaced',
        params: ChangeParamsSchema,
        response: { 201: ref(ChangeSchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await changes.revert(request.ctx, request.params.changeId)),
  );

  app.get(
    '/changes/:changeId/snapshots',
    {
      schema: {
        operationId: 'listChangeSnapshots',
        tags,
        summary: 'Schemas of the record types before the change merged',
        params: ChangeParamsSchema,
        response: { 200: Type.Array(ref(SnapshotSchema)), ...readErrors },
      },
    },
    async (request) => changes.listSnapshots(request.ctx, request.params.changeId),
  );

  app.get(
    '/changes/:changeId/diff',
    {
      schema: {
        operationId: 'getChangeDiff',
        tags,
        summary: 'What the change will change (dry run) or changed (recorded at merge)',
        description:
          'Planning an unmerged change here is a read: unlike POST …/execute it records nothing on the timeline.',
        params: ChangeParamsSchema,
        response: { 200: ref(GraphDiffSchema), ...readErrors, ...errorResponses(422) },
      },
    },
    async (request) => changes.diff(request.ctx, request.params.changeId),
  );

  app.get(
    '/changes/:changeId/workspace',
    {
      schema: {
        operationId: 'getChangeWorkspace',
        tags,
        summary: "The change's workspace (404 until one was started)",
        params: ChangeParamsSchema,
        response: { 200: ref(WorkspaceSchema), ...readErrors },
      },
    },
    async (request) => changes.getWorkspace(request.ctx, request.params.changeId),
  );

  app.post(
    '/changes/:changeId/start-workspace',
    {
      ...edit,
      schema: {
        operationId: 'startChangeWorkspace',
        description: needsEdit,
        tags,
        summary: 'Record a running workspace for the change and move it to WorkspaceRunning',
        params: ChangeParamsSchema,
        response: { 200: ref(WorkspaceSchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request) => changes.startWorkspace(request.ctx, request.params.changeId),
  );

  app.get(
    '/changes/:changeId/agent-runs',
    {
      schema: {
        operationId: 'listAgentRuns',
        summary: 'Agent runs recorded on the change, oldest first',
        tags,
        params: ChangeParamsSchema,
        response: { 200: Type.Array(ref(AgentRunSchema)), ...readErrors },
      },
    },
    async (request) => changes.listAgentRuns(request.ctx, request.params.changeId),
  );

  app.post(
    '/changes/:changeId/agent-run',
    {
      ...edit,
      schema: {
        operationId: 'createAgentRun',
        description: needsEdit,
        tags,
        summary: 'Record an agent run on the change (status Pending)',
        params: ChangeParamsSchema,
        body: ref(CreateAgentRunBodySchema),
        response: { 201: ref(AgentRunSchema), ...guardedReadErrors, ...errorResponses(409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await changes.createAgentRun(request.ctx, request.params.changeId, request.body)),
  );
};

import {
  AgentRunSchema,
  type AgentService,
  AgentSkillSchema,
  AppendRunLogsBodySchema,
  CreateProposalBodySchema,
  CreateSkillBodySchema,
  MoveRunBodySchema,
  ProposalSchema,
  ReviewProposalBodySchema,
  UpdateSkillBodySchema,
} from '@ec3l/change-engine';
import { decodeCursor } from '@ec3l/db';
import { DomainError, ErrorCodes, Uuid } from '@ec3l/kernel';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { preHandlerAsyncHookHandler } from 'fastify';
import { followRunLog, type RunLogHub } from '../flows/run-log-stream.js';
import { readErrors, validatedWriteErrors, writeErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const ProposalParams = Type.Object({ proposalId: Uuid() });
const SkillParams = Type.Object({ skillId: Uuid() });
const RunParams = Type.Object({ agentRunId: Uuid() });

const ProposalFilter = Type.Object({
  status: Type.Optional(
    Type.Union(['draft', 'submitted', 'accepted', 'rejected'].map((s) => Type.Literal(s))),
  ),
  proposalType: Type.Optional(
    Type.Union(['form_patch', 'workflow_change', 'approval_comment'].map((s) => Type.Literal(s))),
  ),
  changeId: Type.Optional(Uuid()),
});

/** Refuses agents before the permission check: the action is for humans only, whatever the agent holds. */
const humansOnly =
  (action: string): preHandlerAsyncHookHandler =>
  async (request) => {
    if (request.ctx.agentId)
      throw new DomainError(
        ErrorCodes.AGENT_FORBIDDEN,
        `Agents may not perform ${action}, whatever roles they hold`,
        {
          permission: action,
          resource: null,
          reason: 'agents may not perform this action',
        },
      );
  };

export const agentRoutes: FastifyPluginAsyncTypebox<{
  agents: AgentService;
  hub: RunLogHub;
  guard: Guard;
  /** How often a log stream looks for lines written through other replicas. */
  pollMs: number;
}> = async (app, opts) => {
  const { agents, hub, guard, pollMs } = opts;
  const proposalTags = ['agent-proposals'];
  const skillTags = ['agent-skills'];
  const runTags = ['agent-runs'];

  app.get(
    '/agent-proposals',
    {
      schema: {
        operationId: 'listAgentProposals',
        summary: 'Agent proposals, newest first',
        description: PAGE_DESCRIPTION,
        tags: proposalTags,
        querystring: Type.Composite([ProposalFilter, PageQuerySchema]),
        response: { 200: { ...Type.Array(ref(ProposalSchema)), headers: nextCursorHeader }, ...readErrors },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      const page = pageRequestOf({ limit, cursor });
      return sendPage(
        reply,
        await agents.listProposals(request.ctx, filter as Parameters<AgentService['listProposals']>[1], {
          limit: page.limit,
          ...(page.cursor ? { after: decodeCursor(page.cursor) } : {}),
        }),
      );
    },
  );

  app.post(
    '/agent-proposals',
    {
      ...guard('change.edit'),
      schema: {
        operationId: 'createAgentProposal',
        summary: 'Propose a form patch, a workflow change or an approval comment (status draft)',
        description: `Agents and humans may propose; the payload is checked against its type. ${requires('change.edit')}`,
        tags: proposalTags,
        body: ref(CreateProposalBodySchema),
        response: { 201: ref(ProposalSchema), ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await agents.createProposal(request.ctx, request.body)),
  );

  app.get(
    '/agent-proposals/:proposalId',
    {
      schema: {
        operationId: 'getAgentProposal',
        summary: 'Read a proposal with its payload and review',
        tags: proposalTags,
        params: ProposalParams,
        response: { 200: ref(ProposalSchema), ...readErrors },
      },
    },
    async (request) => agents.getProposal(request.ctx, request.params.proposalId),
  );

  const edit = guard('change.edit');
  app.post(
    '/agent-proposals/:proposalId/submit',
    {
      config: edit.config,
      preHandler: [humansOnly('proposal.submit'), ...(edit.preHandler ? [edit.preHandler] : [])],
      schema: {
        operationId: 'submitAgentProposal',
        summary: 'Submit a draft proposal for review (draft → submitted)',
        description:
          'A human submits what an agent proposed. Requires permission `change.edit`; refused to agents.',
        tags: proposalTags,
        params: ProposalParams,
        response: { 200: ref(ProposalSchema), ...writeErrors },
      },
    },
    async (request) => agents.submitProposal(request.ctx, request.params.proposalId),
  );

  app.post(
    '/agent-proposals/:proposalId/review',
    {
      ...guard('change.approve'),
      schema: {
        operationId: 'reviewAgentProposal',
        summary: 'Accept or reject a submitted proposal',
        description:
          'Accepting applies the proposal through the domain it targets, in one transaction: a workflow change ' +
          'opens a Draft change carrying its ops, an approval comment is attached to the workflow approval, a ' +
          'form patch becomes a form override. When applying fails (422 PROPOSAL_APPLY_FAILED) nothing is ' +
          `written and the proposal stays submitted. Of concurrent reviews one wins; the others get 409. ${requires('change.approve')}`,
        tags: proposalTags,
        params: ProposalParams,
        body: ref(ReviewProposalBodySchema),
        response: { 200: ref(ProposalSchema), ...validatedWriteErrors },
      },
    },
    async (request) => agents.reviewProposal(request.ctx, request.params.proposalId, request.body),
  );

  // Skills ------------------------------------------------------------------------------------------

  const manage = guard('skill.manage');
  app.get(
    '/agent-skills',
    {
      schema: {
        operationId: 'listAgentSkills',
        summary: 'The skills registry, by name',
        description: PAGE_DESCRIPTION,
        tags: skillTags,
        querystring: PageQuerySchema,
        response: { 200: { ...Type.Array(ref(AgentSkillSchema)), headers: nextCursorHeader }, ...readErrors },
      },
    },
    async (request, reply) =>
      sendPage(reply, await agents.listSkills(request.ctx, pageRequestOf(request.query))),
  );

  app.post(
    '/agent-skills',
    {
      ...manage,
      schema: {
        operationId: 'createAgentSkill',
        summary: 'Register a skill agent runs may use',
        description: `The name is unique in the tenant (409); the input schema must be a JSON Schema object (400 AGENT_SKILL_SCHEMA_INVALID). ${requires('skill.manage')}`,
        tags: skillTags,
        body: ref(CreateSkillBodySchema),
        response: { 201: ref(AgentSkillSchema), ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await agents.createSkill(request.ctx, request.body)),
  );

  app.get(
    '/agent-skills/:skillId',
    {
      schema: {
        operationId: 'getAgentSkill',
        summary: 'Read a skill',
        tags: skillTags,
        params: SkillParams,
        response: { 200: ref(AgentSkillSchema), ...readErrors },
      },
    },
    async (request) => agents.getSkill(request.ctx, request.params.skillId),
  );

  app.patch(
    '/agent-skills/:skillId',
    {
      ...manage,
      schema: {
        operationId: 'updateAgentSkill',
        summary: 'Edit a skill, or disable or enable it',
        description: `A disabled skill cannot be named by new agent runs. ${requires('skill.manage')}`,
        tags: skillTags,
        params: SkillParams,
        body: ref(UpdateSkillBodySchema),
        response: { 200: ref(AgentSkillSchema), ...writeErrors },
      },
    },
    async (request) => agents.updateSkill(request.ctx, request.params.skillId, request.body),
  );

  app.delete(
    '/agent-skills/:skillId',
    {
      ...manage,
      schema: {
        operationId: 'deleteAgentSkill',
        summary: 'Remove a skill from the registry',
        description: `Runs that used it keep its name. ${requires('skill.manage')}`,
        tags: skillTags,
        params: SkillParams,
        response: { 204: Type.Null({ description: 'Removed' }), ...writeErrors },
      },
    },
    async (request, reply) => {
      await agents.deleteSkill(request.ctx, request.params.skillId);
      return reply.code(204).send(null);
    },
  );

  // Runs --------------------------------------------------------------------------------------------

  app.get(
    '/agent-runs/:agentRunId',
    {
      schema: {
        operationId: 'getAgentRun',
        summary: 'Read an agent run with its skills and log',
        tags: runTags,
        params: RunParams,
        response: { 200: ref(AgentRunSchema), ...readErrors },
      },
    },
    async (request) => agents.getRun(request.ctx, request.params.agentRunId),
  );

  app.post(
    '/agent-runs/:agentRunId/logs',
    {
      ...edit,
      schema: {
        operationId: 'appendAgentRunLogs',
        summary: 'Append lines to a run’s log',
        description: `At most 100 lines per call and 2,000 per run; an ended run's log is closed (409). ${requires('change.edit')}`,
        tags: runTags,
        params: RunParams,
        body: ref(AppendRunLogsBodySchema),
        response: { 200: ref(AgentRunSchema), ...writeErrors },
      },
    },
    async (request) => {
      const run = await agents.appendRunLogs(request.ctx, request.params.agentRunId, request.body);
      hub.publish(request.ctx.tenantId, run.id);
      return run;
    },
  );

  app.post(
    '/agent-runs/:agentRunId/status',
    {
      ...edit,
      schema: {
        operationId: 'moveAgentRun',
        summary: 'Move a run: Pending → Running → Passed | Failed',
        description: `A Pending run may fail before it starts; an ended run never moves (409). ${requires('change.edit')}`,
        tags: runTags,
        params: RunParams,
        body: ref(MoveRunBodySchema),
        response: { 200: ref(AgentRunSchema), ...writeErrors },
      },
    },
    async (request) => {
      const run = await agents.moveRun(request.ctx, request.params.agentRunId, request.body.status);
      hub.publish(request.ctx.tenantId, run.id);
      return run;
    },
  );

  app.get(
    '/agent-runs/:agentRunId/log/stream',
    {
      sse: 'only',
      schema: {
        operationId: 'streamAgentRunLog',
        summary: 'Follow a run’s log as server-sent events',
        description:
          'Sends the log lines so far, then new ones as they are appended, one `log` event per line (its id ' +
          'is the line’s position, so a reconnect with Last-Event-ID resumes after it), and an `end` event ' +
          'with the final status once the run has passed or failed; then the stream closes.',
        tags: runTags,
        params: RunParams,
        response: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { agentRunId } = request.params;
      const last = Number(reply.sse.lastEventId ?? Number.NaN);
      const from = Number.isSafeInteger(last) && last >= 0 ? last + 1 : 0;
      // A run that does not exist answers 404 before the stream opens.
      await agents.getRun(request.ctx, agentRunId);
      reply.sse.keepAlive();
      // Headers go out now: the handler returns while the stream stays open.
      reply.sse.sendHeaders();
      const stop = followRunLog({
        hub,
        ctx: request.ctx,
        runId: agentRunId,
        from,
        pollMs,
        read: (after) => agents.readRunLog(request.ctx, agentRunId, after),
        send: async ({ lines, firstIndex }) => {
          for (const [offset, line] of lines.entries())
            await reply.sse.send({ id: String(firstIndex + offset), event: 'log', data: line });
        },
        end: async (status) => {
          await reply.sse.send({ event: 'end', data: { status } });
          reply.sse.close();
        },
        fail: (error) => {
          request.log.error({ err: error }, 'agent run log stream failed');
          reply.sse.close();
        },
      });
      reply.sse.onClose(stop);
      return reply;
    },
  );
};

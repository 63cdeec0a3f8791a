import { Uuid } from '@ec3l/kernel';
import {
  type AddStepBody,
  AddStepBodySchema,
  APPROVAL_STATUSES,
  ApprovalSchema,
  type CreateWorkflowDefinitionBody,
  CreateWorkflowDefinitionBodySchema,
  DEFINITION_STATUSES,
  DecideBodySchema,
  EXECUTION_STATUSES,
  ExecuteBodySchema,
  ResumeBodySchema,
  StepExecutionSchema,
  UpdateStepBodySchema,
  WorkflowDefinitionSchema,
  WorkflowExecutionSchema,
  type WorkflowService,
  WorkflowStepSchema,
} from '@ec3l/workflow';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type TString, Type } from '@sinclair/typebox';
import { guardedReadErrors, readErrors, writeErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const params = <K extends string>(name: K) => Type.Object({ [name]: Uuid() } as Record<K, TString>);
const DefinitionParams = params('workflowDefinitionId');
const StepParams = Type.Object({ workflowDefinitionId: Uuid(), stepId: Uuid() });
const ExecutionParams = params('executionId');
const ApprovalParams = params('approvalId');

const enumOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const DefinitionFilterSchema = Type.Object({
  projectId: Type.Optional(Uuid()),
  status: Type.Optional(enumOf(DEFINITION_STATUSES)),
});
const ExecutionFilterSchema = Type.Object({
  status: Type.Optional(enumOf(EXECUTION_STATUSES)),
  workflowDefinitionId: Type.Optional(Uuid()),
});
const ApprovalFilterSchema = Type.Object({
  mine: Type.Optional(Type.Boolean({ description: 'Only approvals the caller is an approver of' })),
  status: Type.Optional(enumOf(APPROVAL_STATUSES)),
  workflowExecutionId: Type.Optional(Uuid()),
});

const RESUME_DESCRIPTION =
  'The privileged override of a paused execution: its pending approval is closed with the given outcome ' +
  'whatever its rule and the decisions so far (closedReason "resumed", closedBy the caller); approved runs ' +
  'the steps after it, rejected fails the execution. 409 EXECUTION_NOT_PAUSED unless the execution is ' +
  'paused on an approval.';

const DECIDE_DESCRIPTION =
  "Records the caller's decision; each approver decides once (the same decision again answers the " +
  'recorded one, the other one is 409 APPROVAL_ALREADY_DECIDED). As soon as the rule is met, or can no ' +
  'longer be met, the approval closes and the execution goes on (approved) or fails (rejected). 403 ' +
  'NOT_AN_APPROVER for a caller who is not asked; 409 APPROVAL_CLOSED once the approval is closed.';

/** Workflow definitions, steps, executions and approvals. */
export const workflowRoutes: FastifyPluginAsyncTypebox<{ workflows: WorkflowService; guard: Guard }> = async (
  app,
  { workflows, guard },
) => {
  const tags = ['workflows'];
  const edit = guard('workflow.edit');

  app.get(
    '/workflow-definitions',
    {
      schema: {
        operationId: 'listWorkflowDefinitions',
        summary: 'Workflow definitions, newest first',
        description: `Filter by project or status. ${PAGE_DESCRIPTION}`,
        tags,
        querystring: Type.Composite([DefinitionFilterSchema, PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(WorkflowDefinitionSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await workflows.listDefinitions(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );

  app.post(
    '/workflow-definitions',
    {
      ...edit,
      schema: {
        operationId: 'createWorkflowDefinition',
        summary: 'Create a draft workflow definition and its linked change',
        description: `The definition belongs to a project; a Draft change with a workflow target naming it is created in the same transaction (changeId). Names are unique per project (409). ${requires('workflow.edit')}`,
        tags,
        body: ref(CreateWorkflowDefinitionBodySchema),
        response: { 201: ref(WorkflowDefinitionSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await workflows.createDefinition(request.ctx, request.body as CreateWorkflowDefinitionBody)),
  );

  app.get(
    '/workflow-definitions/:workflowDefinitionId',
    {
      schema: {
        operationId: 'getWorkflowDefinition',
        summary: 'Read a workflow definition',
        tags,
        params: DefinitionParams,
        response: { 200: ref(WorkflowDefinitionSchema), ...readErrors },
      },
    },
    async (request) => workflows.getDefinition(request.ctx, request.params.workflowDefinitionId),
  );

  for (const action of ['activate', 'retire'] as const) {
    app.post(
      `/workflow-definitions/:workflowDefinitionId/${action}`,
      {
        ...edit,
        schema: {
          operationId: `${action}WorkflowDefinition`,
          summary: action === 'activate' ? 'draft → active' : 'draft or active → retired',
          description:
            (action === 'activate'
              ? 'Checks the definition as a whole first (at least one step, decision targets that exist, deadlines with escalations …) and answers 409 WORKFLOW_DEFINITION_INVALID with every problem in details.problems. '
              : 'A retired definition starts no more executions; running ones go on. ') +
            `409 WORKFLOW_STATE_CONFLICT from any other state. ${requires('workflow.edit')}`,
          tags,
          params: DefinitionParams,
          response: { 200: ref(WorkflowDefinitionSchema), ...writeErrors },
        },
      },
      async (request) => workflows.setLifecycle(request.ctx, request.params.workflowDefinitionId, action),
    );
  }

  app.get(
    '/workflow-definitions/:workflowDefinitionId/steps',
    {
      schema: {
        operationId: 'listWorkflowSteps',
        summary: 'The steps of a definition, in order',
        description: 'All of them (a definition holds at most 100 steps).',
        tags,
        params: DefinitionParams,
        response: { 200: Type.Array(ref(WorkflowStepSchema)), ...readErrors },
      },
    },
    async (request) => workflows.listSteps(request.ctx, request.params.workflowDefinitionId),
  );

  app.post(
    '/workflow-definitions/:workflowDefinitionId/steps',
    {
      ...edit,
      schema: {
        operationId: 'addWorkflowStep',
        summary: 'Add a step to a draft definition',
        description: `At orderIndex (the steps from there move down one) or at the end. The config depends on stepType. 409 WORKFLOW_STATE_CONFLICT unless the definition is a draft. ${requires('workflow.edit')}`,
        tags,
        params: DefinitionParams,
        body: ref(AddStepBodySchema),
        response: { 201: ref(WorkflowStepSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await workflows.addStep(
            request.ctx,
            request.params.workflowDefinitionId,
            request.body as AddStepBody,
          ),
        ),
  );

  app.patch(
    '/workflow-definitions/:workflowDefinitionId/steps/:stepId',
    {
      ...edit,
      schema: {
        operationId: 'updateWorkflowStep',
        summary: 'Edit, rename or move a step of a draft definition',
        description: `Any of name, config (checked against the step's type: 400 WORKFLOW_STEP_CONFIG_INVALID) and orderIndex (the step moves there, the others close up). Decisions keep jumping to the steps they named: their onTrueStepIndex / onFalseStepIndex follow a moved step. 409 WORKFLOW_STATE_CONFLICT unless the definition is a draft. ${requires('workflow.edit')}`,
        tags,
        params: StepParams,
        body: ref(UpdateStepBodySchema),
        response: { 200: ref(WorkflowStepSchema), ...writeErrors },
      },
    },
    async (request) =>
      workflows.updateStep(
        request.ctx,
        request.params.workflowDefinitionId,
        request.params.stepId,
        request.body,
      ),
  );

  app.delete(
    '/workflow-definitions/:workflowDefinitionId/steps/:stepId',
    {
      ...edit,
      schema: {
        operationId: 'removeWorkflowStep',
        summary: 'Remove a step of a draft definition',
        description: `The steps after it move up one; decisions keep jumping to the steps they named. 409 WORKFLOW_STEP_REFERENCED while a decision jumps to this step (details name the decision), 409 WORKFLOW_STATE_CONFLICT unless the definition is a draft. ${requires('workflow.edit')}`,
        tags,
        params: StepParams,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      await workflows.removeStep(request.ctx, request.params.workflowDefinitionId, request.params.stepId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/workflow-definitions/:workflowDefinitionId/execute',
    {
      ...guard('workflow.execute'),
      schema: {
        operationId: 'executeWorkflowDefinition',
        summary: 'Run an active definition now',
        description: `Runs synchronously until the execution completes, fails (status failed with its error: a failed execution is recorded, not refused) or pauses on an approval, and answers it. 409 WORKFLOW_STATE_CONFLICT unless the definition is active. ${requires('workflow.execute')}`,
        tags,
        params: DefinitionParams,
        body: ref(ExecuteBodySchema),
        response: { 201: ref(WorkflowExecutionSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await workflows.execute(request.ctx, request.params.workflowDefinitionId, request.body)),
  );

  const executionTags = ['workflow-executions'];
  app.get(
    '/workflow-executions',
    {
      schema: {
        operationId: 'listWorkflowExecutions',
        summary: 'Workflow executions, newest first',
        description: `Filter by status or definition. ${PAGE_DESCRIPTION}`,
        tags: executionTags,
        querystring: Type.Composite([ExecutionFilterSchema, PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(WorkflowExecutionSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await workflows.listExecutions(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );

  app.get(
    '/workflow-executions/:executionId',
    {
      schema: {
        operationId: 'getWorkflowExecution',
        summary: 'Read a workflow execution',
        tags: executionTags,
        params: ExecutionParams,
        response: { 200: ref(WorkflowExecutionSchema), ...readErrors },
      },
    },
    async (request) => workflows.getExecution(request.ctx, request.params.executionId),
  );

  app.get(
    '/workflow-executions/:executionId/steps',
    {
      schema: {
        operationId: 'listWorkflowStepExecutions',
        summary: 'The steps an execution ran, in the order it ran them',
        description: 'All of them (bounded by the step budget of ten runs per step).',
        tags: executionTags,
        params: ExecutionParams,
        response: { 200: Type.Array(ref(StepExecutionSchema)), ...readErrors },
      },
    },
    async (request) => workflows.listStepExecutions(request.ctx, request.params.executionId),
  );

  app.post(
    '/workflow-executions/:executionId/resume',
    {
      ...guard('workflow.approve'),
      schema: {
        operationId: 'resumeWorkflowExecution',
        summary: 'Resume a paused execution with an outcome',
        description: `${RESUME_DESCRIPTION} ${requires('workflow.approve')}`,
        tags: executionTags,
        params: ExecutionParams,
        body: ref(ResumeBodySchema),
        response: { 200: ref(WorkflowExecutionSchema), ...writeErrors },
      },
    },
    async (request) => workflows.resume(request.ctx, request.params.executionId, request.body),
  );

  const approvalTags = ['workflow-approvals'];
  app.get(
    '/workflow-approvals',
    {
      schema: {
        operationId: 'listWorkflowApprovals',
        summary: "Approvals, newest first; mine=true&status=pending is the caller's queue",
        description: PAGE_DESCRIPTION,
        tags: approvalTags,
        querystring: Type.Composite([ApprovalFilterSchema, PageQuerySchema]),
        response: { 200: { ...Type.Array(ref(ApprovalSchema)), headers: nextCursorHeader }, ...readErrors },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await workflows.listApprovals(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );

  app.get(
    '/workflow-approvals/:approvalId',
    {
      schema: {
        operationId: 'getWorkflowApproval',
        summary: 'Read an approval with its approvers and decisions',
        tags: approvalTags,
        params: ApprovalParams,
        response: { 200: ref(ApprovalSchema), ...readErrors },
      },
    },
    async (request) => workflows.getApproval(request.ctx, request.params.approvalId),
  );

  app.post(
    '/workflow-approvals/:approvalId/decisions',
    {
      ...guard('workflow.approve'),
      schema: {
        operationId: 'decideWorkflowApproval',
        summary: 'Approve or reject',
        description: `${DECIDE_DESCRIPTION} ${requires('workflow.approve')}`,
        tags: approvalTags,
        params: ApprovalParams,
        body: ref(DecideBodySchema),
        response: { 201: ref(ApprovalSchema), ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await workflows.decide(request.ctx, request.params.approvalId, request.body)),
  );

  // The admin console's panels: the same lists behind admin.view.
  const admin = guard('admin.view');
  app.get(
    '/admin/workflows',
    {
      ...admin,
      schema: {
        operationId: 'adminListWorkflowDefinitions',
        summary: 'Admin: workflow definitions, newest first',
        description: `As GET /api/workflow-definitions. ${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        tags: ['admin'],
        querystring: Type.Composite([DefinitionFilterSchema, PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(WorkflowDefinitionSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await workflows.listDefinitions(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );
  app.get(
    '/admin/workflow-executions',
    {
      ...admin,
      schema: {
        operationId: 'adminListWorkflowExecutions',
        summary: 'Admin: workflow executions, newest first',
        description: `As GET /api/workflow-executions. ${PAGE_DESCRIPTION} ${requires('admin.view')}`,
        tags: ['admin'],
        querystring: Type.Composite([ExecutionFilterSchema, PageQuerySchema]),
        response: {
          200: { ...Type.Array(ref(WorkflowExecutionSchema)), headers: nextCursorHeader },
          ...guardedReadErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await workflows.listExecutions(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );
};

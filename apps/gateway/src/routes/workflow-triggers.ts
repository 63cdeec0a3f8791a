import { Uuid } from '@ec3l/kernel';
import type { RecordsService } from '@ec3l/records';
import {
  CreateTriggerBodySchema,
  type Dispatcher,
  DispatchResultSchema,
  EnqueuedIntentSchema,
  FireTriggerBodySchema,
  INTENT_STATUSES,
  RecordEventBodySchema,
  RecordEventResultSchema,
  type TriggersService,
  WorkflowIntentSchema,
  WorkflowTriggerSchema,
} from '@ec3l/workflow';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { readErrors, writeErrors } from '../plugins/errors.js';
import { type Guard, requires } from '../plugins/guard.js';
import {
  nextCursorHeader,
  PAGE_DESCRIPTION,
  PageQuerySchema,
  pageRequestOf,
  ref,
  sendPage,
} from '../schemas.js';

const TriggerParams = Type.Object({ workflowTriggerId: Uuid() });
const IntentParams = Type.Object({ intentId: Uuid() });

export type WorkflowTriggerRouteDeps = {
  triggers: TriggersService;
  records: RecordsService;
  dispatcher: Dispatcher;
  guard: Guard;
};

/** Workflow triggers, record events, and the execution intents they queue. */
export const workflowTriggerRoutes: FastifyPluginAsyncTypebox<WorkflowTriggerRouteDeps> = async (
  app,
  { triggers, records, dispatcher, guard },
) => {
  const tags = ['workflow-triggers'];
  const intentTags = ['workflow-intents'];

  app.get(
    '/workflow-triggers',
    {
      schema: {
        operationId: 'listWorkflowTriggers',
        tags,
        summary: "The tenant's workflow triggers, newest first",
        description: PAGE_DESCRIPTION,
        querystring: Type.Composite([
          Type.Object({ workflowDefinitionId: Type.Optional(Uuid()) }),
          PageQuerySchema,
        ]),
        response: {
          200: { ...Type.Array(ref(WorkflowTriggerSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await triggers.listTriggers(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );

  app.get(
    '/workflow-definitions/:workflowDefinitionId/triggers',
    {
      schema: {
        operationId: 'listWorkflowDefinitionTriggers',
        tags,
        summary: "A workflow definition's triggers, newest first",
        description: PAGE_DESCRIPTION,
        params: Type.Object({ workflowDefinitionId: Uuid() }),
        querystring: PageQuerySchema,
        response: {
          200: { ...Type.Array(ref(WorkflowTriggerSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) =>
      sendPage(
        reply,
        await triggers.listTriggers(
          request.ctx,
          { workflowDefinitionId: request.params.workflowDefinitionId },
          pageRequestOf(request.query),
        ),
      ),
  );

  app.post(
    '/workflow-triggers',
    {
      ...guard('workflow.edit'),
      schema: {
        operationId: 'createWorkflowTrigger',
        tags,
        summary:
          'Create a trigger on a workflow definition (record event, schedule or manual); active at once',
        description: `${requires('workflow.edit')} A schedule takes a cron (five fields, or six with seconds) and an IANA time zone; after downtime only its latest missed occurrence fires.`,
        body: ref(CreateTriggerBodySchema),
        response: { 201: ref(WorkflowTriggerSchema), ...writeErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await triggers.createTrigger(request.ctx, request.body)),
  );

  app.get(
    '/workflow-triggers/:workflowTriggerId',
    {
      schema: {
        operationId: 'getWorkflowTrigger',
        tags,
        summary: 'Read a workflow trigger',
        params: TriggerParams,
        response: { 200: ref(WorkflowTriggerSchema), ...readErrors },
      },
    },
    async (request) => triggers.getTrigger(request.ctx, request.params.workflowTriggerId),
  );

  for (const [action, status] of [
    ['enable', 'active'],
    ['disable', 'disabled'],
  ] as const) {
    app.post(
      `/workflow-triggers/:workflowTriggerId/${action}`,
      {
        ...guard('workflow.edit'),
        schema: {
          operationId: `${action}WorkflowTrigger`,
          tags,
          summary:
            action === 'enable'
              ? 'Enable a trigger (a schedule restarts from now: occurrences while disabled never fire)'
              : 'Disable a trigger: it queues nothing until enabled',
          description: requires('workflow.edit'),
          params: TriggerParams,
          response: { 200: ref(WorkflowTriggerSchema), ...writeErrors },
        },
      },
      async (request) => triggers.setTriggerStatus(request.ctx, request.params.workflowTriggerId, status),
    );
  }

  app.post(
    '/workflow-triggers/:workflowTriggerId/fire',
    {
      ...guard('workflow.execute'),
      schema: {
        operationId: 'fireWorkflowTrigger',
        tags,
        summary:
          'Fire a trigger by hand: queue an execution intent (201), or answer the earlier one for a repeated key (200)',
        description: `${requires('workflow.execute')} 409 when the trigger is disabled or its definition is not active.`,
        params: TriggerParams,
        body: Type.Optional(ref(FireTriggerBodySchema)),
        response: {
          201: ref(EnqueuedIntentSchema),
          200: {
            ...ref(EnqueuedIntentSchema),
            description: 'The idempotency key was used before: status duplicate',
          },
          ...writeErrors,
        },
      },
    },
    async (request, reply) => {
      const result = await triggers.fireTrigger(
        request.ctx,
        request.params.workflowTriggerId,
        request.body ?? {},
      );
      return reply.code(result.status === 'duplicate' ? 200 : 201).send(result);
    },
  );

  app.post(
    '/record-events',
    {
      ...guard('record.edit'),
      schema: {
        operationId: 'emitRecordEvent',
        tags: intentTags,
        summary: 'Emit a record event by hand: queue an intent for every matching active trigger',
        description: `${requires('record.edit')} Matching and idempotency keys are those of record writes: one intent per record version and trigger; a repeat answers status duplicate.`,
        body: ref(RecordEventBodySchema),
        response: { 200: ref(RecordEventResultSchema), ...writeErrors },
      },
    },
    async (request) => {
      const body = request.body;
      const recordType = await records.getRecordType(request.ctx, body.recordTypeId);
      const intents = await triggers.emitRecordEvent(request.ctx, {
        event: body.event,
        recordId: body.recordId,
        version: body.version,
        recordType: { id: recordType.id, key: recordType.key, projectId: recordType.projectId },
        data: body.data,
        previousData: body.previousData ?? null,
        changedFields: body.changedFields ?? [],
      });
      return { intents };
    },
  );

  app.get(
    '/workflow-intents',
    {
      schema: {
        operationId: 'listWorkflowIntents',
        tags: intentTags,
        summary: 'Execution intents, newest first, optionally of one status',
        description: PAGE_DESCRIPTION,
        querystring: Type.Composite([
          Type.Object({ status: Type.Optional(Type.Union(INTENT_STATUSES.map((s) => Type.Literal(s)))) }),
          PageQuerySchema,
        ]),
        response: {
          200: { ...Type.Array(ref(WorkflowIntentSchema)), headers: nextCursorHeader },
          ...readErrors,
        },
      },
    },
    async (request, reply) => {
      const { limit, cursor, ...filter } = request.query;
      return sendPage(
        reply,
        await triggers.listIntents(request.ctx, filter, pageRequestOf({ limit, cursor })),
      );
    },
  );

  app.get(
    '/workflow-intents/:intentId',
    {
      schema: {
        operationId: 'getWorkflowIntent',
        tags: intentTags,
        summary: 'Read an execution intent: its status, attempts, lease and execution',
        params: IntentParams,
        response: { 200: ref(WorkflowIntentSchema), ...readErrors },
      },
    },
    async (request) => triggers.getIntent(request.ctx, request.params.intentId),
  );

  app.post(
    '/workflow-intents/dispatch',
    {
      ...guard('automation.run'),
      schema: {
        operationId: 'dispatchWorkflowIntents',
        tags: intentTags,
        summary: "Dispatch the tenant's due intents now and answer the counts",
        description: `${requires('automation.run')} Claims race-safely beside the scheduler and other replicas: no intent runs twice.`,
        body: Type.Optional(
          Type.Object(
            { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: ref(DispatchResultSchema), ...writeErrors },
      },
    },
    async (request) =>
      dispatcher.dispatchPending(
        { id: request.ctx.tenantId, slug: request.ctx.tenantSlug },
        { limit: request.body?.limit ?? 100 },
      ),
  );
};

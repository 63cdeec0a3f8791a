import { type Cursor, decodeCursor, inTransaction, type Page, pageOf } from '@ec3l/db';
import { type Clock, DomainError, newId, notFound, type RequestContext, systemClock } from '@ec3l/kernel';
import type { Kysely, Transaction } from 'kysely';
import {
  dueOccurrence,
  manualIntentKey,
  matchesRecordEvent,
  type RecordEvent,
  type RecordEventTriggerConfig,
  recordIntentKey,
  type ScheduleTriggerConfig,
  scheduleIntentKey,
  scheduleProblem,
} from './core/triggers.js';
import type {
  CreateTriggerBody,
  EnqueuedIntent,
  FireTriggerBody,
  IntentStatus,
  WorkflowIntent,
  WorkflowTrigger,
} from './dispatch-schemas.js';
import type { IntentRow, TriggerRow, WorkflowDispatchTables } from './dispatch-tables.js';
import { WorkflowDispatchErrorCodes } from './errors.js';
import { type ActiveTrigger, forTenant, lockSchedules, noRecordCreatedTrigger } from './repo/dispatch.js';

type Db = Kysely<WorkflowDispatchTables> | Transaction<WorkflowDispatchTables>;

export type TriggersDeps = { db: Kysely<WorkflowDispatchTables>; clock?: Clock };

type PageRequest = { limit: number; cursor?: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toTrigger = (row: TriggerRow): WorkflowTrigger =>
  ({
    id: row.id,
    workflowDefinitionId: row.workflow_definition_id,
    triggerType: row.trigger_type,
    triggerConfig: row.trigger_config,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }) as WorkflowTrigger;

const toIntent = (row: IntentRow): WorkflowIntent => ({
  id: row.id,
  workflowDefinitionId: row.workflow_definition_id,
  triggerId: row.trigger_id,
  triggerType: row.trigger_type as WorkflowIntent['triggerType'],
  triggerPayload: row.trigger_payload,
  recordId: row.record_id,
  idempotencyKey: row.idempotency_key,
  status: row.status as IntentStatus,
  attempt: row.attempt,
  maxAttempts: row.max_attempts,
  availableAt: row.available_at.toISOString(),
  leaseOwner: row.lease_owner,
  leaseExpiresAt: iso(row.lease_expires_at),
  executionId: row.execution_id,
  error: row.error,
  createdAt: row.created_at.toISOString(),
  dispatchedAt: iso(row.dispatched_at),
  completedAt: iso(row.completed_at),
});

const cursorOf = (row: { created_at: Date; id: string }): Cursor => ({
  createdAt: row.created_at.toISOString(),
  id: row.id,
});

const configProblem = (body: CreateTriggerBody, now: Date): string | null => {
  if (body.triggerType === 'record_event') {
    const c = body.triggerConfig;
    return c.recordTypeId === undefined && c.recordTypeKey === undefined
      ? 'a record-event trigger names its record type: recordTypeId or recordTypeKey'
      : null;
  }
  if (body.triggerType === 'schedule') return scheduleProblem(body.triggerConfig, now);
  return null;
};

const recordPayload = (event: RecordEvent) => ({
  event: event.event,
  recordId: event.recordId,
  recordTypeId: event.recordType.id,
  recordTypeKey: event.recordType.key,
  version: event.version,
  data: event.data,
  previousData: event.previousData,
  changedFields: event.changedFields,
});

/** Triggers, the intents they queue, and the intents' read side. */
export const createTriggersService = ({ db, clock = systemClock }: TriggersDeps) => {
  const requireTrigger = async (ctx: RequestContext, id: string, reader: Db = db) => {
    const row = await forTenant(reader, ctx.tenantId).findTrigger(id);
    if (!row) throw notFound('workflow trigger', id);
    return row;
  };
  const requireDefinition = async (ctx: RequestContext, id: string, reader: Db = db) => {
    const row = await forTenant(reader, ctx.tenantId).findDefinition(id);
    if (!row) throw notFound('workflow definition', id);
    return row;
  };

  /** Queues one intent; a key seen before answers the existing intent as a duplicate (O5, O6). */
  const enqueue = async (
    trx: Db,
    tenantId: string,
    intent: {
      workflowDefinitionId: string;
      triggerId: string;
      triggerType: string;
      payload: unknown;
      recordId: string | null;
      idempotencyKey: string;
    },
  ): Promise<EnqueuedIntent> => {
    const repo = forTenant(trx, tenantId);
    const id = await repo.insertIntent({ id: newId(), now: clock.now(), ...intent });
    return {
      intentId: id ?? (await repo.findIntentByKey(intent.idempotencyKey)).id,
      triggerId: intent.triggerId,
      workflowDefinitionId: intent.workflowDefinitionId,
      idempotencyKey: intent.idempotencyKey,
      status: id ? 'pending' : 'duplicate',
    };
  };

  /**
   * Queues an intent for every active record-event trigger (of an active definition) the event
   * matches, in the caller's transaction: the intents commit or roll back with the record write.
   * Triggers of the definition whose execution made the write are skipped.
   */
  const enqueueRecordEventIntents = async <DB extends WorkflowDispatchTables>(
    handle: Kysely<DB> | Transaction<DB>,
    tenantId: string,
    event: RecordEvent,
    sourceExecutionId: string | null = null,
  ): Promise<EnqueuedIntent[]> => {
    // The caller's handle (a record write's transaction) holds more tables: narrowed once, here.
    const trx = handle as unknown as Db;
    const repo = forTenant(trx, tenantId);
    const triggers = await repo.activeTriggers('record_event');
    // A write made by an execution does not fire its own definition's triggers (no self-loops).
    const source = sourceExecutionId ? await repo.definitionOfExecution(sourceExecutionId) : undefined;
    const matching = triggers.filter(
      (t: ActiveTrigger) =>
        t.workflow_definition_id !== source &&
        matchesRecordEvent(t.trigger_config as RecordEventTriggerConfig, t.project_id, event),
    );
    const results: EnqueuedIntent[] = [];
    for (const t of matching) {
      results.push(
        await enqueue(trx, tenantId, {
          workflowDefinitionId: t.workflow_definition_id,
          triggerId: t.id,
          triggerType: 'record_event',
          payload: recordPayload(event),
          recordId: event.recordId,
          idempotencyKey: recordIntentKey(event.recordId, event.version, t.id),
        }),
      );
    }
    return results;
  };

  return {
    enqueueRecordEventIntents,

    /** A SQL condition, true when no active trigger can fire on a create of the record type. */
    noRecordCreatedTrigger,

    /** Creates an active trigger on a definition of the tenant; a schedule must parse and fire. */
    createTrigger: async (ctx: RequestContext, body: CreateTriggerBody): Promise<WorkflowTrigger> => {
      await requireDefinition(ctx, body.workflowDefinitionId);
      const now = clock.now();
      const problem = configProblem(body, now);
      if (problem)
        throw new DomainError(WorkflowDispatchErrorCodes.INVALID_TRIGGER_CONFIG, problem, {
          triggerType: body.triggerType,
        });
      const row = await forTenant(db, ctx.tenantId).insertTrigger({
        id: newId(),
        workflowDefinitionId: body.workflowDefinitionId,
        triggerType: body.triggerType,
        config: body.triggerConfig ?? {},
        createdBy: ctx.userId ?? ctx.agentId,
        now,
      });
      return toTrigger(row);
    },

    getTrigger: async (ctx: RequestContext, id: string): Promise<WorkflowTrigger> =>
      toTrigger(await requireTrigger(ctx, id)),

    /** One page of triggers, newest first (of one definition when named; 404 when it does not exist). */
    listTriggers: async (
      ctx: RequestContext,
      filter: { workflowDefinitionId?: string },
      page: PageRequest,
    ): Promise<Page<WorkflowTrigger>> => {
      const after = page.cursor ? decodeCursor(page.cursor) : undefined;
      if (filter.workflowDefinitionId) await requireDefinition(ctx, filter.workflowDefinitionId);
      const rows = await forTenant(db, ctx.tenantId).listTriggers(filter, page.limit + 1, after);
      const { items, nextCursor } = pageOf(rows, page.limit, cursorOf);
      return { items: items.map(toTrigger), nextCursor };
    },

    /** Enables or disables a trigger; enabling a schedule restarts it from now (no catch-up). */
    setTriggerStatus: async (
      ctx: RequestContext,
      id: string,
      status: 'active' | 'disabled',
    ): Promise<WorkflowTrigger> => {
      const row = await forTenant(db, ctx.tenantId).setTriggerStatus(id, status, clock.now());
      if (!row) throw notFound('workflow trigger', id);
      return toTrigger(row);
    },

    /**
     * Fires an active trigger of an active definition by hand: queues one intent. With an idempotency
     * key, a repeat answers the first intent as a duplicate.
     */
    fireTrigger: (ctx: RequestContext, id: string, body: FireTriggerBody): Promise<EnqueuedIntent> =>
      inTransaction(db, async (trx) => {
        // Shared locks: a concurrent disable waits for this firing, or this firing sees it.
        const trigger = await forTenant(trx, ctx.tenantId).lockTrigger(id);
        if (!trigger) throw notFound('workflow trigger', id);
        if (trigger.status !== 'active')
          throw new DomainError(
            WorkflowDispatchErrorCodes.TRIGGER_DISABLED,
            `workflow trigger ${id} is disabled`,
          );
        const definition = await forTenant(trx, ctx.tenantId).lockDefinition(trigger.workflow_definition_id);
        if (definition?.status !== 'active')
          throw new DomainError(
            WorkflowDispatchErrorCodes.WORKFLOW_DEFINITION_NOT_ACTIVE,
            `workflow definition ${trigger.workflow_definition_id} is not active`,
            { status: definition?.status ?? null },
          );
        return enqueue(trx, ctx.tenantId, {
          workflowDefinitionId: trigger.workflow_definition_id,
          triggerId: trigger.id,
          triggerType: trigger.trigger_type,
          payload: { ...(body.payload ?? {}), firedBy: ctx.userId ?? ctx.agentId },
          recordId: null,
          idempotencyKey: manualIntentKey(trigger.id, body.idempotencyKey ?? newId()),
        });
      }),

    /** A record event emitted by hand: the same matching and keys as record writes. */
    emitRecordEvent: (ctx: RequestContext, event: RecordEvent): Promise<EnqueuedIntent[]> =>
      inTransaction(db, (trx) => enqueueRecordEventIntents(trx, ctx.tenantId, event)),

    /**
     * Fires the due occurrence of every schedule of the tenant (see dueOccurrence for the catch-up
     * policy). Each trigger is evaluated under a row lock skipped by other replicas, and each occurrence
     * has its own idempotency key, so any number of replicas queue it once. Returns the intents queued.
     */
    fireDueSchedules: (tenantId: string, now: Date = clock.now()): Promise<number> =>
      inTransaction(db, async (trx) => {
        const locks = lockSchedules(trx, tenantId);
        let fired = 0;
        for (const t of await locks.lockActiveSchedules()) {
          const from = t.schedule_evaluated_at ?? t.created_at;
          const at = dueOccurrence(t.trigger_config as ScheduleTriggerConfig, from, now);
          if (at) {
            const result = await enqueue(trx, tenantId, {
              workflowDefinitionId: t.workflow_definition_id,
              triggerId: t.id,
              triggerType: 'schedule',
              payload: { scheduledFor: at.toISOString() },
              recordId: null,
              idempotencyKey: scheduleIntentKey(t.id, at),
            });
            if (result.status === 'pending') fired += 1;
          }
          await locks.markEvaluated(t.id, now);
        }
        return fired;
      }),

    getIntent: async (ctx: RequestContext, id: string): Promise<WorkflowIntent> => {
      const row = await forTenant(db, ctx.tenantId).findIntent(id);
      if (!row) throw notFound('workflow intent', id);
      return toIntent(row);
    },

    /** One page of intents, newest first, optionally of one status. */
    listIntents: async (
      ctx: RequestContext,
      filter: { status?: IntentStatus },
      page: PageRequest,
    ): Promise<Page<WorkflowIntent>> => {
      const after = page.cursor ? decodeCursor(page.cursor) : undefined;
      const rows = await forTenant(db, ctx.tenantId).listIntents(filter, page.limit + 1, after);
      const { items, nextCursor } = pageOf(rows, page.limit, cursorOf);
      return { items: items.map(toIntent), nextCursor };
    },
  };
};

export type TriggersService = ReturnType<typeof createTriggersService>;

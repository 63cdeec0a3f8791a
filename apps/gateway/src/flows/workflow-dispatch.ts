import type { Database } from '@ec3l/db';
import { type EventBus, systemContext } from '@ec3l/kernel';
import type { RecordsTables, RecordWriteHook } from '@ec3l/records';
import {
  createDispatcher,
  createTriggersService,
  type Dispatcher,
  type DispatchFn,
  type TriggersService,
  type WorkflowDispatchTables,
  type WorkflowEngine,
  type WorkflowTables,
} from '@ec3l/workflow';

/** How intents start executions; the workflow engine's startExecution in production. */
export type StartExecution = DispatchFn<WorkflowTables>;

const asInput = (payload: unknown): Record<string, unknown> =>
  typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    ? (payload as Record<string, unknown>)
    : {};

/**
 * Starts the intent's execution with the engine, in the dispatch transaction, as the system: the
 * trigger payload is the input, the intent and its record are linked to the execution.
 */
export const startWithEngine =
  (engine: Pick<WorkflowEngine, 'startExecution'>): StartExecution =>
  async (trx, intent) => {
    const execution = await engine.startExecution(trx, systemContext(intent.tenantId, intent.tenantSlug), {
      workflowDefinitionId: intent.workflowDefinitionId,
      input: asInput(intent.payload),
      intentId: intent.id,
      recordId: intent.recordId,
    });
    return { executionId: execution.id, status: execution.status, error: execution.error };
  };

export type WorkflowDispatchDeps = {
  database: Pick<Database, 'db'>;
  /** The trigger service, when the caller made one already (for the record write hook). */
  triggers?: TriggersService;
  events: EventBus;
  startExecution: StartExecution;
  leaseMs?: number;
  onError?: (error: unknown) => void;
};

/** The trigger service and an intent dispatcher over one database, as the routes and the scheduler use them. */
export const createWorkflowDispatch = (
  deps: WorkflowDispatchDeps,
): { triggers: TriggersService; dispatcher: Dispatcher } => ({
  triggers: deps.triggers ?? createTriggersService({ db: deps.database.db }),
  dispatcher: createDispatcher({
    db: deps.database.db,
    events: deps.events,
    dispatch: deps.startExecution,
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
    ...(deps.onError ? { onError: deps.onError } : {}),
  }),
});

/**
 * The record write hook: queues an intent for every matching record-event trigger in the record's own
 * transaction, keyed by record version and trigger (a write seen twice queues once). A write made by a
 * workflow execution does not fire its own definition's triggers, so a workflow cannot loop on itself.
 */
export const recordEventIntents = (
  triggers: TriggersService,
): RecordWriteHook<RecordsTables & WorkflowDispatchTables> => {
  const hook: RecordWriteHook<RecordsTables & WorkflowDispatchTables> = async (trx, write) => {
    await triggers.enqueueRecordEventIntents(
      trx,
      write.ctx.tenantId,
      {
        event: write.event,
        recordId: write.record.id,
        version: write.record.version,
        recordType: {
          id: write.recordType.id,
          key: write.recordType.key,
          projectId: write.recordType.projectId,
        },
        data: write.record.data,
        previousData: write.previous?.data ?? null,
        changedFields: write.changedFields,
      },
      write.workflowExecutionId,
    );
  };
  // A create that no trigger watches queues nothing.
  hook.idleOnCreate = (tenantId, recordType) => triggers.noRecordCreatedTrigger(tenantId, recordType);
  return hook;
};

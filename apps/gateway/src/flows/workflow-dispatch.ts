import type { Database } from '@ec3l/db';
import type { EventBus } from '@ec3l/kernel';
import {
  createDispatcher,
  createTriggersService,
  type Dispatcher,
  type DispatchFn,
  type TriggersService,
  type WorkflowDispatchTables,
} from '@ec3l/workflow';

/** How intents start executions; the workflow engine's startExecution in production. */
export type StartExecution = DispatchFn<WorkflowDispatchTables>;

/** Without an engine, an intent cannot start: the attempt fails and is retried by the policy. */
const noEngine: StartExecution = async () => {
  throw new Error('no workflow engine is configured to start executions');
};

export type WorkflowDispatchDeps = {
  database: Pick<Database, 'db'>;
  events: EventBus;
  startExecution?: StartExecution;
  leaseMs?: number;
  onError?: (error: unknown) => void;
};

/** The trigger service and an intent dispatcher over one database, as the routes and the scheduler use them. */
export const createWorkflowDispatch = (
  deps: WorkflowDispatchDeps,
): { triggers: TriggersService; dispatcher: Dispatcher } => ({
  triggers: createTriggersService({ db: deps.database.db }),
  dispatcher: createDispatcher({
    db: deps.database.db,
    events: deps.events,
    dispatch: deps.startExecution ?? noEngine,
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
    ...(deps.onError ? { onError: deps.onError } : {}),
  }),
});

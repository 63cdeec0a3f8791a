export {
  createDispatcher,
  type Dispatcher,
  type DispatchFn,
} from './dispatcher.js';
export type { WorkflowDispatchErrorCode } from './errors.js';
export { workflowMigrations } from './migrations/index.js';
export {
  CreateTriggerBodySchema,
  DispatchResultSchema,
  EnqueuedIntentSchema,
  FireTriggerBodySchema,
  INTENT_STATUSES,
  RecordEventBodySchema,
  RecordEventResultSchema,
  triggerVariantSchemas,
  WorkflowIntentSchema,
  WorkflowTriggerSchema,
} from './schemas.js';
export { createTriggersService, type TriggersService } from './service.js';
export type { WorkflowDispatchTables } from './tables.js';

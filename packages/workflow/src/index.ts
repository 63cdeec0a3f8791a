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
} from './dispatch-schemas.js';
export { createTriggersService, type TriggersService } from './trigger-service.js';
export type { WorkflowDispatchTables } from './dispatch-tables.js';

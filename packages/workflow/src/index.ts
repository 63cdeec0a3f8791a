/** @public What keeps a definition from being activated, for callers that check steps before storing them. */
export { definitionProblems } from './core/engine.js';
/** @public Why a schedule trigger's cron cannot be used, for callers that check triggers before storing them. */
export { scheduleProblem } from './core/triggers.js';
export {
  byTriggerType,
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
export type { WorkflowDispatchTables } from './dispatch-tables.js';
export {
  createDispatcher,
  type Dispatcher,
  type DispatchFn,
} from './dispatcher.js';
/**
 * @public The engine the dispatcher and the scheduler call (startExecution inside their transaction,
 * processApprovalDeadlines per tenant), the records port the gateway wires, and the tables a handle
 * composing them needs.
 */
export {
  createWorkflowEngine,
  type WorkflowEngine,
  type WorkflowRecordsPort,
} from './engine.js';
/** @public Codes callers branch on (e.g. EXECUTION_EXISTS_FOR_INTENT when an intent is dispatched twice). */
export {
  type WorkflowDispatchErrorCode,
  type WorkflowErrorCode,
  WorkflowErrorCodes,
} from './errors.js';
export { workflowMigrations } from './migrations/index.js';
/** @public The execution the engine answers. */
export type { WorkflowExecution } from './schemas.js';
export {
  type AddStepBody,
  AddStepBodySchema,
  APPROVAL_STATUSES,
  ApprovalSchema,
  byStepType,
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
  WorkflowStepSchema,
  workflowVariantSchemas,
} from './schemas.js';
export { createWorkflowService, type WorkflowService } from './service.js';
/** @public The workflow tables, for handles that compose them with another package's. */
export type { WorkflowTables } from './tables.js';
export { createTriggersService, type TriggersService } from './trigger-service.js';

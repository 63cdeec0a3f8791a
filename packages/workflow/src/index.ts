export { type Condition, ConditionSchema, evaluateCondition } from './core/condition.js';
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
export type { WorkflowDispatchTables } from './dispatch-tables.js';
export {
  createDispatcher,
  type Dispatcher,
  type DispatchFn,
} from './dispatcher.js';
export {
  createWorkflowEngine,
  type WorkflowEngine,
  type WorkflowEngineDeps,
  type WorkflowRecordsPort,
} from './engine.js';
export {
  type WorkflowDispatchErrorCode,
  type WorkflowErrorCode,
  WorkflowErrorCodes,
} from './errors.js';
export { workflowMigrations } from './migrations/index.js';
export {
  type AddStepBody,
  AddStepBodySchema,
  APPROVAL_STATUSES,
  type Approval,
  ApprovalSchema,
  type CreateWorkflowDefinitionBody,
  CreateWorkflowDefinitionBodySchema,
  DEFINITION_STATUSES,
  DecideBodySchema,
  EXECUTION_STATUSES,
  ExecuteBodySchema,
  ResumeBodySchema,
  StepExecutionSchema,
  WorkflowDefinitionSchema,
  type WorkflowExecution,
  WorkflowExecutionSchema,
  WorkflowStepSchema,
  workflowVariantSchemas,
} from './schemas.js';
export { createWorkflowService, type WorkflowService } from './service.js';
export type { WorkflowTables } from './tables.js';
export { createTriggersService, type TriggersService } from './trigger-service.js';

export { type Condition, ConditionSchema, evaluateCondition } from './core/condition.js';
export {
  createWorkflowEngine,
  type WorkflowEngine,
  type WorkflowEngineDeps,
  type WorkflowRecordsPort,
} from './engine.js';
export { type WorkflowErrorCode, WorkflowErrorCodes } from './errors.js';
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

export {
  CHANGE_STATUSES,
  type ChangeStatus,
  canAddTargets,
  canCheckin,
  canEditOps,
  refuseManualTransition,
} from './core/lifecycle.js';
export { applyOp, applyOps, OP_TYPES, type OpPayload, type OpType, type TransformError } from './core/ops.js';
export { type ExecutionError, type ExecutionPlan, executionScope, planExecution } from './core/plan.js';
export { restoreOps } from './core/revert.js';
export { SELECTOR_SCHEMAS, selectorProblems, TARGET_TYPES, type TargetType } from './core/selectors.js';
export { type ChangeEngineErrorCode, ChangeEngineErrorCodes, EXECUTION_ERROR_CODES } from './errors.js';
export { changeEngineMigrations } from './migrations/index.js';
export {
  type AgentRun,
  AgentRunSchema,
  type Change,
  type ChangeEvent,
  ChangeEventSchema,
  ChangeSchema,
  ChangeStatusBodySchema,
  type CreateAgentRunBody,
  CreateAgentRunBodySchema,
  type CreateChangeBody,
  CreateChangeBodySchema,
  type CreatePatchOpBody,
  CreatePatchOpBodySchema,
  type CreateTargetBody,
  CreateTargetBodySchema,
  ExecutionErrorSchema,
  ExecutionResultSchema,
  GraphDiffSchema,
  MergeResultSchema,
  OwnSchemaSchema,
  type PatchOp,
  PatchOpSchema,
  SchemaFieldSchema,
  type Snapshot,
  SnapshotSchema,
  type Target,
  TargetSchema,
  variantSchemas as changeVariantSchemas,
  type Workspace,
  WorkspaceSchema,
} from './schemas.js';
export { type ChangeEngineDeps, type ChangeService, createChangeService } from './service.js';
export type { ChangeEngineTables } from './tables.js';

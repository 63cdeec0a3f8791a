export { CHANGE_STATUSES } from './core/lifecycle.js';

export { type ChangeEngineErrorCode, ChangeEngineErrorCodes } from './errors.js';
export { changeEngineMigrations } from './migrations/index.js';
export {
  AgentRunSchema,
  ChangeEventSchema,
  ChangeSchema,
  ChangeStatusBodySchema,
  CreateAgentRunBodySchema,
  CreateChangeBodySchema,
  CreatePatchOpBodySchema,
  CreateTargetBodySchema,
  ExecutionErrorSchema,
  ExecutionResultSchema,
  GraphDiffSchema,
  MergeResultSchema,
  OwnSchemaSchema,
  PatchOpSchema,
  SchemaFieldSchema,
  SnapshotSchema,
  TargetSchema,
  variantSchemas as changeVariantSchemas,
  WorkspaceSchema,
} from './schemas.js';
export { type ChangeService, createChangeService } from './service.js';

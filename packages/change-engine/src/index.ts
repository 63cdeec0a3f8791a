export { type AgentService, createAgentService } from './agents.js';
export { CHANGE_STATUSES } from './core/lifecycle.js';

export { type ChangeEngineErrorCode, ChangeEngineErrorCodes } from './errors.js';
export { changeEngineMigrations } from './migrations/index.js';
export {
  AgentRunLogLineSchema,
  AgentRunSchema,
  AgentSkillSchema,
  AppendRunLogsBodySchema,
  ChangeEventSchema,
  ChangeSchema,
  ChangeStatusBodySchema,
  CreateAgentRunBodySchema,
  CreateChangeBodySchema,
  CreatePatchOpBodySchema,
  CreateProposalBodySchema,
  CreateSkillBodySchema,
  CreateTargetBodySchema,
  ExecutionErrorSchema,
  ExecutionResultSchema,
  GraphDiffSchema,
  MergeResultSchema,
  MoveRunBodySchema,
  OwnSchemaSchema,
  PatchOpSchema,
  ProposalChangeOpSchema,
  ProposalFormPatchOpSchema,
  ProposalSchema,
  ReviewProposalBodySchema,
  SchemaFieldSchema,
  SnapshotSchema,
  TargetSchema,
  UpdateSkillBodySchema,
  variantSchemas as changeVariantSchemas,
  WorkspaceSchema,
} from './schemas.js';
export { type ChangeService, createChangeService } from './service.js';

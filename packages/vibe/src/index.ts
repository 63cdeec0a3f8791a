export { createProviderAdapter } from './adapters/lazy.js';
export { createStubAdapter } from './adapters/stub.js';
export { type LlmAdapter, LlmError, type LlmRequest, type LlmResponse } from './adapters/types.js';
export { checkOutput, type PipelineEvent, STAGES, type Stage } from './core/pipeline.js';
export { generateRequest } from './core/prompt.js';
export { type VibeErrorCode, VibeErrorCodes } from './errors.js';
export { vibeMigrations } from './migrations/index.js';
export {
  AdoptVariantBodySchema,
  CreateDraftBodySchema,
  DiffVariantsBodySchema,
  DiffVersionsBodySchema,
  DraftInstallResultSchema,
  FromVariantBodySchema,
  GenerateMultiBodySchema,
  GenerateMultiResultSchema,
  PatchDraftBodySchema,
  PreviewBodySchema,
  PreviewResultSchema,
  RefineDraftBodySchema,
  RestoreDraftBodySchema,
  VariantDiffSchema,
  VersionDiffSchema,
  VibeDraftSchema,
  VibeDraftVersionSchema,
  VibeInstallBodySchema,
  type VibeInstallOutcome,
  VibeInstallOutcomeSchema,
  vibeSchemas,
} from './schemas.js';
export {
  createVibeService,
  DEFAULT_VIBE_LIMITS,
  type VibeInstallPort,
  type VibeLimits,
  type VibeService,
} from './service.js';
/** @public The vibe tables, for handles that compose them with other packages' tables. */
export type { VibeTables } from './tables.js';

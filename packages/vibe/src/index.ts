export { createProviderAdapter } from './adapters/lazy.js';
export { createStubAdapter } from './adapters/stub.js';
export type { LlmAdapter, LlmRequest } from './adapters/types.js';
export { type PipelineEvent, runPipeline } from './core/pipeline.js';
export { generateRequest } from './core/prompt.js';
export type { VibeErrorCode } from './errors.js';
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
  VibeGenerationSchema,
  VibeInstallBodySchema,
  VibeInstallOutcomeSchema,
  vibeSchemas,
} from './schemas.js';
export {
  createVibeService,
  type VibeInstallPort,
  type VibeService,
} from './service.js';
/** @public The vibe tables, for handles that compose them with other packages' tables. */
export type { VibeTables } from './tables.js';

import type { ColumnType, Selectable } from 'kysely';
import type { DraftStatus } from './core/lifecycle.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type VersionReason = 'create' | 'refine' | 'patch' | 'restore' | 'adopt_variant';
export type GenerationKind = 'generate' | 'refine' | 'variant' | 'preview' | 'stream' | 'form_patch';
type GenerationOutcome = 'succeeded' | 'failed' | 'fallback' | 'aborted';

type DraftsTable = {
  tenant_id: string;
  id: string;
  project_id: string;
  environment_id: string | null;
  status: DraftStatus;
  app_name: string | null;
  prompt: string;
  package: Json<unknown>;
  checksum: string;
  current_version: number;
  last_preview_diff: NullableJson<unknown>;
  last_preview_errors: NullableJson<unknown>;
  install_id: string | null;
  change_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type DraftVersionsTable = {
  tenant_id: string;
  id: string;
  draft_id: string;
  version_number: number;
  reason: VersionReason;
  package: Json<unknown>;
  checksum: string;
  preview_diff: NullableJson<unknown>;
  preview_errors: NullableJson<unknown>;
  created_by: string | null;
  created_at: Timestamp;
};

type GenerationsTable = {
  tenant_id: string;
  id: string;
  project_id: string | null;
  draft_id: string | null;
  kind: GenerationKind;
  prompt: string;
  adapter: string;
  model: string;
  variant_index: number | null;
  raw_outputs: Json<string[]>;
  attempts: Json<unknown>;
  input_tokens: number;
  output_tokens: number;
  duration_ms: number;
  outcome: GenerationOutcome;
  checksum: string | null;
  error_code: string | null;
  created_by: string | null;
  created_at: Timestamp;
};

/** The tables of vibe authoring. */
export type VibeTables = {
  vibe_package_drafts: DraftsTable;
  vibe_package_draft_versions: DraftVersionsTable;
  vibe_generations: GenerationsTable;
};

export type DraftRow = Selectable<DraftsTable>;
export type DraftVersionRow = Selectable<DraftVersionsTable>;
export type GenerationRow = Selectable<GenerationsTable>;

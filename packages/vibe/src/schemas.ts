import { Identifier, Int32, Name, Text, Uuid } from '@ec3l/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DRAFT_STATUSES } from './core/lifecycle.js';
import type { DraftPatchOp } from './core/patch.js';

/** API shapes of vibe authoring (the gateway's routes use them; they are OpenAPI components by $id). */

const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const PackageRef = (description?: string) =>
  Type.Unsafe<import('@ec3l/graph-packages').GraphPackage>(
    Type.Ref('GraphPackage', description ? { description } : {}),
  );
const DiffRef = () => Type.Unsafe<import('@ec3l/graph-packages').PackageDiff>(Type.Ref('PackageDiff'));
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Prompt = Text({
  minLength: 1,
  maxLength: 4000,
  description: "The author's description of the app or the change",
});
const AppName = Name({ maxLength: 120, description: 'Name of the app (the package name and key follow it)' });

const VibeProblemSchema = Type.Object(
  {
    stage: lit(['extract_json', 'validate_schema', 'namespace', 'graph', 'projection'] as const),
    path: Type.String(),
    code: Type.String(),
    message: Type.String(),
  },
  { $id: 'VibeProblem', additionalProperties: false },
);

const ProblemsRef = () => Type.Array(Type.Ref('VibeProblem'));

const VibeGenerationSummarySchema = Type.Object(
  {
    generationId: Type.String({ format: 'uuid' }),
    adapter: Type.String(),
    model: Type.String(),
    outcome: lit(['succeeded', 'failed', 'fallback', 'aborted'] as const),
    attempts: Type.Array(
      Type.Object(
        {
          attempt: Type.Integer(),
          outcome: lit(['valid', 'invalid'] as const),
          problems: ProblemsRef(),
          outputBytes: Type.Integer(),
        },
        { additionalProperties: false },
      ),
    ),
    inputTokens: Type.Integer(),
    outputTokens: Type.Integer(),
    durationMs: Type.Integer(),
  },
  { $id: 'VibeGenerationSummary', additionalProperties: false },
);
export type VibeGenerationSummary = Static<typeof VibeGenerationSummarySchema>;

export const VibeDraftSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    projectId: Type.String({ format: 'uuid' }),
    environmentId: nullable(Type.String({ format: 'uuid' })),
    status: lit(DRAFT_STATUSES),
    appName: nullable(Type.String()),
    prompt: Type.String(),
    package: PackageRef('The current package (always valid and in the vibe namespace)'),
    checksum: Type.String(),
    currentVersion: Type.Integer({ description: 'Number of the version the package is' }),
    lastPreviewDiff: nullable(DiffRef()),
    lastPreviewErrors: nullable(ProblemsRef()),
    installId: nullable(Type.String({ format: 'uuid' })),
    changeId: nullable(Type.String({ format: 'uuid' })),
    createdBy: nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    lastGeneration: Type.Optional(Type.Ref('VibeGenerationSummary')),
  },
  { $id: 'VibeDraft', additionalProperties: false },
);
export type VibeDraft = Omit<Static<typeof VibeDraftSchema>, 'lastGeneration'> & {
  lastGeneration?: VibeGenerationSummary;
};

export const VibeDraftVersionSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    draftId: Type.String({ format: 'uuid' }),
    versionNumber: Type.Integer(),
    reason: lit(['create', 'refine', 'patch', 'restore', 'adopt_variant'] as const),
    package: PackageRef(),
    checksum: Type.String(),
    previewDiff: nullable(DiffRef()),
    previewErrors: nullable(ProblemsRef()),
    createdBy: nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'VibeDraftVersion', additionalProperties: false },
);
export type VibeDraftVersion = Static<typeof VibeDraftVersionSchema>;

export const VibeGenerationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    draftId: nullable(Type.String({ format: 'uuid' })),
    kind: lit(['generate', 'refine', 'variant', 'preview', 'stream', 'form_patch'] as const),
    prompt: Type.String(),
    adapter: Type.String(),
    model: Type.String(),
    variantIndex: nullable(Type.Integer()),
    rawOutputs: Type.Array(Type.String(), { description: "The model's answers, in order (untrusted text)" }),
    attempts: Type.Array(Type.Unknown()),
    inputTokens: Type.Integer(),
    outputTokens: Type.Integer(),
    durationMs: Type.Integer(),
    outcome: lit(['succeeded', 'failed', 'fallback', 'aborted'] as const),
    checksum: nullable(Type.String()),
    errorCode: nullable(Type.String()),
    createdBy: nullable(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'VibeGeneration', additionalProperties: false },
);
export type VibeGeneration = Static<typeof VibeGenerationSchema>;

export const CreateDraftBodySchema = Type.Object(
  {
    projectId: Uuid(),
    prompt: Prompt,
    appName: Type.Optional(AppName),
    environmentId: Type.Optional(
      Uuid({ description: 'The environment installs record (default: the project default)' }),
    ),
  },
  { $id: 'CreateVibeDraftBody', additionalProperties: false },
);
export type CreateDraftBody = Static<typeof CreateDraftBodySchema>;

export const RefineDraftBodySchema = Type.Object(
  { prompt: Prompt },
  { $id: 'RefineVibeDraftBody', additionalProperties: false },
);

const PatchFieldSchema = Type.Object(
  {
    name: Identifier(),
    type: lit(['string', 'number', 'boolean', 'reference', 'choice', 'text', 'date', 'datetime'] as const),
    label: Type.Optional(Text({ maxLength: 200 })),
    required: Type.Optional(Type.Boolean()),
    choiceListKey: Type.Optional(Identifier()),
    referenceRecordTypeKey: Type.Optional(Identifier()),
  },
  { additionalProperties: false },
);

const op = <K extends string, P extends Record<string, TSchema>>(name: K, props: P, description: string) =>
  Type.Object(
    { op: Type.Literal(name), recordTypeKey: Identifier(), ...props },
    { $id: `VibeDraftPatchOp_${name}`, additionalProperties: false, description },
  );

const draftPatchOpSchemas = [
  op('add_field', { field: PatchFieldSchema }, 'Adds a field (refused when the name is taken)'),
  op(
    'rename_field',
    { from: Identifier(), to: Identifier() },
    'Renames a field (refused when the new name is taken)',
  ),
  op('remove_field', { fieldName: Identifier() }, 'Removes a field (never the last one of a type)'),
  op(
    'set_sla',
    { durationMinutes: Int32({ minimum: 1, maximum: 525_600 }) },
    "Creates or updates the type's SLA",
  ),
  op(
    'set_assignment_group',
    { groupKey: Text({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$' }) },
    'Assigns new records of the type to a group',
  ),
];

const DraftPatchOpSchema = Type.Unsafe<DraftPatchOp>({
  $id: 'VibeDraftPatchOp',
  type: 'object',
  description: 'One edit of the draft package, told apart by op',
  oneOf: draftPatchOpSchemas.map((s) => Type.Ref(s.$id!)),
  discriminator: { propertyName: 'op' },
});

export const PatchDraftBodySchema = Type.Object(
  { ops: Type.Array(Type.Ref('VibeDraftPatchOp'), { minItems: 1, maxItems: 50 }) },
  { $id: 'PatchVibeDraftBody', additionalProperties: false },
);

export const RestoreDraftBodySchema = Type.Object(
  { versionNumber: Int32({ minimum: 1 }) },
  { $id: 'RestoreVibeDraftBody', additionalProperties: false },
);

export const DiffVersionsBodySchema = Type.Object(
  { fromVersion: Int32({ minimum: 1 }), toVersion: Int32({ minimum: 1 }) },
  { $id: 'DiffVibeDraftVersionsBody', additionalProperties: false },
);

export const VersionDiffSchema = Type.Object(
  {
    draftId: Type.String({ format: 'uuid' }),
    fromVersion: Type.Integer(),
    toVersion: Type.Integer(),
    diff: DiffRef(),
  },
  { $id: 'VibeVersionDiff', additionalProperties: false },
);

export const AdoptVariantBodySchema = Type.Object(
  { package: PackageRef('The variant to adopt'), prompt: Type.Optional(Prompt) },
  { $id: 'AdoptVibeVariantBody', additionalProperties: false },
);

export const FromVariantBodySchema = Type.Object(
  {
    projectId: Uuid(),
    prompt: Prompt,
    package: PackageRef('The variant the draft starts from'),
    appName: Type.Optional(AppName),
    environmentId: Type.Optional(Uuid()),
  },
  { $id: 'CreateVibeDraftFromVariantBody', additionalProperties: false },
);

export const DiffVariantsBodySchema = Type.Object(
  { projectId: Uuid(), packageA: PackageRef(), packageB: PackageRef() },
  { $id: 'DiffVibeVariantsBody', additionalProperties: false },
);

const PackageIdentity = Type.Object(
  { key: Type.String(), version: Type.String(), checksum: Type.String() },
  { additionalProperties: false },
);

export const VariantDiffSchema = Type.Object(
  { packageA: PackageIdentity, packageB: PackageIdentity, diff: DiffRef() },
  { $id: 'VibeVariantDiff', additionalProperties: false },
);

export const PreviewBodySchema = Type.Object(
  {
    projectId: Uuid(),
    prompt: Prompt,
    appName: Type.Optional(AppName),
    package: Type.Optional(PackageRef('A package to refine instead of generating a new one')),
    environmentId: Type.Optional(Uuid()),
  },
  { $id: 'VibePreviewBody', additionalProperties: false },
);
export type PreviewBody = Static<typeof PreviewBodySchema>;

export const PreviewResultSchema = Type.Object(
  {
    package: PackageRef(),
    checksum: Type.String(),
    diff: DiffRef(),
    generation: Type.Ref('VibeGenerationSummary'),
  },
  { $id: 'VibePreviewResult', additionalProperties: false },
);

export const GenerateMultiBodySchema = Type.Object(
  {
    projectId: Uuid(),
    prompt: Prompt,
    count: Int32({ minimum: 1, maximum: 5, description: 'How many variants (1–5)' }),
    appName: Type.Optional(AppName),
  },
  { $id: 'VibeGenerateMultiBody', additionalProperties: false },
);
export type GenerateMultiBody = Static<typeof GenerateMultiBodySchema>;

const VariantOkSchema = Type.Object(
  {
    index: Type.Integer(),
    status: Type.Literal('ok'),
    package: PackageRef(),
    checksum: Type.String(),
    diff: DiffRef(),
  },
  { $id: 'VibeVariantOk', additionalProperties: false },
);
const VariantFailedSchema = Type.Object(
  {
    index: Type.Integer(),
    status: Type.Literal('failed'),
    error: Type.Object(
      { code: Type.String(), message: Type.String(), problems: ProblemsRef() },
      { additionalProperties: false },
    ),
  },
  { $id: 'VibeVariantFailed', additionalProperties: false },
);

/** A variant as generated: ok with its package, or failed with why; told apart by status. */
const VariantSchema = Type.Unsafe({
  $id: 'VibeVariant',
  type: 'object',
  oneOf: [Type.Ref('VibeVariantOk'), Type.Ref('VibeVariantFailed')],
  discriminator: { propertyName: 'status' },
});

export const GenerateMultiResultSchema = Type.Object(
  {
    variants: Type.Array(Type.Ref('VibeVariant')),
  },
  { $id: 'VibeGenerateMultiResult', additionalProperties: false },
);

export const VibeInstallBodySchema = Type.Object(
  { projectId: Uuid(), package: PackageRef(), environmentId: Type.Optional(Uuid()) },
  { $id: 'VibeInstallBody', additionalProperties: false },
);

export const VibeInstallOutcomeSchema = Type.Object(
  {
    status: lit(['installed', 'noop'] as const),
    packageKey: Type.String(),
    version: Type.String(),
    checksum: Type.String(),
    environmentId: Type.String({ format: 'uuid' }),
    installId: nullable(Type.String({ format: 'uuid' })),
    changeId: nullable(
      Type.String({
        format: 'uuid',
        description:
          'The merged change editing installed types (upgrades; null when the install only creates)',
      }),
    ),
    diff: DiffRef(),
  },
  { $id: 'VibeInstallOutcome', additionalProperties: false },
);
export type VibeInstallOutcome = Static<typeof VibeInstallOutcomeSchema>;

export const DraftInstallResultSchema = Type.Object(
  { draft: Type.Ref('VibeDraft'), install: Type.Ref('VibeInstallOutcome') },
  { $id: 'VibeDraftInstallResult', additionalProperties: false },
);

/** Every vibe schema with an $id, for registration with the gateway. */
export const vibeSchemas: TSchema[] = [
  VibeProblemSchema,
  VibeGenerationSummarySchema,
  VibeDraftSchema,
  VibeDraftVersionSchema,
  VibeGenerationSchema,
  CreateDraftBodySchema,
  RefineDraftBodySchema,
  ...draftPatchOpSchemas,
  DraftPatchOpSchema,
  PatchDraftBodySchema,
  RestoreDraftBodySchema,
  DiffVersionsBodySchema,
  VersionDiffSchema,
  AdoptVariantBodySchema,
  FromVariantBodySchema,
  DiffVariantsBodySchema,
  VariantDiffSchema,
  PreviewBodySchema,
  PreviewResultSchema,
  GenerateMultiBodySchema,
  VariantOkSchema,
  VariantFailedSchema,
  VariantSchema,
  GenerateMultiResultSchema,
  VibeInstallBodySchema,
  VibeInstallOutcomeSchema,
  DraftInstallResultSchema,
];

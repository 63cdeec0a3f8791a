import { PackageDiffSchema } from '@ec3l/graph-packages';
import { Nullable, Text, Uuid } from '@ec3l/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { INTENT_STATUSES } from './core/lifecycle.js';

const Timestamp = Type.String({ format: 'date-time' });
/** A reference to a schema registered by its $id, keeping its static type. */
const refTo = <T extends TSchema>(schema: T) => Type.Unsafe<Static<T>>(Type.Ref(schema.$id!));
const enumOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const EnvironmentPackageSchema = Type.Object(
  {
    packageKey: Type.String(),
    version: Type.String(),
    checksum: Type.String(),
  },
  { $id: 'EnvironmentPackage', description: 'A package version an environment holds' },
);
export type EnvironmentPackageView = Static<typeof EnvironmentPackageSchema>;

const PACKAGE_STATUSES = ['missing', 'outdated', 'same', 'extra'] as const;

const EnvironmentPackageDiffSchema = Type.Object(
  {
    packageKey: Type.String(),
    status: enumOf(PACKAGE_STATUSES),
    fromVersion: Nullable(Type.String()),
    toVersion: Nullable(Type.String()),
    fromChecksum: Nullable(Type.String()),
    toChecksum: Nullable(Type.String()),
    diff: Type.Union([refTo(PackageDiffSchema), Type.Null()], {
      description:
        "The per-object diff (PackageDiff) from the target's contents to the source's: each record type, field, choice list, SLA policy, assignment rule and workflow with its disposition; null for same and extra",
    }),
  },
  { $id: 'EnvironmentPackageDiff' },
);

export const EnvironmentDiffSchema = Type.Object(
  {
    projectId: Uuid(),
    fromEnvironmentId: Uuid(),
    toEnvironmentId: Uuid(),
    fromStateHash: Type.String(),
    toStateHash: Type.String(),
    packages: Type.Array(refTo(EnvironmentPackageDiffSchema)),
    summary: Type.Object({
      missing: Type.Integer(),
      outdated: Type.Integer(),
      same: Type.Integer(),
      extra: Type.Integer(),
    }),
  },
  {
    $id: 'EnvironmentDiff',
    description: 'Package by package, how the target environment differs from the source',
  },
);
export type EnvironmentDiff = Static<typeof EnvironmentDiffSchema>;

export const PromotionResultSchema = Type.Object(
  {
    promoted: Type.Array(
      Type.Object({
        packageKey: Type.String(),
        version: Type.String(),
        checksum: Type.String(),
        status: Type.String({ description: 'What the install did: installed or noop' }),
        installId: Nullable(Type.String()),
      }),
    ),
    skipped: Type.Array(Type.Object({ packageKey: Type.String(), status: enumOf(PACKAGE_STATUSES) })),
    deploymentId: Uuid(),
    releaseId: Uuid({ description: "The target's release freezing its state after the promotion" }),
  },
  { $id: 'PromotionResult' },
);
export type PromotionResult = Static<typeof PromotionResultSchema>;

const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;

export const PromotionIntentSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
    fromEnvironmentId: Uuid(),
    toEnvironmentId: Uuid(),
    status: enumOf(INTENT_STATUSES),
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    previewedBy: Nullable(Type.String()),
    previewedAt: Nullable(Timestamp),
    previewStateHash: Nullable(
      Type.String({ description: "The target environment's state hash at preview" }),
    ),
    approvedBy: Nullable(Type.String()),
    approvedAt: Nullable(Timestamp),
    executedBy: Nullable(Type.String()),
    executedAt: Nullable(Timestamp),
    rejectedBy: Nullable(Type.String()),
    rejectedAt: Nullable(Timestamp),
    reason: Nullable(Type.String()),
    diff: Nullable(refTo(EnvironmentDiffSchema)),
    result: Nullable(refTo(PromotionResultSchema)),
    notificationStatus: Nullable(enumOf(NOTIFICATION_STATUSES)),
    notificationLastError: Nullable(Type.String()),
    notificationLastAttemptAt: Nullable(Timestamp),
    version: Type.Integer(),
  },
  { $id: 'PromotionIntent' },
);
export type PromotionIntent = Static<typeof PromotionIntentSchema>;

export const PromoteBodySchema = Type.Object(
  {
    projectId: Uuid(),
    fromEnvironmentId: Uuid(),
    toEnvironmentId: Uuid(),
  },
  { $id: 'PromoteBody', additionalProperties: false },
);
export type PromoteBody = Static<typeof PromoteBodySchema>;

export const RejectIntentBodySchema = Type.Object(
  { reason: Type.Optional(Text({ maxLength: 2000 })) },
  { $id: 'RejectIntentBody', additionalProperties: false },
);

export const UpdateEnvironmentBodySchema = Type.Object(
  {
    requiresPromotionApproval: Type.Optional(Type.Boolean()),
    promotionWebhookUrl: Type.Optional(
      Nullable(
        Text({
          maxLength: 2048,
          description: 'https (plain http only to an allowlisted host); null removes the webhook',
        }),
      ),
    ),
  },
  { $id: 'UpdateEnvironmentBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateEnvironmentBody = Static<typeof UpdateEnvironmentBodySchema>;

export const EnvironmentReleaseSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
    environmentId: Uuid(),
    createdBy: Nullable(Type.String()),
    status: Type.Literal('created'),
    createdAt: Timestamp,
    stateHash: Nullable(Type.String()),
    packages: Type.Array(refTo(EnvironmentPackageSchema), {
      description: 'The package state the release froze',
    }),
  },
  { $id: 'EnvironmentRelease' },
);
export type EnvironmentRelease = Static<typeof EnvironmentReleaseSchema>;

export const EnvironmentDeploymentSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
    environmentId: Uuid(),
    releaseId: Uuid(),
    promotedFromReleaseId: Nullable(Uuid()),
    deployedBy: Nullable(Type.String()),
    createdAt: Timestamp,
  },
  {
    $id: 'EnvironmentDeployment',
    description: 'A promotion into an environment, from one release to another',
  },
);
export type EnvironmentDeployment = Static<typeof EnvironmentDeploymentSchema>;

export const WebhookDeliverySchema = Type.Object(
  {
    id: Uuid(),
    subjectType: Type.Literal('promotion_intent'),
    subjectId: Uuid(),
    eventType: Type.String(),
    url: Type.String(),
    webhookId: Type.String({ description: 'The webhook-id header: the same on every attempt' }),
    payload: Type.Unknown(),
    status: enumOf(['pending', 'sent', 'failed'] as const),
    attempts: Type.Integer(),
    nextAttemptAt: Nullable(Timestamp),
    lastStatusCode: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    lastAttemptAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'WebhookDelivery' },
);
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

export const ProcessDeliveriesResultSchema = Type.Object(
  {
    attempted: Type.Integer(),
    sent: Type.Integer(),
    failed: Type.Integer(),
    retrying: Type.Integer(),
  },
  { $id: 'ProcessDeliveriesResult' },
);
export type ProcessDeliveriesResult = Static<typeof ProcessDeliveriesResultSchema>;

/** Every schema of this package with an $id, for the gateway to register. */
export const promotionSchemas = [
  EnvironmentPackageSchema,
  EnvironmentPackageDiffSchema,
  EnvironmentDiffSchema,
  PromotionResultSchema,
  PromotionIntentSchema,
  PromoteBodySchema,
  RejectIntentBodySchema,
  UpdateEnvironmentBodySchema,
  EnvironmentReleaseSchema,
  EnvironmentDeploymentSchema,
  WebhookDeliverySchema,
  ProcessDeliveriesResultSchema,
];

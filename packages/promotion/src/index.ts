export { INTENT_STATUSES } from './core/lifecycle.js';
export { parseAllowlist } from './core/ssrf.js';
export type { PromotionErrorCode } from './errors.js';
export { promotionMigrations } from './migrations/index.js';
export { createWebhookOutbox, type WebhookOutbox } from './outbox.js';
export {
  EnvironmentDeploymentSchema,
  EnvironmentDiffSchema,
  EnvironmentPackageSchema,
  EnvironmentReleaseSchema,
  ProcessDeliveriesResultSchema,
  type PromoteBody,
  PromoteBodySchema,
  PromotionIntentSchema,
  PromotionResultSchema,
  promotionSchemas,
  RejectIntentBodySchema,
  type UpdateEnvironmentBody,
  UpdateEnvironmentBodySchema,
  WebhookDeliverySchema,
} from './schemas.js';
export { createWebhookSender, type LookupAll } from './sender.js';
export {
  createPromotionService,
  type PromotionInstallPort,
  type PromotionService,
} from './service.js';
/** @public The promotion tables, for handles that compose them with another package's. */
export type { PromotionTables } from './tables.js';

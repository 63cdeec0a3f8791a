import type { GraphPackagesTables } from '@ec3l/graph-packages';
import type { TenancyTables } from '@ec3l/tenancy';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { IntentStatus } from './core/lifecycle.js';
import type { EnvironmentPackage } from './core/state-hash.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

type NotificationStatus = 'pending' | 'sent' | 'failed';
type DeliveryStatus = 'pending' | 'sent' | 'failed';

type PromotionIntentsTable = {
  tenant_id: string;
  id: string;
  project_id: string;
  from_environment_id: string;
  to_environment_id: string;
  status: IntentStatus;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  previewed_by: string | null;
  previewed_at: NullableTimestamp;
  /** The target environment's state hash at the last preview; execution refuses when it differs. */
  preview_state_hash: string | null;
  /** The source environment's state hash at the last preview (what was approved is what is applied). */
  preview_source_hash: string | null;
  approved_by: string | null;
  approved_at: NullableTimestamp;
  executed_by: string | null;
  executed_at: NullableTimestamp;
  rejected_by: string | null;
  rejected_at: NullableTimestamp;
  reason: string | null;
  diff: NullableJson<unknown>;
  result: NullableJson<unknown>;
  notification_status: NotificationStatus | null;
  notification_last_error: string | null;
  notification_last_attempt_at: NullableTimestamp;
  version: Generated<number>;
};

type WebhookDeliveriesTable = {
  tenant_id: string;
  id: string;
  subject_type: 'promotion_intent';
  subject_id: string;
  event_type: string;
  url: string;
  payload: Json<unknown>;
  webhook_id: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: NullableTimestamp;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type EnvironmentReleasePackagesTable = {
  tenant_id: string;
  release_id: string;
  environment_id: string;
  state_hash: string;
  packages: Json<EnvironmentPackage[]>;
};

/**
 * The tables of promotion, composed with tenancy's (whose environments it reads and governs through
 * tenancy's port) and graph packages' environment state.
 */
export type PromotionTables = {
  promotion_intents: PromotionIntentsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  environment_release_packages: EnvironmentReleasePackagesTable;
} & TenancyTables &
  Pick<GraphPackagesTables, 'environment_package_installs'>;

export type IntentRow = Selectable<PromotionIntentsTable>;
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;
export type EnvironmentRow = Pick<
  Selectable<TenancyTables['environments']>,
  'tenant_id' | 'id' | 'project_id' | 'name' | 'requires_promotion_approval' | 'promotion_webhook_url'
>;
export type ReleaseRow = Selectable<TenancyTables['environment_releases']>;
export type DeploymentRow = Selectable<TenancyTables['environment_deployments']>;

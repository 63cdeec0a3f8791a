export { type CreateProjectInput, ENVIRONMENT_NAMES, planProject } from './core/project-plan.js';
export { isTenantSlug, parseList, parseTenantSlug, TENANT_SLUG_PATTERN } from './core/slug.js';
export { tenancyMigrations } from './migrations/index.js';
export { insertTelemetryRecords, type TelemetryFilter } from './repo/telemetry.js';
export {
  type CreateProjectBody,
  CreateProjectBodySchema,
  type DashboardSummary,
  DashboardSummarySchema,
  type Environment,
  EnvironmentSchema,
  type Module,
  ModuleSchema,
  type Project,
  ProjectSchema,
  type TelemetryEvent,
  TelemetryEventSchema,
  type Tenant,
  TenantSchema,
} from './schemas.js';
export {
  createTenancyService,
  type Page,
  type ResolvedTenant,
  type TenancyDeps,
  type TenancyService,
} from './service.js';
export type { TenancyTables } from './tables.js';

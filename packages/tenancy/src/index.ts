export { tenancyMigrations } from './migrations/index.js';
export { environmentsPort, modulesPort } from './port.js';
export { insertTelemetryRecords } from './repo/telemetry.js';
export {
  CreateProjectBodySchema,
  DashboardSummarySchema,
  EnvironmentSchema,
  ModuleSchema,
  ProjectSchema,
  TelemetryEventSchema,
  TenantSchema,
} from './schemas.js';
export {
  createTenancyService,
  type ResolvedTenant,
  type TenancyService,
} from './service.js';
export type { TenancyTables } from './tables.js';

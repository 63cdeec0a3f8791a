export { compareVersions } from './core/overrides.js';
export { type AppsErrorCode, AppsErrorCodes } from './errors.js';
export { appsMigrations } from './migrations/index.js';
export { forTenant as appsRepo, templatesRepo } from './repo/scoped.js';
export {
  appsSchemas,
  CreateOverrideBodySchema,
  InstallEventSchema,
  InstallEventTypeSchema,
  type InstalledAppDetail,
  InstalledAppDetailSchema,
  InstalledAppSchema,
  InstalledModuleSchema,
  InstallTemplateBodySchema,
  ModuleOverrideSchema,
  OverrideStatusSchema,
  OverrideTypeSchema,
  ResolvedModuleSchema,
  TemplateDetailSchema,
  TemplateModuleSchema,
  TemplateSchema,
  UpgradeAppBodySchema,
} from './schemas.js';
export { type AppsService, createAppsService } from './service.js';
/** @public The apps tables, for handles that compose them with other packages' tables. */
export type { AppsTables } from './tables.js';

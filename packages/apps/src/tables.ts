import type { TenancyTables } from '@ec3l/tenancy';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ModuleMetadata, OverrideStatus, OverrideType } from './core/overrides.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

type TemplateDomain = 'HR' | 'Finance' | 'Legal' | 'Facilities' | 'Custom' | 'ITSM';
type InstalledAppStatus = 'installed' | 'upgrading' | 'failed';
type InstallEventType = 'install_started' | 'install_completed' | 'install_failed';
type ModuleType = 'code' | 'schema' | 'workflow' | 'ui' | 'integration' | 'application';
type CapabilityProfile = 'CODE_MODULE_DEFAULT' | 'WORKFLOW_MODULE_DEFAULT' | 'READ_ONLY';

type TemplatesTable = {
  id: string;
  key: string;
  name: string;
  domain: TemplateDomain;
  version: string;
  description: string;
  is_global: boolean;
  package_key: string;
  package_version: string;
  created_at: Timestamp;
};

type TemplateModulesTable = {
  id: string;
  template_id: string;
  module_type: ModuleType;
  module_name: string;
  default_capability_profile: CapabilityProfile;
  order_index: number;
  metadata: Json<ModuleMetadata>;
};

type InstalledAppsTable = {
  tenant_id: string;
  id: string;
  project_id: string;
  template_id: string;
  template_key: string;
  template_version: string;
  status: InstalledAppStatus;
  package_install_id: string | null;
  installed_by: string | null;
  installed_at: Timestamp;
  updated_at: Timestamp;
  upgrade_started_at: NullableTimestamp;
};

type InstalledModulesTable = {
  tenant_id: string;
  id: string;
  installed_app_id: string;
  module_id: string;
  template_module_id: string;
  capability_profile: CapabilityProfile;
  is_override: Generated<boolean>;
  created_at: Timestamp;
};

type InstalledAppEventsTable = {
  tenant_id: string;
  id: string;
  installed_app_id: string | null;
  template_id: string;
  project_id: string | null;
  event_type: InstallEventType;
  error_details: NullableJson<{ code: string; message: string }>;
  details: Json<Record<string, unknown>>;
  actor: string | null;
  created_at: Timestamp;
};

type ModuleOverridesTable = {
  tenant_id: string;
  id: string;
  installed_module_id: string;
  override_type: OverrideType;
  target_ref: string;
  patch: Json<Record<string, unknown>>;
  summary: string | null;
  version: number;
  status: Generated<OverrideStatus>;
  created_by: string | null;
  created_at: Timestamp;
  activated_by: string | null;
  activated_at: NullableTimestamp;
  retired_by: string | null;
  retired_at: NullableTimestamp;
};

/** The apps tables, composed with tenancy's (installed modules are tenancy modules). */
export type AppsTables = TenancyTables & {
  templates: TemplatesTable;
  template_modules: TemplateModulesTable;
  installed_apps: InstalledAppsTable;
  installed_modules: InstalledModulesTable;
  installed_app_events: InstalledAppEventsTable;
  module_overrides: ModuleOverridesTable;
};

export type TemplateRow = Selectable<TemplatesTable>;
export type TemplateModuleRow = Selectable<TemplateModulesTable>;
export type InstalledAppRow = Selectable<InstalledAppsTable>;
export type InstalledModuleRow = Selectable<InstalledModulesTable>;
export type InstallEventRow = Selectable<InstalledAppEventsTable>;
export type OverrideRow = Selectable<ModuleOverridesTable>;

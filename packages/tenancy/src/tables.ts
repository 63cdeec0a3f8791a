import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

type TenantsTable = {
  id: string;
  slug: string;
  name: string;
  plan: Generated<string>;
  created_at: CreatedAt;
};

type TenantBootstrapAdminsTable = {
  tenant_id: string;
  user_id: string;
  created_at: CreatedAt;
};

type ProjectsTable = {
  tenant_id: string;
  id: string;
  name: string;
  description: string | null;
  github_repo: string | null;
  default_branch: Generated<string>;
  created_at: CreatedAt;
};

export type ModuleType = 'code' | 'schema' | 'workflow' | 'ui' | 'integration' | 'application';
export type CapabilityProfile = 'CODE_MODULE_DEFAULT' | 'WORKFLOW_MODULE_DEFAULT' | 'READ_ONLY';

type ModulesTable = {
  tenant_id: string;
  id: string;
  project_id: string;
  name: string;
  type: ModuleType;
  root_path: string;
  version: string;
  capability_profile: CapabilityProfile;
  created_at: CreatedAt;
};

export type EnvironmentName = 'dev' | 'test' | 'prod';

type EnvironmentsTable = {
  tenant_id: string;
  id: string;
  project_id: string;
  name: EnvironmentName;
  is_default: boolean;
  requires_promotion_approval: boolean;
  promotion_webhook_url: string | null;
  created_at: CreatedAt;
};

type EnvironmentReleasesTable = {
  tenant_id: string;
  id: string;
  project_id: string;
  environment_id: string;
  created_by: string | null;
  status: Generated<'created'>;
  created_at: CreatedAt;
};

type EnvironmentReleaseChangesTable = {
  tenant_id: string;
  release_id: string;
  change_id: string;
};

type EnvironmentDeploymentsTable = {
  tenant_id: string;
  id: string;
  project_id: string;
  environment_id: string;
  release_id: string;
  promoted_from_release_id: string | null;
  deployed_by: string | null;
  created_at: CreatedAt;
};

type ExecutionTelemetryEventsTable = {
  tenant_id: string;
  id: string;
  event_type: string;
  timestamp: Date;
  module_id: string;
  execution_type: 'workflow_step' | 'task' | 'agent_action';
  workflow_id: string | null;
  workflow_step_id: string | null;
  execution_id: string;
  actor_type: 'user' | 'agent' | 'system';
  actor_id: string | null;
  status: string;
  error_code: string | null;
  error_message: string | null;
  affected_record_ids: ColumnType<unknown, string | null, string | null>;
};

export type TenancyTables = {
  tenants: TenantsTable;
  tenant_bootstrap_admins: TenantBootstrapAdminsTable;
  projects: ProjectsTable;
  modules: ModulesTable;
  environments: EnvironmentsTable;
  environment_releases: EnvironmentReleasesTable;
  environment_release_changes: EnvironmentReleaseChangesTable;
  environment_deployments: EnvironmentDeploymentsTable;
  execution_telemetry_events: ExecutionTelemetryEventsTable;
};

export type TenantRow = Selectable<TenantsTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type ModuleRow = Selectable<ModulesTable>;
export type EnvironmentRow = Selectable<EnvironmentsTable>;

import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

type SeedModule = {
  name: string;
  type: 'code' | 'schema' | 'workflow' | 'ui' | 'integration' | 'application';
  profile: 'CODE_MODULE_DEFAULT' | 'WORKFLOW_MODULE_DEFAULT' | 'READ_ONLY';
  description: string;
  config: Record<string, unknown>;
  recordTypes?: string[];
  workflows?: string[];
  rules?: string[];
};

type SeedTemplate = {
  id: string;
  key: string;
  name: string;
  domain: 'HR' | 'Finance' | 'Legal' | 'Facilities' | 'Custom' | 'ITSM';
  version: string;
  description: string;
  packageKey: string;
  modules: (SeedModule & { id: string })[];
};

const hrModules = (ids: [string, string]): (SeedModule & { id: string })[] => [
  {
    id: ids[0],
    name: 'hr-core',
    type: 'schema',
    profile: 'CODE_MODULE_DEFAULT',
    description: 'Departments, positions and employees',
    config: { employeeIdPrefix: 'EMP', probationDays: 90, allowContractors: true },
    recordTypes: ['department', 'position', 'employee'],
    rules: ['assignment:employee'],
  },
  {
    id: ids[1],
    name: 'hr-onboarding',
    type: 'workflow',
    profile: 'WORKFLOW_MODULE_DEFAULT',
    description: 'The onboarding of new employees, approved by HR managers',
    config: { approvalRequired: true, reminderHours: 24, notifyChannel: 'email' },
    recordTypes: ['employee'],
    workflows: ['employee_onboarding'],
  },
];

/** The catalog as first shipped; later catalog versions are new migrations. */
const CATALOG: SeedTemplate[] = [
  {
    id: '0b5f8a6e-1f3c-4e55-9a51-000000000101',
    key: 'hr',
    name: 'HR',
    domain: 'HR',
    version: '1.0.0',
    description: 'Departments, positions and employees, with an onboarding workflow approved by HR managers',
    packageKey: 'hr.lite',
    modules: hrModules(['0b5f8a6e-1f3c-4e55-9a51-000000001011', '0b5f8a6e-1f3c-4e55-9a51-000000001012']),
  },
  {
    id: '0b5f8a6e-1f3c-4e55-9a51-000000000102',
    key: 'hr',
    name: 'HR',
    domain: 'HR',
    version: '1.1.0',
    description: 'HR 1.0 plus work phones and department locations, and an employee directory',
    packageKey: 'hr.lite',
    modules: [
      ...hrModules(['0b5f8a6e-1f3c-4e55-9a51-000000001021', '0b5f8a6e-1f3c-4e55-9a51-000000001022']),
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000001023',
        name: 'hr-directory',
        type: 'ui',
        profile: 'READ_ONLY',
        description: 'A read-only directory of employees and departments',
        config: { showPhone: true, pageSize: 25 },
        recordTypes: ['employee', 'department'],
      },
    ],
  },
  {
    id: '0b5f8a6e-1f3c-4e55-9a51-000000000201',
    key: 'itsm',
    name: 'IT Service Management',
    domain: 'ITSM',
    version: '1.0.0',
    description:
      'Incidents, problems and change requests with SLAs, assignment by category and P1 escalation',
    packageKey: 'itsm.lite',
    modules: [
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000002011',
        name: 'itsm-service-desk',
        type: 'schema',
        profile: 'CODE_MODULE_DEFAULT',
        description: 'Tasks, incidents, problems and change requests',
        config: { defaultPriority: 'p3', autoAssign: true },
        recordTypes: ['task', 'incident', 'problem', 'change_request'],
        rules: ['assignment:incident', 'assignment:problem', 'sla:incident', 'sla:problem'],
      },
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000002012',
        name: 'itsm-escalation',
        type: 'workflow',
        profile: 'WORKFLOW_MODULE_DEFAULT',
        description: 'The escalation of incidents raised to P1',
        config: { escalateAfterMinutes: 60 },
        recordTypes: ['incident'],
        workflows: ['incident_p1_escalation'],
      },
    ],
  },
  {
    id: '0b5f8a6e-1f3c-4e55-9a51-000000000301',
    key: 'finance',
    name: 'Finance',
    domain: 'Finance',
    version: '1.0.0',
    description: 'Budgets and expense reports, with an approval of each submitted expense report',
    packageKey: 'finance.lite',
    modules: [
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000003011',
        name: 'finance-expenses',
        type: 'schema',
        profile: 'CODE_MODULE_DEFAULT',
        description: 'Budgets and expense reports',
        config: { currency: 'EUR', approvalLimit: 5000 },
        recordTypes: ['budget', 'expense_report'],
        rules: ['assignment:expense_report'],
      },
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000003012',
        name: 'finance-approvals',
        type: 'workflow',
        profile: 'WORKFLOW_MODULE_DEFAULT',
        description: 'The approval of expense reports',
        config: { approvalRequired: true },
        recordTypes: ['expense_report'],
        workflows: ['expense_approval'],
      },
    ],
  },
  {
    id: '0b5f8a6e-1f3c-4e55-9a51-000000000401',
    key: 'legal',
    name: 'Legal',
    domain: 'Legal',
    version: '1.0.0',
    description: 'Contracts and legal matters, with a counsel review of each new contract',
    packageKey: 'legal.lite',
    modules: [
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000004011',
        name: 'legal-contracts',
        type: 'schema',
        profile: 'CODE_MODULE_DEFAULT',
        description: 'Contracts and legal matters',
        config: { renewalNoticeDays: 60 },
        recordTypes: ['legal_matter', 'contract'],
      },
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000004012',
        name: 'legal-review',
        type: 'workflow',
        profile: 'WORKFLOW_MODULE_DEFAULT',
        description: 'The counsel review of new contracts',
        config: { reviewDays: 5 },
        recordTypes: ['contract'],
        workflows: ['contract_review'],
      },
    ],
  },
  {
    id: '0b5f8a6e-1f3c-4e55-9a51-000000000501',
    key: 'facilities',
    name: 'Facilities',
    domain: 'Facilities',
    version: '1.0.0',
    description: 'Sites and maintenance requests, assigned to facilities operations',
    packageKey: 'facilities.lite',
    modules: [
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000005011',
        name: 'facilities-requests',
        type: 'schema',
        profile: 'CODE_MODULE_DEFAULT',
        description: 'Sites and maintenance requests',
        config: { urgentResponseHours: 4, requireSite: false },
        recordTypes: ['site', 'maintenance_request'],
        rules: ['assignment:maintenance_request'],
      },
    ],
  },
  {
    id: '0b5f8a6e-1f3c-4e55-9a51-000000000601',
    key: 'custom',
    name: 'Custom app',
    domain: 'Custom',
    version: '1.0.0',
    description: 'An empty app to build on',
    packageKey: 'custom.starter',
    modules: [
      {
        id: '0b5f8a6e-1f3c-4e55-9a51-000000006011',
        name: 'custom-app',
        type: 'application',
        profile: 'CODE_MODULE_DEFAULT',
        description: 'The app the tenant builds',
        config: { displayName: 'Custom app' },
      },
    ],
  },
];

/**
 * Apps: the global template catalog (no tenant, no row-level security, seeded here) and, per tenant,
 * installed apps (one per template key), their installed modules (each a tenancy module of the project),
 * the install events, and module overrides (versioned per target; at most one active per target, held
 * by a partial unique index).
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('templates')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('is_global', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('package_key', 'text', (c) => c.notNull())
    .addColumn('package_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('templates_key_version_unique', ['key', 'version'])
    .addCheckConstraint(
      'templates_domain_check',
      sql`domain in ('HR', 'Finance', 'Legal', 'Facilities', 'Custom', 'ITSM')`,
    )
    .execute();

  await db.schema
    .createTable('template_modules')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('template_id', 'uuid', (c) => c.notNull().references('templates.id').onDelete('cascade'))
    .addColumn('module_type', 'text', (c) => c.notNull())
    .addColumn('module_name', 'text', (c) => c.notNull())
    .addColumn('default_capability_profile', 'text', (c) => c.notNull())
    .addColumn('order_index', 'integer', (c) => c.notNull())
    .addColumn('metadata', 'jsonb', (c) => c.notNull())
    .addUniqueConstraint('template_modules_name_unique', ['template_id', 'module_name'])
    .addCheckConstraint(
      'template_modules_type_check',
      sql`module_type in ('code', 'schema', 'workflow', 'ui', 'integration', 'application')`,
    )
    .addCheckConstraint(
      'template_modules_profile_check',
      sql`default_capability_profile in ('CODE_MODULE_DEFAULT', 'WORKFLOW_MODULE_DEFAULT', 'READ_ONLY')`,
    )
    .execute();

  await db.schema
    .createTable('installed_apps')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('template_id', 'uuid', (c) => c.notNull().references('templates.id'))
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('template_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('package_install_id', 'uuid')
    .addColumn('installed_by', 'text')
    .addColumn('installed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('upgrade_started_at', 'timestamptz')
    .addPrimaryKeyConstraint('installed_apps_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('installed_apps_template_unique', ['tenant_id', 'template_key'])
    .addForeignKeyConstraint(
      'installed_apps_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'installed_apps_package_install_fk',
      ['tenant_id', 'package_install_id'],
      'graph_package_installs',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint('installed_apps_status_check', sql`status in ('installed', 'upgrading', 'failed')`)
    .execute();
  await rls(db, 'installed_apps');

  await db.schema
    .createTable('installed_modules')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('installed_app_id', 'uuid', (c) => c.notNull())
    .addColumn('module_id', 'uuid', (c) => c.notNull())
    .addColumn('template_module_id', 'uuid', (c) => c.notNull().references('template_modules.id'))
    .addColumn('capability_profile', 'text', (c) => c.notNull())
    .addColumn('is_override', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('installed_modules_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('installed_modules_module_unique', ['tenant_id', 'module_id'])
    .addForeignKeyConstraint(
      'installed_modules_app_fk',
      ['tenant_id', 'installed_app_id'],
      'installed_apps',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'installed_modules_module_fk',
      ['tenant_id', 'module_id'],
      'modules',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'installed_modules_profile_check',
      sql`capability_profile in ('CODE_MODULE_DEFAULT', 'WORKFLOW_MODULE_DEFAULT', 'READ_ONLY')`,
    )
    .execute();
  await sql`create index installed_modules_app_idx on installed_modules (tenant_id, installed_app_id)`.execute(
    db,
  );
  await rls(db, 'installed_modules');

  // An install that fails leaves no app row: its install_failed event names the template and project only.
  await db.schema
    .createTable('installed_app_events')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('installed_app_id', 'uuid')
    .addColumn('template_id', 'uuid', (c) => c.notNull().references('templates.id'))
    .addColumn('project_id', 'uuid')
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('error_details', 'jsonb')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('actor', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('installed_app_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'installed_app_events_app_fk',
      ['tenant_id', 'installed_app_id'],
      'installed_apps',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'installed_app_events_type_check',
      sql`event_type in ('install_started', 'install_completed', 'install_failed')`,
    )
    .execute();
  await sql`create index installed_app_events_list_idx
    on installed_app_events (tenant_id, created_at desc, id desc)`.execute(db);
  await sql`create index installed_app_events_app_idx
    on installed_app_events (tenant_id, installed_app_id, created_at)`.execute(db);
  await rls(db, 'installed_app_events');

  await db.schema
    .createTable('module_overrides')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('installed_module_id', 'uuid', (c) => c.notNull())
    .addColumn('override_type', 'text', (c) => c.notNull())
    .addColumn('target_ref', 'text', (c) => c.notNull())
    .addColumn('patch', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('activated_by', 'text')
    .addColumn('activated_at', 'timestamptz')
    .addColumn('retired_by', 'text')
    .addColumn('retired_at', 'timestamptz')
    .addPrimaryKeyConstraint('module_overrides_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('module_overrides_version_unique', [
      'tenant_id',
      'installed_module_id',
      'override_type',
      'target_ref',
      'version',
    ])
    .addForeignKeyConstraint(
      'module_overrides_module_fk',
      ['tenant_id', 'installed_module_id'],
      'installed_modules',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'module_overrides_type_check',
      sql`override_type in ('workflow', 'form', 'rule', 'config')`,
    )
    .addCheckConstraint('module_overrides_status_check', sql`status in ('draft', 'active', 'retired')`)
    .addCheckConstraint('module_overrides_version_check', sql`version >= 1`)
    .execute();
  // OV1 held by the database: at most one active override per target of a module.
  await sql`create unique index module_overrides_one_active
    on module_overrides (tenant_id, installed_module_id, override_type, target_ref)
    where status = 'active'`.execute(db);
  await sql`create index module_overrides_list_idx
    on module_overrides (tenant_id, created_at desc, id desc)`.execute(db);
  await rls(db, 'module_overrides');

  for (const t of CATALOG) {
    await db
      .insertInto('templates')
      .values({
        id: t.id,
        key: t.key,
        name: t.name,
        domain: t.domain,
        version: t.version,
        description: t.description,
        is_global: true,
        package_key: t.packageKey,
        package_version: t.version,
      })
      .execute();
    await db
      .insertInto('template_modules')
      .values(
        t.modules.map((m, i) => ({
          id: m.id,
          template_id: t.id,
          module_type: m.type,
          module_name: m.name,
          default_capability_profile: m.profile,
          order_index: i,
          metadata: JSON.stringify({
            description: m.description,
            config: m.config,
            recordTypes: m.recordTypes ?? [],
            workflows: m.workflows ?? [],
            rules: m.rules ?? [],
          }),
        })),
      )
      .execute();
  }
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of [
    'module_overrides',
    'installed_app_events',
    'installed_modules',
    'installed_apps',
    'template_modules',
    'templates',
  ])
    await db.schema.dropTable(table).execute();
};

import { Nullable, Text, Uuid } from '@ec3l/kernel';
import { type Static, type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox';

/** A union of string literals that keeps its static type. */
const literals = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;

const DateTime = Type.String({ format: 'date-time' });
const Id = Type.String({ format: 'uuid' });

const Domain = literals(['HR', 'Finance', 'Legal', 'Facilities', 'Custom', 'ITSM'], {
  description: 'templateDomain',
});
const ModuleTypeSchema = literals(['code', 'schema', 'workflow', 'ui', 'integration', 'application']);
const ProfileSchema = literals(['CODE_MODULE_DEFAULT', 'WORKFLOW_MODULE_DEFAULT', 'READ_ONLY']);
export const OverrideTypeSchema = literals(['workflow', 'form', 'rule', 'config'], {
  description: 'overrideType',
});
export const OverrideStatusSchema = literals(['draft', 'active', 'retired'], {
  description: 'overrideStatus',
});
const AppStatusSchema = literals(['installed', 'upgrading', 'failed'], { description: 'installedAppStatus' });
export const InstallEventTypeSchema = literals(['install_started', 'install_completed', 'install_failed'], {
  description: 'installEventType',
});

export const TemplateSchema = Type.Object(
  {
    id: Id,
    key: Type.String({ description: 'The template; its versions share the key' }),
    name: Type.String(),
    domain: Domain,
    version: Type.String(),
    description: Type.String(),
    isGlobal: Type.Boolean(),
    packageKey: Type.String({ description: 'The graph package the template installs' }),
    packageVersion: Type.String(),
    isLatest: Type.Boolean({ description: 'The newest version of the template' }),
    moduleCount: Type.Integer(),
  },
  { $id: 'Template', additionalProperties: false },
);

const ModuleMetadataSchema = Type.Object(
  {
    description: Type.String(),
    config: Type.Record(Type.String(), Type.Unknown(), { description: "The module's default configuration" }),
    recordTypes: Type.Array(Type.String(), {
      description: 'Record types of the package the module governs (form targets)',
    }),
    workflows: Type.Array(Type.String(), {
      description: 'Workflows of the package the module governs (workflow targets)',
    }),
    rules: Type.Array(Type.String(), {
      description: 'Rules of the package the module governs (rule targets: assignment:<type>, sla:<type>)',
    }),
  },
  { additionalProperties: false },
);

export const TemplateModuleSchema = Type.Object(
  {
    id: Id,
    templateId: Id,
    moduleType: ModuleTypeSchema,
    moduleName: Type.String(),
    defaultCapabilityProfile: ProfileSchema,
    orderIndex: Type.Integer(),
    metadata: ModuleMetadataSchema,
  },
  { $id: 'TemplateModule', additionalProperties: false },
);

export const TemplateDetailSchema = Type.Composite(
  [Type.Omit(TemplateSchema, []), Type.Object({ modules: Type.Array(Type.Ref('TemplateModule')) })],
  { $id: 'TemplateDetail', additionalProperties: false },
);

export const InstalledAppSchema = Type.Object(
  {
    id: Id,
    projectId: Id,
    templateId: Id,
    templateKey: Type.String(),
    templateName: Type.String(),
    domain: Domain,
    templateVersion: Type.String(),
    latestVersion: Type.String({
      description: "The newest version of the app's template (upgrade when higher)",
    }),
    status: AppStatusSchema,
    packageInstallId: Nullable(Id),
    installedBy: Nullable(Type.String()),
    installedAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'InstalledApp', additionalProperties: false },
);

export const InstalledModuleSchema = Type.Object(
  {
    id: Id,
    installedAppId: Id,
    moduleId: Id,
    moduleName: Type.String(),
    moduleType: ModuleTypeSchema,
    moduleVersion: Type.String(),
    templateModuleId: Id,
    capabilityProfile: ProfileSchema,
    isOverride: Type.Boolean({ description: 'The module has an active override' }),
    createdAt: DateTime,
  },
  { $id: 'InstalledModule', additionalProperties: false },
);

export const InstallEventSchema = Type.Object(
  {
    id: Id,
    installedAppId: Nullable(Id),
    templateId: Id,
    projectId: Nullable(Id),
    eventType: InstallEventTypeSchema,
    errorDetails: Nullable(
      Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
    ),
    details: Type.Record(Type.String(), Type.Unknown()),
    actor: Nullable(Type.String()),
    createdAt: DateTime,
  },
  { $id: 'InstallEvent', additionalProperties: false },
);

export const InstalledAppDetailSchema = Type.Composite(
  [
    Type.Omit(InstalledAppSchema, []),
    Type.Object({
      modules: Type.Array(Type.Ref('InstalledModule')),
      events: Type.Array(Type.Ref('InstallEvent')),
    }),
  ],
  { $id: 'InstalledAppDetail', additionalProperties: false },
);

export const ModuleOverrideSchema = Type.Object(
  {
    id: Id,
    installedModuleId: Id,
    overrideType: OverrideTypeSchema,
    targetRef: Type.String(),
    patch: Type.Record(Type.String(), Type.Unknown()),
    summary: Nullable(Type.String()),
    version: Type.Integer({
      description: 'The version among the overrides of the same target of the module',
    }),
    status: OverrideStatusSchema,
    createdBy: Nullable(Type.String()),
    createdAt: DateTime,
    activatedBy: Nullable(Type.String()),
    activatedAt: Nullable(DateTime),
    retiredBy: Nullable(Type.String()),
    retiredAt: Nullable(DateTime),
  },
  { $id: 'ModuleOverride', additionalProperties: false },
);

export const ResolvedModuleSchema = Type.Object(
  {
    installedModuleId: Id,
    moduleName: Type.String(),
    templateModuleId: Id,
    config: Type.Record(Type.String(), Type.Unknown(), { description: 'The effective configuration' }),
    values: Type.Array(
      Type.Object(
        {
          key: Type.String(),
          value: Type.Unknown(),
          source: Type.Union([Type.Literal('template'), Type.Literal('override')]),
          templateValue: Type.Unknown(),
          overrideId: Nullable(Id),
          overrideVersion: Nullable(Type.Integer()),
        },
        { additionalProperties: false },
      ),
      {
        description:
          'Each configuration value with its provenance: the template default or an override version',
      },
    ),
    overrides: Type.Array(Type.Ref('ModuleOverride'), {
      description: 'The active workflow, form and rule overrides of the module',
    }),
  },
  { $id: 'ResolvedModule', additionalProperties: false },
);

const ConfigValueSchema = Type.Union(
  [
    Text({ maxLength: 2000 }),
    Type.Number(),
    Type.Boolean(),
    Type.Null(),
    Type.Array(Type.Unknown(), { maxItems: 100 }),
    Type.Record(Type.String(), Type.Unknown(), { maxProperties: 100 }),
  ],
  { description: 'A JSON value of the JSON type of the default' },
);

const TargetRef = Text({ minLength: 1, maxLength: 200 });
const common = {
  installedModuleId: Uuid(),
  targetRef: TargetRef,
  summary: Type.Optional(Text({ maxLength: 500 })),
};
const PartPatch = Type.Record(Type.String(), Type.Unknown(), {
  maxProperties: 50,
  description: 'The changes to the target, as the part it overrides reads them',
});

const ConfigOverrideBodySchema = Type.Object(
  {
    overrideType: Type.Literal('config'),
    ...common,
    patch: Type.Object({ value: ConfigValueSchema }, { additionalProperties: false }),
  },
  { $id: 'CreateModuleConfigOverrideBody', additionalProperties: false },
);
const partBody = (type: 'workflow' | 'form' | 'rule', id: string) =>
  Type.Object(
    { overrideType: Type.Literal(type), ...common, patch: PartPatch },
    { $id: id, additionalProperties: false },
  );
const WorkflowOverrideBodySchema = partBody('workflow', 'CreateModuleWorkflowOverrideBody');
const FormOverrideBodySchema = partBody('form', 'CreateModuleFormOverrideBody');
const RuleOverrideBodySchema = partBody('rule', 'CreateModuleRuleOverrideBody');

export type CreateOverrideBody =
  | Static<typeof ConfigOverrideBodySchema>
  | Static<typeof WorkflowOverrideBodySchema>
  | Static<typeof FormOverrideBodySchema>
  | Static<typeof RuleOverrideBodySchema>;

// oneOf with a discriminator: the server's validator dispatches on overrideType, like clients do.
export const CreateOverrideBodySchema = Type.Unsafe<CreateOverrideBody>({
  $id: 'CreateModuleOverrideBody',
  type: 'object',
  description:
    'A draft override of one target of an installed module; the patch depends on the override type',
  oneOf: [
    ConfigOverrideBodySchema,
    WorkflowOverrideBodySchema,
    FormOverrideBodySchema,
    RuleOverrideBodySchema,
  ].map((m) => Type.Ref(m.$id as string)),
  discriminator: { propertyName: 'overrideType' },
});

export const InstallTemplateBodySchema = Type.Object(
  { projectId: Uuid({ description: 'The project the app, its modules and its package go into' }) },
  { $id: 'InstallTemplateBody', additionalProperties: false },
);

export const UpgradeAppBodySchema = Type.Object(
  {
    templateId: Type.Optional(
      Uuid({ description: "A newer version of the app's template; the newest when absent" }),
    ),
  },
  { $id: 'UpgradeAppBody', additionalProperties: false },
);

export type Template = Static<typeof TemplateSchema>;
export type TemplateModule = Static<typeof TemplateModuleSchema>;
export type InstalledApp = Static<typeof InstalledAppSchema>;
export type InstalledModule = Static<typeof InstalledModuleSchema>;
export type InstallEvent = Static<typeof InstallEventSchema>;
export type ModuleOverride = Static<typeof ModuleOverrideSchema>;
export type InstalledAppDetail = InstalledApp & { modules: InstalledModule[]; events: InstallEvent[] };
export type ResolvedModule = Static<typeof ResolvedModuleSchema>;

/** Every schema with an $id, in dependency order, for the gateway to register. */
export const appsSchemas: TSchema[] = [
  TemplateSchema,
  TemplateModuleSchema,
  TemplateDetailSchema,
  InstalledAppSchema,
  InstalledModuleSchema,
  InstallEventSchema,
  InstalledAppDetailSchema,
  ModuleOverrideSchema,
  ResolvedModuleSchema,
  ConfigOverrideBodySchema,
  WorkflowOverrideBodySchema,
  FormOverrideBodySchema,
  RuleOverrideBodySchema,
  CreateOverrideBodySchema,
  InstallTemplateBodySchema,
  UpgradeAppBodySchema,
];

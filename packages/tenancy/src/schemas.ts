import { Name, Text, Uuid } from '@ec3l/kernel';
import { type Static, Type } from '@sinclair/typebox';

const Timestamp = Type.String({ format: 'date-time' });

export const TenantSchema = Type.Object(
  {
    slug: Type.String({ description: 'Send as the x-tenant-id header' }),
    name: Type.String(),
    plan: Type.String(),
    createdAt: Timestamp,
  },
  { $id: 'Tenant' },
);
export type Tenant = Static<typeof TenantSchema>;

export const ProjectSchema = Type.Object(
  {
    id: Uuid(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    githubRepo: Type.Union([Type.String(), Type.Null()]),
    defaultBranch: Type.String(),
    createdAt: Timestamp,
  },
  { $id: 'Project' },
);
export type Project = Static<typeof ProjectSchema>;

export const CreateProjectBodySchema = Type.Object(
  {
    name: Name({ maxLength: 120, description: 'Unique within the tenant' }),
    description: Type.Optional(Type.Union([Text({ maxLength: 2000 }), Type.Null()])),
    githubRepo: Type.Optional(Type.Union([Text({ maxLength: 300 }), Type.Null()])),
    defaultBranch: Type.Optional(Text({ minLength: 1, maxLength: 200 })),
  },
  { $id: 'CreateProjectBody', additionalProperties: false },
);

export const ModuleSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
    name: Type.String(),
    type: Type.Union(
      ['code', 'schema', 'workflow', 'ui', 'integration', 'application'].map((t) => Type.Literal(t)),
    ),
    rootPath: Type.String(),
    version: Type.String(),
    capabilityProfile: Type.Union(
      ['CODE_MODULE_DEFAULT', 'WORKFLOW_MODULE_DEFAULT', 'READ_ONLY'].map((t) => Type.Literal(t)),
    ),
    createdAt: Timestamp,
  },
  { $id: 'Module' },
);
export type Module = Static<typeof ModuleSchema>;

export const EnvironmentSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
    name: Type.Union([Type.Literal('dev'), Type.Literal('test'), Type.Literal('prod')]),
    isDefault: Type.Boolean(),
    requiresPromotionApproval: Type.Boolean(),
    promotionWebhookUrl: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'Environment' },
);
export type Environment = Static<typeof EnvironmentSchema>;

export const DashboardSummarySchema = Type.Object(
  { projects: Type.Integer(), environments: Type.Integer() },
  { $id: 'DashboardSummary' },
);
export type DashboardSummary = Static<typeof DashboardSummarySchema>;

export const TelemetryEventSchema = Type.Object(
  {
    id: Uuid(),
    eventType: Type.String(),
    timestamp: Timestamp,
    moduleId: Type.String(),
    executionType: Type.String(),
    workflowId: Type.Union([Type.String(), Type.Null()]),
    workflowStepId: Type.Union([Type.String(), Type.Null()]),
    executionId: Type.String({ description: 'The entity the event is about' }),
    actorType: Type.Union([Type.Literal('user'), Type.Literal('agent'), Type.Literal('system')]),
    actorId: Type.Union([Type.String(), Type.Null()]),
    status: Type.String(),
    errorCode: Type.Union([Type.String(), Type.Null()]),
    errorMessage: Type.Union([Type.String(), Type.Null()]),
    affectedRecordIds: Type.Unknown(),
  },
  { $id: 'TelemetryEvent' },
);
export type TelemetryEvent = Static<typeof TelemetryEventSchema>;

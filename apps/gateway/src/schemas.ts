import {
  AgentRunSchema,
  ChangeEventSchema,
  ChangeSchema,
  ChangeStatusBodySchema,
  CreateAgentRunBodySchema,
  CreateChangeBodySchema,
  CreatePatchOpBodySchema,
  CreateTargetBodySchema,
  changeVariantSchemas,
  ExecutionErrorSchema,
  ExecutionResultSchema,
  GraphDiffSchema,
  MergeResultSchema,
  OwnSchemaSchema,
  PatchOpSchema,
  SchemaFieldSchema,
  SnapshotSchema,
  TargetSchema,
  WorkspaceSchema,
} from '@ec3l/change-engine';
import { PackageDiffSchema, PackageObjectDiffSchema } from '@ec3l/graph-packages';
import { Text, Uuid } from '@ec3l/kernel';
import { promotionSchemas } from '@ec3l/promotion';
import {
  AddRolePermissionBodySchema,
  AgentRoleSchema,
  AssignRoleBodySchema,
  AuditLogSchema,
  CreatePolicyBodySchema,
  CreateRoleBodySchema,
  ExplanationSchema,
  MeSchema,
  PermissionSchema,
  PolicySchema,
  RoleSchema,
  UserRoleSchema,
} from '@ec3l/rbac';
import {
  AssignmentConfigSchema,
  ChoiceItemInputSchema,
  ChoiceItemSchema,
  ChoiceListSchema,
  CreateChoiceListBodySchema,
  CreateRecordInstanceBodySchema,
  CreateRecordTypeBodySchema,
  FieldInputSchema,
  FieldSchema,
  ProcessTimersBodySchema,
  ProcessTimersResultSchema,
  RecordInstanceSchema,
  RecordLockCheckSchema,
  RecordLockSchema,
  RecordTimerSchema,
  RecordTypeSchema,
  SlaConfigSchema,
  UpdateRecordInstanceBodySchema,
  UpdateRecordTypeConfigBodySchema,
} from '@ec3l/records';
import {
  CreateProjectBodySchema,
  DashboardSummarySchema,
  EnvironmentSchema,
  ModuleSchema,
  ProjectSchema,
  TelemetryEventSchema,
  TenantSchema,
} from '@ec3l/tenancy';
import {
  AddStepBodySchema,
  ApprovalSchema,
  CreateTriggerBodySchema,
  CreateWorkflowDefinitionBodySchema,
  DecideBodySchema,
  DispatchResultSchema,
  EnqueuedIntentSchema,
  ExecuteBodySchema,
  FireTriggerBodySchema,
  RecordEventBodySchema,
  RecordEventResultSchema,
  ResumeBodySchema,
  StepExecutionSchema,
  triggerVariantSchemas,
  UpdateStepBodySchema,
  WorkflowDefinitionSchema,
  WorkflowExecutionSchema,
  WorkflowIntentSchema,
  WorkflowStepSchema,
  WorkflowTriggerSchema,
  workflowVariantSchemas,
} from '@ec3l/workflow';
import { type Static, type TSchema, type TString, Type } from '@sinclair/typebox';
import { agentSchemas } from './agent-schemas.js';
import { AuditFeedEntrySchema } from './flows/audit-feed.js';
import { errorSchemas } from './plugins/errors.js';

/** Schemas registered once with Fastify and published as OpenAPI components, named by $id. */
export const sharedSchemas: TSchema[] = [
  TenantSchema,
  ProjectSchema,
  CreateProjectBodySchema,
  ModuleSchema,
  EnvironmentSchema,
  DashboardSummarySchema,
  TelemetryEventSchema,
  PermissionSchema,
  RoleSchema,
  CreateRoleBodySchema,
  AddRolePermissionBodySchema,
  UserRoleSchema,
  AgentRoleSchema,
  AssignRoleBodySchema,
  PolicySchema,
  CreatePolicyBodySchema,
  AuditLogSchema,
  ExplanationSchema,
  MeSchema,
  AuditFeedEntrySchema,
  FieldInputSchema,
  FieldSchema,
  AssignmentConfigSchema,
  SlaConfigSchema,
  RecordTypeSchema,
  CreateRecordTypeBodySchema,
  UpdateRecordTypeConfigBodySchema,
  ChoiceListSchema,
  ChoiceItemSchema,
  ChoiceItemInputSchema,
  CreateChoiceListBodySchema,
  RecordInstanceSchema,
  CreateRecordInstanceBodySchema,
  UpdateRecordInstanceBodySchema,
  RecordTimerSchema,
  ProcessTimersBodySchema,
  ProcessTimersResultSchema,
  RecordLockSchema,
  RecordLockCheckSchema,
  ExecutionErrorSchema,
  SchemaFieldSchema,
  OwnSchemaSchema,
  ...changeVariantSchemas,
  ChangeSchema,
  CreateChangeBodySchema,
  ChangeStatusBodySchema,
  TargetSchema,
  CreateTargetBodySchema,
  PatchOpSchema,
  CreatePatchOpBodySchema,
  ChangeEventSchema,
  SnapshotSchema,
  GraphDiffSchema,
  ExecutionResultSchema,
  MergeResultSchema,
  WorkspaceSchema,
  AgentRunSchema,
  CreateAgentRunBodySchema,
  WorkflowDefinitionSchema,
  CreateWorkflowDefinitionBodySchema,
  ...workflowVariantSchemas,
  WorkflowStepSchema,
  AddStepBodySchema,
  WorkflowExecutionSchema,
  StepExecutionSchema,
  ApprovalSchema,
  DecideBodySchema,
  ResumeBodySchema,
  UpdateStepBodySchema,
  ExecuteBodySchema,
  ...triggerVariantSchemas,
  WorkflowTriggerSchema,
  CreateTriggerBodySchema,
  FireTriggerBodySchema,
  RecordEventBodySchema,
  EnqueuedIntentSchema,
  RecordEventResultSchema,
  WorkflowIntentSchema,
  DispatchResultSchema,
  PackageObjectDiffSchema,
  PackageDiffSchema,
  ...promotionSchemas,
  ...agentSchemas,
  ...errorSchemas,
];

/** A reference to a shared schema that keeps its static type. */
export const ref = <T extends TSchema>(schema: T) => {
  if (!schema.$id) throw new Error('only schemas with an $id can be referenced');
  return Type.Unsafe<Static<T>>(Type.Ref(schema.$id));
};

/** Path parameters named by their resource: `{ projectId }`, `{ changeId }` … (uuids). */
const uuidParams = <K extends string>(name: K) => Type.Object({ [name]: Uuid() } as Record<K, TString>);

export const ProjectParamsSchema = uuidParams('projectId');
export const EnvironmentParamsSchema = uuidParams('environmentId');
export const ChangeParamsSchema = uuidParams('changeId');
export const RecordTypeParamsSchema = uuidParams('recordTypeId');
export const ChoiceListParamsSchema = uuidParams('choiceListId');
export const RecordParamsSchema = uuidParams('recordId');
export const RoleParamsSchema = uuidParams('roleId');
export const PolicyParamsSchema = uuidParams('policyId');

export const PageQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(
    Text({ maxLength: 4096, description: 'The x-next-cursor header of the previous page' }),
  ),
});

export const NEXT_CURSOR = 'x-next-cursor';

/** The response header of paginated lists, for OpenAPI. */
export const nextCursorHeader = {
  [NEXT_CURSOR]: Type.String({ description: 'Cursor of the next page; absent on the last page' }),
};

/** The default page size of lists that take PageQuerySchema. */
export const DEFAULT_PAGE_SIZE = 50;

/** How a paginated list says so in its description. */
export const PAGE_DESCRIPTION = `Paginated: pass limit (default ${DEFAULT_PAGE_SIZE}) and the ${NEXT_CURSOR} response header as cursor for the next page.`;

/** Sends a page's items, and its next cursor as the x-next-cursor header when there is one. */
export const sendPage = <T>(
  reply: { header(name: string, value: string): unknown },
  page: { items: T[]; nextCursor: string | null },
): T[] => {
  if (page.nextCursor) reply.header(NEXT_CURSOR, page.nextCursor);
  return page.items;
};

/** The page a PageQuerySchema querystring asks for, with the default limit. */
export const pageRequestOf = (query: { limit?: number; cursor?: string }) => ({
  limit: query.limit ?? DEFAULT_PAGE_SIZE,
  ...(query.cursor ? { cursor: query.cursor } : {}),
});

/** Audit reads leave out allow decisions on read-only requests (the console's own checks) unless asked. */
export const IncludeReadsQuery = Type.Optional(
  Type.Boolean({ description: 'Also list allow decisions made on read-only requests', default: false }),
);

import { Name, Text } from '@ec3l/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { CHANGE_STATUSES } from './core/lifecycle.js';
import { OP_TYPES } from './core/ops.js';
import { TARGET_TYPES } from './core/selectors.js';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const StatusSchema = Type.Union(CHANGE_STATUSES.map((s) => Type.Literal(s)));

export const ExecutionErrorSchema = Type.Object(
  {
    phase: Type.Union([Type.Literal('load'), Type.Literal('graph'), Type.Literal('transform')]),
    code: Type.String(),
    message: Type.String(),
    recordTypeKey: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    opId: Type.Optional(Type.String()),
  },
  { $id: 'ExecutionError' },
);

export const ChangeSchema = Type.Object(
  {
    id: Uuid,
    projectId: Uuid,
    title: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    moduleId: NullableUuid,
    environmentId: NullableUuid,
    status: StatusSchema,
    revertsChangeId: NullableUuid,
    validationErrors: Type.Union([Type.Array(Type.Ref('ExecutionError')), Type.Null()]),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    mergedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'Change' },
);
export type Change = Static<typeof ChangeSchema>;

export const CreateChangeBodySchema = Type.Object(
  {
    projectId: Uuid,
    title: Name({ maxLength: 300 }),
    description: Type.Optional(Type.Union([Text({ maxLength: 5000 }), Type.Null()])),
    moduleId: Type.Optional(NullableUuid),
    environmentId: Type.Optional(NullableUuid),
  },
  { $id: 'CreateChangeBody', additionalProperties: false },
);
export type CreateChangeBody = Static<typeof CreateChangeBodySchema>;

export const ChangeStatusBodySchema = Type.Object(
  { status: StatusSchema },
  { $id: 'ChangeStatusBody', additionalProperties: false },
);

export const TargetSchema = Type.Object(
  {
    id: Uuid,
    changeId: Uuid,
    projectId: Uuid,
    type: Type.Union(TARGET_TYPES.map((t) => Type.Literal(t))),
    selector: Type.Record(Type.String(), Type.Unknown()),
    createdAt: Timestamp,
  },
  { $id: 'ChangeTarget' },
);
export type Target = Static<typeof TargetSchema>;

export const CreateTargetBodySchema = Type.Object(
  {
    type: Type.Union(TARGET_TYPES.map((t) => Type.Literal(t))),
    selector: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'record_type {recordTypeKey}; form {recordTypeKey, formName}; workflow {workflowDefinitionId}; rule {ruleId}; script {path}; file {path}',
    }),
  },
  { $id: 'CreateTargetBody', additionalProperties: false },
);
export type CreateTargetBody = Static<typeof CreateTargetBodySchema>;

export const PatchOpSchema = Type.Object(
  {
    id: Uuid,
    changeId: Uuid,
    targetId: Uuid,
    opType: Type.Union(OP_TYPES.map((t) => Type.Literal(t))),
    payload: Type.Record(Type.String(), Type.Unknown()),
    executedAt: Type.Union([Timestamp, Type.Null()]),
    previousSnapshot: Type.Unknown({
      description: 'Schema of the record type before the op ran; null while pending',
    }),
    createdAt: Timestamp,
  },
  { $id: 'PatchOp' },
);
export type PatchOp = Static<typeof PatchOpSchema>;

export const CreatePatchOpBodySchema = Type.Object(
  {
    targetId: Uuid,
    opType: Type.Union(OP_TYPES.map((t) => Type.Literal(t))),
    payload: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'add_field {field, after?}; set_field {field}; remove_field {fieldName}; rename_field {from, to}. A field is {name, type, label?, required?, defaultValue?, choiceListId?, referenceRecordTypeKey?}',
    }),
  },
  { $id: 'CreatePatchOpBody', additionalProperties: false },
);
export type CreatePatchOpBody = Static<typeof CreatePatchOpBodySchema>;

export const ChangeEventSchema = Type.Object(
  {
    id: Uuid,
    eventType: Type.String(),
    payload: Type.Record(Type.String(), Type.Unknown()),
    actorType: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'ChangeEvent' },
);
export type ChangeEvent = Static<typeof ChangeEventSchema>;

export const SnapshotSchema = Type.Object(
  {
    id: Uuid,
    changeId: Uuid,
    projectId: Uuid,
    recordTypeKey: Type.String(),
    schema: Type.Unknown(),
    createdAt: Timestamp,
  },
  { $id: 'RecordTypeSnapshot' },
);
export type Snapshot = Static<typeof SnapshotSchema>;

const DiffFieldSchema = Type.Object({
  name: Type.String(),
  type: Type.String(),
  label: Type.Union([Type.String(), Type.Null()]),
  required: Type.Boolean(),
  defaultValue: Type.Unknown(),
  choiceListId: Type.Union([Type.String(), Type.Null()]),
  referenceRecordTypeKey: Type.Union([Type.String(), Type.Null()]),
});
const RecordTypeRefSchema = Type.Object({ projectId: Type.String(), key: Type.String() });

export const GraphDiffSchema = Type.Object(
  {
    addedRecordTypes: Type.Array(RecordTypeRefSchema),
    removedRecordTypes: Type.Array(RecordTypeRefSchema),
    modifiedRecordTypes: Type.Array(
      Type.Object({
        projectId: Type.String(),
        key: Type.String(),
        addedFields: Type.Array(DiffFieldSchema),
        removedFields: Type.Array(DiffFieldSchema),
        modifiedFields: Type.Array(
          Type.Object({
            name: Type.String(),
            before: DiffFieldSchema,
            after: DiffFieldSchema,
            changes: Type.Array(Type.String(), { description: 'Properties that differ' }),
          }),
        ),
        renamedFields: Type.Array(
          Type.Object({
            from: Type.String({ description: 'Name before the change' }),
            to: Type.String({ description: 'Name after the change' }),
            before: DiffFieldSchema,
            after: DiffFieldSchema,
            changes: Type.Array(Type.String(), { description: 'Properties other than the name that differ' }),
          }),
          { description: 'Fields that kept their identity (and their values) under a new name' },
        ),
        baseTypeChanged: Type.Union([
          Type.Object({
            before: Type.Union([Type.String(), Type.Null()]),
            after: Type.Union([Type.String(), Type.Null()]),
          }),
          Type.Null(),
        ]),
      }),
    ),
    summary: Type.Object({
      added: Type.Integer(),
      removed: Type.Integer(),
      modified: Type.Integer(),
      fieldsAdded: Type.Integer(),
      fieldsRemoved: Type.Integer(),
      fieldsModified: Type.Integer(),
      fieldsRenamed: Type.Integer(),
    }),
  },
  { $id: 'GraphDiff', description: 'Added, removed and modified record types and fields' },
);

export const ExecutionResultSchema = Type.Object(
  { valid: Type.Literal(true), diff: Type.Ref('GraphDiff') },
  { $id: 'ExecutionResult' },
);

export const MergeResultSchema = Type.Object(
  { change: Type.Ref('Change'), diff: Type.Ref('GraphDiff') },
  { $id: 'MergeResult' },
);

export const WorkspaceSchema = Type.Object(
  {
    id: Uuid,
    changeId: Uuid,
    containerId: Type.Union([Type.String(), Type.Null()]),
    previewUrl: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union(['Pending', 'Running', 'Stopped', 'Failed'].map((s) => Type.Literal(s))),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Workspace' },
);
export type Workspace = Static<typeof WorkspaceSchema>;

export const AgentRunSchema = Type.Object(
  {
    id: Uuid,
    changeId: Uuid,
    agentId: Type.Union([Type.String(), Type.Null()]),
    intent: Type.String(),
    skillsUsed: Type.Array(Type.String()),
    logs: Type.Array(Type.Unknown()),
    status: Type.Union(['Pending', 'Running', 'Passed', 'Failed'].map((s) => Type.Literal(s))),
    createdAt: Timestamp,
  },
  { $id: 'AgentRun' },
);
export type AgentRun = Static<typeof AgentRunSchema>;

export const CreateAgentRunBodySchema = Type.Object(
  {
    intent: Name({ maxLength: 2000 }),
    skillsUsed: Type.Optional(Type.Array(Name({ maxLength: 200 }), { maxItems: 100 })),
  },
  { $id: 'CreateAgentRunBody', additionalProperties: false },
);
export type CreateAgentRunBody = Static<typeof CreateAgentRunBodySchema>;

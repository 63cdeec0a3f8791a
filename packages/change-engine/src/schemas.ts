import { GRAPH_ERROR_CODES } from '@ec3l/graph';
import { Identifier, Name, Nullable, Text, Uuid } from '@ec3l/kernel';
import { FieldInputSchema } from '@ec3l/records';
import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { AGENT_RUN_STATUSES } from './core/agent-runs.js';
import { CHANGE_STATUSES } from './core/lifecycle.js';
import { PROPOSAL_STATUSES } from './core/proposals.js';
import { SELECTOR_SCHEMAS, TARGET_TYPES, type TargetType } from './core/selectors.js';
import { EXECUTION_ERROR_CODES } from './errors.js';

const Timestamp = Type.String({ format: 'date-time' });
const NullableUuid = Type.Union([Uuid(), Type.Null()]);
const StatusSchema = Type.Union(CHANGE_STATUSES.map((s) => Type.Literal(s)));

export const ExecutionErrorSchema = Type.Object(
  {
    phase: Type.Union([Type.Literal('load'), Type.Literal('graph'), Type.Literal('transform')]),
    code: Type.Union(
      [...GRAPH_ERROR_CODES, ...EXECUTION_ERROR_CODES, 'INTERNAL_ERROR'].map((c) => Type.Literal(c)),
    ),
    message: Type.String(),
    recordTypeKey: Type.Optional(Type.String()),
    field: Type.Optional(Type.String()),
    opId: Type.Optional(Type.String()),
  },
  { $id: 'ExecutionError' },
);

export const ChangeSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
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
    projectId: Uuid(),
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

/**
 * One object per variant, told apart by the `key` property: published as `oneOf` with a discriminator,
 * so generated clients type each variant's other properties.
 */
/** The variant schemas of every discriminated union below; they must be registered with the validator. */
export const variantSchemas: TObject[] = [];

const pascal = (value: string) =>
  value.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

const discriminated = <T>(
  key: string,
  variants: Record<string, TObject>,
  common: TProperties,
  options: { $id: string; description?: string; additionalProperties?: false },
) => {
  const members = Object.entries(variants).map(([value, variant]) =>
    Type.Object(
      { ...common, [key]: Type.Literal(value), ...variant.properties },
      {
        $id: `${options.$id}${pascal(value)}`,
        ...(options.additionalProperties === false ? { additionalProperties: false } : {}),
      },
    ),
  );
  variantSchemas.push(...members);
  // oneOf (not TypeBox's anyOf): the server's validator dispatches on the discriminator, like clients do.
  return Type.Unsafe<T>({
    $id: options.$id,
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    oneOf: members.map((m) => Type.Ref(m.$id as string)),
    discriminator: { propertyName: key },
  });
};

const selectorVariants = Object.fromEntries(
  TARGET_TYPES.map((t) => [t, Type.Object({ selector: SELECTOR_SCHEMAS[t] })]),
);

export type Target = {
  id: string;
  changeId: string;
  projectId: string;
  type: TargetType;
  selector: Record<string, unknown>;
  createdAt: string;
};
export const TargetSchema = discriminated<Target>(
  'type',
  selectorVariants,
  { id: Uuid(), changeId: Uuid(), projectId: Uuid(), createdAt: Timestamp },
  { $id: 'ChangeTarget', description: 'What a change touches; the selector depends on the type (D9)' },
);

export type CreateTargetBody = { type: TargetType; selector: Record<string, unknown> };

const FieldName = Identifier({ description: 'lower snake case' });

/** The payload each op type takes (core/ops.ts applies them). */
const OP_PAYLOAD_SCHEMAS = {
  add_field: Type.Object(
    {
      field: Type.Ref(FieldInputSchema.$id as string),
      after: Type.Optional(
        Type.Union([FieldName, Type.Null()], {
          description: 'Insert after this field; null: first; absent: last',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  set_field: Type.Object(
    { field: Type.Ref(FieldInputSchema.$id as string) },
    { additionalProperties: false },
  ),
  remove_field: Type.Object({ fieldName: FieldName }, { additionalProperties: false }),
  rename_field: Type.Object({ from: FieldName, to: FieldName }, { additionalProperties: false }),
  set_assignment: Type.Object(
    {
      config: Type.Union([Type.Ref('AssignmentConfig'), Type.Null()], {
        description: 'The new assignment configuration; null clears it',
      }),
    },
    { additionalProperties: false },
  ),
  set_sla: Type.Object(
    {
      config: Type.Union([Type.Ref('SlaConfig'), Type.Null()], {
        description: 'The new SLA configuration; null clears it',
      }),
    },
    { additionalProperties: false },
  ),
};
export const CreateTargetBodySchema = discriminated<CreateTargetBody>(
  'type',
  selectorVariants,
  {},
  {
    $id: 'CreateTargetBody',
    additionalProperties: false,
  },
);
type OpTypeName = keyof typeof OP_PAYLOAD_SCHEMAS;

const payloadVariants = Object.fromEntries(
  Object.entries(OP_PAYLOAD_SCHEMAS).map(([t, payload]) => [t, Type.Object({ payload })]),
);

/** A record type's own fields as a change stored them (snapshots, an op's previous schema). */
export const OwnSchemaSchema = Type.Object(
  {
    fields: Type.Array(Type.Ref('SchemaField')),
    assignmentConfig: Type.Optional(
      Type.Union([Type.Ref('AssignmentConfig'), Type.Null()], {
        description: 'The assignment configuration before the change (absent in snapshots that predate it)',
      }),
    ),
    slaConfig: Type.Optional(
      Type.Union([Type.Ref('SlaConfig'), Type.Null()], {
        description: 'The SLA configuration before the change (absent in snapshots that predate it)',
      }),
    ),
  },
  {
    $id: 'RecordTypeOwnSchema',
    description: "A record type's own fields, in order, and its assignment and SLA configurations",
  },
);

export type PatchOp = {
  id: string;
  changeId: string;
  targetId: string;
  opType: OpTypeName;
  payload: Record<string, unknown>;
  executedAt: string | null;
  previousSnapshot: unknown;
  createdAt: string;
};
export const PatchOpSchema = discriminated<PatchOp>(
  'opType',
  payloadVariants,
  {
    id: Uuid(),
    changeId: Uuid(),
    targetId: Uuid(),
    executedAt: Type.Union([Timestamp, Type.Null()]),
    previousSnapshot: Type.Union([Type.Ref('RecordTypeOwnSchema'), Type.Null()], {
      description: 'Schema of the record type before the op ran; null while pending',
    }),
    createdAt: Timestamp,
  },
  { $id: 'PatchOp', description: 'One schema edit of a change; the payload depends on opType' },
);

export type CreatePatchOpBody = { targetId: string; opType: OpTypeName; payload: Record<string, unknown> };
export const CreatePatchOpBodySchema = discriminated<CreatePatchOpBody>(
  'opType',
  payloadVariants,
  { targetId: Uuid() },
  {
    $id: 'CreatePatchOpBody',
    additionalProperties: false,
  },
);

export const ChangeEventSchema = Type.Object(
  {
    id: Uuid(),
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
    id: Uuid(),
    changeId: Uuid(),
    projectId: Uuid(),
    recordTypeKey: Type.String(),
    schema: Type.Ref('RecordTypeOwnSchema'),
    createdAt: Timestamp,
  },
  { $id: 'RecordTypeSnapshot' },
);
export type Snapshot = Static<typeof SnapshotSchema>;

/** A field as a record type's own schema stores it (every property present). */
export const SchemaFieldSchema = Type.Object(
  {
    name: Type.String(),
    type: Type.String(),
    label: Type.Union([Type.String(), Type.Null()]),
    required: Type.Boolean(),
    defaultValue: Type.Unknown(),
    choiceListId: Type.Union([Type.String(), Type.Null()]),
    referenceRecordTypeKey: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'SchemaField' },
);
const DiffFieldSchema = Type.Ref('SchemaField');
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
        assignmentConfigChanged: Type.Optional(
          Type.Object(
            {
              before: Type.Union([Type.Ref('AssignmentConfig'), Type.Null()]),
              after: Type.Union([Type.Ref('AssignmentConfig'), Type.Null()]),
            },
            { description: 'Present when the assignment configuration changes' },
          ),
        ),
        slaConfigChanged: Type.Optional(
          Type.Object(
            {
              before: Type.Union([Type.Ref('SlaConfig'), Type.Null()]),
              after: Type.Union([Type.Ref('SlaConfig'), Type.Null()]),
            },
            { description: 'Present when the SLA configuration changes' },
          ),
        ),
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
    id: Uuid(),
    changeId: Uuid(),
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
    id: Uuid(),
    changeId: Uuid(),
    agentId: Type.Union([Type.String(), Type.Null()]),
    intent: Type.String(),
    skillsUsed: Type.Array(Type.String()),
    logs: Type.Array(Type.Ref('AgentRunLogLine')),
    status: Type.Union(AGENT_RUN_STATUSES.map((s) => Type.Literal(s))),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    endedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'AgentRun' },
);
export type AgentRun = Static<typeof AgentRunSchema>;

export const CreateAgentRunBodySchema = Type.Object(
  {
    intent: Name({ maxLength: 2000 }),
    skillsUsed: Type.Optional(
      Type.Array(Name({ maxLength: 200 }), {
        maxItems: 100,
        description: 'Names of registered, active skills (GET /api/agent-skills); any other name is a 400',
      }),
    ),
  },
  { $id: 'CreateAgentRunBody', additionalProperties: false },
);
export type CreateAgentRunBody = Static<typeof CreateAgentRunBodySchema>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export const AgentRunLogLineSchema = Type.Object(
  {
    at: Timestamp,
    level: Type.Union(LOG_LEVELS.map((l) => Type.Literal(l))),
    message: Type.String(),
  },
  { $id: 'AgentRunLogLine', description: "One line of an agent run's log" },
);

export const AppendRunLogsBodySchema = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          level: Type.Optional(
            Type.Union(
              LOG_LEVELS.map((l) => Type.Literal(l)),
              { default: 'info' },
            ),
          ),
          message: Text({ maxLength: 4000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { $id: 'AppendAgentRunLogsBody', additionalProperties: false },
);
export type AppendRunLogsBody = Static<typeof AppendRunLogsBodySchema>;

export const MoveRunBodySchema = Type.Object(
  {
    status: Type.Union(
      AGENT_RUN_STATUSES.map((s) => Type.Literal(s)),
      {
        description: 'Pending → Running → Passed | Failed; a Pending run may fail',
      },
    ),
  },
  { $id: 'AgentRunStatusBody', additionalProperties: false },
);

// Agent skills ---------------------------------------------------------------------------------------

const SKILL_STATUSES = ['active', 'disabled'] as const;

export const AgentSkillSchema = Type.Object(
  {
    id: Uuid(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    inputSchema: Type.Record(Type.String(), Type.Unknown(), { description: 'A JSON Schema object' }),
    status: Type.Union(SKILL_STATUSES.map((s) => Type.Literal(s))),
    createdBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'AgentSkill' },
);
export type AgentSkill = Static<typeof AgentSkillSchema>;

const InputSchemaBody = Type.Record(Type.String(), Type.Unknown(), {
  description:
    "A JSON Schema (draft 2020-12) object describing the skill's input; checked against the meta-schema",
  maxProperties: 50,
});

export const CreateSkillBodySchema = Type.Object(
  {
    name: Name({ maxLength: 200 }),
    description: Type.Optional(Type.Union([Text({ maxLength: 2000 }), Type.Null()])),
    inputSchema: InputSchemaBody,
    status: Type.Optional(Type.Union(SKILL_STATUSES.map((s) => Type.Literal(s)))),
  },
  { $id: 'CreateAgentSkillBody', additionalProperties: false },
);
export type CreateSkillBody = Static<typeof CreateSkillBodySchema>;

export const UpdateSkillBodySchema = Type.Object(
  {
    name: Type.Optional(Name({ maxLength: 200 })),
    description: Type.Optional(Type.Union([Text({ maxLength: 2000 }), Type.Null()])),
    inputSchema: Type.Optional(InputSchemaBody),
    status: Type.Optional(Type.Union(SKILL_STATUSES.map((s) => Type.Literal(s)))),
  },
  { $id: 'UpdateAgentSkillBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateSkillBody = Static<typeof UpdateSkillBodySchema>;

// Agent proposals ------------------------------------------------------------------------------------

const FormFieldName = Text({ minLength: 1, maxLength: 200, description: 'A field of the form' });

/** A form patch op as the forms service takes it (`FormPatchOp`). */
export type ProposalFormPatchOp =
  | { op: 'moveField'; field: string; orderIndex: number }
  | { op: 'changeSection'; field: string; section: string; orderIndex?: number }
  | { op: 'toggleRequired' | 'toggleReadOnly' | 'toggleVisible'; field: string; value: boolean };

const OrderIndex = Type.Integer({ minimum: 0, maximum: 100_000 });
export const ProposalFormPatchOpSchema = discriminated<ProposalFormPatchOp>(
  'op',
  {
    moveField: Type.Object({ field: FormFieldName, orderIndex: OrderIndex }),
    changeSection: Type.Object({
      field: FormFieldName,
      section: Name({ maxLength: 200, description: 'The title of the section the field moves to' }),
      orderIndex: Type.Optional(OrderIndex),
    }),
    toggleRequired: Type.Object({ field: FormFieldName, value: Type.Boolean() }),
    toggleReadOnly: Type.Object({ field: FormFieldName, value: Type.Boolean() }),
    toggleVisible: Type.Object({ field: FormFieldName, value: Type.Boolean() }),
  },
  {},
  {
    $id: 'ProposalFormPatchOp',
    additionalProperties: false,
    description: 'One edit of a form (FormPatchOp)',
  },
);

export type ProposalChangeOp = {
  recordTypeKey: string;
  opType: OpTypeName;
  payload: Record<string, unknown>;
};
export const ProposalChangeOpSchema = discriminated<ProposalChangeOp>(
  'opType',
  payloadVariants,
  { recordTypeKey: Identifier({ description: 'The record type of the project the op edits' }) },
  {
    $id: 'ProposalChangeOp',
    additionalProperties: false,
    description: 'A patch op of the change engine, naming the record type it edits',
  },
);

const FormPatchPayload = Type.Object(
  {
    recordTypeName: Name({ maxLength: 200, description: 'The name of the record type the form belongs to' }),
    formName: Name({ maxLength: 200 }),
    ops: Type.Array(Type.Ref('ProposalFormPatchOp'), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
const WorkflowChangePayload = Type.Object(
  {
    projectId: Uuid({ description: 'The project the change is opened in' }),
    title: Name({ maxLength: 300, description: 'Title of the change accepting opens' }),
    ops: Type.Array(Type.Ref('ProposalChangeOp'), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
const ApprovalCommentPayload = Type.Object(
  {
    approvalId: Uuid({ description: 'The workflow approval the comment goes to' }),
    comment: Name({ maxLength: 2000 }),
  },
  { additionalProperties: false },
);

type ProposalPayload =
  | { proposalType: 'form_patch'; payload: Static<typeof FormPatchPayload> }
  | { proposalType: 'workflow_change'; payload: Static<typeof WorkflowChangePayload> }
  | { proposalType: 'approval_comment'; payload: Static<typeof ApprovalCommentPayload> };

const payloadOf = (payload: TObject) => Type.Object({ payload });
const proposalVariants = {
  form_patch: payloadOf(FormPatchPayload),
  workflow_change: payloadOf(WorkflowChangePayload),
  approval_comment: payloadOf(ApprovalCommentPayload),
};

export type CreateProposalBody = ProposalPayload & { summary: string; changeId?: string | null };
export const CreateProposalBodySchema = discriminated<CreateProposalBody>(
  'proposalType',
  proposalVariants,
  {
    summary: Name({ maxLength: 2000 }),
    changeId: Type.Optional(
      Type.Union([Uuid(), Type.Null()], { description: 'The change the proposal was made for, if any' }),
    ),
  },
  { $id: 'CreateAgentProposalBody', additionalProperties: false },
);

export type Proposal = ProposalPayload & {
  id: string;
  changeId: string | null;
  agentId: string | null;
  createdBy: string | null;
  targetRef: string;
  summary: string;
  status: (typeof PROPOSAL_STATUSES)[number];
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  reviewedAt: string | null;
  applied: { kind: 'change' | 'workflow_approval_comment' | 'form_override'; id: string } | null;
  createdAt: string;
  updatedAt: string;
};
export const ProposalSchema = discriminated<Proposal>(
  'proposalType',
  proposalVariants,
  {
    id: Uuid(),
    changeId: Type.Union([Uuid(), Type.Null()]),
    agentId: Nullable(Type.String({ description: 'The agent that made it (null when a human did)' })),
    createdBy: Nullable(Type.String({ description: 'The human who made it (null when an agent did)' })),
    targetRef: Type.String({
      description: 'What it targets: form:<recordType>/<form>, project:<id>, workflow_approval:<id>',
    }),
    summary: Type.String(),
    status: Type.Union(PROPOSAL_STATUSES.map((s) => Type.Literal(s))),
    submittedBy: Nullable(Type.String()),
    submittedAt: Nullable(Timestamp),
    reviewedBy: Nullable(Type.String()),
    reviewComment: Nullable(Type.String()),
    reviewedAt: Nullable(Timestamp),
    applied: Type.Union(
      [
        Type.Object({
          kind: Type.Union(
            ['change', 'workflow_approval_comment', 'form_override'].map((k) => Type.Literal(k)),
          ),
          id: Uuid(),
        }),
        Type.Null(),
      ],
      { description: 'What accepting created: the change opened, the comment attached, the form override' },
    ),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'AgentProposal', description: 'A proposed form patch, workflow change or approval comment' },
);

export const ReviewProposalBodySchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]),
    comment: Type.Optional(Text({ maxLength: 2000 })),
  },
  { $id: 'ReviewAgentProposalBody', additionalProperties: false },
);
export type ReviewProposalBody = Static<typeof ReviewProposalBodySchema>;

import { Identifier, Int32, Name, Nullable, Text, Uuid } from '@ec3l/kernel';
import { type Static, type TObject, type TProperties, type TSchema, Type } from '@sinclair/typebox';
import { ConditionSchema } from './core/condition.js';

const Timestamp = Type.String({ format: 'date-time' });
const JsonObject = (description: string) =>
  Type.Record(Type.String({ maxLength: 200 }), Type.Unknown(), { description });
const ActorId = Text({ minLength: 1, maxLength: 200 });

export const DEFINITION_STATUSES = ['draft', 'active', 'retired'] as const;
const TRIGGER_TYPES = ['record_event', 'schedule', 'manual'] as const;
const STEP_TYPES = [
  'assignment',
  'approval',
  'notification',
  'decision',
  'record_mutation',
  'record_lock',
] as const;
export const EXECUTION_STATUSES = ['running', 'paused', 'completed', 'failed'] as const;
const STEP_EXECUTION_STATUSES = ['pending', 'awaiting_approval', 'completed', 'failed'] as const;
export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;

export type StepType = (typeof STEP_TYPES)[number];
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export type DefinitionStatus = (typeof DEFINITION_STATUSES)[number];

const literals = <T extends string>(values: readonly T[], description?: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    description ? { description } : {},
  );

/** The most steps a definition holds; the engine's step budget is derived from it. */
export const MAX_STEPS = 100;

// Step configurations, one per step type.

const ApproversSchema = Type.Union(
  [
    Type.Object(
      {
        users: Type.Array(ActorId, { minItems: 1, maxItems: 50, uniqueItems: true }),
      },
      { additionalProperties: false, description: 'These users' },
    ),
    Type.Object(
      { role: Name({ maxLength: 200, description: 'A role of the tenant, by name' }) },
      { additionalProperties: false, description: 'Every user holding this role while it is active' },
    ),
  ],
  { description: 'Who is asked: named users, or the holders of a role when the step starts' },
);

const ApprovalRuleSchema = Type.Union(
  [
    Type.Object({ type: Type.Literal('any') }, { additionalProperties: false }),
    Type.Object({ type: Type.Literal('all') }, { additionalProperties: false }),
    Type.Object(
      { type: Type.Literal('n_of_m'), n: Int32({ minimum: 1, maximum: 50 }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { type: Type.Literal('percentage'), percent: Int32({ minimum: 1, maximum: 100 }) },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'How many approvals settle it: any one, all, n of the m approvers (n above m means all), or a percentage of them (rounded up)',
  },
);
export type ApprovalRule = Static<typeof ApprovalRuleSchema>;

const EscalationSchema = Type.Union(
  [
    Type.Object(
      { action: Type.Literal('reassign'), approvers: ApproversSchema },
      {
        additionalProperties: false,
        description: 'Ask these approvers instead of those who have not decided',
      },
    ),
    Type.Object({ action: Type.Literal('auto_approve') }, { additionalProperties: false }),
    Type.Object({ action: Type.Literal('auto_reject') }, { additionalProperties: false }),
  ],
  { description: 'What happens when the deadline passes with the approval still pending' },
);
export type Escalation = Static<typeof EscalationSchema>;

const AssignmentConfigSchema = Type.Union(
  [
    Type.Object(
      { strategy: Type.Literal('user'), userId: ActorId },
      { additionalProperties: false, description: 'Assign the record to this user' },
    ),
    Type.Object(
      { strategy: Type.Literal('group'), group: Text({ minLength: 1, maxLength: 200 }) },
      { additionalProperties: false, description: 'Assign the record to this group' },
    ),
    Type.Object(
      { strategy: Type.Literal('rule') },
      {
        additionalProperties: false,
        description: "Assign the record by its record type's assignment configuration",
      },
    ),
  ],
  { description: "Who the execution's record is assigned to" },
);

const ApprovalConfigSchema = Type.Object(
  {
    approvers: ApproversSchema,
    rule: Type.Optional(ApprovalRuleSchema),
    deadlineMinutes: Type.Optional(Int32({ minimum: 1, maximum: 525_600 })),
    escalation: Type.Optional(EscalationSchema),
    autoApprove: Type.Optional(
      Type.Boolean({ description: 'Approve at once without asking anyone (the step is recorded)' }),
    ),
  },
  { additionalProperties: false },
);
type ApprovalConfig = Static<typeof ApprovalConfigSchema>;

const NotificationConfigSchema = Type.Object(
  {
    channel: Identifier({ description: 'e.g. email, slack, in_app' }),
    recipients: Type.Optional(Type.Array(ActorId, { maxItems: 100 })),
    template: Text({
      minLength: 1,
      maxLength: 4000,
      description: 'The message; {{input.x}} and {{record.field}} are replaced by their values',
    }),
  },
  { additionalProperties: false },
);

const DecisionConfigSchema = Type.Object(
  {
    condition: ConditionSchema,
    onTrueStepIndex: Type.Optional(
      Int32({
        minimum: 0,
        maximum: MAX_STEPS - 1,
        description: 'Where to go when true; the next step if absent',
      }),
    ),
    onFalseStepIndex: Type.Optional(
      Int32({
        minimum: 0,
        maximum: MAX_STEPS - 1,
        description: 'Where to go when false; the next step if absent',
      }),
    ),
  },
  { additionalProperties: false },
);

const RecordMutationConfigSchema = Type.Object(
  {
    updates: Type.Record(Identifier(), Type.Unknown(), {
      additionalProperties: false,
      minProperties: 1,
      maxProperties: 100,
      description: "Field values written to the execution's record (validated like PATCH)",
    }),
  },
  { additionalProperties: false },
);

const RecordLockConfigSchema = Type.Object(
  {
    recordIdField: Type.Optional(
      Identifier({
        description:
          "The input field holding the record id; the execution's record when absent, else input.recordId",
      }),
    ),
    reason: Type.Optional(Text({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** The configuration schema of each step type (the server validates a step's config against it). */
export const STEP_CONFIG_SCHEMAS: Record<StepType, TSchema> = {
  assignment: AssignmentConfigSchema,
  approval: ApprovalConfigSchema,
  notification: NotificationConfigSchema,
  decision: DecisionConfigSchema,
  record_mutation: RecordMutationConfigSchema,
  record_lock: RecordLockConfigSchema,
};

export type StepConfigs = {
  assignment: Static<typeof AssignmentConfigSchema>;
  approval: ApprovalConfig;
  notification: Static<typeof NotificationConfigSchema>;
  decision: Static<typeof DecisionConfigSchema>;
  record_mutation: Static<typeof RecordMutationConfigSchema>;
  record_lock: Static<typeof RecordLockConfigSchema>;
};

/** The variant schemas of the discriminated unions below; they are registered with the validator. */
export const workflowVariantSchemas: TObject[] = [];

const pascal = (value: string) =>
  value.replace(/(^|_)([a-z])/g, (_m, _sep: string, letter: string) => letter.toUpperCase());

/**
 * One object per step type, told apart by `stepType`: published as oneOf with a discriminator. Its
 * variants join workflowVariantSchemas (the gateway registers them), so other packages that carry steps
 * (graph packages) build their shapes with it too.
 */
export const byStepType = <T>(
  common: TProperties,
  options: { $id: string; description: string; closed: boolean },
) => {
  const members = STEP_TYPES.map((stepType) =>
    Type.Object(
      { ...common, stepType: Type.Literal(stepType), config: STEP_CONFIG_SCHEMAS[stepType] },
      {
        $id: `${options.$id}${pascal(stepType)}`,
        ...(options.closed ? { additionalProperties: false } : {}),
      },
    ),
  );
  workflowVariantSchemas.push(...members);
  return Type.Unsafe<T>({
    $id: options.$id,
    type: 'object',
    description: options.description,
    oneOf: members.map((m) => Type.Ref(m.$id as string)),
    discriminator: { propertyName: 'stepType' },
  });
};

type StepVariant<C> = { [K in StepType]: C & { stepType: K; config: StepConfigs[K] } }[StepType];

export type WorkflowStep = StepVariant<{
  id: string;
  workflowDefinitionId: string;
  name: string | null;
  orderIndex: number;
  createdAt: string;
}>;

export const WorkflowStepSchema = byStepType<WorkflowStep>(
  {
    id: Uuid(),
    workflowDefinitionId: Uuid(),
    name: Nullable(Type.String()),
    orderIndex: Type.Integer({ minimum: 0 }),
    createdAt: Timestamp,
  },
  {
    $id: 'WorkflowStep',
    description: 'A step of a workflow definition; its config depends on its type',
    closed: false,
  },
);

export type AddStepBody = StepVariant<{ name?: string; orderIndex?: number }>;

export const AddStepBodySchema = byStepType<AddStepBody>(
  {
    name: Type.Optional(Name({ maxLength: 200 })),
    orderIndex: Type.Optional(
      Int32({
        minimum: 0,
        maximum: MAX_STEPS - 1,
        description:
          'Insert at this position (later steps move down one); appended when absent or past the end',
      }),
    ),
  },
  { $id: 'AddWorkflowStepBody', description: 'A new step and its configuration', closed: true },
);

export const UpdateStepBodySchema = Type.Object(
  {
    name: Type.Optional(Type.Union([Name({ maxLength: 200 }), Type.Null()])),
    config: Type.Optional(
      Type.Record(Identifier(), Type.Unknown(), {
        maxProperties: 50,
        description:
          "The step's new configuration, checked against its type's (400 WORKFLOW_STEP_CONFIG_INVALID)",
      }),
    ),
    orderIndex: Type.Optional(
      Int32({
        minimum: 0,
        maximum: MAX_STEPS - 1,
        description: 'Move the step here (the others close up; past the end: last)',
      }),
    ),
  },
  { $id: 'UpdateWorkflowStepBody', additionalProperties: false, minProperties: 1 },
);
export type UpdateStepBody = Static<typeof UpdateStepBodySchema>;

export const WorkflowDefinitionSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
    name: Type.String(),
    description: Nullable(Type.String()),
    triggerType: literals(TRIGGER_TYPES),
    triggerConfig: JsonObject('Trigger settings (record type and conditions, schedule)'),
    version: Type.Integer(),
    status: literals(DEFINITION_STATUSES, 'draft → active → retired'),
    changeId: Nullable(Uuid({ description: 'The change record created with the definition' })),
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'WorkflowDefinition' },
);
export type WorkflowDefinition = Static<typeof WorkflowDefinitionSchema>;

export const CreateWorkflowDefinitionBodySchema = Type.Object(
  {
    projectId: Uuid(),
    name: Name({ maxLength: 200 }),
    description: Type.Optional(Text({ maxLength: 2000 })),
    triggerType: Type.Optional(literals(TRIGGER_TYPES, 'manual when absent')),
    triggerConfig: Type.Optional(
      Type.Record(Identifier(), Type.Unknown(), {
        additionalProperties: false,
        maxProperties: 50,
        description: 'Trigger settings',
      }),
    ),
  },
  { $id: 'CreateWorkflowDefinitionBody', additionalProperties: false },
);
export type CreateWorkflowDefinitionBody = Static<typeof CreateWorkflowDefinitionBodySchema>;

export const WorkflowExecutionSchema = Type.Object(
  {
    id: Uuid(),
    workflowDefinitionId: Uuid(),
    definitionVersion: Type.Integer(),
    intentId: Nullable(Uuid()),
    status: literals(EXECUTION_STATUSES),
    input: JsonObject('The input the execution started with'),
    accumulatedInput: JsonObject('The input as steps added to it'),
    currentStepIndex: Nullable(
      Type.Integer({ description: 'The step running or paused on; null once ended' }),
    ),
    pausedAtStepId: Nullable(Uuid()),
    error: Nullable(Type.String()),
    recordId: Nullable(Uuid()),
    startedBy: Nullable(Type.String()),
    startedAt: Timestamp,
    completedAt: Nullable(Timestamp),
    version: Type.Integer({ description: 'Grows with every change of state' }),
  },
  { $id: 'WorkflowExecution' },
);
export type WorkflowExecution = Static<typeof WorkflowExecutionSchema>;

export const StepExecutionSchema = Type.Object(
  {
    id: Uuid(),
    workflowExecutionId: Uuid(),
    workflowStepId: Uuid(),
    stepType: literals(STEP_TYPES),
    stepIndex: Type.Integer(),
    sequence: Type.Integer({ description: 'Order of the run within the execution, from 0' }),
    status: literals(STEP_EXECUTION_STATUSES),
    output: Type.Unknown({ description: 'What the step produced (null while pending or when it failed)' }),
    error: Nullable(Type.String()),
    startedAt: Timestamp,
    executedAt: Nullable(Timestamp),
  },
  { $id: 'WorkflowStepExecution' },
);
export type StepExecution = Static<typeof StepExecutionSchema>;

const DecisionSchema = Type.Object({
  approverId: Type.String(),
  decision: literals(['approve', 'reject'] as const),
  comment: Nullable(Type.String()),
  decidedAt: Timestamp,
});

export const ApprovalSchema = Type.Object(
  {
    id: Uuid(),
    workflowExecutionId: Uuid(),
    workflowDefinitionId: Uuid(),
    workflowStepId: Uuid(),
    stepExecutionId: Uuid(),
    status: literals(APPROVAL_STATUSES, 'pending until settled; cancelled when its step ended otherwise'),
    rule: ApprovalRuleSchema,
    approvers: Type.Array(Type.String()),
    decisions: Type.Array(DecisionSchema),
    comments: Type.Array(
      Type.Object({
        id: Uuid(),
        authorType: literals(['user', 'agent', 'system'] as const),
        authorId: Nullable(Type.String()),
        body: Type.String(),
        proposalId: Nullable(Uuid({ description: 'The accepted agent proposal that attached it' })),
        createdAt: Timestamp,
      }),
      { description: 'Comments beside the decisions; they decide nothing' },
    ),
    deadlineAt: Nullable(Timestamp),
    escalatedAt: Nullable(Timestamp),
    closedReason: Nullable(Type.String({ description: 'decided, resumed, deadline, execution_failed' })),
    closedBy: Nullable(Type.String()),
    closedComment: Nullable(Type.String({ description: 'The comment of a resume that closed it' })),
    closedAt: Nullable(Timestamp),
    createdAt: Timestamp,
  },
  { $id: 'WorkflowApproval' },
);
export type Approval = Static<typeof ApprovalSchema>;

export const DecideBodySchema = Type.Object(
  {
    decision: literals(['approve', 'reject'] as const),
    comment: Type.Optional(Text({ maxLength: 2000 })),
  },
  { $id: 'WorkflowApprovalDecisionBody', additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBodySchema>;

export const ResumeBodySchema = Type.Object(
  {
    outcome: literals(['approved', 'rejected'] as const),
    comment: Type.Optional(Text({ maxLength: 2000 })),
  },
  { $id: 'WorkflowResumeBody', additionalProperties: false },
);
export type ResumeBody = Static<typeof ResumeBodySchema>;

export const ExecuteBodySchema = Type.Object(
  {
    input: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), Type.Unknown(), {
        maxProperties: 200,
        description: 'The input of the execution (input.* in conditions and templates)',
      }),
    ),
    recordId: Type.Optional(Uuid({ description: 'The record the execution acts on (record steps)' })),
  },
  { $id: 'WorkflowExecuteBody', additionalProperties: false },
);
export type ExecuteBody = Static<typeof ExecuteBodySchema>;

import { Identifier, Int32, Nullable, Text, Uuid } from '@ec3l/kernel';
import { type Static, type TObject, type TProperties, Type } from '@sinclair/typebox';
import { RECORD_EVENTS, TRIGGER_STATUSES, TRIGGER_TYPES } from './core/triggers.js';

const Timestamp = Type.String({ format: 'date-time' });
const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));

export const INTENT_STATUSES = [
  'pending',
  'running',
  'completed',
  'dispatched',
  'failed',
  'duplicate',
] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

const ConditionValue = Type.Union([Text({ maxLength: 1000 }), Type.Number(), Type.Boolean(), Type.Null()]);

const RecordEventConfigSchema = Type.Object(
  {
    event: literals(RECORD_EVENTS),
    recordTypeId: Type.Optional(Uuid()),
    recordTypeKey: Type.Optional(Identifier()),
    fieldConditions: Type.Optional(
      Type.Array(
        Type.Object(
          {
            field: Identifier(),
            operator: Type.Union([Type.Literal('equals'), Type.Literal('changed_to')]),
            value: ConditionValue,
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    watchFields: Type.Optional(Type.Array(Identifier(), { maxItems: 100 })),
  },
  {
    additionalProperties: false,
    description: 'Fires on record.created / record.updated of the record type named by id or key',
  },
);

const ScheduleConfigSchema = Type.Object(
  {
    cron: Text({
      minLength: 1,
      maxLength: 200,
      description: 'Five fields (minutes), or six with seconds first; parsed with croner',
    }),
    timezone: Type.Optional(
      Text({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Oslo; UTC when absent' }),
    ),
  },
  { additionalProperties: false },
);

const ManualConfigSchema = Type.Object({}, { additionalProperties: false });

const CONFIG_BY_TYPE = {
  record_event: RecordEventConfigSchema,
  schedule: ScheduleConfigSchema,
  manual: ManualConfigSchema,
} as const;

/** The variant schemas of the discriminated unions below; they must be registered with the validator. */
export const triggerVariantSchemas: TObject[] = [];

const pascal = (value: string) =>
  value.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

/**
 * One object per trigger type, published as oneOf with a discriminator on triggerType; its variants join
 * triggerVariantSchemas (the gateway registers them).
 */
export const byTriggerType = <T>(common: TProperties, $id: string, closed: boolean, description: string) => {
  const members = TRIGGER_TYPES.map((type) =>
    Type.Object(
      { ...common, triggerType: Type.Literal(type), triggerConfig: CONFIG_BY_TYPE[type] },
      { $id: `${$id}${pascal(type)}`, ...(closed ? { additionalProperties: false } : {}) },
    ),
  );
  triggerVariantSchemas.push(...members);
  return Type.Unsafe<T>({
    $id,
    type: 'object',
    description,
    oneOf: members.map((m) => Type.Ref(m.$id as string)),
    discriminator: { propertyName: 'triggerType' },
  });
};

type TriggerVariant =
  | { triggerType: 'record_event'; triggerConfig: Static<typeof RecordEventConfigSchema> }
  | { triggerType: 'schedule'; triggerConfig: Static<typeof ScheduleConfigSchema> }
  | { triggerType: 'manual'; triggerConfig: Record<string, never> };

export type WorkflowTrigger = TriggerVariant & {
  id: string;
  workflowDefinitionId: string;
  status: (typeof TRIGGER_STATUSES)[number];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
};

export const WorkflowTriggerSchema = byTriggerType<WorkflowTrigger>(
  {
    id: Uuid(),
    workflowDefinitionId: Uuid(),
    status: literals(TRIGGER_STATUSES),
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  'WorkflowTrigger',
  false,
  'Binds a workflow definition to record events, a schedule, or manual firing',
);

export type CreateTriggerBody = TriggerVariant & { workflowDefinitionId: string };
export const CreateTriggerBodySchema = byTriggerType<CreateTriggerBody>(
  { workflowDefinitionId: Uuid() },
  'CreateWorkflowTriggerBody',
  true,
  'A new trigger, active from creation',
);

export const FireTriggerBodySchema = Type.Object(
  {
    payload: Type.Optional(
      Type.Record(Type.String({ maxLength: 200 }), Type.Unknown(), {
        description: "Passed to the execution's input",
      }),
    ),
    idempotencyKey: Type.Optional(
      Text({
        minLength: 1,
        maxLength: 200,
        description: 'Fires at most once per key and trigger; a repeat answers status duplicate',
      }),
    ),
  },
  { $id: 'FireWorkflowTriggerBody', additionalProperties: false },
);
export type FireTriggerBody = Static<typeof FireTriggerBodySchema>;

export const RecordEventBodySchema = Type.Object(
  {
    event: literals(RECORD_EVENTS),
    recordTypeId: Uuid(),
    recordId: Uuid(),
    version: Int32({
      minimum: 1,
      description: 'The record version the event is about; one intent per version and trigger',
    }),
    data: Type.Record(Type.String({ maxLength: 200 }), Type.Unknown()),
    previousData: Type.Optional(Nullable(Type.Record(Type.String({ maxLength: 200 }), Type.Unknown()))),
    changedFields: Type.Optional(Type.Array(Identifier(), { maxItems: 500 })),
  },
  { $id: 'RecordEventBody', additionalProperties: false },
);

export const EnqueuedIntentSchema = Type.Object(
  {
    intentId: Uuid(),
    triggerId: Nullable(Uuid()),
    workflowDefinitionId: Uuid(),
    idempotencyKey: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('duplicate')], {
      description: 'duplicate: an intent with this key existed; it is answered, no second one is queued',
    }),
  },
  { $id: 'EnqueuedIntent' },
);
export type EnqueuedIntent = Static<typeof EnqueuedIntentSchema>;

export const RecordEventResultSchema = Type.Object(
  { intents: Type.Array(Type.Ref('EnqueuedIntent')) },
  { $id: 'RecordEventResult' },
);

export const WorkflowIntentSchema = Type.Object(
  {
    id: Uuid(),
    workflowDefinitionId: Uuid(),
    triggerId: Nullable(Uuid()),
    triggerType: literals(TRIGGER_TYPES),
    triggerPayload: Type.Unknown(),
    recordId: Nullable(Uuid()),
    idempotencyKey: Type.String(),
    status: literals(INTENT_STATUSES),
    attempt: Type.Integer(),
    maxAttempts: Type.Integer(),
    availableAt: Timestamp,
    leaseOwner: Nullable(Type.String()),
    leaseExpiresAt: Nullable(Timestamp),
    executionId: Nullable(Uuid()),
    error: Nullable(Type.String()),
    createdAt: Timestamp,
    dispatchedAt: Nullable(Timestamp),
    completedAt: Nullable(Timestamp),
  },
  { $id: 'WorkflowIntent', description: 'A queued request to start an execution, and how its dispatch went' },
);
export type WorkflowIntent = Static<typeof WorkflowIntentSchema>;

export const DispatchResultSchema = Type.Object(
  {
    claimed: Type.Integer({ description: 'Intents claimed by this call' }),
    completed: Type.Integer({ description: 'Started an execution that ran to its end' }),
    dispatched: Type.Integer({ description: 'Started an execution that paused (awaiting approval)' }),
    failed: Type.Integer({ description: 'Failed on their last attempt, or their execution failed' }),
    retried: Type.Integer({ description: 'Failed and went back to pending for a later attempt' }),
    lost: Type.Integer({
      description: 'Taken over by another worker after the lease ran out; not committed',
    }),
  },
  { $id: 'DispatchResult' },
);
export type DispatchResult = Static<typeof DispatchResultSchema>;

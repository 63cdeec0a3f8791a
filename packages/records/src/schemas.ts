import { Identifier, Int32, Name, Nullable, Text, Uuid } from '@ec3l/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { AssignmentConfig, SlaConfig } from './config.js';
import { FIELD_TYPES } from './core/fields.js';

const Timestamp = Type.String({ format: 'date-time' });

const FieldTypeSchema = Type.Union(FIELD_TYPES.map((t) => Type.Literal(t)));

export const FieldInputSchema = Type.Object(
  {
    name: Identifier({ description: 'lower snake case' }),
    type: FieldTypeSchema,
    label: Type.Optional(Nullable(Text({ maxLength: 200 }))),
    required: Type.Optional(Type.Boolean()),
    defaultValue: Type.Optional(Type.Unknown()),
    choiceListId: Type.Optional(Nullable(Uuid())),
    referenceRecordTypeKey: Type.Optional(Nullable(Identifier())),
  },
  { $id: 'FieldInput', additionalProperties: false },
);
type FieldInputBody = Static<typeof FieldInputSchema>;

export const FieldSchema = Type.Object(
  {
    name: Type.String(),
    type: FieldTypeSchema,
    label: Nullable(Type.String()),
    required: Type.Boolean(),
    defaultValue: Type.Unknown(),
    choiceListId: Nullable(Type.String()),
    referenceRecordTypeKey: Nullable(Type.String()),
    inherited: Type.Boolean(),
    inheritedFrom: Nullable(Type.String({ description: 'Key of the base type that declares the field' })),
  },
  { $id: 'Field' },
);
export type Field = Static<typeof FieldSchema>;

export const RecordTypeSchema = Type.Object(
  {
    id: Uuid(),
    projectId: Uuid(),
    key: Type.String(),
    name: Type.String(),
    baseType: Nullable(Type.String()),
    schema: Type.Object({
      fields: Type.Array(Type.Ref('Field'), { description: 'Effective schema: inherited fields first' }),
    }),
    assignmentConfig: Type.Union([Type.Ref('AssignmentConfig'), Type.Null()], {
      description: 'Who new records go to (section 11); null when unrouted',
    }),
    slaConfig: Type.Union([Type.Ref('SlaConfig'), Type.Null()], {
      description: 'The service level records are held to; null when untimed',
    }),
    version: Type.Integer(),
    status: Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('retired')]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'RecordType' },
);
export type RecordType = Omit<
  Static<typeof RecordTypeSchema>,
  'schema' | 'assignmentConfig' | 'slaConfig'
> & {
  schema: { fields: Field[] };
  assignmentConfig: AssignmentConfig | null;
  slaConfig: SlaConfig | null;
};

export const CreateRecordTypeBodySchema = Type.Object(
  {
    projectId: Uuid(),
    key: Identifier({ description: 'Unique within the project' }),
    name: Name({ maxLength: 200, description: 'Unique within the tenant' }),
    baseType: Type.Optional(
      Nullable(Identifier({ description: 'Key of a record type in the same project' })),
    ),
    fields: Type.Optional(Type.Array(Type.Ref('FieldInput'), { maxItems: 500 })),
    assignmentConfig: Type.Optional(Type.Union([Type.Ref('AssignmentConfig'), Type.Null()])),
    slaConfig: Type.Optional(Type.Union([Type.Ref('SlaConfig'), Type.Null()])),
  },
  { $id: 'CreateRecordTypeBody', additionalProperties: false },
);
export type CreateRecordTypeBody = Omit<
  Static<typeof CreateRecordTypeBodySchema>,
  'fields' | 'assignmentConfig' | 'slaConfig'
> & {
  fields?: FieldInputBody[];
  assignmentConfig?: AssignmentConfig | null;
  slaConfig?: SlaConfig | null;
};

export const UpdateRecordTypeConfigBodySchema = Type.Object(
  {
    assignmentConfig: Type.Optional(
      Type.Union([Type.Ref('AssignmentConfig'), Type.Null()], {
        description: 'null clears it; absent keeps it',
      }),
    ),
    slaConfig: Type.Optional(
      Type.Union([Type.Ref('SlaConfig'), Type.Null()], { description: 'null clears it; absent keeps it' }),
    ),
  },
  {
    $id: 'UpdateRecordTypeConfigBody',
    additionalProperties: false,
    minProperties: 1,
    description: "A draft record type's routing and SLA configuration; either or both",
  },
);
export type UpdateRecordTypeConfigBody = {
  assignmentConfig?: AssignmentConfig | null;
  slaConfig?: SlaConfig | null;
};

export const ChoiceItemSchema = Type.Object(
  {
    id: Uuid(),
    value: Type.String(),
    label: Type.String(),
    orderIndex: Type.Integer(),
    isActive: Type.Boolean(),
  },
  { $id: 'ChoiceItem' },
);
export type ChoiceItem = Static<typeof ChoiceItemSchema>;

export const ChoiceListSchema = Type.Object(
  {
    id: Uuid(),
    name: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    createdAt: Timestamp,
  },
  { $id: 'ChoiceList' },
);
export type ChoiceList = Static<typeof ChoiceListSchema>;

export const ChoiceItemInputSchema = Type.Object(
  {
    value: Name({ maxLength: 200 }),
    label: Type.Optional(Name({ maxLength: 200 })),
    orderIndex: Type.Optional(Int32({ minimum: 0 })),
  },
  { $id: 'ChoiceItemInput', additionalProperties: false },
);
export type ChoiceItemInput = Static<typeof ChoiceItemInputSchema>;

export const CreateChoiceListBodySchema = Type.Object(
  {
    name: Name({ maxLength: 200, description: 'Unique within the tenant' }),
    items: Type.Optional(Type.Array(Type.Ref('ChoiceItemInput'), { maxItems: 1000 })),
  },
  { $id: 'CreateChoiceListBody', additionalProperties: false },
);
export type CreateChoiceListBody = { name: string; items?: ChoiceItemInput[] };

const RecordDataSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Values by field name',
});

export const RecordInstanceSchema = Type.Object(
  {
    id: Uuid(),
    recordTypeId: Uuid(),
    data: RecordDataSchema,
    version: Type.Integer({ minimum: 1, description: 'Starts at 1; every update adds one' }),
    createdBy: Nullable(Type.String({ description: 'The user or agent that created the record' })),
    assignedTo: Nullable(Type.String()),
    assignedGroup: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'RecordInstance' },
);
export type RecordInstance = Static<typeof RecordInstanceSchema>;

const InputDataSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Values by field name; checked against the effective schema of the record type',
  maxProperties: 500,
});

export const CreateRecordInstanceBodySchema = Type.Object(
  { recordTypeId: Uuid(), data: InputDataSchema },
  { $id: 'CreateRecordInstanceBody', additionalProperties: false },
);
export type CreateRecordInstanceBody = Static<typeof CreateRecordInstanceBodySchema>;

export const UpdateRecordInstanceBodySchema = Type.Object(
  {
    data: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'Values to change by field name; null clears an optional field; fields left out keep their value',
      maxProperties: 500,
    }),
    version: Type.Optional(
      Int32({ minimum: 1, description: 'The version the change is based on; a stale one answers 409' }),
    ),
  },
  { $id: 'UpdateRecordInstanceBody', additionalProperties: false },
);
export type UpdateRecordInstanceBody = Static<typeof UpdateRecordInstanceBodySchema>;

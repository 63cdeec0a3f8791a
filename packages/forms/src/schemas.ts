import {
  type Condition,
  conditionSchemas,
  FieldStateSchema,
  FormViolationSchema,
  RuleProblemSchema,
} from '@ec3l/form-rules';
import { Int32, Name, Nullable, Text, Uuid } from '@ec3l/kernel';
import { type Static, type TObject, type TSchema, Type } from '@sinclair/typebox';
import type { FormPatchOp } from './core/layout.js';

const Timestamp = Type.String({ format: 'date-time' });
const Status = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('retired')]);
const FieldName = () =>
  Text({ minLength: 1, maxLength: 100, description: 'A field of the record type, own or inherited' });
const OrderIndex = (description: string) => Int32({ minimum: 0, maximum: 100_000, description });
const Column = () => Type.Integer({ minimum: 1, maximum: 4, description: 'Layout column, 1 to 4' });
const RuleType = Type.Union([Type.Literal('visible'), Type.Literal('required'), Type.Literal('readOnly')]);
const RuleStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);
const ConditionRef = Type.Union([Type.Ref('Condition'), Type.Null()], {
  description: 'When the rule applies; null: always',
});

export const FormDefinitionSchema = Type.Object(
  {
    id: Uuid(),
    recordTypeId: Uuid(),
    name: Type.String(),
    description: Nullable(Type.String()),
    version: Type.Integer({ description: 'Bumped by every edit of the form or its parts' }),
    status: Status,
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'FormDefinition' },
);
export type FormDefinition = Static<typeof FormDefinitionSchema>;

export const CreateFormDefinitionBodySchema = Type.Object(
  {
    recordTypeId: Uuid(),
    name: Name({ maxLength: 100, description: 'Unique per record type' }),
    description: Type.Optional(Text({ maxLength: 2000 })),
  },
  { $id: 'CreateFormDefinitionBody', additionalProperties: false },
);
export type CreateFormDefinitionBody = Static<typeof CreateFormDefinitionBodySchema>;

export const FormSectionSchema = Type.Object(
  { id: Uuid(), formDefinitionId: Uuid(), title: Type.String(), orderIndex: Type.Integer() },
  { $id: 'FormSection' },
);
export type FormSection = Static<typeof FormSectionSchema>;

export const CreateFormSectionBodySchema = Type.Object(
  {
    title: Name({ maxLength: 200, description: 'Unique within the form' }),
    orderIndex: Type.Optional(OrderIndex('Display position; after the last section when absent')),
  },
  { $id: 'CreateFormSectionBody', additionalProperties: false },
);
export const UpdateFormSectionBodySchema = Type.Object(
  {
    title: Type.Optional(Name({ maxLength: 200 })),
    orderIndex: Type.Optional(OrderIndex('Display position')),
  },
  { $id: 'UpdateFormSectionBody', additionalProperties: false, minProperties: 1 },
);

export const FormPlacementSchema = Type.Object(
  {
    id: Uuid(),
    formDefinitionId: Uuid(),
    formSectionId: Uuid(),
    field: Type.String(),
    column: Type.Integer(),
    orderIndex: Type.Integer(),
  },
  { $id: 'FormPlacement' },
);
export type FormPlacement = Static<typeof FormPlacementSchema>;

export const CreateFormPlacementBodySchema = Type.Object(
  {
    field: FieldName(),
    column: Type.Optional(Column()),
    orderIndex: Type.Optional(OrderIndex('Position in the section; after the last field when absent')),
  },
  { $id: 'CreateFormPlacementBody', additionalProperties: false },
);
export const UpdateFormPlacementBodySchema = Type.Object(
  {
    formSectionId: Type.Optional(Uuid({ description: 'Another section of the same form' })),
    column: Type.Optional(Column()),
    orderIndex: Type.Optional(OrderIndex('Position in the section')),
  },
  { $id: 'UpdateFormPlacementBody', additionalProperties: false, minProperties: 1 },
);

export const FormRuleSchema = Type.Object(
  {
    id: Uuid(),
    formDefinitionId: Uuid(),
    ruleType: RuleType,
    targetField: Type.String(),
    condition: ConditionRef,
    value: Type.Boolean(),
    orderIndex: Type.Integer(),
    status: RuleStatus,
    createdAt: Timestamp,
  },
  { $id: 'FormRule' },
);
export type FormRuleRecord = Omit<Static<typeof FormRuleSchema>, 'condition'> & {
  condition: Condition | null;
};

export const CreateFormRuleBodySchema = Type.Object(
  {
    ruleType: RuleType,
    targetField: FieldName(),
    condition: ConditionRef,
    value: Type.Boolean({ description: 'The flag the rule sets when its condition holds' }),
    orderIndex: Type.Optional(
      OrderIndex('Application order (a later matching rule wins); after the last rule when absent'),
    ),
    status: Type.Optional(RuleStatus),
  },
  { $id: 'CreateFormRuleBody', additionalProperties: false },
);
export const UpdateFormRuleBodySchema = Type.Object(
  {
    ruleType: Type.Optional(RuleType),
    targetField: Type.Optional(FieldName()),
    condition: Type.Optional(ConditionRef),
    value: Type.Optional(Type.Boolean()),
    orderIndex: Type.Optional(OrderIndex('Application order')),
    status: Type.Optional(RuleStatus),
  },
  { $id: 'UpdateFormRuleBody', additionalProperties: false, minProperties: 1 },
);

const patchVariant = (op: string, properties: Record<string, TSchema>, description: string): TObject =>
  Type.Object(
    { op: Type.Literal(op), field: FieldName(), ...properties },
    { $id: `FormPatchOp${op[0]?.toUpperCase()}${op.slice(1)}`, additionalProperties: false, description },
  );

/** The variant schemas of FormPatchOp; they must be registered with the validator beside it. */
const formPatchOpVariants: TObject[] = [
  patchVariant(
    'moveField',
    { orderIndex: OrderIndex('New position in its section') },
    'Reorder a field within its section',
  ),
  patchVariant(
    'changeSection',
    {
      section: Name({ maxLength: 200, description: 'Title of the target section' }),
      orderIndex: Type.Optional(OrderIndex('Position in the target section; last when absent')),
    },
    'Move a field to another section',
  ),
  patchVariant(
    'toggleRequired',
    { value: Type.Boolean() },
    'Set the field required or optional (never optional when its definition requires it)',
  ),
  patchVariant('toggleReadOnly', { value: Type.Boolean() }, 'Set the field read-only or editable'),
  patchVariant('toggleVisible', { value: Type.Boolean() }, 'Show or hide the field'),
];

export const FormPatchOpSchema = Type.Unsafe<FormPatchOp>({
  $id: 'FormPatchOp',
  type: 'object',
  description: 'One form patch op, told apart by `op`',
  oneOf: formPatchOpVariants.map((v) => Type.Ref(v.$id as string)),
  discriminator: { propertyName: 'op' },
});

export const CreateFormOverrideBodySchema = Type.Object(
  {
    ops: Type.Array(Type.Ref('FormPatchOp'), { minItems: 1, maxItems: 100 }),
    summary: Type.Optional(Text({ maxLength: 500 })),
  },
  { $id: 'CreateFormOverrideBody', additionalProperties: false },
);
export type CreateFormOverrideBody = { ops: FormPatchOp[]; summary?: string };

const SourceKind = Type.Union([Type.Literal('human'), Type.Literal('proposal'), Type.Literal('vibe')]);

export const FormOverrideSchema = Type.Object(
  {
    id: Uuid(),
    formDefinitionId: Uuid(),
    version: Type.Integer({ description: 'Counts up per form from 1' }),
    ops: Type.Array(Type.Ref('FormPatchOp')),
    summary: Nullable(Type.String()),
    status: Status,
    source: Type.Object({ kind: SourceKind, id: Nullable(Type.String()) }),
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp,
    activatedAt: Nullable(Timestamp),
    retiredAt: Nullable(Timestamp),
  },
  { $id: 'FormOverride' },
);
export type FormOverride = Omit<Static<typeof FormOverrideSchema>, 'ops'> & { ops: FormPatchOp[] };

const ProvenanceSchema = Type.Object(
  {
    layer: Type.Union([Type.Literal('definition'), Type.Literal('override'), Type.Literal('rule')]),
    overrideVersion: Type.Optional(Type.Integer()),
    ruleId: Type.Optional(Type.String()),
  },
  {
    description:
      'The layer that set the flag last: the field definition, the active override (its version) or an unconditional rule (its id)',
  },
);

const FormRulesViewSchema = Type.Object(
  {
    fields: Type.Array(
      Type.Object({
        name: Type.String(),
        label: Type.Optional(Type.String()),
        visible: Type.Boolean(),
        required: Type.Boolean(),
        readOnly: Type.Boolean(),
        requiredByDefinition: Type.Optional(Type.Boolean()),
      }),
    ),
    rules: Type.Array(
      Type.Object({
        id: Type.Optional(Type.String()),
        ruleType: RuleType,
        targetField: Type.String(),
        condition: ConditionRef,
        value: Type.Boolean(),
        orderIndex: Type.Integer(),
        status: RuleStatus,
      }),
    ),
  },
  {
    description:
      "The form-rule evaluator's input (@ec3l/form-rules evaluateForm / checkRecord): fields with their flags before rules, active rules in order",
  },
);

export const CompiledFormSchema = Type.Object(
  {
    formDefinitionId: Uuid(),
    name: Type.String(),
    recordTypeId: Uuid(),
    recordTypeName: Type.String(),
    version: Type.Integer(),
    status: Status,
    override: Nullable(Type.Object({ id: Uuid(), version: Type.Integer() })),
    sections: Type.Array(
      Type.Object({
        id: Uuid(),
        title: Type.String(),
        orderIndex: Type.Integer(),
        placements: Type.Array(
          Type.Object({
            placementId: Uuid(),
            field: Type.String(),
            column: Type.Integer(),
            orderIndex: Type.Integer(),
          }),
        ),
      }),
    ),
    fields: Type.Array(
      Type.Object({
        name: Type.String(),
        label: Nullable(Type.String()),
        type: Type.String(),
        section: Type.String(),
        column: Type.Integer(),
        visible: Type.Boolean(),
        required: Type.Boolean(),
        readOnly: Type.Boolean(),
        requiredByDefinition: Type.Boolean(),
        provenance: Type.Object({
          visible: ProvenanceSchema,
          required: ProvenanceSchema,
          readOnly: ProvenanceSchema,
        }),
        conditionalRuleIds: Type.Array(Type.String(), {
          description: 'Active rules with a condition on the field: their effect depends on the data',
        }),
      }),
    ),
    view: FormRulesViewSchema,
    missingFields: Type.Array(Type.String(), { description: 'Placed fields the record type no longer has' }),
  },
  { $id: 'CompiledForm' },
);

const RecordDataSchema = Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), {
  maxProperties: 500,
  description: "The record's data by field name",
});

export const EvaluateFormBodySchema = Type.Object(
  {
    data: RecordDataSchema,
    previous: Type.Optional(RecordDataSchema),
  },
  { $id: 'EvaluateFormBody', additionalProperties: false },
);

export const FormEvaluationSchema = Type.Object(
  {
    states: Type.Record(Type.String(), FieldStateSchema),
    violations: Type.Array(Type.Ref('FormViolation')),
  },
  { $id: 'FormEvaluation' },
);

export const PatchProblemSchema = Type.Object(
  {
    index: Type.Integer({ description: 'Position of the op in the list' }),
    field: Type.String(),
    code: Type.Union([
      Type.Literal('FIELD_NOT_ON_FORM'),
      Type.Literal('SECTION_UNKNOWN'),
      Type.Literal('REQUIRED_FIELD'),
    ]),
    message: Type.String(),
  },
  { $id: 'FormPatchProblem' },
);

/** Every schema with an $id that routes refer to, for registration with the validator. */
export const formsSchemas = (): TSchema[] => [
  ...conditionSchemas,
  RuleProblemSchema,
  FormViolationSchema,
  ...formPatchOpVariants,
  FormPatchOpSchema,
  FormDefinitionSchema,
  CreateFormDefinitionBodySchema,
  FormSectionSchema,
  CreateFormSectionBodySchema,
  UpdateFormSectionBodySchema,
  FormPlacementSchema,
  CreateFormPlacementBodySchema,
  UpdateFormPlacementBodySchema,
  FormRuleSchema,
  CreateFormRuleBodySchema,
  UpdateFormRuleBodySchema,
  CreateFormOverrideBodySchema,
  FormOverrideSchema,
  CompiledFormSchema,
  EvaluateFormBodySchema,
  FormEvaluationSchema,
];

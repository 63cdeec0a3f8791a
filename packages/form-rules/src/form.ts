import { type Static, Type } from '@sinclair/typebox';
import { type Condition, evaluateCondition } from './condition.js';
import { fieldValue, isEmptyValue, jsonEqual, type RecordData } from './values.js';

const RULE_TYPES = ['visible', 'required', 'readOnly'] as const;
type RuleType = (typeof RULE_TYPES)[number];

/** A behaviour rule: when its condition holds (null: always), it sets the target field's flag to `value`. */
export type FormRule = {
  /** The rule's id where it has one; problems and provenance name it. */
  id?: string;
  ruleType: RuleType;
  targetField: string;
  condition: Condition | null;
  value: boolean;
  orderIndex: number;
  status: 'active' | 'disabled';
};

/** A field of a compiled form with its flags before rules apply. */
export type FormFieldView = {
  name: string;
  /** Shown in messages; the name when absent. */
  label?: string;
  visible: boolean;
  required: boolean;
  readOnly: boolean;
  /** Required by the record type's field definition: nothing makes it optional. */
  requiredByDefinition?: boolean;
};

/** What the evaluator needs of a form: its fields with their flags and its rules. */
export type FormRulesView = {
  fields: FormFieldView[];
  rules: FormRule[];
};

export type FieldState = { visible: boolean; required: boolean; readOnly: boolean };

export const FieldStateSchema = Type.Object({
  visible: Type.Boolean(),
  required: Type.Boolean(),
  readOnly: Type.Boolean(),
});

export const FormViolationSchema = Type.Object(
  {
    field: Type.String(),
    rule: Type.Union([Type.Literal('required'), Type.Literal('readOnly')]),
    message: Type.String(),
  },
  { $id: 'FormViolation' },
);
/** Why a record does not satisfy a form: a visible required field is empty, or a read-only field was set. */
export type FormViolation = Static<typeof FormViolationSchema>;

/** Active rules in application order: by orderIndex, ties in list order. */
export const orderedRules = (rules: readonly FormRule[]): FormRule[] =>
  rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.status === 'active')
    .sort((a, b) => a.rule.orderIndex - b.rule.orderIndex || a.index - b.index)
    .map(({ rule }) => rule);

/**
 * The state of every field of the form on this data. Each field starts from its own flags; active
 * rules apply in orderIndex order and a later matching rule wins; a field required by its
 * definition stays required whatever the rules say. Rules on fields the form does not hold are
 * ignored. Total: never throws, whatever the data.
 */
export const evaluateForm = (form: FormRulesView, data: RecordData): Record<string, FieldState> => {
  const states = new Map<string, FieldState>();
  for (const field of form.fields)
    states.set(field.name, { visible: field.visible, required: field.required, readOnly: field.readOnly });
  for (const rule of orderedRules(form.rules)) {
    const state = states.get(rule.targetField);
    if (state && evaluateCondition(rule.condition, data)) state[rule.ruleType] = rule.value;
  }
  const result: Record<string, FieldState> = {};
  for (const field of form.fields) {
    const state = states.get(field.name) as FieldState;
    if (field.requiredByDefinition) state.required = true;
    result[field.name] = state;
  }
  return result;
};

/**
 * The violations of a write. `data` is the record's whole data after the write, `previous` its data
 * before (absent on create). The field states are those of the new data (what the form shows at
 * submit). required: a visible required field is empty. readOnly: a read-only field's value differs
 * from `previous`, or on create is set at all. One violation per field and kind, in the form's order.
 */
export const checkRecord = (
  form: FormRulesView,
  write: { data: RecordData; previous?: RecordData | null },
): FormViolation[] => {
  const states = evaluateForm(form, write.data);
  const violations: FormViolation[] = [];
  for (const field of form.fields) {
    const state = states[field.name] as FieldState;
    const label = field.label ?? field.name;
    const value = fieldValue(write.data, field.name);
    if (state.visible && state.required && isEmptyValue(value))
      violations.push({ field: field.name, rule: 'required', message: `${label} is required` });
    if (state.readOnly) {
      const changed = write.previous
        ? !jsonEqual(value, fieldValue(write.previous, field.name))
        : !isEmptyValue(value);
      if (changed)
        violations.push({
          field: field.name,
          rule: 'readOnly',
          message: `${label} is read-only and cannot be changed`,
        });
    }
  }
  return violations;
};

import type { Schemas } from '@ec3l/sdk';
import {
  EMPTY_FIELD_DRAFT,
  type FieldDraft,
  type FieldDraftKey,
  type FieldInput,
  fieldDraftErrors,
  identifierProblem,
  toFieldInput,
} from './fields';
import {
  type AssignmentConfig,
  type AssignmentDraft,
  assignmentDraftOf,
  buildAssignment,
  buildSla,
  type ConfigErrors,
  describeAssignment,
  describeSla,
  type SlaConfig,
  type SlaDraft,
  slaDraftOf,
} from './record-configs';

/** Patch ops: the add-op form's payload builders and one-line descriptions of ops (pure, no DOM). */

export type PatchOp = Schemas['PatchOp'];
export type OpType = PatchOp['opType'];
export type CreatePatchOpBody = Schemas['CreatePatchOpBody'];

export const OP_TYPES: readonly { key: OpType; label: string; hint: string }[] = [
  { key: 'add_field', label: 'Add field', hint: 'Inserts a new field; refused if the name exists' },
  { key: 'set_field', label: 'Set field', hint: 'Replaces a field in place, or appends it' },
  { key: 'remove_field', label: 'Remove field', hint: 'Removes a field; refused if it is missing' },
  { key: 'rename_field', label: 'Rename field', hint: 'Renames a field in place, keeping its definition' },
  {
    key: 'set_assignment',
    label: 'Set assignment',
    hint: 'Replaces who new records go to; the fields it names must exist once the change runs',
  },
  {
    key: 'set_sla',
    label: 'Set SLA',
    hint: 'Replaces the service level; the fields it names must exist once the change runs',
  },
];

const opTypeLabel = (opType: string): string => OP_TYPES.find((op) => op.key === opType)?.label ?? opType;

/** `after` of add_field: blank inserts at the end (omitted), FIRST inserts first (null), else after that field. */
export const AFTER_END = '';
export const AFTER_FIRST = ':first';

export const addFieldPayload = (field: FieldInput, after: string) => {
  if (after === AFTER_END) return { field };
  return { field, after: after === AFTER_FIRST ? null : after };
};
export const setFieldPayload = (field: FieldInput) => ({ field });
export const removeFieldPayload = (fieldName: string) => ({ fieldName: fieldName.trim() });
export const renameFieldPayload = (from: string, to: string) => ({ from: from.trim(), to: to.trim() });

export type OpFormValues = {
  targetId: string;
  opType: OpType;
  field: FieldDraft;
  after: string;
  fieldName: string;
  from: string;
  to: string;
  assignment: AssignmentDraft;
  sla: SlaDraft;
};

export const emptyOpForm = (targetId = ''): OpFormValues => ({
  targetId,
  opType: 'add_field',
  field: EMPTY_FIELD_DRAFT,
  after: AFTER_END,
  fieldName: '',
  from: '',
  to: '',
  assignment: assignmentDraftOf(null),
  sla: slaDraftOf(null),
});

type OpFormField = 'targetId' | FieldDraftKey | 'fieldName' | 'from' | 'to';
export type OpFormErrors = Partial<Record<OpFormField | '_form', string>> & ConfigErrors;

export type BuiltOp = { ok: true; body: CreatePatchOpBody } | { ok: false; errors: OpFormErrors };

/**
 * The body of POST /api/changes/{changeId}/patch-ops for the form, or the problems to show beside its
 * fields. `fieldTypes` are the target's effective fields (name → type), which configurations name;
 * empty when unknown (an earlier op of the change may add a field: the executor checks).
 */
export const buildPatchOp = (
  values: OpFormValues,
  fieldTypes: ReadonlyMap<string, string> = new Map(),
): BuiltOp => {
  const errors: OpFormErrors = {};
  if (values.targetId === '') errors.targetId = 'Pick the record type the op changes';
  const { targetId } = values;
  let body: CreatePatchOpBody;
  switch (values.opType) {
    case 'add_field':
    case 'set_field': {
      Object.assign(errors, fieldDraftErrors(values.field));
      const field = toFieldInput(values.field);
      body =
        values.opType === 'add_field'
          ? { targetId, opType: 'add_field', payload: addFieldPayload(field, values.after) }
          : { targetId, opType: 'set_field', payload: setFieldPayload(field) };
      break;
    }
    case 'remove_field': {
      const problem = identifierProblem(values.fieldName, 'Field name');
      if (problem) errors.fieldName = problem;
      body = { targetId, opType: 'remove_field', payload: removeFieldPayload(values.fieldName) };
      break;
    }
    case 'rename_field': {
      const from = identifierProblem(values.from, 'Current name');
      const to = identifierProblem(values.to, 'New name');
      if (from) errors.from = from;
      if (to) errors.to = to;
      if (!from && !to && values.from.trim() === values.to.trim()) errors.to = 'The new name is the same';
      body = { targetId, opType: 'rename_field', payload: renameFieldPayload(values.from, values.to) };
      break;
    }
    // Fields a configuration names may come from another op of the change: only values are checked here.
    case 'set_assignment': {
      const built = buildAssignment(values.assignment, fieldTypes, { fieldsKnown: false });
      if (!built.ok) Object.assign(errors, built.errors);
      body = { targetId, opType: 'set_assignment', payload: { config: built.ok ? built.config : null } };
      break;
    }
    case 'set_sla': {
      const built = buildSla(values.sla, null);
      if (!built.ok) Object.assign(errors, built.errors);
      body = { targetId, opType: 'set_sla', payload: { config: built.ok ? built.config : null } };
      break;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body };
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const fieldOf = (payload: Record<string, unknown>) => {
  const field = payload.field;
  if (typeof field !== 'object' || field === null) return null;
  const f = field as Record<string, unknown>;
  const name = str(f.name);
  const type = str(f.type);
  if (!name || !type) return null;
  return { name, type, required: f.required === true, label: str(f.label) };
};

/**
 * An op in one line, as the ops table and the timeline show it: `Add field priority (number) at the end`,
 * `Rename field title → summary`. A payload of an unexpected shape falls back to the op's label.
 */
export const describeOp = (op: { opType: string; payload: Record<string, unknown> }): string => {
  const { payload } = op;
  switch (op.opType) {
    case 'add_field':
    case 'set_field': {
      const field = fieldOf(payload);
      if (!field) return opTypeLabel(op.opType);
      const extras = [field.type, ...(field.required ? ['required'] : [])].join(', ');
      const head = `${opTypeLabel(op.opType)} ${field.name} (${extras})`;
      if (op.opType === 'set_field') return head;
      if (!('after' in payload)) return `${head} at the end`;
      const after = str(payload.after);
      return after ? `${head} after ${after}` : `${head} first`;
    }
    case 'remove_field': {
      const name = str(payload.fieldName);
      return name ? `Remove field ${name}` : opTypeLabel(op.opType);
    }
    case 'rename_field': {
      const from = str(payload.from);
      const to = str(payload.to);
      return from && to ? `Rename field ${from} → ${to}` : opTypeLabel(op.opType);
    }
    case 'set_assignment':
      return `Set assignment: ${describeAssignment(payload.config as AssignmentConfig | null)}`;
    case 'set_sla':
      return `Set SLA: ${describeSla(payload.config as SlaConfig | null)}`;
    default:
      return op.opType;
  }
};

/**
 * The record-type keys that pending remove_field ops take fields from, in op order and each once: what a
 * merge removes when no diff preview is at hand.
 */
export const removedFieldKeys = (
  ops: readonly Pick<PatchOp, 'opType' | 'targetId' | 'executedAt'>[],
  targets: readonly { id: string; selector: Record<string, unknown> }[],
): string[] => {
  const keyOf = new Map(targets.map((t) => [t.id, t.selector.recordTypeKey]));
  const keys: string[] = [];
  for (const op of ops) {
    if (op.opType !== 'remove_field' || op.executedAt !== null) continue;
    const key = keyOf.get(op.targetId);
    if (typeof key === 'string' && !keys.includes(key)) keys.push(key);
  }
  return keys;
};

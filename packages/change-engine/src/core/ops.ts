import type { AssignmentConfig, FieldDefinition, SlaConfig } from '@ec3l/records';

const OP_TYPES = [
  'add_field',
  'set_field',
  'remove_field',
  'rename_field',
  'set_assignment',
  'set_sla',
] as const;
export type OpType = (typeof OP_TYPES)[number];

/** add_field inserts after `after` (null: first); without it, the field is appended. */
export type FieldOpPayload =
  | { opType: 'add_field'; payload: { field: FieldDefinition; after?: string | null } }
  | { opType: 'set_field'; payload: { field: FieldDefinition } }
  | { opType: 'remove_field'; payload: { fieldName: string } }
  | { opType: 'rename_field'; payload: { from: string; to: string } };

/** Replace the record type's assignment or SLA configuration; null clears it. */
type ConfigOpPayload =
  | { opType: 'set_assignment'; payload: { config: AssignmentConfig | null } }
  | { opType: 'set_sla'; payload: { config: SlaConfig | null } };

export type OpPayload = FieldOpPayload | ConfigOpPayload;

/** What a change edits on one record type: its own fields and its two configurations. */
export type RecordTypeState = {
  fields: FieldDefinition[];
  assignmentConfig: AssignmentConfig | null;
  slaConfig: SlaConfig | null;
};

type TransformErrorCode =
  | 'BASE_TYPE_PROTECTED_FIELD'
  | 'FIELD_EXISTS'
  | 'FIELD_NOT_FOUND'
  | 'ANCHOR_NOT_FOUND';
export type TransformError = { code: TransformErrorCode; field: string; message: string };

/** Inherited fields of a record type, by name, with the base type that declares each (E7). */
export type ProtectedFields = ReadonlyMap<string, string>;

const protectedError = (field: string, from: string, verb: string): TransformError => ({
  code: 'BASE_TYPE_PROTECTED_FIELD',
  field,
  message: `field "${field}" is inherited from base type "${from}" and cannot be ${verb} here; change it on "${from}"`,
});

/**
 * Applies one op to a record type's own fields, returning the new fields (the input is not touched)
 * and the op that undoes it, or the reason it cannot apply. Inherited fields cannot be added, set,
 * removed or renamed through a derived type (E7). Pure and deterministic (E5).
 */
export const applyOp = (
  fields: readonly FieldDefinition[],
  op: FieldOpPayload,
  protectedFields: ProtectedFields,
): { fields: FieldDefinition[]; inverse: FieldOpPayload } | { error: TransformError } => {
  const indexOf = (name: string) => fields.findIndex((f) => f.name === name);
  switch (op.opType) {
    case 'add_field': {
      const { field, after } = op.payload;
      const from = protectedFields.get(field.name);
      if (from) return { error: protectedError(field.name, from, 'redefined') };
      if (indexOf(field.name) >= 0) {
        return {
          error: { code: 'FIELD_EXISTS', field: field.name, message: `field "${field.name}" already exists` },
        };
      }
      let at = fields.length;
      if (after === null) at = 0;
      else if (after !== undefined) {
        const anchor = indexOf(after);
        if (anchor < 0) {
          return {
            error: {
              code: 'ANCHOR_NOT_FOUND',
              field: field.name,
              message: `field "${after}" to insert after does not exist`,
            },
          };
        }
        at = anchor + 1;
      }
      return {
        fields: [...fields.slice(0, at), field, ...fields.slice(at)],
        inverse: { opType: 'remove_field', payload: { fieldName: field.name } },
      };
    }
    case 'set_field': {
      const { field } = op.payload;
      const from = protectedFields.get(field.name);
      if (from) return { error: protectedError(field.name, from, 'changed') };
      const at = indexOf(field.name);
      if (at < 0) {
        return {
          fields: [...fields, field],
          inverse: { opType: 'remove_field', payload: { fieldName: field.name } },
        };
      }
      // In place, the field keeps its identity: its storage key (where record values live) stays.
      const storageKey = fields[at]!.storageKey ?? field.storageKey;
      const updated = storageKey === undefined ? field : { ...field, storageKey };
      return {
        fields: fields.map((f, i) => (i === at ? updated : f)),
        inverse: { opType: 'set_field', payload: { field: fields[at]! } },
      };
    }
    case 'remove_field': {
      const { fieldName } = op.payload;
      const from = protectedFields.get(fieldName);
      if (from) return { error: protectedError(fieldName, from, 'removed') };
      const at = indexOf(fieldName);
      if (at < 0)
        return {
          error: {
            code: 'FIELD_NOT_FOUND',
            field: fieldName,
            message: `field "${fieldName}" does not exist`,
          },
        };
      return {
        fields: fields.filter((_, i) => i !== at),
        inverse: {
          opType: 'add_field',
          payload: { field: fields[at]!, after: at === 0 ? null : fields[at - 1]!.name },
        },
      };
    }
    case 'rename_field': {
      const { from, to } = op.payload;
      const inheritedFrom = protectedFields.get(from);
      if (inheritedFrom) return { error: protectedError(from, inheritedFrom, 'renamed') };
      const at = indexOf(from);
      if (at < 0)
        return { error: { code: 'FIELD_NOT_FOUND', field: from, message: `field "${from}" does not exist` } };
      if (indexOf(to) >= 0 || protectedFields.has(to)) {
        return { error: { code: 'FIELD_EXISTS', field: to, message: `field "${to}" already exists` } };
      }
      return {
        fields: fields.map((f, i) => (i === at ? { ...f, name: to } : f)),
        inverse: { opType: 'rename_field', payload: { from: to, to: from } },
      };
    }
  }
};

/**
 * Applies one op of any type to a record type's state (the input is not touched), returning the new
 * state and the op that undoes it: a configuration op always applies, its inverse sets the previous
 * configuration back (null included). Pure and deterministic (E5).
 */
export const applyTypeOp = (
  state: RecordTypeState,
  op: OpPayload,
  protectedFields: ProtectedFields,
): { state: RecordTypeState; inverse: OpPayload } | { error: TransformError } => {
  switch (op.opType) {
    case 'set_assignment':
      return {
        state: { ...state, assignmentConfig: op.payload.config },
        inverse: { opType: 'set_assignment', payload: { config: state.assignmentConfig } },
      };
    case 'set_sla':
      return {
        state: { ...state, slaConfig: op.payload.config },
        inverse: { opType: 'set_sla', payload: { config: state.slaConfig } },
      };
    default: {
      const result = applyOp(state.fields, op, protectedFields);
      return 'error' in result
        ? result
        : { state: { ...state, fields: result.fields }, inverse: result.inverse };
    }
  }
};

type AppliedTypeOps =
  | { state: RecordTypeState; undo: OpPayload[] }
  | { error: TransformError; opIndex: number };

/** Applies ops of any type in order; on the first failure nothing is returned but the error (all-or-nothing). */
export const applyTypeOps = (
  state: RecordTypeState,
  ops: readonly OpPayload[],
  protectedFields: ProtectedFields,
): AppliedTypeOps => {
  let current = state;
  const undo: OpPayload[] = [];
  for (const [opIndex, op] of ops.entries()) {
    const result = applyTypeOp(current, op, protectedFields);
    if ('error' in result) return { error: result.error, opIndex };
    current = result.state;
    undo.unshift(result.inverse);
  }
  return { state: current, undo };
};

/** applyTypeOps for field ops alone: the new fields and the ops that undo them. */
export const applyOps = (
  fields: readonly FieldDefinition[],
  ops: readonly FieldOpPayload[],
  protectedFields: ProtectedFields,
): { fields: FieldDefinition[]; undo: FieldOpPayload[] } | { error: TransformError; opIndex: number } => {
  const result = applyTypeOps(
    { fields: [...fields], assignmentConfig: null, slaConfig: null },
    ops,
    protectedFields,
  );
  // Field ops undo with field ops only.
  return 'error' in result ? result : { fields: result.state.fields, undo: result.undo as FieldOpPayload[] };
};

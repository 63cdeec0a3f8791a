import type { OpPayload } from './ops.js';

/** What a sequence of ops on one record type did to the identity of its fields. */
export type FieldTrace = {
  /**
   * For each field that existed before the ops and still exists after them under another name:
   * old name → new name. A chain a → b → c is one rename a → c; a → b → a is none.
   */
  renames: Map<string, string>;
  /** Names that, after the ops, belong to fields the ops created (even where an old field had it). */
  created: Set<string>;
};

/**
 * Follows each field through the ops by identity, not by name, from the field names `before` the ops
 * (the ops must apply to them in order, as the executor checks). Pure.
 */
export const traceFields = (before: Iterable<string>, ops: readonly OpPayload[]): FieldTrace => {
  const existed = new Set(before);
  // Current name → the name the field had before the ops, or null for a field the ops created
  // (or a name no field holds any more). Names the ops never touched keep their field.
  const origin = new Map<string, string | null>();
  const originOf = (name: string): string | null =>
    origin.has(name) ? origin.get(name)! : existed.has(name) ? name : null;
  for (const op of ops) {
    switch (op.opType) {
      case 'rename_field':
        origin.set(op.payload.to, originOf(op.payload.from));
        origin.set(op.payload.from, null);
        break;
      case 'remove_field':
        origin.set(op.payload.fieldName, null);
        break;
      case 'add_field':
        origin.set(op.payload.field.name, null);
        break;
      case 'set_field':
        // In place when the field exists (identity kept); else it appends a field the ops create.
        origin.set(op.payload.field.name, originOf(op.payload.field.name));
        break;
      case 'set_assignment':
      case 'set_sla':
        break; // configurations leave every field's identity alone
    }
  }
  const renames = new Map<string, string>();
  const created = new Set<string>();
  for (const [name, from] of origin) {
    if (from === null) created.add(name);
    else if (from !== name) renames.set(from, name);
  }
  return { renames, created };
};

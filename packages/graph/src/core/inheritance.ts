import type { FieldDef, GraphSnapshot } from './contracts.js';
import { ancestorsOf, type GraphIndex, numberOf, toIndex } from './graph-index.js';

export type EffectiveField = FieldDef & {
  inherited: boolean;
  /** Key of the base type that declares the field; null for an own field. */
  inheritedFrom: string | null;
};

/**
 * The fields of a record type with those of its base chain: root base type's first, own fields last, each
 * type's in declaration order. Nothing is merged away (a repeated name stays, as DUPLICATE_FIELD reports
 * it). The chain stops at a missing or other-project base type and before a cycle, so this always
 * terminates; an unknown (projectId, key) has no fields. O(fields on the chain) given an index.
 */
export const effectiveFields = (
  s: GraphIndex | GraphSnapshot,
  projectId: string,
  key: string,
): EffectiveField[] => {
  const index = toIndex(s);
  const n = numberOf(index, projectId, key);
  const node = index.nodes[n];
  if (node === undefined) return [];
  const fields: EffectiveField[] = [];
  const ancestors = ancestorsOf(index, n);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const base = index.nodes[ancestors[i]!]!;
    for (const field of base.fields) fields.push({ ...field, inherited: true, inheritedFrom: base.key });
  }
  for (const field of node.fields) fields.push({ ...field, inherited: false, inheritedFrom: null });
  return fields;
};

/**
 * The inherited fields a derived record type may not remove, rename or weaken (E7), by name, in
 * effective order. Should a name be declared twice along the chain, the root-most declaration is the
 * protected one. Own fields are never in it; an unknown (projectId, key) protects nothing.
 */
export const protectedFieldsOf = (
  s: GraphIndex | GraphSnapshot,
  projectId: string,
  key: string,
): Map<string, FieldDef & { inheritedFrom: string }> => {
  const index = toIndex(s);
  const protectedFields = new Map<string, FieldDef & { inheritedFrom: string }>();
  const ancestors = ancestorsOf(index, numberOf(index, projectId, key));
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const base = index.nodes[ancestors[i]!]!;
    for (const field of base.fields) {
      if (!protectedFields.has(field.name)) {
        protectedFields.set(field.name, { ...field, inheritedFrom: base.key });
      }
    }
  }
  return protectedFields;
};

const shown = (value: string | null | undefined): string => (value == null ? 'none' : JSON.stringify(value));

/**
 * Why `after` would weaken the inherited field `before` (E7): renamed, type changed, required made
 * optional, a choice field's list or a reference field's target changed. Null when it does not weaken it
 * (a new label or default value, or optional made required, are allowed).
 */
export const isWeakening = (before: FieldDef, after: FieldDef): string | null => {
  if (after.name !== before.name) return `renamed from ${shown(before.name)} to ${shown(after.name)}`;
  if (after.type !== before.type) return `type changed from ${before.type} to ${after.type}`;
  if (before.required && !after.required) return 'changed from required to optional';
  if (before.type === 'choice' && (before.choiceListId ?? null) !== (after.choiceListId ?? null)) {
    return `choice list changed from ${shown(before.choiceListId)} to ${shown(after.choiceListId)}`;
  }
  if (
    before.type === 'reference' &&
    (before.referenceRecordTypeKey ?? null) !== (after.referenceRecordTypeKey ?? null)
  ) {
    return `reference target changed from ${shown(before.referenceRecordTypeKey)} to ${shown(after.referenceRecordTypeKey)}`;
  }
  return null;
};

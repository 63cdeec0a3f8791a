import { invalid, isIdentifier } from '@ec3l/kernel';

/** The eight field types (D8). */
export const FIELD_TYPES = [
  'string',
  'number',
  'boolean',
  'date',
  'datetime',
  'reference',
  'choice',
  'text',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const RECORD_TYPE_STATUSES = ['draft', 'active', 'retired'] as const;
export type RecordTypeStatus = (typeof RECORD_TYPE_STATUSES)[number];

/** A field as stored in a record type's schema (own fields only). */
export type FieldDefinition = {
  name: string;
  type: FieldType;
  label: string | null;
  required: boolean;
  defaultValue: unknown;
  choiceListId: string | null;
  referenceRecordTypeKey: string | null;
  /**
   * Where record instances keep this field's value (a key of their `data`). Assigned when the field is
   * first written and kept across renames; never shown by the API, which speaks field names.
   */
  storageKey?: string;
};

export type FieldInput = {
  name: string;
  type: FieldType;
  label?: string | null;
  required?: boolean;
  defaultValue?: unknown;
  choiceListId?: string | null;
  referenceRecordTypeKey?: string | null;
};

/** Fills a field's optional properties with their defaults and checks what a schema cannot. */
export const normalizeField = (input: FieldInput): FieldDefinition => {
  if (!isIdentifier(input.name)) {
    throw invalid(
      `field name "${input.name}" must be lower snake case (a-z, 0-9, _), starting with a letter`,
      {
        field: input.name,
      },
    );
  }
  if (!(FIELD_TYPES as readonly string[]).includes(input.type)) {
    throw invalid(`field type "${input.type}" is not one of ${FIELD_TYPES.join(', ')}`, {
      field: input.name,
    });
  }
  const field: FieldDefinition = {
    name: input.name,
    type: input.type,
    label: input.label?.trim() || null,
    required: input.required ?? false,
    defaultValue: input.defaultValue ?? null,
    choiceListId: input.type === 'choice' ? (input.choiceListId ?? null) : null,
    referenceRecordTypeKey: input.type === 'reference' ? (input.referenceRecordTypeKey ?? null) : null,
  };
  if (field.type === 'choice' && !field.choiceListId) {
    throw invalid(`choice field "${field.name}" needs a choiceListId`, { field: field.name });
  }
  if (field.type === 'reference' && !field.referenceRecordTypeKey) {
    throw invalid(`reference field "${field.name}" needs a referenceRecordTypeKey`, { field: field.name });
  }
  if (input.type !== 'choice' && input.choiceListId) {
    throw invalid(`only choice fields take a choiceListId ("${field.name}" is ${field.type})`, {
      field: field.name,
    });
  }
  if (input.type !== 'reference' && input.referenceRecordTypeKey) {
    throw invalid(`only reference fields take a referenceRecordTypeKey ("${field.name}" is ${field.type})`, {
      field: field.name,
    });
  }
  return field;
};

export type EffectiveField = FieldDefinition & { inherited: boolean; inheritedFrom: string | null };

type TypeShape = { key: string; baseType: string | null; fields: readonly FieldDefinition[] };

/**
 * The base types a record type inherits from, nearest first: its base, that one's base, and so on, in
 * `byKey` (the record types of one project; P6: a base type resolves in its own project only). The chain
 * stops at a missing base type, and before a cycle of base types (circular inheritance, an error: the
 * graph reports `BASE_TYPE_CYCLE`, and no write can store one): a type on a cycle inherits from none, and
 * a type whose chain runs into a cycle only from the types before it. So a cycle is never a way to
 * inherit, the answer does not depend on where the chain enters the cycle, and the walk always
 * terminates, in O(length of the chain). An unknown key has no base types.
 */
export const baseChainOf = <T extends { key: string; baseType: string | null }>(
  key: string,
  byKey: ReadonlyMap<string, T>,
): T[] => {
  // The chain from the type itself up; a type met again closes a cycle.
  const chain: T[] = [];
  const position = new Map<string, number>([[key, 0]]);
  for (let next = byKey.get(key)?.baseType ?? null; next !== null; ) {
    const seen = position.get(next);
    // A cycle through the type itself (at 0) leaves it no base types; one further up cuts the chain there.
    if (seen !== undefined) return chain.slice(0, seen === 0 ? 0 : seen - 1);
    const base = byKey.get(next);
    if (!base) break;
    chain.push(base);
    position.set(next, chain.length);
    next = base.baseType;
  }
  return chain;
};

/**
 * The fields a record type has (its effective schema): those of its base chain (`baseChainOf`, which
 * stops before a cycle), root base type's first, then each derived type's, its own last, each type's in
 * declaration order, inherited ones marked with the key of the type declaring them. An unknown key has
 * no fields. Nothing is merged away: a name declared twice along the chain stays twice
 * (`DUPLICATE_FIELD` refuses it on every write). O(fields on the chain).
 */
export const resolveEffectiveFields = (
  key: string,
  byKey: ReadonlyMap<string, TypeShape>,
): EffectiveField[] => {
  const type = byKey.get(key);
  if (!type) return [];
  return [
    ...baseChainOf(key, byKey)
      .reverse()
      .flatMap((t) => t.fields.map((f) => ({ ...f, inherited: true, inheritedFrom: t.key }))),
    ...type.fields.map((f) => ({ ...f, inherited: false, inheritedFrom: null })),
  ];
};

/** The record-type lifecycle: draft → active → retired (a draft may be retired unused). */
export const nextRecordTypeStatus = (
  current: RecordTypeStatus,
  action: 'activate' | 'retire',
): RecordTypeStatus | { error: string } => {
  if (action === 'activate')
    return current === 'draft' ? 'active' : { error: `a ${current} record type cannot be activated` };
  return current === 'retired' ? { error: 'the record type is already retired' } : 'retired';
};

/** The key a field's values are stored under: its storage key, or its name for fields written before keys existed. */
export const storageKeyOf = (field: Pick<FieldDefinition, 'name' | 'storageKey'>): string =>
  field.storageKey ?? field.name;

/**
 * The fields with a storage key each: kept where one is set, `fresh()` for fields new to the schema.
 * A field written before storage keys existed keeps its name as its key, so its values stay readable.
 */
export const withStorageKeys = (fields: readonly FieldDefinition[], fresh: () => string): FieldDefinition[] =>
  fields.map((f) => (f.storageKey ? f : { ...f, storageKey: fresh() }));

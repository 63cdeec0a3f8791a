import type { Schemas } from '@ec3l/sdk';
import { IDENTIFIER_RE } from './identifiers';

/** Field definitions as forms edit them and as the API takes them (pure, no DOM). */

export type FieldInput = Schemas['FieldInput'];
export type FieldType = FieldInput['type'];

/** The eight field types (D8), in the order the type selects offer them. */
export const FIELD_TYPES: readonly FieldType[] = [
  'string',
  'text',
  'number',
  'boolean',
  'date',
  'datetime',
  'choice',
  'reference',
];

export const isFieldType = (value: string): value is FieldType =>
  (FIELD_TYPES as readonly string[]).includes(value);

/** Why `value` is not a valid key or field name (`what` names it in the message), or null. */
export const identifierProblem = (value: string, what: string): string | null => {
  const trimmed = value.trim();
  if (trimmed === '') return `${what} is required`;
  if (!IDENTIFIER_RE.test(trimmed)) {
    return `${what} must be lower snake case: a letter, then letters, digits or _ (at most 63)`;
  }
  return null;
};

/** One field as a form holds it: strings for every input, a boolean for the checkbox. */
export type FieldDraft = {
  name: string;
  type: FieldType;
  label: string;
  required: boolean;
  choiceListId: string;
  referenceRecordTypeKey: string;
};

export const EMPTY_FIELD_DRAFT: FieldDraft = {
  name: '',
  type: 'string',
  label: '',
  required: false,
  choiceListId: '',
  referenceRecordTypeKey: '',
};

export type FieldDraftKey = 'name' | 'choiceListId' | 'referenceRecordTypeKey';

/** The checks a form can make before asking the server: a valid name, and the binding its type needs. */
export const fieldDraftErrors = (draft: FieldDraft): Partial<Record<FieldDraftKey, string>> => {
  const errors: Partial<Record<FieldDraftKey, string>> = {};
  const name = identifierProblem(draft.name, 'Field name');
  if (name) errors.name = name;
  if (draft.type === 'choice' && draft.choiceListId === '') {
    errors.choiceListId = 'A choice field needs a choice list';
  }
  if (draft.type === 'reference') {
    const key = identifierProblem(draft.referenceRecordTypeKey, 'Referenced record type');
    if (key) errors.referenceRecordTypeKey = key;
  }
  return errors;
};

/**
 * The API's field: trimmed name and label (left out when blank), the choice list only for a choice field
 * and the referenced key only for a reference field, so a type switched back and forth sends nothing stale.
 */
export const toFieldInput = (draft: FieldDraft): FieldInput => {
  const field: FieldInput = { name: draft.name.trim(), type: draft.type, required: draft.required };
  const label = draft.label.trim();
  if (label) field.label = label;
  if (draft.type === 'choice') field.choiceListId = draft.choiceListId;
  if (draft.type === 'reference') field.referenceRecordTypeKey = draft.referenceRecordTypeKey.trim();
  return field;
};

type FieldLike = {
  type: string;
  label?: string | null;
  required?: boolean;
  choiceListId?: string | null;
  referenceRecordTypeKey?: string | null;
};

/**
 * A field in a few words, `name` excluded: `number, required, label “Priority”`, `reference → incident`.
 * `choiceListName` turns a choice list id into its name when known.
 */
export const describeField = (
  field: FieldLike,
  choiceListName?: (id: string) => string | undefined,
): string => {
  const parts: string[] = [];
  if (field.type === 'reference' && field.referenceRecordTypeKey) {
    parts.push(`reference → ${field.referenceRecordTypeKey}`);
  } else if (field.type === 'choice' && field.choiceListId) {
    parts.push(`choice from ${choiceListName?.(field.choiceListId) ?? 'a choice list'}`);
  } else {
    parts.push(field.type);
  }
  if (field.required) parts.push('required');
  if (field.label) parts.push(`label “${field.label}”`);
  return parts.join(', ');
};

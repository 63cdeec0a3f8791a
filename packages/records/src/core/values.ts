import { isUuid } from '@ec3l/kernel';
import { type EffectiveField, type FieldDefinition, storageKeyOf } from './fields.js';

/** A record's values by field name, as the API speaks them. */
export type RecordData = Record<string, unknown>;

/** Why a value was refused. */
type DataIssueReason = 'unknown' | 'type' | 'required' | 'choice' | 'reference';

/** One refused value of a record's data, named by its field. */
export type DataIssue = { field: string; reason: DataIssueReason; message: string };

/** A choice value to look up among the active items of its list. */
type ChoiceCheck = { field: string; choiceListId: string; value: string };
/** A referenced record to look up among the records of its type. */
type ReferenceCheck = { field: string; recordTypeKey: string; recordId: string };

export type CheckedData = {
  /** The values to write, by field name; null clears a value. */
  values: Map<string, unknown>;
  issues: DataIssue[];
  /** Values whose validity depends on stored rows: the caller looks them up and adds their issues. */
  choices: ChoiceCheck[];
  references: ReferenceCheck[];
};

/** Longest values a string or text field takes, in characters. */
export const MAX_STRING = 2_000;
const MAX_TEXT = 100_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const isRealDate = (value: string): boolean => {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
};

const stringOf = (value: unknown, max: number): string | { error: string } => {
  if (typeof value !== 'string') return { error: 'must be a string' };
  if (value.length > max) return { error: `must be at most ${max} characters` };
  if (value.includes('\u0000')) return { error: 'must not contain NUL characters' };
  return value;
};

/**
 * The value as stored for the field's type, or why it is refused. Datetimes are stored in UTC
 * (`toISOString`), so that they sort in time order; every other accepted value is stored as given.
 */
export const coerceValue = (
  field: Pick<FieldDefinition, 'type'>,
  value: unknown,
): { value: unknown } | { error: string } => {
  switch (field.type) {
    case 'string':
    case 'choice': {
      const s = stringOf(value, MAX_STRING);
      return typeof s === 'string' ? { value: s } : s;
    }
    case 'text': {
      const s = stringOf(value, MAX_TEXT);
      return typeof s === 'string' ? { value: s } : s;
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { value }
        : { error: 'must be a finite number' };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'must be true or false' };
    case 'date':
      return typeof value === 'string' && isRealDate(value)
        ? { value }
        : { error: 'must be a calendar date (YYYY-MM-DD)' };
    case 'datetime': {
      if (typeof value === 'string' && DATETIME_RE.test(value) && isRealDate(value.slice(0, 10))) {
        const at = new Date(value);
        if (!Number.isNaN(at.getTime())) return { value: at.toISOString() };
      }
      return { error: 'must be an ISO 8601 date and time with a zone (e.g. 2026-01-31T09:00:00Z)' };
    }
    case 'reference':
      return typeof value === 'string' && isUuid(value)
        ? { value: value.toLowerCase() }
        : { error: 'must be the id (uuid) of a record' };
  }
};

/**
 * Checks a record's data against its type's effective fields. On create every field is considered:
 * an absent (or null) value takes the field's default, and a required field without either is
 * refused. On update only the fields given are: null clears an optional field. Every issue is
 * listed, not just the first. Choice and reference values come back as lookups for the caller. Pure.
 */
export const checkRecordData = (
  fields: readonly EffectiveField[],
  input: RecordData,
  mode: 'create' | 'update',
): CheckedData => {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const result: CheckedData = { values: new Map(), issues: [], choices: [], references: [] };
  const issue = (field: string, reason: DataIssueReason, message: string) =>
    result.issues.push({ field, reason, message });
  for (const name of Object.keys(input)) {
    if (!byName.has(name)) issue(name, 'unknown', `the record type has no field "${name}"`);
  }
  for (const field of fields) {
    const given = Object.hasOwn(input, field.name) ? input[field.name] : undefined;
    let value = given;
    let fromDefault = false;
    if (value === undefined || value === null) {
      if (mode === 'update') {
        if (given === undefined) continue;
        if (field.required)
          issue(field.name, 'required', `"${field.name}" is required and cannot be cleared`);
        else result.values.set(field.name, null);
        continue;
      }
      if (field.defaultValue === null || field.defaultValue === undefined) {
        if (field.required) issue(field.name, 'required', `"${field.name}" is required`);
        continue;
      }
      value = field.defaultValue;
      fromDefault = true;
    }
    const coerced = coerceValue(field, value);
    if ('error' in coerced) {
      issue(
        field.name,
        'type',
        `"${field.name}" (${field.type}) ${coerced.error}${fromDefault ? ' (its default value is not valid)' : ''}`,
      );
      continue;
    }
    result.values.set(field.name, coerced.value);
    if (field.type === 'choice' && field.choiceListId) {
      result.choices.push({
        field: field.name,
        choiceListId: field.choiceListId,
        value: coerced.value as string,
      });
    }
    if (field.type === 'reference' && field.referenceRecordTypeKey) {
      result.references.push({
        field: field.name,
        recordTypeKey: field.referenceRecordTypeKey,
        recordId: coerced.value as string,
      });
    }
  }
  return result;
};

/** The stored form of `values` merged into `stored`: each value under its field's storage key, null removing it. */
export const mergeStored = (
  fields: readonly FieldDefinition[],
  stored: Readonly<Record<string, unknown>>,
  values: ReadonlyMap<string, unknown>,
): Record<string, unknown> => {
  const next: Record<string, unknown> = { ...stored };
  for (const field of fields) {
    if (!values.has(field.name)) continue;
    const value = values.get(field.name);
    const key = storageKeyOf(field);
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
};

/**
 * A record's values by field name, read from its stored data through the fields' storage keys. Values
 * stored under keys no current field has (removed fields) are not shown; they stay in the row.
 */
export const dataByName = (
  fields: readonly FieldDefinition[],
  stored: Readonly<Record<string, unknown>>,
): RecordData => {
  const data: RecordData = {};
  for (const field of fields) {
    const key = storageKeyOf(field);
    if (Object.hasOwn(stored, key)) data[field.name] = stored[key];
  }
  return data;
};

/** The names of the fields whose value differs between two readings by name (values are scalars). */
export const changedFieldNames = (
  fields: readonly FieldDefinition[],
  before: Readonly<RecordData>,
  after: Readonly<RecordData>,
): string[] => fields.filter((f) => before[f.name] !== after[f.name]).map((f) => f.name);

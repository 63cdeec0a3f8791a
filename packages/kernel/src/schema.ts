import {
  type StringOptions,
  type TNull,
  type TSchema,
  type TString,
  type TUnion,
  Type,
} from '@sinclair/typebox';
import { invalid } from './errors.js';

/**
 * Characters that render as nothing: whitespace, zero-width spaces and joiners, the word joiner,
 * the byte-order mark, the Mongolian vowel separator and the soft hyphen.
 */
const INVISIBLE = '\\s\\u200B-\\u200D\\u2060\\uFEFF\\u180E\\u00AD';

/** A string without NUL (PostgreSQL stores NUL in neither text nor jsonb). */
export const TEXT_PATTERN = '^[^\\u0000]*$';

/**
 * A name: at least one visible character and no NUL. Linear to match: the leading run can only hold
 * invisible characters, so nothing is ever tried twice.
 */
export const NAME_PATTERN = `^[${INVISIBLE}]*[^${INVISIBLE}\\u0000][^\\u0000]*$`;

const INVISIBLE_ONLY = new RegExp(`^[${INVISIBLE}]*$`, 'u');

/** True when the string holds no visible character (empty, blank, or only zero-width characters). */
export const isBlankName = (value: string): boolean => INVISIBLE_ONLY.test(value);

const EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, 'gu');

/**
 * The one normaliser for human-given names (projects, roles, record types, choice lists, change
 * titles …): whitespace and invisible characters at either end are dropped, and a name left with no
 * visible character is refused as a validation error naming the field.
 */
export const normalizeName = (value: string, field = 'name'): string => {
  const name = value.replace(EDGES, '');
  if (name === '') throw invalid(`${field} must contain a visible character`, { field });
  return name;
};

/** True when the string holds a NUL character. */
export const hasNul = (value: string): boolean => value.includes('\u0000');

/** An API input string: never NUL. Options may narrow it further (a given pattern replaces the NUL one: it must exclude NUL itself). */
export const Text = (options: StringOptions = {}): TString =>
  Type.String({ pattern: TEXT_PATTERN, ...options });

/** A required, human-given name: at least one visible character, never NUL. */
export const Name = (options: StringOptions & { maxLength: number }): TString =>
  Type.String({ minLength: 1, ...options, pattern: NAME_PATTERN });

/** Bounds of a PostgreSQL integer (int4) column. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** An integer that fits an int4 column; given bounds narrow it, never widen it. */
export const Int32 = (
  options: { minimum?: number; maximum?: number; default?: number; description?: string } = {},
) =>
  Type.Integer({
    ...options,
    minimum: Math.max(INT4_MIN, options.minimum ?? INT4_MIN),
    maximum: Math.min(INT4_MAX, options.maximum ?? INT4_MAX),
  });

/** Record type keys, field names and other machine names: lower snake case, starting with a letter, at most 63 characters (a PostgreSQL identifier). */
export const IDENTIFIER_PATTERN = '^[a-z][a-z0-9_]{0,62}$';

const IDENTIFIER_RE = new RegExp(IDENTIFIER_PATTERN);

/** True when the string is an identifier (IDENTIFIER_PATTERN). */
export const isIdentifier = (value: string): boolean => IDENTIFIER_RE.test(value);

/** An API input identifier (IDENTIFIER_PATTERN, which excludes NUL). */
export const Identifier = (options: Omit<StringOptions, 'pattern'> = {}): TString =>
  Type.String({ pattern: IDENTIFIER_PATTERN, ...options });

/** An API input or output id: a UUID (format `uuid`, checked by the gateway's validator). */
export const Uuid = (options: Omit<StringOptions, 'format'> = {}): TString =>
  Type.String({ format: 'uuid', ...options });

/** A value or null (published as `anyOf: [schema, {type: null}]`). */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> =>
  Type.Union([schema, Type.Null()]);

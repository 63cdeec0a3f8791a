import { invalid, isUuid } from '@ec3l/kernel';
import { type RawBuilder, sql } from 'kysely';

/** Position after the last row of a page ordered by (createdAt, id). */
export type Cursor = { createdAt: string; id: string };

export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');

// The form encodeCursor writes (Date#toISOString), with or without milliseconds, within years 0001-9999.
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;

const isTimestamp = (value: unknown): value is string =>
  typeof value === 'string' &&
  TIMESTAMP_RE.test(value) &&
  !value.startsWith('0000') &&
  !Number.isNaN(Date.parse(value)) &&
  // Date.parse rolls over impossible dates (2026-02-31); a real timestamp prints back as itself.
  new Date(value).toISOString().slice(0, 19) === value.slice(0, 19);

/**
 * Decodes an opaque cursor. Only what encodeCursor writes gets through (a UTC timestamp and a
 * UUID), so a forged cursor is a validation error here and never reaches SQL.
 */
export const decodeCursor = (raw: string): Cursor => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      isTimestamp(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      isUuid(parsed[1])
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw malformedCursor();
};

const malformedCursor = () =>
  invalid("cursor is malformed; pass the value of the previous page's x-next-cursor header", [
    { in: 'querystring', path: '/cursor', message: 'is not a cursor this API issued' },
  ]);

/**
 * Turns rows fetched with `limit + 1` into a page: the first `limit` rows and, when there were more,
 * the cursor after the last of them.
 */
export const pageOf = <T>(rows: readonly T[], limit: number, cursorOf: (row: T) => Cursor): Page<T> =>
  pageWith(rows, limit, (last) => encodeCursor(cursorOf(last)));

/**
 * Which rows of a list ordered by (time, id) come after `after`, a cursor `pageOf` wrote: newest first
 * (`order: 'desc'`, the default) the rows strictly before its (createdAt, id), oldest first (`'asc'`)
 * those strictly after it; every row when there is no cursor. `column` and `id` name the two columns
 * (`created_at` and `id` unless told); order the query by them, in that direction.
 */
export const afterCursor = (
  after: Cursor | undefined,
  {
    order = 'desc',
    column = 'created_at',
    id = 'id',
  }: { order?: 'asc' | 'desc'; column?: string; id?: string } = {},
): RawBuilder<boolean> =>
  after
    ? sql<boolean>`(${sql.ref(column)}, ${sql.ref(id)}) ${order === 'desc' ? sql`<` : sql`>`} (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : sql<boolean>`true`;

const pageWith = <T>(rows: readonly T[], limit: number, cursorAfter: (last: T) => string): Page<T> => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? cursorAfter(last) : null };
};

const parseJson = (raw: string): unknown => {
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

/**
 * The kinds of value a keyset cursor may carry: a UUID, a text of at most 500 characters without NUL
 * (a key or a name), or a sequence number (a non-negative bigint, in decimal).
 */
export type KeyPart = 'uuid' | 'text' | 'seq';

const MAX_TEXT = 500;
// At most 18 digits: below 2^63, so any value passes as a bigint parameter.
const SEQ_RE = /^(?:0|[1-9]\d{0,17})$/;

const isPart: Record<KeyPart, (value: unknown) => boolean> = {
  uuid: (value) => typeof value === 'string' && isUuid(value),
  text: (value) => typeof value === 'string' && value.length <= MAX_TEXT && !value.includes('\u0000'),
  seq: (value) => typeof value === 'string' && SEQ_RE.test(value),
};

type KeyOf<P extends readonly KeyPart[]> = { [K in keyof P]: string };

export type KeysetCursor<P extends readonly KeyPart[]> = {
  encode: (key: KeyOf<P>) => string;
  /** The key after which the next page starts; anything encode did not write is a validation error. */
  decode: (raw: string) => KeyOf<P>;
  /** pageOf for this cursor: the first `limit` rows of `limit + 1` fetched, and the cursor after them. */
  pageOf: <T>(rows: readonly T[], limit: number, keyOf: (row: T) => KeyOf<P>) => Page<T>;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A cursor over a list in its own order (a key, a name then id, a sequence number): the values of the
 * last row's sort key, each checked against its kind when decoded, so a forged cursor never reaches SQL.
 */
export const keysetCursor = <const P extends readonly KeyPart[]>(...parts: P): KeysetCursor<P> => {
  const encode = (key: KeyOf<P>) => Buffer.from(JSON.stringify(key)).toString('base64url');
  return {
    encode,
    decode: (raw) => {
      const parsed = parseJson(raw);
      if (
        Array.isArray(parsed) &&
        parsed.length === parts.length &&
        parts.every((part, i) => isPart[part](parsed[i]))
      ) {
        return parsed as KeyOf<P>;
      }
      throw malformedCursor();
    },
    pageOf: (rows, limit, keyOf) => pageWith(rows, limit, (last) => encode(keyOf(last))),
  };
};

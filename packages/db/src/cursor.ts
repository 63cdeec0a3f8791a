import { invalid, isUuid } from '@ec3l/kernel';

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
  throw invalid("cursor is malformed; pass the value of the previous page's x-next-cursor header", [
    { in: 'querystring', path: '/cursor', message: 'is not a cursor this API issued' },
  ]);
};

/**
 * Turns rows fetched with `limit + 1` into a page: the first `limit` rows and, when there were more,
 * the cursor after the last of them.
 */
export const pageOf = <T>(
  rows: readonly T[],
  limit: number,
  cursorOf: (row: T) => Cursor,
): { items: T[]; nextCursor: string | null } => {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
};

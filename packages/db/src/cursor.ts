import { invalid } from '@ec3l/kernel';

/** Position after the last row of a page ordered by (createdAt, id). */
export type Cursor = { createdAt: string; id: string };

export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');

/** Decodes an opaque cursor; a malformed one is a validation error, never a crash. */
export const decodeCursor = (raw: string): Cursor => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      !Number.isNaN(Date.parse(parsed[0])) &&
      typeof parsed[1] === 'string'
    ) {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw invalid("cursor is malformed; pass the value of the previous page's x-next-cursor header");
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

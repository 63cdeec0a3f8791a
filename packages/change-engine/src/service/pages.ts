import { type Cursor, keysetCursor, type Page, pageOf } from '@ec3l/db';

/** A page asked of a list ordered by creation time, newest first: its size and the cursor it follows. */
type TimePage = { limit: number; after?: Cursor };

/** What to read for a page by creation time: one row more than the page, after the page's cursor. */
export const timeRows = (page: TimePage): TimePage => ({
  limit: page.limit + 1,
  ...(page.after ? { after: page.after } : {}),
});

/** The page of rows read with `timeRows`, and the cursor after its last row (null on the last page). */
export const timePageOf = <T extends { created_at: Date; id: string }>(
  rows: readonly T[],
  limit: number,
): Page<T> => pageOf(rows, limit, (r) => ({ createdAt: r.created_at.toISOString(), id: r.id }));

/**
 * Ops and events are listed in the order they were added (seq); their pages follow it. A bigint column
 * arrives as a string or a number depending on the driver, so keys are built with String().
 */
const bySeq = keysetCursor('seq');

/** What to read for a page by seq; the cursor is decoded (a 400 when it does not) before any query. */
export const seqRows = (page: { limit: number; cursor?: string }) => ({
  limit: page.limit + 1,
  ...(page.cursor ? { afterSeq: bySeq.decode(page.cursor)[0] } : {}),
});

/** The page of rows read with `seqRows`, and the cursor after its last row (null on the last page). */
export const seqPageOf = <T extends { seq: unknown }>(rows: readonly T[], limit: number): Page<T> =>
  bySeq.pageOf(rows, limit, (r) => [String(r.seq)]);

import { unwrap } from '@ec3l/sdk';

/** The largest page the API serves; lists shown whole are fetched in pages of this size. */
const MAX_PAGE_SIZE = 200;

type PageQuery = { limit: number; cursor?: string };

/**
 * Every row of a paginated list: follows x-next-cursor from the first page to the last, so a list
 * longer than one page still shows whole (record types, choice lists, a change's ops and timeline).
 */
export const allPages = async <T>(
  fetchPage: (query: PageQuery) => Promise<{ data?: T[]; error?: unknown; response: Response }>,
): Promise<T[]> => {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const result = await fetchPage(cursor ? { limit: MAX_PAGE_SIZE, cursor } : { limit: MAX_PAGE_SIZE });
    rows.push(...unwrap(result));
    cursor = result.response.headers.get('x-next-cursor');
  } while (cursor);
  return rows;
};

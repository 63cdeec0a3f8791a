import { unwrap } from '@ec3l/sdk';
import { useEffect } from 'react';

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

/** A page of a list paged by x-next-cursor: its rows and the cursor of the next page (null on the last). */
export type CursorPage<T> = { items: T[]; nextCursor: string | null };

/**
 * The options of a `useInfiniteQuery` over a list paged by x-next-cursor, `pageSize` rows a page; its
 * data is every loaded row, in order. Spread into `useInfiniteQuery({ queryKey, ...cursorPaged(…) })`.
 */
export const cursorPaged = <T>(
  pageSize: number,
  fetchPage: (
    query: PageQuery,
    signal: AbortSignal,
  ) => Promise<{ data?: T[]; error?: unknown; response: Response }>,
) => ({
  initialPageParam: null as string | null,
  queryFn: async ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) => {
    const result = await fetchPage(
      pageParam ? { limit: pageSize, cursor: pageParam } : { limit: pageSize },
      signal,
    );
    return { items: unwrap(result), nextCursor: result.response.headers.get('x-next-cursor') };
  },
  getNextPageParam: (last: CursorPage<T>) => last.nextCursor ?? undefined,
  select: (data: { pages: CursorPage<T>[] }) => data.pages.flatMap((page) => page.items),
});

/**
 * Makes an infinite query fetch page after page until the last, for lists that must be whole (names
 * for selects); answers the query.
 */
export const useEveryPage = <
  Q extends {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isError: boolean;
    fetchNextPage: () => unknown;
  },
>(
  query: Q,
): Q => {
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return query;
};

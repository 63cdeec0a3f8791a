'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditLogQuery, DateRangeQuery } from '@/lib/admin';
import { useIdentity } from '@/providers/identity';
import { LOG_PAGE_SIZE, type Page } from './admin';

export type AuditLog = Schemas['AuditLog'];
export type AuditFeedEntry = Schemas['AuditFeedEntry'];

const auditLogsKey = (tenant: string, user: string, query: AuditLogQuery) =>
  ['/api/rbac/audit-logs', tenant, user, query] as const;
const auditFeedKey = (tenant: string, user: string, query: DateRangeQuery) =>
  ['/api/audit-feed', tenant, user, query] as const;

/** GET /api/rbac/audit-logs: authorization decisions, newest first, page by page (x-next-cursor). */
export const useAuditLogs = (tenant: string, query: AuditLogQuery) => {
  const { api, userId } = useIdentity();
  return useInfiniteQuery({
    queryKey: auditLogsKey(tenant, userId, query),
    initialPageParam: null as string | null,
    // A log is read when it is opened: show what is there now, not what was there on the last visit.
    refetchOnMount: 'always',
    queryFn: async ({ pageParam, signal }): Promise<Page<AuditLog>> => {
      const params = { ...query, limit: LOG_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) };
      const result = await api(tenant).GET('/api/rbac/audit-logs', { params: { query: params }, signal });
      return { items: unwrap(result), nextCursor: result.response.headers.get('x-next-cursor') };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
};

/** GET /api/audit-feed: decisions and domain events in one list, newest first, page by page. */
export const useAuditFeed = (tenant: string, query: DateRangeQuery) => {
  const { api, userId } = useIdentity();
  return useInfiniteQuery({
    queryKey: auditFeedKey(tenant, userId, query),
    initialPageParam: null as string | null,
    refetchOnMount: 'always',
    queryFn: async ({ pageParam, signal }): Promise<Page<AuditFeedEntry>> => {
      const params = { ...query, limit: LOG_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) };
      const result = await api(tenant).GET('/api/audit-feed', { params: { query: params }, signal });
      return { items: unwrap(result), nextCursor: result.response.headers.get('x-next-cursor') };
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    select: (data) => data.pages.flatMap((page) => page.items),
  });
};

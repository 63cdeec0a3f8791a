'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditLogQuery, DateRangeQuery } from '@/lib/admin';
import { useIdentity } from '@/providers/identity';
import { LOG_PAGE_SIZE } from './admin';
import { cursorPaged } from './pages';

const auditLogsKey = (tenant: string, user: string, query: AuditLogQuery) =>
  ['/api/rbac/audit-logs', tenant, user, query] as const;
const auditFeedKey = (tenant: string, user: string, query: DateRangeQuery) =>
  ['/api/audit-feed', tenant, user, query] as const;

/** GET /api/rbac/audit-logs: authorization decisions, newest first, page by page (x-next-cursor). */
export const useAuditLogs = (tenant: string, query: AuditLogQuery) => {
  const { api, userId } = useIdentity();
  return useInfiniteQuery({
    queryKey: auditLogsKey(tenant, userId, query),
    // A log is read when it is opened: show what is there now, not what was there on the last visit.
    refetchOnMount: 'always',
    ...cursorPaged(LOG_PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/rbac/audit-logs', { params: { query: { ...query, ...page } }, signal }),
    ),
  });
};

/** GET /api/audit-feed: decisions and domain events in one list, newest first, page by page. */
export const useAuditFeed = (tenant: string, query: DateRangeQuery) => {
  const { api, userId } = useIdentity();
  return useInfiniteQuery({
    queryKey: auditFeedKey(tenant, userId, query),
    refetchOnMount: 'always',
    ...cursorPaged(LOG_PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/audit-feed', { params: { query: { ...query, ...page } }, signal }),
    ),
  });
};

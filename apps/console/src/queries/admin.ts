'use client';

import { unwrap } from '@ec3l/sdk';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { TelemetryQuery } from '@/lib/admin';
import { useIdentity } from '@/providers/identity';
import { cursorPaged } from './pages';

export type AdminTenant = { slug: string; name: string; plan: string; createdAt: string; isCurrent: boolean };

/*
 * Every admin route answers 403 to a user without admin.view, so the acting user is part of each key:
 * one user's refusal is never shown to another.
 */
const adminAccessKey = (tenant: string, user: string) => ['/api/admin/check-access', tenant, user] as const;
const adminTenantsKey = (tenant: string, user: string) => ['/api/admin/tenants', tenant, user] as const;
const telemetryKey = (tenant: string, user: string, query: TelemetryQuery) =>
  ['/api/admin/execution-telemetry', tenant, user, query] as const;

export const LOG_PAGE_SIZE = 50;

/**
 * GET /api/admin/check-access: the server's own admin.view decision for the acting user, which the
 * gateway also writes to the audit log (a refused visit shows up there).
 */
export const useAdminAccess = (tenant: string) => {
  const { api, userId } = useIdentity();
  return useQuery({
    queryKey: adminAccessKey(tenant, userId),
    queryFn: async ({ signal }) => unwrap(await api(tenant).GET('/api/admin/check-access', { signal })),
  });
};

/** GET /api/admin/tenants: every tenant, the one the console speaks for marked isCurrent. */
export const useAdminTenants = (tenant: string) => {
  const { api, userId } = useIdentity();
  return useQuery({
    queryKey: adminTenantsKey(tenant, userId),
    queryFn: async ({ signal }): Promise<AdminTenant[]> =>
      unwrap(await api(tenant).GET('/api/admin/tenants', { signal })),
  });
};

/** GET /api/admin/execution-telemetry, newest first, page by page (x-next-cursor). */
export const useExecutionTelemetry = (tenant: string, query: TelemetryQuery) => {
  const { api, userId } = useIdentity();
  return useInfiniteQuery({
    queryKey: telemetryKey(tenant, userId, query),
    // A log is read when it is opened: show what is there now, not what was there on the last visit.
    refetchOnMount: 'always',
    ...cursorPaged(LOG_PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/execution-telemetry', { params: { query: { ...query, ...page } }, signal }),
    ),
  });
};

'use client';

import { type DashboardSummary, unwrap } from '@ec3l/sdk';
import { useQuery } from '@tanstack/react-query';
import { useIdentity } from '@/providers/identity';

export const dashboardSummaryKey = (tenant: string) => ['/api/dashboard/summary', tenant] as const;

/** GET /api/dashboard/summary: the tenant's project and environment counts. */
export const useDashboardSummary = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: dashboardSummaryKey(tenant),
    queryFn: async ({ signal }): Promise<DashboardSummary> =>
      unwrap(await api(tenant).GET('/api/dashboard/summary', { signal })),
  });
};

'use client';

import { type Tenant, unwrap } from '@ec3l/sdk';
import { useQuery } from '@tanstack/react-query';
import type { ClientFactory } from '@/lib/api-client';

const tenantsKey = () => ['/api/tenants'] as const;

/** GET /api/tenants: the only call made without a tenant. */
export const useTenants = (api: ClientFactory) =>
  useQuery({
    queryKey: tenantsKey(),
    queryFn: async (): Promise<Tenant[]> => unwrap(await api(null).GET('/api/tenants')),
  });

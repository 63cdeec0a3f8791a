'use client';

import { unwrap } from '@ec3l/sdk';
import { useQuery } from '@tanstack/react-query';
import { type ActionGate, actionGate, type Me } from '@/lib/permissions';
import { useIdentity } from '@/providers/identity';
import { usePermissions } from './rbac';

/** The user is part of the key: switching the user id refetches what the actor may do. */
const meKey = (tenant: string | null, user: string) => ['/api/rbac/me', tenant, user] as const;

/** GET /api/rbac/me: the acting user's roles and effective permissions in the tenant (null: not yet known). */
export const useMe = (tenant: string | null) => {
  const { api, userId } = useIdentity();
  return useQuery({
    queryKey: meKey(tenant, userId),
    enabled: tenant !== null,
    queryFn: async ({ signal }): Promise<Me> => unwrap(await api(tenant).GET('/api/rbac/me', { signal })),
  });
};

/**
 * Whether the acting user may take an action needing `permission`, and if not why (shown beside it).
 * The catalog tells which permissions the server knows (see `hasPermission`).
 */
export const useCan = (tenant: string, permission: string): ActionGate => {
  const me = useMe(tenant);
  const catalog = usePermissions(tenant);
  if (catalog.isPending) return actionGate(undefined, permission);
  return actionGate(
    me.data,
    permission,
    catalog.data?.map((p) => p.name),
  );
};

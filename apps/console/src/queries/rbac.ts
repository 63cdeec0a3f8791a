'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { ExplainQuery } from '@/lib/access-forms';
import type { Explanation } from '@/lib/permissions';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';

export type Permission = Schemas['Permission'];
export type Role = Schemas['Role'];
export type UserRole = Schemas['UserRole'];
export type Policy = Schemas['Policy'];

/** Open to every user of the tenant: keyed by tenant only. */
const permissionsKey = (tenant: string) => ['/api/rbac/permissions', tenant] as const;
const rolesKey = (tenant: string) => ['/api/rbac/roles', tenant] as const;
/** Guarded by admin.view: the acting user is part of the key (see queries/admin.ts). */
const userRolesKey = (tenant: string, actor: string, userId: string) =>
  ['/api/rbac/users/{userId}/roles', tenant, actor, userId] as const;
const allUserRolesKey = (tenant: string, actor: string) => ['/api/rbac/user-roles', tenant, actor] as const;
const policiesKey = (tenant: string, actor: string) => ['/api/rbac/policies', tenant, actor] as const;
const explainKey = (tenant: string, actor: string, query: ExplainQuery) =>
  ['/api/rbac/explain', tenant, actor, query] as const;

/** GET /api/rbac/permissions: the global catalog. */
export const usePermissions = (tenant: string, enabled = true) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: permissionsKey(tenant),
    enabled,
    queryFn: async ({ signal }): Promise<Permission[]> =>
      unwrap(await api(tenant).GET('/api/rbac/permissions', { signal })),
  });
};

/** GET /api/rbac/roles: the tenant's roles with the names of their permissions. */
export const useRoles = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: rolesKey(tenant),
    queryFn: async ({ signal }): Promise<Role[]> =>
      unwrap(await api(tenant).GET('/api/rbac/roles', { signal })),
  });
};

/** GET /api/rbac/users/{userId}/roles (only once a user id is given). */
export const useUserRoles = (tenant: string, userId: string | null) => {
  const { api, userId: actor } = useIdentity();
  return useQuery({
    queryKey: userRolesKey(tenant, actor, userId ?? ''),
    enabled: userId !== null,
    queryFn: async ({ signal }): Promise<UserRole[]> =>
      unwrap(
        await api(tenant).GET('/api/rbac/users/{userId}/roles', {
          params: { path: { userId: userId ?? '' } },
          signal,
        }),
      ),
  });
};

/** GET /api/rbac/user-roles: every assignment of the tenant, by user id then role name. */
export const useAllUserRoles = (tenant: string) => {
  const { api, userId: actor } = useIdentity();
  return useQuery({
    queryKey: allUserRolesKey(tenant, actor),
    queryFn: async ({ signal }): Promise<UserRole[]> =>
      unwrap(await api(tenant).GET('/api/rbac/user-roles', { signal })),
  });
};

/** GET /api/rbac/policies. */
export const usePolicies = (tenant: string) => {
  const { api, userId: actor } = useIdentity();
  return useQuery({
    queryKey: policiesKey(tenant, actor),
    queryFn: async ({ signal }): Promise<Policy[]> =>
      unwrap(await api(tenant).GET('/api/rbac/policies', { signal })),
  });
};

/** GET /api/rbac/explain for the submitted question (none: nothing asked yet). Records nothing. */
export const useExplain = (tenant: string, query: ExplainQuery | null) => {
  const { api, userId: actor } = useIdentity();
  return useQuery({
    queryKey: query ? explainKey(tenant, actor, query) : ['/api/rbac/explain', tenant, actor, null],
    enabled: query !== null,
    queryFn: async ({ signal }): Promise<Explanation> =>
      unwrap(await api(tenant).GET('/api/rbac/explain', { params: { query: query! }, signal })),
  });
};

/**
 * Every change to roles, assignments or policies can change what someone may do, and is itself a
 * decision the audit log records: these lists follow any of them.
 */
const DECISION_PATHS = [
  '/api/rbac/me',
  '/api/admin/check-access',
  '/api/rbac/explain',
  '/api/rbac/audit-logs',
  '/api/audit-feed',
] as const;

type ListPath =
  | '/api/rbac/roles'
  | '/api/rbac/users/{userId}/roles'
  | '/api/rbac/user-roles'
  | '/api/rbac/policies';

/** Invalidates, for this tenant and every acting user, the lists a mutation changed and the decisions. */
const invalidateAccess = (queryClient: QueryClient, tenant: string, lists: ListPath[]) =>
  Promise.all(
    [...lists, ...DECISION_PATHS].map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })),
  );

/** POST /api/rbac/roles (201; 409 for a taken name). */
export const useCreateRole = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['CreateRoleBody']) => client.POST('/api/rbac/roles', { body }),
    (queryClient) => invalidateAccess(queryClient, tenant, ['/api/rbac/roles']),
  );

/** POST /api/rbac/roles/{roleId}/enable | disable: a disabled role keeps its assignments but grants nothing. */
export const useSetRoleStatus = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { roleId, enable }: { roleId: string; enable: boolean }) => {
      const params = { params: { path: { roleId } } };
      return enable
        ? client.POST('/api/rbac/roles/{roleId}/enable', params)
        : client.POST('/api/rbac/roles/{roleId}/disable', params);
    },
    // Assignments show the role's status, so the user-role lists change too.
    (queryClient) =>
      invalidateAccess(queryClient, tenant, [
        '/api/rbac/roles',
        '/api/rbac/users/{userId}/roles',
        '/api/rbac/user-roles',
      ]),
  );

/** POST /api/rbac/roles/{roleId}/permissions: grants one permission (by name) to a role. */
export const useAddRolePermission = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { roleId, permission }: { roleId: string; permission: string }) =>
      client.POST('/api/rbac/roles/{roleId}/permissions', {
        params: { path: { roleId: roleId } },
        body: { permissionId: permission },
      }),
    (queryClient) => invalidateAccess(queryClient, tenant, ['/api/rbac/roles']),
  );

/** DELETE /api/rbac/roles/{roleId}/permissions/{permissionId}: takes one permission (by name) from a role. */
export const useRemoveRolePermission = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { roleId, permission }: { roleId: string; permission: string }) =>
      client.DELETE('/api/rbac/roles/{roleId}/permissions/{permissionId}', {
        params: { path: { roleId: roleId, permissionId: permission } },
      }),
    (queryClient) => invalidateAccess(queryClient, tenant, ['/api/rbac/roles']),
  );

/** POST /api/rbac/users/{userId}/roles: answers the user's roles, which become the cached list. */
export const useAssignUserRole = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { userId, roleId }: { userId: string; roleId: string }) =>
      client.POST('/api/rbac/users/{userId}/roles', {
        params: { path: { userId } },
        body: { roleId },
      }),
    (queryClient) =>
      invalidateAccess(queryClient, tenant, ['/api/rbac/users/{userId}/roles', '/api/rbac/user-roles']),
  );

/** DELETE /api/rbac/users/{userId}/roles/{roleId}. */
export const useRemoveUserRole = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { userId, roleId }: { userId: string; roleId: string }) =>
      client.DELETE('/api/rbac/users/{userId}/roles/{roleId}', {
        params: { path: { userId, roleId } },
      }),
    (queryClient) =>
      invalidateAccess(queryClient, tenant, ['/api/rbac/users/{userId}/roles', '/api/rbac/user-roles']),
  );

/** POST /api/rbac/policies (201; 409 when the role already has that policy). */
export const useCreatePolicy = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['CreatePolicyBody']) => client.POST('/api/rbac/policies', { body }),
    (queryClient) => invalidateAccess(queryClient, tenant, ['/api/rbac/policies']),
  );

/** DELETE /api/rbac/policies/{policyId}. */
export const useDeletePolicy = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, policyId: string) =>
      client.DELETE('/api/rbac/policies/{policyId}', {
        params: { path: { policyId: policyId } },
      }),
    (queryClient) => invalidateAccess(queryClient, tenant, ['/api/rbac/policies']),
  );

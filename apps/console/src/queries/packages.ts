'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import { type QueryClient, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { BuiltInPackage, InstallResult, PackageDiff } from '@/lib/packages';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { cursorPaged } from './pages';

const PAGE_SIZE = 50;

/** Keys mirror the API path, then the tenant, then the id or the list's filter. */
const installsKey = (tenant: string) => ['/api/admin/graph/packages', tenant] as const;

/** What an install or uninstall changes: the history, the environments' package state, the graph. */
const invalidatePackages = (queryClient: QueryClient, tenant: string) =>
  Promise.all(
    [
      '/api/admin/graph/packages',
      '/api/admin/graph/packages/{installId}',
      '/api/admin/graph/packages/diff',
      '/api/environments/{environmentId}/packages',
      '/api/admin/environments/diff',
      '/api/record-types',
      '/api/workflow-definitions',
    ].map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })),
  );

/** GET /api/admin/graph/built-in: the catalog of built-in packages (small, shown whole). */
export const useBuiltInPackages = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/admin/graph/built-in', tenant],
    queryFn: async ({ signal }): Promise<BuiltInPackage[]> =>
      unwrap(await api(tenant).GET('/api/admin/graph/built-in', { signal })),
  });
};

/** GET /api/admin/graph/packages?projectId=&packageKey=: the project's install history, newest first. */
export const usePackageInstalls = (tenant: string, projectId: string, packageKey?: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: [...installsKey(tenant), projectId, packageKey ?? null],
    enabled: projectId !== '',
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/graph/packages', {
        params: { query: { projectId, ...(packageKey ? { packageKey } : {}), ...page } },
        signal,
      }),
    ),
  });
};

export type VersionPair = { projectId: string; packageKey: string; fromVersion: string; toVersion: string };

/** GET /api/admin/graph/packages/diff: the object-by-object diff between two installed versions. */
export const usePackageVersionDiff = (tenant: string, pair: VersionPair | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/admin/graph/packages/diff', tenant, pair],
    enabled: pair !== null,
    queryFn: async ({ signal }): Promise<PackageDiff> =>
      unwrap(
        await api(tenant).GET('/api/admin/graph/packages/diff', {
          params: { query: pair as VersionPair },
          signal,
        }),
      ),
  });
};

export type InstallInput =
  | { kind: 'built-in'; body: Schemas['InstallBuiltInBody'] }
  | { kind: 'package'; body: Schemas['InstallPackageBody'] };

/**
 * POST /api/admin/graph/install-built-in or /api/admin/graph/install: a preview (nothing written) or an
 * apply. Only an apply invalidates.
 */
export const useInstallPackage = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, input: InstallInput) =>
      input.kind === 'built-in'
        ? client.POST('/api/admin/graph/install-built-in', { body: input.body })
        : client.POST('/api/admin/graph/install', { body: input.body }),
    (queryClient, result: InstallResult) =>
      result.status === 'previewed' ? undefined : invalidatePackages(queryClient, tenant),
  );

/** POST /api/admin/graph/packages/{installId}/revert: uninstalls what the install did. */
export const useRevertInstall = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, installId: string) =>
      client.POST('/api/admin/graph/packages/{installId}/revert', {
        params: { path: { installId } },
      }),
    (queryClient) => invalidatePackages(queryClient, tenant),
  );

'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { cursorPaged } from './pages';

const PAGE_SIZE = 50;

export type Template = Schemas['Template'];
export type TemplateDetail = Schemas['TemplateDetail'];
export type InstalledApp = Schemas['InstalledApp'];
export type InstalledAppDetail = Schemas['InstalledAppDetail'];
export type InstalledModule = Schemas['InstalledModule'];
export type ModuleOverride = Schemas['ModuleOverride'];
export type ResolvedModule = Schemas['ResolvedModule'];
export type CreateOverrideBody = Schemas['CreateModuleOverrideBody'];
type Change = Schemas['Change'];

/** What an install, an upgrade or an override move changes. */
const invalidateApps = (queryClient: QueryClient, tenant: string) =>
  Promise.all(
    [
      '/api/installed-apps',
      '/api/installed-apps/{installedAppId}',
      '/api/admin/apps',
      '/api/admin/app-events',
      '/api/admin/modules',
      '/api/admin/overrides',
      '/api/overrides',
      '/api/installed-modules/{installedModuleId}/overrides',
      '/api/installed-modules/{installedModuleId}/resolve',
      '/api/record-types',
      '/api/admin/graph/packages',
      '/api/projects/{projectId}/modules',
    ].map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })),
  );

/** GET /api/templates: every version of every template (a small catalog, shown whole). */
export const useTemplates = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/templates', tenant],
    queryFn: async ({ signal }): Promise<Template[]> =>
      unwrap(await api(tenant).GET('/api/templates', { signal })),
  });
};

/** GET /api/templates/{templateId}: one template version with its modules. */
export const useTemplate = (tenant: string, templateId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/templates/{templateId}', tenant, templateId],
    queryFn: async ({ signal }): Promise<TemplateDetail> =>
      unwrap(
        await api(tenant).GET('/api/templates/{templateId}', { params: { path: { templateId } }, signal }),
      ),
  });
};

/** GET /api/installed-apps: the tenant's apps (one per template at most). */
export const useInstalledApps = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/installed-apps', tenant],
    queryFn: async ({ signal }): Promise<InstalledApp[]> =>
      unwrap(await api(tenant).GET('/api/installed-apps', { signal })),
  });
};

/** GET /api/admin/apps: the apps with their modules and events. */
export const useAdminApps = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/admin/apps', tenant],
    queryFn: async ({ signal }): Promise<InstalledAppDetail[]> =>
      unwrap(await api(tenant).GET('/api/admin/apps', { signal })),
  });
};

/** GET /api/admin/app-events?eventType=install_failed: failed installs and upgrades, newest first. */
export const useFailedInstalls = (tenant: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/admin/app-events', tenant, 'install_failed'],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/app-events', {
        params: { query: { eventType: 'install_failed', ...page } },
        signal,
      }),
    ),
  });
};

/** GET /api/admin/modules: every installed module. */
export const useAdminModules = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/admin/modules', tenant],
    queryFn: async ({ signal }): Promise<InstalledModule[]> =>
      unwrap(await api(tenant).GET('/api/admin/modules', { signal })),
  });
};

export type OverrideFilter = { status?: ModuleOverride['status']; installedModuleId?: string };

/** GET /api/admin/overrides: overrides newest first, paged. */
export const useAdminOverrides = (tenant: string, filter: OverrideFilter) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/admin/overrides', tenant, filter],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/overrides', { params: { query: { ...filter, ...page } }, signal }),
    ),
  });
};

/** GET /api/installed-modules/{installedModuleId}/resolve: the effective configuration with provenance. */
export const useResolvedModule = (tenant: string, installedModuleId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/installed-modules/{installedModuleId}/resolve', tenant, installedModuleId],
    enabled: installedModuleId !== '',
    queryFn: async ({ signal }): Promise<ResolvedModule> =>
      unwrap(
        await api(tenant).GET('/api/installed-modules/{installedModuleId}/resolve', {
          params: { path: { installedModuleId } },
          signal,
        }),
      ),
  });
};

export type ChangeFilter = { status?: Change['status']; from?: string; to?: string };

/** GET /api/admin/changes: change records newest first, by status and date range, paged. */
export const useAdminChanges = (tenant: string, filter: ChangeFilter) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/admin/changes', tenant, filter],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/changes', { params: { query: { ...filter, ...page } }, signal }),
    ),
  });
};

/** POST /api/templates/{templateId}/install. */
export const useInstallTemplate = (tenant: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { templateId: string; projectId: string }): Promise<InstalledAppDetail> =>
      unwrap(
        await api(tenant).POST('/api/templates/{templateId}/install', {
          params: { path: { templateId: input.templateId } },
          body: { projectId: input.projectId },
        }),
      ),
    onSettled: () => invalidateApps(queryClient, tenant),
  });
};

/** POST /api/installed-apps/{installedAppId}/upgrade to the newest version of its template. */
export const useUpgradeApp = (tenant: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (installedAppId: string): Promise<InstalledAppDetail> =>
      unwrap(
        await api(tenant).POST('/api/installed-apps/{installedAppId}/upgrade', {
          params: { path: { installedAppId } },
          body: {},
        }),
      ),
    onSettled: () => invalidateApps(queryClient, tenant),
  });
};

/** POST /api/overrides: a draft override. */
export const useCreateOverride = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: CreateOverrideBody) => client.POST('/api/overrides', { body }),
    (queryClient) => invalidateApps(queryClient, tenant),
  );

/** POST /api/overrides/{overrideId}/activate or /retire. */
export const useMoveOverride = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, input: { overrideId: string; to: 'activate' | 'retire' }) => {
      const params = { params: { path: { overrideId: input.overrideId } } };
      return input.to === 'activate'
        ? client.POST('/api/overrides/{overrideId}/activate', params)
        : client.POST('/api/overrides/{overrideId}/retire', params);
    },
    (queryClient) => invalidateApps(queryClient, tenant),
  );

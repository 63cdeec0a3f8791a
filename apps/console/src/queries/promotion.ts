'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { EnvironmentDiff, IntentAction, PromotionIntent } from '@/lib/packages';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { cursorPaged } from './pages';

const PAGE_SIZE = 50;

/** Keys mirror the API path, then the tenant, then the id or the list's filter. */
const intentKey = (tenant: string, id: string) =>
  ['/api/admin/environments/promotions/{promotionIntentId}', tenant, id] as const;

/** What a promotion changes: intents, environments' package state and diff, releases, deployments. */
const invalidatePromotion = (queryClient: QueryClient, tenant: string) =>
  Promise.all(
    [
      '/api/admin/environments/promotions',
      '/api/admin/environments/promotions/{promotionIntentId}',
      '/api/admin/environments/promotions/{promotionIntentId}/deliveries',
      '/api/environments/{environmentId}/packages',
      '/api/admin/environments/diff',
      '/api/environments/{environmentId}/releases',
      '/api/projects/{projectId}/deployments',
      '/api/admin/graph/packages',
    ].map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })),
  );

/** GET /api/environments/{environmentId}/packages: the package versions accepted into it. */
export const useEnvironmentPackages = (tenant: string, environmentId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/environments/{environmentId}/packages', tenant, environmentId],
    enabled: environmentId !== '',
    queryFn: async ({ signal }): Promise<Schemas['EnvironmentPackage'][]> =>
      unwrap(
        await api(tenant).GET('/api/environments/{environmentId}/packages', {
          params: { path: { environmentId } },
          signal,
        }),
      ),
  });
};

/** GET /api/admin/environments/diff: package by package, what the target lacks or holds older. */
export const useEnvironmentDiff = (tenant: string, fromEnvironmentId: string, toEnvironmentId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/admin/environments/diff', tenant, fromEnvironmentId, toEnvironmentId],
    enabled: fromEnvironmentId !== '' && toEnvironmentId !== '' && fromEnvironmentId !== toEnvironmentId,
    queryFn: async ({ signal }): Promise<EnvironmentDiff> =>
      unwrap(
        await api(tenant).GET('/api/admin/environments/diff', {
          params: { query: { fromEnvironmentId, toEnvironmentId } },
          signal,
        }),
      ),
  });
};

/** GET /api/admin/environments/promotions?projectId=: the project's intents, newest first. */
export const usePromotionIntents = (tenant: string, projectId: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/admin/environments/promotions', tenant, projectId],
    enabled: projectId !== '',
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/environments/promotions', {
        params: { query: { projectId, ...page } },
        signal,
      }),
    ),
  });
};

/** GET /api/admin/environments/promotions/{promotionIntentId}. */
export const usePromotionIntent = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: intentKey(tenant, id),
    queryFn: async ({ signal }): Promise<PromotionIntent> =>
      unwrap(
        await api(tenant).GET('/api/admin/environments/promotions/{promotionIntentId}', {
          params: { path: { promotionIntentId: id } },
          signal,
        }),
      ),
  });
};

/** GET …/promotions/{promotionIntentId}/deliveries: the webhook delivery log of an intent. */
export const usePromotionDeliveries = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/admin/environments/promotions/{promotionIntentId}/deliveries', tenant, id],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/environments/promotions/{promotionIntentId}/deliveries', {
        params: { path: { promotionIntentId: id }, query: page },
        signal,
      }),
    ),
  });
};

/** POST /api/admin/environments/promotions: a draft intent to promote one environment into another. */
export const useCreatePromotionIntent = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['PromoteBody']) => client.POST('/api/admin/environments/promotions', { body }),
    (queryClient) => invalidatePromotion(queryClient, tenant),
  );

/** POST …/promotions/{id}/preview|approve|execute|reject: one step of an intent's lifecycle. */
export const useIntentAction = (tenant: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      id,
      action,
      reason,
    }: {
      id: string;
      action: IntentAction;
      reason?: string;
    }): Promise<PromotionIntent> => {
      const params = { path: { promotionIntentId: id } };
      const client = api(tenant);
      switch (action) {
        case 'preview':
          return unwrap(
            await client.POST('/api/admin/environments/promotions/{promotionIntentId}/preview', { params }),
          );
        case 'approve':
          return unwrap(
            await client.POST('/api/admin/environments/promotions/{promotionIntentId}/approve', { params }),
          );
        case 'execute':
          return unwrap(
            await client.POST('/api/admin/environments/promotions/{promotionIntentId}/execute', { params }),
          );
        case 'reject':
          return unwrap(
            await client.POST('/api/admin/environments/promotions/{promotionIntentId}/reject', {
              params,
              body: reason ? { reason } : {},
            }),
          );
      }
    },
    onSettled: () => invalidatePromotion(queryClient, tenant),
  });
};

/** POST /api/admin/environments/promote: a direct promotion, where the target does not require approval. */
export const useDirectPromote = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['PromoteBody']) => client.POST('/api/admin/environments/promote', { body }),
    (queryClient) => invalidatePromotion(queryClient, tenant),
  );

/** PATCH /api/environments/{environmentId}: approval requirement and promotion webhook. */
export const useUpdateEnvironment = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { id, ...body }: { id: string } & Schemas['UpdateEnvironmentBody']) =>
      client.PATCH('/api/environments/{environmentId}', {
        params: { path: { environmentId: id } },
        body,
      }),
    (queryClient, environment) =>
      Promise.all([
        queryClient.invalidateQueries({
          queryKey: ['/api/projects/{projectId}/environments', tenant, environment.projectId],
        }),
        queryClient.invalidateQueries({ queryKey: ['/api/environments/{environmentId}', tenant] }),
      ]),
  );

/** GET /api/environments/{environmentId}/releases, newest first. */
export const useEnvironmentReleases = (tenant: string, environmentId: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/environments/{environmentId}/releases', tenant, environmentId],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/environments/{environmentId}/releases', {
        params: { path: { environmentId }, query: page },
        signal,
      }),
    ),
  });
};

/** POST /api/environments/{environmentId}/release: a release of the environment's package state. */
export const useCreateRelease = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, environmentId: string) =>
      client.POST('/api/environments/{environmentId}/release', {
        params: { path: { environmentId } },
      }),
    (queryClient) => invalidatePromotion(queryClient, tenant),
  );

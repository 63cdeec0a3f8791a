'use client';

import { type CreateProjectBody, type Project, unwrap } from '@ec3l/sdk';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useIdentity } from '@/providers/identity';
import { dashboardSummaryKey } from './dashboard';
import { useApiMutation } from './mutation';
import { cursorPaged, useEveryPage } from './pages';

/** Keys mirror the API path; the tenant is part of every key so switching tenant refetches. */
const projectsKey = (tenant: string) => ['/api/projects', tenant] as const;
const projectKey = (tenant: string, id: string) => ['/api/projects/{projectId}', tenant, id] as const;

const PAGE_SIZE = 50;

/** GET /api/projects, oldest first, page by page (x-next-cursor). */
export const useProjects = (tenant: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: projectsKey(tenant),
    ...cursorPaged(PAGE_SIZE, (query, signal) =>
      api(tenant).GET('/api/projects', { params: { query }, signal }),
    ),
  });
};

/** Every project of the tenant: follows GET /api/projects page after page (for selects and names). */
export const useAllProjects = (tenant: string) => useEveryPage(useProjects(tenant));

/** GET /api/projects/{projectId}. */
export const useProject = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: projectKey(tenant, id),
    queryFn: async ({ signal }): Promise<Project> =>
      unwrap(
        await api(tenant).GET('/api/projects/{projectId}', { params: { path: { projectId: id } }, signal }),
      ),
  });
};

/** POST /api/projects; refreshes the project list and the dashboard counts of the tenant. */
export const useCreateProject = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: CreateProjectBody) => client.POST('/api/projects', { body }),
    async (queryClient, project) => {
      queryClient.setQueryData(projectKey(tenant, project.id), project);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: projectsKey(tenant) }),
        queryClient.invalidateQueries({ queryKey: dashboardSummaryKey(tenant) }),
      ]);
    },
  );

'use client';

import { type Module, unwrap } from '@ec3l/sdk';
import { useQuery } from '@tanstack/react-query';
import { useIdentity } from '@/providers/identity';

const projectModulesKey = (tenant: string, projectId: string) =>
  ['/api/projects/{projectId}/modules', tenant, projectId] as const;

/** GET /api/projects/{projectId}/modules. */
export const useProjectModules = (tenant: string, projectId: string, enabled = true) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: projectModulesKey(tenant, projectId),
    enabled,
    queryFn: async ({ signal }): Promise<Module[]> =>
      unwrap(
        await api(tenant).GET('/api/projects/{projectId}/modules', {
          params: { path: { projectId: projectId } },
          signal,
        }),
      ),
  });
};

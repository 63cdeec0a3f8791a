'use client';

import { type Environment, unwrap } from '@ec3l/sdk';
import { useQuery } from '@tanstack/react-query';
import { useIdentity } from '@/providers/identity';

const projectEnvironmentsKey = (tenant: string, projectId: string) =>
  ['/api/projects/{projectId}/environments', tenant, projectId] as const;

const ORDER: Record<string, number> = { dev: 0, test: 1, prod: 2 };

/** GET /api/projects/{projectId}/environments, in promotion order (dev, test, prod). */
export const useProjectEnvironments = (tenant: string, projectId: string, enabled = true) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: projectEnvironmentsKey(tenant, projectId),
    enabled,
    queryFn: async ({ signal }): Promise<Environment[]> => {
      const list = unwrap(
        await api(tenant).GET('/api/projects/{projectId}/environments', {
          params: { path: { projectId: projectId } },
          signal,
        }),
      );
      return [...list].sort((a, b) => (ORDER[a.name] ?? 9) - (ORDER[b.name] ?? 9));
    },
  });
};

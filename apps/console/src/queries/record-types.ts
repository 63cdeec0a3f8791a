'use client';

import { unwrap } from '@ec3l/sdk';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { FieldInput } from '@/lib/fields';
import type { CreateRecordTypeBody, RecordType, UpdateRecordTypeConfigBody } from '@/lib/record-types';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { allPages } from './pages';

const recordTypesKey = (tenant: string, projectId: string) =>
  ['/api/record-types', tenant, projectId] as const;
const recordTypeKey = (tenant: string, id: string) =>
  ['/api/record-types/{recordTypeId}', tenant, id] as const;

/**
 * A record type's effective fields include its base types' fields, so a schema write can change what every
 * record type derived from it shows: every record type of the tenant is refetched, lists and details.
 */
export const invalidateRecordTypes = (queryClient: QueryClient, tenant: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['/api/record-types', tenant] }),
    queryClient.invalidateQueries({ queryKey: ['/api/record-types/{recordTypeId}', tenant] }),
  ]);

/** GET /api/record-types?projectId=: the project's record types with their effective fields, every page. */
export const useRecordTypes = (tenant: string, projectId: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: recordTypesKey(tenant, projectId ?? ''),
    enabled: projectId !== null,
    queryFn: ({ signal }): Promise<RecordType[]> =>
      allPages((page) =>
        api(tenant).GET('/api/record-types', {
          params: { query: { projectId: projectId ?? '', ...page } },
          signal,
        }),
      ),
  });
};

/** GET /api/record-types/{recordTypeId}: schema.fields are the effective fields, inherited ones first. */
export const useRecordType = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: recordTypeKey(tenant, id),
    queryFn: async ({ signal }): Promise<RecordType> =>
      unwrap(
        await api(tenant).GET('/api/record-types/{recordTypeId}', {
          params: { path: { recordTypeId: id } },
          signal,
        }),
      ),
  });
};

/** POST /api/record-types (201, draft; 409 for a taken key or name). */
export const useCreateRecordType = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: CreateRecordTypeBody) => client.POST('/api/record-types', { body }),
    async (queryClient, recordType) => {
      queryClient.setQueryData(recordTypeKey(tenant, recordType.id), recordType);
      await queryClient.invalidateQueries({ queryKey: ['/api/record-types', tenant] });
    },
  );

/** POST /api/record-types/{recordTypeId}/activate | retire (409 when the lifecycle refuses). */
export const useSetRecordTypeStatus = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { id, action }: { id: string; action: 'activate' | 'retire' }) => {
      const params = { params: { path: { recordTypeId: id } } };
      return action === 'activate'
        ? client.POST('/api/record-types/{recordTypeId}/activate', params)
        : client.POST('/api/record-types/{recordTypeId}/retire', params);
    },
    async (queryClient, recordType) => {
      queryClient.setQueryData(recordTypeKey(tenant, recordType.id), recordType);
      await queryClient.invalidateQueries({ queryKey: ['/api/record-types', tenant] });
    },
  );

/** POST /api/record-types/{recordTypeId}/fields: only while draft (409 once active). Derived types inherit it. */
export const useAddRecordTypeField = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { id, field }: { id: string; field: FieldInput }) =>
      client.POST('/api/record-types/{recordTypeId}/fields', {
        params: { path: { recordTypeId: id } },
        body: field,
      }),
    (queryClient) => invalidateRecordTypes(queryClient, tenant),
  );

/**
 * PATCH /api/record-types/{recordTypeId}: a draft's assignment and SLA configuration (null clears one;
 * 409 once active, 400 naming the configuration path when it names a missing field).
 */
export const useUpdateRecordTypeConfig = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { id, body }: { id: string; body: UpdateRecordTypeConfigBody }) =>
      client.PATCH('/api/record-types/{recordTypeId}', {
        params: { path: { recordTypeId: id } },
        body,
      }),
    async (queryClient, recordType) => {
      queryClient.setQueryData(recordTypeKey(tenant, recordType.id), recordType);
      await queryClient.invalidateQueries({ queryKey: ['/api/record-types', tenant] });
    },
  );

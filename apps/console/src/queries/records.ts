'use client';

import { unwrap } from '@ec3l/sdk';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordType } from '@/lib/record-types';
import { type FieldFilter, filterParams, type RecordInstance, type RecordTimer } from '@/lib/records';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { allPages, cursorPaged } from './pages';

/** Keys mirror the API path, then the tenant, then the record type and filters (or the record id). */
const recordsKey = (tenant: string, recordTypeId: string, filters: readonly FieldFilter[]) =>
  ['/api/record-instances', tenant, recordTypeId, filters] as const;
const recordKey = (tenant: string, id: string) => ['/api/record-instances/{recordId}', tenant, id] as const;

const RECORDS_PAGE_SIZE = 25;

/** GET /api/record-types without a project: every record type of the tenant, every page. */
export const useTenantRecordTypes = (tenant: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/record-types', tenant, 'all'] as const,
    queryFn: ({ signal }): Promise<RecordType[]> =>
      allPages((page) => api(tenant).GET('/api/record-types', { params: { query: page }, signal })),
  });
};

/** GET /api/record-instances?recordTypeId=&filter=: newest first, page by page (x-next-cursor). */
export const useRecords = (tenant: string, recordTypeId: string | null, filters: readonly FieldFilter[]) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: recordsKey(tenant, recordTypeId ?? '', filters),
    enabled: recordTypeId !== null,
    ...cursorPaged(RECORDS_PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/record-instances', {
        params: {
          query: {
            recordTypeId: recordTypeId ?? '',
            sort: '-createdAt',
            ...(filters.length > 0 ? { filter: filterParams(filters) } : {}),
            ...page,
          },
        },
        signal,
      }),
    ),
  });
};

/** Records of one type as options of a reference picker: the newest 200. */
export const useRecordOptions = (tenant: string, recordTypeId: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/record-instances', tenant, recordTypeId ?? '', 'options'] as const,
    enabled: recordTypeId !== null,
    queryFn: async ({ signal }): Promise<RecordInstance[]> =>
      unwrap(
        await api(tenant).GET('/api/record-instances', {
          params: { query: { recordTypeId: recordTypeId ?? '', sort: '-createdAt', limit: 200 } },
          signal,
        }),
      ),
  });
};

/** GET /api/record-instances/{recordId}. */
export const useRecord = (tenant: string, id: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: recordKey(tenant, id ?? ''),
    enabled: id !== null,
    queryFn: async ({ signal }): Promise<RecordInstance> =>
      unwrap(
        await api(tenant).GET('/api/record-instances/{recordId}', {
          params: { path: { recordId: id ?? '' } },
          signal,
        }),
      ),
  });
};

/** POST /api/record-instances (201; 400 RECORD_INVALID naming each refused field). */
export const useCreateRecord = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: { recordTypeId: string; data: Record<string, unknown> }) =>
      client.POST('/api/record-instances', { body }),
    async (queryClient, record) => {
      queryClient.setQueryData(recordKey(tenant, record.id), record);
      await queryClient.invalidateQueries({ queryKey: ['/api/record-instances', tenant] });
    },
  );

/**
 * PATCH /api/record-instances/{recordId} based on `version`: a stale one answers 409
 * RECORD_VERSION_CONFLICT and writes nothing.
 */
export const useUpdateRecord = (tenant: string) =>
  useApiMutation(
    tenant,
    (
      client,
      {
        id,
        data,
        version,
      }: {
        id: string;
        data: Record<string, unknown>;
        version: number;
      },
    ) =>
      client.PATCH('/api/record-instances/{recordId}', {
        params: { path: { recordId: id } },
        body: { data, version },
      }),
    async (queryClient, record) => {
      queryClient.setQueryData(recordKey(tenant, record.id), record);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['/api/record-instances', tenant] }),
        // A write advances the record's timers (pause, completion).
        queryClient.invalidateQueries({ queryKey: timersKey(tenant, record.id) }),
        queryClient.invalidateQueries({ queryKey: ['/api/record-timers', tenant] }),
      ]);
    },
  );

/** Reads the record again (after a stale write), so the form can start from its current version. */
export const useRefreshRecord = (tenant: string) => {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.invalidateQueries({ queryKey: recordKey(tenant, id) });
};

const timersKey = (tenant: string, recordId: string) =>
  ['/api/record-instances/{recordId}/timers', tenant, recordId] as const;

/** GET /api/record-instances/{recordId}/timers: the record's SLA timers. */
export const useRecordTimers = (tenant: string, recordId: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: timersKey(tenant, recordId ?? ''),
    enabled: recordId !== null,
    queryFn: async ({ signal }): Promise<RecordTimer[]> =>
      unwrap(
        await api(tenant).GET('/api/record-instances/{recordId}/timers', {
          params: { path: { recordId: recordId ?? '' } },
          signal,
        }),
      ),
  });
};

const BATCH = 100;

/**
 * GET /api/record-timers?recordId=…: the timers of a list's records, in one request per 100 records
 * (never one per row), by record id.
 */
export const useTimersOfRecords = (tenant: string, recordIds: readonly string[] | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/record-timers', tenant, ...(recordIds ?? [])],
    enabled: recordIds !== null && recordIds.length > 0,
    queryFn: async ({ signal }): Promise<Map<string, RecordTimer[]>> => {
      const ids = recordIds ?? [];
      const batches = Array.from({ length: Math.ceil(ids.length / BATCH) }, (_, i) =>
        ids.slice(i * BATCH, (i + 1) * BATCH),
      );
      const answers = await Promise.all(
        batches.map(async (recordId) =>
          unwrap(await api(tenant).GET('/api/record-timers', { params: { query: { recordId } }, signal })),
        ),
      );
      const byRecord = new Map<string, RecordTimer[]>();
      for (const timer of answers.flat())
        byRecord.set(timer.recordId, [...(byRecord.get(timer.recordId) ?? []), timer]);
      return byRecord;
    },
  });
};

/** POST /api/timers/process (automation.run): breaches and warns the tenant's due timers; every timer is read again. */
export const useProcessTimers = (tenant: string) =>
  useApiMutation(
    tenant,
    (client) => client.POST('/api/timers/process', { body: {} }),
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['/api/record-instances/{recordId}/timers', tenant] }),
        queryClient.invalidateQueries({ queryKey: ['/api/record-timers', tenant] }),
      ]),
  );

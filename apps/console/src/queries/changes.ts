'use client';

import { Ec3lApiError, type Schemas, unwrap } from '@ec3l/sdk';
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Change, ChangeEvent, ChangeStatus, ExecutionError } from '@/lib/changes';
import { executionErrorsOf } from '@/lib/changes';
import { type GraphDiff, isGraphDiff } from '@/lib/diff';
import type { CreatePatchOpBody, PatchOp } from '@/lib/patch-ops';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { allPages, cursorPaged, useEveryPage } from './pages';
import { invalidateRecordTypes } from './record-types';

export type ChangeTarget = Schemas['ChangeTarget'];
export type Snapshot = Schemas['RecordTypeSnapshot'];
export type ChangeFilter = { projectId?: string; status?: ChangeStatus };

/** Keys mirror the API path, then the tenant, then the change id (or the list's filter). */
const changesKey = (tenant: string, filter: ChangeFilter) => ['/api/changes', tenant, filter] as const;
const changeKey = (tenant: string, id: string) => ['/api/changes/{changeId}', tenant, id] as const;

type ChangePart = 'events' | 'targets' | 'patch-ops' | 'snapshots' | 'diff';
const changePartKey = (part: ChangePart, tenant: string, id: string) =>
  [`/api/changes/{changeId}/${part}`, tenant, id] as const;

/** Invalidates the change, the parts of it a mutation touched, and every change list of the tenant. */
const invalidateChange = (queryClient: QueryClient, tenant: string, id: string, parts: ChangePart[]) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: changeKey(tenant, id) }),
    queryClient.invalidateQueries({ queryKey: ['/api/changes', tenant] }),
    ...parts.map((part) => queryClient.invalidateQueries({ queryKey: changePartKey(part, tenant, id) })),
  ]);

const CHANGES_PAGE_SIZE = 50;

/** GET /api/changes?projectId=&status=: newest first, page by page (x-next-cursor). */
export const useChanges = (tenant: string, filter: ChangeFilter, enabled = true) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: changesKey(tenant, filter),
    enabled,
    ...cursorPaged(CHANGES_PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/changes', { params: { query: { ...filter, ...page } }, signal }),
    ),
  });
};

/** Every change matching the filter: GET /api/changes followed to its last page. */
export const useAllChanges = (tenant: string, filter: ChangeFilter, enabled = true) =>
  useEveryPage(useChanges(tenant, filter, enabled));

/** A change has few reverts: one request of the largest page the API serves lists them. */
const REVERTS_PAGE_SIZE = 200;

/**
 * GET /api/changes?revertsChangeId=: the changes that revert this one, newest first, in one request. At
 * most one of them is open (the gateway refuses a revert while another is), and that one is the newest,
 * so the first page tells whether a revert is open even when there are more.
 */
export const useReverts = (tenant: string, id: string, enabled = true) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/changes', tenant, 'reverts', id] as const,
    enabled,
    queryFn: async ({ signal }): Promise<Change[]> =>
      unwrap(
        await api(tenant).GET('/api/changes', {
          params: { query: { revertsChangeId: id, limit: REVERTS_PAGE_SIZE } },
          signal,
        }),
      ),
  });
};

/** GET /api/changes/{changeId}. */
export const useChange = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: changeKey(tenant, id),
    queryFn: async ({ signal }): Promise<Change> =>
      unwrap(
        await api(tenant).GET('/api/changes/{changeId}', { params: { path: { changeId: id } }, signal }),
      ),
  });
};

/** GET /api/changes/{changeId}/events: the whole timeline, oldest first, every page. */
export const useChangeEvents = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: changePartKey('events', tenant, id),
    queryFn: ({ signal }): Promise<ChangeEvent[]> =>
      allPages((page) =>
        api(tenant).GET('/api/changes/{changeId}/events', {
          params: { path: { changeId: id }, query: page },
          signal,
        }),
      ),
  });
};

/** GET /api/changes/{changeId}/targets. */
export const useChangeTargets = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: changePartKey('targets', tenant, id),
    queryFn: async ({ signal }): Promise<ChangeTarget[]> =>
      unwrap(
        await api(tenant).GET('/api/changes/{changeId}/targets', {
          params: { path: { changeId: id } },
          signal,
        }),
      ),
  });
};

/** GET /api/changes/{changeId}/patch-ops, in the order they run, every page. */
export const usePatchOps = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: changePartKey('patch-ops', tenant, id),
    queryFn: ({ signal }): Promise<PatchOp[]> =>
      allPages((page) =>
        api(tenant).GET('/api/changes/{changeId}/patch-ops', {
          params: { path: { changeId: id }, query: page },
          signal,
        }),
      ),
  });
};

/** GET /api/changes/{changeId}/snapshots: the schemas the merge replaced (none before a merge). */
export const useChangeSnapshots = (tenant: string, id: string, enabled: boolean) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: changePartKey('snapshots', tenant, id),
    enabled,
    queryFn: async ({ signal }): Promise<Snapshot[]> =>
      unwrap(
        await api(tenant).GET('/api/changes/{changeId}/snapshots', {
          params: { path: { changeId: id } },
          signal,
        }),
      ),
  });
};

/** GET /api/changes/{changeId}/diff: what the merge changed (for a merged change, the recorded diff). */
export const useChangeDiff = (tenant: string, id: string, enabled: boolean) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: changePartKey('diff', tenant, id),
    enabled,
    queryFn: async ({ signal }): Promise<GraphDiff> => {
      const diff: unknown = unwrap(
        await api(tenant).GET('/api/changes/{changeId}/diff', { params: { path: { changeId: id } }, signal }),
      );
      if (!isGraphDiff(diff)) throw new Error('The gateway answered a diff of an unexpected shape');
      return diff;
    },
  });
};

/** POST /api/changes (201, Draft). */
export const useCreateChange = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['CreateChangeBody']) => client.POST('/api/changes', { body }),
    async (queryClient, change) => {
      queryClient.setQueryData(changeKey(tenant, change.id), change);
      await queryClient.invalidateQueries({ queryKey: ['/api/changes', tenant] });
    },
  );

/** POST /api/changes/{changeId}/status: the manual moves (never to Ready or Merged; 409 otherwise). */
export const useSetChangeStatus = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, status: ChangeStatus) =>
      client.POST('/api/changes/{changeId}/status', {
        params: { path: { changeId: id } },
        body: { status },
      }),
    (queryClient, change) => {
      queryClient.setQueryData(changeKey(tenant, id), change);
      return invalidateChange(queryClient, tenant, id, ['events']);
    },
  );

/** POST /api/changes/{changeId}/targets: a record_type target (Draft only, 409 otherwise). */
export const useAddChangeTarget = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, recordTypeKey: string) =>
      client.POST('/api/changes/{changeId}/targets', {
        params: { path: { changeId: id } },
        body: { type: 'record_type', selector: { recordTypeKey } },
      }),
    (queryClient) => invalidateChange(queryClient, tenant, id, ['targets', 'events']),
  );

/** POST /api/changes/{changeId}/patch-ops (409 for a duplicate op or a change past editing). */
export const useAddPatchOp = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, body: CreatePatchOpBody) =>
      client.POST('/api/changes/{changeId}/patch-ops', {
        params: { path: { changeId: id } },
        body,
      }),
    (queryClient) => invalidateChange(queryClient, tenant, id, ['patch-ops', 'events', 'diff']),
  );

/** DELETE /api/changes/{changeId}/patch-ops/{opId}: pending ops only (409 for an executed one, E3). */
export const useDeletePatchOp = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, opId: string) =>
      client.DELETE('/api/changes/{changeId}/patch-ops/{opId}', {
        params: { path: { changeId: id, opId } },
      }),
    (queryClient) => invalidateChange(queryClient, tenant, id, ['patch-ops', 'events', 'diff']),
  );

export type DryRunResult = { valid: true; diff: GraphDiff } | { valid: false; errors: ExecutionError[] };

/**
 * POST /api/changes/{changeId}/execute: validates and diffs without writing any schema; the outcome is recorded
 * on the timeline. A 422 is an answer, not a failure: it comes back as `{ valid: false, errors }`.
 */
export const useDryRun = (tenant: string, id: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    // Every dry run, valid or not, goes on the change's timeline.
    onSettled: () => queryClient.invalidateQueries({ queryKey: changePartKey('events', tenant, id) }),
    mutationFn: async (): Promise<DryRunResult> => {
      try {
        const result = unwrap(
          await api(tenant).POST('/api/changes/{changeId}/execute', { params: { path: { changeId: id } } }),
        );
        if (!isGraphDiff(result.diff)) throw new Error('The gateway answered a diff of an unexpected shape');
        return { valid: true, diff: result.diff };
      } catch (error) {
        const errors =
          error instanceof Ec3lApiError && error.status === 422 ? executionErrorsOf(error.details) : null;
        if (errors) return { valid: false, errors };
        throw error;
      }
    },
  });
};

/** POST /api/changes/{changeId}/checkin: Ready, or ValidationFailed with validationErrors (200 either way). */
export const useCheckinChange = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client) => client.POST('/api/changes/{changeId}/checkin', { params: { path: { changeId: id } } }),
    (queryClient, change) => {
      queryClient.setQueryData(changeKey(tenant, id), change);
      return invalidateChange(queryClient, tenant, id, ['events']);
    },
  );

/**
 * POST /api/changes/{changeId}/merge: writes the schemas, so besides the change every record type of the tenant
 * is refetched; the ops are now executed and the snapshots and diff exist.
 */
export const useMergeChange = (tenant: string, id: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<{ change: Change; diff: GraphDiff | null }> => {
      const result = unwrap(
        await api(tenant).POST('/api/changes/{changeId}/merge', { params: { path: { changeId: id } } }),
      );
      return { change: result.change, diff: isGraphDiff(result.diff) ? result.diff : null };
    },
    onSuccess: (result) => {
      queryClient.setQueryData(changeKey(tenant, id), result.change);
      return Promise.all([
        invalidateChange(queryClient, tenant, id, ['events', 'patch-ops', 'snapshots', 'diff']),
        invalidateRecordTypes(queryClient, tenant),
      ]);
    },
  });
};

/** POST /api/changes/{changeId}/revert: a new Draft change "Revert: …" (409 naming later changes). */
export const useRevertChange = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client) => client.POST('/api/changes/{changeId}/revert', { params: { path: { changeId: id } } }),
    async (queryClient, revert) => {
      queryClient.setQueryData(changeKey(tenant, revert.id), revert);
      await queryClient.invalidateQueries({ queryKey: ['/api/changes', tenant] });
    },
  );

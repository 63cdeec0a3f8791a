'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import { type QueryClient, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { GraphPackage, PackageDiff } from '@/lib/packages';
import type { DraftPatchOp } from '@/lib/vibe';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { allPages, cursorPaged } from './pages';

const PAGE_SIZE = 50;

export type VibeDraft = Schemas['VibeDraft'];
export type VibeDraftVersion = Schemas['VibeDraftVersion'];
/**
 * A variant, told apart by `status` ('ok' or 'failed' on the wire; the generated types name the
 * discriminator values after the schemas, so they are restated here).
 */
export type VibeVariant =
  | (Omit<Schemas['VibeVariantOk'], 'status'> & { status: 'ok' })
  | (Omit<Schemas['VibeVariantFailed'], 'status'> & { status: 'failed' });
export type VibeDraftInstall = Schemas['VibeDraftInstallResult'];
export type GenerateBody = Schemas['VibePreviewBody'];

/** Keys mirror the API path, then the tenant, then the id or the list's filter. */
const DRAFTS = '/api/vibe/drafts';
const DRAFT = '/api/vibe/drafts/{draftId}';
const VERSIONS = '/api/vibe/drafts/{draftId}/versions';

/** A draft changed: its own query, its versions and every drafts list. */
const invalidateDraft = (queryClient: QueryClient, tenant: string, draftId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: [DRAFTS, tenant] }),
    queryClient.invalidateQueries({ queryKey: [DRAFT, tenant, draftId] }),
    queryClient.invalidateQueries({ queryKey: [VERSIONS, tenant, draftId] }),
  ]);

/** GET /api/vibe/drafts?projectId=: the project's drafts, newest first, paged. */
export const useVibeDrafts = (tenant: string, projectId: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: [DRAFTS, tenant, projectId],
    enabled: projectId !== '',
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/vibe/drafts', { params: { query: { projectId, ...page } }, signal }),
    ),
  });
};

/** GET /api/vibe/drafts/{draftId}. */
export const useVibeDraft = (tenant: string, draftId: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: [DRAFT, tenant, draftId],
    enabled: draftId !== null,
    queryFn: async ({ signal }): Promise<VibeDraft> =>
      unwrap(
        await api(tenant).GET('/api/vibe/drafts/{draftId}', {
          params: { path: { draftId: draftId as string } },
          signal,
        }),
      ),
  });
};

/**
 * GET /api/vibe/drafts/{draftId}/versions: every version of the draft, followed page by page (the API
 * lists them oldest first; the history shows them newest first, so it needs them all).
 */
export const useDraftVersions = (tenant: string, draftId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: [VERSIONS, tenant, draftId],
    queryFn: ({ signal }): Promise<VibeDraftVersion[]> =>
      allPages((page) =>
        api(tenant).GET('/api/vibe/drafts/{draftId}/versions', {
          params: { path: { draftId }, query: page },
          signal,
        }),
      ),
  });
};

/** POST /api/vibe/drafts/{draftId}/versions/diff: what changed from one version to another (read-only). */
export const useVersionDiff = (
  tenant: string,
  draftId: string,
  pair: { fromVersion: number; toVersion: number } | null,
) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/vibe/drafts/{draftId}/versions/diff', tenant, draftId, pair],
    enabled: pair !== null,
    queryFn: async ({ signal }): Promise<PackageDiff> =>
      unwrap(
        await api(tenant).POST('/api/vibe/drafts/{draftId}/versions/diff', {
          params: { path: { draftId } },
          body: pair as { fromVersion: number; toVersion: number },
          signal,
        }),
      ).diff,
  });
};

/** POST /api/vibe/variants/diff: the diff between two variants' packages (pure, nothing stored). */
export const useVariantDiff = (
  tenant: string,
  pair: { projectId: string; packageA: GraphPackage; packageB: GraphPackage } | null,
) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/vibe/variants/diff', tenant, pair],
    enabled: pair !== null,
    queryFn: async ({ signal }): Promise<PackageDiff> =>
      unwrap(
        await api(tenant).POST('/api/vibe/variants/diff', { body: pair as NonNullable<typeof pair>, signal }),
      ).diff,
  });
};

/** POST /api/vibe/drafts: a draft generated from a prompt. */
export const useCreateDraft = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['CreateVibeDraftBody']) => client.POST('/api/vibe/drafts', { body }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: [DRAFTS, tenant] }),
  );

/** POST /api/vibe/drafts/from-variant: a new draft holding a variant's (or a streamed preview's) package. */
export const useDraftFromVariant = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['CreateVibeDraftFromVariantBody']) =>
      client.POST('/api/vibe/drafts/from-variant', { body }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: [DRAFTS, tenant] }),
  );

/** POST /api/vibe/generate-multi: 1–5 variants, generated side by side; nothing is stored. */
export const useGenerateVariants = (tenant: string) => {
  const { api } = useIdentity();
  return useMutation({
    mutationFn: async (body: Schemas['VibeGenerateMultiBody']): Promise<VibeVariant[]> =>
      unwrap(await api(tenant).POST('/api/vibe/generate-multi', { body }))
        .variants as unknown as VibeVariant[],
  });
};

type DraftAction =
  | { action: 'refine'; prompt: string }
  | { action: 'preview' }
  | { action: 'discard' }
  | { action: 'patch'; ops: DraftPatchOp[] }
  | { action: 'restore'; versionNumber: number }
  | { action: 'adopt-variant'; package: GraphPackage; prompt?: string };

/**
 * The draft's mutations (refine, preview, discard, patch, restore, adopt a variant): each answers the
 * draft as it is now and invalidates its queries and the lists.
 */
export const useDraftAction = (tenant: string, draftId: string) =>
  useApiMutation(
    tenant,
    (client, input: DraftAction) => {
      const path = { params: { path: { draftId } } };
      switch (input.action) {
        case 'refine':
          return client.POST('/api/vibe/drafts/{draftId}/refine', {
            ...path,
            body: { prompt: input.prompt },
          });
        case 'preview':
          return client.POST('/api/vibe/drafts/{draftId}/preview', path);
        case 'discard':
          return client.POST('/api/vibe/drafts/{draftId}/discard', path);
        case 'patch':
          return client.POST('/api/vibe/drafts/{draftId}/patch', { ...path, body: { ops: input.ops } });
        case 'restore':
          return client.POST('/api/vibe/drafts/{draftId}/restore', {
            ...path,
            body: { versionNumber: input.versionNumber },
          });
        case 'adopt-variant':
          return client.POST('/api/vibe/drafts/{draftId}/adopt-variant', {
            ...path,
            body: { package: input.package, ...(input.prompt ? { prompt: input.prompt } : {}) },
          });
      }
    },
    (queryClient) => invalidateDraft(queryClient, tenant, draftId),
  );

/**
 * POST /api/vibe/drafts/{draftId}/install: installs a previewed draft through the install engine (a
 * merged change an uninstall reverts). Invalidates what an install changes.
 */
export const useInstallDraft = (tenant: string, draftId: string) =>
  useApiMutation(
    tenant,
    (client) => client.POST('/api/vibe/drafts/{draftId}/install', { params: { path: { draftId } } }),
    (queryClient) =>
      Promise.all([
        invalidateDraft(queryClient, tenant, draftId),
        ...[
          '/api/admin/graph/packages',
          '/api/record-types',
          '/api/workflow-definitions',
          '/api/changes',
        ].map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })),
      ]),
  );

/** Opens POST /api/vibe/preview/stream-tokens or /preview/stream and answers the event stream's body. */
export const useOpenPreviewStream = (tenant: string) => {
  const { api } = useIdentity();
  return async (kind: 'tokens' | 'stages', body: GenerateBody, signal: AbortSignal) => {
    const client = api(tenant);
    const result =
      kind === 'tokens'
        ? await client.POST('/api/vibe/preview/stream-tokens', { body, parseAs: 'stream', signal })
        : await client.POST('/api/vibe/preview/stream', { body, parseAs: 'stream', signal });
    const stream = unwrap(result) as unknown as ReadableStream<Uint8Array> | null;
    if (!stream) throw new Error('The gateway answered without a stream');
    return stream;
  };
};

/**
 * POST /api/forms/{recordTypeName}/{formName}/vibePatch: form patch ops proposed from a prompt and
 * checked against the form. Nothing is stored, so nothing is invalidated.
 */
export const useSuggestFormPatch = (tenant: string) => {
  const { api } = useIdentity();
  return useMutation({
    mutationFn: async (input: { recordTypeName: string; formName: string; prompt: string }) =>
      unwrap(
        await api(tenant).POST('/api/forms/{recordTypeName}/{formName}/vibePatch', {
          params: { path: { recordTypeName: input.recordTypeName, formName: input.formName } },
          body: { prompt: input.prompt },
        }),
      ),
  });
};

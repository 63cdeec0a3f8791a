'use client';

import { unwrap } from '@ec3l/sdk';
import { type QueryClient, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CompiledForm,
  FormDefinition,
  FormOverride,
  FormPatchOp,
  FormPlacement,
  FormRule,
  FormRuleBody,
  FormSection,
  RuleProblem,
} from '@/lib/forms';
import { useIdentity } from '@/providers/identity';
import { allPages } from './pages';

/** Keys mirror the API path, then the tenant, then the ids. */
const FORM_PATHS = [
  '/api/form-definitions',
  '/api/form-definitions/{formDefinitionId}',
  '/api/form-definitions/{formDefinitionId}/sections',
  '/api/form-definitions/{formDefinitionId}/rules',
  '/api/form-definitions/{formDefinitionId}/analysis',
  '/api/form-sections/{formSectionId}/placements',
  '/api/forms/{recordTypeName}/{formName}/compiled',
  '/api/forms/{recordTypeName}/{formName}/overrides',
] as const;

/** Any write to a form can change its layout, its rules' analysis and its compiled result. */
const invalidateForms = (queryClient: QueryClient, tenant: string) =>
  Promise.all(FORM_PATHS.map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })));

/** GET /api/form-definitions?recordTypeId=: the forms of a record type, every page. */
export const useFormDefinitions = (tenant: string, recordTypeId: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/form-definitions', tenant, recordTypeId ?? ''] as const,
    enabled: recordTypeId !== null,
    queryFn: ({ signal }): Promise<FormDefinition[]> =>
      allPages((page) =>
        api(tenant).GET('/api/form-definitions', {
          params: { query: { recordTypeId: recordTypeId ?? '', ...page } },
          signal,
        }),
      ),
  });
};

/** GET /api/form-definitions/{formDefinitionId}/sections, then each section's placements. */
export const useFormLayout = (tenant: string, formDefinitionId: string | null) => {
  const { api } = useIdentity();
  const sections = useQuery({
    queryKey: ['/api/form-definitions/{formDefinitionId}/sections', tenant, formDefinitionId ?? ''] as const,
    enabled: formDefinitionId !== null,
    queryFn: async ({ signal }): Promise<FormSection[]> =>
      unwrap(
        await api(tenant).GET('/api/form-definitions/{formDefinitionId}/sections', {
          params: { path: { formDefinitionId: formDefinitionId ?? '' } },
          signal,
        }),
      ),
  });
  const placements = useQueries({
    queries: (sections.data ?? []).map((section) => ({
      queryKey: ['/api/form-sections/{formSectionId}/placements', tenant, section.id] as const,
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<FormPlacement[]> =>
        unwrap(
          await api(tenant).GET('/api/form-sections/{formSectionId}/placements', {
            params: { path: { formSectionId: section.id } },
            signal,
          }),
        ),
    })),
  });
  const failed = sections.error ?? placements.find((p) => p.isError)?.error ?? null;
  const ready = sections.isSuccess && placements.every((p) => p.isSuccess);
  return {
    isPending: !failed && !ready,
    error: failed,
    sections: ready
      ? (sections.data ?? []).map((section, i) => ({ section, placements: placements[i]?.data ?? [] }))
      : null,
    refetch: () => void sections.refetch().then(() => placements.forEach((p) => void p.refetch())),
  };
};

/** GET /api/form-definitions/{formDefinitionId}/rules: the form's behaviour rules. */
export const useFormRules = (tenant: string, formDefinitionId: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/form-definitions/{formDefinitionId}/rules', tenant, formDefinitionId ?? ''] as const,
    enabled: formDefinitionId !== null,
    queryFn: async ({ signal }): Promise<FormRule[]> =>
      unwrap(
        await api(tenant).GET('/api/form-definitions/{formDefinitionId}/rules', {
          params: { path: { formDefinitionId: formDefinitionId ?? '' } },
          signal,
        }),
      ),
  });
};

/** GET /api/form-definitions/{formDefinitionId}/analysis: what is wrong with the form's rules. */
export const useFormAnalysis = (tenant: string, formDefinitionId: string | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/form-definitions/{formDefinitionId}/analysis', tenant, formDefinitionId ?? ''] as const,
    enabled: formDefinitionId !== null,
    queryFn: async ({ signal }): Promise<RuleProblem[]> =>
      unwrap(
        await api(tenant).GET('/api/form-definitions/{formDefinitionId}/analysis', {
          params: { path: { formDefinitionId: formDefinitionId ?? '' } },
          signal,
        }),
      ),
  });
};

export type FormRef = { recordTypeName: string; formName: string };

/** GET /api/forms/{recordTypeName}/{formName}/compiled: the form as records see it. */
export const useCompiledForm = (tenant: string, ref: FormRef | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: [
      '/api/forms/{recordTypeName}/{formName}/compiled',
      tenant,
      ref?.recordTypeName ?? '',
      ref?.formName ?? '',
    ] as const,
    enabled: ref !== null,
    queryFn: async ({ signal }): Promise<CompiledForm> =>
      unwrap(
        await api(tenant).GET('/api/forms/{recordTypeName}/{formName}/compiled', {
          params: { path: ref as FormRef },
          signal,
        }),
      ),
  });
};

/** GET /api/forms/{recordTypeName}/{formName}/overrides: the form's override versions. */
export const useFormOverrides = (tenant: string, ref: FormRef | null) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: [
      '/api/forms/{recordTypeName}/{formName}/overrides',
      tenant,
      ref?.recordTypeName ?? '',
      ref?.formName ?? '',
    ] as const,
    enabled: ref !== null,
    queryFn: async ({ signal }): Promise<FormOverride[]> =>
      unwrap(
        await api(tenant).GET('/api/forms/{recordTypeName}/{formName}/overrides', {
          params: { path: ref as FormRef },
          signal,
        }),
      ),
  });
};

/** A mutation over the forms API that reads every form query again when it lands. */
const useFormMutation = <I, O>(
  tenant: string,
  run: (api: ReturnType<ReturnType<typeof useIdentity>['api']>, input: I) => Promise<O>,
) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => run(api(tenant), input),
    onSuccess: () => invalidateForms(queryClient, tenant),
  });
};

/** POST /api/form-definitions (201; 409 FORM_NAME_TAKEN). */
export const useCreateForm = (tenant: string) =>
  useFormMutation(tenant, async (api, body: { recordTypeId: string; name: string; description?: string }) =>
    unwrap(await api.POST('/api/form-definitions', { body })),
  );

/** POST /api/form-definitions/{formDefinitionId}/activate or /retire. */
export const useFormStatus = (tenant: string) =>
  useFormMutation(tenant, async (api, input: { formDefinitionId: string; action: 'activate' | 'retire' }) => {
    const params = { path: { formDefinitionId: input.formDefinitionId } };
    return input.action === 'activate'
      ? unwrap(await api.POST('/api/form-definitions/{formDefinitionId}/activate', { params }))
      : unwrap(await api.POST('/api/form-definitions/{formDefinitionId}/retire', { params }));
  });

/** POST /api/form-definitions/{formDefinitionId}/sections. */
export const useCreateSection = (tenant: string) =>
  useFormMutation(
    tenant,
    async (api, input: { formDefinitionId: string; title: string; orderIndex: number }) =>
      unwrap(
        await api.POST('/api/form-definitions/{formDefinitionId}/sections', {
          params: { path: { formDefinitionId: input.formDefinitionId } },
          body: { title: input.title, orderIndex: input.orderIndex },
        }),
      ),
  );

/** PATCH /api/form-sections/{formSectionId}: one request per section (a rename, or new positions). */
export const useUpdateSections = (tenant: string) =>
  useFormMutation(
    tenant,
    async (api, updates: readonly { formSectionId: string; title?: string; orderIndex?: number }[]) => {
      for (const { formSectionId, ...body } of updates)
        unwrap(
          await api.PATCH('/api/form-sections/{formSectionId}', {
            params: { path: { formSectionId } },
            body,
          }),
        );
    },
  );

/** DELETE /api/form-sections/{formSectionId}: the section and its placements. */
export const useDeleteSection = (tenant: string) =>
  useFormMutation(tenant, async (api, formSectionId: string) =>
    unwrap(await api.DELETE('/api/form-sections/{formSectionId}', { params: { path: { formSectionId } } })),
  );

/** POST /api/form-sections/{formSectionId}/placements (409 FORM_FIELD_PLACED). */
export const useCreatePlacement = (tenant: string) =>
  useFormMutation(
    tenant,
    async (api, input: { formSectionId: string; field: string; column: number; orderIndex: number }) =>
      unwrap(
        await api.POST('/api/form-sections/{formSectionId}/placements', {
          params: { path: { formSectionId: input.formSectionId } },
          body: { field: input.field, column: input.column, orderIndex: input.orderIndex },
        }),
      ),
  );

/** PATCH /api/form-placements/{formPlacementId}: one request per placement that moved or changed column. */
export const useUpdatePlacements = (tenant: string) =>
  useFormMutation(
    tenant,
    async (
      api,
      updates: readonly {
        formPlacementId: string;
        formSectionId?: string;
        column?: number;
        orderIndex?: number;
      }[],
    ) => {
      for (const { formPlacementId, ...body } of updates)
        unwrap(
          await api.PATCH('/api/form-placements/{formPlacementId}', {
            params: { path: { formPlacementId } },
            body,
          }),
        );
    },
  );

/** DELETE /api/form-placements/{formPlacementId}. */
export const useDeletePlacement = (tenant: string) =>
  useFormMutation(tenant, async (api, formPlacementId: string) =>
    unwrap(
      await api.DELETE('/api/form-placements/{formPlacementId}', { params: { path: { formPlacementId } } }),
    ),
  );

/** POST /api/form-definitions/{formDefinitionId}/rules, or PATCH /api/form-rules/{formRuleId} with an id. */
export const useSaveRule = (tenant: string) =>
  useFormMutation(
    tenant,
    async (api, input: { formDefinitionId: string; formRuleId?: string | undefined; body: FormRuleBody }) =>
      input.formRuleId
        ? unwrap(
            await api.PATCH('/api/form-rules/{formRuleId}', {
              params: { path: { formRuleId: input.formRuleId } },
              body: input.body,
            }),
          )
        : unwrap(
            await api.POST('/api/form-definitions/{formDefinitionId}/rules', {
              params: { path: { formDefinitionId: input.formDefinitionId } },
              body: input.body,
            }),
          ),
  );

/** DELETE /api/form-rules/{formRuleId}. */
export const useDeleteRule = (tenant: string) =>
  useFormMutation(tenant, async (api, formRuleId: string) =>
    unwrap(await api.DELETE('/api/form-rules/{formRuleId}', { params: { path: { formRuleId } } })),
  );

/** POST /api/forms/{recordTypeName}/{formName}/overrides: a draft override, the next version. */
export const useCreateOverride = (tenant: string) =>
  useFormMutation(tenant, async (api, input: FormRef & { ops: FormPatchOp[]; summary?: string }) =>
    unwrap(
      await api.POST('/api/forms/{recordTypeName}/{formName}/overrides', {
        params: { path: { recordTypeName: input.recordTypeName, formName: input.formName } },
        body: { ops: input.ops, ...(input.summary ? { summary: input.summary } : {}) },
      }),
    ),
  );

/** POST /api/form-overrides/{formOverrideId}/activate or /retire. */
export const useOverrideStatus = (tenant: string) =>
  useFormMutation(tenant, async (api, input: { formOverrideId: string; action: 'activate' | 'retire' }) => {
    const params = { path: { formOverrideId: input.formOverrideId } };
    return input.action === 'activate'
      ? unwrap(await api.POST('/api/form-overrides/{formOverrideId}/activate', { params }))
      : unwrap(await api.POST('/api/form-overrides/{formOverrideId}/retire', { params }));
  });

/**
 * The record type's active form, compiled: `null` when it has none (records then use the form generated
 * from the schema). With several active, the first listed.
 */
export const useActiveForm = (tenant: string, recordType: { id: string; name: string } | null) => {
  const forms = useFormDefinitions(tenant, recordType?.id ?? null);
  const active = (forms.data ?? []).find((f) => f.status === 'active') ?? null;
  const compiled = useCompiledForm(
    tenant,
    recordType && active ? { recordTypeName: recordType.name, formName: active.name } : null,
  );
  if (forms.isPending) return { isPending: true, error: null, form: null } as const;
  if (forms.isError)
    return { isPending: false, error: forms.error, form: null, refetch: forms.refetch } as const;
  if (!active) return { isPending: false, error: null, form: null } as const;
  if (compiled.isPending) return { isPending: true, error: null, form: null } as const;
  if (compiled.isError)
    return { isPending: false, error: compiled.error, form: null, refetch: compiled.refetch } as const;
  return { isPending: false, error: null, form: compiled.data } as const;
};

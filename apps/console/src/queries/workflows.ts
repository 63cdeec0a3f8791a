'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AddStepBody,
  Approval,
  CreateTriggerBody,
  DefinitionStatus,
  ExecutionStatus,
  IntentStatus,
  StepExecution,
  WorkflowDefinition,
  WorkflowExecution,
  WorkflowStep,
  WorkflowTrigger,
} from '@/lib/workflows';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { allPages, cursorPaged } from './pages';

const PAGE_SIZE = 50;

export type DefinitionFilter = { projectId?: string; status?: DefinitionStatus };
export type ExecutionFilter = { status?: ExecutionStatus; workflowDefinitionId?: string };

/** Keys mirror the API path, then the tenant, then the id or the list's filter. */
const definitionKey = (tenant: string, id: string) => ['/api/workflow-definitions/{id}', tenant, id] as const;
const stepsKey = (tenant: string, id: string) =>
  ['/api/workflow-definitions/{id}/steps', tenant, id] as const;
const triggersKey = (tenant: string, id: string) =>
  ['/api/workflow-definitions/{id}/triggers', tenant, id] as const;
const executionKey = (tenant: string, id: string) => ['/api/workflow-executions/{id}', tenant, id] as const;

/** Everything a run touches: executions, their steps, approvals and intents. */
const invalidateRuns = (queryClient: QueryClient, tenant: string) =>
  Promise.all(
    [
      '/api/workflow-executions',
      '/api/workflow-executions/{id}',
      '/api/workflow-executions/{id}/steps',
      '/api/workflow-approvals',
      '/api/workflow-intents',
      '/api/admin/approvals',
    ].map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })),
  );

const invalidateDefinition = (queryClient: QueryClient, tenant: string, id: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: definitionKey(tenant, id) }),
    queryClient.invalidateQueries({ queryKey: ['/api/workflow-definitions', tenant] }),
    queryClient.invalidateQueries({ queryKey: ['/api/admin/workflows', tenant] }),
  ]);

/** GET /api/workflow-definitions?projectId=&status=, page by page. */
export const useWorkflowDefinitions = (tenant: string, filter: DefinitionFilter) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/workflow-definitions', tenant, filter],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/workflow-definitions', { params: { query: { ...filter, ...page } }, signal }),
    ),
  });
};

/** GET /api/admin/workflows: the tenant's definitions for the admin overview. */
export const useAdminWorkflows = (tenant: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/admin/workflows', tenant],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/workflows', { params: { query: page }, signal }),
    ),
  });
};

/** GET /api/admin/approvals: every pending approval of the tenant. */
export const useAdminApprovals = (tenant: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/admin/approvals', tenant],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/admin/approvals', { params: { query: page }, signal }),
    ),
  });
};

/** GET /api/workflow-definitions/{workflowDefinitionId}. */
export const useWorkflowDefinition = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: definitionKey(tenant, id),
    queryFn: async ({ signal }): Promise<WorkflowDefinition> =>
      unwrap(
        await api(tenant).GET('/api/workflow-definitions/{workflowDefinitionId}', {
          params: { path: { workflowDefinitionId: id } },
          signal,
        }),
      ),
  });
};

/** GET /api/workflow-definitions/{workflowDefinitionId}/steps, in order. */
export const useWorkflowSteps = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: stepsKey(tenant, id),
    queryFn: async ({ signal }): Promise<WorkflowStep[]> =>
      unwrap(
        await api(tenant).GET('/api/workflow-definitions/{workflowDefinitionId}/steps', {
          params: { path: { workflowDefinitionId: id } },
          signal,
        }),
      ),
  });
};

/** GET /api/workflow-definitions/{workflowDefinitionId}/triggers, every page. */
export const useDefinitionTriggers = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: triggersKey(tenant, id),
    queryFn: ({ signal }): Promise<WorkflowTrigger[]> =>
      allPages((page) =>
        api(tenant).GET('/api/workflow-definitions/{workflowDefinitionId}/triggers', {
          params: { path: { workflowDefinitionId: id }, query: page },
          signal,
        }),
      ),
  });
};

/** POST /api/workflow-definitions (201, draft). */
export const useCreateWorkflowDefinition = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['CreateWorkflowDefinitionBody']) =>
      client.POST('/api/workflow-definitions', { body }),
    async (queryClient, definition: WorkflowDefinition) => {
      queryClient.setQueryData(definitionKey(tenant, definition.id), definition);
      await invalidateDefinition(queryClient, tenant, definition.id);
    },
  );

/** POST /api/workflow-definitions/{workflowDefinitionId}/steps (draft only, 409 otherwise). */
export const useAddWorkflowStep = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, body: AddStepBody) =>
      client.POST('/api/workflow-definitions/{workflowDefinitionId}/steps', {
        params: { path: { workflowDefinitionId: id } },
        body,
      }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: stepsKey(tenant, id) }),
  );

/** PATCH …/steps/{stepId}: rename, reconfigure or move a step of a draft (decisions follow their targets). */
export const useUpdateWorkflowStep = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, { stepId, ...body }: { stepId: string; name?: string | null; orderIndex?: number }) =>
      client.PATCH('/api/workflow-definitions/{workflowDefinitionId}/steps/{stepId}', {
        params: { path: { workflowDefinitionId: id, stepId } },
        body,
      }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: stepsKey(tenant, id) }),
  );

/** DELETE …/steps/{stepId}: a draft's step (409 WORKFLOW_STEP_REFERENCED while a decision jumps to it). */
export const useRemoveWorkflowStep = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, stepId: string) =>
      client.DELETE('/api/workflow-definitions/{workflowDefinitionId}/steps/{stepId}', {
        params: { path: { workflowDefinitionId: id, stepId } },
      }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: stepsKey(tenant, id) }),
  );

/** POST …/activate or …/retire: the lifecycle moves (409 with the problems when activation refuses). */
export const useMoveWorkflowDefinition = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, move: 'activate' | 'retire') => {
      const params = { params: { path: { workflowDefinitionId: id } } };
      return move === 'activate'
        ? client.POST('/api/workflow-definitions/{workflowDefinitionId}/activate', params)
        : client.POST('/api/workflow-definitions/{workflowDefinitionId}/retire', params);
    },
    (queryClient, definition: WorkflowDefinition) => {
      queryClient.setQueryData(definitionKey(tenant, id), definition);
      return invalidateDefinition(queryClient, tenant, id);
    },
  );

/** POST /api/workflow-definitions/{workflowDefinitionId}/execute (201, an execution). */
export const useExecuteWorkflow = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['WorkflowExecuteBody']) =>
      client.POST('/api/workflow-definitions/{workflowDefinitionId}/execute', {
        params: { path: { workflowDefinitionId: id } },
        body,
      }),
    (queryClient) => invalidateRuns(queryClient, tenant),
  );

/** POST /api/workflow-triggers (201, active). */
export const useCreateTrigger = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, body: CreateTriggerBody) => client.POST('/api/workflow-triggers', { body }),
    (queryClient) => queryClient.invalidateQueries({ queryKey: triggersKey(tenant, id) }),
  );

/** POST /api/workflow-triggers/{workflowTriggerId}/enable | disable. */
export const useSwitchTrigger = (tenant: string, id: string) =>
  useApiMutation(
    tenant,
    (client, { triggerId, on }: { triggerId: string; on: boolean }) => {
      const params = { params: { path: { workflowTriggerId: triggerId } } };
      return on
        ? client.POST('/api/workflow-triggers/{workflowTriggerId}/enable', params)
        : client.POST('/api/workflow-triggers/{workflowTriggerId}/disable', params);
    },
    (queryClient) => queryClient.invalidateQueries({ queryKey: triggersKey(tenant, id) }),
  );

/** POST /api/workflow-triggers/{workflowTriggerId}/fire: queues an intent. */
export const useFireTrigger = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, triggerId: string) =>
      client.POST('/api/workflow-triggers/{workflowTriggerId}/fire', {
        params: { path: { workflowTriggerId: triggerId } },
        body: {},
      }),
    (queryClient) => invalidateRuns(queryClient, tenant),
  );

/** GET /api/workflow-executions?status=&workflowDefinitionId=, newest first, page by page. */
export const useWorkflowExecutions = (tenant: string, filter: ExecutionFilter) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/workflow-executions', tenant, filter],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/workflow-executions', { params: { query: { ...filter, ...page } }, signal }),
    ),
  });
};

/** GET /api/workflow-executions/{executionId}. */
export const useWorkflowExecution = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: executionKey(tenant, id),
    queryFn: async ({ signal }): Promise<WorkflowExecution> =>
      unwrap(
        await api(tenant).GET('/api/workflow-executions/{executionId}', {
          params: { path: { executionId: id } },
          signal,
        }),
      ),
  });
};

/** GET /api/workflow-executions/{executionId}/steps: the timeline, in run order. */
export const useStepExecutions = (tenant: string, id: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/workflow-executions/{id}/steps', tenant, id],
    queryFn: async ({ signal }): Promise<StepExecution[]> =>
      unwrap(
        await api(tenant).GET('/api/workflow-executions/{executionId}/steps', {
          params: { path: { executionId: id } },
          signal,
        }),
      ),
  });
};

/** GET /api/workflow-approvals?mine=true&status=pending: what the acting user is asked to decide. */
export const useMyApprovals = (tenant: string) => {
  const { api, userId } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/workflow-approvals', tenant, userId],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/workflow-approvals', {
        params: { query: { mine: true, status: 'pending', ...page } },
        signal,
      }),
    ),
  });
};

/** POST /api/workflow-approvals/{approvalId}/decisions: approve or reject, with a comment. */
export const useDecideApproval = (tenant: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      approvalId,
      ...body
    }: { approvalId: string } & Schemas['WorkflowApprovalDecisionBody']): Promise<Approval> =>
      unwrap(
        await api(tenant).POST('/api/workflow-approvals/{approvalId}/decisions', {
          params: { path: { approvalId } },
          body,
        }),
      ) as Approval,
    onSuccess: () => invalidateRuns(queryClient, tenant),
  });
};

/** GET /api/workflow-intents?status=, page by page. */
export const useWorkflowIntents = (tenant: string, status: IntentStatus | undefined) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/workflow-intents', tenant, status ?? null],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/workflow-intents', {
        params: { query: { ...(status ? { status } : {}), ...page } },
        signal,
      }),
    ),
  });
};

/** POST /api/workflow-intents/dispatch: runs the pending intents now. */
export const useDispatchIntents = (tenant: string) =>
  useApiMutation(
    tenant,
    (client) => client.POST('/api/workflow-intents/dispatch', { body: {} }),
    (queryClient) => invalidateRuns(queryClient, tenant),
  );

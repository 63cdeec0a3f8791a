'use client';

import { type Schemas, unwrap } from '@ec3l/sdk';
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type AgentRun, type AgentRunLogLine, parseEventStream } from '@/lib/agents';
import { useIdentity } from '@/providers/identity';
import { useApiMutation } from './mutation';
import { cursorPaged } from './pages';

const PAGE_SIZE = 50;

const invalidate = (queryClient: QueryClient, tenant: string, paths: string[]) =>
  Promise.all(paths.map((path) => queryClient.invalidateQueries({ queryKey: [path, tenant] })));

const SKILL_PATHS = ['/api/agent-skills', '/api/agent-skills/{skillId}'];
const PROPOSAL_PATHS = [
  '/api/agent-proposals',
  '/api/agent-proposals/{proposalId}',
  '/api/admin/approvals',
  '/api/changes',
  '/api/workflow-approvals',
  '/api/workflow-approvals/{approvalId}',
];

/** GET /api/agent-skills: the registry by name, page by page. */
export const useAgentSkills = (tenant: string) => {
  const { api } = useIdentity();
  return useInfiniteQuery({
    queryKey: ['/api/agent-skills', tenant],
    ...cursorPaged(PAGE_SIZE, (page, signal) =>
      api(tenant).GET('/api/agent-skills', { params: { query: page }, signal }),
    ),
  });
};

/** POST /api/agent-skills. */
export const useCreateSkill = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, body: Schemas['CreateAgentSkillBody']) => client.POST('/api/agent-skills', { body }),
    (queryClient) => invalidate(queryClient, tenant, SKILL_PATHS),
  );

/** PATCH /api/agent-skills/{skillId}: edit, disable or enable. */
export const useUpdateSkill = (tenant: string) =>
  useApiMutation(
    tenant,
    (client, { skillId, ...body }: { skillId: string } & Schemas['UpdateAgentSkillBody']) =>
      client.PATCH('/api/agent-skills/{skillId}', { params: { path: { skillId } }, body }),
    (queryClient) => invalidate(queryClient, tenant, SKILL_PATHS),
  );

/** DELETE /api/agent-skills/{skillId}. */
export const useDeleteSkill = (tenant: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (skillId: string) => {
      const result = await api(tenant).DELETE('/api/agent-skills/{skillId}', {
        params: { path: { skillId } },
      });
      if (result.error) unwrap(result);
    },
    onSuccess: () => invalidate(queryClient, tenant, SKILL_PATHS),
  });
};

/** GET /api/agent-proposals/{proposalId}. */
export const useAgentProposal = (tenant: string, proposalId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/agent-proposals/{proposalId}', tenant, proposalId],
    queryFn: async ({ signal }) =>
      unwrap(
        await api(tenant).GET('/api/agent-proposals/{proposalId}', {
          params: { path: { proposalId } },
          signal,
        }),
      ),
  });
};

/** POST /api/agent-proposals/{proposalId}/review: accept (applies it) or reject. */
export const useReviewProposal = (tenant: string) => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      proposalId,
      ...body
    }: { proposalId: string } & Schemas['ReviewAgentProposalBody']) =>
      unwrap(
        await api(tenant).POST('/api/agent-proposals/{proposalId}/review', {
          params: { path: { proposalId } },
          body,
        }),
      ),
    onSettled: () => invalidate(queryClient, tenant, PROPOSAL_PATHS),
  });
};

/** GET /api/changes/{changeId}/agent-runs: the change's runs, oldest first. */
export const useAgentRuns = (tenant: string, changeId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/changes/{changeId}/agent-runs', tenant, changeId],
    enabled: changeId !== '',
    queryFn: async ({ signal }): Promise<AgentRun[]> =>
      unwrap(
        await api(tenant).GET('/api/changes/{changeId}/agent-runs', {
          params: { path: { changeId } },
          signal,
        }),
      ),
  });
};

/** GET /api/agent-runs/{agentRunId}. */
export const useAgentRun = (tenant: string, agentRunId: string) => {
  const { api } = useIdentity();
  return useQuery({
    queryKey: ['/api/agent-runs/{agentRunId}', tenant, agentRunId],
    queryFn: async ({ signal }): Promise<AgentRun> =>
      unwrap(
        await api(tenant).GET('/api/agent-runs/{agentRunId}', { params: { path: { agentRunId } }, signal }),
      ),
  });
};

export type LogStreamState = {
  /** Each line with its position in the run's log (the event id). */
  lines: (AgentRunLogLine & { position: number })[];
  /** connecting, live (open), ended (the run passed or failed), failed (the stream broke). */
  phase: 'connecting' | 'live' | 'ended' | 'failed';
  endStatus: string | null;
  error: string | null;
};

/**
 * Follows GET /api/agent-runs/{agentRunId}/log/stream through the SDK (so the identity headers go
 * with it): the lines so far, then each new one live, until the run ends. Closing the page aborts it.
 */
export const useRunLogStream = (tenant: string, agentRunId: string): LogStreamState => {
  const { api } = useIdentity();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LogStreamState>({
    lines: [],
    phase: 'connecting',
    endStatus: null,
    error: null,
  });
  useEffect(() => {
    const controller = new AbortController();
    setState({ lines: [], phase: 'connecting', endStatus: null, error: null });
    const follow = async () => {
      const result = await api(tenant).GET('/api/agent-runs/{agentRunId}/log/stream', {
        params: { path: { agentRunId } },
        headers: { accept: 'text/event-stream' },
        parseAs: 'stream',
        signal: controller.signal,
      });
      if (!result.response.ok || !result.response.body) {
        setState((s) => ({ ...s, phase: 'failed', error: `The stream answered ${result.response.status}` }));
        return;
      }
      setState((s) => ({ ...s, phase: 'live' }));
      const reader = result.response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseEventStream(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.event === 'log') {
            const line = JSON.parse(event.data) as AgentRunLogLine;
            const position = Number(event.id);
            setState((s) => ({ ...s, lines: [...s.lines, { ...line, position }] }));
          } else if (event.event === 'end') {
            const { status } = JSON.parse(event.data) as { status: string };
            setState((s) => ({ ...s, phase: 'ended', endStatus: status }));
            void queryClient.invalidateQueries({
              queryKey: ['/api/agent-runs/{agentRunId}', tenant, agentRunId],
            });
            void queryClient.invalidateQueries({ queryKey: ['/api/changes/{changeId}/agent-runs', tenant] });
          }
        }
      }
    };
    follow().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setState((s) => ({
        ...s,
        phase: 'failed',
        error: error instanceof Error ? error.message : String(error),
      }));
    });
    return () => controller.abort();
  }, [api, tenant, agentRunId, queryClient]);
  return state;
};

'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { INLINE_SELECT } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { cx } from '@/lib/cx';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, plural } from '@/lib/format';
import { allOf, PERMISSION } from '@/lib/permissions';
import {
  type Approval,
  EXECUTION_STATUSES,
  type ExecutionStatus,
  INTENT_STATUSES,
  type IntentStatus,
  labelOf,
  statusTone,
} from '@/lib/workflows';
import { useCan } from '@/queries/me';
import {
  useDecideApproval,
  useDispatchIntents,
  useMyApprovals,
  useStepExecutions,
  useWorkflowExecution,
  useWorkflowExecutions,
  useWorkflowIntents,
} from '@/queries/workflows';
import { StatusFilter } from './status-filter';
import { useAgentGate } from './use-agent-gate';

const HEADER = {
  title: 'Workflow monitor',
  description: 'Executions step by step, the approvals waiting on you, and the queue of intents.',
};

export function MonitorView() {
  return (
    <RequireTenant fallbackHeader={<PageHeader {...HEADER} />}>
      {(tenant) => (
        <Suspense
          fallback={
            <>
              <PageHeader {...HEADER} />
              <Card>
                <LoadingState label="Loading the monitor…" />
              </Card>
            </>
          }
        >
          <MonitorPage key={tenant} tenant={tenant} />
        </Suspense>
      )}
    </RequireTenant>
  );
}

function MonitorPage({ tenant }: { tenant: string }) {
  const params = useSearchParams();
  const [selected, setSelected] = useState<string | null>(params.get('executionId'));
  return (
    <>
      <PageHeader {...HEADER} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <ExecutionsCard tenant={tenant} selected={selected} onSelect={setSelected} />
        {selected ? (
          <TimelineCard
            key={selected}
            tenant={tenant}
            executionId={selected}
            onClose={() => setSelected(null)}
          />
        ) : (
          <Card>
            <EmptyState title="No execution selected" description="Pick an execution to see its steps." />
          </Card>
        )}
        <ApprovalsCard tenant={tenant} onOpen={setSelected} />
        <IntentsCard tenant={tenant} onOpen={setSelected} />
      </div>
    </>
  );
}

function ExecutionsCard({
  tenant,
  selected,
  onSelect,
}: {
  tenant: string;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const [status, setStatus] = useState<ExecutionStatus | ''>('');
  const query = useWorkflowExecutions(tenant, status ? { status } : {});
  return (
    <Card aria-labelledby="executions-title">
      <CardHeader
        titleId="executions-title"
        title="Executions"
        description={
          query.data
            ? `${plural(query.data.length, 'execution')}${query.hasNextPage ? ' loaded' : ''}, newest first`
            : `Tenant ${tenant}`
        }
        actions={
          <div className="flex items-center gap-2">
            {query.isFetching && !query.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
            <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => void query.refetch()}>
              Refresh
            </Button>
          </div>
        }
      />
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/70 px-5 py-3">
        <StatusFilter
          label="Filter executions by status"
          statuses={EXECUTION_STATUSES}
          value={status}
          onChange={setStatus}
        />
      </div>
      {query.isPending ? (
        <LoadingState label="Loading executions…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load executions"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState
          testId="executions-empty"
          title={status ? 'No executions match' : 'No executions yet'}
          description={status ? `No execution is ${status}.` : 'Run a workflow or fire a trigger.'}
        />
      ) : (
        <Table label="Executions">
          <thead>
            <tr>
              <Th>Execution</Th>
              <Th>Status</Th>
              <Th>Started</Th>
            </tr>
          </thead>
          <Tbody>
            {query.data.map((e) => (
              <tr
                key={e.id}
                data-testid="execution-row"
                data-status={e.status}
                className={cx('hover:bg-slate-50', e.id === selected && 'bg-indigo-50')}
              >
                <Td>
                  <button
                    type="button"
                    onClick={() => onSelect(e.id)}
                    aria-pressed={e.id === selected}
                    className="font-mono text-xs font-medium text-indigo-600 hover:underline"
                  >
                    {e.id.slice(0, 8)}
                  </button>
                  <div className="text-xs text-slate-500">
                    <Link href={`/workflows/${e.workflowDefinitionId}`} className="hover:underline">
                      definition v{e.definitionVersion}
                    </Link>
                  </div>
                </Td>
                <Td>
                  <Badge tone={statusTone(e.status)}>{e.status}</Badge>
                </Td>
                <Td className="whitespace-nowrap text-slate-500">{formatDateTime(e.startedAt)}</Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
      {query.data && query.data.length > 0 ? (
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      ) : null}
    </Card>
  );
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

function TimelineCard({
  tenant,
  executionId,
  onClose,
}: {
  tenant: string;
  executionId: string;
  onClose: () => void;
}) {
  const execution = useWorkflowExecution(tenant, executionId);
  const steps = useStepExecutions(tenant, executionId);
  return (
    <Card aria-labelledby="timeline-title" data-testid="execution-timeline">
      <CardHeader
        titleId="timeline-title"
        title={`Execution ${executionId.slice(0, 8)}`}
        description={
          execution.data ? (
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={statusTone(execution.data.status)} testId="execution-status">
                {execution.data.status}
              </Badge>
              started {formatDateTime(execution.data.startedAt)}
              {execution.data.completedAt ? `, ended ${formatDateTime(execution.data.completedAt)}` : ''}
            </span>
          ) : undefined
        }
        actions={
          <div className="flex gap-2">
            <Button
              variant="secondary"
              className="px-2.5 py-1 text-xs"
              onClick={() => {
                void execution.refetch();
                void steps.refetch();
              }}
            >
              Refresh
            </Button>
            <Button variant="ghost" className="px-2.5 py-1 text-xs" onClick={onClose}>
              Close
            </Button>
          </div>
        }
      />
      {execution.isError ? (
        <ErrorState title="Could not load the execution" message={errorMessage(execution.error)} />
      ) : null}
      {execution.data?.error ? (
        <div className="px-5 pt-3">
          <Alert tone="error">{execution.data.error}</Alert>
        </div>
      ) : null}
      {execution.data?.recordId ? (
        <p className="px-5 pt-3 text-xs text-slate-600">
          Record <span className="font-mono">{execution.data.recordId}</span>
        </p>
      ) : null}
      {steps.isPending ? (
        <LoadingState label="Loading steps…" />
      ) : steps.isError ? (
        <ErrorState
          title="Could not load the steps"
          message={errorMessage(steps.error)}
          onRetry={() => void steps.refetch()}
        />
      ) : steps.data.length === 0 ? (
        <EmptyState title="No steps run yet" description="The execution has not run a step." />
      ) : (
        <ol className="space-y-3 px-5 py-4" aria-label="Steps run">
          {steps.data.map((s) => (
            <li
              key={s.id}
              data-testid="timeline-step"
              className="rounded-md border border-slate-200 px-3 py-2"
            >
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-slate-900">
                  {s.sequence + 1}. Step {s.stepIndex + 1} · {labelOf(s.stepType)}
                </span>
                <Badge tone={statusTone(s.status)}>{labelOf(s.status)}</Badge>
                <span className="text-xs text-slate-500">{formatDateTime(s.executedAt ?? s.startedAt)}</span>
              </div>
              {s.error ? <p className="mt-1 text-sm text-rose-700">{s.error}</p> : null}
              {s.output !== null && s.output !== undefined ? (
                <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-50 px-2 py-1 text-xs text-slate-700">
                  {json(s.output)}
                </pre>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function ApprovalsCard({ tenant, onOpen }: { tenant: string; onOpen: (id: string) => void }) {
  const query = useMyApprovals(tenant);
  return (
    <Card aria-labelledby="approvals-title">
      <CardHeader
        titleId="approvals-title"
        title="Your approvals"
        description={query.data ? `${plural(query.data.length, 'approval')} waiting on you` : undefined}
        actions={
          <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => void query.refetch()}>
            Refresh
          </Button>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading approvals…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load approvals"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState
          testId="approvals-empty"
          title="Nothing to approve"
          description="No approval waits on you."
        />
      ) : (
        <ul className="divide-y divide-slate-100">
          {query.data.map((a) => (
            <ApprovalRow key={a.id} tenant={tenant} approval={a} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {query.data && query.data.length > 0 ? (
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      ) : null}
    </Card>
  );
}

function ApprovalRow({
  tenant,
  approval,
  onOpen,
}: {
  tenant: string;
  approval: Approval;
  onOpen: (id: string) => void;
}) {
  const can = useCan(tenant, PERMISSION.workflowApprove);
  const agent = useAgentGate(tenant, 'decide approvals');
  const gate = allOf(agent, can);
  const decide = useDecideApproval(tenant);
  const [comment, setComment] = useState('');
  const noteId = useId();
  const commentId = useId();
  const send = (decision: 'approve' | 'reject') =>
    decide.mutate({
      approvalId: approval.id,
      decision,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
  return (
    <li className="space-y-2 px-5 py-3" data-testid="approval-row">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          onClick={() => onOpen(approval.workflowExecutionId)}
          className="font-mono text-xs font-medium text-indigo-600 hover:underline"
        >
          Execution {approval.workflowExecutionId.slice(0, 8)}
        </button>
        <span className="text-xs text-slate-600">
          asked of {approval.approvers.join(', ')} · {plural(approval.decisions.length, 'decision')} so far
          {approval.deadlineAt ? ` · due ${formatDateTime(approval.deadlineAt)}` : ''}
        </span>
      </div>
      <label htmlFor={commentId} className="block text-xs font-medium text-slate-700">
        Comment (optional)
      </label>
      <input
        id={commentId}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        disabled={!gate.allowed}
        className={cx(INLINE_SELECT, 'w-full text-sm')}
      />
      <div className="flex gap-2">
        <GatedButton
          gate={gate}
          noteId={noteId}
          className="px-2.5 py-1 text-xs"
          busy={decide.isPending}
          onClick={() => send('approve')}
        >
          Approve
        </GatedButton>
        <GatedButton
          gate={gate}
          noteId={noteId}
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          busy={decide.isPending}
          onClick={() => send('reject')}
        >
          Reject
        </GatedButton>
      </div>
      <PermissionNotes
        id={noteId}
        actions={[
          { label: 'Approve', gate },
          { label: 'Reject', gate },
        ]}
        className="text-xs text-slate-600"
      />
      {decide.isError ? <Alert tone="error">{errorMessage(decide.error)}</Alert> : null}
    </li>
  );
}

function IntentsCard({ tenant, onOpen }: { tenant: string; onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<IntentStatus | ''>('');
  const query = useWorkflowIntents(tenant, status || undefined);
  const can = useCan(tenant, PERMISSION.automationRun);
  const dispatch = useDispatchIntents(tenant);
  return (
    <Card aria-labelledby="intents-title">
      <CardHeader
        titleId="intents-title"
        title="Intents"
        description="Queued requests to start an execution, and how their dispatch went."
        actions={
          <GatedButton
            gate={can}
            className="px-2.5 py-1 text-xs"
            busy={dispatch.isPending}
            spinning={dispatch.isPending}
            onClick={() => dispatch.mutate()}
          >
            Dispatch pending now
          </GatedButton>
        }
      />
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/70 px-5 py-3">
        <StatusFilter
          label="Filter intents by status"
          statuses={INTENT_STATUSES}
          value={status}
          onChange={setStatus}
        />
        {dispatch.data ? (
          <span role="status" className="text-xs text-slate-700">
            Claimed {dispatch.data.claimed}: {dispatch.data.completed} completed, {dispatch.data.dispatched}{' '}
            paused, {dispatch.data.failed} failed, {dispatch.data.retried} to retry
          </span>
        ) : null}
      </div>
      {dispatch.isError ? (
        <div className="px-5 pt-3">
          <Alert tone="error">{errorMessage(dispatch.error)}</Alert>
        </div>
      ) : null}
      {query.isPending ? (
        <LoadingState label="Loading intents…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load intents"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState
          testId="intents-empty"
          title="No intents"
          description="No trigger has queued an execution."
        />
      ) : (
        <Table label="Intents">
          <thead>
            <tr>
              <Th>Trigger</Th>
              <Th>Status</Th>
              <Th>Attempts</Th>
              <Th>Error</Th>
            </tr>
          </thead>
          <Tbody>
            {query.data.map((i) => (
              <tr key={i.id} data-testid="intent-row">
                <Td className="whitespace-nowrap">
                  {labelOf(i.triggerType)}
                  <div className="text-xs text-slate-500">{formatDateTime(i.createdAt)}</div>
                </Td>
                <Td>
                  <Badge tone={statusTone(i.status)}>{i.status}</Badge>
                  {i.executionId ? (
                    <button
                      type="button"
                      onClick={() => onOpen(i.executionId!)}
                      className="block text-xs text-indigo-600 hover:underline"
                    >
                      its execution
                    </button>
                  ) : null}
                </Td>
                <Td>
                  {i.attempt} / {i.maxAttempts}
                </Td>
                <Td className="max-w-48 truncate text-xs text-rose-700" title={i.error ?? undefined}>
                  {i.error ?? <span className="text-slate-500">—</span>}
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
      {query.data && query.data.length > 0 ? (
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      ) : null}
    </Card>
  );
}

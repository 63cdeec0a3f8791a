'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { LoadMore } from '@/components/ui/load-more';
import { SlideOver, useConfirm } from '@/components/ui/modal';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { ProposalReview } from '@/features/agents/proposal-review';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { type ApprovalQueueItem, approvalKindLabel } from '@/lib/agents';
import { errorMessage } from '@/lib/errors';
import { plural } from '@/lib/format';
import { type ActionGate, allOf } from '@/lib/permissions';
import { useMergeChange } from '@/queries/changes';
import { useCan } from '@/queries/me';
import { useIntentAction } from '@/queries/promotion';
import { useAdminApprovals, useDecideApproval } from '@/queries/workflows';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

/** The item's gate: the permission it names, and never an agent. */
const useItemGate = (tenant: string, item: ApprovalQueueItem): ActionGate =>
  allOf(useAgentGate(tenant, 'decide approvals'), useCan(tenant, item.permission));

/** Where the item lives in the console. */
function ItemLink({ item }: { item: ApprovalQueueItem }) {
  const href =
    item.kind === 'workflow_approval'
      ? `/workflow-monitor?executionId=${item.workflowExecutionId}`
      : item.kind === 'change'
        ? `/changes/${item.id}`
        : item.kind === 'promotion_intent'
          ? `/promotion?projectId=${item.projectId}&intentId=${item.id}`
          : null;
  return href ? (
    <Link href={href} className="font-medium text-indigo-700 hover:underline">
      {item.title}
    </Link>
  ) : (
    <span className="font-medium text-slate-900">{item.title}</span>
  );
}

/** Approve or reject a workflow approval, merge a change, approve or reject a promotion; each confirmed. */
function QueueActions({
  tenant,
  item,
  onReview,
}: {
  tenant: string;
  item: ApprovalQueueItem;
  onReview: (proposalId: string) => void;
}) {
  const gate = useItemGate(tenant, item);
  const noteId = useId();
  const { confirm, dialog } = useConfirm();
  const decide = useDecideApproval(tenant);
  const merge = useMergeChange(tenant, item.id);
  const intent = useIntentAction(tenant);
  const error = decide.error ?? merge.error ?? intent.error;
  const ask = (title: string, impact: string, confirmLabel: string, destructive: boolean, act: () => void) =>
    confirm({ title, impact: <p>{impact}</p>, confirmLabel, destructive, onConfirm: act });
  const two = (approve: () => void, reject: () => void, what: string) => (
    <>
      <GatedButton
        gate={gate}
        noteId={noteId}
        data-testid={`approve-${item.id}`}
        onClick={() =>
          ask(
            `Approve this ${what}?`,
            `The ${what} is approved; this cannot be undone.`,
            'Approve',
            false,
            approve,
          )
        }
      >
        Approve
      </GatedButton>
      <GatedButton
        gate={gate}
        noteId={noteId}
        variant="secondary"
        data-testid={`reject-${item.id}`}
        onClick={() =>
          ask(
            `Reject this ${what}?`,
            `The ${what} is rejected; this cannot be undone.`,
            'Reject',
            true,
            reject,
          )
        }
      >
        Reject
      </GatedButton>
    </>
  );
  return (
    <div className="flex flex-col gap-1">
      {dialog}
      <div className="flex flex-wrap gap-2">
        {item.kind === 'workflow_approval' ? (
          two(
            () => decide.mutate({ approvalId: item.id, decision: 'approve' }),
            () => decide.mutate({ approvalId: item.id, decision: 'reject' }),
            'workflow approval',
          )
        ) : item.kind === 'promotion_intent' ? (
          two(
            () => intent.mutate({ id: item.id, action: 'approve' }),
            () => intent.mutate({ id: item.id, action: 'reject' }),
            'promotion',
          )
        ) : item.kind === 'change' ? (
          <GatedButton
            gate={gate}
            noteId={noteId}
            data-testid={`merge-${item.id}`}
            onClick={() =>
              ask(
                'Merge this change?',
                'Its ops are executed against the schemas and the change becomes Merged; this cannot be undone.',
                'Merge',
                false,
                () => merge.mutate(),
              )
            }
          >
            Merge
          </GatedButton>
        ) : (
          <Button variant="secondary" data-testid={`review-${item.id}`} onClick={() => onReview(item.id)}>
            Review
          </Button>
        )}
      </div>
      {!gate.allowed && gate.reason ? (
        <p id={noteId} className="text-xs text-slate-600">
          {gate.reason}
        </p>
      ) : null}
      {error ? <p className="text-xs text-rose-700">{errorMessage(error)}</p> : null}
    </div>
  );
}

/**
 * One queue of what waits for a human: pending workflow approvals, Ready changes, promotions into
 * environments that require approval and submitted agent proposals, each with its own action.
 */
export function ApprovalsPanel({ tenant }: { tenant: string }) {
  const query = useAdminApprovals(tenant);
  const [reviewing, setReviewing] = useState<string | null>(null);
  return (
    <Card aria-labelledby="admin-approvals-title">
      <CardHeader
        titleId="admin-approvals-title"
        title="Approvals queue"
        description={
          query.data
            ? `${plural(query.data.length, 'item')}${query.hasNextPage ? ' loaded' : ''} waiting in ${tenant}`
            : `Tenant ${tenant}`
        }
        actions={
          <Link
            href="/workflow-monitor"
            className="text-sm font-semibold text-indigo-600 hover:text-indigo-500"
          >
            Open the monitor
          </Link>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading approvals…" />
      ) : query.isError ? (
        <QueryError
          tenant={tenant}
          error={query.error}
          title="Could not load approvals"
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState
          title="Nothing awaits a decision"
          description="No approval, Ready change, promotion or agent proposal is waiting."
        />
      ) : (
        <Table label="Approvals queue">
          <thead>
            <tr>
              <Th>Kind</Th>
              <Th>Item</Th>
              <Th>Asked</Th>
              <Th>Action</Th>
            </tr>
          </thead>
          <Tbody>
            {query.data.map((item) => (
              <tr key={`${item.kind}-${item.id}`} data-testid={`queue-${item.id}`}>
                <Td>
                  <Badge tone={item.kind === 'agent_proposal' ? 'indigo' : 'neutral'}>
                    {approvalKindLabel(item.kind)}
                  </Badge>
                </Td>
                <Td className="max-w-72">
                  <ItemLink item={item} />
                  {item.kind === 'workflow_approval' ? (
                    <p className="truncate text-xs text-slate-600">
                      {item.approvers.join(', ')} · {plural(item.decisions.length, 'decision')}
                    </p>
                  ) : null}
                  {item.kind === 'agent_proposal' ? (
                    <p className="truncate text-xs text-slate-600">
                      {item.proposalType.replace('_', ' ')} by{' '}
                      {item.agentId ? `agent ${item.agentId}` : item.createdBy}
                    </p>
                  ) : null}
                </Td>
                <Td>
                  <When iso={item.createdAt} />
                </Td>
                <Td>
                  <QueueActions tenant={tenant} item={item} onReview={setReviewing} />
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
      <SlideOver
        open={reviewing !== null}
        title="Review the proposal"
        description="What the agent proposes, op by op; accepting applies it through its domain."
        onClose={() => setReviewing(null)}
        testId="proposal-panel"
      >
        {reviewing ? <ProposalReview tenant={tenant} proposalId={reviewing} /> : null}
      </SlideOver>
      {query.isFetching && !query.isPending ? (
        <Alert tone="info" className="sr-only">
          Refreshing
        </Alert>
      ) : null}
    </Card>
  );
}

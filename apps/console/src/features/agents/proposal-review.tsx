'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { TextAreaField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { type AgentProposal, proposalDiffLines } from '@/lib/agents';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { allOf, PERMISSION } from '@/lib/permissions';
import { useAgentProposal, useReviewProposal } from '@/queries/agents';
import { useCan } from '@/queries/me';

/** Where an accepted proposal's result lives in the console. */
function Applied({ applied }: { applied: NonNullable<AgentProposal['applied']> }) {
  if (applied.kind === 'change')
    return (
      <Link
        href={`/changes/${applied.id}`}
        className="font-medium text-indigo-700 underline"
        data-testid="opened-change"
      >
        Open the change it created
      </Link>
    );
  return (
    <span>
      {applied.kind === 'form_override' ? 'Form override' : 'Approval comment'}{' '}
      <span className="font-mono">{applied.id.slice(0, 8)}</span> created.
    </span>
  );
}

/** A proposal's proposed diff with accept and reject (change.approve, never an agent), both confirmed. */
export function ProposalReview({ tenant, proposalId }: { tenant: string; proposalId: string }) {
  const proposal = useAgentProposal(tenant, proposalId);
  const review = useReviewProposal(tenant);
  const { confirm, dialog } = useConfirm();
  const [comment, setComment] = useState('');
  const noteId = useId();
  const gate = allOf(useAgentGate(tenant, 'review proposals'), useCan(tenant, PERMISSION.changeApprove));
  if (proposal.isPending) return <LoadingState label="Loading the proposal…" />;
  if (proposal.isError)
    return (
      <ErrorState
        title="Could not load the proposal"
        message={errorMessage(proposal.error)}
        onRetry={() => void proposal.refetch()}
      />
    );
  const p = proposal.data;
  const diff = proposalDiffLines(p);
  const open = p.status === 'submitted';
  const decide = (decision: 'accept' | 'reject') =>
    confirm({
      title: decision === 'accept' ? 'Accept this proposal?' : 'Reject this proposal?',
      impact:
        decision === 'accept' ? (
          <p>
            {p.proposalType === 'workflow_change'
              ? 'A Draft change opens with the proposed ops; nothing is merged.'
              : p.proposalType === 'form_patch'
                ? 'A draft form override is created from the proposed edits.'
                : 'The comment is attached to the workflow approval.'}{' '}
            Accepting cannot be undone.
          </p>
        ) : (
          <p>The proposal is closed and nothing is applied. Rejecting cannot be undone.</p>
        ),
      confirmLabel: decision === 'accept' ? 'Accept' : 'Reject',
      destructive: decision === 'reject',
      onConfirm: () =>
        review.mutate({ proposalId, decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    });
  return (
    <div className="space-y-4" data-testid="proposal-review">
      {dialog}
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={open ? 'amber' : p.status === 'accepted' ? 'emerald' : 'neutral'}>{p.status}</Badge>
        <span>{p.proposalType.replace('_', ' ')}</span>
        <span>by {p.agentId ? `agent ${p.agentId}` : p.createdBy}</span>
        <span>· {formatDateTime(p.createdAt)}</span>
      </div>
      <p className="text-sm text-slate-900">{p.summary}</p>
      <section aria-labelledby={`${noteId}-diff`} className="rounded-md border border-slate-200">
        <h3
          id={`${noteId}-diff`}
          className="border-b border-slate-200 px-3 py-2 text-sm font-semibold text-slate-900"
        >
          {diff.heading}
        </h3>
        <ul className="divide-y divide-slate-100 text-sm" data-testid="proposal-diff">
          {diff.lines.map((line) => (
            <li key={line.key} className="px-3 py-2 font-mono text-xs break-words text-slate-800">
              {p.proposalType === 'approval_comment' ? line.text : `+ ${line.text}`}
            </li>
          ))}
        </ul>
      </section>
      {p.applied ? (
        <Alert tone="success" testId="proposal-applied">
          Accepted by {p.reviewedBy}. <Applied applied={p.applied} />
        </Alert>
      ) : null}
      {p.status === 'rejected' ? (
        <Alert tone="info">
          Rejected by {p.reviewedBy}
          {p.reviewComment ? `: ${p.reviewComment}` : ''}.
        </Alert>
      ) : null}
      {review.isError ? <Alert tone="error">{errorMessage(review.error)}</Alert> : null}
      {open ? (
        <>
          <TextAreaField
            id={`${noteId}-comment`}
            label="Review comment (optional)"
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
          />
          <div className="flex flex-wrap gap-2">
            <GatedButton
              gate={gate}
              noteId={noteId}
              busy={review.isPending}
              data-testid="accept-proposal"
              onClick={() => decide('accept')}
            >
              Accept
            </GatedButton>
            <GatedButton
              gate={gate}
              noteId={noteId}
              variant="secondary"
              busy={review.isPending}
              data-testid="reject-proposal"
              onClick={() => decide('reject')}
            >
              Reject
            </GatedButton>
          </div>
          <PermissionNotes
            id={noteId}
            actions={[
              { label: 'Accept', gate },
              { label: 'Reject', gate },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}

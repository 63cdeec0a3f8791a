'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { When } from '@/features/admin/log-parts';
import {
  type Change,
  type ChangeActions,
  changeActions,
  executionErrorsOf,
  hasOpenRevert,
  revertOffered,
  statusLabel,
} from '@/lib/changes';
import { mergeConfirmation, summariseDiff } from '@/lib/diff';
import { errorCode, errorMessage, isNotFound } from '@/lib/errors';
import { describeOp, removedFieldKeys } from '@/lib/patch-ops';
import { forbiddenReason, isForbidden, PERMISSION } from '@/lib/permissions';
import {
  useChange,
  useChangeDiff,
  useChangeEvents,
  useChangeTargets,
  useCheckinChange,
  useDryRun,
  useMergeChange,
  usePatchOps,
  useRevertChange,
  useReverts,
  useSetChangeStatus,
} from '@/queries/changes';
import { useChoiceLists } from '@/queries/choice-lists';
import { useCan } from '@/queries/me';
import { useProject } from '@/queries/projects';
import { useRecordTypes } from '@/queries/record-types';
import { ChangeStatusBadge } from './change-status-badge';
import { ExecutionErrorList } from './execution-errors';
import { LifecycleSteps } from './lifecycle-steps';
import { PatchOpsCard } from './patch-ops-card';
import { SchemaDiff } from './schema-diff';
import { SnapshotsCard } from './snapshots-card';
import { TargetsCard } from './targets-card';
import { TimelineCard } from './timeline-card';

const Breadcrumb = () => (
  <Link href="/changes" className="hover:text-slate-700">
    ← Changes
  </Link>
);

export function ChangeDetailView({ id }: { id: string }) {
  return (
    <RequireTenant>
      {(tenant) => <ChangeDetail key={`${tenant}/${id}`} tenant={tenant} id={id} />}
    </RequireTenant>
  );
}

function ChangeDetail({ tenant, id }: { tenant: string; id: string }) {
  const change = useChange(tenant, id);

  useEffect(() => {
    if (change.data) document.title = `${change.data.title} · Changes · EC3L`;
  }, [change.data]);

  if (change.isPending) {
    return (
      <>
        <PageHeader eyebrow={<Breadcrumb />} title="Change" />
        <Card>
          <LoadingState label="Loading change…" />
        </Card>
      </>
    );
  }
  if (change.isError) {
    const missing = isNotFound(change.error) || errorCode(change.error) === 'VALIDATION_ERROR';
    return (
      <>
        <PageHeader eyebrow={<Breadcrumb />} title={missing ? 'Change not found' : 'Change'} />
        <Card>
          {missing ? (
            <EmptyState
              testId="change-not-found"
              title={`Change not found in tenant ${tenant}`}
              description="It may belong to another tenant. Pick a change from the list."
              action={
                <Link href="/changes" className="text-sm font-semibold text-indigo-600 hover:text-indigo-500">
                  Back to changes
                </Link>
              }
            />
          ) : (
            <ErrorState
              title="Could not load the change"
              message={errorMessage(change.error)}
              onRetry={() => void change.refetch()}
            />
          )}
        </Card>
      </>
    );
  }
  return <ChangePage tenant={tenant} change={change.data} />;
}

type Notice = { tone: 'success' | 'error' | 'info'; content: ReactNode; testId: string };

function ChangePage({ tenant, change }: { tenant: string; change: Change }) {
  const router = useRouter();
  const project = useProject(tenant, change.projectId);
  const ops = usePatchOps(tenant, change.id);
  const targets = useChangeTargets(tenant, change.id);
  const recordTypes = useRecordTypes(tenant, change.projectId);
  const choiceLists = useChoiceLists(tenant);
  const approve = useCan(tenant, PERMISSION.changeApprove);
  const edit = useCan(tenant, PERMISSION.changeEdit);
  const events = useChangeEvents(tenant, change.id);
  // The changes that revert this one (a merged change can be reverted): is one still open?
  const reverts = useReverts(tenant, change.id, change.status === 'Merged');
  // Unknown (null) until the answer is in.
  const openRevert = reverts.data ? hasOpenRevert(change.id, reverts.data) : null;
  const actions = changeActions(change.status, {
    approve,
    edit,
    opCount: ops.data ? ops.data.length : null,
    openRevert,
  });
  const { confirm, dialog } = useConfirm();

  const dryRun = useDryRun(tenant, change.id);
  const checkin = useCheckinChange(tenant, change.id);
  const merge = useMergeChange(tenant, change.id);
  const revert = useRevertChange(tenant, change.id);
  const setStatus = useSetChangeStatus(tenant, change.id);
  const [notice, setNotice] = useState<Notice | null>(null);
  const busy =
    dryRun.isPending || checkin.isPending || merge.isPending || revert.isPending || setStatus.isPending;

  const opsById = new Map((ops.data ?? []).map((op) => [op.id, op]));
  const describeOpById = (opId: string) => {
    const op = opsById.get(opId);
    return op ? describeOp(op) : undefined;
  };
  const choiceListName = (listId: string) => choiceLists.data?.find((l) => l.id === listId)?.name;

  const fail = (what: string) => (error: unknown) =>
    setNotice({ tone: 'error', testId: 'action-error', content: `${what}: ${errorMessage(error)}` });

  const runMerge = () => {
    merge.mutate(undefined, {
      onSuccess: (result) => {
        dryRun.reset();
        setNotice({
          tone: 'success',
          testId: 'action-success',
          content: result.diff ? `Merged. ${summariseDiff(result.diff)}.` : 'Merged.',
        });
      },
      onError: (error) => {
        const errors = executionErrorsOf((error as { details?: unknown }).details);
        setNotice({
          tone: 'error',
          testId: 'action-error',
          content: errors ? (
            <>
              <p className="mb-2 font-medium">Merge refused; nothing was written.</p>
              <ExecutionErrorList errors={errors} describeOpById={describeOpById} />
            </>
          ) : (
            `Could not merge: ${errorMessage(error)}`
          ),
        });
      },
    });
  };

  const handlers = {
    dryRun: () => {
      setNotice(null);
      dryRun.mutate(undefined, { onError: fail('Dry run failed') });
    },
    checkin: () => {
      setNotice(null);
      checkin.mutate(undefined, {
        onSuccess: (next) =>
          setNotice(
            next.status === 'Ready'
              ? {
                  tone: 'success',
                  testId: 'action-success',
                  content: 'Checked in: the change is Ready to merge.',
                }
              : {
                  tone: 'error',
                  testId: 'action-error',
                  content: `Check-in found ${next.validationErrors?.length ?? 0} problem(s): the change is ${statusLabel(next.status)}. Fix the ops and check it in again.`,
                },
          ),
        onError: fail('Could not check in'),
      });
    },
    merge: () => {
      setNotice(null);
      // The diff the merge would write, so the dialog can say what it does (and whether fields go).
      dryRun.mutate(undefined, {
        onError: (error) => {
          if (!isForbidden(error)) return fail('Could not prepare the merge')(error);
          // No preview for this actor: the ops still say which record types lose fields.
          const removing = removedFieldKeys(ops.data ?? [], targets.data ?? []);
          confirm({
            title: `Merge “${change.title}”?`,
            confirmLabel: 'Merge',
            destructive: removing.length > 0,
            typeToConfirm: removing.length > 0 ? removing.join(', ') : null,
            impact: (
              <p data-testid="merge-impact">
                Applies every op to the project’s record types, all or nothing (no preview:{' '}
                {forbiddenReason(error)}). A merge cannot be undone, only reverted by a new change.
              </p>
            ),
            onConfirm: () => runMerge(),
          });
        },
        onSuccess: (result) => {
          if (!result.valid) return; // the dry-run card lists the errors; nothing to confirm
          const plan = mergeConfirmation(result.diff);
          confirm({
            title: `Merge “${change.title}”?`,
            confirmLabel: 'Merge',
            destructive: plan.typeToConfirm !== null,
            typeToConfirm: plan.typeToConfirm,
            impact: (
              <>
                <p data-testid="merge-impact">
                  Applies every op to the project’s record types, all or nothing: {plan.summary}. A merge
                  cannot be undone, only reverted by a new change.
                </p>
                {plan.removals.length > 0 ? (
                  <div
                    className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800"
                    data-testid="merge-removals"
                  >
                    <p className="font-semibold">This merge removes data:</p>
                    <ul className="mt-1 list-disc pl-5">
                      {plan.removals.map((r) => (
                        <li key={r.key}>
                          <span className="font-mono">{r.key}</span>:{' '}
                          {r.fields.length > 0 ? `fields ${r.fields.join(', ')}` : 'the whole record type'}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <SchemaDiff diff={result.diff} choiceListName={choiceListName} />
              </>
            ),
            onConfirm: () => runMerge(),
          });
        },
      });
    },
    revert: () => {
      setNotice(null);
      revert.mutate(undefined, {
        onSuccess: (next) => router.push(`/changes/${next.id}`),
        onError: fail('Could not revert'),
      });
    },
    move: (status: 'Implementing' | 'Draft') => {
      setNotice(null);
      setStatus.mutate(status, {
        onSuccess: () =>
          setNotice({ tone: 'info', testId: 'action-success', content: `Moved to ${status}.` }),
        onError: fail(`Could not move to ${status}`),
      });
    },
  };

  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumb />}
        title={<span data-testid="change-title">{change.title}</span>}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <ChangeStatusBadge status={change.status} testId="change-status" />
            <span>
              in{' '}
              <Link
                href={`/projects/${change.projectId}`}
                className="font-medium text-indigo-600 hover:text-indigo-500 hover:underline"
              >
                {project.data?.name ?? 'project'}
              </Link>
            </span>
            {change.revertsChangeId ? <RevertsLink tenant={tenant} id={change.revertsChangeId} /> : null}
          </span>
        }
      />
      {change.description ? (
        <p className="-mt-3 mb-6 max-w-3xl text-sm text-slate-600">{change.description}</p>
      ) : null}

      <Card className="mb-6" aria-labelledby="lifecycle-title">
        <div className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
          <div>
            <h2 id="lifecycle-title" className="sr-only">
              Lifecycle
            </h2>
            <LifecycleSteps status={change.status} events={events.data} />
          </div>
          <ActionButtons
            actions={actions}
            busy={busy}
            status={change.status}
            offerRevert={revertOffered(change.status, openRevert)}
            handlers={handlers}
            pending={{
              dryRun: dryRun.isPending,
              checkin: checkin.isPending,
              merge: merge.isPending,
              revert: revert.isPending,
            }}
          />
        </div>
        <PermissionNotes id={NOTE_ID} actions={gatedActions(change.status, actions)} />
      </Card>
      {dialog}

      {notice ? (
        <Alert tone={notice.tone} testId={notice.testId} className="mb-6">
          {notice.content}
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {change.status === 'ValidationFailed' &&
          change.validationErrors &&
          change.validationErrors.length > 0 ? (
            <Card aria-labelledby="validation-title" className="ring-rose-200">
              <CardHeader
                titleId="validation-title"
                title="Validation failed"
                description="The last check-in found these problems; fix the ops, then check in again."
              />
              <div className="px-5 py-4">
                <ExecutionErrorList
                  errors={change.validationErrors}
                  describeOpById={describeOpById}
                  testId="validation-errors"
                />
              </div>
            </Card>
          ) : null}

          {dryRun.data ? (
            <Card aria-labelledby="dry-run-title" data-testid="dry-run-result">
              <CardHeader
                titleId="dry-run-title"
                title={
                  dryRun.data.valid ? 'Dry run: the change would apply' : 'Dry run: the change would fail'
                }
                description={
                  dryRun.data.valid
                    ? 'Validated against the project’s record types; nothing was written.'
                    : 'Nothing was written. Fix these before checking in.'
                }
                actions={
                  <Button variant="ghost" className="px-2.5 py-1 text-xs" onClick={() => dryRun.reset()}>
                    Dismiss
                  </Button>
                }
              />
              <div className="px-5 py-4">
                {dryRun.data.valid ? (
                  <SchemaDiff diff={dryRun.data.diff} choiceListName={choiceListName} />
                ) : (
                  <ExecutionErrorList errors={dryRun.data.errors} describeOpById={describeOpById} />
                )}
              </div>
            </Card>
          ) : null}

          {change.status === 'Merged' ? (
            <MergedDiffCard tenant={tenant} change={change} choiceListName={choiceListName} />
          ) : null}

          <Card aria-labelledby="targets-title">
            <TargetsCard
              tenant={tenant}
              change={change}
              targets={targets}
              recordTypes={recordTypes.data}
              gate={actions.addTarget}
            />
          </Card>

          <Card aria-labelledby="ops-title">
            <PatchOpsCard
              tenant={tenant}
              change={change}
              ops={ops}
              targets={targets.data ?? []}
              recordTypes={recordTypes.data ?? []}
              choiceLists={choiceLists.data ?? []}
              gate={actions.editOps}
              onOpsChanged={() => dryRun.reset()}
            />
          </Card>

          {change.status === 'Merged' ? (
            <Card aria-labelledby="snapshots-title">
              <SnapshotsCard tenant={tenant} change={change} choiceListName={choiceListName} />
            </Card>
          ) : null}
        </div>

        <div className="space-y-6">
          <Card aria-labelledby="details-title">
            <CardHeader titleId="details-title" title="Details" />
            <ChangeDetails change={change} projectName={project.data?.name} reverts={reverts.data} />
          </Card>
          <Card aria-labelledby="timeline-title">
            <TimelineCard tenant={tenant} change={change} describeOpById={describeOpById} />
          </Card>
        </div>
      </div>
    </>
  );
}

type Handlers = {
  dryRun: () => void;
  checkin: () => void;
  merge: () => void;
  revert: () => void;
  move: (status: 'Implementing' | 'Draft') => void;
};

/** The manual move a status offers: back to Draft from Implementing, else (re)open for implementation. */
const manualMove = (status: Change['status']): 'Draft' | 'Implementing' | null =>
  status === 'Implementing' ? 'Draft' : status !== 'Merged' ? 'Implementing' : null;

/** The buttons of the action row with their gates, as the permission note lists them. */
const gatedActions = (status: Change['status'], actions: ChangeActions) => {
  const move = manualMove(status);
  return [
    ...(move
      ? [{ label: `Move to ${move}`, gate: move === 'Draft' ? actions.toDraft : actions.toImplementing }]
      : []),
    { label: 'Dry run', gate: actions.dryRun },
    { label: 'Check in', gate: actions.checkin },
    { label: 'Merge', gate: actions.merge },
    { label: 'Revert', gate: actions.revert },
  ];
};

const NOTE_ID = 'change-actions-note';

function ActionButtons({
  actions,
  busy,
  status,
  offerRevert,
  handlers,
  pending,
}: {
  actions: ChangeActions;
  busy: boolean;
  status: Change['status'];
  offerRevert: boolean;
  handlers: Handlers;
  pending: { dryRun: boolean; checkin: boolean; merge: boolean; revert: boolean };
}) {
  const move = manualMove(status);
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">Change actions</legend>
      {move ? (
        <GatedButton
          variant="ghost"
          gate={move === 'Draft' ? actions.toDraft : actions.toImplementing}
          busy={busy}
          noteId={NOTE_ID}
          onClick={() => handlers.move(move)}
        >
          Move to {move}
        </GatedButton>
      ) : null}
      <GatedButton
        variant="secondary"
        gate={actions.dryRun}
        busy={busy}
        noteId={NOTE_ID}
        spinning={pending.dryRun}
        onClick={handlers.dryRun}
      >
        Dry run
      </GatedButton>
      <GatedButton
        variant={actions.merge.allowed ? 'secondary' : 'primary'}
        gate={actions.checkin}
        busy={busy}
        noteId={NOTE_ID}
        spinning={pending.checkin}
        onClick={handlers.checkin}
      >
        Check in
      </GatedButton>
      <GatedButton
        gate={actions.merge}
        busy={busy}
        noteId={NOTE_ID}
        spinning={pending.merge}
        onClick={handlers.merge}
      >
        Merge
      </GatedButton>
      {/* Offered only when a revert is possible: merged, and no revert of it is open. */}
      {offerRevert ? (
        <GatedButton
          variant="secondary"
          gate={actions.revert}
          busy={busy}
          noteId={NOTE_ID}
          spinning={pending.revert}
          onClick={handlers.revert}
        >
          Revert
        </GatedButton>
      ) : null}
    </fieldset>
  );
}

function RevertsLink({ tenant, id }: { tenant: string; id: string }) {
  const reverted = useChange(tenant, id);
  return (
    <span data-testid="reverts-link">
      reverts{' '}
      <Link
        href={`/changes/${id}`}
        className="font-medium text-indigo-600 hover:text-indigo-500 hover:underline"
      >
        {reverted.data?.title ?? 'a merged change'}
      </Link>
    </span>
  );
}

function ChangeDetails({
  change,
  projectName,
  reverts,
}: {
  change: Change;
  projectName: string | undefined;
  reverts: Change[] | undefined;
}) {
  // The changes that revert this one (GET /api/changes?revertsChangeId=), newest first.
  const revertedBy = (reverts ?? []).filter((c) => c.revertsChangeId === change.id);
  const row = (label: string, value: ReactNode) => (
    <div className="flex justify-between gap-4 py-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900">{value}</dd>
    </div>
  );
  return (
    <dl className="divide-y divide-slate-100 px-5 py-2 text-sm">
      {row('Status', <ChangeStatusBadge status={change.status} />)}
      {row(
        'Project',
        <Link href={`/projects/${change.projectId}`} className="text-indigo-600 hover:underline">
          {projectName ?? '…'}
        </Link>,
      )}
      {row('Created by', change.createdBy ?? <span className="text-slate-500">unknown</span>)}
      {row('Created', <When iso={change.createdAt} />)}
      {row('Updated', <When iso={change.updatedAt} />)}
      {row(
        'Merged',
        change.mergedAt ? <When iso={change.mergedAt} /> : <span className="text-slate-500">—</span>,
      )}
      {revertedBy.length > 0
        ? row(
            'Reverted by',
            <ul data-testid="reverted-by" className="space-y-1">
              {revertedBy.map((c) => (
                <li key={c.id}>
                  <Link href={`/changes/${c.id}`} className="text-indigo-600 hover:underline">
                    {c.title}
                  </Link>{' '}
                  <ChangeStatusBadge status={c.status} />
                </li>
              ))}
            </ul>,
          )
        : null}
    </dl>
  );
}

function MergedDiffCard({
  tenant,
  change,
  choiceListName,
}: {
  tenant: string;
  change: Change;
  choiceListName: (id: string) => string | undefined;
}) {
  const diff = useChangeDiff(tenant, change.id, true);
  return (
    <Card aria-labelledby="merged-diff-title">
      <CardHeader
        titleId="merged-diff-title"
        title="What the merge changed"
        description="The schema diff recorded when the change merged"
      />
      {diff.isPending ? (
        <LoadingState label="Loading the diff…" />
      ) : diff.isError ? (
        <ErrorState
          title="Could not load the diff"
          message={errorMessage(diff.error)}
          onRetry={() => void diff.refetch()}
        />
      ) : (
        <div className="px-5 py-4">
          <SchemaDiff diff={diff.data} choiceListName={choiceListName} testId="merged-diff" />
        </div>
      )}
    </Card>
  );
}

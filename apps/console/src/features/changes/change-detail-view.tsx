'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { When } from '@/features/admin/log-parts';
import {
  CHANGE_APPROVE,
  type Change,
  type ChangeActions,
  changeActions,
  executionErrorsOf,
  statusLabel,
} from '@/lib/changes';
import { cx } from '@/lib/cx';
import { summariseDiff } from '@/lib/diff';
import { errorCode, errorMessage, isNotFound } from '@/lib/errors';
import { describeOp } from '@/lib/patch-ops';
import { type ActionGate, actionGate } from '@/lib/permissions';
import {
  useChange,
  useChangeDiff,
  useChanges,
  useChangeTargets,
  useCheckinChange,
  useDryRun,
  useMergeChange,
  usePatchOps,
  useRevertChange,
  useSetChangeStatus,
} from '@/queries/changes';
import { useChoiceLists } from '@/queries/choice-lists';
import { useMe } from '@/queries/me';
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
  const me = useMe(tenant);
  const approve = actionGate(me.data, CHANGE_APPROVE);
  const actions = changeActions(change.status, { approve, opCount: ops.data ? ops.data.length : null });

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
            <LifecycleSteps status={change.status} />
          </div>
          <ActionButtons
            actions={actions}
            busy={busy}
            status={change.status}
            handlers={handlers}
            pending={{
              dryRun: dryRun.isPending,
              checkin: checkin.isPending,
              merge: merge.isPending,
              revert: revert.isPending,
            }}
          />
        </div>
        {me.data ? <ApprovalNote approve={approve} actions={actions} /> : null}
      </Card>

      {notice ? (
        <Alert tone={notice.tone} testId={notice.testId} className="mb-6">
          {notice.content}
        </Alert>
      ) : null}

      <div className="grid items-start gap-6 lg:grid-cols-3">
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
            <ChangeDetails tenant={tenant} change={change} projectName={project.data?.name} />
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

function ActionButtons({
  actions,
  busy,
  status,
  handlers,
  pending,
}: {
  actions: ChangeActions;
  busy: boolean;
  status: Change['status'];
  handlers: Handlers;
  pending: { dryRun: boolean; checkin: boolean; merge: boolean; revert: boolean };
}) {
  const button = (
    label: string,
    gate: ActionGate,
    onClick: () => void,
    variant: 'primary' | 'secondary' | 'ghost',
    spinning: boolean,
  ) => (
    <Button variant={variant} disabled={!gate.allowed || busy} title={gate.reason} onClick={onClick}>
      {spinning ? (
        <Spinner className={cx('size-4', variant === 'primary' ? 'text-white' : 'text-slate-400')} />
      ) : null}
      {label}
    </Button>
  );
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">Change actions</legend>
      {/* The manual moves: back to Draft from Implementing, else (re)open the change for implementation. */}
      {status === 'Implementing'
        ? button('Move to Draft', actions.toDraft, () => handlers.move('Draft'), 'ghost', false)
        : status !== 'Merged'
          ? button(
              'Move to Implementing',
              actions.toImplementing,
              () => handlers.move('Implementing'),
              'ghost',
              false,
            )
          : null}
      {button('Dry run', actions.dryRun, handlers.dryRun, 'secondary', pending.dryRun)}
      {button(
        'Check in',
        actions.checkin,
        handlers.checkin,
        actions.merge.allowed ? 'secondary' : 'primary',
        pending.checkin,
      )}
      {button('Merge', actions.merge, handlers.merge, 'primary', pending.merge)}
      {button('Revert', actions.revert, handlers.revert, 'secondary', pending.revert)}
    </fieldset>
  );
}

/** Says, in the page and not only in a tooltip, when the actor's permissions are what holds a button back. */
function ApprovalNote({ approve, actions }: { approve: ActionGate; actions: ChangeActions }) {
  if (approve.allowed || !approve.reason) return null;
  const held = [
    ...(actions.checkin.reason === approve.reason ? ['Check in'] : []),
    ...(actions.merge.reason === approve.reason ? ['Merge'] : []),
  ];
  if (held.length === 0) return null;
  return (
    <p
      data-testid="approval-note"
      className="flex items-center gap-2 border-t border-amber-200 bg-amber-50 px-5 py-2.5 text-sm text-amber-900"
    >
      <svg
        viewBox="0 0 20 20"
        className="size-4 shrink-0 text-amber-500"
        fill="currentColor"
        aria-hidden="true"
      >
        <path
          fillRule="evenodd"
          d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z"
          clipRule="evenodd"
        />
      </svg>
      <span>
        <span className="font-semibold">{held.join(' and ')}</span> {held.length > 1 ? 'are' : 'is'} disabled:{' '}
        {approve.reason}.
      </span>
    </p>
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
  tenant,
  change,
  projectName,
}: {
  tenant: string;
  change: Change;
  projectName: string | undefined;
}) {
  // Changes that revert this one: the project's changes naming it (a merged change can be reverted).
  const projectChanges = useChanges(tenant, { projectId: change.projectId }, change.status === 'Merged');
  const revertedBy = (projectChanges.data ?? []).filter((c) => c.revertsChangeId === change.id);
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
      {row('Created by', change.createdBy ?? <span className="text-slate-400">unknown</span>)}
      {row('Created', <When iso={change.createdAt} />)}
      {row('Updated', <When iso={change.updatedAt} />)}
      {row(
        'Merged',
        change.mergedAt ? <When iso={change.mergedAt} /> : <span className="text-slate-300">—</span>,
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

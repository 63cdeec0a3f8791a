'use client';

import { Ec3lApiError, type Environment } from '@ec3l/sdk';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { TenantPage } from '@/components/tenant-page';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import {
  EnvironmentPicker,
  ListStates,
  PackageDiffTable,
  ProjectPicker,
  RefusalAlert,
} from '@/features/packages/package-parts';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { cx } from '@/lib/cx';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, plural } from '@/lib/format';
import {
  type EnvironmentDiff,
  INTENT_STEPS,
  type IntentAction,
  intentActions,
  intentStepState,
  intentTone,
  type PromotionIntent,
  packageStateTone,
  promotable,
  shortChecksum,
} from '@/lib/packages';
import { type ActionGate, allOf, PERMISSION } from '@/lib/permissions';
import { useProjectEnvironments } from '@/queries/environments';
import { useCan } from '@/queries/me';
import {
  useCreatePromotionIntent,
  useDirectPromote,
  useEnvironmentDiff,
  useIntentAction,
  usePromotionDeliveries,
  usePromotionIntent,
  usePromotionIntents,
  useUpdateEnvironment,
} from '@/queries/promotion';

const HEADER = {
  title: 'Promotion',
  description:
    'Move package versions from one environment to the next: compare, create an intent, preview, approve, execute.',
};

export function PromotionView() {
  return (
    <TenantPage header={HEADER} loadingLabel="Loading promotion…">
      {(tenant) => <PromotionPage key={tenant} tenant={tenant} />}
    </TenantPage>
  );
}

const nameOf = (environments: readonly Environment[], id: string) =>
  environments.find((e) => e.id === id)?.name ?? id.slice(0, 8);

function PromotionPage({ tenant }: { tenant: string }) {
  const params = useSearchParams();
  const [projectId, setProjectId] = useState(params.get('projectId') ?? '');
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [selected, setSelected] = useState<string | null>(params.get('intentId'));
  const environments = useProjectEnvironments(tenant, projectId, projectId !== '');
  const envs = environments.data ?? [];
  // dev → test until the user picks: the environments come in promotion order.
  const from = fromId || envs[0]?.id || '';
  const to = toId || envs[1]?.id || '';
  return (
    <>
      <PageHeader
        {...HEADER}
        actions={
          projectId ? (
            <Link
              href={`/projects/${projectId}`}
              className="text-sm font-medium text-indigo-600 hover:underline"
            >
              Back to the project
            </Link>
          ) : undefined
        }
      />
      <Card className="mb-6">
        <div className="grid grid-cols-1 gap-4 px-5 py-4 md:grid-cols-3">
          <ProjectPicker
            tenant={tenant}
            value={projectId}
            onChange={(id) => {
              setProjectId(id);
              setFromId('');
              setToId('');
              setSelected(null);
            }}
          />
          {projectId && envs.length > 0 ? (
            <>
              <EnvironmentPicker
                id="from-environment"
                label="From environment"
                environments={envs}
                value={from}
                onChange={setFromId}
              />
              <EnvironmentPicker
                id="to-environment"
                label="To environment"
                environments={envs}
                value={to}
                onChange={setToId}
              />
            </>
          ) : null}
        </div>
        {environments.isPending && projectId ? <LoadingState label="Loading environments…" /> : null}
        {environments.isError ? (
          <ErrorState title="Could not load environments" message={errorMessage(environments.error)} />
        ) : null}
      </Card>
      {projectId === '' ? (
        <Card>
          <EmptyState
            testId="promotion-no-project"
            title="No project chosen"
            description="Choose a project to compare its environments and promote between them."
          />
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-6">
          {from && to ? (
            <StateCard
              tenant={tenant}
              projectId={projectId}
              environments={envs}
              fromId={from}
              toId={to}
              onIntent={setSelected}
            />
          ) : null}
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <IntentsCard
              tenant={tenant}
              projectId={projectId}
              environments={envs}
              selected={selected}
              onSelect={setSelected}
            />
            {selected ? (
              <IntentCard
                key={selected}
                tenant={tenant}
                id={selected}
                environments={envs}
                onClose={() => setSelected(null)}
              />
            ) : (
              <Card>
                <EmptyState
                  title="No intent selected"
                  description="Create an intent or pick one to follow it."
                />
              </Card>
            )}
          </div>
          <SettingsCard tenant={tenant} environments={envs} />
        </div>
      )}
    </>
  );
}

/** The promote actions' gate: the permission, and never an agent. */
const usePromoteGate = (tenant: string, action: string): ActionGate =>
  allOf(useAgentGate(tenant, action), useCan(tenant, PERMISSION.environmentPromote));

function StateCard({
  tenant,
  projectId,
  environments,
  fromId,
  toId,
  onIntent,
}: {
  tenant: string;
  projectId: string;
  environments: readonly Environment[];
  fromId: string;
  toId: string;
  onIntent: (id: string) => void;
}) {
  const diff = useEnvironmentDiff(tenant, fromId, toId);
  const create = useCreatePromotionIntent(tenant);
  const direct = useDirectPromote(tenant);
  const { confirm, dialog } = useConfirm();
  const [open, setOpen] = useState<string | null>(null);
  const noteId = useId();
  const target = environments.find((e) => e.id === toId);
  const fromName = nameOf(environments, fromId);
  const toName = nameOf(environments, toId);
  const createGate = usePromoteGate(tenant, 'promote environments');
  const nothingToMove = diff.data ? promotable(diff.data).length === 0 : true;
  const directGate = allOf(
    target?.requiresPromotionApproval
      ? { allowed: false, reason: `${toName} requires approval: create a promotion intent` }
      : { allowed: true, reason: undefined },
    createGate,
  );
  const body = { projectId, fromEnvironmentId: fromId, toEnvironmentId: toId };
  const promoteDirectly = (state: EnvironmentDiff) =>
    confirm({
      title: `Promote ${fromName} to ${toName}?`,
      impact: (
        <p>
          {toName} takes {plural(promotable(state).length, 'package version')} from {fromName}:{' '}
          {promotable(state)
            .map((p) => `${p.packageKey} ${p.fromVersion ?? ''}`)
            .join(', ')}
          . A release and a deployment are recorded.
        </p>
      ),
      confirmLabel: 'Promote',
      onConfirm: () => direct.mutate(body),
    });
  return (
    <Card aria-labelledby="state-title" data-testid="environment-state">
      {dialog}
      <CardHeader
        titleId="state-title"
        title={`${fromName} → ${toName}`}
        description={
          diff.data
            ? `${diff.data.summary.missing} missing, ${diff.data.summary.outdated} outdated, ${diff.data.summary.same} same, ${diff.data.summary.extra} only in ${toName}`
            : 'Package state side by side'
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <GatedButton
              gate={createGate}
              noteId={noteId}
              busy={create.isPending}
              disabled={fromId === toId}
              data-testid="create-intent"
              onClick={() => create.mutate(body, { onSuccess: (intent) => onIntent(intent.id) })}
            >
              Create promotion intent
            </GatedButton>
            <GatedButton
              gate={directGate}
              noteId={noteId}
              variant="secondary"
              busy={direct.isPending}
              disabled={nothingToMove}
              data-testid="direct-promote"
              onClick={() => diff.data && promoteDirectly(diff.data)}
            >
              Promote directly
            </GatedButton>
          </div>
        }
      />
      <PermissionNotes
        id={noteId}
        actions={[
          { label: 'Create promotion intent', gate: createGate },
          { label: 'Promote directly', gate: createGate },
        ]}
      />
      {target?.requiresPromotionApproval ? (
        <p className="border-b border-slate-200 px-5 py-2 text-xs text-slate-600">
          {toName} requires approval: promotions into it go through an intent.
        </p>
      ) : null}
      {create.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={create.error} testId="create-intent-refusal" />
        </div>
      ) : null}
      {direct.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={direct.error} testId="direct-refusal" />
        </div>
      ) : null}
      {direct.data ? (
        <div className="px-5 pt-4">
          <Alert tone="success" testId="direct-promoted">
            Promoted {plural(direct.data.promoted.length, 'package')}; release{' '}
            <span className="font-mono">{direct.data.releaseId.slice(0, 8)}</span>.
          </Alert>
        </div>
      ) : null}
      {fromId === toId ? (
        <EmptyState title="Same environment" description="Choose two different environments." />
      ) : diff.isPending ? (
        <LoadingState label="Comparing the environments…" />
      ) : diff.isError ? (
        <ErrorState
          title="Could not compare the environments"
          message={errorMessage(diff.error)}
          onRetry={() => void diff.refetch()}
        />
      ) : diff.data.packages.length === 0 ? (
        <EmptyState
          testId="state-empty"
          title="No packages in either environment"
          description={
            <>
              Install a package first on the{' '}
              <Link href={`/packages?projectId=${projectId}`} className="text-indigo-600 underline">
                packages page
              </Link>
              .
            </>
          }
        />
      ) : (
        <Table label="Package state side by side">
          <thead>
            <tr>
              <Th>Package</Th>
              <Th>{fromName}</Th>
              <Th>{toName}</Th>
              <Th>State</Th>
              <Th>
                <span className="sr-only">Drift</span>
              </Th>
            </tr>
          </thead>
          <Tbody>
            {diff.data.packages.map((p) => (
              <PackageStateRow
                key={p.packageKey}
                row={p}
                open={open === p.packageKey}
                onToggle={() => setOpen(open === p.packageKey ? null : p.packageKey)}
              />
            ))}
          </Tbody>
        </Table>
      )}
    </Card>
  );
}

function PackageStateRow({
  row,
  open,
  onToggle,
}: {
  row: EnvironmentDiff['packages'][number];
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <>
      <tr data-testid="package-state-row" data-key={row.packageKey} data-status={row.status}>
        <Td className="font-mono text-xs font-medium">{row.packageKey}</Td>
        <Td className="font-mono text-xs">
          {row.fromVersion ?? '—'}
          <div className="text-slate-500">{row.fromChecksum ? shortChecksum(row.fromChecksum) : ''}</div>
        </Td>
        <Td className="font-mono text-xs">
          {row.toVersion ?? '—'}
          <div className="text-slate-500">{row.toChecksum ? shortChecksum(row.toChecksum) : ''}</div>
        </Td>
        <Td>
          <Badge tone={packageStateTone(row.status)} testId="package-state">
            {row.status}
          </Badge>
        </Td>
        <Td className="text-right">
          {row.diff ? (
            <Button variant="ghost" className="px-2 py-1 text-xs" aria-expanded={open} onClick={onToggle}>
              {open ? 'Hide objects' : 'Objects'}
            </Button>
          ) : null}
        </Td>
      </tr>
      {open && row.diff ? (
        <tr>
          <td colSpan={5} className="bg-slate-50">
            <PackageDiffTable diff={row.diff} label={`Drift of ${row.packageKey}`} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function IntentsCard({
  tenant,
  projectId,
  environments,
  selected,
  onSelect,
}: {
  tenant: string;
  projectId: string;
  environments: readonly Environment[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const query = usePromotionIntents(tenant, projectId);
  return (
    <Card aria-labelledby="intents-title" data-testid="promotion-intents">
      <CardHeader
        titleId="intents-title"
        title="Promotion intents"
        description={
          query.data
            ? `${plural(query.data.length, 'intent')}${query.hasNextPage ? ' loaded' : ''}, newest first`
            : undefined
        }
        actions={
          <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={() => void query.refetch()}>
            Refresh
          </Button>
        }
      />
      <ListStates
        query={query}
        noun="intents"
        empty={
          <EmptyState
            testId="intents-empty"
            title="No intents yet"
            description="Create one from the comparison above."
          />
        }
      >
        {(rows) => (
          <Table label="Promotion intents">
            <thead>
              <tr>
                <Th>Intent</Th>
                <Th>Status</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <Tbody>
              {rows.map((intent) => (
                <tr
                  key={intent.id}
                  data-testid="intent-row"
                  data-status={intent.status}
                  className={cx('hover:bg-slate-50', intent.id === selected && 'bg-indigo-50')}
                >
                  <Td>
                    <button
                      type="button"
                      aria-pressed={intent.id === selected}
                      onClick={() => onSelect(intent.id)}
                      className="font-mono text-xs font-medium text-indigo-600 hover:underline"
                    >
                      {intent.id.slice(0, 8)}
                    </button>
                    <div className="text-xs text-slate-500">
                      {nameOf(environments, intent.fromEnvironmentId)} →{' '}
                      {nameOf(environments, intent.toEnvironmentId)}
                    </div>
                  </Td>
                  <Td>
                    <Badge tone={intentTone(intent.status)}>{intent.status}</Badge>
                  </Td>
                  <Td className="text-xs whitespace-nowrap text-slate-600">
                    {intent.createdBy ?? 'system'}, {formatDateTime(intent.createdAt)}
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
      </ListStates>
    </Card>
  );
}

const ACTION_LABEL: Record<IntentAction, string> = {
  preview: 'Preview',
  approve: 'Approve',
  execute: 'Execute',
  reject: 'Reject',
};

function LifecycleSteps({ intent }: { intent: PromotionIntent }) {
  const at: Record<(typeof INTENT_STEPS)[number], string | null> = {
    draft: intent.createdAt,
    previewed: intent.previewedAt,
    approved: intent.approvedAt,
    executed: intent.executedAt,
  };
  const by: Record<(typeof INTENT_STEPS)[number], string | null> = {
    draft: intent.createdBy,
    previewed: intent.previewedBy,
    approved: intent.approvedBy,
    executed: intent.executedBy,
  };
  return (
    <ol aria-label="Lifecycle" className="flex flex-wrap gap-2 px-5 py-3" data-testid="intent-lifecycle">
      {INTENT_STEPS.map((step) => {
        const state = intentStepState(intent.status, step);
        return (
          <li
            key={step}
            data-step={step}
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
            className={cx(
              'rounded-md px-2.5 py-1 text-xs ring-1 ring-inset',
              state === 'done' && 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
              state === 'current' && 'bg-indigo-50 font-semibold text-indigo-800 ring-indigo-600/30',
              state === 'todo' && 'bg-white text-slate-600 ring-slate-300',
              state === 'skipped' && 'bg-slate-50 text-slate-500 line-through ring-slate-200',
            )}
          >
            {step}
            {at[step] && state !== 'todo' && state !== 'skipped' ? (
              <span className="ml-1 text-slate-600">
                · {by[step] ?? 'system'} {formatDateTime(at[step] as string)}
              </span>
            ) : null}
          </li>
        );
      })}
      {intent.status === 'rejected' ? (
        <li className="rounded-md bg-rose-50 px-2.5 py-1 text-xs text-rose-800 ring-1 ring-rose-600/20 ring-inset">
          rejected · {intent.rejectedBy ?? 'system'}
          {intent.rejectedAt ? ` ${formatDateTime(intent.rejectedAt)}` : ''}
          {intent.reason ? `: ${intent.reason}` : ''}
        </li>
      ) : null}
    </ol>
  );
}

const isDrift = (error: unknown) => error instanceof Ec3lApiError && error.code === 'PROMOTION_DRIFT';

function IntentCard({
  tenant,
  id,
  environments,
  onClose,
}: {
  tenant: string;
  id: string;
  environments: readonly Environment[];
  onClose: () => void;
}) {
  const query = usePromotionIntent(tenant, id);
  const action = useIntentAction(tenant);
  const { confirm, dialog } = useConfirm();
  const noteId = useId();
  const promoteGate = usePromoteGate(tenant, 'promote environments');
  const approveGate = usePromoteGate(tenant, 'approve promotions');
  const gates: Record<IntentAction, ActionGate> = {
    preview: promoteGate,
    approve: approveGate,
    execute: promoteGate,
    reject: promoteGate,
  };
  if (query.isPending)
    return (
      <Card>
        <LoadingState label="Loading the intent…" />
      </Card>
    );
  if (query.isError)
    return (
      <Card>
        <ErrorState
          title="Could not load the intent"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      </Card>
    );
  const intent = query.data;
  const fromName = nameOf(environments, intent.fromEnvironmentId);
  const toName = nameOf(environments, intent.toEnvironmentId);
  const run = (a: IntentAction) => {
    action.reset();
    action.mutate({ id, action: a });
  };
  const onAction = (a: IntentAction) => {
    if (a === 'execute')
      confirm({
        title: `Execute the promotion ${fromName} → ${toName}?`,
        impact: (
          <p>
            {toName} takes the package versions of the preview
            {intent.diff ? ` (${plural(promotable(intent.diff).length, 'package')})` : ''}. It is refused if
            either environment changed since the preview. A release and a deployment are recorded.
          </p>
        ),
        confirmLabel: 'Execute',
        onConfirm: () => run('execute'),
      });
    else if (a === 'reject')
      confirm({
        title: 'Reject this promotion intent?',
        impact: <p>The intent ends rejected; nothing is promoted and it cannot be taken up again.</p>,
        confirmLabel: 'Reject',
        destructive: true,
        onConfirm: () => run('reject'),
      });
    else run(a);
  };
  const actions = intentActions(intent.status);
  return (
    <Card aria-labelledby="intent-title" data-testid="intent-detail">
      {dialog}
      <CardHeader
        titleId="intent-title"
        title={`Intent ${intent.id.slice(0, 8)}: ${fromName} → ${toName}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={intentTone(intent.status)} testId="intent-status">
              {intent.status}
            </Badge>
            version {intent.version}
          </span>
        }
        actions={
          <Button variant="ghost" className="px-2.5 py-1 text-xs" onClick={onClose}>
            Close
          </Button>
        }
      />
      <LifecycleSteps intent={intent} />
      {actions.length > 0 ? (
        <div className="flex flex-wrap gap-2 border-t border-slate-200 px-5 py-3">
          {actions.map((a) => (
            <GatedButton
              key={a}
              gate={gates[a]}
              noteId={noteId}
              variant={
                a === 'reject' || (a === 'preview' && intent.status !== 'draft') ? 'secondary' : 'primary'
              }
              busy={action.isPending}
              spinning={action.isPending && action.variables?.action === a}
              data-testid={`intent-${a}`}
              onClick={() => onAction(a)}
            >
              {a === 'preview' && intent.status !== 'draft' ? 'Preview again' : ACTION_LABEL[a]}
            </GatedButton>
          ))}
        </div>
      ) : null}
      <PermissionNotes
        id={noteId}
        actions={actions.map((a) => ({ label: ACTION_LABEL[a], gate: gates[a] }))}
      />
      {action.isError ? (
        <div className="space-y-2 px-5 pt-3">
          <RefusalAlert error={action.error} testId="intent-refusal" />
          {isDrift(action.error) ? (
            <div
              className="flex flex-wrap items-center gap-3 text-sm text-slate-700"
              data-testid="drift-explained"
            >
              <span>
                The drift gate refused: an environment&apos;s package state is no longer what was previewed
                and approved. Preview again to see the current diff, then approve it.
              </span>
              <GatedButton
                gate={promoteGate}
                variant="secondary"
                onClick={() => run('preview')}
                data-testid="drift-repreview"
              >
                Preview again
              </GatedButton>
            </div>
          ) : null}
        </div>
      ) : null}
      {intent.status === 'executed' && intent.result ? (
        <div className="px-5 pt-3">
          <Alert tone="success" testId="intent-executed">
            Promoted {plural(intent.result.promoted.length, 'package')} into {toName}
            {intent.result.skipped.length > 0 ? `, ${intent.result.skipped.length} skipped` : ''}; release{' '}
            <span className="font-mono">{intent.result.releaseId.slice(0, 8)}</span>.
          </Alert>
        </div>
      ) : null}
      {intent.diff ? (
        <div className="mt-3 border-t border-slate-200">
          <h3 className="px-5 pt-3 text-sm font-semibold text-slate-900">Previewed diff</h3>
          {intent.diff.packages.length === 0 ? (
            <EmptyState title="No packages" description="Neither environment holds a package." />
          ) : (
            intent.diff.packages.map((p) => (
              <div key={p.packageKey} className="border-b border-slate-100" data-testid="intent-package">
                <p className="flex items-center gap-2 px-5 pt-2 text-sm">
                  <span className="font-mono text-xs font-medium">{p.packageKey}</span>
                  <Badge tone={packageStateTone(p.status)}>{p.status}</Badge>
                </p>
                {p.diff ? (
                  <PackageDiffTable diff={p.diff} label={`Previewed diff of ${p.packageKey}`} />
                ) : null}
              </div>
            ))
          )}
        </div>
      ) : (
        <p className="px-5 py-3 text-sm text-slate-600">
          Not previewed yet: preview to see what it would move.
        </p>
      )}
      <NotificationSection tenant={tenant} intent={intent} />
    </Card>
  );
}

function NotificationSection({ tenant, intent }: { tenant: string; intent: PromotionIntent }) {
  const deliveries = usePromotionDeliveries(tenant, intent.id);
  return (
    <div className="border-t border-slate-200" data-testid="intent-notifications">
      <div className="flex flex-wrap items-center gap-2 px-5 pt-3 text-sm">
        <h3 className="font-semibold text-slate-900">Notification</h3>
        <Badge
          testId="notification-status"
          tone={
            intent.notificationStatus === 'sent'
              ? 'emerald'
              : intent.notificationStatus === 'failed'
                ? 'rose'
                : intent.notificationStatus === 'pending'
                  ? 'amber'
                  : 'neutral'
          }
        >
          {intent.notificationStatus ?? 'none'}
        </Badge>
        {intent.notificationLastError ? (
          <span className="text-xs text-rose-700">{intent.notificationLastError}</span>
        ) : null}
        {intent.notificationStatus === null ? (
          <span className="text-xs text-slate-600">The target environment has no promotion webhook.</span>
        ) : null}
      </div>
      <ListStates
        query={deliveries}
        noun="deliveries"
        empty={
          <p className="px-5 py-3 text-sm text-slate-600" data-testid="deliveries-empty">
            No webhook deliveries.
          </p>
        }
      >
        {(rows) => (
          <Table label="Delivery log">
            <thead>
              <tr>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Last attempt</Th>
              </tr>
            </thead>
            <Tbody>
              {rows.map((d) => (
                <tr key={d.id} data-testid="delivery-row">
                  <Td className="font-mono text-xs">
                    {d.eventType}
                    <div className="max-w-64 truncate text-slate-500" title={d.url}>
                      {d.url}
                    </div>
                  </Td>
                  <Td>
                    <Badge tone={d.status === 'sent' ? 'emerald' : d.status === 'failed' ? 'rose' : 'amber'}>
                      {d.status}
                    </Badge>
                    {d.lastStatusCode ? (
                      <span className="ml-1 text-xs text-slate-600">HTTP {d.lastStatusCode}</span>
                    ) : null}
                  </Td>
                  <Td className="text-xs">{d.attempts}</Td>
                  <Td className="text-xs text-slate-600">
                    {d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : '—'}
                    {d.lastError ? <div className="text-rose-700">{d.lastError}</div> : null}
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
      </ListStates>
    </div>
  );
}

function SettingsCard({ tenant, environments }: { tenant: string; environments: readonly Environment[] }) {
  const gate = useCan(tenant, PERMISSION.environmentManage);
  const noteId = useId();
  return (
    <Card aria-labelledby="settings-title" data-testid="environment-settings">
      <CardHeader
        titleId="settings-title"
        title="Environment settings"
        description="Whether promotions into an environment need an approved intent, and where they are announced."
      />
      <PermissionNotes id={noteId} actions={[{ label: 'Save', gate }]} />
      {environments.length === 0 ? (
        <EmptyState title="No environments" />
      ) : (
        <div className="divide-y divide-slate-100">
          {environments.map((e) => (
            <EnvironmentSettingsRow
              key={`${e.id}:${e.requiresPromotionApproval}:${e.promotionWebhookUrl}`}
              tenant={tenant}
              environment={e}
              gate={gate}
              noteId={noteId}
            />
          ))}
        </div>
      )}
    </Card>
  );
}

function EnvironmentSettingsRow({
  tenant,
  environment,
  gate,
  noteId,
}: {
  tenant: string;
  environment: Environment;
  gate: ActionGate;
  noteId: string;
}) {
  const update = useUpdateEnvironment(tenant);
  const [requires, setRequires] = useState(environment.requiresPromotionApproval);
  const [url, setUrl] = useState(environment.promotionWebhookUrl ?? '');
  const changed =
    requires !== environment.requiresPromotionApproval || url !== (environment.promotionWebhookUrl ?? '');
  return (
    <form
      aria-label={`Settings of ${environment.name}`}
      data-testid="environment-settings-row"
      data-environment={environment.name}
      className="grid grid-cols-1 items-end gap-3 px-5 py-3 md:grid-cols-[6rem_1fr_2fr_auto]"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          id: environment.id,
          requiresPromotionApproval: requires,
          promotionWebhookUrl: url.trim() === '' ? null : url.trim(),
        });
      }}
    >
      <span className="font-mono text-sm font-medium">{environment.name}</span>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={requires}
          disabled={!gate.allowed}
          onChange={(event) => setRequires(event.target.checked)}
        />
        Requires approval
      </label>
      <TextField
        id={`webhook-${environment.id}`}
        label="Promotion webhook URL"
        value={url}
        disabled={!gate.allowed}
        placeholder="https://…"
        onChange={(event) => setUrl(event.target.value)}
      />
      <GatedButton
        gate={gate}
        noteId={noteId}
        variant="secondary"
        type="submit"
        busy={update.isPending}
        disabled={!changed}
      >
        Save
      </GatedButton>
      {update.isError ? (
        <div className="md:col-span-4">
          <RefusalAlert error={update.error} testId="settings-refusal" />
        </div>
      ) : null}
    </form>
  );
}

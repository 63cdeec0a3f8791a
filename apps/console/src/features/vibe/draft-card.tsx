'use client';

import Link from 'next/link';
import { useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Tabs } from '@/components/ui/tabs';
import { PackageDiffTable, RefusalAlert } from '@/features/packages/package-parts';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { errorMessage, isNotFound } from '@/lib/errors';
import { formatDateTime, plural } from '@/lib/format';
import { shortChecksum } from '@/lib/packages';
import { type ActionGate, ALLOWED, allOf, PERMISSION } from '@/lib/permissions';
import { draftTone, installImpact, isTerminal } from '@/lib/vibe';
import { useCan } from '@/queries/me';
import {
  useDraftAction,
  useInstallDraft,
  useVibeDraft,
  type VibeDraft,
  type VibeDraftInstall,
} from '@/queries/vibe';
import { DraftEditForm } from './draft-edit';
import { DraftHistory } from './draft-history';
import { PackageContentsTable } from './package-contents';

type Tab = 'preview' | 'contents' | 'edit' | 'history';

/** The selected draft: what it is, its actions (refine, preview, install, discard) and its tabs. */
export function DraftCard({
  tenant,
  draftId,
  onClose,
}: {
  tenant: string;
  draftId: string;
  onClose: () => void;
}) {
  const draft = useVibeDraft(tenant, draftId);
  if (draft.isPending)
    return (
      <Card>
        <LoadingState label="Loading the draft…" />
      </Card>
    );
  if (draft.isError)
    return (
      <Card>
        <ErrorState
          testId="draft-error"
          title={isNotFound(draft.error) ? 'Draft not found' : 'Could not load the draft'}
          message={errorMessage(draft.error)}
          onRetry={() => void draft.refetch()}
        />
        <div className="px-5 pb-4">
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </Card>
    );
  return <DraftDetail tenant={tenant} draft={draft.data} />;
}

function DraftDetail({ tenant, draft }: { tenant: string; draft: VibeDraft }) {
  const [tab, setTab] = useState<Tab>(draft.lastPreviewDiff ? 'preview' : 'contents');
  const [refinePrompt, setRefinePrompt] = useState('');
  const [refined, setRefined] = useState<string | null>(null);
  const [installed, setInstalled] = useState<VibeDraftInstall | null>(null);
  const action = useDraftAction(tenant, draft.id);
  const install = useInstallDraft(tenant, draft.id);
  const { confirm, dialog } = useConfirm();
  const noteId = useId();
  const author = useCan(tenant, PERMISSION.vibeAuthor);
  const installer = allOf(
    useAgentGate(tenant, 'install packages'),
    useCan(tenant, PERMISSION.packageInstall),
  );
  const terminal = isTerminal(draft.status);
  const open: ActionGate = terminal ? { allowed: false, reason: `The draft is ${draft.status}` } : ALLOWED;
  const mutateGate = allOf(author, open);
  const installGate = allOf(
    installer,
    open,
    draft.status === 'previewed' ? ALLOWED : { allowed: false, reason: 'Preview the draft first' },
  );
  const busy = action.isPending || install.isPending;
  const pkg = draft.package;

  const doInstall = () => {
    const impact = draft.lastPreviewDiff ? installImpact(draft.lastPreviewDiff) : null;
    confirm({
      title: `Install ${pkg.name}?`,
      impact: (
        <>
          <p>
            Installs {pkg.key} {pkg.version} into the project as a merged change; the install can be reverted
            from the packages page.
          </p>
          {impact ? (
            <ul className="list-disc pl-5" data-testid="install-impact">
              {impact.recordTypes.length > 0 ? (
                <li>
                  Creates {plural(impact.recordTypes.length, 'record type')}: {impact.recordTypes.join(', ')}
                </li>
              ) : null}
              {impact.workflows.length > 0 ? (
                <li>
                  Creates {plural(impact.workflows.length, 'workflow')}: {impact.workflows.join(', ')}
                </li>
              ) : null}
              {impact.choiceLists.length > 0 ? (
                <li>
                  Creates {plural(impact.choiceLists.length, 'choice list')}: {impact.choiceLists.join(', ')}
                </li>
              ) : null}
              {impact.updates.length > 0 ? <li>Changes {impact.updates.join(', ')}</li> : null}
              {impact.deletes.length > 0 ? (
                <li className="font-medium text-rose-700">Removes {impact.deletes.join(', ')}</li>
              ) : null}
            </ul>
          ) : null}
          <p>The draft becomes installed and takes no more edits.</p>
        </>
      ),
      confirmLabel: 'Install',
      destructive: (impact?.deletes.length ?? 0) > 0,
      onConfirm: () => install.mutate(undefined, { onSuccess: setInstalled }),
    });
  };
  const doDiscard = () =>
    confirm({
      title: `Discard ${pkg.name}?`,
      impact: (
        <p>The draft and its versions stay in the history, but it can no longer be edited or installed.</p>
      ),
      confirmLabel: 'Discard',
      destructive: true,
      onConfirm: () => action.mutate({ action: 'discard' }),
    });

  return (
    <Card aria-labelledby="draft-title" data-testid="draft" data-status={draft.status}>
      {dialog}
      <CardHeader
        titleId="draft-title"
        title={
          <span className="flex flex-wrap items-center gap-2">
            {pkg.name}
            <Badge tone={draftTone(draft.status)} testId="draft-status">
              {draft.status}
            </Badge>
          </span>
        }
        description={
          <span className="font-mono text-xs" data-testid="draft-title-key">
            {pkg.key} {pkg.version} · {shortChecksum(draft.checksum)}
          </span>
        }
      />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 border-b border-slate-200 px-5 py-3 text-sm md:grid-cols-2">
        <div className="md:col-span-2">
          <dt className="text-xs text-slate-500">Prompt</dt>
          <dd className="text-slate-800" data-testid="draft-prompt">
            {draft.prompt}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Created</dt>
          <dd className="text-slate-800">
            {draft.createdBy ?? 'system'}, {formatDateTime(draft.createdAt)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Updated</dt>
          <dd className="text-slate-800">{formatDateTime(draft.updatedAt)}</dd>
        </div>
      </dl>
      <div className="flex flex-wrap items-end gap-2 border-b border-slate-200 px-5 py-3">
        <form
          className="flex min-w-0 flex-1 flex-wrap items-end gap-2"
          aria-label="Refine the draft"
          onSubmit={(event) => {
            event.preventDefault();
            if (refinePrompt.trim() === '') return;
            action.mutate(
              { action: 'refine', prompt: refinePrompt.trim() },
              {
                onSuccess: (next) => {
                  setRefinePrompt('');
                  setRefined(
                    next.lastGeneration?.outcome === 'fallback'
                      ? 'The refinement did not produce a valid package; the draft keeps its package.'
                      : `Refined: now version ${next.currentVersion}.`,
                  );
                },
              },
            );
          }}
        >
          <div className="min-w-48 flex-1">
            <TextField
              id="refine-prompt"
              label="Refine with a prompt"
              maxLength={4000}
              placeholder="Also track the cost of each work order"
              value={refinePrompt}
              disabled={terminal}
              onChange={(event) => setRefinePrompt(event.target.value)}
            />
          </div>
          <GatedButton
            gate={allOf(
              mutateGate,
              refinePrompt.trim() ? ALLOWED : { allowed: false, reason: 'Write a prompt' },
            )}
            noteId={noteId}
            type="submit"
            variant="secondary"
            busy={busy}
          >
            Refine
          </GatedButton>
        </form>
        <div className="flex flex-wrap gap-2">
          <GatedButton
            gate={mutateGate}
            noteId={noteId}
            variant="secondary"
            busy={busy}
            spinning={action.isPending && action.variables?.action === 'preview'}
            onClick={() => action.mutate({ action: 'preview' }, { onSuccess: () => setTab('preview') })}
          >
            Preview
          </GatedButton>
          <GatedButton
            gate={installGate}
            noteId={noteId}
            busy={busy}
            spinning={install.isPending}
            data-testid="install-draft"
            onClick={doInstall}
          >
            Install
          </GatedButton>
          <GatedButton gate={mutateGate} noteId={noteId} variant="secondary" busy={busy} onClick={doDiscard}>
            Discard
          </GatedButton>
        </div>
      </div>
      <PermissionNotes
        id={noteId}
        actions={[
          { label: 'Refine', gate: author },
          { label: 'Preview', gate: author },
          { label: 'Install', gate: installer },
          { label: 'Discard', gate: author },
        ]}
      />
      {!terminal && draft.status !== 'previewed' ? (
        <p className="px-5 pt-3 text-xs text-slate-600" data-testid="install-hint">
          Install needs a preview of the draft as it is now.
        </p>
      ) : null}
      {action.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={action.error} testId="draft-refusal" />
        </div>
      ) : refined && action.variables?.action === 'refine' ? (
        <div className="px-5 pt-4">
          <Alert tone="info" testId="draft-refined">
            {refined}
          </Alert>
        </div>
      ) : null}
      {install.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={install.error} testId="install-refusal" />
        </div>
      ) : null}
      {installed ? <InstalledNote result={installed} projectId={draft.projectId} /> : null}
      <div className="pt-3">
        <Tabs
          label="Draft"
          active={tab}
          onChange={setTab}
          items={[
            { key: 'preview', label: 'Preview diff' },
            { key: 'contents', label: 'Contents', count: pkg.recordTypes.length },
            { key: 'edit', label: 'Edit' },
            { key: 'history', label: 'Versions' },
          ]}
        >
          {tab === 'preview' ? (
            <PreviewTab draft={draft} />
          ) : tab === 'contents' ? (
            <PackageContentsTable pkg={pkg} label={`Contents of ${pkg.name}`} />
          ) : tab === 'edit' ? (
            <DraftEditForm tenant={tenant} draft={draft} gate={mutateGate} />
          ) : (
            <DraftHistory tenant={tenant} draft={draft} gate={mutateGate} />
          )}
        </Tabs>
      </div>
    </Card>
  );
}

function PreviewTab({ draft }: { draft: VibeDraft }) {
  const errors = draft.lastPreviewErrors ?? [];
  return (
    <div data-testid="draft-preview">
      {draft.status !== 'previewed' && draft.lastPreviewDiff ? (
        <p className="px-5 pt-3 text-xs text-amber-800">
          The draft changed since this preview; preview again before installing.
        </p>
      ) : null}
      {errors.length > 0 ? (
        <div className="px-5 pt-3">
          <Alert tone="error" testId="preview-errors">
            <ul className="list-disc pl-5">
              {errors.map((p) => (
                <li key={`${p.stage}:${p.path}:${p.code}`}>
                  <span className="font-mono text-xs">{p.code}</span> {p.path ? `${p.path}: ` : ''}
                  {p.message}
                </li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
      {draft.lastPreviewDiff ? (
        <PackageDiffTable diff={draft.lastPreviewDiff} label={`Preview diff of ${draft.package.name}`} />
      ) : (
        <EmptyState
          testId="preview-empty"
          title="Not previewed yet"
          description="Preview shows what installing the draft would create and change in the project."
        />
      )}
    </div>
  );
}

/** After an install: what it did, the change that carries it and where to revert it. */
function InstalledNote({ result, projectId }: { result: VibeDraftInstall; projectId: string }) {
  return (
    <div className="px-5 pt-4">
      <Alert tone="success" testId="draft-installed">
        <p>
          Installed {result.install.packageKey} {result.install.version}.
        </p>
        <p className="mt-1 flex flex-wrap gap-x-4">
          {result.install.changeId ? (
            <Link
              href={`/changes/${result.install.changeId}`}
              className="font-medium text-indigo-700 hover:underline"
            >
              Open the change
            </Link>
          ) : null}
          <Link
            href={`/packages?projectId=${projectId}`}
            className="font-medium text-indigo-700 hover:underline"
            data-testid="install-history-link"
          >
            Install history (uninstall from there)
          </Link>
        </p>
      </Alert>
    </div>
  );
}

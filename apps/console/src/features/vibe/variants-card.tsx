'use client';

import { useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { INLINE_SELECT } from '@/components/ui/field';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { PackageDiffTable, RefusalAlert } from '@/features/packages/package-parts';
import { plural } from '@/lib/format';
import { diffSummary, shortChecksum } from '@/lib/packages';
import { type ActionGate, ALLOWED, allOf, PERMISSION } from '@/lib/permissions';
import { isTerminal, variantCounts, variantError } from '@/lib/vibe';
import { useCan } from '@/queries/me';
import {
  useDraftAction,
  useDraftFromVariant,
  useVariantDiff,
  useVibeDraft,
  type VibeDraft,
  type VibeVariant,
} from '@/queries/vibe';
import { PackageContentsList } from './package-contents';
import type { VariantRun } from './vibe-studio-view';

type OkVariant = Extract<VibeVariant, { status: 'ok' }>;

/**
 * The variants of one prompt side by side, each with its contents and its diff against the project;
 * one is adopted into the selected draft or saved as a new draft. Variants themselves are never stored.
 */
export function VariantsCard({
  tenant,
  run,
  selectedDraftId,
  onDraft,
  onClose,
}: {
  tenant: string;
  run: VariantRun;
  selectedDraftId: string | null;
  onDraft: (draft: VibeDraft) => void;
  onClose: () => void;
}) {
  const author = useCan(tenant, PERMISSION.vibeAuthor);
  const selected = useVibeDraft(tenant, selectedDraftId);
  const adopt = useDraftAction(tenant, selectedDraftId ?? '');
  const fromVariant = useDraftFromVariant(tenant);
  const [asked, setAsked] = useState<number | null>(null);
  const noteId = useId();
  const adoptState: ActionGate =
    selectedDraftId === null
      ? { allowed: false, reason: 'Select a draft to adopt into' }
      : selected.data && isTerminal(selected.data.status)
        ? { allowed: false, reason: `The selected draft is ${selected.data.status}` }
        : selected.data
          ? ALLOWED
          : { allowed: false, reason: 'Loading the selected draft…' };
  const adoptGate = allOf(author, adoptState);
  const ok = run.variants.filter((v): v is OkVariant => v.status === 'ok');
  return (
    <Card aria-labelledby="variants-title" data-testid="variants">
      <CardHeader
        titleId="variants-title"
        title={`${plural(run.variants.length, 'variant')} for “${run.prompt}”`}
        description={
          selected.data
            ? `Adopt one into ${selected.data.package.name} (its current package is kept as a version), or save one as a new draft.`
            : 'Save one as a new draft, or select a draft to adopt one into it.'
        }
        actions={
          <Button variant="ghost" className="px-2.5 py-1 text-xs" onClick={onClose}>
            Close
          </Button>
        }
      />
      <PermissionNotes
        id={noteId}
        actions={[
          { label: 'Adopt into draft', gate: author },
          { label: 'New draft', gate: author },
        ]}
      />
      {adopt.isError || fromVariant.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={adopt.isError ? adopt.error : fromVariant.error} testId="variant-refusal" />
        </div>
      ) : null}
      {adopt.isSuccess ? (
        <div className="px-5 pt-4">
          <Alert tone="success" testId="variant-adopted">
            Adopted into {adopt.data.package.name}.
          </Alert>
        </div>
      ) : null}
      <ul
        className="grid grid-cols-1 gap-4 p-5 lg:grid-cols-2 2xl:grid-cols-3"
        aria-label="Generated variants"
      >
        {run.variants.map((v) => (
          <li
            key={v.index}
            data-testid="variant"
            data-status={v.status}
            className="min-w-0 rounded-lg ring-1 ring-slate-200"
          >
            <div className="border-b border-slate-200 px-4 py-3">
              <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Variant {v.index + 1}
              </p>
              {v.status === 'ok' ? (
                <>
                  <h3 className="truncate text-sm font-semibold text-slate-900">{v.package.name}</h3>
                  <p className="truncate font-mono text-xs text-slate-600">
                    {v.package.key} {v.package.version} · {shortChecksum(v.checksum)}
                  </p>
                  <p className="mt-1 text-xs text-slate-600" data-testid="variant-counts">
                    {variantCounts(v.package)}
                  </p>
                  <p className="text-xs text-slate-600">Install would: {diffSummary(v.diff)}</p>
                </>
              ) : (
                <p className="mt-1 text-sm text-rose-700" data-testid="variant-error">
                  <Badge tone="rose">failed</Badge> {variantError(v.error)}
                </p>
              )}
            </div>
            {v.status === 'ok' ? (
              <>
                <PackageContentsList pkg={v.package} label={`Contents of variant ${v.index + 1}`} />
                <div className="flex flex-wrap gap-2 border-t border-slate-200 px-4 py-3">
                  <GatedButton
                    gate={adoptGate}
                    noteId={noteId}
                    className="px-2.5 py-1 text-xs"
                    busy={adopt.isPending || fromVariant.isPending}
                    spinning={adopt.isPending && asked === v.index}
                    aria-label={`Adopt into draft: variant ${v.index + 1}`}
                    onClick={() => {
                      setAsked(v.index);
                      adopt.mutate({ action: 'adopt-variant', package: v.package, prompt: run.prompt });
                    }}
                  >
                    Adopt into draft
                  </GatedButton>
                  <GatedButton
                    gate={author}
                    noteId={noteId}
                    variant="secondary"
                    className="px-2.5 py-1 text-xs"
                    busy={adopt.isPending || fromVariant.isPending}
                    spinning={fromVariant.isPending && asked === v.index}
                    aria-label={`New draft from variant ${v.index + 1}`}
                    onClick={() => {
                      setAsked(v.index);
                      fromVariant.mutate(
                        { projectId: run.projectId, prompt: run.prompt, package: v.package },
                        { onSuccess: onDraft },
                      );
                    }}
                  >
                    New draft
                  </GatedButton>
                </div>
                {!adoptState.allowed && adoptState.reason ? (
                  <p className="px-4 pb-3 text-xs text-slate-600">{adoptState.reason}.</p>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {ok.length >= 2 ? <VariantCompare tenant={tenant} projectId={run.projectId} variants={ok} /> : null}
    </Card>
  );
}

function VariantCompare({
  tenant,
  projectId,
  variants,
}: {
  tenant: string;
  projectId: string;
  variants: OkVariant[];
}) {
  const [a, setA] = useState(String(variants[0]?.index ?? ''));
  const [b, setB] = useState(String(variants[1]?.index ?? ''));
  const va = variants.find((v) => String(v.index) === a);
  const vb = variants.find((v) => String(v.index) === b);
  const pair =
    va && vb && va.index !== vb.index ? { projectId, packageA: va.package, packageB: vb.package } : null;
  const diff = useVariantDiff(tenant, pair);
  const select = (label: string, value: string, onChange: (v: string) => void) => (
    <select
      aria-label={label}
      className={INLINE_SELECT}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {variants.map((v) => (
        <option key={v.index} value={v.index}>
          Variant {v.index + 1}
        </option>
      ))}
    </select>
  );
  return (
    <div className="border-t border-slate-200" data-testid="variant-compare">
      <div className="flex flex-wrap items-center gap-3 bg-slate-50/70 px-5 py-3 text-sm text-slate-700">
        <span className="font-medium">Compare</span>
        {select('First variant', a, setA)}
        <span>with</span>
        {select('Second variant', b, setB)}
      </div>
      {pair === null ? (
        <EmptyState title="Choose two different variants" />
      ) : diff.isPending ? (
        <LoadingState label="Comparing the variants…" />
      ) : diff.isError ? (
        <div className="px-5 py-4">
          <RefusalAlert error={diff.error} testId="variant-diff-error" />
        </div>
      ) : (
        <PackageDiffTable diff={diff.data} label={`Variant ${Number(a) + 1} to variant ${Number(b) + 1}`} />
      )}
    </div>
  );
}

'use client';

import { useMemo, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { INLINE_SELECT } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { PackageDiffTable, RefusalAlert } from '@/features/packages/package-parts';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { shortChecksum } from '@/lib/packages';
import type { ActionGate } from '@/lib/permissions';
import { useDraftAction, useDraftVersions, useVersionDiff, type VibeDraft } from '@/queries/vibe';

/** The draft's versions, newest first, each restorable (after a confirm), and a diff between two of them. */
export function DraftHistory({
  tenant,
  draft,
  gate,
}: {
  tenant: string;
  draft: VibeDraft;
  gate: ActionGate;
}) {
  const versions = useDraftVersions(tenant, draft.id);
  const restore = useDraftAction(tenant, draft.id);
  const { confirm, dialog } = useConfirm();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // Newest first, whatever order the API lists them in.
  const list = useMemo(
    () => [...(versions.data ?? [])].sort((x, y) => y.versionNumber - x.versionNumber),
    [versions.data],
  );
  const newest = list[0]?.versionNumber;
  const fromN = from || String(list[1]?.versionNumber ?? '');
  const toN = to || String(newest ?? '');
  const pair = fromN && toN && fromN !== toN ? { fromVersion: Number(fromN), toVersion: Number(toN) } : null;
  const diff = useVersionDiff(tenant, draft.id, pair);

  if (versions.isPending) return <LoadingState label="Loading versions…" />;
  if (versions.isError)
    return (
      <ErrorState
        title="Could not load the versions"
        message={errorMessage(versions.error)}
        onRetry={() => void versions.refetch()}
      />
    );
  if (list.length === 0)
    return <EmptyState title="No versions" description="The draft has no versions yet." />;
  const select = (label: string, value: string, onChange: (v: string) => void) => (
    <select
      aria-label={label}
      className={INLINE_SELECT}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {list.map((v) => (
        <option key={v.versionNumber} value={v.versionNumber}>
          v{v.versionNumber}
        </option>
      ))}
    </select>
  );
  return (
    <div data-testid="draft-history">
      {dialog}
      {restore.isError ? (
        <div className="px-5 pt-4">
          <RefusalAlert error={restore.error} testId="restore-refusal" />
        </div>
      ) : null}
      <Table label="Versions">
        <thead>
          <tr>
            <Th>Version</Th>
            <Th>Reason</Th>
            <Th>By</Th>
            <Th>Checksum</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <Tbody>
          {list.map((v) => (
            <tr key={v.versionNumber} data-testid="version-row" data-version={v.versionNumber}>
              <Td className="font-mono text-xs">v{v.versionNumber}</Td>
              <Td className="text-xs">{v.reason.replaceAll('_', ' ')}</Td>
              <Td className="text-xs whitespace-nowrap text-slate-600">
                {v.createdBy ?? 'system'}, {formatDateTime(v.createdAt)}
              </Td>
              <Td className="font-mono text-xs" title={v.checksum}>
                {shortChecksum(v.checksum)}
                {v.checksum === draft.checksum ? (
                  <span className="ml-1 text-slate-500">(current)</span>
                ) : null}
              </Td>
              <Td className="text-right">
                {v.versionNumber !== newest ? (
                  <GatedButton
                    gate={gate}
                    variant="secondary"
                    className="px-2.5 py-1 text-xs"
                    busy={restore.isPending}
                    aria-label={`Restore version ${v.versionNumber}`}
                    onClick={() =>
                      confirm({
                        title: `Restore version ${v.versionNumber}?`,
                        impact: (
                          <p>
                            The draft&apos;s package becomes that of version {v.versionNumber}, saved as a new
                            version; the current package stays in the history. The draft returns to draft
                            status and needs a new preview before installing.
                          </p>
                        ),
                        confirmLabel: 'Restore',
                        onConfirm: () =>
                          restore.mutate({ action: 'restore', versionNumber: v.versionNumber }),
                      })
                    }
                  >
                    Restore
                  </GatedButton>
                ) : null}
              </Td>
            </tr>
          ))}
        </Tbody>
      </Table>
      {list.length > 1 ? (
        <div className="border-t border-slate-200" data-testid="version-diff">
          <div className="flex flex-wrap items-center gap-3 bg-slate-50/70 px-5 py-3 text-sm text-slate-700">
            <span className="font-medium">Diff</span>
            {select('From version', fromN, setFrom)}
            <span>to</span>
            {select('To version', toN, setTo)}
          </div>
          {pair === null ? (
            <EmptyState title="Choose two different versions" />
          ) : diff.isPending ? (
            <LoadingState label="Loading the diff…" />
          ) : diff.isError ? (
            <div className="px-5 py-4">
              <RefusalAlert error={diff.error} testId="version-diff-error" />
            </div>
          ) : (
            <PackageDiffTable diff={diff.data} label={`Diff from v${fromN} to v${toN}`} />
          )}
        </div>
      ) : null}
    </div>
  );
}

'use client';

import { CardHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { When } from '@/features/admin/log-parts';
import type { Change } from '@/lib/changes';
import { errorMessage } from '@/lib/errors';
import { describeField } from '@/lib/fields';
import { type Snapshot, useChangeSnapshots } from '@/queries/changes';

type SnapshotField = { name: string; type: string; label?: string | null; required?: boolean };

const fieldsOf = (snapshot: Snapshot): SnapshotField[] => {
  const schema = snapshot.schema as { fields?: unknown } | null;
  return Array.isArray(schema?.fields) ? (schema.fields as SnapshotField[]) : [];
};

/** GET /api/changes/{changeId}/snapshots: each touched record type's schema as it was before the merge. */
export function SnapshotsCard({
  tenant,
  change,
  choiceListName,
}: {
  tenant: string;
  change: Change;
  choiceListName: (id: string) => string | undefined;
}) {
  const snapshots = useChangeSnapshots(tenant, change.id, true);
  return (
    <>
      <CardHeader
        titleId="snapshots-title"
        title="Snapshots"
        description="The schemas this merge replaced, taken first; a revert restores exactly these"
      />
      {snapshots.isPending ? (
        <LoadingState label="Loading snapshots…" />
      ) : snapshots.isError ? (
        <ErrorState
          title="Could not load snapshots"
          message={errorMessage(snapshots.error)}
          onRetry={() => void snapshots.refetch()}
        />
      ) : snapshots.data.length === 0 ? (
        <EmptyState title="No snapshots" description="The merge touched no record type." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {snapshots.data.map((snapshot) => {
            const fields = fieldsOf(snapshot);
            return (
              <li key={snapshot.id} data-testid="snapshot" className="px-5 py-3 text-sm">
                <details>
                  <summary className="cursor-pointer text-slate-700 marker:text-slate-500">
                    <span className="font-mono font-semibold text-slate-900">{snapshot.recordTypeKey}</span>
                    <span className="ml-2 text-slate-500">
                      {fields.length} field{fields.length === 1 ? '' : 's'} · taken{' '}
                      <When iso={snapshot.createdAt} />
                    </span>
                  </summary>
                  <ul className="mt-2 ml-4 space-y-1">
                    {fields.map((field) => (
                      <li key={field.name} className="flex gap-3">
                        <span className="font-mono text-slate-900">{field.name}</span>
                        <span className="text-xs text-slate-500">{describeField(field, choiceListName)}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

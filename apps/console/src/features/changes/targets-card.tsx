'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardHeader } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { When } from '@/features/admin/log-parts';
import type { Change } from '@/lib/changes';
import { errorMessage } from '@/lib/errors';
import type { ActionGate } from '@/lib/permissions';
import type { RecordType } from '@/lib/record-types';
import { type ChangeTarget, useAddChangeTarget } from '@/queries/changes';

export const targetKeyOf = (target: ChangeTarget): string | null =>
  'recordTypeKey' in target.selector ? target.selector.recordTypeKey : null;

/** The record types the change may touch; one more can be added while the change is Draft. */
export function TargetsCard({
  tenant,
  change,
  targets,
  recordTypes,
  gate,
}: {
  tenant: string;
  change: Change;
  targets: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: ChangeTarget[] | undefined;
    refetch: () => unknown;
  };
  recordTypes: RecordType[] | undefined;
  gate: ActionGate;
}) {
  const byKey = new Map((recordTypes ?? []).map((rt) => [rt.key, rt]));
  return (
    <>
      <CardHeader
        titleId="targets-title"
        title="Targets"
        description="The record types this change may touch"
      />
      {targets.isPending ? (
        <LoadingState label="Loading targets…" />
      ) : targets.isError ? (
        <ErrorState
          title="Could not load targets"
          message={errorMessage(targets.error)}
          onRetry={() => void targets.refetch()}
        />
      ) : targets.data && targets.data.length === 0 ? (
        <EmptyState
          testId="targets-empty"
          title="No targets yet"
          description="Name the record types the change works on; its ops then change them."
        />
      ) : (
        <Table label="Targets">
          <thead>
            <tr>
              <Th>Record type</Th>
              <Th>Kind</Th>
              <Th>Added</Th>
            </tr>
          </thead>
          <Tbody>
            {(targets.data ?? []).map((target) => {
              const key = targetKeyOf(target);
              const rt = key ? byKey.get(key) : undefined;
              return (
                <tr key={target.id} data-testid="target-row">
                  <Td>
                    {rt ? (
                      <Link
                        href={`/projects/${change.projectId}/record-types/${rt.id}`}
                        className="font-medium text-indigo-600 hover:text-indigo-500 hover:underline"
                      >
                        {rt.name}
                      </Link>
                    ) : null}
                    <span className={rt ? 'ml-2 font-mono text-xs text-slate-500' : 'font-mono text-sm'}>
                      {key ?? JSON.stringify(target.selector)}
                    </span>
                  </Td>
                  <Td>
                    <Badge tone="sky">{target.type.replace('_', ' ')}</Badge>
                  </Td>
                  <Td className="text-slate-500">
                    <When iso={target.createdAt} />
                  </Td>
                </tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      <AddTargetForm
        tenant={tenant}
        change={change}
        gate={gate}
        candidates={(recordTypes ?? []).filter(
          (rt) => !(targets.data ?? []).some((t) => targetKeyOf(t) === rt.key) && rt.status !== 'retired',
        )}
        recordTypesLoaded={recordTypes !== undefined}
        projectHasRecordTypes={(recordTypes ?? []).length > 0}
      />
    </>
  );
}

function AddTargetForm({
  tenant,
  change,
  gate,
  candidates,
  recordTypesLoaded,
  projectHasRecordTypes,
}: {
  tenant: string;
  change: Change;
  gate: ActionGate;
  candidates: RecordType[];
  recordTypesLoaded: boolean;
  projectHasRecordTypes: boolean;
}) {
  const add = useAddChangeTarget(tenant, change.id);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = candidates.some((rt) => rt.key === key) ? key : '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) return;
    setError(null);
    add.mutate(chosen, {
      onSuccess: () => setKey(''),
      onError: (e) => setError(errorMessage(e)),
    });
  };

  const disabled = !gate.allowed || add.isPending;
  const hint = !gate.allowed
    ? gate.reason
    : recordTypesLoaded && candidates.length === 0
      ? projectHasRecordTypes
        ? 'Every record type of the project is already a target.'
        : 'The project has no record types yet: create one on its Record types tab.'
      : undefined;
  return (
    <form
      aria-label="Add target"
      onSubmit={onSubmit}
      className="flex flex-wrap items-end gap-3 border-t border-slate-200 bg-slate-50/60 px-5 py-4"
    >
      {error ? (
        <Alert tone="error" testId="target-form-error" className="w-full">
          {error}
        </Alert>
      ) : null}
      <div className="min-w-60 flex-1">
        <SelectField
          id="target-record-type"
          label="Record type to target"
          value={chosen}
          onChange={(event) => setKey(event.target.value)}
          disabled={disabled || candidates.length === 0}
          hint={hint}
          title={gate.reason}
        >
          <option value="">Pick a record type of the project…</option>
          {candidates.map((rt) => (
            <option key={rt.id} value={rt.key}>
              {rt.name} ({rt.key})
            </option>
          ))}
        </SelectField>
      </div>
      <Button
        type="submit"
        variant="secondary"
        disabled={disabled || chosen === ''}
        title={gate.reason ?? (chosen === '' ? 'Pick a record type first' : undefined)}
        className={hint ? 'mb-6' : undefined}
      >
        Add target
      </Button>
    </form>
  );
}

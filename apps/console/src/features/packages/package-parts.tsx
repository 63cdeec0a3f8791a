'use client';

import type { Environment } from '@ec3l/sdk';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { SelectField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { errorCode, errorMessage } from '@/lib/errors';
import {
  changedObjects,
  diffSummary,
  dispositionLabel,
  dispositionTone,
  type PackageDiff,
  refusalDetails,
} from '@/lib/packages';
import { useAllProjects } from '@/queries/projects';

/** A refused call: its code, its message and the lines its details name (owner, fields, problems). */
export function RefusalAlert({ error, testId = 'refusal' }: { error: unknown; testId?: string }) {
  const code = errorCode(error);
  const lines = refusalDetails(error);
  return (
    <Alert tone="error" testId={testId}>
      <p>
        {code ? <span className="mr-2 font-mono text-xs font-semibold">{code}</span> : null}
        {errorMessage(error)}
      </p>
      {lines.length > 0 ? (
        <ul className="mt-1 list-disc pl-5" data-testid={`${testId}-details`}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** A package diff object by object, with each object's disposition; unchanged objects only counted. */
export function PackageDiffTable({
  diff,
  label,
  showSame = false,
}: {
  diff: PackageDiff;
  label: string;
  showSame?: boolean;
}) {
  const rows = showSame ? diff.objects : changedObjects(diff);
  return (
    <div data-testid="package-diff">
      <p className="px-5 py-2 text-sm text-slate-600" data-testid="package-diff-summary">
        {diff.fromVersion ?? 'not installed'} → {diff.toVersion ?? 'removed'}: {diffSummary(diff)}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="Nothing changes" description="Every object of the package is as it is now." />
      ) : (
        <Table label={label}>
          <thead>
            <tr>
              <Th>Object</Th>
              <Th>Type</Th>
              <Th>Disposition</Th>
              <Th>Detail</Th>
            </tr>
          </thead>
          <Tbody>
            {rows.map((o) => (
              <tr key={`${o.objectType}:${o.key}`} data-testid="diff-object" data-disposition={o.disposition}>
                <Td className="font-mono text-xs">{o.key}</Td>
                <Td className="text-xs">{o.objectType.replaceAll('_', ' ')}</Td>
                <Td>
                  <Badge tone={dispositionTone(o.disposition)}>{dispositionLabel(o.disposition)}</Badge>
                </Td>
                <Td className="text-xs text-slate-600">{o.detail ?? ''}</Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
    </div>
  );
}

/** The project select of the packages and promotion pages. */
export function ProjectPicker({
  tenant,
  value,
  onChange,
}: {
  tenant: string;
  value: string;
  onChange: (projectId: string) => void;
}) {
  const projects = useAllProjects(tenant);
  return (
    <SelectField
      id="project-picker"
      label="Project"
      value={value}
      disabled={projects.isPending}
      error={projects.isError ? errorMessage(projects.error) : undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{projects.isPending ? 'Loading projects…' : 'Choose a project'}</option>
      {(projects.data ?? []).map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </SelectField>
  );
}

/** An environment select (dev, test, prod) of one project. */
export function EnvironmentPicker({
  id,
  label,
  environments,
  value,
  onChange,
}: {
  id: string;
  label: string;
  environments: readonly Environment[];
  value: string;
  onChange: (environmentId: string) => void;
}) {
  return (
    <SelectField id={id} label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Choose an environment</option>
      {environments.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name}
          {e.isDefault ? ' (default)' : ''}
        </option>
      ))}
    </SelectField>
  );
}

/** A list query as the cards of these pages read it (a plain or a paged one). */
type ListQuery<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T[] | undefined;
  refetch: () => unknown;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  fetchNextPage?: () => unknown;
};

/**
 * A list's loading, error and empty states, then its rows (`children`), then Load more when the query
 * is paged and has another page.
 */
export function ListStates<T>({
  query,
  noun,
  empty,
  children,
}: {
  query: ListQuery<T>;
  /** What the list holds, for "Loading intents…" and "Could not load intents". */
  noun: string;
  empty: ReactNode;
  children: (rows: T[]) => ReactNode;
}) {
  if (query.isPending) return <LoadingState label={`Loading ${noun}…`} />;
  if (query.isError || !query.data)
    return (
      <ErrorState
        title={`Could not load ${noun}`}
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  if (query.data.length === 0) return <>{empty}</>;
  return (
    <>
      {children(query.data)}
      {query.fetchNextPage ? (
        <LoadMore
          hasNextPage={query.hasNextPage ?? false}
          isFetchingNextPage={query.isFetchingNextPage ?? false}
          fetchNextPage={query.fetchNextPage}
        />
      ) : null}
    </>
  );
}

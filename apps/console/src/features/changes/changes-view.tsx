'use client';

import type { Project } from '@ec3l/sdk';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Suspense, useState } from 'react';
import { NewPanel } from '@/components/new-panel';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { INLINE_SELECT } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { CHANGE_STATUSES, type Change, isChangeStatus, statusLabel } from '@/lib/changes';
import { cx } from '@/lib/cx';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { PERMISSION } from '@/lib/permissions';
import { filterByQuery, matchCount } from '@/lib/search';
import { type ChangeFilter, useChanges } from '@/queries/changes';
import { useCan } from '@/queries/me';
import { useAllProjects } from '@/queries/projects';
import { ChangeForm } from './change-form';
import { ChangeStatusBadge } from './change-status-badge';

const HEADER = {
  title: 'Changes',
  description:
    'Change records are how an active schema changes: draft the ops, dry-run them, check in, merge, revert.',
};

export function ChangesView() {
  return (
    <RequireTenant fallbackHeader={<PageHeader {...HEADER} />}>
      {(tenant) => (
        <Suspense
          fallback={
            <>
              <PageHeader {...HEADER} />
              <Card>
                <LoadingState label="Loading changes…" />
              </Card>
            </>
          }
        >
          <ChangesPage key={tenant} tenant={tenant} />
        </Suspense>
      )}
    </RequireTenant>
  );
}

/** The filters live in the URL (`?projectId=&status=`), so a filtered list can be linked to. */
const useChangeFilter = () => {
  const params = useSearchParams();
  const projectId = params.get('projectId') ?? '';
  const status = params.get('status') ?? '';
  const filter: ChangeFilter = {
    ...(projectId ? { projectId } : {}),
    ...(isChangeStatus(status) ? { status } : {}),
  };
  const setParam = (key: 'projectId' | 'status', value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    window.history.replaceState(null, '', query ? `/changes?${query}` : '/changes');
  };
  const clear = () => window.history.replaceState(null, '', '/changes');
  return { filter, setParam, clear };
};

function ChangesPage({ tenant }: { tenant: string }) {
  const { filter, setParam, clear } = useChangeFilter();
  const projects = useAllProjects(tenant);
  const can = useCan(tenant, PERMISSION.changeEdit);
  const projectList = projects.data ?? [];
  return (
    <>
      <PageHeader
        {...HEADER}
        actions={
          <NewPanel label="New change" title="New change" description={`In tenant ${tenant}`} gate={can}>
            {() =>
              projects.isPending ? (
                <LoadingState label="Loading projects…" />
              ) : projects.isError ? (
                <ErrorState
                  title="Could not load projects"
                  message={errorMessage(projects.error)}
                  onRetry={() => void projects.refetch()}
                />
              ) : projectList.length === 0 ? (
                <EmptyState
                  title="No projects yet"
                  description="A change belongs to a project."
                  action={
                    <Link
                      href="/projects"
                      className="text-sm font-semibold text-indigo-600 hover:text-indigo-500"
                    >
                      Create a project
                    </Link>
                  }
                />
              ) : (
                <ChangeForm
                  key={filter.projectId ?? ''}
                  tenant={tenant}
                  projects={projectList}
                  defaultProjectId={filter.projectId ?? ''}
                />
              )
            }
          </NewPanel>
        }
      />
      <Card aria-labelledby="changes-title">
        <ChangeList
          tenant={tenant}
          filter={filter}
          projects={projectList}
          onFilter={setParam}
          onClear={clear}
        />
      </Card>
    </>
  );
}

function ChangeList({
  tenant,
  filter,
  projects,
  onFilter,
  onClear,
}: {
  tenant: string;
  filter: ChangeFilter;
  projects: Project[];
  onFilter: (key: 'projectId' | 'status', value: string) => void;
  onClear: () => void;
}) {
  const query = useChanges(tenant, filter);
  const [search, setSearch] = useState('');
  const names = new Map(projects.map((p) => [p.id, p.name]));
  const filtered = Boolean(filter.projectId || filter.status);
  const shown = query.data
    ? filterByQuery(query.data, search, (c) => [
        c.title,
        c.description,
        names.get(c.projectId),
        c.createdBy,
        c.status,
      ])
    : undefined;
  return (
    <>
      <CardHeader
        titleId="changes-title"
        title="Change records"
        description={
          query.data && shown
            ? `${matchCount(shown.length, query.data.length, 'change')}${query.hasNextPage ? ' loaded' : ''}${filtered ? ' matching the filters' : ` in ${tenant}`}, newest first`
            : `Tenant ${tenant}`
        }
        actions={query.isFetching && !query.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
      />
      <form
        aria-label="Change filters"
        onSubmit={(event) => event.preventDefault()}
        className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/70 px-5 py-3"
      >
        <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
          Project
          <select
            aria-label="Filter by project"
            value={filter.projectId ?? ''}
            onChange={(event) => onFilter('projectId', event.target.value)}
            className={cx(INLINE_SELECT, 'min-w-44 text-sm')}
          >
            <option value="">All projects</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
          Status
          <select
            aria-label="Filter by status"
            value={filter.status ?? ''}
            onChange={(event) => onFilter('status', event.target.value)}
            className={cx(INLINE_SELECT, 'min-w-36 text-sm')}
          >
            <option value="">Any status</option>
            {CHANGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <Button variant="ghost" className="px-2.5 py-1 text-xs" onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
        <div className="ml-auto w-full sm:w-auto">
          <SearchBox label="Search changes" value={search} onChange={setSearch} testId="changes-search" />
        </div>
      </form>
      {query.isPending ? (
        <LoadingState label="Loading changes…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load changes"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState
          testId="changes-empty"
          title={filtered ? 'No changes match' : 'No changes yet'}
          description={
            filtered
              ? 'No change record matches these filters. Clear them to see every change.'
              : `Tenant ${tenant} has no change records. Create one with New change.`
          }
        />
      ) : shown && shown.length === 0 ? (
        <EmptyState
          testId="changes-no-match"
          title="No change matches"
          description={`No change record here matches “${search}”.`}
        />
      ) : (
        <ChangeTable changes={shown ?? []} projectName={(id) => names.get(id)} />
      )}
      {query.data && query.data.length > 0 ? (
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      ) : null}
    </>
  );
}

function ChangeTable({
  changes,
  projectName,
}: {
  changes: Change[];
  projectName: (id: string) => string | undefined;
}) {
  return (
    <Table label="Changes">
      <thead>
        <tr>
          <Th>Title</Th>
          <Th>Project</Th>
          <Th>Status</Th>
          <Th>Created</Th>
          <Th>Merged</Th>
        </tr>
      </thead>
      <Tbody>
        {changes.map((change) => (
          <tr key={change.id} data-testid="change-row" className="hover:bg-slate-50">
            <Td className="max-w-56">
              <Link
                href={`/changes/${change.id}`}
                className="block truncate font-medium text-indigo-600 hover:text-indigo-500 hover:underline"
              >
                {change.title}
              </Link>
              {change.revertsChangeId ? (
                <Badge tone="amber" className="mt-1">
                  revert
                </Badge>
              ) : change.createdBy ? (
                <div className="text-xs text-slate-500">by {change.createdBy}</div>
              ) : null}
            </Td>
            <Td className="whitespace-nowrap">
              {projectName(change.projectId) ?? (
                <span className="font-mono text-xs text-slate-500">{change.projectId.slice(0, 8)}</span>
              )}
            </Td>
            <Td>
              <ChangeStatusBadge status={change.status} />
            </Td>
            <Td className="text-slate-500">
              <Stamp iso={change.createdAt} />
            </Td>
            <Td className="text-slate-500">
              {change.mergedAt ? <Stamp iso={change.mergedAt} /> : <span className="text-slate-500">—</span>}
            </Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}

/** A date over its time, to keep the table narrow: `25 Nov 2026` / `13:08 UTC`. */
function Stamp({ iso }: { iso: string }) {
  const [day, time] = formatDateTime(iso).split(', ');
  return (
    <time dateTime={iso} className="block whitespace-nowrap">
      {day}
      {time ? <span className="block text-xs text-slate-500">{time}</span> : null}
    </time>
  );
}

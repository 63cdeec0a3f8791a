'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { countActiveFilters, parseDateRange } from '@/lib/admin';
import { CHANGE_STATUSES, type ChangeStatus, STATUS_TONES, statusLabel } from '@/lib/changes';
import { type ChangeFilter, useAdminChanges } from '@/queries/apps';
import { QueryError } from './forbidden-state';
import { FILTER_FORM, FilterActions, RefreshButton, When } from './log-parts';

type Filters = { status: ChangeStatus | ''; from: string; to: string };
const EMPTY: Filters = { status: '', from: '', to: '' };

/** Change records of the tenant, newest first, by status and creation date (UTC days). */
export function ChangesPanel({ tenant }: { tenant: string }) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [query, setQuery] = useState<ChangeFilter>({});
  const [problem, setProblem] = useState<string | null>(null);
  const changes = useAdminChanges(tenant, query);
  const onApply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const range = parseDateRange(filters.from, filters.to);
    setProblem(range.ok ? null : range.error);
    if (!range.ok) return;
    setQuery({ ...range.query, ...(filters.status ? { status: filters.status } : {}) });
  };
  const filtered = Object.keys(query).length > 0;
  return (
    <Card aria-labelledby="admin-changes-title">
      <CardHeader
        titleId="admin-changes-title"
        title="Changes"
        description="Change records of every project, newest first"
      />
      <form aria-label="Change filters" noValidate onSubmit={onApply} className={FILTER_FORM}>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-wrap items-end gap-3">
            <div className="w-48">
              <SelectField
                id="changes-status"
                label="Status"
                value={filters.status}
                onChange={(event) =>
                  setFilters((f) => ({ ...f, status: event.target.value as Filters['status'] }))
                }
              >
                <option value="">Any</option>
                {CHANGE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextField
              id="changes-from"
              label="From (UTC)"
              type="date"
              value={filters.from}
              onChange={(event) => setFilters((f) => ({ ...f, from: event.target.value }))}
            />
            <TextField
              id="changes-to"
              label="To (UTC)"
              type="date"
              value={filters.to}
              onChange={(event) => setFilters((f) => ({ ...f, to: event.target.value }))}
            />
            <FilterActions
              canReset={countActiveFilters(filters) > 0 || filtered}
              onReset={() => {
                setFilters(EMPTY);
                setProblem(null);
                setQuery({});
              }}
            />
          </div>
          <RefreshButton fetching={changes.isFetching} onRefresh={() => void changes.refetch()} />
        </div>
        {problem ? (
          <Alert tone="error" testId="changes-filter-error" className="mt-3">
            {problem}
          </Alert>
        ) : null}
      </form>
      {changes.isPending ? (
        <LoadingState label="Loading changes…" />
      ) : changes.isError ? (
        <QueryError
          tenant={tenant}
          error={changes.error}
          title="Could not load changes"
          onRetry={() => void changes.refetch()}
        />
      ) : changes.data.length === 0 ? (
        <EmptyState
          testId="admin-changes-empty"
          title={filtered ? 'No changes match these filters' : 'No changes yet'}
          description={
            filtered ? 'Widen the filters or reset them.' : 'Changes appear as projects are edited.'
          }
        />
      ) : (
        <>
          <Table label="Changes">
            <thead>
              <tr>
                <Th>Title</Th>
                <Th>Status</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <Tbody>
              {changes.data.map((c) => (
                <tr key={c.id} data-testid="admin-change-row">
                  <Td>
                    <Link href={`/changes/${c.id}`} className="font-medium text-indigo-600 hover:underline">
                      {c.title}
                    </Link>
                  </Td>
                  <Td>
                    <Badge tone={STATUS_TONES[c.status]}>{statusLabel(c.status)}</Badge>
                  </Td>
                  <Td className="text-slate-600">
                    <When iso={c.createdAt} />
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
          <LoadMore
            hasNextPage={changes.hasNextPage}
            isFetchingNextPage={changes.isFetchingNextPage}
            fetchNextPage={changes.fetchNextPage}
          />
        </>
      )}
    </Card>
  );
}

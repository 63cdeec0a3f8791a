'use client';

import { type FormEvent, useMemo, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import {
  countActiveFilters,
  EMPTY_TELEMETRY_FILTERS,
  entityHref,
  type TelemetryFilters,
  type TelemetryQuery,
  telemetryQuery,
} from '@/lib/admin';
import { useExecutionTelemetry } from '@/queries/admin';
import { QueryError } from './forbidden-state';
import { Actor, EntityRef, FILTER_FORM, FilterActions, Outcome, RefreshButton, When } from './log-parts';

/** The tenant's domain events (GET /api/admin/execution-telemetry), newest first. */
export function TelemetryPanel({ tenant }: { tenant: string }) {
  const [filters, setFilters] = useState<TelemetryFilters>(EMPTY_TELEMETRY_FILTERS);
  const [query, setQuery] = useState<TelemetryQuery>({});
  const [problem, setProblem] = useState<string | null>(null);
  const events = useExecutionTelemetry(tenant, query);
  const [seenTypes, setSeenTypes] = useState<string[]>([]);

  // Offer the event types seen so far as suggestions; keep them when a filter narrows the list.
  const types = useMemo(() => {
    const all = new Set([...seenTypes, ...(events.data ?? []).map((e) => e.eventType)]);
    return [...all].sort();
  }, [seenTypes, events.data]);

  const set = (field: keyof TelemetryFilters) => (event: { target: { value: string } }) =>
    setFilters((prev) => ({ ...prev, [field]: event.target.value }));

  const onApply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = telemetryQuery(filters);
    setProblem(parsed.ok ? null : parsed.error);
    if (!parsed.ok) return;
    setSeenTypes(types);
    setQuery(parsed.query);
  };
  const filtered = Object.keys(query).length > 0;

  return (
    <Card aria-labelledby="telemetry-title">
      <CardHeader
        titleId="telemetry-title"
        title="Execution telemetry"
        description="Domain events of the tenant: what ran, for whom, and how it ended"
      />
      <form aria-label="Telemetry filters" noValidate onSubmit={onApply} className={FILTER_FORM}>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-wrap items-end gap-3">
            <div className="w-60">
              <TextField
                id="telemetry-event-type"
                label="Event type"
                placeholder="Any, e.g. project.created"
                list="telemetry-event-types"
                value={filters.eventType}
                onChange={set('eventType')}
                autoComplete="off"
                spellCheck={false}
              />
              <datalist id="telemetry-event-types">
                {types.map((type) => (
                  <option key={type} value={type} />
                ))}
              </datalist>
            </div>
            <TextField
              id="telemetry-from"
              label="From (UTC)"
              type="date"
              value={filters.from}
              onChange={set('from')}
            />
            <TextField
              id="telemetry-to"
              label="To (UTC)"
              type="date"
              value={filters.to}
              onChange={set('to')}
            />
            <FilterActions
              canReset={countActiveFilters(filters) > 0 || filtered}
              onReset={() => {
                setFilters(EMPTY_TELEMETRY_FILTERS);
                setProblem(null);
                setQuery({});
              }}
            />
          </div>
          <RefreshButton fetching={events.isFetching} onRefresh={() => void events.refetch()} />
        </div>
        {problem ? (
          <Alert tone="error" testId="telemetry-filter-error" className="mt-3">
            {problem}
          </Alert>
        ) : null}
      </form>
      {events.isPending ? (
        <LoadingState label="Loading telemetry…" />
      ) : events.isError ? (
        <QueryError
          tenant={tenant}
          error={events.error}
          title="Could not load telemetry"
          onRetry={() => void events.refetch()}
        />
      ) : events.data.length === 0 ? (
        <EmptyState
          testId="telemetry-empty"
          title={filtered ? 'No events match these filters' : 'No events yet'}
          description={
            filtered
              ? 'Widen the filters or reset them.'
              : 'Events appear as projects, changes and workflows run.'
          }
        />
      ) : (
        <>
          <Table label="Execution telemetry">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Event</Th>
                <Th>Status</Th>
                <Th>Actor</Th>
                <Th>Module</Th>
                <Th>Subject</Th>
              </tr>
            </thead>
            <Tbody>
              {events.data.map((event) => (
                <tr key={event.id} data-testid="telemetry-row">
                  <Td className="text-slate-500">
                    <When iso={event.timestamp} precise />
                  </Td>
                  <Td>
                    <span className="font-mono text-xs text-slate-900">{event.eventType}</span>
                    <div className="text-xs text-slate-500">{event.executionType}</div>
                  </Td>
                  <Td>
                    <Outcome value={event.status} />
                    {event.errorCode || event.errorMessage ? (
                      <div className="mt-1 max-w-xs text-xs text-rose-600">
                        {[event.errorCode, event.errorMessage].filter(Boolean).join(': ')}
                      </div>
                    ) : null}
                  </Td>
                  <Td>
                    <Actor type={event.actorType} id={event.actorId} />
                  </Td>
                  <Td>
                    <Badge>{event.moduleId}</Badge>
                  </Td>
                  <Td className="text-xs text-slate-500">
                    <EntityRef
                      href={entityHref({ eventType: event.eventType }, event.executionId)}
                      id={event.executionId}
                      label={event.executionId.slice(0, 8)}
                    />
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
          <LoadMore
            hasNextPage={events.hasNextPage}
            isFetchingNextPage={events.isFetchingNextPage}
            fetchNextPage={events.fetchNextPage}
          />
        </>
      )}
    </Card>
  );
}

'use client';

import { type FormEvent, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { Tabs } from '@/components/ui/tabs';
import {
  type AuditLogFilters,
  type AuditLogQuery,
  auditLogQuery,
  countActiveFilters,
  type DateRangeQuery,
  EMPTY_AUDIT_LOG_FILTERS,
  entityHref,
  parseDateRange,
} from '@/lib/admin';
import { useAuditFeed, useAuditLogs } from '@/queries/audit';
import { usePermissions } from '@/queries/rbac';
import { QueryError } from './forbidden-state';
import { Actor, EntityRef, FILTER_FORM, FilterActions, Outcome, RefreshButton, When } from './log-parts';

type View = 'decisions' | 'feed';

/** Who was allowed or refused what (GET /api/rbac/audit-logs), and the feed that merges in domain events. */
export function AuditPanel({ tenant }: { tenant: string }) {
  const [view, setView] = useState<View>('decisions');
  return (
    <Card aria-labelledby="audit-title">
      <CardHeader
        titleId="audit-title"
        title="Audit log"
        description="Every authorization decision of the gateway, newest first"
      />
      <Tabs
        label="Audit views"
        active={view}
        onChange={setView}
        items={[
          { key: 'decisions', label: 'Access decisions' },
          { key: 'feed', label: 'Unified feed' },
        ]}
      >
        {view === 'decisions' ? <Decisions tenant={tenant} /> : <Feed tenant={tenant} />}
      </Tabs>
    </Card>
  );
}

function Decisions({ tenant }: { tenant: string }) {
  const permissions = usePermissions(tenant);
  const [filters, setFilters] = useState<AuditLogFilters>(EMPTY_AUDIT_LOG_FILTERS);
  const [query, setQuery] = useState<AuditLogQuery>({});
  const [problem, setProblem] = useState<string | null>(null);
  const logs = useAuditLogs(tenant, query);

  const set = (field: keyof AuditLogFilters) => (event: { target: { value: string } }) =>
    setFilters((prev) => ({ ...prev, [field]: event.target.value }));

  const onApply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = auditLogQuery(filters);
    setProblem(parsed.ok ? null : parsed.error);
    if (parsed.ok) setQuery(parsed.query);
  };
  const onReset = () => {
    setFilters(EMPTY_AUDIT_LOG_FILTERS);
    setProblem(null);
    setQuery({});
  };
  const filtered = Object.keys(query).length > 0;

  return (
    <>
      <form aria-label="Audit log filters" noValidate onSubmit={onApply} className={FILTER_FORM}>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <TextField
            id="audit-actor"
            label="Actor ID"
            placeholder="Any"
            value={filters.actorId}
            onChange={set('actorId')}
            autoComplete="off"
            spellCheck={false}
          />
          <SelectField
            id="audit-actor-type"
            label="Actor type"
            value={filters.actorType}
            onChange={set('actorType')}
          >
            <option value="">Any</option>
            <option value="user">user</option>
            <option value="agent">agent</option>
            <option value="system">system</option>
          </SelectField>
          <SelectField id="audit-outcome" label="Outcome" value={filters.outcome} onChange={set('outcome')}>
            <option value="">Any</option>
            <option value="allow">allow</option>
            <option value="deny">deny</option>
          </SelectField>
          <SelectField
            id="audit-permission"
            label="Permission"
            value={filters.permission}
            onChange={set('permission')}
          >
            <option value="">Any</option>
            {(permissions.data ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id="audit-from"
            label="From (UTC)"
            type="date"
            value={filters.from}
            onChange={set('from')}
          />
          <TextField id="audit-to" label="To (UTC)" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3">
          <FilterActions canReset={countActiveFilters(filters) > 0 || filtered} onReset={onReset} />
          <RefreshButton fetching={logs.isFetching} onRefresh={() => void logs.refetch()} />
        </div>
        {problem ? (
          <Alert tone="error" testId="audit-filter-error" className="mt-3">
            {problem}
          </Alert>
        ) : null}
      </form>
      {logs.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : logs.isError ? (
        <QueryError
          tenant={tenant}
          error={logs.error}
          title="Could not load the audit log"
          onRetry={() => void logs.refetch()}
        />
      ) : logs.data.length === 0 ? (
        <EmptyState
          testId="audit-empty"
          title={filtered ? 'No decisions match these filters' : 'No decisions recorded yet'}
          description={
            filtered
              ? 'Widen the filters or reset them.'
              : 'Every guarded request the gateway answers is recorded here.'
          }
        />
      ) : (
        <>
          <Table label="Audit log">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Actor</Th>
                <Th>Permission</Th>
                <Th>Outcome</Th>
                <Th>Reason</Th>
              </tr>
            </thead>
            <Tbody>
              {logs.data.map((entry) => (
                <tr key={entry.id} data-testid="audit-row">
                  <Td className="text-slate-500">
                    <When iso={entry.timestamp} precise />
                  </Td>
                  <Td>
                    <Actor type={entry.actorType} id={entry.actorId} />
                  </Td>
                  <Td>
                    <span className="font-mono text-xs">{entry.permission}</span>
                    {entry.resourceType ? (
                      <div className="text-xs text-slate-500">
                        on {entry.resourceType}{' '}
                        {entry.resourceId ? (
                          <EntityRef
                            href={entityHref({ resourceType: entry.resourceType }, entry.resourceId)}
                            id={entry.resourceId}
                          />
                        ) : (
                          '(all)'
                        )}
                      </div>
                    ) : null}
                  </Td>
                  <Td>
                    <Outcome value={entry.outcome} />
                  </Td>
                  <Td className="text-slate-600">{entry.reason}</Td>
                </tr>
              ))}
            </Tbody>
          </Table>
          <LoadMore
            hasNextPage={logs.hasNextPage}
            isFetchingNextPage={logs.isFetchingNextPage}
            fetchNextPage={logs.fetchNextPage}
          />
        </>
      )}
    </>
  );
}

function Feed({ tenant }: { tenant: string }) {
  const [range, setRange] = useState({ from: '', to: '' });
  const [query, setQuery] = useState<DateRangeQuery>({});
  const [problem, setProblem] = useState<string | null>(null);
  const feed = useAuditFeed(tenant, query);

  const onApply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseDateRange(range.from, range.to);
    setProblem(parsed.ok ? null : parsed.error);
    if (parsed.ok) setQuery(parsed.query);
  };
  const filtered = Object.keys(query).length > 0;

  return (
    <>
      <form aria-label="Audit feed filters" noValidate onSubmit={onApply} className={FILTER_FORM}>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="flex flex-wrap items-end gap-3">
            <TextField
              id="feed-from"
              label="From (UTC)"
              type="date"
              value={range.from}
              onChange={(event) => setRange((prev) => ({ ...prev, from: event.target.value }))}
            />
            <TextField
              id="feed-to"
              label="To (UTC)"
              type="date"
              value={range.to}
              onChange={(event) => setRange((prev) => ({ ...prev, to: event.target.value }))}
            />
            <FilterActions
              canReset={countActiveFilters(range) > 0 || filtered}
              onReset={() => {
                setRange({ from: '', to: '' });
                setProblem(null);
                setQuery({});
              }}
            />
          </div>
          <RefreshButton fetching={feed.isFetching} onRefresh={() => void feed.refetch()} />
        </div>
        {problem ? (
          <Alert tone="error" testId="feed-filter-error" className="mt-3">
            {problem}
          </Alert>
        ) : null}
      </form>
      {feed.isPending ? (
        <LoadingState label="Loading the feed…" />
      ) : feed.isError ? (
        <QueryError
          tenant={tenant}
          error={feed.error}
          title="Could not load the audit feed"
          onRetry={() => void feed.refetch()}
        />
      ) : feed.data.length === 0 ? (
        <EmptyState
          title={filtered ? 'Nothing in this date range' : 'Nothing recorded yet'}
          description="Access decisions and domain events of the tenant appear here together."
        />
      ) : (
        <>
          <Table label="Audit feed">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Source</Th>
                <Th>Actor</Th>
                <Th>What</Th>
                <Th>Outcome</Th>
                <Th>Summary</Th>
              </tr>
            </thead>
            <Tbody>
              {feed.data.map((entry) => (
                <tr key={`${entry.source}:${entry.id}`} data-testid="feed-row">
                  <Td className="text-slate-500">
                    <When iso={entry.timestamp} precise />
                  </Td>
                  <Td>
                    <Badge tone={entry.source === 'rbac' ? 'indigo' : 'sky'}>
                      {entry.source === 'rbac' ? 'access' : 'event'}
                    </Badge>
                  </Td>
                  <Td>
                    <Actor type={entry.actorType} id={entry.actorId} />
                  </Td>
                  <Td>
                    <span className="font-mono text-xs">{entry.kind}</span>
                    {entry.entityType || entry.entityId ? (
                      <div className="text-xs text-slate-500">
                        {entry.entityType ? `${entry.entityType} ` : ''}
                        {entry.entityId ? (
                          <EntityRef
                            href={
                              entry.source === 'rbac'
                                ? entityHref({ resourceType: entry.entityType }, entry.entityId)
                                : entityHref({ eventType: entry.kind }, entry.entityId)
                            }
                            id={entry.entityId}
                            label={entry.entityId.slice(0, 8)}
                          />
                        ) : null}
                      </div>
                    ) : null}
                  </Td>
                  <Td>
                    <Outcome value={entry.outcome} />
                  </Td>
                  <Td className="text-slate-600">{entry.summary}</Td>
                </tr>
              ))}
            </Tbody>
          </Table>
          <LoadMore
            hasNextPage={feed.hasNextPage}
            isFetchingNextPage={feed.isFetchingNextPage}
            fetchNextPage={feed.fetchNextPage}
          />
        </>
      )}
    </>
  );
}

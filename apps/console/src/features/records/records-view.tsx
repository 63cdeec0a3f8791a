'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { NewPanel } from '@/components/new-panel';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { INLINE_SELECT, SelectField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { SlideOver } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { type ActionGate, allOf, PERMISSION } from '@/lib/permissions';
import { describeAssignment, describeSla } from '@/lib/record-configs';
import type { RecordType } from '@/lib/record-types';
import {
  assigneeOf,
  describeProcessed,
  displayValue,
  type FieldFilter,
  keyFieldsOf,
  type RecordInstance,
  type RecordTimer,
  type SlaState,
  shortId,
  slaStateOf,
  timerEvents,
} from '@/lib/records';
import { useCan } from '@/queries/me';
import {
  useProcessTimers,
  useRecord,
  useRecords,
  useRecordTimers,
  useTenantRecordTypes,
  useTimersOfRecords,
} from '@/queries/records';
import { RecordFormThroughActiveForm } from './record-form';

const HEADER = {
  title: 'Records',
  description:
    'The records of an active record type: create them through its active form (or from its schema), filter, open and edit them.',
};

export function RecordsView() {
  return (
    <RequireTenant fallbackHeader={<PageHeader {...HEADER} />}>
      {(tenant) => (
        <Suspense
          fallback={
            <>
              <PageHeader {...HEADER} />
              <Card>
                <LoadingState label="Loading record types…" />
              </Card>
            </>
          }
        >
          <RecordsPage key={tenant} tenant={tenant} />
        </Suspense>
      )}
    </RequireTenant>
  );
}

/** The picked record type lives in the URL (`?recordTypeId=`), so a list can be linked to. */
const usePickedType = () => {
  const params = useSearchParams();
  const [picked, setPicked] = useState(params.get('recordTypeId') ?? '');
  const pick = (id: string) => {
    setPicked(id);
    window.history.replaceState(null, '', id ? `/records?recordTypeId=${id}` : '/records');
  };
  return { picked, pick };
};

function RecordsPage({ tenant }: { tenant: string }) {
  const types = useTenantRecordTypes(tenant);
  const { picked, pick } = usePickedType();
  const recordEdit = useCan(tenant, PERMISSION.recordEdit);
  const active = (types.data ?? []).filter((rt) => rt.status === 'active');
  const recordType = active.find((rt) => rt.id === picked) ?? null;
  const [filters, setFilters] = useState<FieldFilter[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const pickGate: ActionGate = recordType
    ? { allowed: true, reason: undefined }
    : { allowed: false, reason: 'Pick a record type first' };

  return (
    <>
      <PageHeader
        {...HEADER}
        actions={
          <>
            <ProcessTimersButton tenant={tenant} />
            <NewPanel
              label="New record"
              title={recordType ? `New ${recordType.name} record` : 'New record'}
              description="Through the record type's active form, or generated from its schema; * marks required fields."
              gate={allOf(pickGate, recordEdit)}
              testId="new-record"
            >
              {(close) =>
                recordType ? (
                  <RecordFormThroughActiveForm
                    tenant={tenant}
                    recordType={recordType}
                    recordTypes={types.data ?? []}
                    onSaved={(record) => {
                      close();
                      setOpenId(record.id);
                    }}
                  />
                ) : null
              }
            </NewPanel>
          </>
        }
      />
      <Card className="mb-6 px-5 py-4">
        {types.isPending ? (
          <LoadingState label="Loading record types…" />
        ) : types.isError ? (
          <ErrorState
            title="Could not load record types"
            message={errorMessage(types.error)}
            onRetry={() => void types.refetch()}
          />
        ) : active.length === 0 ? (
          <EmptyState
            testId="records-no-types"
            title="No active record types"
            description="Records belong to an active record type. Create one in a project and activate it."
          />
        ) : (
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <SelectField
              id="records-type"
              label="Record type"
              value={recordType?.id ?? ''}
              onChange={(event) => {
                pick(event.target.value);
                setFilters([]);
                setOpenId(null);
              }}
            >
              <option value="">Pick a record type</option>
              {active.map((rt) => (
                <option key={rt.id} value={rt.id}>
                  {rt.name} ({rt.key})
                </option>
              ))}
            </SelectField>
            {recordType ? (
              <dl className="grid grid-cols-1 gap-2 text-sm" data-testid="records-type-config">
                <div>
                  <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">Assignment</dt>
                  <dd className="text-slate-900">{describeAssignment(recordType.assignmentConfig)}</dd>
                </div>
                <div>
                  <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">SLA</dt>
                  <dd className="text-slate-900">{describeSla(recordType.slaConfig)}</dd>
                </div>
              </dl>
            ) : null}
          </div>
        )}
      </Card>
      {recordType ? (
        <RecordsTable
          tenant={tenant}
          recordType={recordType}
          filters={filters}
          setFilters={setFilters}
          onOpen={setOpenId}
        />
      ) : null}
      {recordType ? (
        <RecordPanel
          tenant={tenant}
          recordType={recordType}
          recordTypes={types.data ?? []}
          id={openId}
          gate={recordEdit}
          onClose={() => setOpenId(null)}
        />
      ) : null}
    </>
  );
}

function FilterBar({
  recordType,
  filters,
  setFilters,
}: {
  recordType: RecordType;
  filters: FieldFilter[];
  setFilters: (filters: FieldFilter[]) => void;
}) {
  const filterable = recordType.schema.fields.filter((f) => f.type !== 'text');
  const [field, setField] = useState(filterable[0]?.name ?? '');
  const [value, setValue] = useState('');
  if (filterable.length === 0) return null;
  const add = () => {
    if (!field || value.trim() === '') return;
    setFilters([...filters.filter((f) => f.field !== field), { field, value: value.trim() }]);
    setValue('');
  };
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3 text-sm">
      <select
        aria-label="Filter field"
        className={INLINE_SELECT}
        value={field}
        onChange={(e) => setField(e.target.value)}
      >
        {filterable.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label ?? f.name}
          </option>
        ))}
      </select>
      <span className="text-slate-600">equals</span>
      <input
        aria-label="Filter value"
        className="rounded-md border-0 px-2 py-1 text-xs text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') add();
        }}
      />
      <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={add}>
        Add filter
      </Button>
      {filters.map((f) => (
        <span key={f.field} className="inline-flex items-center gap-1" data-testid="record-filter">
          <Badge tone="indigo">
            {f.field} = {f.value}
          </Badge>
          <Button
            variant="ghost"
            className="px-1.5 py-0.5 text-xs"
            aria-label={`Remove filter ${f.field}`}
            onClick={() => setFilters(filters.filter((x) => x.field !== f.field))}
          >
            ×
          </Button>
        </span>
      ))}
    </div>
  );
}

function RecordsTable({
  tenant,
  recordType,
  filters,
  setFilters,
  onOpen,
}: {
  tenant: string;
  recordType: RecordType;
  filters: FieldFilter[];
  setFilters: (filters: FieldFilter[]) => void;
  onOpen: (id: string) => void;
}) {
  const records = useRecords(tenant, recordType.id, filters);
  const keyFields = keyFieldsOf(recordType.schema.fields);
  const rows = records.data ?? [];
  const timers = useTimersOfRecords(
    tenant,
    recordType.slaConfig !== null && records.data ? rows.map((r) => r.id) : null,
  );
  return (
    <Card aria-labelledby="records-title">
      <CardHeader
        titleId="records-title"
        title={`${recordType.name} records`}
        description={
          records.data ? `${rows.length}${records.hasNextPage ? '+' : ''} shown, newest first` : undefined
        }
        actions={
          records.isFetching && !records.isPending ? <Spinner className="size-4 text-slate-500" /> : null
        }
      />
      <FilterBar key={recordType.id} recordType={recordType} filters={filters} setFilters={setFilters} />
      {records.isPending ? (
        <LoadingState label="Loading records…" />
      ) : records.isError ? (
        <ErrorState
          title="Could not load records"
          message={errorMessage(records.error)}
          onRetry={() => void records.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          testId="records-empty"
          title={filters.length > 0 ? 'No records match the filters' : 'No records yet'}
          description={
            filters.length > 0 ? 'Remove a filter to see more.' : 'Create the first one with “New record”.'
          }
        />
      ) : (
        <>
          <Table label={`${recordType.name} records`}>
            <thead>
              <tr>
                <Th>ID</Th>
                {keyFields.map((f) => (
                  <Th key={f.name}>{f.label ?? f.name}</Th>
                ))}
                <Th>Assigned</Th>
                <Th>SLA</Th>
                <Th>Created by</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <Tbody>
              {rows.map((record) => (
                <tr key={record.id} data-testid="record-row">
                  <Td>
                    <button
                      type="button"
                      className="font-mono text-xs text-indigo-600 hover:underline"
                      onClick={() => onOpen(record.id)}
                      aria-label={`Open record ${shortId(record.id)}`}
                    >
                      {shortId(record.id)}
                    </button>
                  </Td>
                  {keyFields.map((f) => (
                    <Td key={f.name} data-testid={`record-cell-${f.name}`}>
                      {displayValue(f, record.data[f.name])}
                    </Td>
                  ))}
                  <Td>{assigneeOf(record) ?? <span className="text-slate-500">Unassigned</span>}</Td>
                  <Td>
                    <SlaBadge
                      timed={recordType.slaConfig !== null}
                      timers={timers}
                      timer={timers.data?.get(record.id)?.[0]}
                    />
                  </Td>
                  <Td className="text-slate-600">{record.createdBy ?? '—'}</Td>
                  <Td className="whitespace-nowrap text-slate-600">{formatDateTime(record.createdAt)}</Td>
                </tr>
              ))}
            </Tbody>
          </Table>
          <LoadMore
            hasNextPage={records.hasNextPage}
            isFetchingNextPage={records.isFetchingNextPage}
            fetchNextPage={records.fetchNextPage}
          />
        </>
      )}
    </Card>
  );
}

const SLA_TONES: Record<SlaState['key'], Tone> = {
  breached: 'rose',
  warning: 'amber',
  paused: 'neutral',
  on_time: 'emerald',
  met: 'indigo',
};

/** The record's SLA badge, from its timer (read with the page's): breached, warning, paused, on time, met. */
function SlaBadge({
  timed,
  timers,
  timer,
}: {
  timed: boolean;
  timers: { isPending: boolean; isError: boolean };
  timer: RecordTimer | undefined;
}) {
  if (!timed) return <span className="text-slate-500">—</span>;
  if (timers.isPending) return <Spinner className="size-3.5 text-slate-500" />;
  if (timers.isError) return <span className="text-slate-600">Unknown</span>;
  const state = slaStateOf(timer, new Date());
  if (!state || !timer) return <span className="text-slate-500">No timer</span>;
  return (
    <span className="inline-flex flex-col items-start gap-0.5">
      <Badge tone={SLA_TONES[state.key]} testId="sla-badge">
        {state.label}
      </Badge>
      {state.key === 'on_time' || state.key === 'warning' ? (
        <span className="text-xs whitespace-nowrap text-slate-600">due {formatDateTime(timer.dueAt)}</span>
      ) : null}
    </span>
  );
}

/** "Process timers" for holders of automation.run: breaches and warns the tenant's due timers now. */
function ProcessTimersButton({ tenant }: { tenant: string }) {
  const gate = useCan(tenant, PERMISSION.automationRun);
  const process = useProcessTimers(tenant);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <GatedButton
        variant="secondary"
        gate={gate}
        busy={process.isPending}
        onClick={() => process.mutate()}
        data-testid="process-timers"
      >
        Process timers
      </GatedButton>
      {process.isSuccess ? (
        <span role="status" className="text-xs text-slate-700" data-testid="process-timers-result">
          {describeProcessed(process.data)}
        </span>
      ) : process.isError ? (
        <span role="alert" className="text-xs text-rose-700">
          {errorMessage(process.error)}
        </span>
      ) : null}
    </span>
  );
}

function RecordPanel({
  tenant,
  recordType,
  recordTypes,
  id,
  gate,
  onClose,
}: {
  tenant: string;
  recordType: RecordType;
  recordTypes: readonly RecordType[];
  id: string | null;
  gate: ActionGate;
  onClose: () => void;
}) {
  const record = useRecord(tenant, id);
  const [editing, setEditing] = useState(false);
  const [reloads, setReloads] = useState(0);
  const close = () => {
    setEditing(false);
    onClose();
  };
  return (
    <SlideOver
      open={id !== null}
      title={id ? `Record ${shortId(id)}` : 'Record'}
      description={recordType.name}
      onClose={close}
      testId="record-panel"
    >
      {record.isPending ? (
        <LoadingState label="Loading record…" />
      ) : record.isError ? (
        <ErrorState
          title="Could not load the record"
          message={errorMessage(record.error)}
          onRetry={() => void record.refetch()}
        />
      ) : editing ? (
        <RecordFormThroughActiveForm
          key={`${record.data.id}:${reloads}`}
          tenant={tenant}
          recordType={recordType}
          recordTypes={recordTypes}
          record={record.data}
          onSaved={() => setEditing(false)}
          onReloaded={() => setReloads((n) => n + 1)}
        />
      ) : (
        <RecordDetail
          tenant={tenant}
          record={record.data}
          recordType={recordType}
          gate={gate}
          onEdit={() => setEditing(true)}
        />
      )}
    </SlideOver>
  );
}

function RecordDetail({
  tenant,
  record,
  recordType,
  gate,
  onEdit,
}: {
  tenant: string;
  record: RecordInstance;
  recordType: RecordType;
  gate: ActionGate;
  onEdit: () => void;
}) {
  const timers = useRecordTimers(tenant, recordType.slaConfig ? record.id : null);
  const timer = timers.data?.[0];
  const sla = slaStateOf(timer, new Date());
  const history = [
    { at: record.createdAt, text: `Created by ${record.createdBy ?? 'someone'}` },
    ...(timer ? timerEvents(timer) : []),
    ...(record.version > 1
      ? [{ at: record.updatedAt, text: `Last updated (version ${record.version})` }]
      : []),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <div className="space-y-6 px-5 py-5">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>v{record.version}</Badge>
        <span className="text-sm text-slate-700">{assigneeOf(record) ?? 'Unassigned'}</span>
        {sla ? (
          <Badge tone={SLA_TONES[sla.key]} testId="record-sla">
            SLA {sla.label.toLowerCase()}
          </Badge>
        ) : null}
        <span className="ml-auto">
          <GatedButton variant="secondary" gate={gate} onClick={onEdit} data-testid="edit-record">
            Edit
          </GatedButton>
        </span>
      </div>
      <dl className="divide-y divide-slate-100 text-sm" data-testid="record-data">
        {recordType.schema.fields.map((f) => (
          <div key={f.name} className="grid grid-cols-3 gap-2 py-2">
            <dt className="text-slate-600">{f.label ?? f.name}</dt>
            <dd className="col-span-2 break-words text-slate-900" data-testid={`record-value-${f.name}`}>
              {displayValue(f, record.data[f.name])}
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="record-history">
        <h3 id="record-history" className="text-sm font-semibold text-slate-900">
          Timeline
        </h3>
        <ol className="mt-2 space-y-2 border-l border-slate-200 pl-4 text-sm">
          {history.map((h) => (
            <li key={`${h.at}:${h.text}`}>
              <span className="text-slate-900">{h.text}</span>{' '}
              <span className="text-slate-600">· {formatDateTime(h.at)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { NewPanel } from '@/components/new-panel';
import { Badge } from '@/components/ui/badge';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { errorMessage } from '@/lib/errors';
import { PERMISSION } from '@/lib/permissions';
import { countFields, RECORD_TYPE_TONES, type RecordType } from '@/lib/record-types';
import { filterByQuery } from '@/lib/search';
import { useCan } from '@/queries/me';
import { RecordTypeForm } from './record-type-form';

type RecordTypesQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: RecordType[] | undefined;
  refetch: () => unknown;
};

/** The project's record types (the data dictionary), searchable, and New record type in a slide-over. */
export function RecordTypesPanel({
  tenant,
  projectId,
  query,
}: {
  tenant: string;
  projectId: string;
  query: RecordTypesQuery;
}) {
  const can = useCan(tenant, PERMISSION.schemaEdit);
  const [search, setSearch] = useState('');
  const shown = query.data
    ? filterByQuery(query.data, search, (rt) => [rt.key, rt.name, rt.baseType, rt.status])
    : undefined;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-5 py-3">
        <SearchBox
          label="Search record types"
          value={search}
          onChange={setSearch}
          testId="record-types-search"
        />
        <NewPanel
          label="New record type"
          title="New record type"
          description="A draft record type of this project"
          gate={can}
        >
          {() => <RecordTypeForm tenant={tenant} projectId={projectId} recordTypes={query.data ?? []} />}
        </NewPanel>
      </div>
      {query.isPending ? (
        <LoadingState label="Loading record types…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load record types"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : !query.data || query.data.length === 0 ? (
        <EmptyState
          testId="record-types-empty"
          title="No record types yet"
          description="Record types are the project's typed schemas. Create the first one with New record type."
        />
      ) : shown && shown.length === 0 ? (
        <EmptyState
          testId="record-types-no-match"
          title="No record type matches"
          description={`No record type of the project matches “${search}”.`}
        />
      ) : (
        <RecordTypeTable projectId={projectId} recordTypes={shown ?? []} />
      )}
    </>
  );
}

function RecordTypeTable({ projectId, recordTypes }: { projectId: string; recordTypes: RecordType[] }) {
  return (
    <Table label="Record types">
      <thead>
        <tr>
          <Th>Key</Th>
          <Th>Name</Th>
          <Th>Base type</Th>
          <Th>Status</Th>
          <Th>Version</Th>
          <Th>Fields</Th>
        </tr>
      </thead>
      <Tbody>
        {recordTypes.map((rt) => {
          const { total, inherited } = countFields(rt);
          return (
            <tr key={rt.id} data-testid="record-type-row" className="hover:bg-slate-50">
              <Td>
                <Link
                  href={`/projects/${projectId}/record-types/${rt.id}`}
                  className="font-mono font-medium text-indigo-600 hover:text-indigo-500 hover:underline"
                >
                  {rt.key}
                </Link>
              </Td>
              <Td className="font-medium text-slate-900">{rt.name}</Td>
              <Td className="font-mono text-xs">
                {rt.baseType ?? <span className="text-slate-500">—</span>}
              </Td>
              <Td>
                <Badge tone={RECORD_TYPE_TONES[rt.status]}>{rt.status}</Badge>
              </Td>
              <Td className="tabular-nums">v{rt.version}</Td>
              <Td className="tabular-nums">
                {total}
                {inherited > 0 ? (
                  <span className="ml-1 text-xs text-slate-500">({inherited} inherited)</span>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

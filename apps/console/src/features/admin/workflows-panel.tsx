'use client';

import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { plural } from '@/lib/format';
import { labelOf, statusTone } from '@/lib/workflows';
import { useAdminWorkflows } from '@/queries/workflows';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

/** The tenant's workflow definitions, read-only; each opens in the workflow builder. */
export function WorkflowsPanel({ tenant }: { tenant: string }) {
  const query = useAdminWorkflows(tenant);
  return (
    <Card aria-labelledby="admin-workflows-title">
      <CardHeader
        titleId="admin-workflows-title"
        title="Workflows"
        description={
          query.data
            ? `${plural(query.data.length, 'definition')}${query.hasNextPage ? ' loaded' : ''} in ${tenant}`
            : `Tenant ${tenant}`
        }
        actions={
          <Link href="/workflows" className="text-sm font-semibold text-indigo-600 hover:text-indigo-500">
            Open the builder
          </Link>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading workflows…" />
      ) : query.isError ? (
        <QueryError
          tenant={tenant}
          error={query.error}
          title="Could not load workflows"
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState title="No workflows yet" description="Definitions created in the builder show here." />
      ) : (
        <Table label="Workflow definitions">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Trigger</Th>
              <Th>Status</Th>
              <Th>Version</Th>
              <Th>Updated</Th>
            </tr>
          </thead>
          <Tbody>
            {query.data.map((d) => (
              <tr key={d.id}>
                <Td>
                  <Link href={`/workflows/${d.id}`} className="font-medium text-indigo-600 hover:underline">
                    {d.name}
                  </Link>
                </Td>
                <Td>{labelOf(d.triggerType)}</Td>
                <Td>
                  <Badge tone={statusTone(d.status)}>{d.status}</Badge>
                </Td>
                <Td>v{d.version}</Td>
                <Td>
                  <When iso={d.updatedAt} />
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
      {query.data && query.data.length > 0 ? (
        <LoadMore
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
        />
      ) : null}
    </Card>
  );
}

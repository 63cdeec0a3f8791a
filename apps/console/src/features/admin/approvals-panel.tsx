'use client';

import Link from 'next/link';
import { Card, CardHeader } from '@/components/ui/card';
import { LoadMore } from '@/components/ui/load-more';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { plural } from '@/lib/format';
import { useAdminApprovals } from '@/queries/workflows';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

/** Every pending approval of the tenant, read-only; decisions are taken in the workflow monitor. */
export function ApprovalsPanel({ tenant }: { tenant: string }) {
  const query = useAdminApprovals(tenant);
  return (
    <Card aria-labelledby="admin-approvals-title">
      <CardHeader
        titleId="admin-approvals-title"
        title="Pending approvals"
        description={
          query.data
            ? `${plural(query.data.length, 'approval')}${query.hasNextPage ? ' loaded' : ''} waiting in ${tenant}`
            : `Tenant ${tenant}`
        }
        actions={
          <Link
            href="/workflow-monitor"
            className="text-sm font-semibold text-indigo-600 hover:text-indigo-500"
          >
            Open the monitor
          </Link>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading approvals…" />
      ) : query.isError ? (
        <QueryError
          tenant={tenant}
          error={query.error}
          title="Could not load approvals"
          onRetry={() => void query.refetch()}
        />
      ) : query.data.length === 0 ? (
        <EmptyState title="No pending approvals" description="No execution waits on an approver." />
      ) : (
        <Table label="Pending approvals">
          <thead>
            <tr>
              <Th>Execution</Th>
              <Th>Approvers</Th>
              <Th>Decisions</Th>
              <Th>Deadline</Th>
              <Th>Asked</Th>
            </tr>
          </thead>
          <Tbody>
            {query.data.map((a) => (
              <tr key={a.id}>
                <Td>
                  <Link
                    href={`/workflow-monitor?executionId=${a.workflowExecutionId}`}
                    className="font-mono text-xs text-indigo-600 hover:underline"
                  >
                    {a.workflowExecutionId.slice(0, 8)}
                  </Link>
                </Td>
                <Td className="max-w-48 truncate">{a.approvers.join(', ')}</Td>
                <Td>{a.decisions.length}</Td>
                <Td>{a.deadlineAt ? <When iso={a.deadlineAt} /> : '—'}</Td>
                <Td>
                  <When iso={a.createdAt} />
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

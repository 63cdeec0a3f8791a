'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { errorMessage, isNotFound } from '@/lib/errors';
import { useRecordType } from '@/queries/record-types';

/** Loads a record type by id and replaces the URL with its page under its project. */
export function RecordTypeLocator({ id }: { id: string }) {
  return (
    <RequireTenant fallbackHeader={<PageHeader title="Record type" />}>
      {(tenant) => <Locate key={`${tenant}/${id}`} tenant={tenant} id={id} />}
    </RequireTenant>
  );
}

function Locate({ tenant, id }: { tenant: string; id: string }) {
  const router = useRouter();
  const recordType = useRecordType(tenant, id);
  const target = recordType.data ? `/projects/${recordType.data.projectId}/record-types/${id}` : null;
  useEffect(() => {
    if (target) router.replace(target);
  }, [router, target]);
  return (
    <>
      <PageHeader title="Record type" />
      <Card>
        {recordType.isError ? (
          isNotFound(recordType.error) ? (
            <EmptyState
              title={`Record type not found in tenant ${tenant}`}
              description="It may belong to another tenant."
              action={
                <Link
                  href="/projects"
                  className="text-sm font-semibold text-indigo-600 hover:text-indigo-500"
                >
                  Back to projects
                </Link>
              }
            />
          ) : (
            <ErrorState
              title="Could not load the record type"
              message={errorMessage(recordType.error)}
              onRetry={() => void recordType.refetch()}
            />
          )
        ) : (
          <LoadingState label="Opening the record type…" />
        )}
      </Card>
    </>
  );
}

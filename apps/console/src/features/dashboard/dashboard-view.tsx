'use client';

import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Card } from '@/components/ui/card';
import { ErrorState, Spinner } from '@/components/ui/states';
import { errorMessage } from '@/lib/errors';
import { useDashboardSummary } from '@/queries/dashboard';

export function DashboardView() {
  return (
    <>
      <PageHeader title="Dashboard" description="An overview of the tenant's configuration." />
      <RequireTenant>{(tenant) => <Summary tenant={tenant} />}</RequireTenant>
    </>
  );
}

function Summary({ tenant }: { tenant: string }) {
  const summary = useDashboardSummary(tenant);
  if (summary.isError) {
    return (
      <Card>
        <ErrorState
          title="Could not load the dashboard"
          message={errorMessage(summary.error)}
          onRetry={() => void summary.refetch()}
        />
      </Card>
    );
  }
  const data = summary.data;
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-2" aria-busy={summary.isPending}>
        <Stat
          label="Projects"
          testId="stat-projects"
          value={data?.projects}
          hint="Each with dev, test and prod"
        />
        <Stat
          label="Environments"
          testId="stat-environments"
          value={data?.environments}
          hint="Across all projects"
        />
      </dl>
      {data && data.projects === 0 ? (
        <Card className="px-5 py-6">
          <h2 className="text-sm font-semibold text-slate-900">No projects in {tenant} yet</h2>
          <p className="mt-1 text-sm text-slate-500">
            A project groups modules and comes with dev, test and prod environments.
          </p>
          <Link
            href="/projects"
            className="mt-4 inline-flex rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500"
          >
            Create the first project
          </Link>
        </Card>
      ) : (
        <Link
          href="/projects"
          className="inline-flex items-center gap-1 text-sm font-semibold text-indigo-600 hover:text-indigo-500"
        >
          View all projects <span aria-hidden="true">→</span>
        </Link>
      )}
    </div>
  );
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: number | undefined;
  hint: string;
  testId: string;
}) {
  return (
    <div className="rounded-xl bg-white px-5 py-5 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="mt-2 flex items-baseline gap-2">
        {value === undefined ? (
          <span className="flex h-9 items-center" role="status" aria-label={`Loading ${label.toLowerCase()}`}>
            <Spinner />
          </span>
        ) : (
          <span className="text-3xl font-semibold tracking-tight text-slate-900" data-testid={testId}>
            {value}
          </span>
        )}
      </dd>
      <p className="mt-1 text-xs text-slate-500">{hint}</p>
    </div>
  );
}

'use client';

import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { EntityRef, When } from '@/features/admin/log-parts';
import { ChangeStatusBadge } from '@/features/changes/change-status-badge';
import { entityHref } from '@/lib/admin';
import { errorMessage } from '@/lib/errors';
import { ADMIN_VIEW } from '@/lib/permissions';
import { useAuditLogs } from '@/queries/audit';
import { type ChangeFilter, useChanges } from '@/queries/changes';
import { useDashboardSummary } from '@/queries/dashboard';
import { useCan } from '@/queries/me';
import { useAllProjects } from '@/queries/projects';

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
      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
        <ChangesCard
          tenant={tenant}
          id="recent-changes"
          title="Recent changes"
          description="The newest change records"
          filter={{}}
          empty="No change records yet."
          moreHref="/changes"
        />
        <ChangesCard
          tenant={tenant}
          id="waiting-approval"
          title="Waiting for approval"
          description="Ready: checked in, waiting to be merged"
          filter={{ status: 'Ready' }}
          empty="No change is waiting to be merged."
          moreHref="/changes?status=Ready"
        />
        <ChangesCard
          tenant={tenant}
          id="failed-validations"
          title="Failed validations"
          description="Check-ins that found problems"
          filter={{ status: 'ValidationFailed' }}
          empty="No change failed its validation."
          moreHref="/changes?status=ValidationFailed"
        />
        <DenialsCard tenant={tenant} />
      </div>
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
      <dd className="mt-1 text-xs text-slate-500">{hint}</dd>
    </div>
  );
}

const SHOWN = 5;

/** A few change records of one filter, newest first, each linked, with a link to the whole list. */
function ChangesCard({
  tenant,
  id,
  title,
  description,
  filter,
  empty,
  moreHref,
}: {
  tenant: string;
  id: string;
  title: string;
  description: string;
  filter: ChangeFilter;
  empty: string;
  moreHref: string;
}) {
  const changes = useChanges(tenant, filter);
  const projects = useAllProjects(tenant);
  const names = new Map((projects.data ?? []).map((p) => [p.id, p.name]));
  return (
    <Card aria-labelledby={`${id}-title`} data-testid={id}>
      <CardHeader
        titleId={`${id}-title`}
        title={title}
        description={description}
        actions={
          changes.data && changes.data.length > 0 ? (
            <Link
              href={moreHref}
              className="text-sm font-semibold whitespace-nowrap text-indigo-600 hover:text-indigo-500"
            >
              View all<span className="sr-only"> {title.toLowerCase()}</span>
            </Link>
          ) : null
        }
      />
      {changes.isPending ? (
        <LoadingState label={`Loading ${title.toLowerCase()}…`} />
      ) : changes.isError ? (
        <ErrorState
          title={`Could not load ${title.toLowerCase()}`}
          message={errorMessage(changes.error)}
          onRetry={() => void changes.refetch()}
        />
      ) : changes.data.length === 0 ? (
        <EmptyState title="Nothing here" description={empty} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {changes.data.slice(0, SHOWN).map((change) => (
            <li key={change.id} className="flex items-center justify-between gap-3 px-5 py-3 text-sm">
              <div className="min-w-0">
                <Link
                  href={`/changes/${change.id}`}
                  className="block truncate font-medium text-indigo-600 hover:text-indigo-500 hover:underline"
                >
                  {change.title}
                </Link>
                <p className="truncate text-xs text-slate-500">
                  {names.get(change.projectId) ?? 'project'} · <When iso={change.updatedAt} />
                </p>
              </div>
              <ChangeStatusBadge status={change.status} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The latest refused access decisions; only for actors holding admin.view (the audit log's permission). */
function DenialsCard({ tenant }: { tenant: string }) {
  const can = useCan(tenant, ADMIN_VIEW);
  if (!can.allowed) return null;
  return <Denials tenant={tenant} />;
}

function Denials({ tenant }: { tenant: string }) {
  const denials = useAuditLogs(tenant, { outcome: 'deny' });
  return (
    <Card aria-labelledby="recent-denials-title" data-testid="recent-denials">
      <CardHeader
        titleId="recent-denials-title"
        title="Recent denials"
        description="Access the gateway refused"
        actions={
          denials.data && denials.data.length > 0 ? (
            <Link
              href="/admin/audit"
              className="text-sm font-semibold whitespace-nowrap text-indigo-600 hover:text-indigo-500"
            >
              Audit log
            </Link>
          ) : null
        }
      />
      {denials.isPending ? (
        <LoadingState label="Loading recent denials…" />
      ) : denials.isError ? (
        <ErrorState
          title="Could not load recent denials"
          message={errorMessage(denials.error)}
          onRetry={() => void denials.refetch()}
        />
      ) : denials.data.length === 0 ? (
        <EmptyState title="No denials" description="The gateway has refused nothing in this tenant." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {denials.data.slice(0, SHOWN).map((entry) => (
            <li key={entry.id} className="px-5 py-3 text-sm" data-testid="denial-row">
              <p className="flex flex-wrap items-center gap-x-2">
                <span className="font-medium text-slate-900">{entry.actorId ?? entry.actorType}</span>
                <span className="text-slate-600">was refused</span>
                <span className="font-mono text-xs text-slate-900">{entry.permission}</span>
                {entry.resourceId ? (
                  <span className="text-xs text-slate-600">
                    on{' '}
                    <EntityRef
                      href={entityHref({ resourceType: entry.resourceType }, entry.resourceId)}
                      id={entry.resourceId}
                      label={`${entry.resourceType ?? ''} ${entry.resourceId.slice(0, 8)}`.trim()}
                    />
                  </span>
                ) : null}
              </p>
              <p className="mt-0.5 text-xs text-slate-500">
                {entry.reason} · <When iso={entry.timestamp} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

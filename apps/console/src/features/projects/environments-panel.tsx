'use client';

import type { Environment } from '@ec3l/sdk';
import Link from 'next/link';
import { GatedButton } from '@/components/gated-button';
import { Badge } from '@/components/ui/badge';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { ListStates, RefusalAlert } from '@/features/packages/package-parts';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, plural } from '@/lib/format';
import { shortChecksum } from '@/lib/packages';
import { PERMISSION } from '@/lib/permissions';
import type { useProjectEnvironments } from '@/queries/environments';
import { useCan } from '@/queries/me';
import { useCreateRelease, useEnvironmentPackages, useEnvironmentReleases } from '@/queries/promotion';

type EnvironmentsQuery = ReturnType<typeof useProjectEnvironments>;

/** The project's environments: each one's settings, package state and releases, with "Create release". */
export function EnvironmentsPanel({
  tenant,
  projectId,
  query,
}: {
  tenant: string;
  projectId: string;
  query: EnvironmentsQuery;
}) {
  if (query.isPending) return <LoadingState label="Loading environments…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="Could not load environments"
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.data.length === 0)
    return <EmptyState title="No environments" description="This project has no environments." />;
  return (
    <div className="divide-y divide-slate-200">
      <p className="px-5 py-3 text-sm text-slate-600">
        Packages move from one environment to the next on the{' '}
        <Link
          href={`/promotion?projectId=${projectId}`}
          className="font-medium text-indigo-600 hover:underline"
        >
          promotion page
        </Link>
        ; they are installed on the{' '}
        <Link
          href={`/packages?projectId=${projectId}`}
          className="font-medium text-indigo-600 hover:underline"
        >
          packages page
        </Link>
        .
      </p>
      <Table label="Environments">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Requires approval</Th>
            <Th>Promotion webhook</Th>
            <Th>Created</Th>
          </tr>
        </thead>
        <Tbody>
          {query.data.map((env) => (
            <tr key={env.id}>
              <Td className="font-medium text-slate-900">
                <span className="inline-flex items-center gap-2">
                  <span className="font-mono" data-testid="environment-name">
                    {env.name}
                  </span>
                  {env.isDefault ? <Badge tone="indigo">default</Badge> : null}
                </span>
              </Td>
              <Td>
                {env.requiresPromotionApproval ? (
                  <Badge tone="amber">Requires approval</Badge>
                ) : (
                  <Badge>No approval</Badge>
                )}
              </Td>
              <Td>
                {env.promotionWebhookUrl ? (
                  <span className="font-mono text-xs">{env.promotionWebhookUrl}</span>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </Td>
              <Td className="whitespace-nowrap text-slate-500">
                <time dateTime={env.createdAt}>{formatDateTime(env.createdAt)}</time>
              </Td>
            </tr>
          ))}
        </Tbody>
      </Table>
      {query.data.map((env) => (
        <EnvironmentSection key={env.id} tenant={tenant} environment={env} />
      ))}
    </div>
  );
}

function EnvironmentSection({ tenant, environment: env }: { tenant: string; environment: Environment }) {
  const packages = useEnvironmentPackages(tenant, env.id);
  const releases = useEnvironmentReleases(tenant, env.id);
  const create = useCreateRelease(tenant);
  const gate = useCan(tenant, PERMISSION.releaseCreate);
  return (
    <section
      aria-label={`Environment ${env.name}`}
      data-testid="environment-section"
      data-environment={env.name}
    >
      <div className="flex flex-wrap items-start justify-between gap-3 px-5 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-mono text-sm font-semibold text-slate-900">{env.name}</h3>
          {env.isDefault ? <Badge tone="indigo">default</Badge> : null}
        </div>
        <GatedButton
          gate={gate}
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          busy={create.isPending}
          aria-label={`Create release of ${env.name}`}
          onClick={() => create.mutate(env.id)}
        >
          Create release
        </GatedButton>
      </div>
      {create.isError ? (
        <div className="px-5 pb-3">
          <RefusalAlert error={create.error} testId="release-refusal" />
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-4 px-5 pb-4 lg:grid-cols-2">
        <div className="min-w-0 rounded-lg ring-1 ring-slate-200">
          <h4 className="px-4 pt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">Packages</h4>
          <ListStates
            query={packages}
            noun="packages"
            empty={
              <p className="px-4 py-3 text-sm text-slate-600" data-testid="environment-packages-empty">
                No packages.
              </p>
            }
          >
            {(rows) => (
              <Table label={`Packages in ${env.name}`}>
                <thead>
                  <tr>
                    <Th>Package</Th>
                    <Th>Version</Th>
                    <Th>Checksum</Th>
                  </tr>
                </thead>
                <Tbody>
                  {rows.map((p) => (
                    <tr key={p.packageKey} data-testid="environment-package">
                      <Td className="font-mono text-xs">{p.packageKey}</Td>
                      <Td className="font-mono text-xs">{p.version}</Td>
                      <Td className="font-mono text-xs" title={p.checksum}>
                        {shortChecksum(p.checksum)}
                      </Td>
                    </tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </ListStates>
        </div>
        <div className="min-w-0 rounded-lg ring-1 ring-slate-200">
          <h4 className="px-4 pt-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">Releases</h4>
          <ListStates
            query={releases}
            noun="releases"
            empty={
              <p className="px-4 py-3 text-sm text-slate-600" data-testid="releases-empty">
                No releases yet.
              </p>
            }
          >
            {(rows) => (
              <Table label={`Releases of ${env.name}`}>
                <thead>
                  <tr>
                    <Th>Release</Th>
                    <Th>Packages</Th>
                    <Th>Created</Th>
                  </tr>
                </thead>
                <Tbody>
                  {rows.map((r) => (
                    <tr key={r.id} data-testid="release-row">
                      <Td className="font-mono text-xs">
                        {r.id.slice(0, 8)}
                        <div className="text-slate-500">{shortChecksum(r.stateHash)}</div>
                      </Td>
                      <Td className="text-xs">
                        {r.packages.length === 0
                          ? 'none'
                          : r.packages.map((p) => `${p.packageKey} ${p.version}`).join(', ')}
                        <div className="text-slate-500">{plural(r.packages.length, 'package')}</div>
                      </Td>
                      <Td className="text-xs whitespace-nowrap text-slate-600">
                        {r.createdBy ?? 'system'}, {formatDateTime(r.createdAt)}
                      </Td>
                    </tr>
                  ))}
                </Tbody>
              </Table>
            )}
          </ListStates>
        </div>
      </div>
    </section>
  );
}

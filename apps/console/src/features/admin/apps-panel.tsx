'use client';

import Link from 'next/link';
import { GatedButton } from '@/components/gated-button';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { LoadMore } from '@/components/ui/load-more';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { RefusalAlert } from '@/features/packages/package-parts';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { upgradeGate } from '@/lib/apps';
import { plural } from '@/lib/format';
import { allOf, PERMISSION } from '@/lib/permissions';
import { type InstalledAppDetail, useAdminApps, useFailedInstalls, useUpgradeApp } from '@/queries/apps';
import { useCan } from '@/queries/me';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

const STATUS_TONE: Record<string, Tone> = { installed: 'emerald', upgrading: 'amber', failed: 'rose' };
const EVENT_TONE: Record<string, Tone> = {
  install_started: 'sky',
  install_completed: 'emerald',
  install_failed: 'rose',
};

/** Installed apps with their modules, versions, status and install events; upgrade to the newest version. */
export function AppsPanel({ tenant }: { tenant: string }) {
  const apps = useAdminApps(tenant);
  return (
    <div className="space-y-6">
      <Card aria-labelledby="admin-apps-title">
        <CardHeader
          titleId="admin-apps-title"
          title="Apps"
          description={
            apps.data ? `${plural(apps.data.length, 'installed app')} in ${tenant}` : `Tenant ${tenant}`
          }
          actions={
            <Link href="/templates" className="text-sm font-semibold text-indigo-600 hover:text-indigo-500">
              Template catalog
            </Link>
          }
        />
        {apps.isPending ? (
          <LoadingState label="Loading apps…" />
        ) : apps.isError ? (
          <QueryError
            tenant={tenant}
            error={apps.error}
            title="Could not load apps"
            onRetry={() => void apps.refetch()}
          />
        ) : apps.data.length === 0 ? (
          <EmptyState
            testId="apps-empty"
            title="No apps installed"
            description="Install a template from the catalog; its app shows here."
          />
        ) : (
          <div className="divide-y divide-slate-200">
            {apps.data.map((app) => (
              <AppBlock key={app.id} tenant={tenant} app={app} />
            ))}
          </div>
        )}
      </Card>
      <FailedInstallsCard tenant={tenant} />
    </div>
  );
}

function AppBlock({ tenant, app }: { tenant: string; app: InstalledAppDetail }) {
  const upgrade = useUpgradeApp(tenant);
  const { confirm, dialog } = useConfirm();
  const gate = allOf(
    useCan(tenant, PERMISSION.packageInstall),
    useAgentGate(tenant, 'upgrade apps'),
    upgradeGate(app),
  );
  return (
    <div className="space-y-3 px-5 py-4" data-testid="installed-app" data-key={app.templateKey}>
      {dialog}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">
            {app.templateName} <span className="font-mono text-xs text-slate-600">{app.templateVersion}</span>
          </h3>
          <p className="text-xs text-slate-600">
            {app.domain} · installed <When iso={app.installedAt} /> by {app.installedBy ?? 'the system'} ·{' '}
            <Link href={`/projects/${app.projectId}`} className="text-indigo-600 hover:underline">
              its project
            </Link>
          </p>
        </div>
        <div className="flex items-start gap-3">
          <Badge tone={STATUS_TONE[app.status] ?? 'neutral'}>{app.status}</Badge>
          <GatedButton
            gate={gate}
            variant="secondary"
            className="px-2.5 py-1 text-xs whitespace-nowrap"
            busy={upgrade.isPending}
            spinning={upgrade.isPending}
            aria-label={`Upgrade ${app.templateName}`}
            onClick={() =>
              confirm({
                title: `Upgrade ${app.templateName} to ${app.latestVersion}?`,
                confirmLabel: 'Upgrade',
                impact: (
                  <p>
                    Installs version {app.latestVersion} of the app&apos;s package over {app.templateVersion}{' '}
                    (its record types gain the new fields, changed workflows are replaced) and creates the
                    modules new in {app.latestVersion}. Overrides of the modules stay.
                  </p>
                ),
                onConfirm: () => upgrade.mutate(app.id),
              })
            }
          >
            Upgrade to {app.latestVersion}
          </GatedButton>
        </div>
      </div>
      {upgrade.isError ? <RefusalAlert error={upgrade.error} testId="upgrade-refusal" /> : null}
      <Table label={`Modules of ${app.templateName}`}>
        <thead>
          <tr>
            <Th>Module</Th>
            <Th>Type</Th>
            <Th>Version</Th>
            <Th>Capability profile</Th>
            <Th>Overrides</Th>
          </tr>
        </thead>
        <Tbody>
          {app.modules.map((m) => (
            <tr key={m.id} data-testid="installed-module" data-name={m.moduleName}>
              <Td className="font-mono text-xs text-slate-900">{m.moduleName}</Td>
              <Td>{m.moduleType}</Td>
              <Td className="font-mono text-xs">{m.moduleVersion}</Td>
              <Td className="font-mono text-xs">{m.capabilityProfile}</Td>
              <Td>
                {m.isOverride ? (
                  <Link href="/admin/overrides" className="text-indigo-600 hover:underline">
                    <Badge tone="amber">overridden</Badge>
                  </Link>
                ) : (
                  <span className="text-slate-600">template defaults</span>
                )}
              </Td>
            </tr>
          ))}
        </Tbody>
      </Table>
      <details>
        <summary className="cursor-pointer text-xs font-semibold text-slate-700">
          {plural(app.events.length, 'install event')}
        </summary>
        <ol className="mt-2 space-y-1 text-xs" aria-label={`Install events of ${app.templateName}`}>
          {app.events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2">
              <Badge tone={EVENT_TONE[e.eventType] ?? 'neutral'}>{e.eventType}</Badge>
              <When iso={e.createdAt} precise />
              <span className="text-slate-600">
                {String(e.details.kind ?? '')}{' '}
                {e.details.fromVersion ? `${String(e.details.fromVersion)} → ` : ''}
                {String(e.details.toVersion ?? e.details.version ?? '')}
              </span>
              {e.errorDetails ? (
                <span className="text-rose-700">
                  {e.errorDetails.code}: {e.errorDetails.message}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

/** install_failed events: a failed install keeps no app, so this is where it shows. */
function FailedInstallsCard({ tenant }: { tenant: string }) {
  const failed = useFailedInstalls(tenant);
  return (
    <Card aria-labelledby="failed-installs-title">
      <CardHeader
        titleId="failed-installs-title"
        title="Failed installs and upgrades"
        description="Each was rolled back; nothing of it remains but this record."
      />
      {failed.isPending ? (
        <LoadingState label="Loading failed installs…" />
      ) : failed.isError ? (
        <QueryError
          tenant={tenant}
          error={failed.error}
          title="Could not load failed installs"
          onRetry={() => void failed.refetch()}
        />
      ) : failed.data.length === 0 ? (
        <EmptyState
          title="No failed installs"
          description="Installs and upgrades that fail are listed here."
        />
      ) : (
        <>
          <Table label="Failed installs and upgrades">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>What</Th>
                <Th>Error</Th>
                <Th>By</Th>
              </tr>
            </thead>
            <Tbody>
              {failed.data.map((e) => (
                <tr key={e.id}>
                  <Td>
                    <When iso={e.createdAt} precise />
                  </Td>
                  <Td className="text-xs">
                    {String(e.details.kind ?? 'install')}{' '}
                    {String(e.details.toVersion ?? e.details.version ?? '')}
                  </Td>
                  <Td className="text-xs text-rose-700">
                    {e.errorDetails ? `${e.errorDetails.code}: ${e.errorDetails.message}` : ''}
                  </Td>
                  <Td className="text-xs">{e.actor ?? 'system'}</Td>
                </tr>
              ))}
            </Tbody>
          </Table>
          <LoadMore
            hasNextPage={failed.hasNextPage}
            isFetchingNextPage={failed.isFetchingNextPage}
            fetchNextPage={failed.fetchNextPage}
          />
        </>
      )}
    </Card>
  );
}

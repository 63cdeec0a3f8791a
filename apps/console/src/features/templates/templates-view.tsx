'use client';

import Link from 'next/link';
import { useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { TenantPage } from '@/components/tenant-page';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { ProjectPicker, RefusalAlert } from '@/features/packages/package-parts';
import { useAgentGate } from '@/features/workflows/use-agent-gate';
import { latestTemplates } from '@/lib/apps';
import { errorMessage } from '@/lib/errors';
import { plural } from '@/lib/format';
import { type ActionGate, allOf, PERMISSION } from '@/lib/permissions';
import {
  type InstalledApp,
  type Template,
  useInstalledApps,
  useInstallTemplate,
  useTemplate,
  useTemplates,
} from '@/queries/apps';
import { useCan } from '@/queries/me';
import { useAllProjects } from '@/queries/projects';

const HEADER = {
  title: 'Templates',
  description:
    'The app catalog: install a template into a project to get its modules and its graph package in one step.',
};

export function TemplatesView() {
  return (
    <TenantPage header={HEADER} loadingLabel="Loading templates…">
      {(tenant) => <TemplatesPage key={tenant} tenant={tenant} />}
    </TenantPage>
  );
}

function TemplatesPage({ tenant }: { tenant: string }) {
  const [projectId, setProjectId] = useState('');
  const templates = useTemplates(tenant);
  const installed = useInstalledApps(tenant);
  const install = useInstallTemplate(tenant);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        {...HEADER}
        actions={
          <Link href="/admin/apps" className="text-sm font-medium text-indigo-600 hover:underline">
            Installed apps
          </Link>
        }
      />
      <Card className="mb-6">
        <div className="grid grid-cols-1 gap-4 px-5 py-4 md:grid-cols-2">
          <ProjectPicker tenant={tenant} value={projectId} onChange={setProjectId} />
        </div>
      </Card>
      {done ? (
        <Alert tone="success" testId="template-installed" className="mb-6">
          {done} is installed.{' '}
          <Link href="/admin/apps" className="font-semibold underline">
            See it under Admin → Apps
          </Link>
        </Alert>
      ) : null}
      {install.isError ? (
        <div className="mb-6">
          <RefusalAlert error={install.error} testId="template-install-refusal" />
        </div>
      ) : null}
      {templates.isPending ? (
        <Card>
          <LoadingState label="Loading templates…" />
        </Card>
      ) : templates.isError ? (
        <Card>
          <ErrorState
            title="Could not load the catalog"
            message={errorMessage(templates.error)}
            onRetry={() => void templates.refetch()}
          />
        </Card>
      ) : templates.data.length === 0 ? (
        <Card>
          <EmptyState title="No templates" description="This gateway's catalog is empty." />
        </Card>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" data-testid="template-catalog">
          {latestTemplates(templates.data).map((t) => (
            <TemplateCard
              key={t.key}
              tenant={tenant}
              template={t}
              projectId={projectId}
              installed={installed.data?.find((a) => a.templateKey === t.key)}
              installedKnown={installed.isSuccess}
              busy={install.isPending}
              onInstall={() =>
                install.mutate(
                  { templateId: t.id, projectId },
                  { onSuccess: () => setDone(`${t.name} ${t.version}`) },
                )
              }
            />
          ))}
        </div>
      )}
    </>
  );
}

function TemplateCard({
  tenant,
  template,
  projectId,
  installed,
  installedKnown,
  busy,
  onInstall,
}: {
  tenant: string;
  template: Template;
  projectId: string;
  installed: InstalledApp | undefined;
  installedKnown: boolean;
  busy: boolean;
  onInstall: () => void;
}) {
  const detail = useTemplate(tenant, template.id);
  const projects = useAllProjects(tenant);
  const { confirm, dialog } = useConfirm();
  const permission = useCan(tenant, PERMISSION.packageInstall);
  const agent = useAgentGate(tenant, 'install apps');
  const state: ActionGate = !installedKnown
    ? { allowed: false, reason: 'Checking installed apps…' }
    : installed
      ? { allowed: false, reason: `Installed already (${installed.templateVersion})` }
      : projectId === ''
        ? { allowed: false, reason: 'Choose a project first' }
        : { allowed: true, reason: undefined };
  const gate = allOf(permission, agent, state);
  const projectName = projects.data?.find((p) => p.id === projectId)?.name ?? 'the project';
  const modules = detail.data?.modules ?? [];
  return (
    <Card aria-labelledby={`template-${template.key}`} data-testid="template-card" data-key={template.key}>
      {dialog}
      <CardHeader
        titleId={`template-${template.key}`}
        title={template.name}
        description={template.description}
        actions={<Badge tone="indigo">{template.domain}</Badge>}
      />
      <div className="space-y-3 px-5 py-4 text-sm">
        <p className="text-slate-600">
          Version <span className="font-mono">{template.version}</span> · installs package{' '}
          <span className="font-mono">
            {template.packageKey} {template.packageVersion}
          </span>
        </p>
        {detail.isPending ? (
          <LoadingState label="Loading modules…" />
        ) : detail.isError ? (
          <ErrorState title="Could not load its modules" message={errorMessage(detail.error)} />
        ) : (
          <ul className="space-y-1" aria-label={`Modules of ${template.name}`}>
            {modules.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs text-slate-900">{m.moduleName}</span>
                <Badge tone="neutral">{m.moduleType}</Badge>
                <span className="text-xs text-slate-600">{m.metadata.description}</span>
              </li>
            ))}
          </ul>
        )}
        <div className="flex items-center justify-end">
          <GatedButton
            gate={gate}
            busy={busy || detail.isPending}
            aria-label={`Install ${template.name}`}
            onClick={() =>
              confirm({
                title: `Install ${template.name} ${template.version}?`,
                confirmLabel: 'Install',
                impact: (
                  <>
                    <p>
                      Creates the app {template.name} in {projectName}, with{' '}
                      {plural(modules.length, 'module')} of the project:
                    </p>
                    <ul className="list-disc pl-5" data-testid="install-impact-modules">
                      {modules.map((m) => (
                        <li key={m.id}>
                          <span className="font-mono">{m.moduleName}</span> ({m.moduleType})
                        </li>
                      ))}
                    </ul>
                    <p>
                      Installs the package {template.packageKey} {template.packageVersion} (its record types,
                      choice lists and workflows) into the project. The tenant can hold one {template.name}{' '}
                      app.
                    </p>
                  </>
                ),
                onConfirm: onInstall,
              })
            }
          >
            Install
          </GatedButton>
        </div>
      </div>
    </Card>
  );
}

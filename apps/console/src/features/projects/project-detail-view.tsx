'use client';

import type { Project } from '@ec3l/sdk';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { Tabs } from '@/components/ui/tabs';
import { errorCode, errorMessage, isNotFound } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { ProjectTab } from '@/lib/project-tabs';
import { useProjectEnvironments } from '@/queries/environments';
import { useProjectModules } from '@/queries/modules';
import { useProject } from '@/queries/projects';
import { useRecordTypes } from '@/queries/record-types';
import { RecordTypesPanel } from '../record-types/record-types-panel';
import { EnvironmentsPanel } from './environments-panel';

const Breadcrumb = () => (
  <Link href="/projects" className="hover:text-slate-700">
    ← Projects
  </Link>
);

export function ProjectDetailView({ id, initialTab }: { id: string; initialTab: ProjectTab }) {
  return (
    <RequireTenant>
      {(tenant) => <ProjectDetail key={`${tenant}/${id}`} tenant={tenant} id={id} initialTab={initialTab} />}
    </RequireTenant>
  );
}

function ProjectDetail({ tenant, id, initialTab }: { tenant: string; id: string; initialTab: ProjectTab }) {
  const project = useProject(tenant, id);

  useEffect(() => {
    if (project.data) document.title = `${project.data.name} · Projects · EC3L`;
  }, [project.data]);

  if (project.isPending) {
    return (
      <>
        <PageHeader eyebrow={<Breadcrumb />} title="Project" />
        <Card>
          <LoadingState label="Loading project…" />
        </Card>
      </>
    );
  }
  if (project.isError) {
    // A malformed id can name no project either: both read as "not found".
    const missing = isNotFound(project.error) || errorCode(project.error) === 'VALIDATION_ERROR';
    return (
      <>
        <PageHeader eyebrow={<Breadcrumb />} title={missing ? 'Project not found' : 'Project'} />
        <Card>
          {missing ? (
            <EmptyState
              testId="project-not-found"
              title={`Project not found in tenant ${tenant}`}
              description="It may belong to another tenant, or it was never created. Switch tenant or pick a project from the list."
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
              title="Could not load the project"
              message={errorMessage(project.error)}
              onRetry={() => void project.refetch()}
            />
          )}
        </Card>
      </>
    );
  }
  return <ProjectPage tenant={tenant} project={project.data} initialTab={initialTab} />;
}

const repoHref = (repo: string) =>
  /^[\w.-]+\/[\w.-]+$/.test(repo) ? `https://github.com/${repo}` : /^https?:\/\//.test(repo) ? repo : null;

function ProjectPage({
  tenant,
  project,
  initialTab,
}: {
  tenant: string;
  project: Project;
  initialTab: ProjectTab;
}) {
  const [tab, setTab] = useState<ProjectTab>(initialTab);
  const environments = useProjectEnvironments(tenant, project.id);
  const modules = useProjectModules(tenant, project.id);
  const recordTypes = useRecordTypes(tenant, project.id);
  const href = project.githubRepo ? repoHref(project.githubRepo) : null;

  return (
    <>
      <PageHeader
        eyebrow={<Breadcrumb />}
        title={project.name}
        description={project.description || undefined}
        actions={
          <>
            <Link
              href={`/promotion?projectId=${project.id}`}
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              Promotion
            </Link>
            <Link
              href={`/packages?projectId=${project.id}`}
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              Packages
            </Link>
            <Link
              href={`/changes?projectId=${project.id}`}
              className="rounded-md bg-white px-3.5 py-2 text-sm font-semibold text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              Changes
            </Link>
          </>
        }
      />
      <Card className="mb-6 px-5 py-4">
        <dl className="grid gap-4 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Default branch</dt>
            <dd className="mt-1 font-mono text-slate-900">{project.defaultBranch}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Repository</dt>
            <dd className="mt-1 truncate text-slate-900">
              {project.githubRepo ? (
                href ? (
                  <a href={href} target="_blank" rel="noreferrer" className="text-indigo-600 hover:underline">
                    {project.githubRepo}
                  </a>
                ) : (
                  project.githubRepo
                )
              ) : (
                <span className="text-slate-500">Not linked</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Created</dt>
            <dd className="mt-1 text-slate-900">
              <time dateTime={project.createdAt}>{formatDateTime(project.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Tenant</dt>
            <dd className="mt-1 text-slate-900">{tenant}</dd>
          </div>
        </dl>
      </Card>
      <Card>
        <Tabs
          label="Project sections"
          active={tab}
          onChange={setTab}
          items={[
            { key: 'environments', label: 'Environments', count: environments.data?.length },
            { key: 'modules', label: 'Modules', count: modules.data?.length },
            { key: 'record-types', label: 'Record types', count: recordTypes.data?.length },
          ]}
        >
          {tab === 'environments' ? (
            <EnvironmentsPanel tenant={tenant} projectId={project.id} query={environments} />
          ) : tab === 'modules' ? (
            <ModulesPanel query={modules} />
          ) : (
            <RecordTypesPanel tenant={tenant} projectId={project.id} query={recordTypes} />
          )}
        </Tabs>
      </Card>
    </>
  );
}

type ModulesQuery = ReturnType<typeof useProjectModules>;

function ModulesPanel({ query }: { query: ModulesQuery }) {
  if (query.isPending) return <LoadingState label="Loading modules…" />;
  if (query.isError) {
    return (
      <ErrorState
        title="Could not load modules"
        message={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.data.length === 0)
    return <EmptyState title="No modules" description="This project has no modules yet." />;
  return (
    <Table label="Modules">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Type</Th>
          <Th>Version</Th>
          <Th>Capability profile</Th>
          <Th>Root path</Th>
        </tr>
      </thead>
      <Tbody>
        {query.data.map((mod) => (
          <tr key={mod.id}>
            <Td className="font-medium text-slate-900">{mod.name}</Td>
            <Td>
              <Badge tone="emerald">{mod.type}</Badge>
            </Td>
            <Td className="font-mono text-xs">{mod.version}</Td>
            <Td>
              <span className="font-mono text-xs">{mod.capabilityProfile}</span>
            </Td>
            <Td className="font-mono text-xs text-slate-500">{mod.rootPath}</Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}

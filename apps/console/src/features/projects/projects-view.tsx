'use client';

import type { Project } from '@ec3l/sdk';
import Link from 'next/link';
import { useState } from 'react';
import { NewPanel } from '@/components/new-panel';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { PERMISSION } from '@/lib/permissions';
import { filterByQuery, matchCount } from '@/lib/search';
import { useCan } from '@/queries/me';
import { useProjects } from '@/queries/projects';
import { ProjectForm } from './project-form';

export function ProjectsView() {
  return (
    <RequireTenant
      fallbackHeader={
        <PageHeader
          title="Projects"
          description="Each project gets dev, test and prod environments and a default module."
        />
      }
    >
      {(tenant) => <Projects key={tenant} tenant={tenant} />}
    </RequireTenant>
  );
}

function Projects({ tenant }: { tenant: string }) {
  const can = useCan(tenant, PERMISSION.projectEdit);
  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project gets dev, test and prod environments and a default module."
        actions={
          <NewPanel label="New project" title="New project" description={`In tenant ${tenant}`} gate={can}>
            {() => <ProjectForm tenant={tenant} />}
          </NewPanel>
        }
      />
      <Card aria-labelledby="projects-list-title">
        <ProjectList tenant={tenant} />
      </Card>
    </>
  );
}

function ProjectList({ tenant }: { tenant: string }) {
  const query = useProjects(tenant);
  const [search, setSearch] = useState('');
  const projects = query.data;
  const shown = projects
    ? filterByQuery(projects, search, (p) => [p.name, p.description, p.githubRepo, p.defaultBranch])
    : undefined;
  return (
    <>
      <CardHeader
        titleId="projects-list-title"
        title="All projects"
        description={
          projects && shown
            ? `${matchCount(shown.length, projects.length, 'project')}${query.hasNextPage ? ' so far' : ''} in ${tenant}`
            : `Tenant ${tenant}`
        }
        actions={
          <div className="flex items-center gap-3">
            {query.isFetching && !query.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
            <SearchBox label="Search projects" value={search} onChange={setSearch} testId="projects-search" />
          </div>
        }
      />
      {query.isPending ? (
        <LoadingState label="Loading projects…" />
      ) : query.isError ? (
        <ErrorState
          title="Could not load projects"
          message={errorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : projects && projects.length === 0 ? (
        <EmptyState
          testId="projects-empty"
          title="No projects yet"
          description={`Tenant ${tenant} has no projects. Create one with New project.`}
        />
      ) : shown && shown.length === 0 ? (
        <EmptyState
          testId="projects-no-match"
          title="No project matches"
          description={`Nothing loaded so far matches “${search}”.`}
        />
      ) : (
        <>
          <ProjectTable projects={shown ?? []} />
          {query.hasNextPage ? (
            <div className="border-t border-slate-100 px-5 py-3 text-center">
              <Button
                variant="secondary"
                disabled={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

function ProjectTable({ projects }: { projects: Project[] }) {
  return (
    <Table label="Projects">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Description</Th>
          <Th>Default branch</Th>
          <Th>Created</Th>
        </tr>
      </thead>
      <Tbody>
        {projects.map((project) => (
          <tr key={project.id} className="hover:bg-slate-50">
            <Td className="font-medium whitespace-nowrap">
              <Link
                href={`/projects/${project.id}`}
                className="text-indigo-600 hover:text-indigo-500 hover:underline"
              >
                {project.name}
              </Link>
              {project.githubRepo ? (
                <div className="text-xs font-normal text-slate-500">{project.githubRepo}</div>
              ) : null}
            </Td>
            <Td className="max-w-xs truncate text-slate-500" title={project.description ?? undefined}>
              {project.description || <span className="text-slate-500">—</span>}
            </Td>
            <Td>
              <Badge>
                <span className="font-mono">{project.defaultBranch}</span>
              </Badge>
            </Td>
            <Td className="whitespace-nowrap text-slate-500">
              <time dateTime={project.createdAt}>{formatDateTime(project.createdAt)}</time>
            </Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}

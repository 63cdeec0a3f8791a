'use client';

import type { Project } from '@ec3l/sdk';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { errorMessage } from '@/lib/errors';
import { formatDateTime, plural } from '@/lib/format';
import { useProjects } from '@/queries/projects';
import { ProjectForm } from './project-form';

export function ProjectsView() {
  return (
    <>
      <PageHeader
        title="Projects"
        description="Each project gets dev, test and prod environments and a default module."
      />
      <RequireTenant>
        {(tenant) => (
          <div className="grid items-start gap-6 lg:grid-cols-3">
            <Card className="lg:col-span-2" aria-labelledby="projects-list-title">
              <ProjectList tenant={tenant} />
            </Card>
            <Card aria-labelledby="project-form-title">
              <CardHeader
                titleId="project-form-title"
                title="New project"
                description={`In tenant ${tenant}`}
              />
              <ProjectForm key={tenant} tenant={tenant} />
            </Card>
          </div>
        )}
      </RequireTenant>
    </>
  );
}

function ProjectList({ tenant }: { tenant: string }) {
  const query = useProjects(tenant);
  const projects = query.data?.projects;
  return (
    <>
      <CardHeader
        titleId="projects-list-title"
        title="All projects"
        description={
          projects
            ? `${plural(projects.length, 'project')}${query.hasNextPage ? ' so far' : ''} in ${tenant}`
            : `Tenant ${tenant}`
        }
        actions={query.isFetching && !query.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
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
          description={`Tenant ${tenant} has no projects. Create one with the form.`}
        />
      ) : (
        <>
          <ProjectTable projects={projects ?? []} />
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

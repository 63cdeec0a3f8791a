'use client';

import type { Project } from '@ec3l/sdk';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { NewPanel } from '@/components/new-panel';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { INLINE_SELECT, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { cx } from '@/lib/cx';
import { errorMessage, formErrorsFrom } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { PERMISSION } from '@/lib/permissions';
import { filterByQuery, matchCount } from '@/lib/search';
import {
  DEFINITION_STATUSES,
  type DefinitionStatus,
  labelOf,
  statusTone,
  TRIGGER_TYPES,
  type TriggerType,
} from '@/lib/workflows';
import { useCan } from '@/queries/me';
import { useAllProjects } from '@/queries/projects';
import { useCreateWorkflowDefinition, useWorkflowDefinitions } from '@/queries/workflows';
import { StatusFilter } from './status-filter';

const HEADER = {
  title: 'Workflows',
  description: 'Workflow definitions: ordered steps run on a record event, a schedule or by hand.',
};

export function WorkflowsView() {
  return (
    <RequireTenant fallbackHeader={<PageHeader {...HEADER} />}>
      {(tenant) => <WorkflowsPage key={tenant} tenant={tenant} />}
    </RequireTenant>
  );
}

function WorkflowsPage({ tenant }: { tenant: string }) {
  const projects = useAllProjects(tenant);
  const can = useCan(tenant, PERMISSION.workflowEdit);
  const [projectId, setProjectId] = useState('');
  const [status, setStatus] = useState<DefinitionStatus | ''>('');
  const [trigger, setTrigger] = useState<TriggerType | ''>('');
  const [search, setSearch] = useState('');
  const query = useWorkflowDefinitions(tenant, {
    ...(projectId ? { projectId } : {}),
    ...(status ? { status } : {}),
  });
  const projectList = projects.data ?? [];
  const names = new Map(projectList.map((p) => [p.id, p.name]));
  const rows = query.data?.filter((d) => trigger === '' || d.triggerType === trigger);
  const shown = rows
    ? filterByQuery(rows, search, (d) => [d.name, d.description, names.get(d.projectId), d.status])
    : undefined;
  const filtered = Boolean(projectId || status || trigger);
  return (
    <>
      <PageHeader
        {...HEADER}
        actions={
          <NewPanel label="New workflow" title="New workflow" description={`In tenant ${tenant}`} gate={can}>
            {() =>
              projects.isPending ? (
                <LoadingState label="Loading projects…" />
              ) : projectList.length === 0 ? (
                <EmptyState title="No projects yet" description="A workflow belongs to a project." />
              ) : (
                <WorkflowForm tenant={tenant} projects={projectList} />
              )
            }
          </NewPanel>
        }
      />
      <Card aria-labelledby="workflows-title">
        <CardHeader
          titleId="workflows-title"
          title="Workflow definitions"
          description={
            rows && shown
              ? `${matchCount(shown.length, rows.length, 'definition')}${query.hasNextPage ? ' loaded' : ''} in ${tenant}`
              : `Tenant ${tenant}`
          }
          actions={
            query.isFetching && !query.isPending ? <Spinner className="size-4 text-slate-500" /> : null
          }
        />
        <form
          aria-label="Workflow filters"
          onSubmit={(event) => event.preventDefault()}
          className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-slate-50/70 px-5 py-3"
        >
          <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
            Project
            <select
              aria-label="Filter by project"
              value={projectId}
              onChange={(event) => setProjectId(event.target.value)}
              className={cx(INLINE_SELECT, 'min-w-40 text-sm')}
            >
              <option value="">All projects</option>
              {projectList.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <StatusFilter
            label="Filter by status"
            statuses={DEFINITION_STATUSES}
            value={status}
            onChange={setStatus}
          />
          <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
            Trigger
            <select
              aria-label="Filter by trigger"
              value={trigger}
              onChange={(event) => {
                const value = event.target.value;
                setTrigger(TRIGGER_TYPES.find((t) => t.key === value)?.key ?? '');
              }}
              className={cx(INLINE_SELECT, 'min-w-32 text-sm')}
            >
              <option value="">Any trigger</option>
              {TRIGGER_TYPES.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </label>
          {filtered ? (
            <Button
              variant="ghost"
              className="px-2.5 py-1 text-xs"
              onClick={() => {
                setProjectId('');
                setStatus('');
                setTrigger('');
              }}
            >
              Clear filters
            </Button>
          ) : null}
          <div className="ml-auto w-full sm:w-auto">
            <SearchBox
              label="Search workflows"
              value={search}
              onChange={setSearch}
              testId="workflows-search"
            />
          </div>
        </form>
        {query.isPending ? (
          <LoadingState label="Loading workflows…" />
        ) : query.isError ? (
          <ErrorState
            title="Could not load workflows"
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : (rows ?? []).length === 0 ? (
          <EmptyState
            testId="workflows-empty"
            title={filtered ? 'No workflows match' : 'No workflows yet'}
            description={filtered ? 'No definition matches these filters.' : 'Create one with New workflow.'}
          />
        ) : shown && shown.length === 0 ? (
          <EmptyState title="No workflow matches" description={`No definition here matches “${search}”.`} />
        ) : (
          <Table label="Workflow definitions">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Project</Th>
                <Th>Trigger</Th>
                <Th>Status</Th>
                <Th>Version</Th>
                <Th>Updated</Th>
              </tr>
            </thead>
            <Tbody>
              {(shown ?? []).map((d) => (
                <tr key={d.id} data-testid="workflow-row" className="hover:bg-slate-50">
                  <Td className="max-w-56">
                    <Link
                      href={`/workflows/${d.id}`}
                      className="block truncate font-medium text-indigo-600 hover:text-indigo-500 hover:underline"
                    >
                      {d.name}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{names.get(d.projectId) ?? d.projectId.slice(0, 8)}</Td>
                  <Td className="whitespace-nowrap">{labelOf(d.triggerType)}</Td>
                  <Td>
                    <Badge tone={statusTone(d.status)}>{d.status}</Badge>
                  </Td>
                  <Td>v{d.version}</Td>
                  <Td className="whitespace-nowrap text-slate-500">{formatDateTime(d.updatedAt)}</Td>
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
    </>
  );
}

type Field = 'projectId' | 'name' | 'description' | 'triggerType';
const FIELDS: readonly Field[] = ['projectId', 'name', 'description', 'triggerType'];

/** Creates a draft definition, then opens its editor. */
function WorkflowForm({ tenant, projects }: { tenant: string; projects: Project[] }) {
  const router = useRouter();
  const create = useCreateWorkflowDefinition(tenant);
  const [projectId, setProjectId] = useState(projects.length === 1 ? projects[0]!.id : '');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [triggerType, setTriggerType] = useState<TriggerType>('record_event');
  const [errors, setErrors] = useState<Partial<Record<Field | '_form', string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (projectId === '') next.projectId = 'Pick the project the workflow belongs to';
    if (name.trim() === '') next.name = 'Name is required';
    setErrors(next);
    if (Object.keys(next).length > 0) return focusInvalid();
    create.mutate(
      {
        projectId,
        name: name.trim(),
        triggerType,
        ...(description.trim() ? { description: description.trim() } : {}),
      },
      {
        onSuccess: (definition) => router.push(`/workflows/${definition.id}`),
        onError: (error) => {
          setErrors(formErrorsFrom(error, FIELDS));
          focusInvalid();
        },
      },
    );
  };
  const pending = create.isPending || create.isSuccess;
  return (
    <form
      ref={formRef}
      aria-label="Create workflow"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 px-5 py-5"
    >
      {errors._form ? <Alert tone="error">{errors._form}</Alert> : null}
      <SelectField
        id="workflow-project"
        label="Project"
        value={projectId}
        onChange={(event) => setProjectId(event.target.value)}
        error={errors.projectId}
        disabled={pending}
      >
        <option value="">Pick a project…</option>
        {projects.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="workflow-name"
        label="Name"
        placeholder="Escalate urgent incidents"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
        disabled={pending}
        autoComplete="off"
      />
      <SelectField
        id="workflow-trigger"
        label="Trigger type"
        hint={TRIGGER_TYPES.find((t) => t.key === triggerType)?.hint}
        value={triggerType}
        onChange={(event) =>
          setTriggerType(TRIGGER_TYPES.find((t) => t.key === event.target.value)?.key ?? 'manual')
        }
        error={errors.triggerType}
        disabled={pending}
      >
        {TRIGGER_TYPES.map((t) => (
          <option key={t.key} value={t.key}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        id="workflow-description"
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={errors.description}
        disabled={pending}
        rows={3}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner className="size-4 text-white" /> : null}
        {pending ? 'Creating…' : 'Create workflow'}
      </Button>
      <p className="text-xs text-slate-500">
        A workflow starts as a draft: add its steps and triggers, then activate it.
      </p>
    </form>
  );
}

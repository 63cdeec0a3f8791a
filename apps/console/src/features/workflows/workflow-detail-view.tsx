'use client';

import { Ec3lApiError } from '@ec3l/sdk';
import Link from 'next/link';
import { useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { RequireTenant } from '@/components/require-tenant';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { errorMessage, isNotFound } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { type ActionGate, allOf, PERMISSION } from '@/lib/permissions';
import {
  activationProblems,
  branchesOf,
  describeBranch,
  describeStep,
  labelOf,
  parseJsonObject,
  STEP_TYPES,
  statusTone,
  stepEditReason,
  type WorkflowDefinition,
  type WorkflowStep,
} from '@/lib/workflows';
import { useCan } from '@/queries/me';
import {
  useExecuteWorkflow,
  useMoveWorkflowDefinition,
  useRemoveWorkflowStep,
  useUpdateWorkflowStep,
  useWorkflowDefinition,
  useWorkflowSteps,
} from '@/queries/workflows';
import { BranchDiagram } from './branch-diagram';
import { StepForm } from './step-form';
import { TriggersCard } from './triggers-card';

export function WorkflowDetailView({ workflowDefinitionId }: { workflowDefinitionId: string }) {
  return (
    <RequireTenant fallbackHeader={<PageHeader title="Workflow" />}>
      {(tenant) => <DefinitionPage key={tenant} tenant={tenant} id={workflowDefinitionId} />}
    </RequireTenant>
  );
}

const stateGate = (reason: string | undefined): ActionGate =>
  reason ? { allowed: false, reason } : { allowed: true, reason: undefined };

function DefinitionPage({ tenant, id }: { tenant: string; id: string }) {
  const definition = useWorkflowDefinition(tenant, id);
  if (definition.isPending)
    return (
      <>
        <PageHeader title="Workflow" />
        <Card>
          <LoadingState label="Loading workflow…" />
        </Card>
      </>
    );
  if (definition.isError)
    return (
      <>
        <PageHeader title="Workflow" />
        <Card>
          {isNotFound(definition.error) ? (
            <EmptyState
              title="No such workflow"
              description={`Tenant ${tenant} has no workflow definition ${id}.`}
              action={
                <Link
                  href="/workflows"
                  className="text-sm font-semibold text-indigo-600 hover:text-indigo-500"
                >
                  All workflows
                </Link>
              }
            />
          ) : (
            <ErrorState
              title="Could not load the workflow"
              message={errorMessage(definition.error)}
              onRetry={() => void definition.refetch()}
            />
          )}
        </Card>
      </>
    );
  return <DefinitionEditor tenant={tenant} definition={definition.data} />;
}

function DefinitionEditor({ tenant, definition }: { tenant: string; definition: WorkflowDefinition }) {
  const steps = useWorkflowSteps(tenant, definition.id);
  const canEdit = useCan(tenant, PERMISSION.workflowEdit);
  const move = useMoveWorkflowDefinition(tenant, definition.id);
  const { confirm, dialog } = useConfirm();
  const noteId = useId();
  const activateGate = allOf(
    stateGate(
      definition.status === 'draft'
        ? undefined
        : `Only a draft is activated; this one is ${definition.status}`,
    ),
    canEdit,
  );
  const retireGate = allOf(
    stateGate(definition.status === 'active' ? undefined : `Only an active definition is retired`),
    canEdit,
  );
  const problems = move.error instanceof Ec3lApiError ? activationProblems(move.error.details) : [];
  return (
    <>
      <PageHeader
        title={definition.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={statusTone(definition.status)}>{definition.status}</Badge>
            <span>
              v{definition.version} · {labelOf(definition.triggerType)} trigger · updated{' '}
              {formatDateTime(definition.updatedAt)}
            </span>
            {definition.changeId ? (
              <Link href={`/changes/${definition.changeId}`} className="text-indigo-600 hover:underline">
                Its change record
              </Link>
            ) : null}
          </span>
        }
        actions={
          <div className="flex flex-col items-end gap-1">
            <div className="flex gap-2">
              <GatedButton
                gate={activateGate}
                noteId={noteId}
                busy={move.isPending}
                data-testid="activate-workflow"
                onClick={() =>
                  confirm({
                    title: 'Activate this workflow?',
                    impact: (
                      <p>
                        Its steps are frozen from now on and its triggers start executions. A definition that
                        has problems is refused, with the problems listed.
                      </p>
                    ),
                    confirmLabel: 'Activate',
                    onConfirm: () => move.mutate('activate'),
                  })
                }
              >
                Activate
              </GatedButton>
              <GatedButton
                gate={retireGate}
                noteId={noteId}
                variant="secondary"
                busy={move.isPending}
                onClick={() =>
                  confirm({
                    title: 'Retire this workflow?',
                    impact: (
                      <p>
                        It stops running: no trigger or manual run starts it again. This cannot be undone.
                      </p>
                    ),
                    confirmLabel: 'Retire',
                    destructive: true,
                    onConfirm: () => move.mutate('retire'),
                  })
                }
              >
                Retire
              </GatedButton>
            </div>
            <PermissionNotes
              id={noteId}
              actions={[
                { label: 'Activate', gate: activateGate },
                { label: 'Retire', gate: retireGate },
              ]}
              className="text-xs text-slate-600"
            />
          </div>
        }
      />
      {dialog}
      {move.isError ? (
        <div className="mb-6">
          <Alert tone="error" testId="lifecycle-error">
            {errorMessage(move.error)}
            {problems.length > 0 ? (
              <ul className="mt-2 list-disc pl-5">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card aria-labelledby="steps-title">
            <CardHeader
              titleId="steps-title"
              title="Steps"
              description={stepEditReason(definition.status) ?? 'Run in order; decisions branch as drawn.'}
            />
            {steps.isPending ? (
              <LoadingState label="Loading steps…" />
            ) : steps.isError ? (
              <ErrorState
                title="Could not load steps"
                message={errorMessage(steps.error)}
                onRetry={() => void steps.refetch()}
              />
            ) : steps.data.length === 0 ? (
              <EmptyState
                testId="steps-empty"
                title="No steps yet"
                description="Add the first step below. A definition without steps cannot be activated."
              />
            ) : (
              <StepList
                tenant={tenant}
                definitionId={definition.id}
                steps={steps.data}
                gate={allOf(stateGate(stepEditReason(definition.status)), canEdit)}
              />
            )}
          </Card>
          <Card aria-labelledby="add-step-title">
            <CardHeader
              titleId="add-step-title"
              title="Add a step"
              description="Appended after the last step."
            />
            <StepForm
              tenant={tenant}
              definitionId={definition.id}
              stepCount={steps.data?.length ?? 0}
              gate={allOf(stateGate(stepEditReason(definition.status)), canEdit)}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <TriggersCard tenant={tenant} definition={definition} />
          <ExecuteCard tenant={tenant} definition={definition} />
        </div>
      </div>
    </>
  );
}

/**
 * The steps in order, with the decision arrows drawn beside them and listed as text; while the
 * definition is a draft each step moves up or down or is removed (through the confirm dialog).
 */
function StepList({
  tenant,
  definitionId,
  steps,
  gate,
}: {
  tenant: string;
  definitionId: string;
  steps: WorkflowStep[];
  gate: ActionGate;
}) {
  const branches = branchesOf(steps);
  const update = useUpdateWorkflowStep(tenant, definitionId);
  const remove = useRemoveWorkflowStep(tenant, definitionId);
  const { confirm, dialog } = useConfirm();
  const noteId = useId();
  const busy = update.isPending || remove.isPending;
  const failure = update.error ?? remove.error;
  const titleOf = (step: WorkflowStep) => step.name ?? STEP_TYPES.find((t) => t.key === step.stepType)?.label;
  return (
    <div className="px-5 py-4">
      {dialog}
      <PermissionNotes id={noteId} actions={[{ label: 'Reorder and remove steps', gate }]} className="mb-3" />
      {failure ? (
        <Alert tone="error" className="mb-3">
          The step was not changed: {errorMessage(failure)}
        </Alert>
      ) : null}
      <div className="flex gap-3">
        <ol className="min-w-0 flex-1 space-y-2" aria-label="Steps in order">
          {steps.map((step, i) => (
            <li
              key={step.id}
              data-testid="workflow-step"
              className="flex h-16 min-w-0 items-center gap-3 rounded-md border border-slate-200 bg-white px-3"
            >
              <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700">
                {i + 1}
              </span>
              <div className="min-w-0 flex-1">
                <div className="flex items-center gap-2 text-sm font-medium text-slate-900">
                  {titleOf(step)}
                  <Badge tone="neutral">{labelOf(step.stepType)}</Badge>
                </div>
                <p className="truncate text-xs text-slate-600" title={describeStep(step)}>
                  {describeStep(step)}
                </p>
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <GatedButton
                  variant="ghost"
                  gate={i === 0 ? { allowed: false, reason: 'Already the first step' } : gate}
                  noteId={noteId}
                  busy={busy}
                  aria-label={`Move step ${i + 1} up`}
                  data-testid="step-move-up"
                  onClick={() => update.mutate({ stepId: step.id, orderIndex: i - 1 })}
                >
                  ↑
                </GatedButton>
                <GatedButton
                  variant="ghost"
                  gate={i === steps.length - 1 ? { allowed: false, reason: 'Already the last step' } : gate}
                  noteId={noteId}
                  busy={busy}
                  aria-label={`Move step ${i + 1} down`}
                  data-testid="step-move-down"
                  onClick={() => update.mutate({ stepId: step.id, orderIndex: i + 1 })}
                >
                  ↓
                </GatedButton>
                <GatedButton
                  variant="ghost"
                  gate={gate}
                  noteId={noteId}
                  busy={busy}
                  aria-label={`Remove step ${i + 1}`}
                  data-testid="step-remove"
                  onClick={() =>
                    confirm({
                      title: `Remove step ${i + 1}?`,
                      impact: `"${titleOf(step)}" leaves the definition; the steps after it move up one, and decisions keep jumping to the steps they name. A step a decision jumps to is refused.`,
                      confirmLabel: 'Remove step',
                      destructive: true,
                      onConfirm: () => remove.mutate(step.id),
                    })
                  }
                >
                  Remove
                </GatedButton>
              </div>
            </li>
          ))}
          <li className="flex h-8 items-center px-3 text-xs font-medium text-slate-500">End</li>
        </ol>
        {branches.length > 0 ? (
          <div className="shrink-0">
            <BranchDiagram branches={branches} steps={steps.length} />
          </div>
        ) : null}
        {branches.length > 0 ? (
          <ul className="sr-only" aria-label="Decision branches">
            {branches.map((b) => (
              <li key={`${b.from}-${b.when}`}>{describeBranch(b)}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/** Runs an active definition by hand with an input JSON (workflow.execute). */
function ExecuteCard({ tenant, definition }: { tenant: string; definition: WorkflowDefinition }) {
  const can = useCan(tenant, PERMISSION.workflowExecute);
  const execute = useExecuteWorkflow(tenant, definition.id);
  const [input, setInput] = useState('{}');
  const [recordId, setRecordId] = useState('');
  const [error, setError] = useState<string | undefined>();
  const gate = allOf(
    stateGate(
      definition.status === 'active'
        ? undefined
        : `Only an active definition runs; this one is ${definition.status}`,
    ),
    can,
  );
  return (
    <Card aria-labelledby="execute-title">
      <CardHeader titleId="execute-title" title="Run now" description="A manual execution with this input." />
      <form
        aria-label="Run workflow"
        noValidate
        className="space-y-3 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseJsonObject(input);
          if (!parsed.ok) return setError(parsed.error);
          setError(undefined);
          execute.mutate({ input: parsed.value, ...(recordId.trim() ? { recordId: recordId.trim() } : {}) });
        }}
      >
        <TextAreaField
          id="execute-input"
          label="Input (JSON object)"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          error={error}
          rows={4}
          className="font-mono"
        />
        <TextField
          id="execute-record"
          label="Record id (optional)"
          value={recordId}
          onChange={(event) => setRecordId(event.target.value)}
          autoComplete="off"
        />
        <GatedButton gate={gate} type="submit" busy={execute.isPending} spinning={execute.isPending}>
          Run
        </GatedButton>
        {execute.isError ? <Alert tone="error">{errorMessage(execute.error)}</Alert> : null}
        {execute.data ? (
          <Alert tone="success">
            Execution {execute.data.status}.{' '}
            <Link
              href={`/workflow-monitor?executionId=${execute.data.id}`}
              className="font-semibold underline"
            >
              Open in the monitor
            </Link>
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}

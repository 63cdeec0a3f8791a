'use client';

import { type FormEvent, useId, useRef, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { errorMessage, formErrorsFrom } from '@/lib/errors';
import { allOf, PERMISSION } from '@/lib/permissions';
import {
  buildTrigger,
  describeTrigger,
  emptyTriggerDraft,
  type FormErrors,
  labelOf,
  statusTone,
  TRIGGER_TYPES,
  type TriggerDraft,
  type TriggerField,
  type WorkflowDefinition,
  type WorkflowTrigger,
} from '@/lib/workflows';
import { useCan } from '@/queries/me';
import {
  useCreateTrigger,
  useDefinitionTriggers,
  useFireTrigger,
  useSwitchTrigger,
} from '@/queries/workflows';
import { useAgentGate } from './use-agent-gate';

/** The definition's triggers: create, enable / disable, fire by hand. */
export function TriggersCard({ tenant, definition }: { tenant: string; definition: WorkflowDefinition }) {
  const triggers = useDefinitionTriggers(tenant, definition.id);
  return (
    <Card aria-labelledby="triggers-title">
      <CardHeader titleId="triggers-title" title="Triggers" description="What starts this workflow." />
      {triggers.isPending ? (
        <LoadingState label="Loading triggers…" />
      ) : triggers.isError ? (
        <ErrorState
          title="Could not load triggers"
          message={errorMessage(triggers.error)}
          onRetry={() => void triggers.refetch()}
        />
      ) : triggers.data.length === 0 ? (
        <EmptyState testId="triggers-empty" title="No triggers yet" description="Add one below." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {triggers.data.map((t) => (
            <TriggerRow key={t.id} tenant={tenant} definitionId={definition.id} trigger={t} />
          ))}
        </ul>
      )}
      <TriggerForm tenant={tenant} definition={definition} />
    </Card>
  );
}

function TriggerRow({
  tenant,
  definitionId,
  trigger,
}: {
  tenant: string;
  definitionId: string;
  trigger: WorkflowTrigger;
}) {
  const canEdit = useCan(tenant, PERMISSION.workflowEdit);
  const canRun = useCan(tenant, PERMISSION.workflowExecute);
  const agent = useAgentGate(tenant, 'fire a trigger');
  const switcher = useSwitchTrigger(tenant, definitionId);
  const fire = useFireTrigger(tenant);
  const noteId = useId();
  const on = trigger.status === 'active';
  const fireGate = allOf(
    on
      ? { allowed: true, reason: undefined }
      : { allowed: false, reason: 'A disabled trigger does not fire' },
    agent,
    canRun,
  );
  return (
    <li className="space-y-2 px-5 py-3" data-testid="trigger-row">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">{labelOf(trigger.triggerType)}</Badge>
        <Badge tone={statusTone(trigger.status)}>{trigger.status}</Badge>
      </div>
      <p className="text-sm text-slate-700">{describeTrigger(trigger)}</p>
      <div className="flex flex-wrap gap-2">
        <GatedButton
          gate={canEdit}
          noteId={noteId}
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          busy={switcher.isPending}
          onClick={() => switcher.mutate({ triggerId: trigger.id, on: !on })}
        >
          {on ? 'Disable' : 'Enable'}
        </GatedButton>
        <GatedButton
          gate={fireGate}
          noteId={noteId}
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          busy={fire.isPending}
          onClick={() => fire.mutate(trigger.id)}
        >
          Fire now
        </GatedButton>
      </div>
      <PermissionNotes
        id={noteId}
        actions={[
          { label: on ? 'Disable' : 'Enable', gate: canEdit },
          { label: 'Fire now', gate: fireGate },
        ]}
        className="text-xs text-slate-600"
      />
      {switcher.isError ? <Alert tone="error">{errorMessage(switcher.error)}</Alert> : null}
      {fire.isError ? <Alert tone="error">{errorMessage(fire.error)}</Alert> : null}
      {fire.data ? (
        <Alert tone="success">
          Intent {fire.data.status === 'duplicate' ? 'already queued' : 'queued'}; it runs at the next
          dispatch.
        </Alert>
      ) : null}
    </li>
  );
}

const FIELDS: readonly TriggerField[] = ['recordTypeKey', 'cron', 'timezone'];

function TriggerForm({ tenant, definition }: { tenant: string; definition: WorkflowDefinition }) {
  const can = useCan(tenant, PERMISSION.workflowEdit);
  const create = useCreateTrigger(tenant, definition.id);
  const [draft, setDraft] = useState<TriggerDraft>({
    ...emptyTriggerDraft(),
    triggerType: definition.triggerType,
  });
  const [errors, setErrors] = useState<FormErrors<TriggerField>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const set = <K extends keyof TriggerDraft>(key: K, value: TriggerDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors({});
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = buildTrigger(definition.id, draft);
    if (!built.ok) {
      setErrors(built.errors);
      return focusInvalid();
    }
    create.mutate(built.body, {
      onSuccess: () => setDraft({ ...emptyTriggerDraft(), triggerType: draft.triggerType }),
      onError: (error) => {
        setErrors(formErrorsFrom(error, FIELDS));
        focusInvalid();
      },
    });
  };
  return (
    <form
      ref={formRef}
      aria-label="Add trigger"
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 border-t border-slate-200 px-5 py-4"
    >
      {errors._form ? <Alert tone="error">{errors._form}</Alert> : null}
      <fieldset disabled={!can.allowed || create.isPending} className="space-y-3">
        <SelectField
          id="trigger-type"
          label="New trigger"
          value={draft.triggerType}
          onChange={(event) =>
            set('triggerType', TRIGGER_TYPES.find((t) => t.key === event.target.value)?.key ?? 'manual')
          }
        >
          {TRIGGER_TYPES.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </SelectField>
        {draft.triggerType === 'record_event' ? (
          <>
            <SelectField
              id="trigger-event"
              label="Event"
              value={draft.event}
              onChange={(event) =>
                set('event', event.target.value === 'record.updated' ? 'record.updated' : 'record.created')
              }
            >
              <option value="record.created">Record created</option>
              <option value="record.updated">Record updated</option>
            </SelectField>
            <TextField
              id="trigger-record-type"
              label="Record type key"
              placeholder="incident"
              value={draft.recordTypeKey}
              onChange={(event) => set('recordTypeKey', event.target.value)}
              error={errors.recordTypeKey}
              autoComplete="off"
            />
          </>
        ) : draft.triggerType === 'schedule' ? (
          <>
            <TextField
              id="trigger-cron"
              label="Cron"
              placeholder="0 9 * * 1"
              value={draft.cron}
              onChange={(event) => set('cron', event.target.value)}
              error={errors.cron}
              autoComplete="off"
            />
            <TextField
              id="trigger-timezone"
              label="Time zone (optional)"
              placeholder="Europe/Oslo"
              value={draft.timezone}
              onChange={(event) => set('timezone', event.target.value)}
              error={errors.timezone}
              autoComplete="off"
            />
          </>
        ) : null}
      </fieldset>
      <GatedButton gate={can} type="submit" busy={create.isPending} spinning={create.isPending}>
        Add trigger
      </GatedButton>
    </form>
  );
}

'use client';

import { type FormEvent, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge, type Tone } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import {
  type CompiledField,
  describeOp,
  describeProvenance,
  FLAGS,
  type FlagChoices,
  type FormOverride,
  flagChoicesOf,
  toggleOpsOf,
} from '@/lib/forms';
import { allOf, PERMISSION } from '@/lib/permissions';
import {
  type FormRef,
  useCompiledForm,
  useCreateOverride,
  useFormOverrides,
  useOverrideStatus,
} from '@/queries/forms';
import { useCan } from '@/queries/me';

const STATUS_TONE: Record<FormOverride['status'], Tone> = {
  draft: 'amber',
  active: 'emerald',
  retired: 'neutral',
};

/**
 * Overrides on top of the form: which layer set each field's flags now (definition, override version,
 * rule), the override versions with their changes (activate one, retire it), and a new override made
 * from flag toggles.
 */
export function OverridesCard({ tenant, formRef }: { tenant: string; formRef: FormRef }) {
  const compiled = useCompiledForm(tenant, formRef);
  const overrides = useFormOverrides(tenant, formRef);
  const formEdit = useCan(tenant, PERMISSION.formEdit);
  const status = useOverrideStatus(tenant);
  const { confirm, dialog } = useConfirm();
  const noteId = `overrides-note-${formRef.formName}`;
  const rows = [...(overrides.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Card aria-labelledby="overrides-title" data-testid="overrides-card">
      {dialog}
      <CardHeader
        titleId="overrides-title"
        title="Overrides and provenance"
        description="Flag changes layered on the form without editing it; one version is active at a time."
      />
      {compiled.isPending ? (
        <LoadingState label="Compiling the form…" />
      ) : compiled.isError ? (
        <ErrorState title="Could not compile the form" message={errorMessage(compiled.error)} />
      ) : compiled.data.fields.length === 0 ? (
        <EmptyState
          title="No fields on the form"
          description="Place fields in a section to see where their flags come from."
        />
      ) : (
        <Provenance fields={compiled.data.fields} />
      )}
      <section aria-labelledby="override-versions" className="border-t border-slate-100">
        <h3 id="override-versions" className="px-5 pt-4 text-sm font-semibold text-slate-900">
          Versions
        </h3>
        {overrides.isPending ? (
          <LoadingState label="Loading overrides…" />
        ) : overrides.isError ? (
          <ErrorState
            title="Could not load the overrides"
            message={errorMessage(overrides.error)}
            onRetry={() => void overrides.refetch()}
          />
        ) : rows.length === 0 ? (
          <EmptyState
            testId="overrides-empty"
            title="No overrides yet"
            description="Toggle flags below to create one."
          />
        ) : (
          <Table label="Override versions">
            <thead>
              <tr>
                <Th>Version</Th>
                <Th>Changes</Th>
                <Th>Status</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <Tbody>
              {rows.map((o) => {
                const activate = allOf(
                  o.status === 'draft'
                    ? { allowed: true, reason: undefined }
                    : { allowed: false, reason: `The override is ${o.status}` },
                  formEdit,
                );
                const retire = allOf(
                  o.status === 'active'
                    ? { allowed: true, reason: undefined }
                    : { allowed: false, reason: `The override is ${o.status}` },
                  formEdit,
                );
                return (
                  <tr key={o.id} data-testid="override-row" data-version={o.version} data-status={o.status}>
                    <Td className="font-mono text-xs">v{o.version}</Td>
                    <Td>
                      {o.summary ? <div className="text-slate-900">{o.summary}</div> : null}
                      <div className="text-xs text-slate-600">
                        {o.ops.map((op) => describeOp(op)).join('; ')}
                      </div>
                      <div className="text-xs text-slate-500">
                        {o.source.kind === 'human' ? (o.createdBy ?? 'someone') : `from a ${o.source.kind}`} ·{' '}
                        {formatDateTime(o.createdAt)}
                      </div>
                    </Td>
                    <Td>
                      <Badge tone={STATUS_TONE[o.status]}>{o.status}</Badge>
                    </Td>
                    <Td className="text-right whitespace-nowrap">
                      <GatedButton
                        variant="secondary"
                        className="px-2 py-1 text-xs"
                        gate={activate}
                        noteId={noteId}
                        busy={status.isPending}
                        aria-label={`Activate override v${o.version}`}
                        onClick={() => status.mutate({ formOverrideId: o.id, action: 'activate' })}
                      >
                        Activate
                      </GatedButton>{' '}
                      <GatedButton
                        variant="ghost"
                        className="px-2 py-1 text-xs"
                        gate={retire}
                        noteId={noteId}
                        busy={status.isPending}
                        aria-label={`Retire override v${o.version}`}
                        onClick={() =>
                          confirm({
                            title: `Retire override v${o.version}?`,
                            impact:
                              'Its flag changes stop applying; the form goes back to its definition and rules.',
                            confirmLabel: 'Retire',
                            destructive: true,
                            onConfirm: () => status.mutate({ formOverrideId: o.id, action: 'retire' }),
                          })
                        }
                      >
                        Retire
                      </GatedButton>
                    </Td>
                  </tr>
                );
              })}
            </Tbody>
          </Table>
        )}
        {status.isError ? (
          <Alert tone="error" className="mx-5 my-3">
            {errorMessage(status.error)}
          </Alert>
        ) : null}
      </section>
      {compiled.data && compiled.data.fields.length > 0 ? (
        <NewOverrideForm
          key={flagsKey(compiled.data.fields)}
          tenant={tenant}
          formRef={formRef}
          fields={compiled.data.fields}
          noteId={noteId}
        />
      ) : null}
      <PermissionNotes id={noteId} actions={[{ label: 'Changing overrides', gate: formEdit }]} />
    </Card>
  );
}

/** Starts the toggles afresh when the compiled flags change (an override activated or retired). */
const flagsKey = (fields: readonly CompiledField[]) =>
  fields.map((f) => `${f.name}:${Number(f.visible)}${Number(f.required)}${Number(f.readOnly)}`).join(',');

function Provenance({ fields }: { fields: readonly CompiledField[] }) {
  return (
    <Table label="Where each flag comes from">
      <thead>
        <tr>
          <Th>Field</Th>
          {FLAGS.map(({ flag, label }) => (
            <Th key={flag}>{label}</Th>
          ))}
        </tr>
      </thead>
      <Tbody>
        {fields.map((f) => (
          <tr key={f.name} data-testid="provenance-row" data-field={f.name}>
            <Td>
              <div className="font-medium text-slate-900">{f.label ?? f.name}</div>
              <div className="text-xs text-slate-500">{f.section}</div>
            </Td>
            {FLAGS.map(({ flag }) => (
              <Td key={flag} data-testid={`provenance-${flag}`}>
                <span className="font-medium text-slate-900">{f[flag] ? 'yes' : 'no'}</span>{' '}
                <span className="text-xs text-slate-600">({describeProvenance(f.provenance[flag])})</span>
                {flag !== 'visible' || f.conditionalRuleIds.length === 0 ? null : (
                  <span className="block text-xs text-slate-600">
                    {f.conditionalRuleIds.length} conditional rule
                    {f.conditionalRuleIds.length === 1 ? '' : 's'}
                  </span>
                )}
              </Td>
            ))}
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}

function NewOverrideForm({
  tenant,
  formRef,
  fields,
  noteId,
}: {
  tenant: string;
  formRef: FormRef;
  fields: readonly CompiledField[];
  noteId: string;
}) {
  const create = useCreateOverride(tenant);
  const formEdit = useCan(tenant, PERMISSION.formEdit);
  const [choices, setChoices] = useState<FlagChoices>(() => flagChoicesOf(fields));
  const [summary, setSummary] = useState('');
  const ops = toggleOpsOf(fields, choices);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate({ ...formRef, ops, ...(summary.trim() ? { summary: summary.trim() } : {}) });
  };
  const nothing =
    ops.length === 0
      ? { allowed: false, reason: 'Toggle a flag first' }
      : { allowed: true, reason: undefined };
  return (
    <form
      aria-labelledby="new-override-title"
      noValidate
      onSubmit={onSubmit}
      className="space-y-3 border-t border-slate-100 px-5 py-4"
      data-testid="new-override"
    >
      <h3 id="new-override-title" className="text-sm font-semibold text-slate-900">
        New override
      </h3>
      <fieldset>
        <legend className="sr-only">Flags of each field</legend>
        <ul className="divide-y divide-slate-100 text-sm">
          {fields.map((f) => (
            <li key={f.name} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-1.5">
              <span className="min-w-32 font-medium text-slate-900">{f.label ?? f.name}</span>
              {FLAGS.map(({ flag, label }) => {
                const locked = flag === 'required' && f.requiredByDefinition;
                return (
                  <label key={flag} className="flex items-center gap-1.5 text-slate-700">
                    <input
                      type="checkbox"
                      checked={choices[f.name]?.[flag] ?? f[flag]}
                      disabled={locked}
                      aria-describedby={locked ? `${f.name}-required-by-definition` : undefined}
                      onChange={(e) =>
                        setChoices((c) => ({
                          ...c,
                          [f.name]: {
                            ...(c[f.name] ?? {
                              visible: f.visible,
                              required: f.required,
                              readOnly: f.readOnly,
                            }),
                            [flag]: e.target.checked,
                          },
                        }))
                      }
                    />
                    {label}
                  </label>
                );
              })}
              {f.requiredByDefinition ? (
                <span id={`${f.name}-required-by-definition`} className="text-xs text-slate-600">
                  required by its definition
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="text-xs text-slate-600" data-testid="override-ops">
        {ops.length === 0
          ? 'No flag changed yet.'
          : `Changes: ${ops.map((op) => describeOp(op)).join('; ')}.`}
      </p>
      <TextField
        id="override-summary"
        label="Summary (optional)"
        value={summary}
        onChange={(e) => setSummary(e.target.value)}
        autoComplete="off"
      />
      {create.isError ? (
        <Alert tone="error" testId="override-error">
          {errorMessage(create.error)}
        </Alert>
      ) : create.isSuccess ? (
        <Alert tone="success" testId="override-created">
          Created override v{create.data.version} as a draft; activate it to apply it.
        </Alert>
      ) : null}
      <GatedButton
        type="submit"
        gate={allOf(nothing, formEdit)}
        noteId={noteId}
        busy={create.isPending}
        data-testid="create-override"
      >
        Create override
      </GatedButton>
    </form>
  );
}

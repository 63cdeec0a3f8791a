'use client';

import { useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { NewPanel } from '@/components/new-panel';
import { PageHeader } from '@/components/page-header';
import { TenantPage } from '@/components/tenant-page';
import { Alert } from '@/components/ui/alert';
import { Badge, type Tone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { SuggestFormPatchCard } from '@/features/vibe/suggest-form-patch';
import { errorMessage, formErrorsFrom } from '@/lib/errors';
import type { FormDefinition } from '@/lib/forms';
import { allOf, PERMISSION } from '@/lib/permissions';
import type { RecordType } from '@/lib/record-types';
import type { FormRef } from '@/queries/forms';
import { useCreateForm, useFormDefinitions, useFormStatus } from '@/queries/forms';
import { useCan } from '@/queries/me';
import { useTenantRecordTypes } from '@/queries/records';
import { LayoutCard } from './layout-card';
import { OverridesCard } from './overrides-card';
import { PreviewCard } from './preview-card';
import { RulesCard } from './rules-card';

const HEADER = {
  title: 'Form Studio',
  description:
    'Lay out a record type’s forms: sections and fields, behaviour rules with a live preview, and overrides on top.',
};

export function FormStudioView() {
  return (
    <TenantPage header={HEADER} loadingLabel="Loading the Form Studio…">
      {(tenant) => <StudioPage key={tenant} tenant={tenant} />}
    </TenantPage>
  );
}

const STATUS_TONE: Record<FormDefinition['status'], Tone> = {
  draft: 'amber',
  active: 'emerald',
  retired: 'neutral',
};

/** The picked record type and form live in the URL (`?recordTypeId=&formDefinitionId=`), so they can be linked to. */
const usePicked = () => {
  const params = useSearchParams();
  const [picked, setPicked] = useState({
    recordTypeId: params.get('recordTypeId') ?? '',
    formDefinitionId: params.get('formDefinitionId') ?? '',
  });
  const pick = (next: { recordTypeId: string; formDefinitionId: string }) => {
    setPicked(next);
    const query = new URLSearchParams(
      Object.entries(next).filter(([, v]) => v !== '') as [string, string][],
    ).toString();
    window.history.replaceState(null, '', query ? `/studio/forms?${query}` : '/studio/forms');
  };
  return { picked, pick };
};

function StudioPage({ tenant }: { tenant: string }) {
  const types = useTenantRecordTypes(tenant);
  const { picked, pick } = usePicked();
  const recordType = (types.data ?? []).find((rt) => rt.id === picked.recordTypeId) ?? null;
  const forms = useFormDefinitions(tenant, recordType?.id ?? null);
  const form = (forms.data ?? []).find((f) => f.id === picked.formDefinitionId) ?? null;
  const formEdit = useCan(tenant, PERMISSION.formEdit);
  const typeGate = recordType
    ? { allowed: true, reason: undefined }
    : { allowed: false, reason: 'Pick a record type first' };

  return (
    <>
      <PageHeader
        {...HEADER}
        actions={
          <NewPanel
            label="New form"
            title={recordType ? `New form for ${recordType.name}` : 'New form'}
            description="A draft form; activate it to have records created and edited through it."
            gate={allOf(typeGate, formEdit)}
            testId="new-form"
          >
            {(close) =>
              recordType ? (
                <NewFormForm
                  tenant={tenant}
                  recordType={recordType}
                  onCreated={(created) => {
                    close();
                    pick({ recordTypeId: recordType.id, formDefinitionId: created.id });
                  }}
                />
              ) : null
            }
          </NewPanel>
        }
      />
      <Card className="mb-6 px-5 py-4">
        {types.isPending ? (
          <LoadingState label="Loading record types…" />
        ) : types.isError ? (
          <ErrorState
            title="Could not load record types"
            message={errorMessage(types.error)}
            onRetry={() => void types.refetch()}
          />
        ) : (types.data ?? []).length === 0 ? (
          <EmptyState
            testId="studio-no-types"
            title="No record types"
            description="Forms lay out a record type’s fields. Create a record type in a project first."
          />
        ) : (
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <SelectField
              id="studio-record-type"
              label="Record type"
              value={recordType?.id ?? ''}
              onChange={(event) => pick({ recordTypeId: event.target.value, formDefinitionId: '' })}
            >
              <option value="">Pick a record type</option>
              {(types.data ?? []).map((rt) => (
                <option key={rt.id} value={rt.id}>
                  {rt.name} ({rt.key})
                </option>
              ))}
            </SelectField>
            {recordType ? (
              <SelectField
                id="studio-form"
                label="Form"
                value={form?.id ?? ''}
                disabled={!forms.isSuccess}
                hint={
                  forms.isPending
                    ? 'Loading forms…'
                    : forms.isError
                      ? `Could not load the forms: ${errorMessage(forms.error)}`
                      : forms.data.length === 0
                        ? 'No forms yet: create one with “New form”.'
                        : undefined
                }
                onChange={(event) =>
                  pick({ recordTypeId: recordType.id, formDefinitionId: event.target.value })
                }
              >
                <option value="">Pick a form</option>
                {(forms.data ?? []).map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name} ({f.status})
                  </option>
                ))}
              </SelectField>
            ) : null}
          </div>
        )}
      </Card>
      {!recordType ? null : !form ? (
        <Card>
          <EmptyState
            testId="studio-no-form"
            title="No form chosen"
            description="Pick one of the record type’s forms, or create one with “New form”."
          />
        </Card>
      ) : (
        <FormWorkspace key={form.id} tenant={tenant} recordType={recordType} form={form} />
      )}
    </>
  );
}

function FormWorkspace({
  tenant,
  recordType,
  form,
}: {
  tenant: string;
  recordType: RecordType;
  form: FormDefinition;
}) {
  const ref: FormRef = { recordTypeName: recordType.name, formName: form.name };
  const editable = form.status !== 'retired';
  return (
    <div className="space-y-6">
      <FormStatusCard tenant={tenant} form={form} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <LayoutCard tenant={tenant} recordType={recordType} form={form} editable={editable} />
          <RulesCard tenant={tenant} recordType={recordType} form={form} editable={editable} />
        </div>
        <div className="min-w-0 space-y-6">
          <PreviewCard tenant={tenant} recordType={recordType} formRef={ref} />
          <OverridesCard tenant={tenant} formRef={ref} />
          <SuggestFormPatchCard tenant={tenant} formRef={ref} />
        </div>
      </div>
    </div>
  );
}

function FormStatusCard({ tenant, form }: { tenant: string; form: FormDefinition }) {
  const formEdit = useCan(tenant, PERMISSION.formEdit);
  const status = useFormStatus(tenant);
  const { confirm, dialog } = useConfirm();
  const noteId = `form-status-note-${form.id}`;
  const activateGate = allOf(
    form.status === 'draft'
      ? { allowed: true, reason: undefined }
      : { allowed: false, reason: `The form is ${form.status}` },
    formEdit,
  );
  const retireGate = allOf(
    form.status === 'active'
      ? { allowed: true, reason: undefined }
      : { allowed: false, reason: `The form is ${form.status}` },
    formEdit,
  );
  return (
    <Card aria-label={`Form ${form.name}`} data-testid="form-status-card">
      {dialog}
      <div className="flex flex-wrap items-center gap-3 px-5 py-4">
        <h2 className="text-base font-semibold text-slate-900">{form.name}</h2>
        <Badge tone={STATUS_TONE[form.status]} testId="form-status">
          {form.status}
        </Badge>
        <span className="text-sm text-slate-600">version {form.version}</span>
        {form.description ? <span className="text-sm text-slate-600">{form.description}</span> : null}
        <span className="ml-auto flex gap-2">
          <GatedButton
            gate={activateGate}
            noteId={noteId}
            busy={status.isPending}
            data-testid="activate-form"
            onClick={() => status.mutate({ formDefinitionId: form.id, action: 'activate' })}
          >
            Activate
          </GatedButton>
          <GatedButton
            variant="secondary"
            gate={retireGate}
            noteId={noteId}
            busy={status.isPending}
            data-testid="retire-form"
            onClick={() =>
              confirm({
                title: `Retire the form ${form.name}?`,
                impact:
                  'Records are no longer created or edited through it, and its rules stop being checked.',
                confirmLabel: 'Retire',
                destructive: true,
                onConfirm: () => status.mutate({ formDefinitionId: form.id, action: 'retire' }),
              })
            }
          >
            Retire
          </GatedButton>
        </span>
      </div>
      {status.isError ? (
        <Alert tone="error" className="mx-5 mb-4" testId="form-status-error">
          {errorMessage(status.error)}
        </Alert>
      ) : null}
      <PermissionNotes
        id={noteId}
        actions={[
          { label: 'Activate', gate: activateGate },
          { label: 'Retire', gate: retireGate },
        ]}
      />
    </Card>
  );
}

function NewFormForm({
  tenant,
  recordType,
  onCreated,
}: {
  tenant: string;
  recordType: RecordType;
  onCreated: (form: FormDefinition) => void;
}) {
  const create = useCreateForm(tenant);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'name' | 'description' | '_form', string>>>({});
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setErrors({ name: 'Give the form a name' });
      return;
    }
    create.mutate(
      {
        recordTypeId: recordType.id,
        name: name.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
      },
      {
        onSuccess: (created) => onCreated(created),
        onError: (error) => setErrors(formErrorsFrom(error, ['name', 'description'] as const)),
      },
    );
  };
  return (
    <form aria-label="New form" noValidate onSubmit={onSubmit} className="space-y-4 px-5 py-5">
      {errors._form ? (
        <Alert tone="error" testId="new-form-error">
          {errors._form}
        </Alert>
      ) : null}
      <TextField
        id="form-name"
        label="Name"
        value={name}
        error={errors.name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="off"
        hint="Unique among the record type’s forms, e.g. default"
      />
      <TextField
        id="form-description"
        label="Description (optional)"
        value={description}
        error={errors.description}
        onChange={(event) => setDescription(event.target.value)}
        autoComplete="off"
      />
      <Button type="submit" disabled={create.isPending} data-testid="create-form">
        {create.isPending ? 'Creating…' : 'Create form'}
      </Button>
    </form>
  );
}

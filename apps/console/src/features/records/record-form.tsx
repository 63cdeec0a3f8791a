'use client';

import { evaluateForm } from '@ec3l/form-rules';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { FormFields } from '@/features/forms/form-fields';
import { errorMessage } from '@/lib/errors';
import { createDataThroughForm, type FormLayout, layoutOfCompiled } from '@/lib/forms';
import type { RecordType } from '@/lib/record-types';
import {
  buildRecordData,
  isStaleWrite,
  liveDataOf,
  type RecordDraft,
  type RecordErrors,
  type RecordInstance,
  recordDraftOf,
  recordErrorsFrom,
  shortId,
} from '@/lib/records';
import { useActiveForm } from '@/queries/forms';
import { useCreateRecord, useRefreshRecord, useUpdateRecord } from '@/queries/records';
import { FieldInput } from './field-input';

/** The record form through the record type's active form when it has one, else generated from the schema. */
export function RecordFormThroughActiveForm(props: Omit<Parameters<typeof RecordForm>[0], 'layout'>) {
  const active = useActiveForm(props.tenant, props.recordType);
  if (active.isPending) return <LoadingState label="Loading the form…" />;
  if (active.error)
    return (
      <ErrorState
        title="Could not load the record type's form"
        message={errorMessage(active.error)}
        onRetry={() => void active.refetch?.()}
      />
    );
  return (
    <div data-testid="record-form" data-form={active.form?.name ?? ''}>
      <RecordForm {...props} layout={active.form ? layoutOfCompiled(active.form) : null} />
    </div>
  );
}

/**
 * A create or edit form for a record. With the record type's active form (`layout`), its sections and
 * placements, each field visible, required or read-only as the form's rules make it on what is typed
 * (the evaluator the server checks writes with); the server's FORM_RULE_VIOLATION lands beside the
 * fields it names. Without one, generated from the record type's effective schema: one input per field.
 * An edit is based on the record's version: a stale one is refused (409) and the form offers to reload.
 */
function RecordForm({
  tenant,
  recordType,
  recordTypes,
  record,
  layout,
  onSaved,
  onReloaded,
}: {
  tenant: string;
  recordType: RecordType;
  /** The record type's active form; absent: the form generated from the schema. */
  layout?: FormLayout | null | undefined;
  /** Every record type of the tenant, to resolve reference fields. */
  recordTypes: readonly RecordType[];
  record?: RecordInstance;
  onSaved: (record: RecordInstance) => void;
  /** After a stale write: the record was read again; the parent starts the form afresh from it. */
  onReloaded?: () => void;
}) {
  const fields = recordType.schema.fields;
  const create = useCreateRecord(tenant);
  const update = useUpdateRecord(tenant);
  const refresh = useRefreshRecord(tenant);
  // The draft starts from the record as it was when the form opened; a reload remounts the form.
  const [base] = useState(() => (record ? recordDraftOf(fields, record) : undefined));
  const [draft, setDraft] = useState<RecordDraft>(() => recordDraftOf(fields, record));
  const [errors, setErrors] = useState<RecordErrors>({});
  const [stale, setStale] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const pending = create.isPending || update.isPending;
  const states = layout ? evaluateForm(layout.view, liveDataOf(fields, draft)) : null;
  const shown = new Set(
    layout ? layout.sections.flatMap((s) => s.placements.map((p) => p.field)) : fields.map((f) => f.name),
  );

  const set = (name: string, value: string) => {
    setDraft((prev) => ({ ...prev, [name]: value }));
    setErrors({});
  };

  const onError = (error: unknown) => {
    if (isStaleWrite(error)) {
      setStale(true);
      setErrors({});
      return;
    }
    setErrors(withUnshownInForm(recordErrorsFrom(error), shown));
    focusInvalid();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Through a form, the server's rules decide what is required; the client checks types only.
    const built = buildRecordData(
      layout ? fields.map((f) => ({ ...f, required: false })) : fields,
      draft,
      base,
    );
    if (!built.ok) {
      setErrors(built.errors);
      focusInvalid();
      return;
    }
    const data = states && !record ? createDataThroughForm(built.data, states) : built.data;
    if (record) {
      update.mutate({ id: record.id, data, version: record.version }, { onSuccess: onSaved, onError });
    } else {
      create.mutate({ recordTypeId: recordType.id, data }, { onSuccess: onSaved, onError });
    }
  };

  const reload = async () => {
    if (record) await refresh(record.id);
    onReloaded?.();
  };

  return (
    <form
      ref={formRef}
      aria-label={record ? `Edit record ${shortId(record.id)}` : `New ${recordType.name} record`}
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 px-5 py-5"
    >
      {stale ? (
        <Alert tone="error" testId="record-stale">
          Someone saved this record after you opened it, so your changes were not saved.{' '}
          <Button variant="secondary" className="ml-1 px-2 py-0.5 text-xs" onClick={() => void reload()}>
            Reload the record
          </Button>
        </Alert>
      ) : null}
      {errors._form ? (
        <Alert tone="error" testId="record-form-error">
          {errors._form}
        </Alert>
      ) : null}
      {layout && states ? (
        <FormFields
          tenant={tenant}
          recordType={recordType}
          recordTypes={recordTypes}
          layout={layout}
          states={states}
          draft={draft}
          onChange={set}
          errors={errors}
          disabled={pending}
        />
      ) : fields.length === 0 ? (
        <p className="text-sm text-slate-600">This record type has no fields; the record holds no data.</p>
      ) : null}
      {(layout ? [] : fields).map((field) => (
        <FieldInput
          key={field.name}
          tenant={tenant}
          field={field}
          projectId={recordType.projectId}
          recordTypes={recordTypes}
          value={draft[field.name] ?? ''}
          onChange={(value) => set(field.name, value)}
          error={errors[field.name]}
          disabled={pending}
        />
      ))}
      <Button type="submit" disabled={pending} data-testid="save-record">
        {pending ? <Spinner className="size-4 text-white" /> : null}
        {pending ? 'Saving…' : record ? 'Save changes' : 'Create record'}
      </Button>
    </form>
  );
}

/** Messages for fields the form does not show go to the form as a whole, so none is lost. */
const withUnshownInForm = (errors: RecordErrors, shown: ReadonlySet<string>): RecordErrors => {
  const out: RecordErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (!message) continue;
    if (key === '_form' || shown.has(key)) out[key] = message;
    else out._form = out._form ? `${out._form}; ${message}` : message;
  }
  return out;
};

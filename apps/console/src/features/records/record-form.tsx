'use client';

import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import type { RecordType } from '@/lib/record-types';
import {
  buildRecordData,
  isStaleWrite,
  type RecordDraft,
  type RecordErrors,
  type RecordInstance,
  recordDraftOf,
  recordErrorsFrom,
  type SchemaField,
  shortId,
} from '@/lib/records';
import { useChoiceItems } from '@/queries/choice-lists';
import { useCreateRecord, useRecordOptions, useRefreshRecord, useUpdateRecord } from '@/queries/records';

const labelOf = (field: SchemaField) => `${field.label ?? field.name}${field.required ? ' *' : ''}`;

/**
 * A create or edit form generated from the record type's effective schema: one input per field, by
 * type; choices offer the list's active items, references the records of the referenced type. An edit
 * is based on the record's version: a stale one is refused (409) and the form offers to reload.
 */
export function RecordForm({
  tenant,
  recordType,
  recordTypes,
  record,
  onSaved,
  onReloaded,
}: {
  tenant: string;
  recordType: RecordType;
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
    setErrors(recordErrorsFrom(error));
    focusInvalid();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = buildRecordData(fields, draft, base);
    if (!built.ok) {
      setErrors(built.errors);
      focusInvalid();
      return;
    }
    if (record) {
      update.mutate(
        { id: record.id, data: built.data, version: record.version },
        { onSuccess: onSaved, onError },
      );
    } else {
      create.mutate({ recordTypeId: recordType.id, data: built.data }, { onSuccess: onSaved, onError });
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
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">This record type has no fields; the record holds no data.</p>
      ) : null}
      {fields.map((field) => (
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

function FieldInput({
  tenant,
  field,
  projectId,
  recordTypes,
  value,
  onChange,
  error,
  disabled,
}: {
  tenant: string;
  field: SchemaField;
  projectId: string;
  recordTypes: readonly RecordType[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const id = `record-${field.name}`;
  const label = labelOf(field);
  const common = { id, label, error, disabled, 'aria-required': field.required || undefined };
  switch (field.type) {
    case 'boolean':
      return (
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input
            id={id}
            type="checkbox"
            checked={value === 'true'}
            onChange={(event) => onChange(event.target.checked ? 'true' : 'false')}
            disabled={disabled}
          />
          {field.label ?? field.name}
        </label>
      );
    case 'text':
      return (
        <TextAreaField
          {...common}
          rows={3}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      );
    case 'choice':
      return <ChoiceInput tenant={tenant} field={field} common={common} value={value} onChange={onChange} />;
    case 'reference': {
      const target = recordTypes.find(
        (rt) => rt.projectId === projectId && rt.key === field.referenceRecordTypeKey,
      );
      return (
        <ReferenceInput
          tenant={tenant}
          target={target ?? null}
          common={common}
          value={value}
          onChange={onChange}
        />
      );
    }
    default:
      return (
        <TextField
          {...common}
          type={field.type === 'date' ? 'date' : field.type === 'datetime' ? 'datetime-local' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          hint={field.type === 'datetime' ? 'UTC' : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
        />
      );
  }
}

type Common = {
  id: string;
  label: string;
  error: string | undefined;
  disabled: boolean;
  'aria-required': true | undefined;
};

function ChoiceInput({
  tenant,
  field,
  common,
  value,
  onChange,
}: {
  tenant: string;
  field: SchemaField;
  common: Common;
  value: string;
  onChange: (value: string) => void;
}) {
  const items = useChoiceItems(tenant, field.choiceListId ?? '');
  const active = (items.data ?? []).filter((i) => i.isActive || i.value === value);
  return (
    <SelectField
      {...common}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={items.isPending ? 'Loading choices…' : items.isError ? 'Could not load the choices' : undefined}
    >
      <option value="">{field.required ? 'Pick one' : 'None'}</option>
      {active.map((item) => (
        <option key={item.id} value={item.value}>
          {item.label}
        </option>
      ))}
    </SelectField>
  );
}

function ReferenceInput({
  tenant,
  target,
  common,
  value,
  onChange,
}: {
  tenant: string;
  target: RecordType | null;
  common: Common;
  value: string;
  onChange: (value: string) => void;
}) {
  const options = useRecordOptions(tenant, target?.id ?? null);
  const firstField = target?.schema.fields.find((f) => f.type === 'string');
  const labelOfRecord = (r: RecordInstance) => {
    const text = firstField ? r.data[firstField.name] : undefined;
    return typeof text === 'string' && text !== '' ? `${text} (${shortId(r.id)})` : shortId(r.id);
  };
  const records = options.data ?? [];
  return (
    <SelectField
      {...common}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={
        !target
          ? 'The referenced record type is not in this project'
          : options.isPending
            ? 'Loading records…'
            : records.length === 0
              ? `No ${target.name} records yet`
              : `A ${target.name} record`
      }
    >
      <option value="">None</option>
      {value && !records.some((r) => r.id === value) ? <option value={value}>{shortId(value)}</option> : null}
      {records.map((r) => (
        <option key={r.id} value={r.id}>
          {labelOfRecord(r)}
        </option>
      ))}
    </SelectField>
  );
}

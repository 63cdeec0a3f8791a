'use client';

import Link from 'next/link';
import { type FormEvent, useRef, useState } from 'react';
import { FieldEditor } from '@/components/field-editor';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { formErrorsFrom } from '@/lib/errors';
import { EMPTY_FIELD_DRAFT, type FieldDraft, type FieldDraftKey } from '@/lib/fields';
import {
  EMPTY_RECORD_TYPE_FORM,
  fieldRowErrorKey,
  type RecordType,
  type RecordTypeFormErrors,
  type RecordTypeFormValues,
  toCreateRecordTypeBody,
  validateRecordTypeForm,
} from '@/lib/record-types';
import { useChoiceLists } from '@/queries/choice-lists';
import { useCreateRecordType } from '@/queries/record-types';

const SERVER_FIELDS = ['key', 'name', 'baseType', 'fields'] as const;

/** Creates a draft record type: key, name, an optional base type of the project and its first fields. */
export function RecordTypeForm({
  tenant,
  projectId,
  recordTypes,
}: {
  tenant: string;
  projectId: string;
  recordTypes: RecordType[];
}) {
  const create = useCreateRecordType(tenant);
  const choiceLists = useChoiceLists(tenant);
  const [values, setValues] = useState<RecordTypeFormValues>(EMPTY_RECORD_TYPE_FORM);
  const [errors, setErrors] = useState<RecordTypeFormErrors>({});
  const [created, setCreated] = useState<RecordType | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  // Rows need stable keys while rows above them are removed.
  const [rowIds, setRowIds] = useState<number[]>([]);
  const [nextRowId, setNextRowId] = useState(0);

  const update = (patch: Partial<RecordTypeFormValues>) => {
    setValues((prev) => ({ ...prev, ...patch }));
    setErrors({});
    setCreated(null);
  };
  const setField = (row: number, field: FieldDraft) =>
    update({ fields: values.fields.map((f, i) => (i === row ? field : f)) });
  const addRow = () => {
    update({ fields: [...values.fields, EMPTY_FIELD_DRAFT] });
    setRowIds((ids) => [...ids, nextRowId]);
    setNextRowId((n) => n + 1);
  };
  const removeRow = (row: number) => {
    update({ fields: values.fields.filter((_, i) => i !== row) });
    setRowIds((ids) => ids.filter((_, i) => i !== row));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const clientErrors = validateRecordTypeForm(values);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusInvalid();
      return;
    }
    create.mutate(toCreateRecordTypeBody(projectId, values), {
      onSuccess: (recordType) => {
        setCreated(recordType);
        setValues(EMPTY_RECORD_TYPE_FORM);
        setRowIds([]);
      },
      onError: (error) => {
        setErrors(formErrorsFrom(error, SERVER_FIELDS));
        focusInvalid();
      },
    });
  };

  const pending = create.isPending;
  const keys = [...recordTypes.map((rt) => rt.key), ...(values.key.trim() ? [values.key.trim()] : [])];
  const rowErrors = (row: number) => {
    const out: Partial<Record<FieldDraftKey, string>> = {};
    for (const input of ['name', 'choiceListId', 'referenceRecordTypeKey'] as const) {
      const message = errors[fieldRowErrorKey(row, input)];
      if (message) out[input] = message;
    }
    return out;
  };

  return (
    <form
      ref={formRef}
      aria-label="Create record type"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 px-5 py-5"
    >
      <div>
        <h3 className="text-sm font-semibold text-slate-900">New record type</h3>
        <p className="mt-0.5 text-xs text-slate-500">
          Starts as a draft: fields can be added directly until it is activated.
        </p>
      </div>
      {errors._form ? (
        <Alert tone="error" testId="record-type-form-error">
          {errors._form}
        </Alert>
      ) : null}
      {created ? (
        <Alert tone="success" testId="record-type-form-success">
          Created{' '}
          <Link
            href={`/projects/${projectId}/record-types/${created.id}`}
            className="font-semibold underline underline-offset-2"
          >
            {created.name}
          </Link>{' '}
          as a draft with {created.schema.fields.length} field{created.schema.fields.length === 1 ? '' : 's'}.
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField
          id="record-type-key"
          label="Key"
          placeholder="incident"
          value={values.key}
          onChange={(event) => update({ key: event.target.value })}
          error={errors.key}
          disabled={pending}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          hint="Lower snake case, unique in the project"
        />
        <TextField
          id="record-type-name"
          label="Name"
          placeholder="Incident"
          value={values.name}
          onChange={(event) => update({ name: event.target.value })}
          error={errors.name}
          disabled={pending}
          autoComplete="off"
          hint="Unique in the tenant"
        />
        <SelectField
          id="record-type-base"
          label="Base type"
          value={values.baseType}
          onChange={(event) => update({ baseType: event.target.value })}
          error={errors.baseType}
          disabled={pending}
          hint="Inherits the base type's fields"
        >
          <option value="">None</option>
          {recordTypes.map((rt) => (
            <option key={rt.id} value={rt.key}>
              {rt.name} ({rt.key})
            </option>
          ))}
        </SelectField>
      </div>
      <div className="space-y-3">
        {values.fields.map((field, row) => (
          <fieldset
            key={rowIds[row]}
            aria-label={`Field ${row + 1}`}
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
          >
            <div className="mb-2 flex items-center justify-between">
              <span className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                Field {row + 1}
              </span>
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                aria-label={`Remove field ${row + 1}`}
                onClick={() => removeRow(row)}
                disabled={pending}
              >
                Remove
              </Button>
            </div>
            <FieldEditor
              idPrefix={`record-type-field-${rowIds[row]}`}
              value={field}
              onChange={(next) => setField(row, next)}
              errors={rowErrors(row)}
              choiceLists={choiceLists.data ?? []}
              recordTypeKeys={keys}
              disabled={pending}
            />
          </fieldset>
        ))}
        {errors.fields ? <p className="text-sm text-rose-600">{errors.fields}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={addRow} disabled={pending}>
          Add field
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner className="size-4 text-white" /> : null}
          {pending ? 'Creating…' : 'Create record type'}
        </Button>
      </div>
    </form>
  );
}

'use client';

import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import type { RecordType } from '@/lib/record-types';
import { type RecordInstance, type SchemaField, shortId } from '@/lib/records';
import { useChoiceItems } from '@/queries/choice-lists';
import { useRecordOptions } from '@/queries/records';

const labelOf = (field: SchemaField) => `${field.label ?? field.name}${field.required ? ' *' : ''}`;

/**
 * One input of a record form, by the field's type: choices offer the list's active items, references
 * the records of the referenced type. `readOnly` shows the value without letting it change.
 */
export function FieldInput({
  tenant,
  field,
  projectId,
  recordTypes,
  value,
  onChange,
  error,
  disabled,
  readOnly = false,
}: {
  tenant: string;
  field: SchemaField;
  projectId: string;
  recordTypes: readonly RecordType[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
  readOnly?: boolean;
}) {
  const id = `record-${field.name}`;
  const label = labelOf(field);
  const common = {
    id,
    label,
    error,
    disabled: disabled || readOnly,
    hint: readOnly ? 'Read-only' : undefined,
    'aria-required': field.required || undefined,
  };
  switch (field.type) {
    case 'boolean':
      return (
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input
            id={id}
            type="checkbox"
            checked={value === 'true'}
            onChange={(event) => onChange(event.target.checked ? 'true' : 'false')}
            disabled={common.disabled}
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
          hint={common.hint ?? (field.type === 'datetime' ? 'UTC' : undefined)}
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
  hint: string | undefined;
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
      hint={
        common.hint ??
        (items.isPending ? 'Loading choices…' : items.isError ? 'Could not load the choices' : undefined)
      }
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

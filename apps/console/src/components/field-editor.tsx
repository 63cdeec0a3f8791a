'use client';

import { SelectField, TextField } from '@/components/ui/field';
import { FIELD_TYPES, type FieldDraft, type FieldDraftKey, isFieldType } from '@/lib/fields';

export type ChoiceListOption = { id: string; name: string };

/**
 * The inputs of one field definition: name, type (the eight types), label, required, and the binding its
 * type needs (a choice list for choice, a record type key for reference). Used by the record type forms
 * and by the add_field / set_field ops.
 */
export function FieldEditor({
  idPrefix,
  value,
  onChange,
  errors = {},
  choiceLists,
  recordTypeKeys,
  fieldNames,
  disabled = false,
}: {
  idPrefix: string;
  value: FieldDraft;
  onChange: (next: FieldDraft) => void;
  errors?: Partial<Record<FieldDraftKey, string | undefined>>;
  choiceLists: ChoiceListOption[];
  /** Keys offered for a reference field (any key of the project may be typed). */
  recordTypeKeys: string[];
  /** Existing field names offered while typing the name (set_field replaces one of them). */
  fieldNames?: string[];
  disabled?: boolean;
}) {
  const set = <K extends keyof FieldDraft>(key: K, next: FieldDraft[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <div className="grid gap-3 sm:grid-cols-6">
      <div className="sm:col-span-2">
        <TextField
          id={`${idPrefix}-name`}
          label="Field name"
          placeholder="priority"
          value={value.name}
          onChange={(event) => set('name', event.target.value)}
          error={errors.name}
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          list={fieldNames && fieldNames.length > 0 ? `${idPrefix}-names` : undefined}
          className="font-mono"
        />
        {fieldNames && fieldNames.length > 0 ? (
          <datalist id={`${idPrefix}-names`}>
            {fieldNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        ) : null}
      </div>
      <div className="sm:col-span-2">
        <SelectField
          id={`${idPrefix}-type`}
          label="Type"
          value={value.type}
          onChange={(event) => {
            if (isFieldType(event.target.value)) set('type', event.target.value);
          }}
          disabled={disabled}
        >
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="sm:col-span-2">
        <TextField
          id={`${idPrefix}-label`}
          label="Label"
          placeholder="Optional"
          value={value.label}
          onChange={(event) => set('label', event.target.value)}
          disabled={disabled}
          autoComplete="off"
        />
      </div>
      {value.type === 'choice' ? (
        <div className="sm:col-span-3">
          <SelectField
            id={`${idPrefix}-choice-list`}
            label="Choice list"
            value={value.choiceListId}
            onChange={(event) => set('choiceListId', event.target.value)}
            error={errors.choiceListId}
            disabled={disabled}
            hint={
              choiceLists.length === 0
                ? 'No choice lists yet: create one under Admin → Choice lists'
                : undefined
            }
          >
            <option value="">Pick a choice list…</option>
            {choiceLists.map((list) => (
              <option key={list.id} value={list.id}>
                {list.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {value.type === 'reference' ? (
        <div className="sm:col-span-3">
          <TextField
            id={`${idPrefix}-reference`}
            label="Referenced record type key"
            placeholder="incident"
            value={value.referenceRecordTypeKey}
            onChange={(event) => set('referenceRecordTypeKey', event.target.value)}
            error={errors.referenceRecordTypeKey}
            disabled={disabled}
            autoComplete="off"
            spellCheck={false}
            list={`${idPrefix}-reference-keys`}
            className="font-mono"
            hint="A record type of the same project"
          />
          <datalist id={`${idPrefix}-reference-keys`}>
            {recordTypeKeys.map((key) => (
              <option key={key} value={key} />
            ))}
          </datalist>
        </div>
      ) : null}
      <label
        htmlFor={`${idPrefix}-required`}
        className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-slate-700 sm:col-span-3"
      >
        <input
          id={`${idPrefix}-required`}
          type="checkbox"
          checked={value.required}
          onChange={(event) => set('required', event.target.checked)}
          disabled={disabled}
          className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
        />
        Required
      </label>
    </div>
  );
}

'use client';

import type { FieldState } from '@ec3l/form-rules';
import { FieldInput } from '@/features/records/field-input';
import { columnsOf, type FormLayout } from '@/lib/forms';
import type { RecordType } from '@/lib/record-types';
import type { RecordDraft, RecordErrors, SchemaField } from '@/lib/records';

/**
 * A record's inputs laid out by a form: its sections in order, each with its placements in one or two
 * columns, every field as the rules make it on the current draft (`states`, from `evaluateForm`):
 * hidden fields are left out, required ones marked, read-only ones shown but locked. `showHidden` lists
 * the hidden fields under each section (the Studio's preview).
 */
export function FormFields({
  tenant,
  recordType,
  recordTypes,
  layout,
  states,
  draft,
  onChange,
  errors,
  disabled,
  showHidden = false,
}: {
  tenant: string;
  recordType: RecordType;
  recordTypes: readonly RecordType[];
  layout: FormLayout;
  states: Readonly<Record<string, FieldState>>;
  draft: RecordDraft;
  onChange: (field: string, value: string) => void;
  errors: RecordErrors;
  disabled: boolean;
  showHidden?: boolean;
}) {
  const byName = new Map<string, SchemaField>(recordType.schema.fields.map((f) => [f.name, f]));
  if (layout.sections.length === 0)
    return <p className="text-sm text-slate-600">This form has no sections yet.</p>;
  return (
    <div className="space-y-5">
      {layout.sections.map((section) => {
        const placed = section.placements.filter((p) => byName.has(p.field));
        const hidden = placed.filter((p) => states[p.field]?.visible === false);
        const columns = columnsOf(placed.filter((p) => states[p.field]?.visible !== false));
        return (
          <fieldset key={section.id} data-testid="form-section" data-section={section.title}>
            <legend className="text-sm font-semibold text-slate-900">{section.title}</legend>
            <div className="mt-2 grid grid-cols-1 gap-4 md:grid-cols-2">
              {columns.map((column, index) =>
                column.length === 0 ? null : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the two columns of a section are fixed positions
                  <div key={index} className={index === 1 ? 'space-y-4 md:col-start-2' : 'space-y-4'}>
                    {column.map((placement) => {
                      const field = byName.get(placement.field)!;
                      const state = states[field.name];
                      return (
                        <div
                          key={placement.id}
                          data-testid="form-field"
                          data-field={field.name}
                          data-required={state?.required ? 'true' : 'false'}
                          data-readonly={state?.readOnly ? 'true' : 'false'}
                        >
                          <FieldInput
                            tenant={tenant}
                            field={{ ...field, required: state?.required ?? field.required }}
                            projectId={recordType.projectId}
                            recordTypes={recordTypes}
                            value={draft[field.name] ?? ''}
                            onChange={(value) => onChange(field.name, value)}
                            error={errors[field.name]}
                            disabled={disabled}
                            readOnly={state?.readOnly ?? false}
                          />
                        </div>
                      );
                    })}
                  </div>
                ),
              )}
            </div>
            {showHidden && hidden.length > 0 ? (
              <p className="mt-2 text-xs text-slate-600" data-testid="form-hidden-fields">
                Hidden by the rules now: {hidden.map((p) => byName.get(p.field)?.label ?? p.field).join(', ')}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}

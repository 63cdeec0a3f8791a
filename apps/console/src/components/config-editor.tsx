'use client';

import { Button } from '@/components/ui/button';
import { INLINE_SELECT, SelectField, TextField } from '@/components/ui/field';
import {
  type AssignmentDraft,
  type AssignmentStrategy,
  type ConfigErrors,
  EMPTY_RULE,
  type RuleDraft,
  type SlaDraft,
  STRATEGIES,
  WEEKDAYS,
  type WeeklyDraft,
} from '@/lib/record-configs';

const INLINE_INPUT =
  'w-full rounded-md border-0 bg-white px-2 py-1 text-xs text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset ' +
  'focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-invalid:ring-rose-400';

/** The fields a configuration can name, as a select; a name not among them stays selectable. */
function FieldSelect({
  id,
  label,
  value,
  fields,
  onChange,
  error,
  disabled,
  optional,
}: {
  id: string;
  label: string;
  value: string;
  fields: readonly string[];
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
  optional?: boolean;
}) {
  const names = value && !fields.includes(value) ? [...fields, value] : fields;
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      disabled={disabled}
    >
      <option value="">{optional ? 'None' : 'Pick a field'}</option>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </SelectField>
  );
}

/** Who new records go to: strategy, then its value or its rules table. `idPrefix` keeps ids unique. */
export function AssignmentEditor({
  idPrefix,
  value,
  onChange,
  errors,
  fields,
  disabled,
}: {
  idPrefix: string;
  value: AssignmentDraft;
  onChange: (value: AssignmentDraft) => void;
  errors: ConfigErrors;
  fields: readonly string[];
  disabled: boolean;
}) {
  const set = (patch: Partial<AssignmentDraft>) => onChange({ ...value, ...patch });
  const setRule = (index: number, patch: Partial<RuleDraft>) =>
    set({ rules: value.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const hint = STRATEGIES.find((s) => s.key === value.strategy)?.hint;
  return (
    <fieldset className="space-y-3" data-testid={`${idPrefix}-assignment`}>
      <legend className="text-sm font-semibold text-slate-900">Assignment</legend>
      <SelectField
        id={`${idPrefix}-strategy`}
        label="Strategy"
        value={value.strategy}
        onChange={(event) => set({ strategy: event.target.value as AssignmentStrategy })}
        hint={hint}
        disabled={disabled}
      >
        {STRATEGIES.map((s) => (
          <option key={s.key} value={s.key}>
            {s.label}
          </option>
        ))}
      </SelectField>
      {value.strategy === 'static_user' || value.strategy === 'static_group' ? (
        <TextField
          id={`${idPrefix}-assignee`}
          label={value.strategy === 'static_user' ? 'User' : 'Group'}
          value={value.value}
          onChange={(event) => set({ value: event.target.value })}
          error={errors['assignmentConfig.value']}
          disabled={disabled}
          autoComplete="off"
        />
      ) : null}
      {value.strategy === 'field_match' ? (
        <>
          <FieldSelect
            id={`${idPrefix}-match-field`}
            label="Field that decides"
            value={value.field}
            fields={fields}
            onChange={(field) => set({ field })}
            error={errors['assignmentConfig.field']}
            disabled={disabled}
          />
          <div className="overflow-x-auto rounded-md ring-1 ring-slate-200">
            <table className="min-w-full text-xs" aria-label="Assignment rules">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th className="px-2 py-1.5 font-medium">When the value is</th>
                  <th className="px-2 py-1.5 font-medium">Assign to</th>
                  <th className="px-2 py-1.5 font-medium">Who</th>
                  <th className="px-2 py-1.5">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {value.rules.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="px-2 py-2 text-slate-600">
                      No rules: every record goes to the default.
                    </td>
                  </tr>
                ) : null}
                {value.rules.map((rule, i) => {
                  const equalsError = errors[`assignmentConfig.rules.${i}.equals`];
                  const valueError = errors[`assignmentConfig.rules.${i}.assignTo.value`];
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity but their position
                    <tr key={i} data-testid={`${idPrefix}-rule`}>
                      <td className="px-2 py-1.5">
                        <input
                          aria-label={`Rule ${i + 1} value`}
                          className={INLINE_INPUT}
                          value={rule.equals}
                          aria-invalid={equalsError ? true : undefined}
                          title={equalsError}
                          onChange={(event) => setRule(i, { equals: event.target.value })}
                          disabled={disabled}
                        />
                      </td>
                      <td className="px-2 py-1.5">
                        <select
                          aria-label={`Rule ${i + 1} assignee kind`}
                          className={INLINE_SELECT}
                          value={rule.kind}
                          onChange={(event) => setRule(i, { kind: event.target.value as RuleDraft['kind'] })}
                          disabled={disabled}
                        >
                          <option value="group">Group</option>
                          <option value="user">User</option>
                        </select>
                      </td>
                      <td className="px-2 py-1.5">
                        <input
                          aria-label={`Rule ${i + 1} assignee`}
                          className={INLINE_INPUT}
                          value={rule.value}
                          aria-invalid={valueError ? true : undefined}
                          title={valueError}
                          onChange={(event) => setRule(i, { value: event.target.value })}
                          disabled={disabled}
                        />
                      </td>
                      <td className="px-2 py-1.5 text-right">
                        <Button
                          variant="ghost"
                          className="px-2 py-0.5 text-xs"
                          aria-label={`Remove rule ${i + 1}`}
                          onClick={() => set({ rules: value.rules.filter((_, j) => j !== i) })}
                          disabled={disabled}
                        >
                          Remove
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {Object.keys(errors).some((k) => k.startsWith('assignmentConfig.rules.')) ? (
            <p className="text-sm text-rose-600">Every rule needs a value and an assignee.</p>
          ) : null}
          <Button
            variant="secondary"
            className="px-2.5 py-1 text-xs"
            onClick={() => set({ rules: [...value.rules, EMPTY_RULE] })}
            disabled={disabled}
          >
            Add rule
          </Button>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <SelectField
              id={`${idPrefix}-default-kind`}
              label="Otherwise"
              value={value.defaultKind}
              onChange={(event) => set({ defaultKind: event.target.value as AssignmentDraft['defaultKind'] })}
              disabled={disabled}
            >
              <option value="none">Leave unassigned</option>
              <option value="group">A group</option>
              <option value="user">A user</option>
            </SelectField>
            {value.defaultKind !== 'none' ? (
              <TextField
                id={`${idPrefix}-default-value`}
                label={value.defaultKind === 'user' ? 'Default user' : 'Default group'}
                value={value.defaultValue}
                onChange={(event) => set({ defaultValue: event.target.value })}
                error={errors['assignmentConfig.default.value']}
                disabled={disabled}
                autoComplete="off"
              />
            ) : null}
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={value.reassignOnUpdate}
              onChange={(event) => set({ reassignOnUpdate: event.target.checked })}
              disabled={disabled}
            />
            Resolve again when an update changes the field
          </label>
        </>
      ) : null}
    </fieldset>
  );
}

const CONDITIONS = [
  { key: 'pause', label: 'Pause while field', hint: 'Comma separated, e.g. on_hold' },
  { key: 'complete', label: 'Met when field', hint: 'Comma separated, e.g. resolved, closed' },
] as const;

/** A condition on a field's value: the field, and the values (comma separated) that meet it. */
function ConditionInputs({
  id,
  label,
  hint,
  field,
  values,
  onField,
  onValues,
  errors,
  path,
  fields,
  disabled,
}: {
  id: string;
  label: string;
  hint: string;
  field: string;
  values: string;
  onField: (value: string) => void;
  onValues: (value: string) => void;
  errors: ConfigErrors;
  path: string;
  fields: readonly string[];
  disabled: boolean;
}) {
  return (
    <>
      <FieldSelect
        id={`${id}-field`}
        label={label}
        value={field}
        fields={fields}
        onChange={onField}
        error={errors[`${path}.field`]}
        disabled={disabled}
        optional
      />
      <TextField
        id={`${id}-values`}
        label="is one of"
        value={values}
        onChange={(event) => onValues(event.target.value)}
        error={errors[`${path}.values`]}
        hint={hint}
        disabled={disabled}
      />
    </>
  );
}

/** The service level: duration, warning, pause and completion conditions, business calendar. */
export function SlaEditor({
  idPrefix,
  value,
  onChange,
  errors,
  fields,
  disabled,
}: {
  idPrefix: string;
  value: SlaDraft;
  onChange: (value: SlaDraft) => void;
  errors: ConfigErrors;
  fields: readonly string[];
  disabled: boolean;
}) {
  const set = (patch: Partial<SlaDraft>) => onChange({ ...value, ...patch });
  const setHours = (index: number, patch: Partial<WeeklyDraft>) =>
    set({ weekly: value.weekly.map((w, j) => (j === index ? { ...w, ...patch } : w)) });
  return (
    <fieldset className="space-y-3" data-testid={`${idPrefix}-sla`}>
      <legend className="text-sm font-semibold text-slate-900">SLA</legend>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={value.enabled}
          onChange={(event) => set({ enabled: event.target.checked })}
          disabled={disabled}
          data-testid={`${idPrefix}-sla-enabled`}
        />
        Hold records to a service level
      </label>
      {value.enabled ? (
        <>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField
              id={`${idPrefix}-duration`}
              label="Time to resolve (minutes)"
              inputMode="numeric"
              value={value.durationMinutes}
              onChange={(event) => set({ durationMinutes: event.target.value })}
              error={errors['slaConfig.durationMinutes']}
              disabled={disabled}
            />
            <TextField
              id={`${idPrefix}-warning`}
              label="Warn at (% elapsed)"
              inputMode="numeric"
              value={value.warningPercent}
              onChange={(event) => set({ warningPercent: event.target.value })}
              error={errors['slaConfig.warningPercent']}
              hint="Optional"
              disabled={disabled}
            />
          </div>
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {CONDITIONS.map((c) => (
              <ConditionInputs
                key={c.key}
                id={`${idPrefix}-${c.key}`}
                label={c.label}
                hint={c.hint}
                field={value[`${c.key}Field`]}
                values={value[`${c.key}Values`]}
                onField={(field) => set({ [`${c.key}Field`]: field })}
                onValues={(values) => set({ [`${c.key}Values`]: values })}
                errors={errors}
                path={`slaConfig.${c.key}When`}
                fields={fields}
                disabled={disabled}
              />
            ))}
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={value.calendar}
              onChange={(event) => set({ calendar: event.target.checked })}
              disabled={disabled}
            />
            Count business hours only
          </label>
          {value.calendar ? (
            <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
              <TextField
                id={`${idPrefix}-time-zone`}
                label="Time zone"
                value={value.timeZone}
                onChange={(event) => set({ timeZone: event.target.value })}
                error={errors['slaConfig.calendar.timeZone']}
                hint="IANA name, e.g. Europe/Berlin"
                disabled={disabled}
              />
              <ul className="space-y-1.5" aria-label="Working hours">
                {value.weekly.map((w, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: hours have no identity but their position
                  <li key={i} className="flex flex-wrap items-center gap-2 text-xs">
                    <select
                      aria-label={`Working hours ${i + 1} day`}
                      className={INLINE_SELECT}
                      value={w.day}
                      onChange={(event) => setHours(i, { day: event.target.value })}
                      disabled={disabled}
                    >
                      {WEEKDAYS.map((day, d) => (
                        <option key={day} value={String(d + 1)}>
                          {day}
                        </option>
                      ))}
                    </select>
                    {(['start', 'end'] as const).map((edge) => (
                      <input
                        key={edge}
                        type="time"
                        aria-label={`Working hours ${i + 1} ${edge}`}
                        className={`${INLINE_INPUT} w-28`}
                        value={w[edge]}
                        aria-invalid={errors[`slaConfig.calendar.weekly.${i}`] ? true : undefined}
                        onChange={(event) => setHours(i, { [edge]: event.target.value })}
                        disabled={disabled}
                      />
                    ))}
                    <Button
                      variant="ghost"
                      className="px-2 py-0.5 text-xs"
                      aria-label={`Remove working hours ${i + 1}`}
                      onClick={() => set({ weekly: value.weekly.filter((_, j) => j !== i) })}
                      disabled={disabled}
                    >
                      Remove
                    </Button>
                    {errors[`slaConfig.calendar.weekly.${i}`] ? (
                      <span className="text-rose-600">{errors[`slaConfig.calendar.weekly.${i}`]}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
              {errors['slaConfig.calendar.weekly'] ? (
                <p className="text-sm text-rose-600">{errors['slaConfig.calendar.weekly']}</p>
              ) : null}
              <Button
                variant="secondary"
                className="px-2.5 py-1 text-xs"
                onClick={() => set({ weekly: [...value.weekly, { day: '1', start: '09:00', end: '17:00' }] })}
                disabled={disabled}
              >
                Add working hours
              </Button>
              <TextField
                id={`${idPrefix}-holidays`}
                label="Holidays"
                value={value.holidays}
                onChange={(event) => set({ holidays: event.target.value })}
                error={errors['slaConfig.calendar.holidays']}
                hint="Comma separated dates, YYYY-MM-DD"
                disabled={disabled}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}

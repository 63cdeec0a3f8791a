'use client';

import { type FormEvent, useRef, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { INLINE_SELECT, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { cx } from '@/lib/cx';
import { formErrorsFrom } from '@/lib/errors';
import type { ActionGate } from '@/lib/permissions';
import {
  buildStep,
  CONDITION_OPS,
  type ComparisonDraft,
  emptyStepDraft,
  type FormErrors,
  isOneOf,
  opLabel,
  STEP_TYPES,
  type StepDraft,
  type StepField,
} from '@/lib/workflows';
import { useAddWorkflowStep } from '@/queries/workflows';

const FIELDS: readonly StepField[] = [
  'name',
  'assignTarget',
  'approvers',
  'ruleNumber',
  'deadlineMinutes',
  'escalationApprovers',
  'channel',
  'template',
  'condition',
  'onTrue',
  'onFalse',
  'updates',
  'recordIdField',
  'lockReason',
];

/** The add-step form: the step type, then the configuration form of that type. */
export function StepForm({
  tenant,
  definitionId,
  stepCount,
  gate,
}: {
  tenant: string;
  definitionId: string;
  stepCount: number;
  gate: ActionGate;
}) {
  const add = useAddWorkflowStep(tenant, definitionId);
  const [draft, setDraft] = useState<StepDraft>(emptyStepDraft());
  const [errors, setErrors] = useState<FormErrors<StepField>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const set = <K extends keyof StepDraft>(key: K, value: StepDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, _form: undefined }));
  };
  const locked = !gate.allowed;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = buildStep(draft, stepCount + 1);
    if (!built.ok) {
      setErrors(built.errors);
      return focusInvalid();
    }
    setErrors({});
    add.mutate(built.body, {
      onSuccess: () => setDraft(emptyStepDraft(draft.stepType)),
      onError: (error) => {
        const mapped = formErrorsFrom(error, FIELDS);
        setErrors(mapped);
        focusInvalid();
      },
    });
  };

  return (
    <form ref={formRef} aria-label="Add step" noValidate onSubmit={onSubmit} className="space-y-4 px-5 py-4">
      {errors._form ? <Alert tone="error">{errors._form}</Alert> : null}
      <fieldset disabled={locked || add.isPending} className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField
          id="step-type"
          label="Step type"
          hint={STEP_TYPES.find((t) => t.key === draft.stepType)?.hint}
          value={draft.stepType}
          onChange={(event) => {
            const type = STEP_TYPES.find((t) => t.key === event.target.value)?.key ?? 'notification';
            setDraft((d) => ({ ...d, stepType: type }));
            setErrors({});
          }}
        >
          {STEP_TYPES.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <TextField
          id="step-name"
          label="Name (optional)"
          value={draft.name}
          onChange={(event) => set('name', event.target.value)}
          error={errors.name}
          autoComplete="off"
        />
        <StepConfigFields draft={draft} errors={errors} set={set} stepCount={stepCount + 1} />
      </fieldset>
      <GatedButton gate={gate} type="submit" busy={add.isPending} spinning={add.isPending}>
        Add step
      </GatedButton>
    </form>
  );
}

type Setter = <K extends keyof StepDraft>(key: K, value: StepDraft[K]) => void;

function StepConfigFields({
  draft,
  errors,
  set,
  stepCount,
}: {
  draft: StepDraft;
  errors: FormErrors<StepField>;
  set: Setter;
  stepCount: number;
}) {
  switch (draft.stepType) {
    case 'assignment':
      return (
        <>
          <SelectField
            id="step-assign-strategy"
            label="Assign to"
            value={draft.assignStrategy}
            onChange={(event) =>
              set(
                'assignStrategy',
                isOneOf(['user', 'group', 'rule'], event.target.value) ? event.target.value : 'user',
              )
            }
          >
            <option value="user">A user</option>
            <option value="group">A group</option>
            <option value="rule">The record type's assignment rules</option>
          </SelectField>
          {draft.assignStrategy !== 'rule' ? (
            <TextField
              id="step-assign-target"
              label={draft.assignStrategy === 'user' ? 'User id' : 'Group'}
              value={draft.assignTarget}
              onChange={(event) => set('assignTarget', event.target.value)}
              error={errors.assignTarget}
              autoComplete="off"
            />
          ) : null}
        </>
      );
    case 'approval':
      return (
        <>
          <SelectField
            id="step-approver-mode"
            label="Approvers are"
            value={draft.approverMode}
            onChange={(event) => set('approverMode', event.target.value === 'role' ? 'role' : 'users')}
          >
            <option value="users">Named users</option>
            <option value="role">The holders of a role</option>
          </SelectField>
          <TextField
            id="step-approvers"
            label={draft.approverMode === 'role' ? 'Role name' : 'User ids (comma-separated)'}
            value={draft.approvers}
            onChange={(event) => set('approvers', event.target.value)}
            error={errors.approvers}
            autoComplete="off"
          />
          <SelectField
            id="step-rule"
            label="Settled by"
            value={draft.rule}
            onChange={(event) =>
              set(
                'rule',
                isOneOf(['any', 'all', 'n_of_m', 'percentage'], event.target.value)
                  ? event.target.value
                  : 'any',
              )
            }
          >
            <option value="any">Any one approver</option>
            <option value="all">All approvers</option>
            <option value="n_of_m">N of the approvers</option>
            <option value="percentage">A percentage of them</option>
          </SelectField>
          {draft.rule === 'n_of_m' || draft.rule === 'percentage' ? (
            <TextField
              id="step-rule-number"
              label={draft.rule === 'n_of_m' ? 'How many (N)' : 'Percentage'}
              inputMode="numeric"
              value={draft.ruleNumber}
              onChange={(event) => set('ruleNumber', event.target.value)}
              error={errors.ruleNumber}
            />
          ) : null}
          <TextField
            id="step-deadline"
            label="Deadline in minutes (optional)"
            inputMode="numeric"
            value={draft.deadlineMinutes}
            onChange={(event) => set('deadlineMinutes', event.target.value)}
            error={errors.deadlineMinutes}
          />
          <SelectField
            id="step-escalation"
            label="When the deadline passes"
            value={draft.escalation}
            onChange={(event) =>
              set(
                'escalation',
                isOneOf(['reassign', 'auto_approve', 'auto_reject'], event.target.value)
                  ? event.target.value
                  : '',
              )
            }
          >
            <option value="">Keep waiting</option>
            <option value="reassign">Ask other approvers</option>
            <option value="auto_approve">Approve automatically</option>
            <option value="auto_reject">Reject automatically</option>
          </SelectField>
          {draft.escalation === 'reassign' ? (
            <TextField
              id="step-escalation-approvers"
              label="Ask instead (user ids)"
              value={draft.escalationApprovers}
              onChange={(event) => set('escalationApprovers', event.target.value)}
              error={errors.escalationApprovers}
              autoComplete="off"
            />
          ) : null}
        </>
      );
    case 'notification':
      return (
        <>
          <TextField
            id="step-channel"
            label="Channel"
            value={draft.channel}
            onChange={(event) => set('channel', event.target.value)}
            error={errors.channel}
            autoComplete="off"
          />
          <TextField
            id="step-recipients"
            label="Recipients (optional, comma-separated)"
            value={draft.recipients}
            onChange={(event) => set('recipients', event.target.value)}
            autoComplete="off"
          />
          <div className="md:col-span-2">
            <TextAreaField
              id="step-template"
              label="Template"
              hint="{{input.x}} and {{record.field}} are replaced by their values"
              value={draft.template}
              onChange={(event) => set('template', event.target.value)}
              error={errors.template}
              rows={3}
            />
          </div>
        </>
      );
    case 'decision':
      return (
        <>
          <div className="md:col-span-2">
            <ConditionBuilder
              draft={draft}
              error={errors.condition}
              onChange={(condition) => set('condition', condition)}
            />
          </div>
          <TextField
            id="step-on-true"
            label="When true, go to step (blank: next)"
            inputMode="numeric"
            value={draft.onTrue}
            onChange={(event) => set('onTrue', event.target.value)}
            error={errors.onTrue}
            hint={`This step will be step ${stepCount}`}
          />
          <TextField
            id="step-on-false"
            label="When false, go to step (blank: next)"
            inputMode="numeric"
            value={draft.onFalse}
            onChange={(event) => set('onFalse', event.target.value)}
            error={errors.onFalse}
          />
        </>
      );
    case 'record_mutation':
      return (
        <fieldset
          className="space-y-2 md:col-span-2"
          aria-describedby={errors.updates ? 'step-updates-error' : undefined}
        >
          <legend className="text-sm font-medium text-slate-700">Field updates</legend>
          {draft.updates.map((u, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
            <div key={i} className="flex flex-wrap items-center gap-2">
              <input
                aria-label={`Field ${i + 1}`}
                id={i === 0 ? 'step-updates' : undefined}
                aria-invalid={errors.updates ? true : undefined}
                placeholder="status"
                value={u.field}
                onChange={(event) =>
                  set(
                    'updates',
                    draft.updates.map((x, j) => (j === i ? { ...x, field: event.target.value } : x)),
                  )
                }
                className={cx(INLINE_SELECT, 'w-40 font-mono text-sm')}
              />
              <span className="text-sm text-slate-600">=</span>
              <input
                aria-label={`Value ${i + 1}`}
                placeholder='"resolved", 3, true'
                value={u.value}
                onChange={(event) =>
                  set(
                    'updates',
                    draft.updates.map((x, j) => (j === i ? { ...x, value: event.target.value } : x)),
                  )
                }
                className={cx(INLINE_SELECT, 'min-w-0 flex-1 font-mono text-sm')}
              />
              {draft.updates.length > 1 ? (
                <Button
                  variant="ghost"
                  className="px-2 py-1 text-xs"
                  onClick={() =>
                    set(
                      'updates',
                      draft.updates.filter((_, j) => j !== i),
                    )
                  }
                >
                  Remove
                </Button>
              ) : null}
            </div>
          ))}
          <Button
            variant="secondary"
            className="px-2.5 py-1 text-xs"
            onClick={() => set('updates', [...draft.updates, { field: '', value: '' }])}
          >
            Add a field
          </Button>
          {errors.updates ? (
            <p id="step-updates-error" className="text-sm text-rose-700">
              {errors.updates}
            </p>
          ) : null}
        </fieldset>
      );
    case 'record_lock':
      return (
        <>
          <TextField
            id="step-record-id-field"
            label="Input field with the record id (optional)"
            hint="The execution's record when blank"
            value={draft.recordIdField}
            onChange={(event) => set('recordIdField', event.target.value)}
            error={errors.recordIdField}
            autoComplete="off"
          />
          <TextField
            id="step-lock-reason"
            label="Reason (optional)"
            value={draft.lockReason}
            onChange={(event) => set('lockReason', event.target.value)}
            error={errors.lockReason}
            autoComplete="off"
          />
        </>
      );
  }
}

/** Comparisons over input.* and record.*, joined by all or any. */
function ConditionBuilder({
  draft,
  error,
  onChange,
}: {
  draft: StepDraft;
  error: string | undefined;
  onChange: (condition: StepDraft['condition']) => void;
}) {
  const { condition } = draft;
  const setRow = (i: number, row: Partial<ComparisonDraft>) =>
    onChange({ ...condition, rows: condition.rows.map((r, j) => (j === i ? { ...r, ...row } : r)) });
  return (
    <fieldset className="space-y-2" aria-describedby={error ? 'step-condition-error' : undefined}>
      <legend className="text-sm font-medium text-slate-700">Condition</legend>
      {condition.rows.length > 1 ? (
        <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
          Match
          <select
            aria-label="Join comparisons"
            value={condition.join}
            onChange={(event) =>
              onChange({ ...condition, join: event.target.value === 'any' ? 'any' : 'all' })
            }
            className={cx(INLINE_SELECT, 'text-sm')}
          >
            <option value="all">all of these (and)</option>
            <option value="any">any of these (or)</option>
          </select>
        </label>
      ) : null}
      {condition.rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no identity of their own
        <div key={i} className="flex flex-wrap items-center gap-2" data-testid="condition-row">
          <input
            aria-label={`Condition ${i + 1} field`}
            id={i === 0 ? 'step-condition' : undefined}
            aria-invalid={error ? true : undefined}
            placeholder="record.priority"
            value={row.field}
            onChange={(event) => setRow(i, { field: event.target.value })}
            className={cx(INLINE_SELECT, 'w-44 font-mono text-sm')}
          />
          <select
            aria-label={`Condition ${i + 1} operator`}
            value={row.op}
            onChange={(event) =>
              setRow(i, { op: isOneOf(CONDITION_OPS, event.target.value) ? event.target.value : 'eq' })
            }
            className={cx(INLINE_SELECT, 'text-sm')}
          >
            {CONDITION_OPS.map((op) => (
              <option key={op} value={op}>
                {opLabel(op)}
              </option>
            ))}
          </select>
          {row.op !== 'exists' ? (
            <input
              aria-label={`Condition ${i + 1} value`}
              placeholder='"high"'
              value={row.value}
              onChange={(event) => setRow(i, { value: event.target.value })}
              className={cx(INLINE_SELECT, 'min-w-0 flex-1 font-mono text-sm')}
            />
          ) : null}
          {condition.rows.length > 1 ? (
            <Button
              variant="ghost"
              className="px-2 py-1 text-xs"
              onClick={() => onChange({ ...condition, rows: condition.rows.filter((_, j) => j !== i) })}
            >
              Remove
            </Button>
          ) : null}
        </div>
      ))}
      <Button
        variant="secondary"
        className="px-2.5 py-1 text-xs"
        onClick={() =>
          onChange({ ...condition, rows: [...condition.rows, { field: 'record.', op: 'eq', value: '' }] })
        }
      >
        Add a comparison
      </Button>
      {error ? (
        <p id="step-condition-error" className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

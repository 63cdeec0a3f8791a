'use client';

import { type FormEvent, useRef, useState } from 'react';
import { AssignmentEditor, SlaEditor } from '@/components/config-editor';
import { type ChoiceListOption, FieldEditor } from '@/components/field-editor';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { When } from '@/features/admin/log-parts';
import type { Change } from '@/lib/changes';
import { errorMessage, formErrorsFrom } from '@/lib/errors';
import {
  AFTER_END,
  AFTER_FIRST,
  buildPatchOp,
  describeOp,
  emptyOpForm,
  OP_TYPES,
  type OpFormErrors,
  type OpFormValues,
  type OpType,
  type PatchOp,
} from '@/lib/patch-ops';
import type { ActionGate } from '@/lib/permissions';
import { configErrorsFrom } from '@/lib/record-configs';
import type { RecordType } from '@/lib/record-types';
import { type ChangeTarget, useAddPatchOp, useDeletePatchOp } from '@/queries/changes';
import { targetKeyOf } from './targets-card';

type OpsQuery = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: PatchOp[] | undefined;
  refetch: () => unknown;
};

/** The change's patch ops in the order they run, with the form that adds one. */
export function PatchOpsCard({
  tenant,
  change,
  ops,
  targets,
  recordTypes,
  choiceLists,
  gate,
  onOpsChanged,
}: {
  tenant: string;
  change: Change;
  ops: OpsQuery;
  targets: ChangeTarget[];
  recordTypes: RecordType[];
  choiceLists: ChoiceListOption[];
  gate: ActionGate;
  /** Called after an op was added or deleted (an earlier dry run no longer applies). */
  onOpsChanged: () => void;
}) {
  const remove = useDeletePatchOp(tenant, change.id);
  const { confirm, dialog } = useConfirm();
  const [failure, setFailure] = useState<string | null>(null);
  const keyOfTarget = new Map(targets.map((t) => [t.id, targetKeyOf(t)]));
  const executed = ops.data?.filter((op) => op.executedAt !== null).length ?? 0;

  const onDelete = (op: PatchOp) => {
    setFailure(null);
    remove.mutate(op.id, {
      onSuccess: onOpsChanged,
      onError: (error) => setFailure(`Could not delete “${describeOp(op)}”: ${errorMessage(error)}`),
    });
  };

  return (
    <>
      <CardHeader
        titleId="ops-title"
        title="Patch ops"
        description={
          ops.data
            ? ops.data.length === 0
              ? 'Nothing to run yet'
              : `${ops.data.length} op${ops.data.length === 1 ? '' : 's'}, run in this order${executed > 0 ? ` · ${executed} executed` : ''}`
            : 'The schema edits, run in order'
        }
        actions={remove.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
      />
      {failure ? (
        <Alert tone="error" testId="ops-error" className="mx-5 mt-4">
          {failure}
        </Alert>
      ) : null}
      {ops.isPending ? (
        <LoadingState label="Loading patch ops…" />
      ) : ops.isError ? (
        <ErrorState
          title="Could not load patch ops"
          message={errorMessage(ops.error)}
          onRetry={() => void ops.refetch()}
        />
      ) : ops.data && ops.data.length === 0 ? (
        <EmptyState
          testId="ops-empty"
          title="No patch ops yet"
          description="Add the field edits this change makes to its targets."
        />
      ) : (
        <Table label="Patch ops">
          <thead>
            <tr>
              <Th className="w-10">#</Th>
              <Th>Target</Th>
              <Th>Operation</Th>
              <Th>State</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <Tbody>
            {(ops.data ?? []).map((op, index) => {
              const deleteGate: ActionGate =
                op.executedAt !== null
                  ? {
                      allowed: false,
                      reason: 'An executed op can never be deleted (E3): revert the change instead',
                    }
                  : gate;
              return (
                <tr key={op.id} data-testid="op-row">
                  <Td className="text-slate-500 tabular-nums">{index + 1}</Td>
                  <Td className="font-mono text-xs">{keyOfTarget.get(op.targetId) ?? '—'}</Td>
                  <Td>
                    <span data-testid="op-description" className="text-slate-900">
                      {describeOp(op)}
                    </span>
                  </Td>
                  <Td>
                    {op.executedAt ? (
                      <span className="inline-flex flex-col items-start gap-0.5">
                        <Badge tone="emerald">Executed</Badge>
                        <span className="text-xs text-slate-500">
                          <When iso={op.executedAt} />
                        </span>
                      </span>
                    ) : (
                      <Badge>Pending</Badge>
                    )}
                  </Td>
                  <Td className="text-right">
                    <GatedButton
                      variant="secondary"
                      className="px-2.5 py-1 text-xs"
                      aria-label={`Delete op ${index + 1}: ${describeOp(op)}`}
                      gate={deleteGate}
                      busy={remove.isPending}
                      onClick={() =>
                        confirm({
                          title: `Delete op ${index + 1}?`,
                          impact: (
                            <p>
                              “{describeOp(op)}” is removed from the change. It has not run, so no record type
                              changes; add it again to bring it back.
                            </p>
                          ),
                          confirmLabel: 'Delete op',
                          destructive: true,
                          onConfirm: () => onDelete(op),
                        })
                      }
                    >
                      Delete
                    </GatedButton>
                  </Td>
                </tr>
              );
            })}
          </Tbody>
        </Table>
      )}
      {dialog}
      <OpForm
        tenant={tenant}
        change={change}
        opIds={new Set((ops.data ?? []).map((op) => op.id))}
        targets={targets}
        recordTypes={recordTypes}
        choiceLists={choiceLists}
        gate={gate}
        onAdded={onOpsChanged}
      />
    </>
  );
}

const FORM_FIELDS = [
  'targetId',
  'name',
  'choiceListId',
  'referenceRecordTypeKey',
  'fieldName',
  'from',
  'to',
] as const;

function OpForm({
  tenant,
  change,
  opIds,
  targets,
  recordTypes,
  choiceLists,
  gate,
  onAdded,
}: {
  tenant: string;
  change: Change;
  /** The ops there are now: the "Added" note goes once its op was deleted. */
  opIds: Set<string>;
  targets: ChangeTarget[];
  recordTypes: RecordType[];
  choiceLists: ChoiceListOption[];
  gate: ActionGate;
  onAdded: () => void;
}) {
  const add = useAddPatchOp(tenant, change.id);
  const [values, setValues] = useState<OpFormValues>(() => emptyOpForm(targets[0]?.id ?? ''));
  const [errors, setErrors] = useState<OpFormErrors>({});
  const [added, setAdded] = useState<PatchOp | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  // The first target is picked once targets exist; a target picked before stays picked.
  const targetId = targets.some((t) => t.id === values.targetId) ? values.targetId : (targets[0]?.id ?? '');
  const target = targets.find((t) => t.id === targetId);
  const targetKey = target ? targetKeyOf(target) : null;
  const recordType = recordTypes.find((rt) => rt.key === targetKey);
  const ownFields = (recordType?.schema.fields ?? []).filter((f) => !f.inherited).map((f) => f.name);
  const fieldTypes = new Map((recordType?.schema.fields ?? []).map((f) => [f.name, f.type]));
  const allFields = [...fieldTypes.keys()];
  const isConfigOp = values.opType === 'set_assignment' || values.opType === 'set_sla';
  const keys = recordTypes.map((rt) => rt.key);

  const update = (patch: Partial<OpFormValues>) => {
    setValues((prev) => ({ ...prev, ...patch }));
    setErrors({});
    setAdded(null);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = buildPatchOp({ ...values, targetId }, fieldTypes);
    if (!built.ok) {
      setErrors(built.errors);
      focusInvalid();
      return;
    }
    setErrors({});
    add.mutate(built.body, {
      onSuccess: (op) => {
        setAdded(op);
        // Keep the target and the op type: several ops on one record type are usually added in a row.
        setValues({ ...emptyOpForm(targetId), opType: values.opType });
        onAdded();
      },
      onError: (error) => {
        setErrors(
          isConfigOp
            ? configErrorsFrom(error, values.opType === 'set_sla' ? 'slaConfig' : 'assignmentConfig')
            : formErrorsFrom(error, FORM_FIELDS),
        );
        focusInvalid();
      },
    });
  };

  if (!gate.allowed) {
    return (
      <div
        data-testid="op-form-disabled"
        className="border-t border-slate-200 bg-slate-50/60 px-5 py-4 text-sm text-slate-600"
      >
        <span className="font-medium text-slate-700">Adding ops is closed.</span> {gate.reason}.
      </div>
    );
  }
  if (targets.length === 0) {
    return (
      <div className="border-t border-slate-200 bg-slate-50/60 px-5 py-4 text-sm text-slate-600">
        Add a target first: ops change the record types the change targets.
      </div>
    );
  }

  const pending = add.isPending;
  const opHint = OP_TYPES.find((op) => op.key === values.opType)?.hint;
  return (
    <form
      ref={formRef}
      aria-label="Add patch op"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 border-t border-slate-200 bg-slate-50/60 px-5 py-5"
    >
      <h3 className="text-sm font-semibold text-slate-900">Add an op</h3>
      {errors._form ? (
        <Alert tone="error" testId="op-form-error">
          {errors._form}
        </Alert>
      ) : null}
      {added && opIds.has(added.id) ? (
        <Alert tone="success" testId="op-form-success">
          Added: {describeOp(added)}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          id="op-target"
          label="Record type"
          value={targetId}
          onChange={(event) => update({ targetId: event.target.value })}
          error={errors.targetId}
          disabled={pending}
        >
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {targetKeyOf(t) ?? t.id}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="op-type"
          label="Operation"
          value={values.opType}
          onChange={(event) => update({ opType: event.target.value as OpType })}
          disabled={pending}
          hint={opHint}
        >
          {OP_TYPES.map((op) => (
            <option key={op.key} value={op.key}>
              {op.label} ({op.key})
            </option>
          ))}
        </SelectField>
      </div>
      {values.opType === 'add_field' || values.opType === 'set_field' ? (
        <FieldEditor
          idPrefix="op-field"
          value={values.field}
          onChange={(field) => update({ field })}
          errors={errors}
          choiceLists={choiceLists}
          recordTypeKeys={keys}
          fieldNames={values.opType === 'set_field' ? ownFields : undefined}
          disabled={pending}
        />
      ) : null}
      {values.opType === 'add_field' ? (
        <div className="sm:w-1/2">
          <SelectField
            id="op-after"
            label="Position"
            value={values.after}
            onChange={(event) => update({ after: event.target.value })}
            disabled={pending}
          >
            <option value={AFTER_END}>At the end</option>
            <option value={AFTER_FIRST}>First</option>
            {ownFields.map((name) => (
              <option key={name} value={name}>
                After {name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      {values.opType === 'remove_field' ? (
        <div className="sm:w-1/2">
          <FieldNameInput
            id="op-remove-name"
            label="Field to remove"
            value={values.fieldName}
            onChange={(fieldName) => update({ fieldName })}
            error={errors.fieldName}
            names={ownFields}
            disabled={pending}
          />
        </div>
      ) : null}
      {values.opType === 'rename_field' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <FieldNameInput
            id="op-rename-from"
            label="Current name"
            value={values.from}
            onChange={(from) => update({ from })}
            error={errors.from}
            names={ownFields}
            disabled={pending}
          />
          <TextField
            id="op-rename-to"
            label="New name"
            value={values.to}
            onChange={(event) => update({ to: event.target.value })}
            error={errors.to}
            disabled={pending}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
          />
        </div>
      ) : null}
      {values.opType === 'set_assignment' ? (
        <AssignmentEditor
          idPrefix="op-assignment"
          value={values.assignment}
          onChange={(assignment) => update({ assignment })}
          errors={errors}
          fields={allFields}
          disabled={pending}
        />
      ) : null}
      {values.opType === 'set_sla' ? (
        <SlaEditor
          idPrefix="op-sla"
          value={values.sla}
          onChange={(sla) => update({ sla })}
          errors={errors}
          fields={allFields}
          disabled={pending}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner className="size-4 text-white" /> : null}
        {pending ? 'Adding…' : 'Add op'}
      </Button>
    </form>
  );
}

/** A field name, with the target's own fields offered as suggestions (earlier ops may add others). */
function FieldNameInput({
  id,
  label,
  value,
  onChange,
  error,
  names,
  disabled,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  names: string[];
  disabled: boolean;
}) {
  return (
    <>
      <TextField
        id={id}
        label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        list={`${id}-names`}
        className="font-mono"
      />
      <datalist id={`${id}-names`}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}

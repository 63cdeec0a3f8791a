'use client';

import { type FormEvent, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { type Condition, type ConditionField, describeCondition } from '@/lib/conditions';
import { errorMessage } from '@/lib/errors';
import type { FormDefinition, FormRule, FormRuleBody } from '@/lib/forms';
import { allOf, PERMISSION } from '@/lib/permissions';
import type { RecordType } from '@/lib/record-types';
import { useDeleteRule, useFormAnalysis, useFormRules, useSaveRule } from '@/queries/forms';
import { useCan } from '@/queries/me';
import { ConditionBuilder } from './condition-builder';

const RULE_TYPES: readonly { value: FormRuleBody['ruleType']; label: string }[] = [
  { value: 'visible', label: 'Visible' },
  { value: 'required', label: 'Required' },
  { value: 'readOnly', label: 'Read-only' },
];
const typeLabel = (t: string) => RULE_TYPES.find((r) => r.value === t)?.label ?? t;

/** A rule being written: a new one (no id) or an edit of an existing one. */
type Draft = FormRuleBody & { id?: string };

/**
 * The form's behaviour rules: each sets a field's visible, required or read-only flag when its condition
 * holds (applied in order, a later match wins), with the rule editor and the problems the API's analysis
 * finds (hidden-but-required fields, cycles, unknown fields, contradictions).
 */
export function RulesCard({
  tenant,
  recordType,
  form,
  editable,
}: {
  tenant: string;
  recordType: RecordType;
  form: FormDefinition;
  editable: boolean;
}) {
  const rules = useFormRules(tenant, form.id);
  const analysis = useFormAnalysis(tenant, form.id);
  const formEdit = useCan(tenant, PERMISSION.formEdit);
  const gate = allOf(
    editable ? { allowed: true, reason: undefined } : { allowed: false, reason: 'The form is retired' },
    formEdit,
  );
  const remove = useDeleteRule(tenant);
  const { confirm, dialog } = useConfirm();
  const [draft, setDraft] = useState<Draft | null>(null);
  const fields: ConditionField[] = recordType.schema.fields.map((f) => ({
    name: f.name,
    label: f.label ?? f.name,
    type: f.type,
  }));
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label ?? name;
  const rows = [...(rules.data ?? [])].sort((a, b) => a.orderIndex - b.orderIndex);
  const noteId = `rules-note-${form.id}`;
  const nextIndex = rows.length === 0 ? 0 : Math.max(...rows.map((r) => r.orderIndex)) + 1;
  const startNew = () =>
    setDraft({
      ruleType: 'required',
      targetField: fields[0]?.name ?? '',
      condition: null,
      value: true,
      orderIndex: nextIndex,
      status: 'active',
    });
  const startEdit = (rule: FormRule) =>
    setDraft({
      id: rule.id,
      ruleType: rule.ruleType,
      targetField: rule.targetField,
      condition: rule.condition,
      value: rule.value,
      orderIndex: rule.orderIndex,
      status: rule.status,
    });

  return (
    <Card aria-labelledby="rules-title" data-testid="rules-card">
      {dialog}
      <CardHeader
        titleId="rules-title"
        title="Rules"
        description="Applied in order; a later matching rule wins. A field its definition requires stays required."
        actions={
          <GatedButton
            gate={gate}
            noteId={noteId}
            onClick={startNew}
            disabled={draft !== null}
            data-testid="new-rule"
          >
            <span aria-hidden="true">+</span> New rule
          </GatedButton>
        }
      />
      <AnalysisProblems analysis={analysis} />
      {draft ? (
        <RuleEditor
          key={draft.id ?? 'new'}
          tenant={tenant}
          form={form}
          fields={fields}
          initial={draft}
          onDone={() => setDraft(null)}
        />
      ) : null}
      {rules.isPending ? (
        <LoadingState label="Loading rules…" />
      ) : rules.isError ? (
        <ErrorState
          title="Could not load the rules"
          message={errorMessage(rules.error)}
          onRetry={() => void rules.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState
          testId="rules-empty"
          title="No rules yet"
          description="Fields keep the flags their placement and definition give them. Add a rule to make one depend on the data."
        />
      ) : (
        <Table label="Rules">
          <thead>
            <tr>
              <Th>Order</Th>
              <Th>Rule</Th>
              <Th>When</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <Tbody>
            {rows.map((rule) => (
              <tr key={rule.id} data-testid="rule-row" data-target={rule.targetField}>
                <Td className="font-mono text-xs">{rule.orderIndex}</Td>
                <Td>
                  <span className="font-medium text-slate-900">{labelOf(rule.targetField)}</span>{' '}
                  <span className="text-slate-700">
                    {typeLabel(rule.ruleType).toLowerCase()}: {rule.value ? 'yes' : 'no'}
                  </span>
                  {rule.status === 'disabled' ? (
                    <Badge className="ml-2" testId="rule-disabled">
                      disabled
                    </Badge>
                  ) : null}
                </Td>
                <Td className="text-slate-700" data-testid="rule-condition">
                  {describeCondition(rule.condition, labelOf)}
                </Td>
                <Td className="text-right whitespace-nowrap">
                  <GatedButton
                    variant="ghost"
                    className="px-2 py-1 text-xs"
                    gate={gate}
                    noteId={noteId}
                    aria-label={`Edit the ${typeLabel(rule.ruleType).toLowerCase()} rule on ${labelOf(rule.targetField)}`}
                    onClick={() => startEdit(rule)}
                  >
                    Edit
                  </GatedButton>
                  <GatedButton
                    variant="ghost"
                    className="px-2 py-1 text-xs text-rose-700 hover:text-rose-800"
                    gate={gate}
                    noteId={noteId}
                    busy={remove.isPending}
                    aria-label={`Delete the ${typeLabel(rule.ruleType).toLowerCase()} rule on ${labelOf(rule.targetField)}`}
                    onClick={() =>
                      confirm({
                        title: 'Delete this rule?',
                        impact: `${labelOf(rule.targetField)} is no longer ${typeLabel(rule.ruleType).toLowerCase()} ${describeCondition(rule.condition, labelOf) === 'always' ? 'by this rule' : `when ${describeCondition(rule.condition, labelOf)}`}.`,
                        confirmLabel: 'Delete rule',
                        destructive: true,
                        onConfirm: () => remove.mutate(rule.id),
                      })
                    }
                  >
                    Delete
                  </GatedButton>
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
      {remove.isError ? (
        <Alert tone="error" className="mx-5 my-3">
          {errorMessage(remove.error)}
        </Alert>
      ) : null}
      <PermissionNotes id={noteId} actions={[{ label: 'Editing rules', gate }]} />
    </Card>
  );
}

function AnalysisProblems({ analysis }: { analysis: ReturnType<typeof useFormAnalysis> }) {
  if (analysis.isPending) return null;
  if (analysis.isError)
    return (
      <Alert tone="error" className="mx-5 mt-4">
        Could not analyse the rules: {errorMessage(analysis.error)}
      </Alert>
    );
  if (analysis.data.length === 0)
    return (
      <p className="px-5 pt-4 text-sm text-emerald-800" data-testid="analysis-clean">
        The analysis finds no problem with these rules.
      </p>
    );
  return (
    <div
      className="mx-5 mt-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2"
      data-testid="analysis-problems"
    >
      <h3 className="text-sm font-semibold text-amber-900">Problems in these rules</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-amber-900">
        {analysis.data.map((problem) => (
          <li
            key={`${problem.kind}:${problem.message}`}
            data-testid="analysis-problem"
            data-kind={problem.kind}
          >
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function RuleEditor({
  tenant,
  form,
  fields,
  initial,
  onDone,
}: {
  tenant: string;
  form: FormDefinition;
  fields: readonly ConditionField[];
  initial: Draft;
  onDone: () => void;
}) {
  const save = useSaveRule(tenant);
  const [draft, setDraft] = useState<Draft>(initial);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { id, ...body } = draft;
    save.mutate({ formDefinitionId: form.id, formRuleId: id, body }, { onSuccess: onDone });
  };
  return (
    <form
      aria-label={initial.id ? 'Edit rule' : 'New rule'}
      noValidate
      onSubmit={onSubmit}
      className="mx-5 mt-4 space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"
      data-testid="rule-editor"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          id="rule-target"
          label="Field"
          value={draft.targetField}
          onChange={(e) => set({ targetField: e.target.value })}
        >
          {fields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="rule-type"
          label="Sets"
          value={draft.ruleType}
          onChange={(e) => set({ ruleType: e.target.value as Draft['ruleType'] })}
        >
          {RULE_TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="rule-value"
          label="To"
          value={String(draft.value)}
          onChange={(e) => set({ value: e.target.value === 'true' })}
        >
          <option value="true">yes</option>
          <option value="false">no</option>
        </SelectField>
        <TextField
          id="rule-order"
          label="Order"
          type="number"
          min={0}
          value={String(draft.orderIndex)}
          onChange={(e) => set({ orderIndex: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
        />
      </div>
      <div>
        <p className="mb-1.5 text-sm font-medium text-slate-700">When</p>
        <ConditionBuilder
          value={draft.condition as Condition | null}
          // The API's type spells the nesting bound out level by level; the builder never goes past it.
          onChange={(condition) => set({ condition: condition as Draft['condition'] })}
          fields={fields}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={draft.status === 'active'}
          onChange={(e) => set({ status: e.target.checked ? 'active' : 'disabled' })}
        />
        Active (a disabled rule is kept but not applied)
      </label>
      {save.isError ? (
        <Alert tone="error" testId="rule-error">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending} data-testid="save-rule">
          {save.isPending ? 'Saving…' : 'Save rule'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

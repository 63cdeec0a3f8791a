'use client';

import { useRef, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { SelectField, TextField } from '@/components/ui/field';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import type { ActionGate } from '@/lib/permissions';
import {
  buildPatchOp,
  describePatchOp,
  EMPTY_PATCH_INPUT,
  FIELD_TYPES,
  PATCH_KINDS,
  PATCH_LABEL,
  type PatchInput,
  type PatchKind,
  patchErrorsFrom,
} from '@/lib/vibe';
import { useDraftAction, type VibeDraft } from '@/queries/vibe';

type Errors = Partial<Record<keyof PatchInput | '_form', string>>;

/**
 * Inline edits of the draft's package, one op at a time: add, rename or remove a field, set the SLA or
 * the assignment group. Each applied op makes a new version; the API's refusals land on the input at fault.
 */
export function DraftEditForm({
  tenant,
  draft,
  gate,
}: {
  tenant: string;
  draft: VibeDraft;
  gate: ActionGate;
}) {
  const pkg = draft.package;
  const [kind, setKind] = useState<PatchKind>('add_field');
  const [input, setInput] = useState<PatchInput>({
    ...EMPTY_PATCH_INPUT,
    recordTypeKey: pkg.recordTypes[0]?.key ?? '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const action = useDraftAction(tenant, draft.id);
  const rt = pkg.recordTypes.find((r) => r.key === input.recordTypeKey);
  const set = (patch: Partial<PatchInput>) => setInput((i) => ({ ...i, ...patch }));
  const fail = (next: Errors) => {
    setErrors(next);
    focusInvalid();
  };

  return (
    <form
      ref={formRef}
      aria-label="Edit the draft"
      data-testid="draft-edit"
      className="space-y-4 px-5 py-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const built = buildPatchOp(kind, input, pkg);
        if (!built.ok) return fail(built.errors);
        setErrors({});
        action.mutate(
          { action: 'patch', ops: [built.op] },
          {
            onSuccess: () => {
              setDone(describePatchOp(built.op));
              set({ fieldName: '', newName: '' });
            },
            onError: (error) => fail(patchErrorsFrom(error, kind)),
          },
        );
      }}
    >
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField
          id="patch-kind"
          label="Edit"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as PatchKind);
            setErrors({});
          }}
        >
          {PATCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {PATCH_LABEL[k]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="patch-record-type"
          label="Record type"
          value={input.recordTypeKey}
          error={errors.recordTypeKey}
          onChange={(event) => set({ recordTypeKey: event.target.value, fieldName: '' })}
        >
          <option value="">Choose a record type</option>
          {pkg.recordTypes.map((r) => (
            <option key={r.key} value={r.key}>
              {r.name} ({r.key})
            </option>
          ))}
        </SelectField>
        {kind === 'add_field' ? (
          <>
            <TextField
              id="patch-field-name"
              label="Field name"
              placeholder="due_date"
              value={input.fieldName}
              error={errors.fieldName}
              onChange={(event) => set({ fieldName: event.target.value })}
            />
            <SelectField
              id="patch-field-type"
              label="Type"
              value={input.fieldType}
              error={errors.fieldType}
              onChange={(event) => set({ fieldType: event.target.value })}
            >
              {FIELD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </SelectField>
          </>
        ) : null}
        {kind === 'rename_field' || kind === 'remove_field' ? (
          <SelectField
            id="patch-field"
            label="Field"
            value={input.fieldName}
            error={errors.fieldName}
            onChange={(event) => set({ fieldName: event.target.value })}
          >
            <option value="">Choose a field</option>
            {(rt?.fields ?? []).map((f) => (
              <option key={f.name} value={f.name}>
                {f.name} ({f.type})
              </option>
            ))}
          </SelectField>
        ) : null}
        {kind === 'rename_field' ? (
          <TextField
            id="patch-new-name"
            label="New name"
            value={input.newName}
            error={errors.newName}
            onChange={(event) => set({ newName: event.target.value })}
          />
        ) : null}
        {kind === 'set_sla' ? (
          <TextField
            id="patch-minutes"
            label="Resolve within (minutes)"
            inputMode="numeric"
            value={input.durationMinutes}
            error={errors.durationMinutes}
            onChange={(event) => set({ durationMinutes: event.target.value })}
          />
        ) : null}
        {kind === 'set_assignment_group' ? (
          <TextField
            id="patch-group"
            label="Assignment group"
            placeholder="site_team"
            value={input.groupKey}
            error={errors.groupKey}
            onChange={(event) => set({ groupKey: event.target.value })}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <GatedButton gate={gate} type="submit" busy={action.isPending} spinning={action.isPending}>
          Apply edit
        </GatedButton>
        <p className="text-xs text-slate-600">
          Each edit makes a new version and returns the draft to draft status.
        </p>
      </div>
      {errors._form ? (
        <Alert tone="error" testId="patch-error">
          {errors._form}
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" testId="patch-done">
          {done}.
        </Alert>
      ) : null}
    </form>
  );
}

'use client';

import { useId, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { EmptyState } from '@/components/ui/states';
import { RefusalAlert } from '@/features/packages/package-parts';
import { describeOp } from '@/lib/forms';
import { ALLOWED, allOf, PERMISSION } from '@/lib/permissions';
import { type FormRef, useCreateOverride } from '@/queries/forms';
import { useCan } from '@/queries/me';
import { useSuggestFormPatch } from '@/queries/vibe';

/**
 * Form Studio's "Suggest with AI": a change described in words becomes proposed form patch ops, shown
 * with the problems the forms service finds in them. Nothing applies until the ops are saved as a
 * (draft) form override; Discard drops the proposal.
 */
export function SuggestFormPatchCard({ tenant, formRef }: { tenant: string; formRef: FormRef }) {
  const [prompt, setPrompt] = useState('');
  const suggest = useSuggestFormPatch(tenant);
  const save = useCreateOverride(tenant);
  const formEdit = useCan(tenant, PERMISSION.formEdit);
  const noteId = useId();
  const proposal = suggest.data ?? null;
  const asked = suggest.variables?.prompt ?? '';
  const saveGate = allOf(
    formEdit,
    proposal && proposal.ops.length === 0
      ? { allowed: false, reason: 'Nothing is proposed' }
      : proposal && !proposal.valid
        ? { allowed: false, reason: 'Some proposed changes do not apply to this form' }
        : save.isSuccess
          ? { allowed: false, reason: 'Saved already' }
          : ALLOWED,
  );
  const discard = () => {
    suggest.reset();
    save.reset();
  };
  return (
    <Card aria-labelledby="suggest-title" data-testid="suggest-form-patch">
      <CardHeader
        titleId="suggest-title"
        title="Suggest with AI"
        description="Describe a change; the proposed edits are shown for review and apply only once saved as an override."
      />
      <form
        aria-label="Suggest a form change"
        className="flex flex-wrap items-end gap-2 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (prompt.trim() === '') return;
          save.reset();
          suggest.mutate({ ...formRef, prompt: prompt.trim() });
        }}
      >
        <div className="min-w-48 flex-1">
          <TextField
            id="suggest-prompt"
            label="Change"
            maxLength={2000}
            placeholder="Make the site field required and hide notes"
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
          />
        </div>
        <GatedButton
          gate={allOf(formEdit, prompt.trim() ? ALLOWED : { allowed: false, reason: 'Describe the change' })}
          noteId={noteId}
          type="submit"
          variant="secondary"
          busy={suggest.isPending}
          spinning={suggest.isPending}
        >
          Suggest
        </GatedButton>
      </form>
      <PermissionNotes
        id={noteId}
        actions={[
          { label: 'Suggest', gate: formEdit },
          { label: 'Save as override', gate: formEdit },
        ]}
      />
      {suggest.isError ? (
        <div className="px-5 pb-4">
          <RefusalAlert error={suggest.error} testId="suggest-refusal" />
        </div>
      ) : null}
      {proposal ? (
        <div className="border-t border-slate-200" data-testid="suggestion" data-valid={proposal.valid}>
          <p className="flex flex-wrap items-center gap-2 px-5 pt-3 text-sm text-slate-700">
            For “{asked}”:
            <Badge tone={proposal.valid ? 'emerald' : 'amber'} testId="suggestion-validity">
              {proposal.valid ? 'applies to the form' : 'has problems'}
            </Badge>
          </p>
          {proposal.ops.length === 0 ? (
            <EmptyState
              testId="suggestion-empty"
              title="No change proposed"
              description="Name the fields and what should happen to them (required, optional, hidden, read-only, moved)."
            />
          ) : (
            <ol aria-label="Proposed changes" className="list-decimal space-y-1 py-3 pr-5 pl-10 text-sm">
              {proposal.ops.map((op, i) => (
                <li key={JSON.stringify(op)} data-testid="suggested-op">
                  {describeOp(op)}
                  {proposal.problems
                    .filter((p) => p.index === i)
                    .map((p) => (
                      <span
                        key={p.code}
                        className="block text-xs text-rose-700"
                        data-testid="suggested-op-problem"
                      >
                        <span className="font-mono">{p.code}</span> {p.message}
                      </span>
                    ))}
                </li>
              ))}
            </ol>
          )}
          <div className="flex flex-wrap gap-2 border-t border-slate-100 px-5 py-3">
            <GatedButton
              gate={saveGate}
              noteId={noteId}
              busy={save.isPending}
              spinning={save.isPending}
              onClick={() =>
                save.mutate({ ...formRef, ops: proposal.ops, summary: `Suggested: ${asked}`.slice(0, 200) })
              }
            >
              Save as override
            </GatedButton>
            <Button variant="ghost" onClick={discard}>
              Discard
            </Button>
          </div>
          {save.isError ? (
            <div className="px-5 pb-4">
              <RefusalAlert error={save.error} testId="suggest-save-refusal" />
            </div>
          ) : null}
          {save.isSuccess ? (
            <div className="px-5 pb-4">
              <Alert tone="success" testId="suggestion-saved">
                Saved as override v{save.data.version} (a draft): activate it under Overrides and provenance.
              </Alert>
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

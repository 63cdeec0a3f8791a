'use client';

import { GatedButton } from '@/components/gated-button';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PackageDiffTable, RefusalAlert } from '@/features/packages/package-parts';
import { PERMISSION } from '@/lib/permissions';
import { type StreamState, streamedPreview } from '@/lib/vibe';
import { useCan } from '@/queries/me';
import { useDraftFromVariant, type VibeDraft } from '@/queries/vibe';
import { PackageContentsTable } from './package-contents';
import { StreamPanel } from './stream-panel';

/**
 * A streamed preview: stages and tokens while it runs, then the package and its diff. Streaming never
 * stores anything; "Save as draft" makes a draft of the result.
 */
export function StreamCard({
  tenant,
  projectId,
  prompt,
  state,
  onStop,
  onDraft,
}: {
  tenant: string;
  projectId: string;
  /** The prompt the stream was started with (a saved draft keeps it). */
  prompt: string;
  state: StreamState;
  onStop: () => void;
  onDraft: (draft: VibeDraft) => void;
}) {
  const preview = streamedPreview(state);
  const save = useDraftFromVariant(tenant);
  const author = useCan(tenant, PERMISSION.vibeAuthor);
  return (
    <Card aria-labelledby="stream-title" data-testid="stream-card">
      <CardHeader
        titleId="stream-title"
        title="Streamed preview"
        description="The model's output as it arrives and the pipeline's stages. Nothing is stored."
        actions={
          state.status === 'streaming' ? (
            <Button variant="secondary" className="px-2.5 py-1 text-xs" onClick={onStop}>
              Stop
            </Button>
          ) : preview ? (
            <GatedButton
              gate={author}
              variant="secondary"
              className="px-2.5 py-1 text-xs"
              busy={save.isPending}
              spinning={save.isPending}
              onClick={() =>
                save.mutate({ projectId, prompt, package: preview.package }, { onSuccess: onDraft })
              }
            >
              Save as draft
            </GatedButton>
          ) : null
        }
      />
      <StreamPanel state={state} title="Streamed preview" />
      {save.isError ? (
        <div className="px-5 pb-4">
          <RefusalAlert error={save.error} testId="stream-save-refusal" />
        </div>
      ) : null}
      {preview ? (
        <div className="border-t border-slate-200">
          {preview.diff ? (
            <PackageDiffTable diff={preview.diff} label="Diff of the streamed package" />
          ) : null}
          <PackageContentsTable pkg={preview.package} label="Contents of the streamed package" />
        </div>
      ) : null}
    </Card>
  );
}

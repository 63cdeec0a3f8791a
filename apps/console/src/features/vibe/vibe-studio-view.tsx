'use client';

import { useSearchParams } from 'next/navigation';
import { useId, useMemo, useRef, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { PageHeader } from '@/components/page-header';
import { TenantPage } from '@/components/tenant-page';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { ListStates, ProjectPicker } from '@/features/packages/package-parts';
import { cx } from '@/lib/cx';
import { formErrorsFrom } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { type ActionGate, ALLOWED, allOf, PERMISSION } from '@/lib/permissions';
import { filterByQuery, matchCount } from '@/lib/search';
import { draftTone, VARIANT_COUNTS } from '@/lib/vibe';
import { useCan } from '@/queries/me';
import {
  type GenerateBody,
  useCreateDraft,
  useGenerateVariants,
  useOpenPreviewStream,
  useVibeDrafts,
  type VibeDraft,
  type VibeVariant,
} from '@/queries/vibe';
import { DraftCard } from './draft-card';
import { StreamCard } from './stream-card';
import { useEventStream } from './use-event-stream';
import { VariantsCard } from './variants-card';

const HEADER = {
  title: 'Vibe Studio',
  description:
    'Describe an app in words: generate a package, compare variants, edit it inline, preview the install and install it.',
};

export function VibeStudioView() {
  return (
    <TenantPage header={HEADER} loadingLabel="Loading Vibe Studio…">
      {(tenant) => <VibeStudioPage key={tenant} tenant={tenant} />}
    </TenantPage>
  );
}

/** Variants generated for one prompt: ephemeral, kept in the page until closed or generated again. */
export type VariantRun = { projectId: string; prompt: string; variants: VibeVariant[] };

const NO_PROJECT: ActionGate = { allowed: false, reason: 'Choose a project first' };

function VibeStudioPage({ tenant }: { tenant: string }) {
  const params = useSearchParams();
  const [projectId, setProjectId] = useState(params.get('projectId') ?? '');
  const [selected, setSelected] = useState<string | null>(params.get('draftId') || null);
  const [run, setRun] = useState<VariantRun | null>(null);
  const stream = useEventStream();
  const openStream = useOpenPreviewStream(tenant);
  const [streamPrompt, setStreamPrompt] = useState('');
  return (
    <>
      <PageHeader {...HEADER} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="min-w-0 space-y-6">
          <ComposeCard
            tenant={tenant}
            projectId={projectId}
            onProject={(id) => {
              setProjectId(id);
              setSelected(null);
              setRun(null);
            }}
            onCreated={(draft) => setSelected(draft.id)}
            onVariants={setRun}
            onStream={(kind, body) => {
              setStreamPrompt(body.prompt);
              void stream.start((signal) => openStream(kind, body, signal));
            }}
          />
          <DraftListCard tenant={tenant} projectId={projectId} selected={selected} onSelect={setSelected} />
        </div>
        <div className="min-w-0 space-y-6">
          {run ? (
            <VariantsCard
              tenant={tenant}
              run={run}
              selectedDraftId={selected}
              onDraft={(draft) => setSelected(draft.id)}
              onClose={() => setRun(null)}
            />
          ) : null}
          {stream.state.status !== 'idle' ? (
            <StreamCard
              tenant={tenant}
              projectId={projectId}
              prompt={streamPrompt}
              state={stream.state}
              onStop={stream.stop}
              onDraft={(draft) => setSelected(draft.id)}
            />
          ) : null}
          {selected ? (
            <DraftCard key={selected} tenant={tenant} draftId={selected} onClose={() => setSelected(null)} />
          ) : (
            <Card>
              <EmptyState
                testId="no-draft-selected"
                title="No draft selected"
                description={
                  projectId
                    ? 'Create a draft from a prompt, adopt a variant, or pick a draft from the list.'
                    : 'Choose a project, then describe the app you want.'
                }
              />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}

const FIELDS = ['prompt', 'appName', 'count'] as const;
type ComposeErrors = Partial<Record<(typeof FIELDS)[number] | '_form', string>>;

function ComposeCard({
  tenant,
  projectId,
  onProject,
  onCreated,
  onVariants,
  onStream,
}: {
  tenant: string;
  projectId: string;
  onProject: (projectId: string) => void;
  onCreated: (draft: VibeDraft) => void;
  onVariants: (run: VariantRun) => void;
  onStream: (kind: 'tokens' | 'stages', body: GenerateBody) => void;
}) {
  const [prompt, setPrompt] = useState('');
  const [appName, setAppName] = useState('');
  const [count, setCount] = useState(3);
  const [tokens, setTokens] = useState(true);
  const [errors, setErrors] = useState<ComposeErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const create = useCreateDraft(tenant);
  const generate = useGenerateVariants(tenant);
  const author = useCan(tenant, PERMISSION.vibeAuthor);
  const gate = allOf(author, projectId ? ALLOWED : NO_PROJECT);
  const noteId = useId();
  const busy = create.isPending || generate.isPending;

  const bodyOrErrors = (): GenerateBody | null => {
    if (prompt.trim() === '') {
      setErrors({ prompt: 'Describe the app you want.' });
      focusInvalid();
      return null;
    }
    setErrors({});
    return { projectId, prompt: prompt.trim(), ...(appName.trim() ? { appName: appName.trim() } : {}) };
  };
  const refused = (error: unknown) => {
    setErrors(formErrorsFrom(error, FIELDS));
    focusInvalid();
  };

  return (
    <Card aria-labelledby="compose-title" data-testid="vibe-compose">
      <CardHeader titleId="compose-title" title="New draft" description="What should the app do?" />
      <form
        ref={formRef}
        aria-label="Describe the app"
        className="space-y-4 px-5 py-4"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const body = bodyOrErrors();
          if (body) create.mutate(body, { onSuccess: onCreated, onError: refused });
        }}
      >
        <ProjectPicker tenant={tenant} value={projectId} onChange={onProject} />
        <TextAreaField
          id="prompt"
          label="Prompt"
          rows={4}
          maxLength={4000}
          placeholder="A facilities app: work orders with a due date, assigned to the site team, resolved in 4 hours"
          value={prompt}
          error={errors.prompt}
          onChange={(event) => setPrompt(event.target.value)}
        />
        <TextField
          id="appName"
          label="App name (optional)"
          maxLength={200}
          value={appName}
          error={errors.appName}
          onChange={(event) => setAppName(event.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <GatedButton gate={gate} noteId={noteId} type="submit" busy={busy} spinning={create.isPending}>
            Create draft
          </GatedButton>
        </div>
        <fieldset className="space-y-3 rounded-md border border-slate-200 px-3 pt-2 pb-3">
          <legend className="px-1 text-sm font-medium text-slate-700">Explore before saving</legend>
          <div className="flex flex-wrap items-end gap-2">
            <SelectField
              id="count"
              label="Variants"
              value={String(count)}
              error={errors.count}
              onChange={(event) => setCount(Number(event.target.value))}
            >
              {VARIANT_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </SelectField>
            <GatedButton
              gate={gate}
              noteId={noteId}
              variant="secondary"
              busy={busy}
              spinning={generate.isPending}
              onClick={() => {
                const body = bodyOrErrors();
                if (!body) return;
                generate.mutate(
                  { ...body, count },
                  {
                    onSuccess: (variants) => onVariants({ projectId, prompt: body.prompt, variants }),
                    onError: refused,
                  },
                );
              }}
            >
              Compare variants
            </GatedButton>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={tokens}
                onChange={(event) => setTokens(event.target.checked)}
                className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
              />
              Token stream
            </label>
            <GatedButton
              gate={gate}
              noteId={noteId}
              variant="secondary"
              onClick={() => {
                const body = bodyOrErrors();
                if (body) onStream(tokens ? 'tokens' : 'stages', body);
              }}
            >
              Stream a preview
            </GatedButton>
          </div>
        </fieldset>
        {projectId === '' ? (
          <p className="text-xs text-slate-600">Choose a project to generate into.</p>
        ) : null}
        <PermissionNotes
          id={noteId}
          className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900"
          actions={[
            { label: 'Create draft', gate: author },
            { label: 'Compare variants', gate: author },
            { label: 'Stream a preview', gate: author },
          ]}
        />
        {errors._form ? (
          <Alert tone="error" testId="compose-error">
            {errors._form}
          </Alert>
        ) : null}
      </form>
    </Card>
  );
}

function DraftListCard({
  tenant,
  projectId,
  selected,
  onSelect,
}: {
  tenant: string;
  projectId: string;
  selected: string | null;
  onSelect: (draftId: string) => void;
}) {
  const drafts = useVibeDrafts(tenant, projectId);
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => filterByQuery(drafts.data ?? [], query, (d) => [d.package.name, d.package.key, d.prompt, d.status]),
    [drafts.data, query],
  );
  return (
    <Card aria-labelledby="drafts-title" data-testid="draft-list">
      <CardHeader
        titleId="drafts-title"
        title="Drafts"
        description={
          drafts.data
            ? matchCount(shown.length, drafts.data.length, 'draft')
            : 'The project’s drafts, newest first'
        }
      />
      {projectId === '' ? (
        <EmptyState title="No project chosen" description="Choose a project to see its drafts." />
      ) : (
        <ListStates
          query={drafts}
          noun="drafts"
          empty={
            <EmptyState
              testId="drafts-empty"
              title="No drafts yet"
              description="Describe an app and create a draft, or adopt a variant."
            />
          }
        >
          {() => (
            <>
              <div className="border-b border-slate-200 px-5 py-3">
                <SearchBox label="Search drafts" value={query} onChange={setQuery} />
              </div>
              {shown.length === 0 ? (
                <EmptyState title="No draft matches" description="Try other words." />
              ) : (
                <ul aria-label="Drafts" className="divide-y divide-slate-100">
                  {shown.map((d) => (
                    <li key={d.id}>
                      <button
                        type="button"
                        data-testid="draft-row"
                        data-status={d.status}
                        aria-current={d.id === selected ? 'true' : undefined}
                        onClick={() => onSelect(d.id)}
                        className={cx(
                          'block w-full px-5 py-3 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600',
                          d.id === selected && 'bg-indigo-50/60',
                        )}
                      >
                        <span className="flex items-center justify-between gap-2">
                          <span className="truncate text-sm font-medium text-slate-900">
                            {d.package.name}
                          </span>
                          <Badge tone={draftTone(d.status)}>{d.status}</Badge>
                        </span>
                        <span className="block truncate font-mono text-xs text-slate-600">
                          {d.package.key}
                        </span>
                        <span className="block text-xs text-slate-600">{formatDateTime(d.updatedAt)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </ListStates>
      )}
    </Card>
  );
}

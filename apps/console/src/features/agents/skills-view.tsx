'use client';

import { useId, useRef, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { NewPanel } from '@/components/new-panel';
import { PageHeader } from '@/components/page-header';
import { TenantPage } from '@/components/tenant-page';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { TextAreaField, TextField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { SlideOver, useConfirm } from '@/components/ui/modal';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { type AgentSkill, parseInputSchema } from '@/lib/agents';
import { errorMessage, formErrorsFrom } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { PERMISSION } from '@/lib/permissions';
import { filterByQuery, matchCount } from '@/lib/search';
import { useAgentSkills, useCreateSkill, useDeleteSkill, useUpdateSkill } from '@/queries/agents';
import { useCan } from '@/queries/me';

const HEADER = {
  title: 'Agent skills',
  description:
    'The skills agent runs may name: each with its input as a JSON Schema. Disabled skills cannot be used.',
};

export function SkillsView() {
  return (
    <TenantPage header={HEADER} loadingLabel="Loading skills…">
      {(tenant) => <SkillsPage key={tenant} tenant={tenant} />}
    </TenantPage>
  );
}

const FIELDS = ['name', 'description', 'inputSchema', 'status'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number] | '_form', string>>;

/** Create or edit a skill: name, description and input schema (JSON), checked by the server too. */
function SkillForm({ tenant, skill, onDone }: { tenant: string; skill?: AgentSkill; onDone: () => void }) {
  const create = useCreateSkill(tenant);
  const update = useUpdateSkill(tenant);
  const [name, setName] = useState(skill?.name ?? '');
  const [description, setDescription] = useState(skill?.description ?? '');
  const [schemaText, setSchemaText] = useState(
    JSON.stringify(skill?.inputSchema ?? { type: 'object', properties: {} }, null, 2),
  );
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);
  const id = useId();
  const busy = create.isPending || update.isPending;
  const fail = (next: Errors) => {
    setErrors(next);
    focusInvalid();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = parseInputSchema(schemaText);
    if (!name.trim()) return fail({ name: 'Give the skill a name' });
    if (!parsed.ok) return fail({ inputSchema: parsed.error });
    setErrors({});
    const body = { name: name.trim(), description: description.trim() || null, inputSchema: parsed.value };
    const onError = (error: unknown) => fail(formErrorsFrom(error, FIELDS));
    if (skill) update.mutate({ skillId: skill.id, ...body }, { onSuccess: onDone, onError });
    else create.mutate(body, { onSuccess: onDone, onError });
  };
  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate data-testid="skill-form">
      <TextField
        id={`${id}-name`}
        label="Name"
        value={name}
        maxLength={200}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextField
        id={`${id}-description`}
        label="Description"
        value={description}
        maxLength={2000}
        error={errors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextAreaField
        id={`${id}-schema`}
        label="Input schema (JSON Schema)"
        hint="A JSON object, draft 2020-12, e.g. {&quot;type&quot;: &quot;object&quot;}"
        className="min-h-40 font-mono text-xs"
        value={schemaText}
        error={errors.inputSchema}
        onChange={(e) => setSchemaText(e.target.value)}
      />
      {errors._form ? <Alert tone="error">{errors._form}</Alert> : null}
      <Button type="submit" disabled={busy} data-testid="save-skill">
        {busy ? 'Saving…' : skill ? 'Save skill' : 'Register skill'}
      </Button>
    </form>
  );
}

function SkillsPage({ tenant }: { tenant: string }) {
  const skills = useAgentSkills(tenant);
  const update = useUpdateSkill(tenant);
  const remove = useDeleteSkill(tenant);
  const gate = useCan(tenant, PERMISSION.skillManage);
  const { confirm, dialog } = useConfirm();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<AgentSkill | null>(null);
  const noteId = useId();
  const rows = skills.data ? filterByQuery(skills.data, query, (s) => [s.name, s.description]) : [];
  const toggle = (skill: AgentSkill) =>
    skill.status === 'active'
      ? confirm({
          title: `Disable ${skill.name}?`,
          impact: <p>New agent runs can no longer name this skill; runs that used it keep it.</p>,
          confirmLabel: 'Disable',
          destructive: true,
          onConfirm: () => update.mutate({ skillId: skill.id, status: 'disabled' }),
        })
      : update.mutate({ skillId: skill.id, status: 'active' });
  const removeSkill = (skill: AgentSkill) =>
    confirm({
      title: `Remove ${skill.name}?`,
      impact: (
        <p>The skill leaves the registry and its input schema is deleted; runs that used it keep its name.</p>
      ),
      confirmLabel: 'Remove',
      destructive: true,
      typeToConfirm: skill.name,
      onConfirm: () => remove.mutate(skill.id),
    });
  return (
    <>
      {dialog}
      <PageHeader
        {...HEADER}
        actions={
          <NewPanel label="New skill" title="Register a skill" gate={gate} testId="new-skill">
            {(close) => <SkillForm tenant={tenant} onDone={close} />}
          </NewPanel>
        }
      />
      <Card aria-labelledby="skills-title">
        <CardHeader
          titleId="skills-title"
          title="Skills"
          description={skills.data ? matchCount(rows.length, skills.data.length, 'skill') : 'The registry'}
          actions={<SearchBox label="Search skills" value={query} onChange={setQuery} />}
        />
        <PermissionNotes id={noteId} actions={[{ label: 'Edit, disable and remove', gate }]} />
        {update.isError || remove.isError ? (
          <div className="px-5 pt-3">
            <Alert tone="error">{errorMessage(update.error ?? remove.error)}</Alert>
          </div>
        ) : null}
        {skills.isPending ? (
          <LoadingState label="Loading skills…" />
        ) : skills.isError ? (
          <ErrorState
            title="Could not load skills"
            message={errorMessage(skills.error)}
            onRetry={() => void skills.refetch()}
          />
        ) : skills.data.length === 0 ? (
          <EmptyState
            testId="skills-empty"
            title="No skills registered"
            description="Register a skill so agent runs may name it."
          />
        ) : rows.length === 0 ? (
          <EmptyState title="No skill matches" description="Try another search." />
        ) : (
          <Table label="Skills">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Input</Th>
                <Th>Updated</Th>
                <Th>Actions</Th>
              </tr>
            </thead>
            <Tbody>
              {rows.map((skill) => (
                <tr key={skill.id} data-testid={`skill-${skill.name}`}>
                  <Td className="max-w-60">
                    <p className="font-medium text-slate-900">{skill.name}</p>
                    {skill.description ? (
                      <p className="truncate text-xs text-slate-600">{skill.description}</p>
                    ) : null}
                  </Td>
                  <Td>
                    <Badge tone={skill.status === 'active' ? 'emerald' : 'neutral'}>{skill.status}</Badge>
                  </Td>
                  <Td className="max-w-48 truncate font-mono text-xs">
                    {Object.keys(
                      (skill.inputSchema.properties as Record<string, unknown> | undefined) ?? {},
                    ).join(', ') || '—'}
                  </Td>
                  <Td>{formatDateTime(skill.updatedAt)}</Td>
                  <Td>
                    <div className="flex flex-wrap gap-2">
                      <GatedButton
                        gate={gate}
                        noteId={noteId}
                        variant="secondary"
                        onClick={() => setEditing(skill)}
                      >
                        Edit
                      </GatedButton>
                      <GatedButton
                        gate={gate}
                        noteId={noteId}
                        variant="secondary"
                        data-testid={`toggle-${skill.name}`}
                        onClick={() => toggle(skill)}
                      >
                        {skill.status === 'active' ? 'Disable' : 'Enable'}
                      </GatedButton>
                      <GatedButton
                        gate={gate}
                        noteId={noteId}
                        variant="ghost"
                        onClick={() => removeSkill(skill)}
                      >
                        Remove
                      </GatedButton>
                    </div>
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
        {skills.data && skills.data.length > 0 ? (
          <LoadMore
            hasNextPage={skills.hasNextPage}
            isFetchingNextPage={skills.isFetchingNextPage}
            fetchNextPage={skills.fetchNextPage}
          />
        ) : null}
      </Card>
      <SlideOver open={editing !== null} title="Edit the skill" onClose={() => setEditing(null)}>
        {editing ? (
          <SkillForm key={editing.id} tenant={tenant} skill={editing} onDone={() => setEditing(null)} />
        ) : null}
      </SlideOver>
    </>
  );
}

'use client';

import type { Project } from '@ec3l/sdk';
import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { formErrorsFrom } from '@/lib/errors';
import { useCreateChange } from '@/queries/changes';

type Field = 'projectId' | 'title' | 'description';
type Errors = Partial<Record<Field | '_form', string>>;
const FIELDS: readonly Field[] = ['projectId', 'title', 'description'];

/** Opens a Draft change in a project, then shows it. */
export function ChangeForm({
  tenant,
  projects,
  defaultProjectId,
}: {
  tenant: string;
  projects: Project[];
  defaultProjectId: string;
}) {
  const router = useRouter();
  const create = useCreateChange(tenant);
  const [projectId, setProjectId] = useState(defaultProjectId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Errors = {};
    if (projectId === '') next.projectId = 'Pick the project the change belongs to';
    if (title.trim() === '') next.title = 'Title is required';
    setErrors(next);
    if (Object.keys(next).length > 0) return focusInvalid();
    const body = {
      projectId,
      title: title.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: (change) => router.push(`/changes/${change.id}`),
      onError: (error) => {
        setErrors(formErrorsFrom(error, FIELDS));
        focusInvalid();
      },
    });
  };

  const pending = create.isPending || create.isSuccess;
  return (
    <form
      ref={formRef}
      aria-label="Create change"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 px-5 py-5"
    >
      {errors._form ? (
        <Alert tone="error" testId="change-form-error">
          {errors._form}
        </Alert>
      ) : null}
      <SelectField
        id="change-project"
        label="Project"
        value={projectId}
        onChange={(event) => {
          setProjectId(event.target.value);
          setErrors((prev) => ({ ...prev, projectId: undefined }));
        }}
        error={errors.projectId}
        disabled={pending}
      >
        <option value="">Pick a project…</option>
        {projects.map((project) => (
          <option key={project.id} value={project.id}>
            {project.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="change-title"
        label="Title"
        placeholder="Add priority to incidents"
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          setErrors((prev) => ({ ...prev, title: undefined, _form: undefined }));
        }}
        error={errors.title}
        disabled={pending}
        autoComplete="off"
      />
      <TextAreaField
        id="change-description"
        label="Description"
        placeholder="Why the schema changes"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={errors.description}
        disabled={pending}
        rows={3}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner className="size-4 text-white" /> : null}
        {pending ? 'Creating…' : 'Create change'}
      </Button>
      <p className="text-xs text-slate-500">
        A change starts as a Draft: add the record types it targets and the ops that change them, dry-run it,
        then check it in and merge it.
      </p>
    </form>
  );
}

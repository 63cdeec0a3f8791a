'use client';

import type { Project } from '@ec3l/sdk';
import Link from 'next/link';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import { errorMessage, fieldErrorsFrom } from '@/lib/errors';
import {
  EMPTY_PROJECT_FORM,
  type ProjectFormField,
  type ProjectFormValues,
  toCreateProjectBody,
  validateProjectForm,
} from '@/lib/project-form';
import { useCreateProject } from '@/queries/projects';

type Errors = Partial<Record<ProjectFormField | '_form', string>>;

const FIELDS: readonly ProjectFormField[] = ['name', 'description', 'githubRepo', 'defaultBranch'];

/** Creates a project; shows the client's required check and the gateway's 400 details / 409 message. */
export function ProjectForm({ tenant }: { tenant: string }) {
  const createProject = useCreateProject(tenant);
  const [values, setValues] = useState<ProjectFormValues>(EMPTY_PROJECT_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<Project | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  const set = (field: ProjectFormField) => (event: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [field]: event.target.value }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const clientErrors = validateProjectForm(values);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusInvalid();
      return;
    }
    setErrors({});
    createProject.mutate(toCreateProjectBody(values), {
      onSuccess: (project) => {
        setCreated(project);
        setValues(EMPTY_PROJECT_FORM);
      },
      onError: (error) => {
        const byField = fieldErrorsFrom(error);
        const next: Errors = {};
        for (const [key, message] of Object.entries(byField)) {
          if ((FIELDS as readonly string[]).includes(key)) next[key as ProjectFormField] = message;
          else next._form = next._form ? `${next._form}; ${message}` : message;
        }
        if (Object.keys(next).length === 0) next._form = errorMessage(error);
        setErrors(next);
        focusInvalid();
      },
    });
  };

  const pending = createProject.isPending;
  return (
    <form
      ref={formRef}
      aria-label="Create project"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 px-5 py-5"
    >
      {errors._form ? (
        <div
          role="alert"
          data-testid="project-form-error"
          className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-700"
        >
          {errors._form}
        </div>
      ) : null}
      {created ? (
        <div
          role="status"
          data-testid="project-form-success"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          Created{' '}
          <Link href={`/projects/${created.id}`} className="font-semibold underline underline-offset-2">
            {created.name}
          </Link>{' '}
          with dev, test and prod environments.
        </div>
      ) : null}
      <TextField
        id="project-name"
        label="Name"
        required
        aria-required="true"
        placeholder="Payroll Platform"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
        disabled={pending}
      />
      <TextAreaField
        id="project-description"
        label="Description"
        placeholder="What the project configures"
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        disabled={pending}
        rows={3}
      />
      <TextField
        id="project-github-repo"
        label="GitHub repository"
        placeholder="acme/payroll"
        value={values.githubRepo}
        onChange={set('githubRepo')}
        error={errors.githubRepo}
        disabled={pending}
        hint="Optional, owner/name"
      />
      <TextField
        id="project-default-branch"
        label="Default branch"
        placeholder="main"
        value={values.defaultBranch}
        onChange={set('defaultBranch')}
        error={errors.defaultBranch}
        disabled={pending}
        hint="Leave blank for the server default"
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? <Spinner className="size-4 text-white" /> : null}
        {pending ? 'Creating…' : 'Create project'}
      </Button>
    </form>
  );
}

import type { CreateProjectBody } from '@ec3l/sdk';

export type ProjectFormValues = {
  name: string;
  description: string;
  githubRepo: string;
  defaultBranch: string;
};

export type ProjectFormField = keyof ProjectFormValues;

export const EMPTY_PROJECT_FORM: ProjectFormValues = {
  name: '',
  description: '',
  githubRepo: '',
  defaultBranch: '',
};

/**
 * Checks the client can make before asking the server: a name is required. Everything else (lengths,
 * uniqueness) is left to the gateway, whose answer the form shows.
 */
export const validateProjectForm = (values: ProjectFormValues): Partial<Record<ProjectFormField, string>> => {
  const errors: Partial<Record<ProjectFormField, string>> = {};
  if (values.name.trim() === '') errors.name = 'Name is required';
  return errors;
};

/** The request body: trimmed values, optional fields left out when blank. */
export const toCreateProjectBody = (values: ProjectFormValues): CreateProjectBody => {
  const body: CreateProjectBody = { name: values.name.trim() };
  const description = values.description.trim();
  const githubRepo = values.githubRepo.trim();
  const defaultBranch = values.defaultBranch.trim();
  if (description) body.description = description;
  if (githubRepo) body.githubRepo = githubRepo;
  if (defaultBranch) body.defaultBranch = defaultBranch;
  return body;
};

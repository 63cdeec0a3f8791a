import { describe, expect, it } from 'vitest';
import { EMPTY_PROJECT_FORM, toCreateProjectBody, validateProjectForm } from './project-form';

describe('validateProjectForm', () => {
  it('requires a name', () => {
    expect(validateProjectForm(EMPTY_PROJECT_FORM)).toEqual({ name: 'Name is required' });
  });

  it('treats a name of only spaces as blank', () => {
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: '   ' })).toEqual({ name: 'Name is required' });
  });

  it('leaves other checks to the server', () => {
    expect(validateProjectForm({ ...EMPTY_PROJECT_FORM, name: 'x'.repeat(500) })).toEqual({});
  });
});

describe('toCreateProjectBody', () => {
  it('trims values and leaves blank optional fields out', () => {
    expect(
      toCreateProjectBody({ name: '  Payroll  ', description: ' ', githubRepo: '', defaultBranch: '' }),
    ).toEqual({
      name: 'Payroll',
    });
  });

  it('sends every filled field', () => {
    expect(
      toCreateProjectBody({
        name: 'Payroll',
        description: 'Pays',
        githubRepo: 'acme/payroll',
        defaultBranch: 'trunk',
      }),
    ).toEqual({ name: 'Payroll', description: 'Pays', githubRepo: 'acme/payroll', defaultBranch: 'trunk' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  EMPTY_EXPLAIN_FORM,
  EMPTY_POLICY_FORM,
  EMPTY_ROLE_FORM,
  toCreatePolicyBody,
  toCreateRoleBody,
  toExplainQuery,
  togglePermission,
  validatePolicyForm,
  validateRoleForm,
} from './access-forms';

const CATALOG = ['form.view', 'form.edit', 'admin.view', 'environment.release_create'];

describe('role form', () => {
  it('requires a name', () => {
    expect(validateRoleForm({ ...EMPTY_ROLE_FORM, name: '  ' })).toEqual({ name: 'Name is required' });
    expect(validateRoleForm({ ...EMPTY_ROLE_FORM, name: 'Release managers' })).toEqual({});
  });

  it('sends the trimmed name alone when nothing else is filled', () => {
    expect(toCreateRoleBody({ ...EMPTY_ROLE_FORM, name: ' Release managers ' }, CATALOG)).toEqual({
      name: 'Release managers',
    });
  });

  it('sends the description and the permissions in catalog order', () => {
    expect(
      toCreateRoleBody(
        {
          name: 'Ops',
          description: ' Runs releases ',
          permissions: ['environment.release_create', 'form.view'],
        },
        CATALOG,
      ),
    ).toEqual({
      name: 'Ops',
      description: 'Runs releases',
      permissions: ['form.view', 'environment.release_create'],
    });
  });

  it('toggles a permission without duplicates', () => {
    expect(togglePermission(['form.view'], 'form.view', true)).toEqual(['form.view']);
    expect(togglePermission(['form.view'], 'admin.view', true)).toEqual(['form.view', 'admin.view']);
    expect(togglePermission(['form.view', 'admin.view'], 'form.view', false)).toEqual(['admin.view']);
  });
});

describe('policy form', () => {
  it('requires a role and a resource type', () => {
    expect(validatePolicyForm(EMPTY_POLICY_FORM)).toEqual({
      roleId: 'Pick a role',
      resourceType: 'Pick a resource type',
    });
  });

  it('leaves out a blank resource id (every resource of the type)', () => {
    const values = { roleId: 'r1', resourceType: 'change', resourceId: '  ', effect: 'deny' as const };
    expect(validatePolicyForm(values)).toEqual({});
    expect(toCreatePolicyBody(values)).toEqual({ roleId: 'r1', resourceType: 'change', effect: 'deny' });
    expect(toCreatePolicyBody({ ...values, resourceId: ' form-42 ', effect: 'allow' })).toEqual({
      roleId: 'r1',
      resourceType: 'change',
      resourceId: 'form-42',
      effect: 'allow',
    });
  });
});

describe('toExplainQuery', () => {
  it('needs a valid user id and a permission', () => {
    expect(toExplainQuery(EMPTY_EXPLAIN_FORM)).toEqual({
      ok: false,
      errors: { userId: 'User ID is required', permission: 'Pick a permission' },
    });
    expect(toExplainQuery({ ...EMPTY_EXPLAIN_FORM, userId: 'r ita', permission: 'form.view' })).toMatchObject(
      {
        ok: false,
        errors: { userId: expect.stringContaining('letters') },
      },
    );
  });

  it('sends only what is filled, trimmed', () => {
    expect(toExplainQuery({ ...EMPTY_EXPLAIN_FORM, userId: ' rita ', permission: 'admin.view' })).toEqual({
      ok: true,
      query: { userId: 'rita', permission: 'admin.view' },
    });
    expect(
      toExplainQuery({ userId: 'rita', permission: 'form.edit', resourceType: 'form', resourceId: ' f-1 ' }),
    ).toEqual({
      ok: true,
      query: { userId: 'rita', permission: 'form.edit', resourceType: 'form', resourceId: 'f-1' },
    });
  });

  it('asks for the type of a resource id', () => {
    expect(
      toExplainQuery({ userId: 'rita', permission: 'form.edit', resourceType: '', resourceId: 'f-1' }),
    ).toEqual({ ok: false, errors: { resourceType: 'Pick the type of that resource' } });
  });
});

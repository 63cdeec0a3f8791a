'use client';

import { type FormEvent, useRef, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { TextAreaField, TextField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/states';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import {
  EMPTY_ROLE_FORM,
  type RoleFormField,
  type RoleFormValues,
  toCreateRoleBody,
  togglePermission,
  validateRoleForm,
} from '@/lib/access-forms';
import { formErrorsFrom } from '@/lib/errors';
import { PERMISSION } from '@/lib/permissions';
import { useCan } from '@/queries/me';
import { type Role, useCreateRole, usePermissions } from '@/queries/rbac';

type Errors = Partial<Record<RoleFormField | '_form', string>>;

const FIELDS: readonly RoleFormField[] = ['name', 'description', 'permissions'];

/** Creates a role with a first set of permissions; shows the gateway's 400 details and 409 message. */
export function RoleForm({ tenant }: { tenant: string }) {
  const createRole = useCreateRole(tenant);
  const catalog = usePermissions(tenant);
  const can = useCan(tenant, PERMISSION.rbacManage);
  const [values, setValues] = useState<RoleFormValues>(EMPTY_ROLE_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<Role | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  const set = (field: 'name' | 'description') => (event: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [field]: event.target.value }));
    setErrors((prev) => ({ ...prev, [field]: undefined, _form: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const clientErrors = validateRoleForm(values);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusInvalid();
      return;
    }
    setErrors({});
    const names = (catalog.data ?? []).map((p) => p.name);
    createRole.mutate(toCreateRoleBody(values, names), {
      onSuccess: (role) => {
        setCreated(role);
        setValues(EMPTY_ROLE_FORM);
      },
      onError: (error) => {
        setErrors(formErrorsFrom(error, FIELDS));
        focusInvalid();
      },
    });
  };

  const pending = createRole.isPending;
  const disabled = pending || !can.allowed;
  return (
    <form
      ref={formRef}
      aria-label="Create role"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 px-5 py-5"
    >
      {errors._form ? (
        <Alert tone="error" testId="role-form-error">
          {errors._form}
        </Alert>
      ) : null}
      {created ? (
        <Alert tone="success" testId="role-form-success">
          Created role <span className="font-semibold">{created.name}</span>
          {created.permissions.length > 0 ? ` with ${created.permissions.join(', ')}` : ''}.
        </Alert>
      ) : null}
      <TextField
        id="role-name"
        label="Name"
        placeholder="Release managers"
        value={values.name}
        onChange={set('name')}
        error={errors.name}
        disabled={disabled}
        autoComplete="off"
      />
      <TextAreaField
        id="role-description"
        label="Description"
        placeholder="What holders of this role do"
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        disabled={disabled}
        rows={2}
      />
      <fieldset aria-describedby={errors.permissions ? 'role-permissions-error' : undefined}>
        <legend className="text-sm font-medium text-slate-700">Permissions</legend>
        {catalog.isPending ? (
          <p className="mt-2 text-sm text-slate-500">Loading permissions…</p>
        ) : catalog.isError ? (
          <p className="mt-2 text-sm text-rose-600">Could not load the permission catalog.</p>
        ) : (
          <div className="mt-2 divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {catalog.data.map((permission) => (
              <label
                key={permission.name}
                className="flex cursor-pointer items-start gap-2.5 px-3 py-2 hover:bg-slate-50"
              >
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 rounded border-slate-300 accent-indigo-600"
                  checked={values.permissions.includes(permission.name)}
                  disabled={disabled}
                  onChange={(event) => {
                    const on = event.target.checked;
                    setValues((prev) => ({
                      ...prev,
                      permissions: togglePermission(prev.permissions, permission.name, on),
                    }));
                  }}
                />
                <span className="min-w-0">
                  <span className="block font-mono text-xs text-slate-900">{permission.name}</span>
                  <span className="block text-xs text-slate-500">{permission.description}</span>
                </span>
              </label>
            ))}
          </div>
        )}
        {errors.permissions ? (
          <p id="role-permissions-error" className="mt-1.5 text-sm text-rose-600">
            {errors.permissions}
          </p>
        ) : null}
      </fieldset>
      <GatedButton type="submit" gate={can} busy={disabled} className="w-full">
        {pending ? <Spinner className="size-4 text-white" /> : null}
        {pending ? 'Creating…' : 'Create role'}
      </GatedButton>
    </form>
  );
}

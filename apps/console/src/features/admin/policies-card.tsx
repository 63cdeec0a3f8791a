'use client';

import { type FormEvent, useRef, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { EmptyState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { useFocusFirstInvalid } from '@/components/use-focus-invalid';
import {
  EMPTY_POLICY_FORM,
  type PolicyFormField,
  type PolicyFormValues,
  RESOURCE_TYPES,
  toCreatePolicyBody,
  validatePolicyForm,
} from '@/lib/access-forms';
import { errorMessage, formErrorsFrom } from '@/lib/errors';
import { PERMISSION } from '@/lib/permissions';
import { useCan } from '@/queries/me';
import { useCreatePolicy, useDeletePolicy, usePolicies, useRoles } from '@/queries/rbac';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

const POLICIES_NOTE = 'policies-permission-note';

/** The tenant's allow/deny policies by role and resource. */
export function PoliciesCard({ tenant }: { tenant: string }) {
  const policies = usePolicies(tenant);
  const can = useCan(tenant, PERMISSION.rbacManage);
  const remove = useDeletePolicy(tenant);
  const { confirm, dialog } = useConfirm();
  const [failure, setFailure] = useState<string | null>(null);

  return (
    <>
      <CardHeader
        titleId="policies-title"
        title="Policies"
        description={
          policies.data
            ? `${policies.data.length} ${policies.data.length === 1 ? 'policy' : 'policies'}: a deny beats every grant; an allow opens one resource`
            : 'A deny beats every grant; an allow opens one resource'
        }
        actions={remove.isPending ? <Spinner className="size-4 text-slate-500" /> : null}
      />
      <PermissionNotes id={POLICIES_NOTE} actions={[{ label: 'Deleting policies', gate: can }]} />
      {dialog}
      {failure ? (
        <Alert tone="error" testId="policies-error" className="mx-5 mt-4">
          {failure}
        </Alert>
      ) : null}
      {policies.isPending ? (
        <LoadingState label="Loading policies…" />
      ) : policies.isError ? (
        <QueryError
          tenant={tenant}
          error={policies.error}
          title="Could not load policies"
          onRetry={() => void policies.refetch()}
        />
      ) : policies.data.length === 0 ? (
        <EmptyState
          testId="policies-empty"
          title="No policies"
          description="Roles grant their permissions everywhere. Add a policy to deny a role a resource type, or allow it one resource."
        />
      ) : (
        <Table label="Policies">
          <thead>
            <tr>
              <Th>Role</Th>
              <Th>Resource</Th>
              <Th>Effect</Th>
              <Th>Created</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <Tbody>
            {policies.data.map((policy) => {
              const target = `${policy.resourceType} ${policy.resourceId ?? '(all)'}`;
              return (
                <tr key={policy.id} data-testid="policy-row">
                  <Td className="font-medium text-slate-900">{policy.roleName}</Td>
                  <Td>
                    <span className="font-mono text-xs">{policy.resourceType}</span>
                    <span className="text-slate-500"> · </span>
                    {policy.resourceId ? (
                      <span className="font-mono text-xs">{policy.resourceId}</span>
                    ) : (
                      <span className="text-xs text-slate-500">every resource</span>
                    )}
                  </Td>
                  <Td>
                    <Badge tone={policy.effect === 'allow' ? 'emerald' : 'rose'}>{policy.effect}</Badge>
                  </Td>
                  <Td className="text-slate-500">
                    <When iso={policy.createdAt} />
                  </Td>
                  <Td className="text-right">
                    <GatedButton
                      variant="ghost"
                      className="px-2 py-1 text-xs text-rose-700 hover:bg-rose-50 hover:text-rose-800"
                      aria-label={`Delete the ${policy.effect} policy of ${policy.roleName} on ${target}`}
                      title={can.reason ?? `Delete this ${policy.effect} policy`}
                      gate={can}
                      busy={remove.isPending}
                      noteId={POLICIES_NOTE}
                      onClick={() =>
                        confirm({
                          title: `Delete the ${policy.effect} policy of ${policy.roleName}?`,
                          impact: (
                            <p>
                              {policy.effect === 'deny'
                                ? `${policy.roleName} gets its permissions on ${target} back.`
                                : `${policy.roleName} loses the access this policy opened on ${target}.`}{' '}
                              The decision changes at once for every user holding the role.
                            </p>
                          ),
                          confirmLabel: 'Delete policy',
                          destructive: true,
                          onConfirm: () => {
                            setFailure(null);
                            remove.mutate(policy.id, {
                              onError: (error) =>
                                setFailure(`Could not delete the policy: ${errorMessage(error)}`),
                            });
                          },
                        })
                      }
                    >
                      Delete
                    </GatedButton>
                  </Td>
                </tr>
              );
            })}
          </Tbody>
        </Table>
      )}
    </>
  );
}

type Errors = Partial<Record<PolicyFormField | '_form', string>>;
const FIELDS: readonly PolicyFormField[] = ['roleId', 'resourceType', 'resourceId', 'effect'];

/** Creates a policy; shows the gateway's 400 details and 409 (the role already has it). */
export function PolicyForm({ tenant }: { tenant: string }) {
  const roles = useRoles(tenant);
  const can = useCan(tenant, PERMISSION.rbacManage);
  const create = useCreatePolicy(tenant);
  const [values, setValues] = useState<PolicyFormValues>(EMPTY_POLICY_FORM);
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusInvalid = useFocusFirstInvalid(formRef);

  const set = (field: PolicyFormField) => (event: { target: { value: string } }) => {
    setValues((prev) => ({ ...prev, [field]: event.target.value }));
    setErrors((prev) => ({ ...prev, [field]: undefined, _form: undefined }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setCreated(null);
    const clientErrors = validatePolicyForm(values);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusInvalid();
      return;
    }
    setErrors({});
    create.mutate(toCreatePolicyBody(values), {
      onSuccess: (policy) => {
        setCreated(
          `${policy.effect === 'allow' ? 'Allowed' : 'Denied'} ${policy.roleName} ${policy.resourceType} ${policy.resourceId ?? '(all)'}.`,
        );
        setValues((prev) => ({ ...EMPTY_POLICY_FORM, roleId: prev.roleId }));
      },
      onError: (error) => {
        setErrors(formErrorsFrom(error, FIELDS));
        focusInvalid();
      },
    });
  };

  const disabled = create.isPending || !can.allowed;
  return (
    <form
      ref={formRef}
      aria-label="Create policy"
      noValidate
      onSubmit={onSubmit}
      className="space-y-4 px-5 py-5"
    >
      {errors._form ? (
        <Alert tone="error" testId="policy-form-error">
          {errors._form}
        </Alert>
      ) : null}
      {created ? (
        <Alert tone="success" testId="policy-form-success">
          {created}
        </Alert>
      ) : null}
      <SelectField
        id="policy-role"
        label="Role"
        value={values.roleId}
        onChange={set('roleId')}
        error={errors.roleId}
        disabled={disabled}
      >
        <option value="">Choose a role…</option>
        {(roles.data ?? []).map((role) => (
          <option key={role.id} value={role.id}>
            {role.name}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          id="policy-resource-type"
          label="Resource type"
          value={values.resourceType}
          onChange={set('resourceType')}
          error={errors.resourceType}
          disabled={disabled}
        >
          <option value="">Choose…</option>
          {RESOURCE_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="policy-effect"
          label="Effect"
          value={values.effect}
          onChange={set('effect')}
          error={errors.effect}
          disabled={disabled}
        >
          <option value="deny">deny</option>
          <option value="allow">allow</option>
        </SelectField>
      </div>
      <TextField
        id="policy-resource-id"
        label="Resource ID"
        placeholder="Every resource of the type"
        value={values.resourceId}
        onChange={set('resourceId')}
        error={errors.resourceId}
        disabled={disabled}
        hint="Optional: leave blank for every resource of the type"
        autoComplete="off"
      />
      <GatedButton type="submit" gate={can} busy={disabled} className="w-full">
        {create.isPending ? <Spinner className="size-4 text-white" /> : null}
        {create.isPending ? 'Creating…' : 'Create policy'}
      </GatedButton>
    </form>
  );
}

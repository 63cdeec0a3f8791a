'use client';

import { type FormEvent, useState } from 'react';
import { GatedButton, PermissionNotes } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardHeader } from '@/components/ui/card';
import { INLINE_SELECT } from '@/components/ui/field';
import { type ConfirmRequest, useConfirm } from '@/components/ui/modal';
import { EmptyState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { cx } from '@/lib/cx';
import { errorMessage } from '@/lib/errors';
import { plural } from '@/lib/format';
import { type ActionGate, PERMISSION } from '@/lib/permissions';
import { useCan } from '@/queries/me';
import {
  type Permission,
  type Role,
  useAddRolePermission,
  usePermissions,
  useRemoveRolePermission,
  useRoles,
  useSetRoleStatus,
} from '@/queries/rbac';
import { QueryError } from './forbidden-state';

/** The tenant's roles: status, permissions as chips, and the actions that change them. */
export function RolesCard({ tenant }: { tenant: string }) {
  const roles = useRoles(tenant);
  const permissions = usePermissions(tenant);
  const can = useCan(tenant, PERMISSION.rbacManage);
  const { confirm, dialog } = useConfirm();
  const setStatus = useSetRoleStatus(tenant);
  const grant = useAddRolePermission(tenant);
  const revoke = useRemoveRolePermission(tenant);
  const [failure, setFailure] = useState<string | null>(null);

  const report = (what: string) => (error: unknown) => setFailure(`${what}: ${errorMessage(error)}`);
  const actions: RoleActions = {
    can,
    confirm,
    busy: setStatus.isPending || grant.isPending || revoke.isPending,
    setStatus: (role, enable) => {
      setFailure(null);
      setStatus.mutate(
        { roleId: role.id, enable },
        { onError: report(`Could not ${enable ? 'enable' : 'disable'} ${role.name}`) },
      );
    },
    grant: (role, permission) => {
      setFailure(null);
      grant.mutate(
        { roleId: role.id, permission },
        { onError: report(`Could not grant ${permission} to ${role.name}`) },
      );
    },
    revoke: (role, permission) => {
      setFailure(null);
      revoke.mutate(
        { roleId: role.id, permission },
        { onError: report(`Could not remove ${permission} from ${role.name}`) },
      );
    },
  };

  return (
    <>
      <CardHeader
        titleId="roles-title"
        title="Roles"
        description={roles.data ? `${plural(roles.data.length, 'role')} in ${tenant}` : `Tenant ${tenant}`}
        actions={
          (roles.isFetching && !roles.isPending) || actions.busy ? (
            <Spinner className="size-4 text-slate-500" />
          ) : null
        }
      />
      <PermissionNotes
        id={ROLES_NOTE}
        actions={[{ label: 'Changing roles and their permissions', gate: can }]}
      />
      {dialog}
      {failure ? (
        <Alert tone="error" testId="roles-error" className="mx-5 mt-4">
          {failure}
        </Alert>
      ) : null}
      {roles.isPending ? (
        <LoadingState label="Loading roles…" />
      ) : roles.isError ? (
        <QueryError
          tenant={tenant}
          error={roles.error}
          title="Could not load roles"
          onRetry={() => void roles.refetch()}
        />
      ) : roles.data.length === 0 ? (
        <EmptyState
          title="No roles yet"
          description={`Tenant ${tenant} has no roles. Create one with the form.`}
        />
      ) : (
        <Table label="Roles">
          <thead>
            <tr>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Permissions</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <Tbody>
            {roles.data.map((role) => (
              <RoleRow key={role.id} role={role} catalog={permissions.data ?? []} actions={actions} />
            ))}
          </Tbody>
        </Table>
      )}
    </>
  );
}

const ROLES_NOTE = 'roles-permission-note';

type RoleActions = {
  can: ActionGate;
  confirm: (request: ConfirmRequest) => void;
  busy: boolean;
  setStatus: (role: Role, enable: boolean) => void;
  grant: (role: Role, permission: string) => void;
  revoke: (role: Role, permission: string) => void;
};

function RoleRow({ role, catalog, actions }: { role: Role; catalog: Permission[]; actions: RoleActions }) {
  const [toGrant, setToGrant] = useState('');
  const active = role.status === 'active';
  const grantable = catalog.filter((p) => !role.permissions.includes(p.name));
  const { can, busy } = actions;

  const onGrant = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!toGrant) return;
    actions.grant(role, toGrant);
    setToGrant('');
  };

  return (
    <tr data-testid="role-row" className="align-top">
      <Td className="min-w-44 align-top">
        <div className="font-medium text-slate-900">{role.name}</div>
        {role.description ? <div className="mt-0.5 text-xs text-slate-500">{role.description}</div> : null}
      </Td>
      <Td className="align-top">
        {active ? <Badge tone="emerald">Active</Badge> : <Badge tone="amber">Disabled</Badge>}
      </Td>
      <Td className="align-top">
        <ul aria-label={`Permissions of ${role.name}`} className="flex flex-wrap gap-1.5">
          {role.permissions.length === 0 ? (
            <li className="text-xs text-slate-500">No permissions</li>
          ) : (
            role.permissions.map((name) => (
              <li key={name}>
                <PermissionChip
                  name={name}
                  muted={!active}
                  removeLabel={`Remove ${name} from ${role.name}`}
                  disabledReason={can.allowed ? (busy ? 'Saving…' : undefined) : can.reason}
                  onRemove={() => actions.revoke(role, name)}
                />
              </li>
            ))
          )}
        </ul>
        {grantable.length > 0 ? (
          <form
            aria-label={`Grant a permission to ${role.name}`}
            onSubmit={onGrant}
            className="mt-2 flex gap-1.5"
          >
            <select
              aria-label={`Permission to grant to ${role.name}`}
              value={toGrant}
              onChange={(event) => setToGrant(event.target.value)}
              disabled={!can.allowed}
              title={can.reason}
              className={cx(INLINE_SELECT, 'w-56')}
            >
              <option value="">Add a permission…</option>
              {grantable.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                </option>
              ))}
            </select>
            <Button
              type="submit"
              variant="secondary"
              className="px-2.5 py-1 text-xs"
              disabled={!can.allowed || busy || toGrant === ''}
              title={can.reason ?? (toGrant === '' ? 'Pick a permission to grant' : undefined)}
            >
              Grant
            </Button>
          </form>
        ) : null}
      </Td>
      <Td className="text-right align-top">
        <GatedButton
          variant="secondary"
          className="px-2.5 py-1 text-xs"
          gate={can}
          busy={busy}
          noteId={ROLES_NOTE}
          title={
            can.reason ??
            (active
              ? `Disable ${role.name}: its users keep it but it grants nothing until enabled`
              : `Enable ${role.name} again`)
          }
          onClick={() =>
            active
              ? actions.confirm({
                  title: `Disable the role ${role.name}?`,
                  impact: (
                    <p>
                      Every user holding {role.name} keeps the assignment, but it grants nothing until the
                      role is enabled again
                      {role.permissions.length > 0 ? `: they lose ${role.permissions.join(', ')}` : ''}{' '}
                      (unless another active role grants them). Policies of the role stop applying.
                    </p>
                  ),
                  confirmLabel: 'Disable role',
                  destructive: true,
                  onConfirm: () => actions.setStatus(role, false),
                })
              : actions.setStatus(role, true)
          }
        >
          {active ? 'Disable' : 'Enable'}
        </GatedButton>
      </Td>
    </tr>
  );
}

function PermissionChip({
  name,
  muted,
  removeLabel,
  disabledReason,
  onRemove,
}: {
  name: string;
  muted: boolean;
  removeLabel: string;
  disabledReason: string | undefined;
  onRemove: () => void;
}) {
  return (
    <span
      data-testid="permission-chip"
      className={cx(
        'inline-flex items-center gap-0.5 rounded-full py-0.5 pr-0.5 pl-2 font-mono text-[11px] ring-1 ring-inset',
        muted
          ? 'bg-slate-50 text-slate-500 ring-slate-300'
          : 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
      )}
    >
      {name}
      <button
        type="button"
        aria-label={removeLabel}
        title={disabledReason ?? removeLabel}
        disabled={disabledReason !== undefined}
        onClick={onRemove}
        className="rounded-full p-0.5 text-current opacity-60 hover:bg-indigo-100 hover:opacity-100 disabled:cursor-not-allowed disabled:opacity-30 disabled:hover:bg-transparent"
      >
        <svg
          viewBox="0 0 16 16"
          className="size-3"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path strokeLinecap="round" d="m4.5 4.5 7 7m0-7-7 7" />
        </svg>
      </button>
    </span>
  );
}

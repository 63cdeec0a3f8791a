'use client';

import { type FormEvent, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { type ConfirmRequest, useConfirm } from '@/components/ui/modal';
import { LoadingState } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { errorMessage } from '@/lib/errors';
import { userIdProblem } from '@/lib/identity';
import { PERMISSION } from '@/lib/permissions';
import { useCan } from '@/queries/me';
import { useAssignUserRole, useRemoveUserRole, useRoles, useUserRoles } from '@/queries/rbac';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';

/** Look up a user's roles in the tenant, assign another one, take one away. */
export function UserRolesCard({ tenant }: { tenant: string }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [subject, setSubject] = useState<string | null>(null);

  const onLookUp = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const issue = userIdProblem(draft);
    setProblem(issue);
    if (!issue) setSubject(draft.trim());
  };

  return (
    <>
      <CardHeader
        titleId="user-roles-title"
        title="User roles"
        description="Which roles a user holds in this tenant"
      />
      <form
        aria-label="Look up user"
        noValidate
        onSubmit={onLookUp}
        className="flex items-start gap-2 px-5 pt-5"
      >
        <div className="flex-1">
          <TextField
            id="user-roles-user"
            label="User ID"
            placeholder="rita"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setProblem(null);
            }}
            error={problem ?? undefined}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        <Button type="submit" variant="secondary" className="mt-7">
          Show roles
        </Button>
      </form>
      {subject ? (
        <UserRoles key={subject} tenant={tenant} userId={subject} />
      ) : (
        <p className="px-5 py-6 text-sm text-slate-500">Enter a user id to see and change their roles.</p>
      )}
    </>
  );
}

function UserRoles({ tenant, userId }: { tenant: string; userId: string }) {
  const userRoles = useUserRoles(tenant, userId);
  const roles = useRoles(tenant);
  const can = useCan(tenant, PERMISSION.rbacManage);
  const { confirm, dialog } = useConfirm();
  const assign = useAssignUserRole(tenant);
  const remove = useRemoveUserRole(tenant);
  const [roleId, setRoleId] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const busy = assign.isPending || remove.isPending;

  if (userRoles.isPending) return <LoadingState label={`Loading the roles of ${userId}…`} />;
  if (userRoles.isError) {
    return (
      <QueryError
        tenant={tenant}
        error={userRoles.error}
        title={`Could not load the roles of ${userId}`}
        onRetry={() => void userRoles.refetch()}
      />
    );
  }

  const held = new Set(userRoles.data.map((r) => r.roleId));
  const assignable = (roles.data ?? []).filter((role) => !held.has(role.id));

  const onAssign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!roleId) {
      setFailure('Pick a role to assign');
      return;
    }
    setFailure(null);
    assign.mutate(
      { userId, roleId },
      {
        onSuccess: () => setRoleId(''),
        onError: (error) => setFailure(errorMessage(error)),
      },
    );
  };

  return (
    <div className="pt-4" data-testid="user-roles">
      {dialog}
      <h3 className="px-5 pb-2 text-sm font-medium text-slate-700">
        Roles of <span className="font-semibold text-slate-900">{userId}</span> in {tenant}
      </h3>
      {userRoles.data.length === 0 ? (
        <p
          data-testid="user-roles-empty"
          className="mx-5 rounded-md bg-slate-50 px-3 py-3 text-sm text-slate-500"
        >
          {userId} has no roles in {tenant}, so no permissions.
        </p>
      ) : (
        <Table label={`Roles of ${userId}`}>
          <thead>
            <tr>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Assigned</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <Tbody>
            {userRoles.data.map((assignment) => (
              <tr key={assignment.roleId}>
                <Td className="font-medium text-slate-900">{assignment.roleName}</Td>
                <Td>
                  {assignment.roleStatus === 'active' ? (
                    <Badge tone="emerald">Active</Badge>
                  ) : (
                    <Badge tone="amber">Disabled</Badge>
                  )}
                </Td>
                <Td className="text-slate-500">
                  <When iso={assignment.assignedAt} />
                </Td>
                <Td className="text-right">
                  <GatedButton
                    variant="ghost"
                    className="px-2 py-1 text-xs text-rose-700 hover:bg-rose-50 hover:text-rose-800"
                    aria-label={`Remove ${assignment.roleName} from ${userId}`}
                    title={can.reason ?? `Remove ${assignment.roleName} from ${userId}`}
                    gate={can}
                    busy={busy}
                    onClick={() =>
                      confirm(
                        unassignRequest(userId, assignment.roleName, () => {
                          setFailure(null);
                          remove.mutate(
                            { userId, roleId: assignment.roleId },
                            { onError: (error) => setFailure(errorMessage(error)) },
                          );
                        }),
                      )
                    }
                  >
                    Remove
                  </GatedButton>
                </Td>
              </tr>
            ))}
          </Tbody>
        </Table>
      )}
      <form
        aria-label={`Assign a role to ${userId}`}
        noValidate
        onSubmit={onAssign}
        className="space-y-3 border-t border-slate-100 px-5 py-4 mt-4"
      >
        {failure ? (
          <Alert tone="error" testId="user-roles-error">
            {failure}
          </Alert>
        ) : null}
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex-1">
            <SelectField
              id="user-roles-role"
              label="Role to assign"
              value={roleId}
              onChange={(event) => {
                setRoleId(event.target.value);
                setFailure(null);
              }}
              disabled={!can.allowed || assignable.length === 0}
              title={can.reason}
            >
              <option value="">{assignable.length === 0 ? 'Holds every role' : 'Choose a role…'}</option>
              {assignable.map((role) => (
                <option key={role.id} value={role.id}>
                  {role.name}
                  {role.status === 'disabled' ? ' (disabled)' : ''}
                </option>
              ))}
            </SelectField>
          </div>
          <GatedButton type="submit" gate={can} busy={busy} disabled={assignable.length === 0}>
            {assign.isPending ? 'Assigning…' : 'Assign role'}
          </GatedButton>
        </div>
      </form>
    </div>
  );
}

/** The confirmation before a role is taken from a user (Access and Users sections). */
export const unassignRequest = (userId: string, roleName: string, onConfirm: () => void): ConfirmRequest => ({
  title: `Remove ${roleName} from ${userId}?`,
  impact: (
    <p>
      {userId} loses every permission {roleName} grants in this tenant at once (unless another of their roles
      grants it). Assign the role again to give them back.
    </p>
  ),
  confirmLabel: 'Remove role',
  destructive: true,
  onConfirm,
});

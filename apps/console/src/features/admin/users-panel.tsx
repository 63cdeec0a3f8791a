'use client';

import { type FormEvent, useState } from 'react';
import { GatedButton } from '@/components/gated-button';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import { useConfirm } from '@/components/ui/modal';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState, LoadingState, Spinner } from '@/components/ui/states';
import { Table, Tbody, Td, Th } from '@/components/ui/table';
import { groupByUser } from '@/lib/admin';
import { errorMessage } from '@/lib/errors';
import { userIdProblem } from '@/lib/identity';
import { PERMISSION } from '@/lib/permissions';
import { filterByQuery, matchCount } from '@/lib/search';
import { useCan } from '@/queries/me';
import { useAllUserRoles, useAssignUserRole, useRemoveUserRole, useRoles } from '@/queries/rbac';
import { QueryError } from './forbidden-state';
import { When } from './log-parts';
import { unassignRequest } from './user-roles-card';

/** Who holds which role in the tenant, with assign and (confirmed) unassign. */
export function UsersPanel({ tenant }: { tenant: string }) {
  const assignments = useAllUserRoles(tenant);
  const can = useCan(tenant, PERMISSION.rbacManage);
  const remove = useRemoveUserRole(tenant);
  const { confirm, dialog } = useConfirm();
  const [search, setSearch] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const users = assignments.data ? groupByUser(assignments.data) : undefined;
  const shown = users
    ? filterByQuery(users, search, (u) => [u.userId, ...u.roles.map((r) => r.roleName)])
    : undefined;

  return (
    <div className="space-y-6">
      <Card aria-labelledby="users-title">
        <CardHeader
          titleId="users-title"
          title="Users"
          description={
            users && shown
              ? `${matchCount(shown.length, users.length, 'user')} holding roles in ${tenant}`
              : `Who holds which role in ${tenant}`
          }
          actions={
            <div className="flex items-center gap-3">
              {assignments.isFetching || remove.isPending ? (
                <Spinner className="size-4 text-slate-500" />
              ) : null}
              <SearchBox label="Search users" value={search} onChange={setSearch} testId="users-search" />
            </div>
          }
        />
        {dialog}
        {failure ? (
          <Alert tone="error" testId="users-error" className="mx-5 mt-4">
            {failure}
          </Alert>
        ) : null}
        {assignments.isPending ? (
          <LoadingState label="Loading users…" />
        ) : assignments.isError ? (
          <QueryError
            tenant={tenant}
            error={assignments.error}
            title="Could not load users"
            onRetry={() => void assignments.refetch()}
          />
        ) : users && users.length === 0 ? (
          <EmptyState
            testId="users-empty"
            title="No user holds a role"
            description={`Nobody has a role in ${tenant} yet. Assign one below.`}
          />
        ) : shown && shown.length === 0 ? (
          <EmptyState
            testId="users-no-match"
            title="No user matches"
            description={`Nobody matches “${search}”.`}
          />
        ) : (
          <Table label="Users">
            <thead>
              <tr>
                <Th>User</Th>
                <Th>Roles</Th>
                <Th>Since</Th>
              </tr>
            </thead>
            <Tbody>
              {(shown ?? []).map((user) => (
                <tr key={user.userId} data-testid="user-row" className="align-top">
                  <Td className="font-mono font-medium text-slate-900">{user.userId}</Td>
                  <Td>
                    <ul aria-label={`Roles of ${user.userId}`} className="flex flex-wrap gap-2">
                      {user.roles.map((role) => (
                        <li key={role.roleId} className="inline-flex items-center gap-1">
                          <Badge tone={role.roleStatus === 'active' ? 'indigo' : 'amber'}>
                            {role.roleName}
                            {role.roleStatus === 'disabled' ? ' (disabled)' : ''}
                          </Badge>
                          <GatedButton
                            variant="ghost"
                            className="px-1.5 py-0.5 text-xs text-rose-700 hover:bg-rose-50 hover:text-rose-800"
                            aria-label={`Unassign ${role.roleName} from ${user.userId}`}
                            gate={can}
                            busy={remove.isPending}
                            onClick={() =>
                              confirm(
                                unassignRequest(user.userId, role.roleName, () => {
                                  setFailure(null);
                                  remove.mutate(
                                    { userId: user.userId, roleId: role.roleId },
                                    { onError: (error) => setFailure(errorMessage(error)) },
                                  );
                                }),
                              )
                            }
                          >
                            Unassign
                          </GatedButton>
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td className="whitespace-nowrap text-slate-500">
                    <When iso={user.roles.map((r) => r.assignedAt).sort()[0] ?? ''} />
                  </Td>
                </tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Card>
      <Card aria-labelledby="assign-title">
        <CardHeader
          titleId="assign-title"
          title="Assign a role"
          description="Any user id; the user holds the role from now on"
        />
        <AssignForm tenant={tenant} />
      </Card>
    </div>
  );
}

function AssignForm({ tenant }: { tenant: string }) {
  const roles = useRoles(tenant);
  const can = useCan(tenant, PERMISSION.rbacManage);
  const assign = useAssignUserRole(tenant);
  const [userId, setUserId] = useState('');
  const [roleId, setRoleId] = useState('');
  const [errors, setErrors] = useState<{ userId?: string; roleId?: string; _form?: string }>({});
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    const next: typeof errors = {};
    const problem = userIdProblem(userId);
    if (problem) next.userId = problem;
    if (!roleId) next.roleId = 'Pick a role';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const user = userId.trim();
    assign.mutate(
      { userId: user, roleId },
      {
        onSuccess: () => {
          setDone(`${user} now holds ${roles.data?.find((r) => r.id === roleId)?.name ?? 'the role'}.`);
          setUserId('');
        },
        onError: (error) => setErrors({ _form: errorMessage(error) }),
      },
    );
  };

  return (
    <form
      aria-label="Assign a role"
      noValidate
      onSubmit={onSubmit}
      className="flex flex-wrap items-start gap-3 px-5 py-5"
    >
      {errors._form ? (
        <Alert tone="error" testId="assign-error" className="w-full">
          {errors._form}
        </Alert>
      ) : null}
      {done ? (
        <Alert tone="success" testId="assign-success" className="w-full">
          {done}
        </Alert>
      ) : null}
      <div className="min-w-48 flex-1">
        <TextField
          id="assign-user"
          label="User ID"
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          error={errors.userId}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="min-w-48 flex-1">
        <SelectField
          id="assign-role"
          label="Role"
          value={roleId}
          onChange={(event) => setRoleId(event.target.value)}
          error={errors.roleId}
        >
          <option value="">Choose a role…</option>
          {(roles.data ?? []).map((role) => (
            <option key={role.id} value={role.id}>
              {role.name}
              {role.status === 'disabled' ? ' (disabled)' : ''}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="pt-7">
        <GatedButton type="submit" gate={can} busy={assign.isPending} spinning={assign.isPending}>
          Assign role
        </GatedButton>
      </div>
    </form>
  );
}

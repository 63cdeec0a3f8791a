'use client';

import { ErrorState } from '@/components/ui/states';
import { errorMessage } from '@/lib/errors';
import { ADMIN_VIEW, forbiddenReason, isForbidden } from '@/lib/permissions';
import { useIdentity } from '@/providers/identity';

/** A 403 in words: which permission is missing, for whom, where, and what to do about it. */
function ForbiddenState({
  tenant,
  reason,
  permission = ADMIN_VIEW,
  action = 'use this',
  testId = 'forbidden',
}: {
  tenant: string;
  reason: string;
  permission?: string;
  /** What the user tried, completing "User x cannot …". */
  action?: string;
  testId?: string;
}) {
  const { userId } = useIdentity();
  return (
    <div role="alert" data-testid={testId} className="flex flex-col items-center px-6 py-12 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-600 ring-1 ring-amber-600/20">
        <svg
          viewBox="0 0 24 24"
          className="size-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.7"
          aria-hidden="true"
        >
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M16.5 10.5V6.75a4.5 4.5 0 1 0-9 0v3.75m-.75 11.25h10.5a2.25 2.25 0 0 0 2.25-2.25v-6.75a2.25 2.25 0 0 0-2.25-2.25H6.75a2.25 2.25 0 0 0-2.25 2.25v6.75a2.25 2.25 0 0 0 2.25 2.25Z"
          />
        </svg>
      </div>
      <h2 className="text-base font-semibold text-slate-900">You need the {permission} permission</h2>
      <p className="mt-2 max-w-lg text-sm text-slate-600">
        User <span className="font-semibold text-slate-900">{userId}</span> cannot {action} in tenant{' '}
        <span className="font-semibold text-slate-900">{tenant}</span>: the gateway answered “{reason}”.
      </p>
      <p className="mt-2 max-w-lg text-sm text-slate-500">
        Ask an administrator of {tenant} to give {userId} a role that grants {permission}, or act as another
        user with the User ID field above.
      </p>
    </div>
  );
}

/** A failed admin query: the permission refusal for a 403, the error with a retry for anything else. */
export function QueryError({
  tenant,
  error,
  title,
  onRetry,
  action,
}: {
  tenant: string;
  error: unknown;
  title: string;
  onRetry: () => void;
  action?: string;
}) {
  if (isForbidden(error)) {
    return <ForbiddenState tenant={tenant} reason={forbiddenReason(error)} action={action} />;
  }
  return <ErrorState title={title} message={errorMessage(error)} onRetry={onRetry} />;
}

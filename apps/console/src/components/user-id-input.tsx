'use client';

import { useEffect, useState } from 'react';
import { userIdProblem } from '@/lib/identity';
import { useIdentity } from '@/providers/identity';

/** The user id sent as x-user-id; applied on Enter or when the field loses focus, if valid. */
export function UserIdInput() {
  const { userId, setUserId } = useIdentity();
  const [draft, setDraft] = useState(userId);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => setDraft(userId), [userId]);

  const apply = () => setProblem(draft.trim() === userId ? null : setUserId(draft));

  return (
    <form
      className="relative flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label htmlFor="user-id" className="text-sm font-medium text-slate-600">
        User ID
      </label>
      <input
        id="user-id"
        data-testid="user-id"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setProblem(userIdProblem(event.target.value));
        }}
        onBlur={apply}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'user-id-error' : undefined}
        className={`w-36 rounded-md border-0 px-3 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset focus:ring-2 focus:outline-none ${
          problem ? 'ring-rose-400 focus:ring-rose-500' : 'ring-slate-300 focus:ring-indigo-600'
        }`}
      />
      {problem ? (
        <p
          id="user-id-error"
          role="alert"
          className="absolute top-full right-0 z-10 mt-1 rounded-md bg-rose-600 px-2 py-1 text-xs whitespace-nowrap text-white shadow"
        >
          {problem}
        </p>
      ) : null}
    </form>
  );
}

import { AsyncLocalStorage } from 'node:async_hooks';

type CommitScope = { callbacks: (() => void)[] };

const storage = new AsyncLocalStorage<CommitScope>();

/**
 * Runs `work` (a database transaction) in a commit scope: what `afterCommit` defers inside it runs, in
 * order, once `work` has resolved (the transaction committed), and is dropped when `work` rejects (it
 * rolled back). Each transaction has its own scope, so a transaction opened inside another's callback
 * announces its own commit, whatever the outer one does later.
 */
export const runInCommitScope = async <T>(work: () => Promise<T>): Promise<T> => {
  const scope: CommitScope = { callbacks: [] };
  const result = await storage.run(scope, work);
  for (const callback of scope.callbacks) {
    try {
      callback();
    } catch {
      // A callback that throws must not turn a committed write into a failed request.
    }
  }
  return result;
};

/** Runs `callback` once the current transaction commits, or now when no transaction is open. */
export const afterCommit = (callback: () => void): void => {
  const scope = storage.getStore();
  if (scope) scope.callbacks.push(callback);
  else callback();
};

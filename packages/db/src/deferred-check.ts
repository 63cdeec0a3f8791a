import type { RawBuilder } from 'kysely';

/**
 * A decision made on cached state whose last check is left to the caller's own statement, which
 * carries `condition` and so confirms it at its own snapshot instead of a separate read before it.
 * The caller settles it exactly once: `confirm()` when the statement held under the condition (or
 * failed outright, the decision having been made), `verify()` when it did not hold or did not run,
 * before anything else, to make the decision again on current state (it throws when the decision no
 * longer holds).
 */
export type DeferredCheck = {
  readonly condition: RawBuilder<boolean>;
  confirm(): void;
  verify(): Promise<void>;
};

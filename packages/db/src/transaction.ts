import { runInCommitScope } from '@ec3l/kernel';
import type { Kysely, Transaction } from 'kysely';

/**
 * Runs fn in a transaction, or inside the caller's transaction when db already is one. Domain events
 * emitted inside it are told once it commits, and dropped if it rolls back.
 */
export const inTransaction = <DB, T>(
  db: Kysely<DB> | Transaction<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> =>
  db.isTransaction ? fn(db as Transaction<DB>) : runInCommitScope(() => db.transaction().execute(fn));

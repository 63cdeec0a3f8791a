import type { Kysely, Transaction } from 'kysely';

/** Runs fn in a transaction, or inside the caller's transaction when db already is one. */
export const inTransaction = <DB, T>(
  db: Kysely<DB> | Transaction<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> => (db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn));

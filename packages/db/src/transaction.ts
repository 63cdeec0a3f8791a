import { runInCommitScope } from '@ec3l/kernel';
import type { Kysely, Selectable, Transaction } from 'kysely';

/**
 * Runs fn in a transaction, or inside the caller's transaction when db already is one. Domain events
 * emitted inside it are told once it commits, and dropped if it rolls back.
 */
export const inTransaction = <DB, T>(
  db: Kysely<DB> | Transaction<DB>,
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> =>
  db.isTransaction ? fn(db as Transaction<DB>) : runInCommitScope(() => db.transaction().execute(fn));

/** The tables of `DB` whose rows a tenant owns by id (their key is (tenant_id, id)). */
type TenantTable<DB> = {
  [K in keyof DB & string]: DB[K] extends { tenant_id: unknown; id: unknown } ? K : never;
}[keyof DB & string];

/**
 * The tenant's row of `table` with this id, locked until `trx` ends: FOR UPDATE (the default; writers of
 * the row and other lockers wait) or FOR SHARE (writers wait, other sharers do not). Undefined when there
 * is no such row. A row lock needs a transaction, so it takes one.
 */
export const lockRowById = <DB, TB extends TenantTable<DB>>(
  trx: Transaction<DB>,
  table: TB,
  tenantId: string,
  id: string,
  mode: 'update' | 'share' = 'update',
): Promise<Selectable<DB[TB]> | undefined> => {
  // Kysely cannot resolve the columns of a table left generic: the one narrowing, to a table of that shape
  // (the name passes through as it is).
  const rows = trx as unknown as Transaction<{ row: { tenant_id: string; id: string } }>;
  const query = rows
    .selectFrom(table as unknown as 'row')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  return (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst() as Promise<
    Selectable<DB[TB]> | undefined
  >;
};

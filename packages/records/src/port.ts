import type { Kysely, Transaction } from 'kysely';
import type { AssignmentConfig, SlaConfig } from './config.js';
import type { FieldDefinition } from './core/fields.js';
import { forTenant, recordLocks } from './repo/scoped.js';
import type { RecordsTables, RecordTypeRow } from './tables.js';

/** A handle on a database that holds the records tables, alone or beside another package's tables. */
type RecordsDb<DB extends RecordsTables> = Kysely<DB> | Transaction<DB>;

/**
 * What a package that merges schema changes (the change engine) reads and writes of the data
 * dictionary, inside its own transaction. Every query filters by the tenant.
 */
export type RecordsPort = {
  /** The project's record types with these keys, ordered by key. */
  findRecordTypesByKeys(projectId: string, keys: readonly string[]): Promise<RecordTypeRow[]>;
  /** The record types an edit of `keys` can affect, with their base chains, ordered by key. */
  findInheritanceScope(projectId: string, keys: readonly string[]): Promise<RecordTypeRow[]>;
  /** Which of these keys exist in the project, with their base types. */
  findKeys(projectId: string, keys: readonly string[]): Promise<{ key: string; base_type: string | null }[]>;
  /** Which of these choice list ids exist. */
  existingChoiceListIds(ids: readonly string[]): Promise<Set<string>>;
  /** Replaces the stored fields of these record types (schema, field definitions, version). */
  writeSchemas(updates: readonly { id: string; fields: FieldDefinition[] }[], now: Date): Promise<void>;
  /** Replaces the assignment and SLA configuration of these record types (null clears one). */
  writeConfigs(
    updates: readonly {
      id: string;
      assignmentConfig: AssignmentConfig | null;
      slaConfig: SlaConfig | null;
    }[],
    now: Date,
  ): Promise<void>;
};

/** The record type locks a schema merge takes; they hold until the caller's transaction ends. */
export type RecordsLockPort = {
  /** The inheritance scope of `keys` (as findInheritanceScope), every row locked FOR UPDATE in key order. */
  lockInheritanceScope(projectId: string, keys: readonly string[]): Promise<RecordTypeRow[]>;
};

// Kysely's handle is invariant in its table map (its merge builder takes the map in both directions),
// so the compiler refuses a handle on a superset of the records tables where Kysely<RecordsTables> is
// expected, although every query of this package is valid on it. The constraint `DB extends
// RecordsTables` makes the narrowing sound; it happens here, once, instead of at each caller.
const narrow = <DB extends RecordsTables>(db: RecordsDb<DB>): RecordsDb<RecordsTables> =>
  db as unknown as RecordsDb<RecordsTables>;

/** The records port on `db` (a handle or a transaction whose tables include the records tables), for one tenant. */
export const recordsPort = <DB extends RecordsTables>(db: RecordsDb<DB>, tenantId: string): RecordsPort => {
  const repo = forTenant(narrow(db), tenantId);
  return {
    findRecordTypesByKeys: repo.findRecordTypesByKeys,
    findInheritanceScope: repo.findInheritanceScope,
    findKeys: repo.findKeys,
    existingChoiceListIds: repo.existingChoiceListIds,
    writeSchemas: repo.writeSchemas,
    writeConfigs: (updates, now) => repo.writeConfigs(updates, now),
  };
};

/** The records lock port on a transaction whose tables include the records tables, for one tenant. */
export const recordsLockPort = <DB extends RecordsTables>(
  trx: Transaction<DB>,
  tenantId: string,
): RecordsLockPort => {
  const locks = recordLocks(trx as unknown as Transaction<RecordsTables>, tenantId);
  return { lockInheritanceScope: locks.lockInheritanceScope };
};

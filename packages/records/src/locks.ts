import { decodeCursor, type Page, pageOf } from '@ec3l/db';
import { type Clock, DomainError, newId, notFound, type RequestContext, systemClock } from '@ec3l/kernel';
import type { Kysely, Transaction } from 'kysely';
import { RecordsErrorCodes } from './errors.js';
import { type LockFilter, recordLocksFor, recordLockWrites } from './repo/record-locks.js';
import type { RecordLockRow, RecordsTables } from './tables.js';
import type { RecordLock, RecordLockCheck } from './timer-schemas.js';

/** A handle on a database that holds the records tables, alone or beside another package's tables. */
type RecordsTrx<DB extends RecordsTables> = Transaction<DB>;

// The same single narrowing as in port.ts: Kysely's handle is invariant in its tables, and every query
// here is valid on any database whose tables include the records tables.
const narrow = <DB extends RecordsTables>(trx: RecordsTrx<DB>): Transaction<RecordsTables> =>
  trx as unknown as Transaction<RecordsTables>;

const toLock = (row: RecordLockRow): RecordLock => ({
  id: row.id,
  recordTypeId: row.record_type_id,
  recordId: row.record_id,
  lockedBy: row.locked_by,
  workflowExecutionId: row.workflow_execution_id,
  reason: row.reason,
  createdAt: row.created_at.toISOString(),
});

const lockedError = (lock: RecordLockRow) =>
  new DomainError(
    RecordsErrorCodes.RECORD_LOCKED,
    `record ${lock.record_id} is locked by ${lock.locked_by}`,
    {
      recordId: lock.record_id,
      lockId: lock.id,
      lockedBy: lock.locked_by,
      workflowExecutionId: lock.workflow_execution_id,
    },
  );

export type LockRequest = { workflowExecutionId: string | null; lockedBy: string; reason?: string | null };

/**
 * Locks the record for a workflow execution, inside the caller's transaction (the lock holds once it
 * commits). Idempotent for the execution that holds it; 409 RECORD_LOCKED when another holds it;
 * 404 when the tenant has no such record. Takes the record's row FOR UPDATE, so it waits for an update
 * of the record in flight, and an update that comes later sees the lock.
 */
export const lockRecord = async <DB extends RecordsTables>(
  trx: RecordsTrx<DB>,
  ctx: RequestContext,
  recordId: string,
  request: LockRequest,
  clock: Clock = systemClock,
): Promise<RecordLock> => {
  const writes = recordLockWrites(narrow(trx), ctx.tenantId);
  const recordTypeId = await writes.lockRecordRow(recordId);
  if (!recordTypeId) throw notFound('record', recordId);
  const { row, created } = await writes.insertLock({
    id: newId(),
    recordTypeId,
    recordId,
    lockedBy: request.lockedBy,
    workflowExecutionId: request.workflowExecutionId,
    reason: request.reason ?? null,
    now: clock.now(),
  });
  const isHolder =
    request.workflowExecutionId !== null && row.workflow_execution_id === request.workflowExecutionId;
  if (!created && !isHolder) throw lockedError(row);
  return toLock(row);
};

/** Releases every lock the workflow execution holds; answers how many there were. */
export const releaseLocksOf = <DB extends RecordsTables>(
  trx: RecordsTrx<DB>,
  tenantId: string,
  workflowExecutionId: string,
): Promise<number> => recordLockWrites(narrow(trx), tenantId).deleteLocksOf(workflowExecutionId);

/**
 * Refuses (409 RECORD_LOCKED) a write of the record unless it is unlocked or the writer is the
 * holding execution. Call it after taking the record's row lock, in the update's transaction.
 */
export const assertRecordWritable = async <DB extends RecordsTables>(
  trx: RecordsTrx<DB>,
  tenantId: string,
  recordId: string,
  workflowExecutionId: string | null,
): Promise<void> => {
  const lock = await recordLocksFor(narrow(trx), tenantId).findLockOfRecord(recordId);
  if (lock && (workflowExecutionId === null || lock.workflow_execution_id !== workflowExecutionId)) {
    throw lockedError(lock);
  }
};

/** Reads of record locks for the API. */
export const createRecordLocks = ({ db }: { db: Kysely<RecordsTables> }) => ({
  /** One page of the tenant's locks in (createdAt, id) order, optionally of one record type or record. */
  listLocks: async (
    ctx: RequestContext,
    filter: LockFilter,
    page: { limit: number; cursor?: string },
  ): Promise<Page<RecordLock>> => {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const repo = recordLocksFor(db, ctx.tenantId);
    // A filter naming another tenant's (or no) record or record type answers 404, as a read of it would.
    if (filter.recordId && !(await repo.recordTypeOfRecord(filter.recordId)))
      throw notFound('record', filter.recordId);
    if (filter.recordTypeId && !(await repo.hasRecordType(filter.recordTypeId))) {
      throw notFound('record type', filter.recordTypeId);
    }
    const rows = await repo.listLocks(filter, page.limit + 1, after);
    const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ createdAt: r.cursor_at, id: r.id }));
    return { items: items.map(toLock), nextCursor };
  },

  /** Whether the record is locked, and by whom (404 when the tenant has no such record). */
  checkLock: async (ctx: RequestContext, recordId: string): Promise<RecordLockCheck> => {
    const repo = recordLocksFor(db, ctx.tenantId);
    if (!(await repo.recordTypeOfRecord(recordId))) throw notFound('record', recordId);
    const lock = await repo.findLockOfRecord(recordId);
    return lock ? { locked: true, lock: toLock(lock) } : { locked: false };
  },
});

export type RecordLocks = ReturnType<typeof createRecordLocks>;

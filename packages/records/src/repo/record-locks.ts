import { afterCursor, assertTenantScope, type Cursor } from '@ec3l/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { RecordLockRow, RecordsTables } from '../tables.js';

type Db = Kysely<RecordsTables> | Transaction<RecordsTables>;

export type LockFilter = { recordTypeId?: string; recordId?: string };

/** One tenant's record locks (reads). */
export const recordLocksFor = (db: Db, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    findLockOfRecord: (recordId: string): Promise<RecordLockRow | undefined> =>
      db
        .selectFrom('record_locks')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('record_id', '=', recordId)
        .executeTakeFirst(),

    /**
     * Locks in (createdAt, id) order after `after`, at most `limit`. Each row carries `cursor_at`, its
     * created_at with the stored microseconds (a JS Date keeps milliseconds only), for the next cursor.
     */
    listLocks: (
      filter: LockFilter,
      limit: number,
      after: Cursor | null,
    ): Promise<(RecordLockRow & { cursor_at: string })[]> => {
      let query = db
        .selectFrom('record_locks')
        .selectAll()
        .select(
          sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
            'cursor_at',
          ),
        )
        .where('tenant_id', '=', tenantId);
      if (filter.recordTypeId) query = query.where('record_type_id', '=', filter.recordTypeId);
      if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
      return query
        .where(afterCursor(after ?? undefined, { order: 'asc' }))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    hasRecordType: async (recordTypeId: string): Promise<boolean> =>
      (await db
        .selectFrom('record_types')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', recordTypeId)
        .executeTakeFirst()) !== undefined,

    /** The record's type, or undefined when the tenant has no such record. */
    recordTypeOfRecord: async (recordId: string): Promise<string | undefined> =>
      (
        await db
          .selectFrom('record_instances')
          .select('record_type_id')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', recordId)
          .executeTakeFirst()
      )?.record_type_id,
  };
};

/** Lock writes; the record's row is held FOR UPDATE until the transaction ends. */
export const recordLockWrites = (trx: Transaction<RecordsTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    /**
     * The record's type, its row locked FOR UPDATE: a lock and an update of the same record wait for
     * each other, so an update either commits before the lock or sees it.
     */
    lockRecordRow: async (recordId: string): Promise<string | undefined> =>
      (
        await trx
          .selectFrom('record_instances')
          .select('record_type_id')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', recordId)
          .forUpdate()
          .executeTakeFirst()
      )?.record_type_id,

    /** Inserts the lock unless the record has one; the existing lock otherwise. */
    insertLock: async (lock: {
      id: string;
      recordTypeId: string;
      recordId: string;
      lockedBy: string;
      workflowExecutionId: string | null;
      reason: string | null;
      now: Date;
    }): Promise<{ row: RecordLockRow; created: boolean }> => {
      const inserted = await trx
        .insertInto('record_locks')
        .values({
          tenant_id: tenantId,
          id: lock.id,
          record_type_id: lock.recordTypeId,
          record_id: lock.recordId,
          locked_by: lock.lockedBy,
          workflow_execution_id: lock.workflowExecutionId,
          reason: lock.reason,
          created_at: lock.now,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { row: inserted, created: true };
      const existing = await trx
        .selectFrom('record_locks')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('record_id', '=', lock.recordId)
        .executeTakeFirstOrThrow();
      return { row: existing, created: false };
    },

    deleteLocksOf: async (workflowExecutionId: string): Promise<number> => {
      const deleted = await trx
        .deleteFrom('record_locks')
        .where('tenant_id', '=', tenantId)
        .where('workflow_execution_id', '=', workflowExecutionId)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
};

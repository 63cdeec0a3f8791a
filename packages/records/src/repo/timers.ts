import { assertTenantScope } from '@ec3l/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { RecordsTables, RecordTimerRow, TimerRowStatus } from '../tables.js';

type Db = Kysely<RecordsTables> | Transaction<RecordsTables>;

/** The stored columns of a timer, as computed from its clock. */
export type TimerColumns = {
  status: TimerRowStatus;
  dueAt: Date;
  warnAt: Date | null;
  pausedAt: Date | null;
  pausedMs: number;
  completedAt: Date | null;
  state: unknown;
};

const columnsOf = (c: TimerColumns) => ({
  status: c.status,
  due_at: c.dueAt,
  warn_at: c.warnAt,
  paused_at: c.pausedAt,
  paused_ms: c.pausedMs,
  completed_at: c.completedAt,
  state: JSON.stringify(c.state),
});

/** A timer the due scan claimed and changed: what it was before, what it is now. */
export type ClaimedTimer = {
  tenant_id: string;
  id: string;
  record_id: string;
  type: string;
  due_at: Date;
  breached: boolean;
  warned: boolean;
};

/** One tenant's timers. */
export const timersFor = (db: Db, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    insertTimer: (
      timer: { id: string; recordId: string; now: Date } & TimerColumns,
    ): Promise<RecordTimerRow> =>
      db
        .insertInto('record_timers')
        .values({
          tenant_id: tenantId,
          id: timer.id,
          record_id: timer.recordId,
          type: 'sla',
          ...columnsOf(timer),
          created_at: timer.now,
          updated_at: timer.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),

    listTimersOfRecord: (recordId: string): Promise<RecordTimerRow[]> =>
      db
        .selectFrom('record_timers')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('record_id', '=', recordId)
        .orderBy('type')
        .execute(),

    /** The timers of any of these records, by record then type. */
    listTimersOfRecords: (recordIds: readonly string[]): Promise<RecordTimerRow[]> =>
      db
        .selectFrom('record_timers')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('record_id', 'in', recordIds)
        .orderBy('record_id')
        .orderBy('type')
        .execute(),

    /** Whether the tenant has a record with this id. */
    hasRecord: async (recordId: string): Promise<boolean> =>
      (await db
        .selectFrom('record_instances')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', recordId)
        .executeTakeFirst()) !== undefined,
  };
};

/** Timer writes that hold the timer's row until the transaction ends. */
export const timerLocks = (trx: Transaction<RecordsTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    /** The record's SLA timer, locked FOR UPDATE (the due scan skips it meanwhile). */
    lockTimerOfRecord: (recordId: string): Promise<RecordTimerRow | undefined> =>
      trx
        .selectFrom('record_timers')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('record_id', '=', recordId)
        .where('type', '=', 'sla')
        .forUpdate()
        .executeTakeFirst(),

    updateTimer: async (id: string, columns: TimerColumns, now: Date): Promise<void> => {
      await trx
        .updateTable('record_timers')
        .set({ ...columnsOf(columns), updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },
  };
};

type Scan = { now: Date; limit: number; tenantId?: string; only?: { tenantId: string; id: string } };

/**
 * Claims up to `limit` pending timers whose due or warning time has passed, skipping rows another
 * transaction holds (FOR UPDATE SKIP LOCKED), and in the same statement marks the due ones breached and
 * the ones past their warning time warned. Each timer changes at most once per state: a breached timer
 * is no longer pending, a warned one has warned_at set, so no later scan returns it for the same reason.
 */
export const claimDueTimers = async (db: Db, scan: Scan): Promise<ClaimedTimer[]> => {
  if (scan.tenantId) assertTenantScope(scan.tenantId);
  const tenantFilter = scan.tenantId ? sql`and tenant_id = ${scan.tenantId}` : sql``;
  const onlyFilter = scan.only ? sql`and tenant_id = ${scan.only.tenantId} and id = ${scan.only.id}` : sql``;
  const now = scan.now;
  const { rows } = await sql<ClaimedTimer>`
    with claimed as (
      select tenant_id, id, warned_at as warned_before
      from record_timers
      where status = 'pending' ${tenantFilter} ${onlyFilter}
        and (due_at <= ${now} or (warned_at is null and warn_at <= ${now}))
      order by due_at
      limit ${scan.limit}
      for update skip locked
    )
    update record_timers t set
      status = case when t.due_at <= ${now} then 'breached' else t.status end,
      breached_at = case when t.due_at <= ${now} then ${now}::timestamptz else t.breached_at end,
      warned_at = case when t.warned_at is null and t.warn_at <= ${now} then ${now}::timestamptz else t.warned_at end,
      updated_at = ${now}
    from claimed
    where t.tenant_id = claimed.tenant_id and t.id = claimed.id
    returning t.tenant_id, t.id, t.record_id, t.type, t.due_at,
      t.status = 'breached' as breached,
      (claimed.warned_before is null and t.warned_at is not null) as warned`.execute(db);
  return rows;
};

/** The ids of pending timers a scan would claim now (without claiming them), for one-by-one processing. */
export const findDueTimerIds = async (
  db: Db,
  scan: Omit<Scan, 'only'>,
): Promise<{ tenant_id: string; id: string }[]> => {
  let query = db
    .selectFrom('record_timers')
    .select(['tenant_id', 'id'])
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('due_at', '<=', scan.now),
        eb.and([eb('warned_at', 'is', null), eb('warn_at', '<=', scan.now)]),
      ]),
    )
    .orderBy('due_at')
    .limit(scan.limit);
  if (scan.tenantId) {
    assertTenantScope(scan.tenantId);
    query = query.where('tenant_id', '=', scan.tenantId);
  }
  return query.execute();
};

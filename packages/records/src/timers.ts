import { isDatabaseUnavailableError } from '@ec3l/db';
import {
  type Clock,
  type EventBus,
  invalid,
  newId,
  notFound,
  type RequestContext,
  systemClock,
  systemContext,
} from '@ec3l/kernel';
import type { Kysely, Transaction } from 'kysely';
import type { SlaConfig } from './config.js';
import { advance, type SlaState, startTimer } from './core/sla/timer.js';
import type { CreateProbe } from './instances.js';
import {
  type ClaimedTimer,
  claimDueTimers,
  findDueTimerIds,
  type TimerColumns,
  timerLocks,
  timersFor,
} from './repo/timers.js';
import type { RecordsTables, RecordTimerRow, TimerRowStatus } from './tables.js';
import type { ProcessTimersResult, RecordTimer } from './timer-schemas.js';

/** What the SLA hook reads of a record write (the records service's RecordWrite carries it). */
export type SlaRecordWrite = {
  event: 'record.created' | 'record.updated';
  record: { id: string; data: Readonly<Record<string, unknown>>; createdAt: string; updatedAt: string };
  recordType: { slaConfig: SlaConfig | null };
  ctx: RequestContext;
};

/** The stored clock: the definition it started under (later edits of the type do not move it) and its state. */
type StoredClock = { definition: SlaConfig; clock: SlaState };

/**
 * The stored status of a clock. Breached is written by the due scan only, which emits the event
 * exactly once: a clock whose due time passed stays pending until the scan takes it (its due_at is
 * in the past), and a breached row stays breached whatever later updates say.
 */
const rowStatusOf = (clock: SlaState, current: TimerRowStatus | null): TimerRowStatus => {
  if (current === 'breached') return 'breached';
  if (clock.completedAt !== null && clock.breachedAt === null) return 'completed';
  if (clock.pausedAt !== null) return 'paused';
  return 'pending';
};

const dateOrNull = (ms: number | null) => (ms === null ? null : new Date(ms));

const columnsOf = (stored: StoredClock, current: TimerRowStatus | null): TimerColumns => ({
  status: rowStatusOf(stored.clock, current),
  dueAt: new Date(stored.clock.dueAt),
  warnAt: dateOrNull(stored.clock.warnAt),
  pausedAt: dateOrNull(stored.clock.pausedAt),
  pausedMs: stored.clock.pausedMs,
  completedAt: dateOrNull(stored.clock.completedAt),
  state: stored,
});

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

const toTimer = (row: RecordTimerRow): RecordTimer => ({
  id: row.id,
  recordId: row.record_id,
  type: row.type,
  status: row.status,
  dueAt: row.due_at.toISOString(),
  warnAt: iso(row.warn_at),
  warnedAt: iso(row.warned_at),
  pausedAt: iso(row.paused_at),
  pausedMs: Number(row.paused_ms),
  businessElapsedMs: (row.state as StoredClock).clock.businessElapsedMs,
  breachedAt: iso(row.breached_at),
  completedAt: iso(row.completed_at),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export type SlaTimersDeps = {
  db: Kysely<RecordsTables>;
  events?: EventBus;
  clock?: Clock;
  /** Told of each timer the due scan could not process (it stays due for the next scan). */
  onTimerError?: (error: unknown, timer: { tenantId: string; id: string }) => void;
};

export type ProcessDueTimersOptions = {
  now: Date;
  /** Only this tenant's timers; without it every tenant's the handle can see (an owner handle: all). */
  tenantId?: string;
  /** Slug for the events' context, when known. */
  tenantSlug?: string;
  limit: number;
};

const DEFAULT_LIMIT = 1000;

/** SLA timers: created and advanced with record writes, breached by the due scan. */
export const createSlaTimers = ({ db, events, clock = systemClock, onTimerError }: SlaTimersDeps) => {
  const emit = (
    ctx: RequestContext,
    type: 'record.sla.created' | 'record.sla.warning' | 'record.sla.breached',
    timer: ClaimedTimer | RecordTimerRow,
  ) =>
    events?.emit(ctx, {
      type,
      status: 'succeeded',
      entityId: timer.id,
      affectedRecords: { recordId: timer.record_id, timerId: timer.id, dueAt: timer.due_at.toISOString() },
    });

  /**
   * The record write hook: on create, starts the timer of a type with an SLA (same transaction as the
   * record, emits record.sla.created); on update, advances the record's timer under its row lock
   * (pause, resume, completion). Runs inside the record's transaction.
   */
  const onRecordWrite = async <DB extends RecordsTables>(
    trx: Transaction<DB>,
    write: SlaRecordWrite,
  ): Promise<void> => {
    const handle = trx as unknown as Transaction<RecordsTables>;
    const { tenantId } = write.ctx;
    if (write.event === 'record.created') {
      const definition = write.recordType.slaConfig;
      if (!definition) return;
      const at = Date.parse(write.record.createdAt);
      const stored: StoredClock = {
        definition,
        clock: startTimer(definition, { at, data: write.record.data }),
      };
      const row = await timersFor(handle, tenantId).insertTimer({
        id: newId(),
        recordId: write.record.id,
        now: new Date(at),
        ...columnsOf(stored, null),
      });
      emit(write.ctx, 'record.sla.created', row);
      return;
    }
    const locks = timerLocks(handle, tenantId);
    const row = await locks.lockTimerOfRecord(write.record.id);
    if (!row || row.status === 'completed') return;
    const before = row.state as StoredClock;
    const at = Date.parse(write.record.updatedAt);
    const after: StoredClock = {
      definition: before.definition,
      clock: advance(before.definition, before.clock, { at, data: write.record.data }),
    };
    await locks.updateTimer(row.id, columnsOf(after, row.status), new Date(at));
  };

  const emitClaimed = (claimed: readonly ClaimedTimer[], tenantSlug: string | undefined) => {
    for (const timer of claimed) {
      const ctx = systemContext(timer.tenant_id, tenantSlug ?? '');
      if (timer.warned) emit(ctx, 'record.sla.warning', timer);
      if (timer.breached) emit(ctx, 'record.sla.breached', timer);
    }
  };

  /**
   * Claims the due timers (FOR UPDATE SKIP LOCKED), marks each due one breached exactly once and each
   * one past its warning time warned exactly once (O3), and emits record.sla.breached and
   * record.sla.warning. Any number of callers may run at once. When the batch fails, the timers are
   * taken one by one so that one failing timer does not hold up the others.
   */
  const processDueTimers = async (options: ProcessDueTimersOptions): Promise<ProcessTimersResult> => {
    const scan = {
      now: options.now,
      limit: options.limit,
      ...(options.tenantId ? { tenantId: options.tenantId } : {}),
    };
    let claimed: ClaimedTimer[] = [];
    let failed = 0;
    try {
      claimed = await claimDueTimers(db, scan);
    } catch (error) {
      if (isDatabaseUnavailableError(error)) throw error;
      for (const timer of await findDueTimerIds(db, scan)) {
        try {
          claimed.push(
            ...(await claimDueTimers(db, {
              ...scan,
              limit: 1,
              only: { tenantId: timer.tenant_id, id: timer.id },
            })),
          );
        } catch (timerError) {
          if (isDatabaseUnavailableError(timerError)) throw timerError;
          failed++;
          onTimerError?.(timerError, { tenantId: timer.tenant_id, id: timer.id });
        }
      }
    }
    emitClaimed(claimed, options.tenantSlug);
    return {
      processed: claimed.length,
      breached: claimed.filter((t) => t.breached).length,
      warned: claimed.filter((t) => t.warned).length,
      failed,
    };
  };

  // A create of a type without an SLA starts no timer.
  onRecordWrite.idleOnCreate = ((_tenantId, recordType) => !recordType.slaConfig) satisfies CreateProbe;

  return {
    onRecordWrite,
    processDueTimers,

    /**
     * The caller's tenant's due timers as of `now` (default: the clock). A `now` after the clock is
     * refused: no caller may breach timers early.
     */
    processTenantTimers: async (
      ctx: RequestContext,
      request: { now?: string; limit?: number },
    ): Promise<ProcessTimersResult> => {
      const serverNow = clock.now();
      const now = request.now === undefined ? serverNow : new Date(request.now);
      if (Number.isNaN(now.getTime()))
        throw invalid('now is not a timestamp', [{ path: '/now', message: 'is not a timestamp' }]);
      if (now.getTime() > serverNow.getTime()) {
        throw invalid('now may not be later than the server clock', [
          { path: '/now', message: `is later than the server clock (${serverNow.toISOString()})` },
        ]);
      }
      return processDueTimers({
        now,
        tenantId: ctx.tenantId,
        tenantSlug: ctx.tenantSlug,
        limit: request.limit ?? DEFAULT_LIMIT,
      });
    },

    /** The record's timers (404 when the tenant has no such record). */
    listRecordTimers: async (ctx: RequestContext, recordId: string): Promise<RecordTimer[]> => {
      const repo = timersFor(db, ctx.tenantId);
      if (!(await repo.hasRecord(recordId))) throw notFound('record', recordId);
      return (await repo.listTimersOfRecord(recordId)).map(toTimer);
    },

    /**
     * The timers of many records at once (a page of a list): records of other tenants, or none, simply
     * have none here, as they would have none of their own.
     */
    listTimersOfRecords: async (ctx: RequestContext, recordIds: readonly string[]): Promise<RecordTimer[]> =>
      recordIds.length === 0
        ? []
        : (await timersFor(db, ctx.tenantId).listTimersOfRecords([...new Set(recordIds)])).map(toTimer),
  };
};

export type SlaTimers = ReturnType<typeof createSlaTimers>;

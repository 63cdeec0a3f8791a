import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelayMs } from './retry.js';
import {
  dueOccurrence,
  matchesRecordEvent,
  type RecordEvent,
  recordIntentKey,
  scheduleIntentKey,
  scheduleProblem,
} from './triggers.js';

const PROJECT = '00000000-0000-4000-8000-000000000001';
const TYPE_ID = '00000000-0000-4000-8000-000000000002';

const event = (over: Partial<RecordEvent> = {}): RecordEvent => ({
  event: 'record.updated',
  recordId: '00000000-0000-4000-8000-000000000003',
  version: 2,
  recordType: { id: TYPE_ID, key: 'incident', projectId: PROJECT },
  data: { priority: 'high', state: 'open' },
  previousData: { priority: 'low', state: 'open' },
  changedFields: ['priority'],
  ...over,
});

describe('record-event matching', () => {
  it('matches the event type and the record type by id or by key in the definition project', () => {
    expect(matchesRecordEvent({ event: 'record.updated', recordTypeId: TYPE_ID }, PROJECT, event())).toBe(
      true,
    );
    expect(matchesRecordEvent({ event: 'record.updated', recordTypeKey: 'incident' }, PROJECT, event())).toBe(
      true,
    );
    expect(matchesRecordEvent({ event: 'record.created', recordTypeId: TYPE_ID }, PROJECT, event())).toBe(
      false,
    );
    expect(matchesRecordEvent({ event: 'record.updated', recordTypeKey: 'incident' }, TYPE_ID, event())).toBe(
      false,
    );
    expect(matchesRecordEvent({ event: 'record.updated', recordTypeKey: 'task' }, PROJECT, event())).toBe(
      false,
    );
    expect(matchesRecordEvent({ event: 'record.updated' }, PROJECT, event())).toBe(false);
  });

  it('equals holds on the value after the write; changed_to only when the write moved the field to it', () => {
    const equals = { event: 'record.updated' as const, recordTypeId: TYPE_ID };
    const cond = (operator: 'equals' | 'changed_to', field: string, value: unknown) => ({
      ...equals,
      fieldConditions: [{ field, operator, value }],
    });
    expect(matchesRecordEvent(cond('equals', 'state', 'open'), PROJECT, event())).toBe(true);
    expect(matchesRecordEvent(cond('changed_to', 'state', 'open'), PROJECT, event())).toBe(false);
    expect(matchesRecordEvent(cond('changed_to', 'priority', 'high'), PROJECT, event())).toBe(true);
    expect(matchesRecordEvent(cond('equals', 'priority', 'low'), PROJECT, event())).toBe(false);
    expect(
      matchesRecordEvent(
        { ...cond('changed_to', 'state', 'open'), event: 'record.created' },
        PROJECT,
        event({ event: 'record.created', previousData: null, changedFields: ['priority', 'state'] }),
      ),
    ).toBe(true);
  });

  it('watchFields fire updates only when a watched field changed', () => {
    const config = { event: 'record.updated' as const, recordTypeId: TYPE_ID, watchFields: ['state'] };
    expect(matchesRecordEvent(config, PROJECT, event())).toBe(false);
    expect(matchesRecordEvent(config, PROJECT, event({ changedFields: ['state'] }))).toBe(true);
  });

  it('O5: the intent key is a function of record, version and trigger only', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.integer({ min: 1 }), fc.uuid(), fc.uuid(), (record, version, a, b) => {
        expect(recordIntentKey(record, version, a)).toBe(`record:${record}:v${version}:${a}`);
        expect(recordIntentKey(record, version, a) === recordIntentKey(record, version, b)).toBe(a === b);
        expect(recordIntentKey(record, version, a)).not.toBe(recordIntentKey(record, version + 1, a));
      }),
    );
  });
});

describe('schedules', () => {
  it('rejects crons that do not parse and unknown time zones, accepts seconds and time zones', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(scheduleProblem({ cron: 'not a cron' }, now)).toMatch(/CronPattern/);
    expect(scheduleProblem({ cron: '0 9 * * *', timezone: 'Mars/Olympus' }, now)).not.toBeNull();
    expect(scheduleProblem({ cron: '*/5 * * * * *' }, now)).toBeNull();
    expect(scheduleProblem({ cron: '0 9 * * 1-5', timezone: 'Europe/Oslo' }, now)).toBeNull();
  });

  it('fires the occurrence at the time zone’s wall clock', () => {
    const at = dueOccurrence(
      { cron: '0 9 * * *', timezone: 'America/New_York' },
      new Date('2026-07-01T12:00:00Z'),
      new Date('2026-07-01T13:30:00Z'),
    );
    expect(at?.toISOString()).toBe('2026-07-01T13:00:00.000Z');
  });

  it('catch-up: after downtime only the latest missed occurrence fires', () => {
    const at = dueOccurrence(
      { cron: '0 * * * *' },
      new Date('2026-07-01T00:30:00Z'),
      new Date('2026-07-01T05:10:00Z'),
    );
    expect(at?.toISOString()).toBe('2026-07-01T05:00:00.000Z');
  });

  it('an occurrence fires once: evaluating again up to a later instant before the next one finds nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (offset, step1, step2) => {
          const cron = { cron: '*/10 * * * * *' };
          const start = new Date(Date.UTC(2026, 0, 1) + offset);
          const t1 = new Date(start.getTime() + step1);
          const t2 = new Date(t1.getTime() + step2);
          const first = dueOccurrence(cron, start, t1);
          const second = dueOccurrence(cron, t1, t2);
          if (first) {
            expect(first.getTime()).toBeGreaterThan(start.getTime());
            expect(first.getTime()).toBeLessThanOrEqual(t1.getTime());
          }
          if (first && second) expect(second.getTime()).toBeGreaterThan(first.getTime());
          const due = Math.floor(t2.getTime() / 10_000) * 10_000 > start.getTime();
          expect(first !== null || second !== null).toBe(due);
        },
      ),
    );
  });

  it('the schedule key is unique per trigger and fire time', () => {
    expect(scheduleIntentKey('t', new Date('2026-01-01T00:00:00Z'))).toBe(
      'schedule:t:2026-01-01T00:00:00.000Z',
    );
  });
});

describe('retry policy', () => {
  it('retries with a growing backoff until the last attempt, then fails', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(afterFailure(1, 3, now)).toEqual({
      status: 'pending',
      availableAt: new Date(now.getTime() + 5_000),
    });
    expect(afterFailure(2, 3, now)).toEqual({
      status: 'pending',
      availableAt: new Date(now.getTime() + 20_000),
    });
    expect(afterFailure(3, 3, now)).toEqual({ status: 'failed' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        expect(retryDelayMs(n + 1)).toBeGreaterThanOrEqual(retryDelayMs(n));
        expect(retryDelayMs(n)).toBeLessThanOrEqual(900_000);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SlaConfig } from '../../config.js';
import { addBusinessMs, type BusinessCalendar, businessMsBetween, isTimeZone } from './calendar.js';
import { advance, replay, type SlaEvent, type SlaState, startTimer, timerStatusAt } from './timer.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);

const officeHours = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays,
});

const ticket: SlaConfig = {
  durationMinutes: 240,
  warningPercent: 80,
  pauseWhen: { field: 'status', values: ['on_hold'] },
  completeWhen: { field: 'status', values: ['resolved', 'closed'] },
};

const fold = (definition: SlaConfig, events: readonly SlaEvent[]): SlaState => {
  const [first, ...rest] = events;
  if (!first) throw new Error('no events');
  return rest.reduce((state, event) => advance(definition, state, event), startTimer(definition, first));
};

describe('business calendar', () => {
  it('a Friday 16:00 ticket with 4 business hours on 9–17 Mon–Fri is due Monday 12:00 (1 h Friday, 3 h Monday)', () => {
    // 2026-11-27 is a Friday; Berlin is on CET (UTC+1).
    const calendar = officeHours('Europe/Berlin');
    expect(new Date(addBusinessMs(calendar, at('2026-11-27T15:00:00Z'), 4 * HOUR)).toISOString()).toBe(
      '2026-11-30T11:00:00.000Z',
    );
    // On 9–18 the same ticket has 2 h on Friday and is due Monday 11:00.
    const longer = { ...calendar, weekly: calendar.weekly.map((w) => ({ ...w, end: '18:00' })) };
    expect(new Date(addBusinessMs(longer, at('2026-11-27T15:00:00Z'), 4 * HOUR)).toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
  });

  it('a holiday skips a day', () => {
    const calendar = officeHours('Europe/Berlin', ['2026-11-30']);
    expect(new Date(addBusinessMs(calendar, at('2026-11-27T15:00:00Z'), 4 * HOUR)).toISOString()).toBe(
      '2026-12-01T11:00:00.000Z',
    );
  });

  it('a start outside the hours waits for the next opening', () => {
    const calendar = officeHours('America/New_York');
    // Saturday 2026-11-28 noon in New York (EST, UTC-5): due Monday 09:00 + 2 h = 11:00 EST.
    expect(new Date(addBusinessMs(calendar, at('2026-11-28T17:00:00Z'), 2 * HOUR)).toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
    expect(businessMsBetween(calendar, at('2026-11-28T17:00:00Z'), at('2026-11-30T16:00:00Z'))).toBe(
      2 * HOUR,
    );
  });

  it('follows the wall clock across daylight-saving changes', () => {
    const always = (timeZone: string): BusinessCalendar => ({
      timeZone,
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '00:00' })),
    });
    // Berlin springs forward on 2026-03-29: that local day lasts 23 hours.
    expect(
      businessMsBetween(
        { ...always('Europe/Berlin'), weekly: [{ day: 7, start: '00:00', end: '00:00' }] },
        at('2026-03-28T00:00:00Z'),
        at('2026-03-31T00:00:00Z'),
      ),
    ).toBe(23 * HOUR);
    // New York falls back on 2026-11-01: that local day lasts 25 hours.
    expect(
      businessMsBetween(
        { ...always('America/New_York'), weekly: [{ day: 7, start: '00:00', end: '00:00' }] },
        at('2026-10-31T00:00:00Z'),
        at('2026-11-03T00:00:00Z'),
      ),
    ).toBe(25 * HOUR);
    // Opening hours stay at 09:00 local on both sides of the change: 9 CET = 8Z, 9 CEST = 7Z.
    const berlin = officeHours('Europe/Berlin');
    expect(new Date(addBusinessMs(berlin, at('2026-03-27T15:00:00Z'), 2 * HOUR)).toISOString()).toBe(
      '2026-03-30T08:00:00.000Z',
    );
  });

  it('reads a wall time skipped in spring as later by the skipped hour', () => {
    // 02:00–04:00 on the spring-forward Sunday is only 03:00–04:00 CEST: one real hour.
    const calendar: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      weekly: [{ day: 7, start: '02:00', end: '04:00' }],
    };
    expect(businessMsBetween(calendar, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(HOUR);
  });

  it('runs an interval whose end is before its start past midnight', () => {
    const calendar: BusinessCalendar = {
      timeZone: 'UTC',
      weekly: [{ day: 5, start: '22:00', end: '06:00' }],
    };
    // Friday 2026-11-27 22:00 to Saturday 06:00.
    expect(businessMsBetween(calendar, at('2026-11-27T00:00:00Z'), at('2026-11-29T00:00:00Z'))).toBe(
      8 * HOUR,
    );
    expect(new Date(addBusinessMs(calendar, at('2026-11-28T01:00:00Z'), HOUR)).toISOString()).toBe(
      '2026-11-28T02:00:00.000Z',
    );
  });

  it('refuses a time zone the runtime does not know, as bad input', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => businessMsBetween({ ...officeHours('Mars/Olympus_Mons') }, 0, HOUR)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR' }),
    );
  });
});

describe('SLA timer', () => {
  const t0 = at('2026-11-30T10:00:00Z');
  const open = { status: 'open' };
  const hold = { status: 'on_hold' };

  it('is due durationMinutes after creation and warns at warningPercent (clock always running)', () => {
    const state = startTimer(ticket, { at: t0, data: open });
    expect(state).toMatchObject({ status: 'pending', dueAt: t0 + 4 * HOUR, warnAt: t0 + 192 * MINUTE });
    expect(timerStatusAt(state, t0 + 192 * MINUTE - 1)).toBe('pending');
    expect(timerStatusAt(state, t0 + 192 * MINUTE)).toBe('warning');
    expect(timerStatusAt(state, t0 + 4 * HOUR)).toBe('breached');
  });

  it('a pause of 1 h moves the due time by 1 h', () => {
    const state = fold(ticket, [
      { at: t0, data: open },
      { at: t0 + 20 * MINUTE, data: hold },
      { at: t0 + 80 * MINUTE, data: open },
    ]);
    expect(state).toMatchObject({ status: 'pending', dueAt: t0 + 5 * HOUR, pausedMs: HOUR, pausedAt: null });
    expect(state.businessElapsedMs).toBe(20 * MINUTE);
  });

  it('does not breach while paused, and the paused status shows', () => {
    const paused = fold(ticket, [
      { at: t0, data: open },
      { at: t0 + HOUR, data: hold },
      { at: t0 + 10 * HOUR, data: { status: 'on_hold', note: 'still waiting' } },
    ]);
    expect(paused).toMatchObject({
      status: 'paused',
      pausedAt: t0 + HOUR,
      pausedMs: 9 * HOUR,
      breachedAt: null,
    });
    expect(timerStatusAt(paused, t0 + 100 * HOUR)).toBe('paused');
  });

  it('a pause in business hours moves the due time by the business time it covers', () => {
    const definition = { ...ticket, calendar: officeHours('UTC') };
    // Monday 10:00, 4 h: due 14:00; paused 11:00–12:00 → due 15:00.
    const state = fold(definition, [
      { at: t0, data: open },
      { at: t0 + HOUR, data: hold },
      { at: t0 + 2 * HOUR, data: open },
    ]);
    expect(new Date(state.dueAt).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    // 16 business hours from Monday 10:00 are due Wednesday 10:00. Paused from Monday 16:00 to
    // Tuesday 10:00, which covers 2 business hours (16–17, 9–10): due Wednesday 12:00.
    const long = { ...definition, durationMinutes: 16 * 60 };
    expect(new Date(startTimer(long, { at: t0, data: open }).dueAt).toISOString()).toBe(
      '2026-12-02T10:00:00.000Z',
    );
    const overnight = fold(long, [
      { at: t0, data: open },
      { at: t0 + 6 * HOUR, data: hold },
      { at: t0 + 24 * HOUR, data: open },
    ]);
    expect(overnight).toMatchObject({ status: 'pending', businessElapsedMs: 6 * HOUR, pausedMs: 18 * HOUR });
    expect(new Date(overnight.dueAt).toISOString()).toBe('2026-12-02T12:00:00.000Z');
  });

  it('completes when met before the due time, and stays breached when completed after it', () => {
    const met = fold(ticket, [
      { at: t0, data: open },
      { at: t0 + HOUR, data: { status: 'resolved' } },
      { at: t0 + 2 * HOUR, data: open },
    ]);
    expect(met).toMatchObject({ status: 'completed', completedAt: t0 + HOUR, breachedAt: null });
    expect(timerStatusAt(met, t0 + 100 * HOUR)).toBe('completed');
    const late = fold(ticket, [
      { at: t0, data: open },
      { at: t0 + 5 * HOUR, data: { status: 'closed' } },
    ]);
    expect(late).toMatchObject({ status: 'breached', completedAt: t0 + 5 * HOUR, breachedAt: t0 + 4 * HOUR });
  });

  it('ignores pauses after the breach', () => {
    const state = fold(ticket, [
      { at: t0, data: open },
      { at: t0 + 5 * HOUR, data: hold },
    ]);
    expect(state).toMatchObject({ status: 'breached', pausedAt: null, pausedMs: 0 });
  });

  it('starts paused or completed when the first data says so', () => {
    expect(startTimer(ticket, { at: t0, data: hold })).toMatchObject({ status: 'paused', pausedAt: t0 });
    expect(startTimer(ticket, { at: t0, data: { status: 'closed' } })).toMatchObject({
      status: 'completed',
      completedAt: t0,
    });
  });
});

// Calendars and histories drawn around the 2026 daylight-saving changes of Europe and North America.
const ZONES = ['Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'] as const;
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const calendarArb: fc.Arbitrary<BusinessCalendar> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weekly: fc.array(fc.record({ day: fc.integer({ min: 1, max: 7 }), start: hhmm, end: hhmm }), {
    minLength: 1,
    maxLength: 6,
  }),
  holidays: fc.array(
    fc
      .integer({ min: 0, max: 120 })
      .map((d) => new Date(at('2026-03-01T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10)),
    { maxLength: 5 },
  ),
});
const definitionArb: fc.Arbitrary<SlaConfig> = fc.record(
  {
    durationMinutes: fc.integer({ min: 1, max: 5 * 24 * 60 }),
    warningPercent: fc.integer({ min: 1, max: 99 }),
    pauseWhen: fc.constant({ field: 'status', values: ['on_hold'] }),
    completeWhen: fc.constant({ field: 'status', values: ['resolved'] }),
    calendar: calendarArb,
  },
  { requiredKeys: ['durationMinutes', 'pauseWhen'] },
);
const startArb = fc.oneof(
  fc.integer({ min: at('2026-03-20T00:00:00Z'), max: at('2026-04-02T00:00:00Z') }),
  fc.integer({ min: at('2026-10-20T00:00:00Z'), max: at('2026-11-06T00:00:00Z') }),
);
const dataArb = fc.constantFrom(
  { status: 'open' },
  { status: 'on_hold' },
  { status: 'resolved' },
  { status: 7 },
  {},
);
const historyArb = fc
  .tuple(
    startArb,
    dataArb,
    fc.array(fc.tuple(fc.integer({ min: -HOUR, max: 30 * HOUR }), dataArb), { maxLength: 12 }),
  )
  .map(([t0, first, steps]) => {
    const events: SlaEvent[] = [{ at: t0, data: first }];
    let t = t0;
    for (const [delta, data] of steps) {
      t += delta;
      events.push({ at: t, data });
    }
    return events;
  });

describe('SLA timer properties', () => {
  it('advancing event by event equals replaying the whole history', () => {
    fc.assert(
      fc.property(definitionArb, historyArb, (definition, events) => {
        expect(fold(definition, events)).toEqual(replay(definition, events));
      }),
      { numRuns: 300 },
    );
  });

  it('the due time is never before the start, and a running clock has exactly the rest of its duration ahead', () => {
    fc.assert(
      fc.property(definitionArb, historyArb, (definition, events) => {
        const state = replay(definition, events);
        expect(state.dueAt).toBeGreaterThanOrEqual(state.startedAt);
        if (state.status === 'pending' || state.status === 'warning') {
          expect(
            state.businessElapsedMs + businessMsBetween(definition.calendar, state.lastEventAt, state.dueAt),
          ).toBe(definition.durationMinutes * MINUTE);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('paused time adds exactly to the due time on a clock that always runs', () => {
    fc.assert(
      fc.property(definitionArb, historyArb, (definition, events) => {
        const { calendar: _, ...always } = definition;
        const state = replay(always, events);
        if (state.status === 'pending' || state.status === 'warning') {
          expect(state.dueAt).toBe(state.startedAt + always.durationMinutes * MINUTE + state.pausedMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('business time adds up over any split, and adding business time is its inverse', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 0, max: 72 * HOUR }),
        fc.integer({ min: 0, max: 72 * HOUR }),
        (calendar, a, x, y) => {
          const b = a + x;
          const c = b + y;
          expect(businessMsBetween(calendar, a, c)).toBe(
            businessMsBetween(calendar, a, b) + businessMsBetween(calendar, b, c),
          );
          const due = addBusinessMs(calendar, a, x);
          expect(due).toBeGreaterThanOrEqual(a);
          expect(businessMsBetween(calendar, a, due)).toBe(x);
          if (x > 0) expect(businessMsBetween(calendar, a, due - 1)).toBeLessThan(x);
        },
      ),
      { numRuns: 300 },
    );
  });
});

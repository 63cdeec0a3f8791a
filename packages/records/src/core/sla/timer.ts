import type { SlaConfig } from '../../config.js';
import { addBusinessMs, businessMsBetween } from './calendar.js';

/**
 * The SLA clock of one record as a pure function of its SLA definition and its history: created at
 * t0 with some data, then updated at t1 ≤ t2 ≤ … with the data after each update.
 *
 * - The clock runs in business time (see calendar.ts) from creation; it is due once
 *   `durationMinutes` business minutes have run.
 * - While the record's `pauseWhen` field holds one of its values the clock stops; on resume the due
 *   time moves by the business time the pause covered (24/7: by exactly the paused time).
 * - Once the `completeWhen` field holds one of its values the timer completes: it is met when that
 *   happened before the due time, else it stays breached (a breach is a fact that later updates do
 *   not undo). A completed timer ignores later updates.
 * - After a breach pauses no longer matter: the clock has run out.
 * - `warnAt` is the instant `warningPercent` of the duration has run (null without a warning).
 * - While paused, `dueAt` and `warnAt` are provisional: those of the clock as it stood when the pause
 *   began; the resume computes them again.
 *
 * Instants are milliseconds since the epoch. Updates that arrive out of order count at the latest
 * instant seen so far (the clock never runs backwards).
 */
export type SlaStatus = 'pending' | 'warning' | 'paused' | 'breached' | 'completed';

export type SlaEvent = { at: number; data: Readonly<Record<string, unknown>> };

export type SlaState = {
  startedAt: number;
  /** The instant of the latest event folded in; the other fields describe the clock as of then. */
  lastEventAt: number;
  status: SlaStatus;
  dueAt: number;
  warnAt: number | null;
  /** Business milliseconds the clock has run, up to lastEventAt. */
  businessElapsedMs: number;
  /** Wall milliseconds spent paused, up to lastEventAt. */
  pausedMs: number;
  pausedAt: number | null;
  /** The due time that passed while the clock ran (the model's breach instant). */
  breachedAt: number | null;
  completedAt: number | null;
};

type Phase = 'running' | 'paused' | 'completed';

const durationMs = (definition: SlaConfig) => definition.durationMinutes * 60_000;

const warningMs = (definition: SlaConfig) =>
  definition.warningPercent === undefined
    ? null
    : definition.durationMinutes * 600 * definition.warningPercent;

const holds = (condition: SlaConfig['pauseWhen'], data: SlaEvent['data']): boolean => {
  if (!condition) return false;
  const value = data[condition.field];
  if (typeof value === 'string') return condition.values.includes(value);
  if (typeof value === 'number' || typeof value === 'boolean')
    return condition.values.includes(String(value));
  return false;
};

/** The phase the record's data asks for: completion wins over pause. */
const phaseOf = (definition: SlaConfig, data: SlaEvent['data']): Phase => {
  if (holds(definition.completeWhen, data)) return 'completed';
  if (holds(definition.pauseWhen, data)) return 'paused';
  return 'running';
};

/** The status of a state at instant `at` (at ≥ lastEventAt), without folding anything in. */
const statusOf = (state: Omit<SlaState, 'status'>, at: number): SlaStatus => {
  const running = state.pausedAt === null && state.completedAt === null;
  if (state.breachedAt !== null || (running && at >= state.dueAt)) return 'breached';
  if (state.completedAt !== null) return 'completed';
  if (state.pausedAt !== null) return 'paused';
  if (state.warnAt !== null && at >= state.warnAt) return 'warning';
  return 'pending';
};

/** The clock's due and warning instants when it runs from `at` with `elapsed` business ms behind it. */
const projectFrom = (definition: SlaConfig, at: number, elapsed: number, previousWarnAt: number | null) => {
  const warning = warningMs(definition);
  return {
    dueAt: addBusinessMs(definition.calendar, at, durationMs(definition) - elapsed),
    warnAt:
      warning === null
        ? null
        : elapsed < warning
          ? addBusinessMs(definition.calendar, at, warning - elapsed)
          : previousWarnAt,
  };
};

const withStatus = (state: Omit<SlaState, 'status'>): SlaState => ({
  ...state,
  status: statusOf(state, state.lastEventAt),
});

/** The state right after creation at `event.at` with the record's first data. */
export const startTimer = (definition: SlaConfig, event: SlaEvent): SlaState => {
  const phase = phaseOf(definition, event.data);
  return withStatus({
    startedAt: event.at,
    lastEventAt: event.at,
    ...projectFrom(definition, event.at, 0, null),
    businessElapsedMs: 0,
    pausedMs: 0,
    pausedAt: phase === 'paused' ? event.at : null,
    breachedAt: null,
    completedAt: phase === 'completed' ? event.at : null,
  });
};

/**
 * Folds one update into the state (the write-time form). Folding every event in turn equals
 * `replay` of them all.
 */
export const advance = (definition: SlaConfig, state: SlaState, event: SlaEvent): SlaState => {
  const at = Math.max(event.at, state.lastEventAt);
  if (state.completedAt !== null) return { ...state, lastEventAt: at };
  const next = { ...state, lastEventAt: at };
  if (state.pausedAt === null) {
    next.businessElapsedMs += businessMsBetween(definition.calendar, state.lastEventAt, at);
    if (next.breachedAt === null && at >= state.dueAt) next.breachedAt = state.dueAt;
  } else {
    next.pausedMs += at - state.lastEventAt;
  }
  const phase = phaseOf(definition, event.data);
  if (phase === 'completed') {
    next.completedAt = at;
    next.pausedAt = null;
  } else if (next.breachedAt === null && phase === 'paused' && state.pausedAt === null) {
    next.pausedAt = at;
  } else if (state.pausedAt !== null && phase === 'running') {
    next.pausedAt = null;
    Object.assign(next, projectFrom(definition, at, next.businessElapsedMs, state.warnAt));
  }
  return withStatus(next);
};

/**
 * The state after all of `events` (the first is the creation), computed from the record's phases
 * over time: consecutive events that keep the phase are one segment, each segment's business time
 * is measured once.
 */
export const replay = (definition: SlaConfig, events: readonly SlaEvent[]): SlaState => {
  const [first, ...rest] = events;
  if (!first) throw new Error('replay needs the creation event');
  const { calendar } = definition;
  const startedAt = first.at;
  let phase = phaseOf(definition, first.data);
  let segmentStart = startedAt;
  let lastAt = startedAt;
  let elapsed = 0;
  let paused = 0;
  let { dueAt, warnAt } = projectFrom(definition, startedAt, 0, null);
  let breachedAt: number | null = null;
  let completedAt = phase === 'completed' ? startedAt : null;

  for (const event of rest) {
    lastAt = Math.max(lastAt, event.at);
    if (phase === 'completed') continue;
    if (phase === 'running' && breachedAt === null && lastAt >= dueAt) breachedAt = dueAt;
    const asked = phaseOf(definition, event.data);
    // After a breach a pause no longer stops anything.
    const wanted = breachedAt !== null && asked === 'paused' ? 'running' : asked;
    if (wanted === phase) continue;
    if (phase === 'running') elapsed += businessMsBetween(calendar, segmentStart, lastAt);
    else paused += lastAt - segmentStart;
    if (wanted === 'completed') completedAt = lastAt;
    if (phase === 'paused' && wanted === 'running')
      ({ dueAt, warnAt } = projectFrom(definition, lastAt, elapsed, warnAt));
    phase = wanted;
    segmentStart = lastAt;
  }
  if (phase === 'running') elapsed += businessMsBetween(calendar, segmentStart, lastAt);
  if (phase === 'paused') paused += lastAt - segmentStart;
  return withStatus({
    startedAt,
    lastEventAt: lastAt,
    dueAt,
    warnAt,
    businessElapsedMs: elapsed,
    pausedMs: paused,
    pausedAt: phase === 'paused' ? segmentStart : null,
    breachedAt,
    completedAt,
  });
};

/** The status of the timer at `now` (not before its last event): due and warning times that passed count. */
export const timerStatusAt = (state: SlaState, now: number): SlaStatus =>
  statusOf(state, Math.max(now, state.lastEventAt));

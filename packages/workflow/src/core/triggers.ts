import { Cron } from 'croner';

export const TRIGGER_TYPES = ['record_event', 'schedule', 'manual'] as const;
export const TRIGGER_STATUSES = ['active', 'disabled'] as const;
export const RECORD_EVENTS = ['record.created', 'record.updated'] as const;
type RecordEventType = (typeof RECORD_EVENTS)[number];

/**
 * `equals`: the field holds the value after the write. `changed_to`: the write moved the field to the
 * value (it held something else before, or the record is new).
 */
type FieldCondition = { field: string; operator: 'equals' | 'changed_to'; value: unknown };

export type RecordEventTriggerConfig = {
  event: RecordEventType;
  /** One of the two names the record type; the key matches in the definition's project. */
  recordTypeId?: string;
  recordTypeKey?: string;
  fieldConditions?: FieldCondition[];
  /** Updates fire only when one of these fields changed (absent or empty: any update). */
  watchFields?: string[];
};

export type ScheduleTriggerConfig = { cron: string; timezone?: string };

/** A record write as the trigger system sees it. */
export type RecordEvent = {
  event: RecordEventType;
  recordId: string;
  version: number;
  recordType: { id: string; key: string; projectId: string };
  data: Record<string, unknown>;
  previousData: Record<string, unknown> | null;
  changedFields: readonly string[];
};

const isDeepEqual = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => isDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
};

const holds = (event: RecordEvent, condition: FieldCondition): boolean => {
  const now = event.data[condition.field];
  if (!isDeepEqual(now, condition.value)) return false;
  if (condition.operator === 'equals') return true;
  if (event.previousData === null) return true;
  return !isDeepEqual(event.previousData[condition.field], condition.value);
};

/**
 * Whether a record event fires a record-event trigger of a definition in `projectId`: same event, same
 * record type (by id, or by key within the project), a watched field changed (updates), and every field
 * condition holds. Pure.
 */
export const matchesRecordEvent = (
  config: RecordEventTriggerConfig,
  projectId: string,
  event: RecordEvent,
): boolean => {
  if (config.event !== event.event) return false;
  if (config.recordTypeId !== undefined && config.recordTypeId !== event.recordType.id) return false;
  if (
    config.recordTypeKey !== undefined &&
    (config.recordTypeKey !== event.recordType.key || event.recordType.projectId !== projectId)
  )
    return false;
  if (config.recordTypeId === undefined && config.recordTypeKey === undefined) return false;
  const watched = config.watchFields ?? [];
  if (event.event === 'record.updated' && watched.length > 0) {
    if (!watched.some((f) => event.changedFields.includes(f))) return false;
  }
  return (config.fieldConditions ?? []).every((c) => holds(event, c));
};

/** The idempotency key of a record event's intent: one per record version and trigger (O5, O6). */
export const recordIntentKey = (recordId: string, version: number, triggerId: string): string =>
  `record:${recordId}:v${version}:${triggerId}`;

/** The idempotency key of a schedule occurrence: one per trigger and fire time, whoever fires it. */
export const scheduleIntentKey = (triggerId: string, fireTime: Date): string =>
  `schedule:${triggerId}:${fireTime.toISOString()}`;

/** The idempotency key of a manual firing: the caller's key, or a fresh one per call. */
export const manualIntentKey = (triggerId: string, key: string): string => `manual:${triggerId}:${key}`;

const cronOf = (config: ScheduleTriggerConfig) =>
  new Cron(config.cron, { paused: true, ...(config.timezone ? { timezone: config.timezone } : {}) });

/** Why a schedule cannot be used (unparsable cron, unknown time zone, never fires), or null. */
export const scheduleProblem = (config: ScheduleTriggerConfig, now: Date): string | null => {
  try {
    return cronOf(config).nextRun(now) ? null : 'the schedule never fires';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/**
 * Catch-up policy: of the occurrences after `evaluatedUntil` and at or before `now`, only the latest
 * fires; older missed ones (downtime, a paused scheduler) are skipped, so a schedule never bursts.
 * Returns that occurrence, or null when none is due.
 */
export const dueOccurrence = (
  config: ScheduleTriggerConfig,
  evaluatedUntil: Date,
  now: Date,
): Date | null => {
  if (now.getTime() <= evaluatedUntil.getTime()) return null;
  const cron = cronOf(config);
  // previousRuns looks strictly before its reference at whole seconds: look from a second past now and
  // keep the latest occurrence not after now.
  const latest = cron
    .previousRuns(2, new Date(now.getTime() + 1_000))
    .find((at) => at.getTime() <= now.getTime());
  return latest && latest.getTime() > evaluatedUntil.getTime() ? latest : null;
};

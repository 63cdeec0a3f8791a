import { Ec3lApiError, type Schemas } from '@ec3l/sdk';
import { formErrorsFrom } from './errors';

/**
 * Record instances: forms generated from a record type's effective schema, values shown in tables,
 * equality filters, and server errors mapped to the generated inputs (pure, no DOM).
 */

export type RecordInstance = Schemas['RecordInstance'];
export type SchemaField = Schemas['Field'];

/** Every input of a generated form holds text (a checkbox: "true" / "false"). */
export type RecordDraft = Record<string, string>;
export type RecordErrors = Partial<Record<string, string>>;

/** The first characters of an id, enough to tell records apart in a table. */
export const shortId = (id: string): string => id.slice(0, 8);

const asText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return String(value);
};

/** A datetime value as a `datetime-local` input shows it (UTC, minutes). */
const toLocalInput = (iso: string): string => (iso.length >= 16 ? iso.slice(0, 16) : iso);

/** The form's draft for a new record (defaults filled) or an existing one (its values). */
export const recordDraftOf = (
  fields: readonly SchemaField[],
  record?: RecordInstance | null,
): RecordDraft => {
  const draft: RecordDraft = {};
  for (const f of fields) {
    const value = record ? record.data[f.name] : f.defaultValue;
    if (f.type === 'boolean') draft[f.name] = value === true ? 'true' : 'false';
    else if (f.type === 'datetime' && typeof value === 'string') draft[f.name] = toLocalInput(value);
    else draft[f.name] = asText(value);
  }
  return draft;
};

/** A `datetime-local` input's text read as UTC, as the table shows datetimes. */
const toUtc = (text: string): string =>
  /Z|[+-]\d\d:\d\d$/.test(text) ? text : `${text.length === 16 ? `${text}:00` : text}Z`;

type Built = { ok: true; data: Record<string, unknown> } | { ok: false; errors: RecordErrors };

/**
 * The data of a create (every filled input) or of an update (`changedFrom`: only the inputs that
 * differ from the record's draft; a cleared input sends null), typed as the schema says, or the
 * problems the client can see: a required field left empty, a number that is not one.
 */
export const buildRecordData = (
  fields: readonly SchemaField[],
  draft: RecordDraft,
  changedFrom?: RecordDraft,
): Built => {
  const errors: RecordErrors = {};
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const text = (draft[f.name] ?? '').trim();
    if (changedFrom && (changedFrom[f.name] ?? '') === (draft[f.name] ?? '')) continue;
    if (f.type === 'boolean') {
      data[f.name] = text === 'true';
      continue;
    }
    if (text === '') {
      if (f.required) errors[f.name] = `${f.label ?? f.name} is required`;
      else if (changedFrom) data[f.name] = null;
      continue;
    }
    switch (f.type) {
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n)) errors[f.name] = 'Enter a number';
        else data[f.name] = n;
        break;
      }
      case 'datetime':
        // The input has no zone: read it as UTC, as the table shows datetimes.
        data[f.name] = toUtc(text);
        break;
      default:
        data[f.name] = f.type === 'text' ? (draft[f.name] ?? '') : text;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data };
};

/**
 * The draft as typed values, for evaluating the form's rules while the user types: numbers where the
 * text is one, booleans, datetimes as the server reads them, null for an empty input. Never fails: a
 * half-typed number stays text.
 */
export const liveDataOf = (fields: readonly SchemaField[], draft: RecordDraft): Record<string, unknown> => {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = draft[f.name] ?? '';
    const text = raw.trim();
    if (f.type === 'boolean') data[f.name] = text === 'true';
    else if (text === '') data[f.name] = null;
    else if (f.type === 'number') data[f.name] = Number.isFinite(Number(text)) ? Number(text) : text;
    else if (f.type === 'datetime') data[f.name] = toUtc(text);
    else data[f.name] = f.type === 'text' ? raw : text;
  }
  return data;
};

/** A value as a table cell shows it: yes/no, a short id for references, "—" for none. */
export const displayValue = (field: Pick<SchemaField, 'type'>, value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (field.type === 'boolean') return value === true ? 'Yes' : 'No';
  if (field.type === 'reference' && typeof value === 'string') return shortId(value);
  if (field.type === 'datetime' && typeof value === 'string')
    return value.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  return typeof value === 'string' ? value : JSON.stringify(value);
};

/** The fields a table shows beside the id: required ones first, at most `max`, text fields last. */
export const keyFieldsOf = (fields: readonly SchemaField[], max = 3): SchemaField[] =>
  [...fields]
    .filter((f) => f.type !== 'text')
    .sort((a, b) => Number(b.required) - Number(a.required))
    .slice(0, max);

/** Who a record is assigned to, as one label. */
export const assigneeOf = (record: Pick<RecordInstance, 'assignedTo' | 'assignedGroup'>): string | null =>
  record.assignedTo ?? (record.assignedGroup ? `group ${record.assignedGroup}` : null);

export type FieldFilter = { field: string; value: string };

/** The list's `filter` query parameters (`field:value`), in the order they were added. */
export const filterParams = (filters: readonly FieldFilter[]): string[] =>
  filters.map((f) => `${f.field}:${f.value}`);

export type FormViolation = { field: string; rule: string; message: string };

/** The violations of a write the form's rules refused (400 FORM_RULE_VIOLATION), else none. */
export const formViolationsOf = (error: unknown): FormViolation[] => {
  if (!(error instanceof Ec3lApiError) || error.code !== 'FORM_RULE_VIOLATION') return [];
  const details = error.details as { violations?: unknown } | null | undefined;
  if (!details || !Array.isArray(details.violations)) return [];
  return details.violations.filter(
    (v): v is FormViolation =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as FormViolation).field === 'string' &&
      typeof (v as FormViolation).message === 'string',
  );
};

/**
 * A failed save's messages by field: FORM_RULE_VIOLATION names each field a form rule refused;
 * RECORD_INVALID names each refused field (`params.field`); a
 * validation error of the body names `/data/<field>`; anything else (a 409, a 403) goes under `_form`.
 */
export const recordErrorsFrom = (error: unknown): RecordErrors => {
  const violations = formViolationsOf(error);
  if (violations.length > 0) {
    const out: RecordErrors = {};
    for (const v of violations) out[v.field] = out[v.field] ? `${out[v.field]}; ${v.message}` : v.message;
    return out;
  }
  if (error instanceof Ec3lApiError && Array.isArray(error.details)) {
    const out: RecordErrors = {};
    for (const detail of error.details as {
      path?: unknown;
      message?: unknown;
      params?: { field?: unknown };
    }[]) {
      const field =
        typeof detail.params?.field === 'string'
          ? detail.params.field
          : typeof detail.path === 'string' && detail.path.startsWith('/data/')
            ? detail.path.slice('/data/'.length).split('/')[0]
            : undefined;
      const message = String(detail.message ?? '');
      if (field) out[field] = out[field] ? `${out[field]}; ${message}` : message;
      else out._form = out._form ? `${out._form}; ${message}` : message;
    }
    if (Object.keys(out).length > 0) return out;
  }
  return formErrorsFrom(error, []);
};

/** True for a stale write: someone saved the record since it was read (409 RECORD_VERSION_CONFLICT). */
export const isStaleWrite = (error: unknown): boolean =>
  error instanceof Ec3lApiError && error.code === 'RECORD_VERSION_CONFLICT';

export type RecordTimer = Schemas['RecordTimer'];
export type ProcessTimersResult = Schemas['ProcessTimersResult'];

export type SlaState = { key: 'breached' | 'warning' | 'paused' | 'on_time' | 'met'; label: string };

/**
 * The SLA state of a record from its timer, as its badge shows it: breached, warning (past the warning
 * time, not yet due), paused, on time, or met (completed before it breached). Null without a timer.
 */
export const slaStateOf = (timer: RecordTimer | undefined, now: Date): SlaState | null => {
  if (!timer) return null;
  switch (timer.status) {
    case 'breached':
      return { key: 'breached', label: 'Breached' };
    case 'completed':
      return { key: 'met', label: 'Met' };
    case 'paused':
      return { key: 'paused', label: 'Paused' };
    case 'pending':
      if (new Date(timer.dueAt) <= now) return { key: 'breached', label: 'Breached' };
      if (timer.warnedAt || (timer.warnAt && new Date(timer.warnAt) <= now))
        return { key: 'warning', label: 'Warning' };
      return { key: 'on_time', label: 'On time' };
  }
};

/** What a timer went through, oldest first, for a record's timeline. */
export const timerEvents = (timer: RecordTimer): { at: string; text: string }[] =>
  [
    { at: timer.createdAt, text: `SLA started, due ${timer.dueAt.replace('T', ' ').slice(0, 16)} UTC` },
    ...(timer.warnedAt ? [{ at: timer.warnedAt, text: 'SLA warning reached' }] : []),
    ...(timer.pausedAt ? [{ at: timer.pausedAt, text: 'SLA paused' }] : []),
    ...(timer.breachedAt ? [{ at: timer.breachedAt, text: 'SLA breached' }] : []),
    ...(timer.completedAt ? [{ at: timer.completedAt, text: 'SLA met' }] : []),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

/** The outcome of a timer run in one sentence. */
export const describeProcessed = (r: ProcessTimersResult): string =>
  r.processed === 0
    ? 'No timers were due.'
    : `Processed ${r.processed} timer${r.processed === 1 ? '' : 's'}: ${r.breached} breached, ${r.warned} warned${r.failed > 0 ? `, ${r.failed} failed (they stay due)` : ''}.`;

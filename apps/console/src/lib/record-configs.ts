import { Ec3lApiError, type Schemas } from '@ec3l/sdk';
import { formErrorsFrom } from './errors';
import { IDENTIFIER_RE } from './identifiers';

/**
 * A record type's routing (assignment) and SLA configuration: form drafts, the configurations they
 * build, one-line descriptions, and server errors mapped to the draft's inputs (pure, no DOM).
 */

export type AssignmentConfig = Schemas['AssignmentConfig'];
export type SlaConfig = Schemas['SlaConfig'];

export type AssignmentStrategy = 'none' | 'static_user' | 'static_group' | 'field_match';

export const STRATEGIES: readonly { key: AssignmentStrategy; label: string; hint: string }[] = [
  { key: 'none', label: 'Not routed', hint: 'New records are left unassigned' },
  { key: 'static_user', label: 'Always one user', hint: 'Every new record goes to this user' },
  { key: 'static_group', label: 'Always one group', hint: 'Every new record goes to this group' },
  {
    key: 'field_match',
    label: 'By field value',
    hint: 'The first rule whose value equals the field decides; else the default',
  },
];

type AssigneeKind = 'user' | 'group';
export type RuleDraft = { equals: string; kind: AssigneeKind; value: string };

export type AssignmentDraft = {
  strategy: AssignmentStrategy;
  value: string;
  field: string;
  rules: RuleDraft[];
  defaultKind: AssigneeKind | 'none';
  defaultValue: string;
  reassignOnUpdate: boolean;
};

export type WeeklyDraft = { day: string; start: string; end: string };

export type SlaDraft = {
  enabled: boolean;
  durationMinutes: string;
  warningPercent: string;
  pauseField: string;
  pauseValues: string;
  completeField: string;
  completeValues: string;
  calendar: boolean;
  timeZone: string;
  weekly: WeeklyDraft[];
  holidays: string;
};

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export const EMPTY_RULE: RuleDraft = { equals: '', kind: 'group', value: '' };

/** The form's draft of a configuration (none: unrouted). */
export const assignmentDraftOf = (config: AssignmentConfig | null | undefined): AssignmentDraft => {
  const draft: AssignmentDraft = {
    strategy: 'none',
    value: '',
    field: '',
    rules: [],
    defaultKind: 'none',
    defaultValue: '',
    reassignOnUpdate: false,
  };
  if (!config) return draft;
  if (config.type === 'field_match') {
    return {
      ...draft,
      strategy: 'field_match',
      field: config.field,
      rules: config.rules.map((r) => ({
        equals: String(r.equals),
        kind: r.assignTo.type,
        value: r.assignTo.value,
      })),
      defaultKind: config.default?.type ?? 'none',
      defaultValue: config.default?.value ?? '',
      reassignOnUpdate: config.reassignOnUpdate ?? false,
    };
  }
  return { ...draft, strategy: config.type, value: config.value };
};

/** The form's draft of an SLA (disabled: untimed). */
export const slaDraftOf = (config: SlaConfig | null | undefined): SlaDraft => ({
  enabled: config != null,
  durationMinutes: config ? String(config.durationMinutes) : '',
  warningPercent: config?.warningPercent === undefined ? '' : String(config.warningPercent),
  pauseField: config?.pauseWhen?.field ?? '',
  pauseValues: config?.pauseWhen?.values.join(', ') ?? '',
  completeField: config?.completeWhen?.field ?? '',
  completeValues: config?.completeWhen?.values.join(', ') ?? '',
  calendar: config?.calendar !== undefined,
  timeZone: config?.calendar?.timeZone ?? 'UTC',
  weekly:
    config?.calendar?.weekly.map((w) => ({ day: String(w.day), start: w.start, end: w.end })) ??
    [1, 2, 3, 4, 5].map((day) => ({ day: String(day), start: '09:00', end: '17:00' })),
  holidays: config?.calendar?.holidays?.join(', ') ?? '',
});

export type ConfigErrors = Partial<Record<string, string>>;

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const list = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** A rule's value as the field holds it: numbers and booleans for fields of those types. */
const typedValue = (text: string, fieldType: string | undefined): string | number | boolean => {
  const trimmed = text.trim();
  if (fieldType === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (fieldType === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return trimmed;
};

type Built<T> = { ok: true; config: T } | { ok: false; errors: ConfigErrors };

/**
 * The assignment configuration the draft describes (null when not routed), or the problems to show
 * beside its inputs, keyed by the configuration's path (`assignmentConfig.field`, …). `fieldTypes`
 * gives the record type's fields, so a rule compares numbers with numbers; unless `fieldsKnown` is
 * false (a change may add the field), the decisive field must be among them.
 */
export const buildAssignment = (
  draft: AssignmentDraft,
  fieldTypes: ReadonlyMap<string, string>,
  { fieldsKnown = true }: { fieldsKnown?: boolean } = {},
): Built<AssignmentConfig | null> => {
  const errors: ConfigErrors = {};
  const need = (key: string, value: string, what: string) => {
    if (value.trim() === '') errors[key] = `${what} is required`;
  };
  let config: AssignmentConfig | null = null;
  switch (draft.strategy) {
    case 'none':
      break;
    case 'static_user':
    case 'static_group':
      need('assignmentConfig.value', draft.value, draft.strategy === 'static_user' ? 'A user' : 'A group');
      config = { type: draft.strategy, value: draft.value.trim() };
      break;
    case 'field_match': {
      const field = draft.field.trim();
      if (!IDENTIFIER_RE.test(field)) errors['assignmentConfig.field'] = 'Pick the field whose value decides';
      else if (fieldsKnown && !fieldTypes.has(field))
        errors['assignmentConfig.field'] = `The record type has no field "${field}"`;
      draft.rules.forEach((rule, i) => {
        need(`assignmentConfig.rules.${i}.equals`, rule.equals, 'A value');
        need(`assignmentConfig.rules.${i}.assignTo.value`, rule.value, 'An assignee');
      });
      if (draft.defaultKind !== 'none')
        need('assignmentConfig.default.value', draft.defaultValue, 'The default');
      config = {
        type: 'field_match',
        field,
        rules: draft.rules.map((r) => ({
          equals: typedValue(r.equals, fieldTypes.get(field)),
          assignTo: { type: r.kind, value: r.value.trim() },
        })),
        ...(draft.defaultKind === 'none'
          ? {}
          : { default: { type: draft.defaultKind, value: draft.defaultValue.trim() } }),
        ...(draft.reassignOnUpdate ? { reassignOnUpdate: true } : {}),
      };
      break;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, config };
};

const integerIn = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/**
 * The SLA configuration the draft describes (null when untimed), or the problems, keyed by path. With
 * `fieldNames` (null: not known yet), the conditions' fields must be among them.
 */
export const buildSla = (
  draft: SlaDraft,
  fieldNames: ReadonlySet<string> | null,
): Built<SlaConfig | null> => {
  if (!draft.enabled) return { ok: true, config: null };
  const errors: ConfigErrors = {};
  const duration = integerIn(draft.durationMinutes, 1, 525_600);
  if (duration === null) errors['slaConfig.durationMinutes'] = 'A whole number of minutes, 1 to 525600';
  const warning = draft.warningPercent.trim() === '' ? undefined : integerIn(draft.warningPercent, 1, 99);
  if (warning === null) errors['slaConfig.warningPercent'] = 'A percentage from 1 to 99, or empty';
  const condition = (key: 'pauseWhen' | 'completeWhen', fieldText: string, valuesText: string) => {
    const field = fieldText.trim();
    const values = list(valuesText);
    if (field === '' && values.length === 0) return undefined;
    if (!IDENTIFIER_RE.test(field)) errors[`slaConfig.${key}.field`] = 'Pick a field';
    else if (fieldNames && !fieldNames.has(field))
      errors[`slaConfig.${key}.field`] = `The record type has no field "${field}"`;
    if (values.length === 0) errors[`slaConfig.${key}.values`] = 'At least one value, comma separated';
    return { field, values };
  };
  const pauseWhen = condition('pauseWhen', draft.pauseField, draft.pauseValues);
  const completeWhen = condition('completeWhen', draft.completeField, draft.completeValues);
  let calendar: SlaConfig['calendar'];
  if (draft.calendar) {
    if (draft.timeZone.trim() === '')
      errors['slaConfig.calendar.timeZone'] = 'A time zone, e.g. Europe/Berlin';
    if (draft.weekly.length === 0) errors['slaConfig.calendar.weekly'] = 'At least one day of working hours';
    draft.weekly.forEach((w, i) => {
      if (!TIME.test(w.start) || !TIME.test(w.end) || w.end <= w.start)
        errors[`slaConfig.calendar.weekly.${i}`] = 'Hours as HH:MM, ending after they start';
    });
    const holidays = list(draft.holidays);
    if (holidays.some((d) => !DATE.test(d))) errors['slaConfig.calendar.holidays'] = 'Dates as YYYY-MM-DD';
    calendar = {
      timeZone: draft.timeZone.trim(),
      weekly: draft.weekly.map((w) => ({ day: Number(w.day), start: w.start, end: w.end })),
      ...(holidays.length > 0 ? { holidays } : {}),
    };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: {
      durationMinutes: duration!,
      ...(warning == null ? {} : { warningPercent: warning }),
      ...(pauseWhen ? { pauseWhen } : {}),
      ...(completeWhen ? { completeWhen } : {}),
      ...(calendar ? { calendar } : {}),
    },
  };
};

/** A duration in minutes as people say it: 90 → "1 h 30 min", 2880 → "2 d". */
export const formatMinutes = (minutes: number): string => {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d} d` : '', h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
};

/** The assignment in one line: "Group support", "By priority: 2 rules, else group desk", "Not routed". */
export const describeAssignment = (config: AssignmentConfig | null | undefined): string => {
  if (!config) return 'Not routed';
  if (config.type === 'static_user') return `User ${config.value}`;
  if (config.type === 'static_group') return `Group ${config.value}`;
  const rules = `${config.rules.length} rule${config.rules.length === 1 ? '' : 's'}`;
  const fallback = config.default ? `, else ${config.default.type} ${config.default.value}` : '';
  return `By ${config.field}: ${rules}${fallback}`;
};

/** The SLA in one line: "4 h, warn at 75 %, paused while state is on_hold, business hours (Europe/Berlin)". */
export const describeSla = (config: SlaConfig | null | undefined): string => {
  if (!config) return 'No SLA';
  const parts = [formatMinutes(config.durationMinutes)];
  if (config.warningPercent !== undefined) parts.push(`warn at ${config.warningPercent} %`);
  if (config.pauseWhen)
    parts.push(`paused while ${config.pauseWhen.field} is ${config.pauseWhen.values.join(' or ')}`);
  if (config.completeWhen)
    parts.push(`met when ${config.completeWhen.field} is ${config.completeWhen.values.join(' or ')}`);
  if (config.calendar) parts.push(`business hours (${config.calendar.timeZone})`);
  return parts.join(', ');
};

/**
 * A failed save's messages keyed like the draft's inputs: a configuration error names its path in
 * `details.field` (CONFIG_FIELD_MISSING, CONFIG_INVALID); anything else goes under `_form`.
 */
export const configErrorsFrom = (error: unknown, prefix = ''): ConfigErrors => {
  if (error instanceof Ec3lApiError && error.code.startsWith('CONFIG_')) {
    const details = error.details as { field?: unknown } | undefined;
    if (typeof details?.field === 'string') {
      const field = prefix ? details.field.replace(/^payload\.config/, prefix) : details.field;
      return { [field]: error.message };
    }
  }
  if (error instanceof Ec3lApiError && error.code === 'VALIDATION_ERROR') {
    const details = error.details as { field?: unknown } | undefined;
    if (prefix && typeof details?.field === 'string' && details.field.startsWith('payload.config')) {
      return { [details.field.replace(/^payload\.config/, prefix)]: error.message };
    }
  }
  return formErrorsFrom(error, []);
};

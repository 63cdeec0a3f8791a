import type { AssignmentConfig, SlaConfig } from '../config.js';

/** A record type's routing and timing configuration, as one value (either part may be unset). */
export type RecordTypeConfigs = {
  assignmentConfig: AssignmentConfig | null;
  slaConfig: SlaConfig | null;
};

/**
 * Why a configuration cannot be used on a record type: it names a field the type's effective schema
 * lacks (CONFIG_FIELD_MISSING), or it holds a value a schema cannot refuse (CONFIG_INVALID: a blank
 * user or group, an unknown time zone, working hours that end before they start).
 */
export type ConfigProblem = {
  code: 'CONFIG_FIELD_MISSING' | 'CONFIG_INVALID';
  /** Where in the configuration, e.g. `slaConfig.pauseWhen.field`. */
  path: string;
  /** The record field a CONFIG_FIELD_MISSING names. */
  fieldName?: string;
  message: string;
};

const isBlank = (value: string) => value.trim().length === 0;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/**
 * Every problem of `configs` on a record type whose effective schema has the fields `fieldNames`, in
 * the order the configuration reads (assignment first); with `fieldNames` null, only the values are
 * checked. Pure; empty when the configuration fits.
 */
export const configProblems = (
  configs: RecordTypeConfigs,
  fieldNames: ReadonlySet<string> | null,
): ConfigProblem[] => {
  const problems: ConfigProblem[] = [];
  const needField = (path: string, name: string, what: string) => {
    if (fieldNames && !fieldNames.has(name)) {
      problems.push({
        code: 'CONFIG_FIELD_MISSING',
        path,
        fieldName: name,
        message: `${what} names field "${name}", which the record type does not have`,
      });
    }
  };
  const needValue = (path: string, value: string, what: string) => {
    if (isBlank(value)) problems.push({ code: 'CONFIG_INVALID', path, message: `${what} must not be blank` });
  };
  const assignment = configs.assignmentConfig;
  if (assignment) {
    switch (assignment.type) {
      case 'static_user':
        needValue('assignmentConfig.value', assignment.value, 'the assigned user');
        break;
      case 'static_group':
        needValue('assignmentConfig.value', assignment.value, 'the assigned group');
        break;
      case 'field_match':
        needField('assignmentConfig.field', assignment.field, 'field_match assignment');
        for (const [i, rule] of assignment.rules.entries()) {
          needValue(
            `assignmentConfig.rules.${i}.assignTo.value`,
            rule.assignTo.value,
            `rule ${i + 1}'s assignee`,
          );
        }
        if (assignment.default) {
          needValue('assignmentConfig.default.value', assignment.default.value, 'the default assignee');
        }
        break;
    }
  }
  const sla = configs.slaConfig;
  if (sla) {
    if (sla.pauseWhen) needField('slaConfig.pauseWhen.field', sla.pauseWhen.field, 'the SLA pause condition');
    if (sla.completeWhen) {
      needField('slaConfig.completeWhen.field', sla.completeWhen.field, 'the SLA completion condition');
    }
    if (sla.calendar) {
      if (!isTimeZone(sla.calendar.timeZone)) {
        problems.push({
          code: 'CONFIG_INVALID',
          path: 'slaConfig.calendar.timeZone',
          message: `"${sla.calendar.timeZone}" is not a known time zone`,
        });
      }
      sla.calendar.weekly.forEach((hours, i) => {
        if (hours.end <= hours.start) {
          problems.push({
            code: 'CONFIG_INVALID',
            path: `slaConfig.calendar.weekly.${i}`,
            message: `working hours ${hours.start}–${hours.end} must end after they start`,
          });
        }
      });
    }
  }
  return problems;
};

/** Whether two configuration values are the same (property order aside). */
export const sameConfig = (a: unknown, b: unknown): boolean => canonical(a ?? null) === canonical(b ?? null);

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

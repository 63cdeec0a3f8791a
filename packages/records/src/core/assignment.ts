import type { AssignmentConfig } from '../config.js';

/** Who a record is assigned to: a user or a group (one of the two is set). */
export type Assignment = { assignedTo: string | null; assignedGroup: string | null };

const toAssignee = (assignee: { type: 'user' | 'group'; value: string }): Assignment =>
  assignee.type === 'user'
    ? { assignedTo: assignee.value, assignedGroup: null }
    : { assignedTo: null, assignedGroup: assignee.value };

/**
 * Where a record with these values goes under its type's assignment config (reference section 11):
 * static_user and static_group always route to their value; field_match routes by the first rule
 * whose value equals the record's value of the field (strict equality), else to the default. Null
 * when there is no config, or no rule matches and there is no default. Pure and deterministic.
 */
export const resolveAssignment = (
  config: AssignmentConfig | null | undefined,
  data: Readonly<Record<string, unknown>>,
): Assignment | null => {
  if (!config) return null;
  switch (config.type) {
    case 'static_user':
      return { assignedTo: config.value, assignedGroup: null };
    case 'static_group':
      return { assignedTo: null, assignedGroup: config.value };
    case 'field_match': {
      const value = Object.hasOwn(data, config.field) ? data[config.field] : undefined;
      const rule = value === undefined ? undefined : config.rules.find((r) => r.equals === value);
      if (rule) return toAssignee(rule.assignTo);
      return config.default ? toAssignee(config.default) : null;
    }
  }
};

/** Whether an update that changed `changedFields` resolves the assignment again (field_match with reassignOnUpdate). */
export const reassignsOn = (
  config: AssignmentConfig | null | undefined,
  changedFields: readonly string[],
): boolean =>
  config?.type === 'field_match' && config.reassignOnUpdate === true && changedFields.includes(config.field);

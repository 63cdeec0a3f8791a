/** Specific codes of triggers and intents; each is the top-level `code` of the error it names. */
export const WorkflowDispatchErrorCodes = {
  /** A trigger is fired, or a record event matched, while its definition is not active. */
  WORKFLOW_DEFINITION_NOT_ACTIVE: 'WORKFLOW_DEFINITION_NOT_ACTIVE',
  /** A disabled trigger is fired by hand. */
  TRIGGER_DISABLED: 'TRIGGER_DISABLED',
  /** A trigger's configuration cannot work (a cron that does not parse, an unknown time zone). */
  INVALID_TRIGGER_CONFIG: 'INVALID_TRIGGER_CONFIG',
} as const;

export type WorkflowDispatchErrorCode =
  (typeof WorkflowDispatchErrorCodes)[keyof typeof WorkflowDispatchErrorCodes];

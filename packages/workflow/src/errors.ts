/** Specific codes of workflows; each is the top-level `code` of the error it names. */
export const WorkflowErrorCodes = {
  /** A definition, its steps or its lifecycle move is refused by its state (not a draft, not active …). */
  WORKFLOW_STATE_CONFLICT: 'WORKFLOW_STATE_CONFLICT',
  /** Activation found problems in the definition as a whole; every one is listed in details.problems. */
  WORKFLOW_DEFINITION_INVALID: 'WORKFLOW_DEFINITION_INVALID',
  /** A step's configuration does not fit its step type (a caller that skipped the HTTP schema). */
  WORKFLOW_STEP_CONFIG_INVALID: 'WORKFLOW_STEP_CONFIG_INVALID',
  /** A step a decision jumps to cannot be removed; details name the decision. */
  WORKFLOW_STEP_REFERENCED: 'WORKFLOW_STEP_REFERENCED',
  /** The approval is settled or closed: no further decision is taken. */
  APPROVAL_CLOSED: 'APPROVAL_CLOSED',
  /** The approver already decided this approval the other way; a decision is never changed. */
  APPROVAL_ALREADY_DECIDED: 'APPROVAL_ALREADY_DECIDED',
  /** The deciding user is not among the approval's approvers. */
  NOT_AN_APPROVER: 'NOT_AN_APPROVER',
  /** The execution is not paused on an approval, so it cannot be resumed. */
  EXECUTION_NOT_PAUSED: 'EXECUTION_NOT_PAUSED',
  /** A step could not do its work; recorded on the failed execution, thrown only by a deadline escalation. */
  STEP_FAILED: 'STEP_FAILED',
  /** An execution for this intent exists already (an intent starts one execution). */
  EXECUTION_EXISTS_FOR_INTENT: 'EXECUTION_EXISTS_FOR_INTENT',
} as const;

export type WorkflowErrorCode = (typeof WorkflowErrorCodes)[keyof typeof WorkflowErrorCodes];

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

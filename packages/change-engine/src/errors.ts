/** Specific codes of the change engine; each is the top-level `code` of the error it names. */
export const ChangeEngineErrorCodes = {
  /** A target or op names a record type that is not (or no longer) in the change's project (P1, P7). */
  RECORD_TYPE_NOT_IN_PROJECT: 'RECORD_TYPE_NOT_IN_PROJECT',
  /** A dry run, checkin or merge of a change that has no patch ops. */
  NO_OPS: 'NO_OPS',
  /** A dry run or merge failed graph validation or an op's transform; `details.errors` lists every error. */
  EXECUTION_FAILED: 'EXECUTION_FAILED',
  /** A skill's input schema is not a JSON Schema object (checked against the draft 2020-12 meta-schema). */
  AGENT_SKILL_SCHEMA_INVALID: 'AGENT_SKILL_SCHEMA_INVALID',
  /** An agent run names a skill that is not registered in the tenant or is disabled (AR3). */
  AGENT_SKILL_UNUSABLE: 'AGENT_SKILL_UNUSABLE',
  /** Accepting a proposal could not apply it (the target refused it); the proposal stays submitted (AP4). */
  PROPOSAL_APPLY_FAILED: 'PROPOSAL_APPLY_FAILED',
} as const;

export type ChangeEngineErrorCode = (typeof ChangeEngineErrorCodes)[keyof typeof ChangeEngineErrorCodes];

/** Codes an execution error (`details.errors[].code` of EXECUTION_FAILED) can carry, beside the graph's. */
export const EXECUTION_ERROR_CODES = [
  'NO_OPS',
  'RECORD_TYPE_NOT_IN_PROJECT',
  'BASE_TYPE_PROTECTED_FIELD',
  'FIELD_EXISTS',
  'FIELD_NOT_FOUND',
  'ANCHOR_NOT_FOUND',
  'CONFIG_FIELD_MISSING',
  'CONFIG_INVALID',
] as const;

/** Specific codes of the change engine; each is the top-level `code` of the error it names. */
export const ChangeEngineErrorCodes = {
  /** A target or op names a record type that is not (or no longer) in the change's project (P1, P7). */
  RECORD_TYPE_NOT_IN_PROJECT: 'RECORD_TYPE_NOT_IN_PROJECT',
  /** A dry run, checkin or merge of a change that has no patch ops. */
  NO_OPS: 'NO_OPS',
  /** A dry run or merge failed graph validation or an op's transform; `details.errors` lists every error. */
  EXECUTION_FAILED: 'EXECUTION_FAILED',
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

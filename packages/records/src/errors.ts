/** Specific codes of the data dictionary; each is the top-level `code` of the error it names. */
export const RecordsErrorCodes = {
  /** A record type's fields name one field twice, or redefine a field inherited from its base type. */
  DUPLICATE_FIELD: 'DUPLICATE_FIELD',
  /** A field is added to a record type that (or a type inheriting from which) already has one of that name. */
  FIELD_EXISTS: 'FIELD_EXISTS',
  /** A reference field names a record type outside the project, or a choice field a list the tenant lacks. */
  BINDING_TARGET_MISSING: 'BINDING_TARGET_MISSING',
  /** The base type named at creation exists only in another project of the tenant (P6). */
  BASE_TYPE_CROSS_PROJECT: 'BASE_TYPE_CROSS_PROJECT',
  /** The base type named at creation exists in no project of the tenant. */
  ORPHAN_BASE_TYPE: 'ORPHAN_BASE_TYPE',
  /** An assignment or SLA configuration names a field (field_match, pauseWhen, completeWhen) the type lacks. */
  CONFIG_FIELD_MISSING: 'CONFIG_FIELD_MISSING',
  /** An assignment or SLA configuration holds a blank user or group, an unknown time zone or empty hours. */
  CONFIG_INVALID: 'CONFIG_INVALID',
  /** A record's data does not fit its type's schema; `details` lists every refused field. */
  RECORD_INVALID: 'RECORD_INVALID',
  /** A record is created for a record type that is not active (draft or retired). */
  RECORD_TYPE_NOT_ACTIVE: 'RECORD_TYPE_NOT_ACTIVE',
  /** A record update names a version (body or If-Match) other than the record's current one. */
  RECORD_VERSION_CONFLICT: 'RECORD_VERSION_CONFLICT',
  /** A record is locked by a workflow execution: another execution or a caller outside it tried to lock or update it. */
  RECORD_LOCKED: 'RECORD_LOCKED',
} as const;

export type RecordsErrorCode = (typeof RecordsErrorCodes)[keyof typeof RecordsErrorCodes];

export {
  type AssignmentConfig,
  AssignmentConfigSchema,
  configSchemaProblems,
  type SlaConfig,
  SlaConfigSchema,
} from './config.js';
export { configProblems, type RecordTypeConfigs, sameConfig } from './core/configs.js';
export {
  FIELD_TYPES,
  type FieldDefinition,
  type FieldInput,
  type FieldType,
  normalizeField,
  RECORD_TYPE_STATUSES,
  type RecordTypeStatus,
  resolveEffectiveFields,
} from './core/fields.js';
export { type RecordsErrorCode, RecordsErrorCodes } from './errors.js';
/** @public What other packages receive of record writes: hooks in the write's transaction, and the workflow port. */
export type {
  CreateProbe,
  RecordInstancesPort,
  RecordInstancesPortOf,
  RecordWrite,
  RecordWriteHook,
} from './instances.js';
/** @public The record locks a workflow execution takes (its record_lock step) and releases when it ends. */
export {
  createRecordLocks,
  type LockRequest,
  lockRecord,
  type RecordLocks,
  releaseLocksOf,
} from './locks.js';
export { recordsMigrations } from './migrations/index.js';
/** @public The narrow interface other packages' write paths use (the change engine's merge). */
export type { RecordsLockPort, RecordsPort } from './port.js';
export { recordsLockPort, recordsPort } from './port.js';
export { forTenant as recordsRepo } from './repo/scoped.js';
export {
  ChoiceItemInputSchema,
  ChoiceItemSchema,
  ChoiceListSchema,
  type CreateChoiceListBody,
  CreateChoiceListBodySchema,
  type CreateRecordInstanceBody,
  CreateRecordInstanceBodySchema,
  type CreateRecordTypeBody,
  CreateRecordTypeBodySchema,
  FieldInputSchema,
  FieldSchema,
  type RecordInstance,
  RecordInstanceSchema,
  RecordTypeSchema,
  type UpdateRecordInstanceBody,
  UpdateRecordInstanceBodySchema,
  type UpdateRecordTypeConfigBody,
  UpdateRecordTypeConfigBodySchema,
} from './schemas.js';
export { createRecordsService, ownFieldsOf, type RecordsService } from './service.js';
export type { RecordsTables } from './tables.js';
export {
  ProcessTimersBodySchema,
  ProcessTimersResultSchema,
  RecordLockCheckSchema,
  RecordLockSchema,
  RecordTimerSchema,
} from './timer-schemas.js';
/** @public What the scheduler passes to processDueTimers, per tenant inside withTenant. */
export type { ProcessDueTimersOptions } from './timers.js';
export { createSlaTimers, type SlaTimers } from './timers.js';

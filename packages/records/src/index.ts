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
  type CreateRecordTypeBody,
  CreateRecordTypeBodySchema,
  FieldInputSchema,
  FieldSchema,
  RecordTypeSchema,
  type UpdateRecordTypeConfigBody,
  UpdateRecordTypeConfigBodySchema,
} from './schemas.js';
export { createRecordsService, ownFieldsOf, type RecordsService } from './service.js';
export type { RecordsTables } from './tables.js';

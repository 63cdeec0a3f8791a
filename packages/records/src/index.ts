export {
  type EffectiveField,
  FIELD_TYPES,
  type FieldDefinition,
  type FieldInput,
  type FieldType,
  IDENTIFIER_PATTERN,
  nextRecordTypeStatus,
  normalizeField,
  RECORD_TYPE_STATUSES,
  type RecordTypeStatus,
  resolveEffectiveFields,
} from './core/fields.js';
export { type RecordsErrorCode, RecordsErrorCodes } from './errors.js';
export { recordsMigrations } from './migrations/index.js';
export {
  forTenant as recordsRepo,
  type RecordLocks,
  type RecordsRepo,
  recordLocks,
  type SchemaUpdate,
} from './repo/scoped.js';
export {
  type ChoiceItem,
  type ChoiceItemInput,
  ChoiceItemInputSchema,
  ChoiceItemSchema,
  type ChoiceList,
  ChoiceListSchema,
  type CreateChoiceListBody,
  CreateChoiceListBodySchema,
  type CreateRecordTypeBody,
  CreateRecordTypeBodySchema,
  type Field,
  type FieldInputBody,
  FieldInputSchema,
  FieldSchema,
  type RecordType,
  RecordTypeSchema,
} from './schemas.js';
export { createRecordsService, ownFieldsOf, type RecordsDeps, type RecordsService } from './service.js';
export type { RecordsTables, RecordTypeRow, StoredSchema } from './tables.js';

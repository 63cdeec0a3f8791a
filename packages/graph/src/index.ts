export { canonicalJson, compareStrings, jsonEqual } from './core/compare.js';
export {
  FIELD_TYPES,
  type FieldDef,
  type FieldType,
  GRAPH_ERROR_CODES,
  type GraphErrorCode,
  type GraphSnapshot,
  type GraphValidationError,
  isFieldType,
  RECORD_TYPE_STATUSES,
  type RecordTypeNode,
  type RecordTypeStatus,
} from './core/contracts.js';
export {
  type DiffOptions,
  diffSnapshots,
  type FieldChange,
  type FieldRename,
  type FieldRenames,
  fieldChanges,
  type GraphDiff,
  type RecordTypeDiff,
} from './core/diff.js';
export { findRecordType, type GraphIndex, indexGraph } from './core/graph-index.js';
export { type EffectiveField, effectiveFields, isWeakening, protectedFieldsOf } from './core/inheritance.js';
export {
  compareErrors,
  validateBaseTypeSameProject,
  validateBindingTargetsExist,
  validateFieldUniquenessPerRecordType,
  validateGraph,
  validateNoCyclesInBaseType,
  validateNoOrphanRecordTypes,
} from './core/validate.js';
export { readGraphSnapshot, validateTenantGraph } from './repo/snapshot.js';

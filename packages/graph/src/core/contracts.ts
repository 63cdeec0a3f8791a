// The graph contracts: a typed, read-only overlay on a tenant's data dictionary. Nothing here owns a
// table; the repo code builds a GraphSnapshot from the records tables and the functions of this package
// read it.

import {
  type AssignmentConfig,
  FIELD_TYPES,
  type FieldDefinition,
  type FieldType,
  RECORD_TYPE_STATUSES,
  type RecordTypeStatus,
  type SlaConfig,
} from '@ec3l/records';

// Field types, fields and statuses are the data dictionary's own (D8): one definition, here re-exported.
export { FIELD_TYPES, type FieldType, RECORD_TYPE_STATUSES };

/** A field as the graph sees it: exactly a record type's stored field. */
export type FieldDef = FieldDefinition;

export type RecordTypeNode = {
  id: string;
  projectId: string;
  /** Unique within the project (D2): (projectId, key) identifies a record type. */
  key: string;
  name: string;
  /** Key of a record type in the same project (P6), or null. */
  baseType: string | null;
  status: RecordTypeStatus;
  version: number;
  /** Own fields only, in declaration order. */
  fields: FieldDef[];
  /** Who new records go to; absent reads as null (unrouted). */
  assignmentConfig?: AssignmentConfig | null;
  /** The service level its records are held to; absent reads as null (untimed). */
  slaConfig?: SlaConfig | null;
};

export type GraphSnapshot = {
  recordTypes: RecordTypeNode[];
  /** Ids of the tenant's choice lists. */
  choiceListIds: string[];
};

export const GRAPH_ERROR_CODES = [
  'ORPHAN_BASE_TYPE',
  'BASE_TYPE_CYCLE',
  'BASE_TYPE_CROSS_PROJECT',
  'DUPLICATE_FIELD',
  'BINDING_TARGET_MISSING',
] as const;
export type GraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

export type GraphValidationError = {
  code: GraphErrorCode;
  projectId: string;
  recordTypeKey: string;
  /** Present when the error is about one field. */
  field?: string;
  message: string;
};

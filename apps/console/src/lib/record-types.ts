import type { Schemas } from '@ec3l/sdk';
import {
  type FieldDraft,
  type FieldDraftKey,
  fieldDraftErrors,
  identifierProblem,
  toFieldInput,
} from './fields';
import type { ActionGate } from './permissions';

/** Record types: the create form, field counts and the lifecycle's actions (pure, no DOM). */

export type RecordType = Schemas['RecordType'];
export type RecordTypeStatus = RecordType['status'];
export type CreateRecordTypeBody = Schemas['CreateRecordTypeBody'];
export type UpdateRecordTypeConfigBody = Schemas['UpdateRecordTypeConfigBody'];

export const RECORD_TYPE_TONES: Record<RecordTypeStatus, 'neutral' | 'emerald' | 'amber'> = {
  draft: 'neutral',
  active: 'emerald',
  retired: 'amber',
};

export type RecordTypeFormValues = { key: string; name: string; baseType: string; fields: FieldDraft[] };

export const EMPTY_RECORD_TYPE_FORM: RecordTypeFormValues = { key: '', name: '', baseType: '', fields: [] };

/** Form errors: `key`, `name`, `fields` (the rows as a whole) and `fields.<row>.<input>` per row. */
export type RecordTypeFormErrors = Partial<Record<string, string>>;

export const fieldRowErrorKey = (row: number, input: FieldDraftKey) => `fields.${row}.${input}`;

/** The checks the client can make: key and field names in lower snake case, a name, no repeated field. */
export const validateRecordTypeForm = (values: RecordTypeFormValues): RecordTypeFormErrors => {
  const errors: RecordTypeFormErrors = {};
  const key = identifierProblem(values.key, 'Key');
  if (key) errors.key = key;
  if (values.name.trim() === '') errors.name = 'Name is required';
  const seen = new Set<string>();
  values.fields.forEach((field, row) => {
    for (const [input, message] of Object.entries(fieldDraftErrors(field))) {
      errors[fieldRowErrorKey(row, input as FieldDraftKey)] = message;
    }
    const name = field.name.trim();
    if (name && seen.has(name)) errors[fieldRowErrorKey(row, 'name')] = `Field ${name} is listed twice`;
    seen.add(name);
  });
  return errors;
};

/** POST /api/record-types: trimmed values, no base type when none is picked, fields only when there are some. */
export const toCreateRecordTypeBody = (
  projectId: string,
  values: RecordTypeFormValues,
): CreateRecordTypeBody => {
  const body: CreateRecordTypeBody = { projectId, key: values.key.trim(), name: values.name.trim() };
  if (values.baseType) body.baseType = values.baseType;
  if (values.fields.length > 0) body.fields = values.fields.map(toFieldInput);
  return body;
};

/** How many effective fields a record type has, and how many of them come from its base types. */
export const countFields = (recordType: Pick<RecordType, 'schema'>): { total: number; inherited: number } => {
  const fields = recordType.schema.fields;
  return { total: fields.length, inherited: fields.filter((f) => f.inherited).length };
};

export type RecordTypeActions = {
  activate: ActionGate;
  retire: ActionGate;
  editConfig: ActionGate;
  addField: ActionGate;
};

/** draft → active → retired (a draft may be retired unused); fields are added directly only to a draft. */
export const recordTypeActions = (status: RecordTypeStatus): RecordTypeActions => ({
  activate:
    status === 'draft'
      ? { allowed: true, reason: undefined }
      : { allowed: false, reason: `Only a draft can be activated; this one is ${status}` },
  retire:
    status === 'retired'
      ? { allowed: false, reason: 'Already retired' }
      : { allowed: true, reason: undefined },
  editConfig:
    status === 'draft'
      ? { allowed: true, reason: undefined }
      : {
          allowed: false,
          reason:
            status === 'active'
              ? 'An active type changes its assignment and SLA through change records (set_assignment, set_sla)'
              : 'A retired record type takes no more changes',
        },
  addField:
    status === 'draft'
      ? { allowed: true, reason: undefined }
      : {
          allowed: false,
          reason:
            status === 'active'
              ? 'Active schemas change through change records'
              : 'A retired record type takes no new fields',
        },
});

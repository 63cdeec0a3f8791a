import { invalid, isIdentifier } from '@ec3l/kernel';
import {
  type AssignmentConfig,
  configProblems,
  configSchemaProblems,
  type FieldDefinition,
  type FieldInput,
  normalizeField,
  type SlaConfig,
} from '@ec3l/records';
import type { OpPayload } from './ops.js';

/**
 * Checks an op's payload and returns it normalised (fields get all their properties); a payload that
 * does not fit its op is a 400 naming the payload's property. Pure: which fields exist is the
 * executor's question.
 */
export const parsePayload = (opType: OpPayload['opType'], payload: Record<string, unknown>): OpPayload => {
  const name = (value: unknown, what: string): string => {
    if (typeof value !== 'string' || !isIdentifier(value)) {
      throw invalid(`${what} must be a field name (lower snake case)`, { field: `payload.${what}` });
    }
    return value;
  };
  const only = (keys: string[]) => {
    const extra = Object.keys(payload).filter((k) => !keys.includes(k));
    if (extra.length > 0) throw invalid(`${opType} does not take ${extra.join(', ')}`, { field: 'payload' });
  };
  const field = (): FieldDefinition => {
    const input = payload.field;
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw invalid(`${opType} needs payload.field`, { field: 'payload.field' });
    }
    return normalizeField(input as FieldInput);
  };
  switch (opType) {
    case 'add_field': {
      only(['field', 'after']);
      const after = payload.after;
      return {
        opType,
        payload: {
          field: field(),
          ...(after === undefined ? {} : { after: after === null ? null : name(after, 'after') }),
        },
      };
    }
    case 'set_field':
      only(['field']);
      return { opType, payload: { field: field() } };
    case 'remove_field':
      only(['fieldName']);
      return { opType, payload: { fieldName: name(payload.fieldName, 'fieldName') } };
    case 'rename_field': {
      only(['from', 'to']);
      const from = name(payload.from, 'from');
      const to = name(payload.to, 'to');
      if (from === to) throw invalid('rename_field needs two different names', { field: 'payload.to' });
      return { opType, payload: { from, to } };
    }
    case 'set_assignment':
    case 'set_sla': {
      only(['config']);
      const kind = opType === 'set_sla' ? 'sla' : 'assignment';
      const config = payload.config;
      const shape = config === undefined ? ['/ is required'] : configSchemaProblems(kind, config);
      if (shape.length > 0) {
        throw invalid(
          `${opType} needs payload.config, a ${kind} configuration or null: ${shape.join('; ')}`,
          {
            field: 'payload.config',
          },
        );
      }
      // Which fields exist is the executor's question (another op of the change may add one); the
      // values themselves are checked now.
      const configs =
        opType === 'set_sla'
          ? { assignmentConfig: null, slaConfig: config as SlaConfig | null }
          : { assignmentConfig: config as AssignmentConfig | null, slaConfig: null };
      const [bad] = configProblems(configs, null);
      if (bad)
        throw invalid(bad.message, { field: `payload.config${bad.path.slice(bad.path.indexOf('.'))}` });
      return opType === 'set_sla'
        ? { opType, payload: { config: configs.slaConfig } }
        : { opType, payload: { config: configs.assignmentConfig } };
    }
  }
};

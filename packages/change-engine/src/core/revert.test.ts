import type { FieldDefinition } from '@ec3l/records';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps } from './ops.js';
import { restoreOps } from './revert.js';

const arbField = fc
  .record({
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    type: fc.constantFrom('string' as const, 'number' as const),
    required: fc.boolean(),
  })
  .map(
    (x): FieldDefinition => ({
      ...x,
      label: null,
      defaultValue: null,
      choiceListId: null,
      referenceRecordTypeKey: null,
    }),
  );
const arbFields = fc.uniqueArray(arbField, { selector: (f) => f.name, maxLength: 6 });

describe('restoreOps', () => {
  it('turns any schema into any other exactly, order included, with no two ops alike', () => {
    fc.assert(
      fc.property(arbFields, arbFields, (current, target) => {
        const ops = restoreOps(current, target);
        const result = applyOps(current, ops, new Map());
        expect('fields' in result && result.fields).toEqual(target);
        const keys = ops.map((op) => JSON.stringify(op));
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });

  it('is empty when nothing differs', () => {
    fc.assert(
      fc.property(arbFields, (fields) => {
        expect(restoreOps(fields, fields)).toEqual([]);
      }),
    );
  });
});

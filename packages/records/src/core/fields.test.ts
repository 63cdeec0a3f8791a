import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FieldDefinition,
  nextRecordTypeStatus,
  normalizeField,
  resolveEffectiveFields,
} from './fields.js';

const field = (name: string): FieldDefinition => normalizeField({ name, type: 'string' });

describe('normalizeField', () => {
  it('fills defaults and keeps bindings only where they belong', () => {
    expect(normalizeField({ name: 'title', type: 'string' })).toEqual({
      name: 'title',
      type: 'string',
      label: null,
      required: false,
      defaultValue: null,
      choiceListId: null,
      referenceRecordTypeKey: null,
    });
    expect(
      normalizeField({ name: 'owner', type: 'reference', referenceRecordTypeKey: 'person' })
        .referenceRecordTypeKey,
    ).toBe('person');
  });

  it('D8: rejects unknown types, bad names and missing or misplaced bindings', () => {
    expect(() => normalizeField({ name: 'x', type: 'money' as never })).toThrow(/not one of/);
    expect(() => normalizeField({ name: 'Bad Name', type: 'string' })).toThrow(/lower snake case/);
    expect(() => normalizeField({ name: 'status', type: 'choice' })).toThrow(/needs a choiceListId/);
    expect(() => normalizeField({ name: 'owner', type: 'reference' })).toThrow(
      /needs a referenceRecordTypeKey/,
    );
    expect(() => normalizeField({ name: 'n', type: 'number', choiceListId: 'x' })).toThrow(
      /only choice fields/,
    );
  });
});

describe('resolveEffectiveFields', () => {
  it('lists the base chain first and marks inherited fields', () => {
    const byKey = new Map([
      ['task', { key: 'task', baseType: null, fields: [field('number')] }],
      ['incident', { key: 'incident', baseType: 'task', fields: [field('severity')] }],
    ]);
    expect(
      resolveEffectiveFields('incident', byKey).map((f) => [f.name, f.inherited, f.inheritedFrom]),
    ).toEqual([
      ['number', true, 'task'],
      ['severity', false, null],
    ]);
  });

  it('terminates on cycles and orphans, for any graph', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b', 'c', 'd'),
            baseType: fc.option(fc.constantFrom('a', 'b', 'c', 'e')),
          }),
        ),
        (types) => {
          const byKey = new Map(types.map((t) => [t.key, { ...t, fields: [field(`f_${t.key}`)] }]));
          for (const key of byKey.keys())
            expect(resolveEffectiveFields(key, byKey).length).toBeLessThanOrEqual(byKey.size);
        },
      ),
    );
  });
});

describe('record type lifecycle', () => {
  it('goes draft → active → retired and nowhere else', () => {
    expect(nextRecordTypeStatus('draft', 'activate')).toBe('active');
    expect(nextRecordTypeStatus('active', 'retire')).toBe('retired');
    expect(nextRecordTypeStatus('draft', 'retire')).toBe('retired');
    expect(nextRecordTypeStatus('active', 'activate')).toEqual({ error: expect.any(String) });
    expect(nextRecordTypeStatus('retired', 'activate')).toEqual({ error: expect.any(String) });
    expect(nextRecordTypeStatus('retired', 'retire')).toEqual({ error: expect.any(String) });
  });
});

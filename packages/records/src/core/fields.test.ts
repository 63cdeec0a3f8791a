import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  baseChainOf,
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

type Shape = { key: string; baseType: string | null; fields: FieldDefinition[] };
const types = (...shapes: [key: string, baseType: string | null, fields: string[]][]) =>
  new Map<string, Shape>(
    shapes.map(([key, baseType, names]) => [key, { key, baseType, fields: names.map(field) }]),
  );
const view = (fields: readonly { name: string; inherited: boolean; inheritedFrom: string | null }[]) =>
  fields.map((f) => `${f.name}${f.inherited ? `<${f.inheritedFrom}` : ''}`);

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

  it("lists the root base type's fields first, then each derived type's in declaration order, own fields last", () => {
    const byKey = types(
      ['incident', 'task', ['severity']],
      ['base', null, ['id', 'created']],
      ['task', 'base', ['title']],
    );
    expect(view(resolveEffectiveFields('incident', byKey))).toEqual([
      'id<base',
      'created<base',
      'title<task',
      'severity',
    ]);
  });

  it('copies the field definitions without touching the types', () => {
    const byKey = types(['base', null, ['id']], ['task', 'base', ['title']]);
    expect(resolveEffectiveFields('task', byKey)[1]).toEqual({
      ...field('title'),
      inherited: false,
      inheritedFrom: null,
    });
    expect(byKey.get('task')!.fields[0]).not.toHaveProperty('inherited');
  });

  it('an unknown record type has no fields', () => {
    expect(resolveEffectiveFields('nope', types(['task', null, ['title']]))).toEqual([]);
  });

  it('stops at a missing base type', () => {
    const byKey = types(['a', 'gone', ['a1']], ['b', 'a', ['b1']]);
    expect(view(resolveEffectiveFields('b', byKey))).toEqual(['a1<a', 'b1']);
  });

  it('stops before a cycle: a type on it inherits nothing, a type below it only what is between it and the cycle', () => {
    const byKey = types(
      ['a', 'b', ['a1']],
      ['b', 'a', ['b1']],
      ['self', 'self', ['s1']],
      ['mid', 'a', ['m1']],
      ['leaf', 'mid', ['l1']],
    );
    expect(view(resolveEffectiveFields('a', byKey))).toEqual(['a1']);
    expect(view(resolveEffectiveFields('b', byKey))).toEqual(['b1']);
    expect(view(resolveEffectiveFields('self', byKey))).toEqual(['s1']);
    expect(view(resolveEffectiveFields('mid', byKey))).toEqual(['m1']);
    expect(view(resolveEffectiveFields('leaf', byKey))).toEqual(['m1<mid', 'l1']);
  });

  it('keeps a name declared twice along the chain (DUPLICATE_FIELD refuses it) rather than hiding one', () => {
    const byKey = types(['a', null, ['x']], ['b', 'a', ['x']]);
    expect(view(resolveEffectiveFields('b', byKey))).toEqual(['x<a', 'x']);
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

  it('never inherits from a type on a cycle, nor lists a type twice, wherever the chain enters it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
            baseType: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')),
          }),
        ),
        (shapes) => {
          const byKey = new Map<string, Shape>(
            shapes.map((t) => [t.key, { ...t, fields: [field(`f_${t.key}`)] }]),
          );
          // A type is on a cycle when following base types from it comes back to it.
          const onCycle = (key: string) => {
            let next = byKey.get(key)?.baseType ?? null;
            for (let steps = 0; next !== null && steps < byKey.size; steps++) {
              if (next === key) return true;
              next = byKey.get(next)?.baseType ?? null;
            }
            return false;
          };
          for (const key of byKey.keys()) {
            const fields = resolveEffectiveFields(key, byKey);
            const from = fields.flatMap((f) => (f.inheritedFrom ? [f.inheritedFrom] : []));
            expect(new Set(from).size).toBe(from.length);
            expect(from.filter(onCycle)).toEqual([]);
            expect(fields.filter((f) => !f.inherited).map((f) => f.name)).toEqual([`f_${key}`]);
            if (onCycle(key)) expect(from).toEqual([]);
          }
        },
      ),
    );
  });
});

describe('baseChainOf', () => {
  it('lists the base types nearest first, fields or not, and none before a cycle', () => {
    const byKey = types(
      ['root', null, []],
      ['task', 'root', []],
      ['incident', 'task', ['severity']],
      ['a', 'b', []],
      ['b', 'a', []],
      ['below', 'a', []],
    );
    expect(baseChainOf('incident', byKey).map((t) => t.key)).toEqual(['task', 'root']);
    expect(baseChainOf('root', byKey)).toEqual([]);
    expect(baseChainOf('nope', byKey)).toEqual([]);
    expect(baseChainOf('a', byKey)).toEqual([]);
    expect(baseChainOf('below', byKey)).toEqual([]);
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

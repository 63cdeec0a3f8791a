import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Condition, conditionProblems, evaluateCondition, jsonEqual } from './condition.js';
import { renderTemplate } from './template.js';

const scope = {
  input: { amount: 150, tags: ['a'], nested: { level: 2 } },
  record: { priority: 'high', owner: null },
};

const json = fc.jsonValue();
const field = fc.constantFrom(
  'input.amount',
  'input.tags',
  'input.nested.level',
  'record.priority',
  'record.owner',
  'record.missing',
);
const comparison: fc.Arbitrary<Condition> = fc.record({
  field,
  op: fc.constantFrom('eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'exists'),
  value: fc.oneof(json, fc.array(json)),
}) as fc.Arbitrary<Condition>;
const condition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({ all: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('c'), { maxLength: 3 }) }),
    fc.record({ not: tie('c') }),
  ),
})).c;
const scopes = fc.record({
  input: fc.dictionary(fc.string(), json),
  record: fc.dictionary(fc.string(), json),
});

describe('condition language', () => {
  it('compares fields of input and record', () => {
    expect(evaluateCondition({ field: 'input.amount', op: 'gt', value: 100 }, scope)).toBe(true);
    expect(evaluateCondition({ field: 'input.amount', op: 'lte', value: 100 }, scope)).toBe(false);
    expect(evaluateCondition({ field: 'record.priority', op: 'in', value: ['high', 'urgent'] }, scope)).toBe(
      true,
    );
    expect(evaluateCondition({ field: 'input.nested.level', op: 'eq', value: 2 }, scope)).toBe(true);
    expect(evaluateCondition({ field: 'input.tags', op: 'eq', value: ['a'] }, scope)).toBe(true);
    expect(evaluateCondition({ field: 'record.owner', op: 'exists' }, scope)).toBe(false);
    expect(evaluateCondition({ field: 'record.missing', op: 'eq', value: null }, scope)).toBe(false);
    expect(evaluateCondition({ field: 'input.amount', op: 'gt', value: '100' }, scope)).toBe(false);
    expect(
      evaluateCondition(
        {
          all: [
            { field: 'input.amount', op: 'gte', value: 150 },
            { not: { field: 'record.priority', op: 'eq', value: 'low' } },
          ],
        },
        scope,
      ),
    ).toBe(true);
    expect(evaluateCondition({ any: [] }, scope)).toBe(false);
    expect(evaluateCondition({ all: [] }, scope)).toBe(true);
  });

  it('is total: any condition over any scope evaluates to a boolean without throwing', () => {
    fc.assert(fc.property(condition, scopes, (c, s) => typeof evaluateCondition(c, s) === 'boolean'));
  });

  it('not inverts, and all/any obey De Morgan', () => {
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 4 }), (cs) => {
        const all = evaluateCondition({ all: cs }, scope);
        expect(evaluateCondition({ not: { all: cs } }, scope)).toBe(!all);
        expect(evaluateCondition({ any: cs.map((c) => ({ not: c })) }, scope)).toBe(!all);
      }),
    );
  });

  it('eq and neq are complements on every field', () => {
    fc.assert(
      fc.property(field, json, (f, value) => {
        const eq = evaluateCondition({ field: f, op: 'eq', value }, scope);
        expect(evaluateCondition({ field: f, op: 'neq', value }, scope)).toBe(!eq);
      }),
    );
  });

  it('jsonEqual ignores key order and is reflexive', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    fc.assert(fc.property(json, (v) => jsonEqual(v, structuredClone(v))));
  });

  it('lists the problems a schema cannot see', () => {
    expect(
      conditionProblems({
        any: [
          { field: 'input.x', op: 'in', value: 3 },
          { field: 'input.y', op: 'gt' },
        ],
      }),
    ).toEqual(['condition.any[0]: op "in" needs an array value', 'condition.any[1]: op "gt" needs a value']);
    expect(conditionProblems({ field: 'input.x', op: 'exists' })).toEqual([]);
  });
});

describe('message templates', () => {
  it('replaces input and record placeholders and keeps other text', () => {
    expect(
      renderTemplate(
        '{{record.priority}} for {{ input.amount }}: {{input.nested}} {{input.none}}|{{other}}',
        scope,
      ),
    ).toBe('high for 150: {"level":2} |{{other}}');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeRules,
  CONDITION_OPS,
  type Condition,
  checkRecord,
  conditionFields,
  conditionProblems,
  evaluateCondition,
  evaluateForm,
  type FormFieldView,
  type FormRule,
  type FormRulesView,
  MAX_CONDITION_DEPTH,
} from './index.js';

const field = (name: string, flags: Partial<FormFieldView> = {}): FormFieldView => ({
  name,
  visible: true,
  required: false,
  readOnly: false,
  ...flags,
});
const rule = (r: Partial<FormRule> & Pick<FormRule, 'ruleType' | 'targetField'>): FormRule => ({
  condition: null,
  value: true,
  orderIndex: 0,
  status: 'active',
  ...r,
});

const FIELDS = ['a', 'b', 'c', 'd'];
const scalar = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -3, max: 3 }),
  fc.boolean(),
  fc.constant(null),
);
const leaf: fc.Arbitrary<Condition> = fc.record(
  {
    field: fc.constantFrom(...FIELDS),
    op: fc.constantFrom(...CONDITION_OPS),
    value: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
  },
  { requiredKeys: ['field', 'op'] },
);
const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
}));
const ruleArb: fc.Arbitrary<FormRule> = fc.record({
  ruleType: fc.constantFrom('visible' as const, 'required' as const, 'readOnly' as const),
  targetField: fc.constantFrom(...FIELDS),
  condition: fc.option(condition, { nil: null }),
  value: fc.boolean(),
  orderIndex: fc.integer({ min: 0, max: 5 }),
  status: fc.constantFrom('active' as const, 'disabled' as const),
});
const fieldArb = (name: string) =>
  fc.record({
    name: fc.constant(name),
    visible: fc.boolean(),
    required: fc.boolean(),
    readOnly: fc.boolean(),
    requiredByDefinition: fc.boolean(),
  });
const formArb: fc.Arbitrary<FormRulesView> = fc.record({
  fields: fc.tuple(...FIELDS.map(fieldArb)),
  rules: fc.array(ruleArb, { maxLength: 8 }),
});
const dataArb = fc.dictionary(
  fc.constantFrom(...FIELDS, '__proto__', 'constructor'),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('evaluateCondition', () => {
  it('null always holds', () => {
    expect(evaluateCondition(null, {})).toBe(true);
  });

  it('is total: any condition on any data answers a boolean and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(condition, fc.anything() as fc.Arbitrary<Condition>), fc.anything(), (c, data) => {
        expect(typeof evaluateCondition(c, data as Record<string, unknown>)).toBe('boolean');
      }),
    );
  });

  it('not negates, and all/any agree with every/some of their members', () => {
    fc.assert(
      fc.property(fc.array(condition, { maxLength: 4 }), dataArb, (items, data) => {
        const each = items.map((c) => evaluateCondition(c, data));
        expect(evaluateCondition({ all: items }, data)).toBe(each.every(Boolean));
        expect(evaluateCondition({ any: items }, data)).toBe(each.some(Boolean));
        for (const [i, c] of items.entries()) expect(evaluateCondition({ not: c }, data)).toBe(!each[i]);
      }),
    );
  });

  it('neq, notIn and notEmpty are the negations of eq, in and empty', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIELDS),
        fc.oneof(scalar, fc.array(scalar)),
        dataArb,
        (name, value, data) => {
          const of = (op: Condition & { op: unknown }) => evaluateCondition(op, data);
          expect(of({ field: name, op: 'neq', value })).toBe(!of({ field: name, op: 'eq', value }));
          expect(of({ field: name, op: 'notIn', value })).toBe(!of({ field: name, op: 'in', value }));
          expect(of({ field: name, op: 'notEmpty' })).toBe(!of({ field: name, op: 'empty' }));
        },
      ),
    );
  });

  it('never reads inherited properties: a field named __proto__ or constructor is missing unless set', () => {
    expect(evaluateCondition({ field: 'constructor', op: 'empty' }, {})).toBe(true);
    expect(evaluateCondition({ field: '__proto__', op: 'notEmpty' }, {})).toBe(false);
    expect(evaluateCondition({ field: 'toString', op: 'eq', value: null }, {})).toBe(true);
  });

  it('lists the fields a condition reads, each once', () => {
    expect(
      conditionFields({
        all: [
          { field: 'a', op: 'eq', value: 1 },
          {
            not: {
              any: [
                { field: 'b', op: 'empty' },
                { field: 'a', op: 'gt', value: 2 },
              ],
            },
          },
        ],
      }),
    ).toEqual(['a', 'b']);
  });

  it('refuses a comparison without a value and a condition of too many nodes', () => {
    expect(conditionProblems({ field: 'a', op: 'gt' })).toEqual(['the gt comparison on a needs a value']);
    expect(conditionProblems({ field: 'a', op: 'empty' })).toEqual([]);
    const wide: Condition = {
      all: Array.from({ length: 20 }, () => ({
        any: Array.from({ length: 5 }, () => ({ field: 'a', op: 'empty' as const })),
      })),
    };
    expect(conditionProblems(wide)[0]).toMatch(/at most 100/);
    expect(MAX_CONDITION_DEPTH).toBe(4);
  });
});

describe('evaluateForm', () => {
  it('F1: a field required by its definition is required whatever the rules and the data', () => {
    fc.assert(
      fc.property(formArb, dataArb, (form, data) => {
        const states = evaluateForm(form, data);
        for (const f of form.fields) if (f.requiredByDefinition) expect(states[f.name]?.required).toBe(true);
      }),
    );
  });

  it('F2: the later matching rule wins (orderIndex, then list position)', () => {
    fc.assert(
      fc.property(formArb, dataArb, (form, data) => {
        const states = evaluateForm(form, data);
        for (const f of form.fields) {
          for (const type of ['visible', 'required', 'readOnly'] as const) {
            const matching = form.rules
              .map((r, i) => ({ r, i }))
              .filter(({ r }) => r.status === 'active' && r.targetField === f.name && r.ruleType === type)
              .filter(({ r }) => evaluateCondition(r.condition, data))
              .sort((x, y) => x.r.orderIndex - y.r.orderIndex || x.i - y.i);
            const last = matching.at(-1);
            let expected = last ? last.r.value : f[type];
            if (type === 'required' && f.requiredByDefinition) expected = true;
            expect(states[f.name]?.[type]).toBe(expected);
          }
        }
      }),
    );
  });

  it('is total: any form of these shapes on any data gives a state for every field', () => {
    fc.assert(
      fc.property(formArb, fc.anything(), (form, data) => {
        const states = evaluateForm(form, data as Record<string, unknown>);
        expect(Object.keys(states).sort()).toEqual([...FIELDS].sort());
      }),
    );
  });
});

describe('checkRecord', () => {
  const form: FormRulesView = {
    fields: [field('status'), field('reason', { label: 'Reason' }), field('code', { readOnly: true })],
    rules: [
      rule({
        ruleType: 'required',
        targetField: 'reason',
        condition: { field: 'status', op: 'eq', value: 'rejected' },
      }),
    ],
  };

  it('reports a conditionally required field left empty, with a message naming it', () => {
    expect(checkRecord(form, { data: { status: 'rejected' } })).toEqual([
      { field: 'reason', rule: 'required', message: 'Reason is required' },
    ]);
    expect(checkRecord(form, { data: { status: 'open' } })).toEqual([]);
  });

  it('reports a read-only field set on create or changed on update, not one kept', () => {
    expect(checkRecord(form, { data: { code: 'A' } }).map((v) => v.rule)).toEqual(['readOnly']);
    expect(checkRecord(form, { data: { code: 'A' }, previous: { code: 'A' } })).toEqual([]);
    expect(checkRecord(form, { data: { code: 'B' }, previous: { code: 'A' } }).map((v) => v.field)).toEqual([
      'code',
    ]);
  });

  it('F3: a write that changes nothing never violates read-only', () => {
    fc.assert(
      fc.property(formArb, dataArb, (f, data) => {
        expect(checkRecord(f, { data, previous: data }).filter((v) => v.rule === 'readOnly')).toEqual([]);
      }),
    );
  });

  it('F4: every required violation is of a visible, required, empty field', () => {
    fc.assert(
      fc.property(formArb, dataArb, (f, data) => {
        const states = evaluateForm(f, data);
        for (const v of checkRecord(f, { data }).filter((x) => x.rule === 'required')) {
          expect(states[v.field]).toMatchObject({ visible: true, required: true });
          expect(evaluateCondition({ field: v.field, op: 'empty' }, data)).toBe(true);
        }
      }),
    );
  });
});

describe('analyzeRules', () => {
  it('finds nothing wrong with a sound form', () => {
    expect(analyzeRules(form())).toEqual([]);
  });

  it('reports rules on, and conditions reading, fields the form does not hold', () => {
    const problems = analyzeRules({
      fields: [field('a')],
      rules: [
        rule({ id: 'r1', ruleType: 'visible', targetField: 'ghost' }),
        rule({
          id: 'r2',
          ruleType: 'visible',
          targetField: 'a',
          condition: { field: 'phantom', op: 'empty' },
        }),
      ],
    });
    expect(problems).toMatchObject([
      { kind: 'unknownField', fields: ['ghost'], ruleIds: ['r1'] },
      { kind: 'unknownField', fields: ['phantom'], ruleIds: ['r2'] },
    ]);
  });

  it('reports a field that can be required while hidden, but not when the conditions exclude each other', () => {
    const cond = { field: 'kind', op: 'eq' as const, value: 'x' };
    const clash = analyzeRules({
      fields: [field('kind'), field('why')],
      rules: [
        rule({ id: 'req', ruleType: 'required', targetField: 'why', condition: cond }),
        rule({
          id: 'hide',
          ruleType: 'visible',
          targetField: 'why',
          value: false,
          condition: { field: 'kind', op: 'eq', value: 'y' },
          orderIndex: 1,
        }),
      ],
    });
    expect(clash).toEqual([]);
    const overlap = analyzeRules({
      fields: [field('kind'), field('why')],
      rules: [
        rule({ id: 'req', ruleType: 'required', targetField: 'why', condition: cond }),
        rule({
          id: 'hide',
          ruleType: 'visible',
          targetField: 'why',
          value: false,
          condition: { field: 'kind', op: 'neq', value: 'y' },
          orderIndex: 1,
        }),
      ],
    });
    expect(overlap).toMatchObject([{ kind: 'hiddenButRequired', fields: ['why'], ruleIds: ['req', 'hide'] }]);
    const negated = analyzeRules({
      fields: [field('kind'), field('why')],
      rules: [
        rule({ ruleType: 'required', targetField: 'why', condition: cond }),
        rule({
          ruleType: 'visible',
          targetField: 'why',
          value: false,
          condition: { not: cond },
          orderIndex: 1,
        }),
      ],
    });
    expect(negated).toEqual([]);
  });

  it('reports a definition-required field that a rule can hide', () => {
    expect(
      analyzeRules({
        fields: [field('title', { required: true, requiredByDefinition: true })],
        rules: [rule({ id: 'h', ruleType: 'visible', targetField: 'title', value: false })],
      }),
    ).toMatchObject([{ kind: 'hiddenButRequired', fields: ['title'], ruleIds: ['h'] }]);
  });

  it('reports cycles between rules, transitively, and not a rule reading its own field', () => {
    const problems = analyzeRules({
      fields: [field('a'), field('b'), field('c'), field('d')],
      rules: [
        rule({ id: 'ab', ruleType: 'visible', targetField: 'a', condition: { field: 'b', op: 'empty' } }),
        rule({ id: 'bc', ruleType: 'readOnly', targetField: 'b', condition: { field: 'c', op: 'empty' } }),
        rule({ id: 'ca', ruleType: 'required', targetField: 'c', condition: { field: 'a', op: 'notEmpty' } }),
        rule({ id: 'dd', ruleType: 'readOnly', targetField: 'd', condition: { field: 'd', op: 'notEmpty' } }),
      ],
    });
    expect(problems).toMatchObject([{ kind: 'cycle', fields: ['a', 'b', 'c'], ruleIds: ['ab', 'bc', 'ca'] }]);
  });

  it('reports a rule that a later rule with the same condition contradicts, and one making a definition-required field optional', () => {
    const cond = { field: 'x', op: 'empty' as const };
    const problems = analyzeRules({
      fields: [field('x'), field('y'), field('z', { required: true, requiredByDefinition: true })],
      rules: [
        rule({
          id: 'on',
          ruleType: 'readOnly',
          targetField: 'y',
          condition: cond,
          value: true,
          orderIndex: 1,
        }),
        rule({
          id: 'off',
          ruleType: 'readOnly',
          targetField: 'y',
          condition: cond,
          value: false,
          orderIndex: 2,
        }),
        rule({ id: 'opt', ruleType: 'required', targetField: 'z', value: false, orderIndex: 3 }),
      ],
    });
    expect(problems).toMatchObject([
      { kind: 'contradiction', fields: ['y'], ruleIds: ['on', 'off'] },
      { kind: 'contradiction', fields: ['z'], ruleIds: ['opt'] },
    ]);
  });

  it('is total: analysing any form never throws', () => {
    fc.assert(fc.property(formArb, (f) => void analyzeRules(f)));
  });
});

const form = (): FormRulesView => ({
  fields: [field('status'), field('reason'), field('code', { readOnly: true })],
  rules: [
    rule({
      ruleType: 'required',
      targetField: 'reason',
      condition: { field: 'status', op: 'eq', value: 'rejected' },
    }),
  ],
});

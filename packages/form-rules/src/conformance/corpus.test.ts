import { describe, expect, it } from 'vitest';
import { checkRecord, evaluateForm, type FieldState, type FormRulesView, type RecordData } from '../index.js';
import corpus from './corpus.json' with { type: 'json' };

type Case = {
  name: string;
  form: FormRulesView;
  data: RecordData;
  previous?: RecordData;
  expected: { violations: { field: string; rule: string }[]; states?: Record<string, FieldState> };
};

const cases = corpus.cases as unknown as Case[];

describe('form-rule conformance corpus', () => {
  it('holds at least 60 cases, each named once', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const violations = checkRecord(c.form, { data: c.data, ...(c.previous ? { previous: c.previous } : {}) });
    expect(violations.map(({ field, rule }) => ({ field, rule }))).toEqual(c.expected.violations);
    if (c.expected.states) {
      const states = evaluateForm(c.form, c.data);
      for (const [field, state] of Object.entries(c.expected.states)) expect(states[field]).toEqual(state);
    }
  });
});

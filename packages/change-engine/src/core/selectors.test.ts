import { describe, expect, it } from 'vitest';
import { selectorProblems, TARGET_TYPES } from './selectors.js';

const fitting = {
  record_type: { recordTypeKey: 'incident' },
  form: { recordTypeKey: 'incident', formName: 'Default' },
  workflow: { workflowDefinitionId: '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f' },
  rule: { ruleId: 'r-1' },
  script: { path: 'scripts/escalate.ts' },
  file: { path: 'docs/readme.md' },
} as const;

/** Asserts the selector has problems and every one of them is at `path`. */
const refusedAt = (problems: string[], path: string) => {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) expect(problem.startsWith(`${path} `)).toBe(true);
};

describe('selectorProblems (D9)', () => {
  it('accepts the selector of each target type', () => {
    expect(TARGET_TYPES).toEqual(Object.keys(fitting));
    for (const type of TARGET_TYPES) expect(selectorProblems(type, fitting[type])).toEqual([]);
  });

  it("refuses another type's selector, extra properties and bad values, naming where", () => {
    refusedAt(selectorProblems('form', fitting.record_type), '/formName');
    refusedAt(selectorProblems('record_type', { recordTypeKey: 'incident', extra: 1 }), '/extra');
    refusedAt(selectorProblems('record_type', { recordTypeKey: 'Incident' }), '/recordTypeKey');
    refusedAt(selectorProblems('workflow', { workflowDefinitionId: 'not-a-uuid' }), '/workflowDefinitionId');
    refusedAt(selectorProblems('script', { path: 'a\u0000b' }), '/path');
    refusedAt(selectorProblems('file', null), '/');
  });
});

import { describe, expect, it } from 'vitest';
import {
  describeField,
  EMPTY_FIELD_DRAFT,
  FIELD_TYPES,
  fieldDraftErrors,
  identifierProblem,
  toFieldInput,
} from './fields';

describe('FIELD_TYPES', () => {
  it('offers the eight field types', () => {
    expect([...FIELD_TYPES].sort()).toEqual(
      ['boolean', 'choice', 'date', 'datetime', 'number', 'reference', 'string', 'text'].sort(),
    );
  });
});

describe('identifierProblem', () => {
  it('accepts lower snake case and explains anything else', () => {
    expect(identifierProblem(' incident_2 ', 'Key')).toBeNull();
    expect(identifierProblem('', 'Key')).toBe('Key is required');
    expect(identifierProblem('Incident', 'Key')).toMatch(/^Key must be lower snake case/);
    expect(identifierProblem('2nd', 'Key')).toMatch(/lower snake case/);
    expect(identifierProblem(`a${'b'.repeat(63)}`, 'Key')).toMatch(/at most 63/);
  });
});

describe('fieldDraftErrors and toFieldInput', () => {
  it('needs a choice list for a choice field and a key for a reference field', () => {
    expect(fieldDraftErrors({ ...EMPTY_FIELD_DRAFT, name: 'severity', type: 'choice' })).toEqual({
      choiceListId: 'A choice field needs a choice list',
    });
    expect(fieldDraftErrors({ ...EMPTY_FIELD_DRAFT, name: 'parent', type: 'reference' })).toEqual({
      referenceRecordTypeKey: 'Referenced record type is required',
    });
    expect(fieldDraftErrors({ ...EMPTY_FIELD_DRAFT, name: 'title' })).toEqual({});
  });

  it('trims, leaves a blank label out and drops bindings the type does not use', () => {
    expect(
      toFieldInput({
        name: ' title ',
        type: 'string',
        label: '  ',
        required: true,
        choiceListId: 'stale',
        referenceRecordTypeKey: 'stale',
      }),
    ).toEqual({ name: 'title', type: 'string', required: true });
  });
});

describe('describeField', () => {
  it('says the type, the binding, whether it is required and its label', () => {
    expect(describeField({ type: 'number', required: true, label: 'Priority' })).toBe(
      'number, required, label “Priority”',
    );
    expect(describeField({ type: 'reference', referenceRecordTypeKey: 'incident' })).toBe(
      'reference → incident',
    );
    expect(
      describeField({ type: 'choice', choiceListId: 'l1' }, (id) => (id === 'l1' ? 'Priorities' : undefined)),
    ).toBe('choice from Priorities');
    expect(describeField({ type: 'choice', choiceListId: 'l2' })).toBe('choice from a choice list');
  });
});

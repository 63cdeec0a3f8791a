import { describe, expect, it } from 'vitest';
import { EMPTY_FIELD_DRAFT } from './fields';
import {
  countFields,
  EMPTY_RECORD_TYPE_FORM,
  recordTypeActions,
  toCreateRecordTypeBody,
  validateRecordTypeForm,
} from './record-types';

describe('validateRecordTypeForm', () => {
  it('needs a snake case key and a name', () => {
    expect(validateRecordTypeForm(EMPTY_RECORD_TYPE_FORM)).toEqual({
      key: 'Key is required',
      name: 'Name is required',
    });
  });

  it('checks every field row and refuses a name listed twice', () => {
    const errors = validateRecordTypeForm({
      key: 'incident',
      name: 'Incident',
      baseType: '',
      fields: [
        { ...EMPTY_FIELD_DRAFT, name: 'title' },
        { ...EMPTY_FIELD_DRAFT, name: 'severity', type: 'choice' },
        { ...EMPTY_FIELD_DRAFT, name: 'title' },
      ],
    });
    expect(errors).toEqual({
      'fields.1.choiceListId': 'A choice field needs a choice list',
      'fields.2.name': 'Field title is listed twice',
    });
  });
});

describe('toCreateRecordTypeBody', () => {
  it('sends the base type and fields only when there are some', () => {
    expect(
      toCreateRecordTypeBody('p1', { key: ' incident ', name: ' Incident ', baseType: '', fields: [] }),
    ).toEqual({
      projectId: 'p1',
      key: 'incident',
      name: 'Incident',
    });
    expect(
      toCreateRecordTypeBody('p1', {
        key: 'major_incident',
        name: 'Major incident',
        baseType: 'incident',
        fields: [{ ...EMPTY_FIELD_DRAFT, name: 'impact', type: 'text' }],
      }),
    ).toEqual({
      projectId: 'p1',
      key: 'major_incident',
      name: 'Major incident',
      baseType: 'incident',
      fields: [{ name: 'impact', type: 'text', required: false }],
    });
  });
});

describe('countFields', () => {
  it('counts the effective fields and the inherited ones among them', () => {
    const field = (name: string, inherited: boolean) => ({
      name,
      type: 'string' as const,
      label: null,
      required: false,
      defaultValue: null,
      choiceListId: null,
      referenceRecordTypeKey: null,
      inherited,
      inheritedFrom: inherited ? 'task' : null,
    });
    expect(
      countFields({ schema: { fields: [field('a', true), field('b', true), field('c', false)] } }),
    ).toEqual({
      total: 3,
      inherited: 2,
    });
  });
});

describe('recordTypeActions', () => {
  it('activates drafts only, retires anything not yet retired, adds fields and edits configuration on drafts only', () => {
    expect(recordTypeActions('draft')).toEqual({
      activate: { allowed: true, reason: undefined },
      retire: { allowed: true, reason: undefined },
      editConfig: { allowed: true, reason: undefined },
      addField: { allowed: true, reason: undefined },
    });
    const active = recordTypeActions('active');
    expect(active.activate.allowed).toBe(false);
    expect(active.retire.allowed).toBe(true);
    expect(active.addField).toEqual({
      allowed: false,
      reason: 'Active schemas change through change records',
    });
    expect(active.editConfig).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('change records'),
    });
    const retired = recordTypeActions('retired');
    expect(retired.retire).toEqual({ allowed: false, reason: 'Already retired' });
    expect(retired.addField.allowed).toBe(false);
    expect(retired.editConfig.allowed).toBe(false);
  });
});

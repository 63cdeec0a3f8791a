import { describe, expect, it } from 'vitest';
import { EMPTY_FIELD_DRAFT } from './fields';
import {
  AFTER_END,
  AFTER_FIRST,
  addFieldPayload,
  buildPatchOp,
  describeOp,
  emptyOpForm,
  type OpFormValues,
  removedFieldKeys,
  removeFieldPayload,
  renameFieldPayload,
  setFieldPayload,
} from './patch-ops';

const TARGET = '6f1c1f3e-2f43-4a55-9d61-5c3f0a1b2c3d';
const form = (overrides: Partial<OpFormValues>): OpFormValues => ({ ...emptyOpForm(TARGET), ...overrides });

describe('payload builders', () => {
  const field = { name: 'priority', type: 'number' as const, required: false };

  it('add_field leaves after out to insert at the end, sends null to insert first, else the field to follow', () => {
    expect(addFieldPayload(field, AFTER_END)).toEqual({ field });
    expect(addFieldPayload(field, AFTER_FIRST)).toEqual({ field, after: null });
    expect(addFieldPayload(field, 'title')).toEqual({ field, after: 'title' });
  });

  it('set_field sends the field, remove_field its name, rename_field both names, trimmed', () => {
    expect(setFieldPayload(field)).toEqual({ field });
    expect(removeFieldPayload(' priority ')).toEqual({ fieldName: 'priority' });
    expect(renameFieldPayload(' title', 'summary ')).toEqual({ from: 'title', to: 'summary' });
  });
});

describe('buildPatchOp', () => {
  it('builds an add_field op with the field the form describes', () => {
    const built = buildPatchOp(
      form({ field: { ...EMPTY_FIELD_DRAFT, name: ' priority ', type: 'number', label: 'Priority' } }),
    );
    expect(built).toEqual({
      ok: true,
      body: {
        targetId: TARGET,
        opType: 'add_field',
        payload: { field: { name: 'priority', type: 'number', label: 'Priority', required: false } },
      },
    });
  });

  it('sends the choice list only for a choice field and the referenced key only for a reference field', () => {
    const choice = buildPatchOp(
      form({
        opType: 'set_field',
        field: {
          ...EMPTY_FIELD_DRAFT,
          name: 'severity',
          type: 'choice',
          choiceListId: 'list-1',
          referenceRecordTypeKey: 'x',
        },
      }),
    );
    expect(choice.ok && choice.body.payload).toEqual({
      field: { name: 'severity', type: 'choice', required: false, choiceListId: 'list-1' },
    });
    const reference = buildPatchOp(
      form({
        field: {
          ...EMPTY_FIELD_DRAFT,
          name: 'parent',
          type: 'reference',
          referenceRecordTypeKey: 'incident',
        },
        after: AFTER_FIRST,
      }),
    );
    expect(reference.ok && reference.body.payload).toEqual({
      field: { name: 'parent', type: 'reference', required: false, referenceRecordTypeKey: 'incident' },
      after: null,
    });
  });

  it('refuses a field without its binding, a name not in snake case and a missing target', () => {
    expect(
      buildPatchOp(form({ targetId: '', field: { ...EMPTY_FIELD_DRAFT, name: 'Priority', type: 'choice' } })),
    ).toEqual({
      ok: false,
      errors: {
        targetId: 'Pick the record type the op changes',
        name: 'Field name must be lower snake case: a letter, then letters, digits or _ (at most 63)',
        choiceListId: 'A choice field needs a choice list',
      },
    });
  });

  it('builds remove_field and rename_field ops and refuses a rename to the same name', () => {
    expect(buildPatchOp(form({ opType: 'remove_field', fieldName: 'priority' }))).toEqual({
      ok: true,
      body: { targetId: TARGET, opType: 'remove_field', payload: { fieldName: 'priority' } },
    });
    expect(buildPatchOp(form({ opType: 'remove_field' }))).toEqual({
      ok: false,
      errors: { fieldName: 'Field name is required' },
    });
    expect(buildPatchOp(form({ opType: 'rename_field', from: 'title', to: 'summary' }))).toEqual({
      ok: true,
      body: { targetId: TARGET, opType: 'rename_field', payload: { from: 'title', to: 'summary' } },
    });
    expect(buildPatchOp(form({ opType: 'rename_field', from: 'title', to: 'title' }))).toEqual({
      ok: false,
      errors: { to: 'The new name is the same' },
    });
  });
});

describe('describeOp', () => {
  it('names each op type in one line', () => {
    const field = { name: 'priority', type: 'number', required: true };
    expect(describeOp({ opType: 'add_field', payload: { field } })).toBe(
      'Add field priority (number, required) at the end',
    );
    expect(describeOp({ opType: 'add_field', payload: { field, after: null } })).toBe(
      'Add field priority (number, required) first',
    );
    expect(describeOp({ opType: 'add_field', payload: { field, after: 'title' } })).toBe(
      'Add field priority (number, required) after title',
    );
    expect(describeOp({ opType: 'set_field', payload: { field: { name: 'title', type: 'text' } } })).toBe(
      'Set field title (text)',
    );
    expect(describeOp({ opType: 'remove_field', payload: { fieldName: 'legacy' } })).toBe(
      'Remove field legacy',
    );
    expect(describeOp({ opType: 'rename_field', payload: { from: 'title', to: 'summary' } })).toBe(
      'Rename field title → summary',
    );
  });

  it('falls back to the op type for a payload of another shape', () => {
    expect(describeOp({ opType: 'add_field', payload: {} })).toBe('Add field');
    expect(describeOp({ opType: 'rename_field', payload: { from: 1 } })).toBe('Rename field');
    expect(describeOp({ opType: 'drop_table', payload: {} })).toBe('drop_table');
  });
});

describe('removedFieldKeys', () => {
  it('names each target key that pending remove_field ops take fields from, once, in op order', () => {
    const targets = [
      { id: 't1', selector: { recordTypeKey: 'incident' } },
      { id: 't2', selector: { recordTypeKey: 'task' } },
    ];
    const op = (
      opType: 'add_field' | 'remove_field',
      targetId: string,
      executedAt: string | null = null,
    ) => ({
      opType,
      targetId,
      executedAt,
    });
    expect(
      removedFieldKeys(
        [op('add_field', 't1'), op('remove_field', 't2'), op('remove_field', 't1'), op('remove_field', 't2')],
        targets,
      ),
    ).toEqual(['task', 'incident']);
    expect(removedFieldKeys([op('remove_field', 't1', '2026-01-01T00:00:00Z')], targets)).toEqual([]);
    expect(removedFieldKeys([op('add_field', 't1')], targets)).toEqual([]);
  });
});

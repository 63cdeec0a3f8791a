import type { FieldDefinition } from '@ec3l/records';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp, applyOps, applyTypeOps, type FieldOpPayload, type OpPayload } from './ops.js';

const f = (name: string, type: FieldDefinition['type'] = 'string', required = false): FieldDefinition => ({
  name,
  type,
  label: null,
  required,
  defaultValue: null,
  choiceListId: null,
  referenceRecordTypeKey: null,
});
const none = new Map<string, string>();
const names = (fields: readonly FieldDefinition[]) => fields.map((x) => x.name);

describe('applyOp', () => {
  it('adds, sets, removes and renames own fields', () => {
    const start = [f('a'), f('b')];
    const added = applyOp(start, { opType: 'add_field', payload: { field: f('c') } }, none);
    expect('fields' in added && names(added.fields)).toEqual(['a', 'b', 'c']);
    const inserted = applyOp(start, { opType: 'add_field', payload: { field: f('c'), after: 'a' } }, none);
    expect('fields' in inserted && names(inserted.fields)).toEqual(['a', 'c', 'b']);
    const set = applyOp(start, { opType: 'set_field', payload: { field: f('b', 'number') } }, none);
    expect('fields' in set && set.fields[1]!.type).toBe('number');
    const removed = applyOp(start, { opType: 'remove_field', payload: { fieldName: 'a' } }, none);
    expect('fields' in removed && names(removed.fields)).toEqual(['b']);
    const renamed = applyOp(start, { opType: 'rename_field', payload: { from: 'a', to: 'z' } }, none);
    expect('fields' in renamed && names(renamed.fields)).toEqual(['z', 'b']);
    expect(names(start)).toEqual(['a', 'b']);
  });

  it("keeps a field's storage key (where record values live) through set_field and rename_field", () => {
    const start = [{ ...f('a'), storageKey: '~k1' }, f('b')];
    const set = applyOp(start, { opType: 'set_field', payload: { field: f('a', 'number') } }, none);
    expect('fields' in set && set.fields[0]).toMatchObject({ name: 'a', type: 'number', storageKey: '~k1' });
    const renamed = applyOp(start, { opType: 'rename_field', payload: { from: 'a', to: 'z' } }, none);
    expect('fields' in renamed && renamed.fields[0]).toMatchObject({ name: 'z', storageKey: '~k1' });
    // A field appended by set_field is new: it has no key until the schema is written.
    const appended = applyOp(start, { opType: 'set_field', payload: { field: f('c') } }, none);
    expect('fields' in appended && appended.fields[2]).not.toHaveProperty('storageKey');
  });

  it('E7: inherited fields cannot be removed, renamed, redefined or weakened through a derived type', () => {
    const inherited = new Map([['number', 'task']]);
    const ops: FieldOpPayload[] = [
      { opType: 'remove_field', payload: { fieldName: 'number' } },
      { opType: 'rename_field', payload: { from: 'number', to: 'num' } },
      { opType: 'set_field', payload: { field: f('number', 'string', false) } },
      { opType: 'add_field', payload: { field: f('number') } },
    ];
    for (const op of ops) {
      const result = applyOp([f('own')], op, inherited);
      expect(result).toMatchObject({ error: { code: 'BASE_TYPE_PROTECTED_FIELD', field: 'number' } });
    }
    expect(
      applyOp([f('own')], { opType: 'rename_field', payload: { from: 'own', to: 'number' } }, inherited),
    ).toMatchObject({
      error: { code: 'FIELD_EXISTS' },
    });
  });

  it('refuses what cannot apply', () => {
    expect(applyOp([f('a')], { opType: 'add_field', payload: { field: f('a') } }, none)).toMatchObject({
      error: { code: 'FIELD_EXISTS' },
    });
    expect(applyOp([f('a')], { opType: 'remove_field', payload: { fieldName: 'x' } }, none)).toMatchObject({
      error: { code: 'FIELD_NOT_FOUND' },
    });
    expect(
      applyOp([f('a')], { opType: 'add_field', payload: { field: f('b'), after: 'x' } }, none),
    ).toMatchObject({
      error: { code: 'ANCHOR_NOT_FOUND' },
    });
  });
});

const arbField = fc
  .record({
    name: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    type: fc.constantFrom('string' as const, 'number' as const, 'text' as const),
    required: fc.boolean(),
  })
  .map((x) => f(x.name, x.type, x.required));
const arbOp: fc.Arbitrary<FieldOpPayload> = fc.oneof(
  fc
    .record({ field: arbField, after: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }) })
    .map((payload) => ({
      opType: 'add_field' as const,
      payload,
    })),
  arbField.map((field) => ({ opType: 'set_field' as const, payload: { field } })),
  fc
    .constantFrom('a', 'b', 'c', 'd', 'e')
    .map((fieldName) => ({ opType: 'remove_field' as const, payload: { fieldName } })),
  fc
    .tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.constantFrom('a', 'b', 'c', 'd', 'e'))
    .map(([from, to]) => ({ opType: 'rename_field' as const, payload: { from, to } })),
);
const arbFields = fc.uniqueArray(arbField, { selector: (x) => x.name, maxLength: 5 });

describe('applyOps', () => {
  it('E5: the same inputs always give the same output', () => {
    fc.assert(
      fc.property(arbFields, fc.array(arbOp, { maxLength: 8 }), (fields, ops) => {
        expect(applyOps(fields, ops, none)).toEqual(applyOps(fields, ops, none));
      }),
    );
  });

  it('undoing the applied ops restores the exact original fields, order included', () => {
    fc.assert(
      fc.property(arbFields, fc.array(arbOp, { maxLength: 8 }), (fields, ops) => {
        const done = applyOps(fields, ops, none);
        if ('error' in done) return;
        const undone = applyOps(done.fields, done.undo, none);
        expect('fields' in undone && undone.fields).toEqual(fields);
      }),
    );
  });

  it('E4: a failing op yields only the error, with its position', () => {
    const result = applyOps(
      [f('a')],
      [
        { opType: 'add_field', payload: { field: f('b') } },
        { opType: 'remove_field', payload: { fieldName: 'zz' } },
      ],
      none,
    );
    expect(result).toEqual({ error: expect.objectContaining({ code: 'FIELD_NOT_FOUND' }), opIndex: 1 });
  });
});

describe('applyTypeOps with configuration ops', () => {
  const state = {
    fields: [f('a'), f('b')],
    assignmentConfig: null,
    slaConfig: { durationMinutes: 60 },
  };

  it('sets and clears configurations beside field ops, and the undo ops restore the exact state', () => {
    const ops: OpPayload[] = [
      { opType: 'set_assignment', payload: { config: { type: 'static_group', value: 'desk' } } },
      { opType: 'remove_field', payload: { fieldName: 'a' } },
      { opType: 'set_sla', payload: { config: null } },
    ];
    const done = applyTypeOps(state, ops, none);
    if (!('state' in done)) throw new Error('the ops apply');
    expect(done.state).toEqual({
      fields: [f('b')],
      assignmentConfig: { type: 'static_group', value: 'desk' },
      slaConfig: null,
    });
    expect(done.undo).toEqual([
      { opType: 'set_sla', payload: { config: { durationMinutes: 60 } } },
      expect.objectContaining({ opType: 'add_field' }),
      { opType: 'set_assignment', payload: { config: null } },
    ]);
    const undone = applyTypeOps(done.state, done.undo, none);
    expect('state' in undone && undone.state).toEqual(state);
  });

  it('E4: a failing field op after a configuration op yields only the error, with its position', () => {
    expect(
      applyTypeOps(
        state,
        [
          { opType: 'set_sla', payload: { config: { durationMinutes: 5 } } },
          { opType: 'remove_field', payload: { fieldName: 'zz' } },
        ],
        none,
      ),
    ).toEqual({ error: expect.objectContaining({ code: 'FIELD_NOT_FOUND' }), opIndex: 1 });
  });
});

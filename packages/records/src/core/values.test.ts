import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EffectiveField, type FieldDefinition, normalizeField } from './fields.js';
import { changedFieldNames, checkRecordData, coerceValue, dataByName, mergeStored } from './values.js';

const field = (
  input: Parameters<typeof normalizeField>[0],
  storageKey = `~${input.name}`,
): EffectiveField => ({
  ...normalizeField(input),
  storageKey,
  inherited: false,
  inheritedFrom: null,
});

describe('coerceValue', () => {
  it('accepts each type its own values and refuses the others', () => {
    const ok: [FieldDefinition['type'], unknown, unknown][] = [
      ['string', 'a', 'a'],
      ['text', 'long', 'long'],
      ['number', 1.5, 1.5],
      ['boolean', false, false],
      ['date', '2024-02-29', '2024-02-29'],
      ['datetime', '2026-01-01T01:00:00+01:00', '2026-01-01T00:00:00.000Z'],
      ['choice', 'p1', 'p1'],
      ['reference', '0F8FAD5B-D9CB-469F-A165-70867728950E', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ];
    for (const [type, value, stored] of ok) expect(coerceValue({ type }, value)).toEqual({ value: stored });
    const bad: [FieldDefinition['type'], unknown][] = [
      ['string', 1],
      ['string', 'x'.repeat(2001)],
      ['number', Number.NaN],
      ['number', '1'],
      ['boolean', 'true'],
      ['date', '2023-02-29'],
      ['date', '2024-1-1'],
      ['datetime', '2026-01-01T00:00:00'],
      ['datetime', '2026-13-01T00:00:00Z'],
      ['choice', 3],
      ['reference', 'not-a-uuid'],
    ];
    for (const [type, value] of bad)
      expect(coerceValue({ type }, value), `${type} ${value}`).toHaveProperty('error');
  });
});

describe('checkRecordData', () => {
  const fields = [
    field({ name: 'title', type: 'string', required: true }),
    field({ name: 'status', type: 'string', required: true, defaultValue: 'new' }),
    field({ name: 'estimate', type: 'number' }),
  ];

  it('on create applies defaults and lists every issue', () => {
    expect(checkRecordData(fields, { title: 't' }, 'create')).toMatchObject({ issues: [] });
    expect(Object.fromEntries(checkRecordData(fields, { title: 't' }, 'create').values)).toEqual({
      title: 't',
      status: 'new',
    });
    const { issues } = checkRecordData(fields, { estimate: 'x', other: 1 }, 'create');
    expect(issues.map((i) => [i.field, i.reason])).toEqual([
      ['other', 'unknown'],
      ['title', 'required'],
      ['estimate', 'type'],
    ]);
  });

  it('on update checks only what is given; null clears an optional field and is refused for a required one', () => {
    expect(Object.fromEntries(checkRecordData(fields, { estimate: null }, 'update').values)).toEqual({
      estimate: null,
    });
    expect(checkRecordData(fields, { title: null }, 'update').issues).toMatchObject([
      { field: 'title', reason: 'required' },
    ]);
    expect(checkRecordData(fields, {}, 'update')).toMatchObject({ issues: [], values: new Map() });
  });

  it('hands choice and reference values to the caller to look up', () => {
    const checked = checkRecordData(
      [
        field({ name: 'level', type: 'choice', choiceListId: '0f8fad5b-d9cb-469f-a165-70867728950e' }),
        field({ name: 'parent', type: 'reference', referenceRecordTypeKey: 'task' }),
      ],
      { level: 'high', parent: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
      'create',
    );
    expect(checked.choices).toEqual([
      { field: 'level', choiceListId: '0f8fad5b-d9cb-469f-a165-70867728950e', value: 'high' },
    ]);
    expect(checked.references).toEqual([
      { field: 'parent', recordTypeKey: 'task', recordId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
    ]);
  });
});

describe('stored data', () => {
  const fields = [field({ name: 'a', type: 'string' }, '~1'), field({ name: 'b', type: 'number' }, '~2')];

  it('round-trips values by name through storage keys, keeping values of keys no field has', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), fc.string(), (a, b, orphan) => {
        const stored = mergeStored(
          fields,
          { '~gone': orphan },
          new Map<string, unknown>([
            ['a', a],
            ['b', b],
          ]),
        );
        expect(stored).toEqual({ '~gone': orphan, '~1': a, '~2': b });
        expect(dataByName(fields, stored)).toEqual({ a, b });
        const cleared = mergeStored(fields, stored, new Map([['b', null]]));
        expect(dataByName(fields, cleared)).toEqual({ a });
        expect(cleared['~gone']).toBe(orphan);
      }),
    );
  });

  it('a renamed field reads the same values under its new name', () => {
    const stored = mergeStored(fields, {}, new Map<string, unknown>([['a', 'x']]));
    const renamed = fields.map((f) => (f.name === 'a' ? { ...f, name: 'alpha' } : f));
    expect(dataByName(renamed, stored)).toEqual({ alpha: 'x' });
  });

  it('names exactly the fields whose value changed', () => {
    expect(changedFieldNames(fields, { a: 'x', b: 1 }, { a: 'x', b: 2 })).toEqual(['b']);
    expect(changedFieldNames(fields, { a: 'x' }, { a: 'x' })).toEqual([]);
    expect(changedFieldNames(fields, { a: 'x' }, {})).toEqual(['a']);
  });
});

import { describe, expect, it } from 'vitest';
import { field, recordType as rt, snapshot } from '../testing-only/fixtures.js';
import { diffSnapshots, fieldChanges } from './diff.js';

const empty = {
  addedRecordTypes: [],
  removedRecordTypes: [],
  modifiedRecordTypes: [],
  summary: {
    added: 0,
    removed: 0,
    modified: 0,
    fieldsAdded: 0,
    fieldsRemoved: 0,
    fieldsModified: 0,
    fieldsRenamed: 0,
  },
};

describe('diffSnapshots', () => {
  const before = snapshot([
    rt('task', { fields: [field('title'), field('state', 'choice', { choiceListId: 'cl1' })] }),
    rt('incident', { baseType: 'task', fields: [field('severity', 'number')] }),
    rt('old'),
    rt('task', { projectId: 'p2' }),
  ]);

  it('finds added and removed record types by (projectId, key), sorted', () => {
    const after = snapshot([
      ...before.recordTypes.filter((t) => t.key !== 'old'),
      rt('zeta', { projectId: 'p1' }),
      rt('alpha', { projectId: 'p2' }),
      rt('old', { projectId: 'p2' }),
    ]);
    const diff = diffSnapshots(before, after);
    expect(diff.addedRecordTypes).toEqual([
      { projectId: 'p1', key: 'zeta' },
      { projectId: 'p2', key: 'alpha' },
      { projectId: 'p2', key: 'old' },
    ]);
    expect(diff.removedRecordTypes).toEqual([{ projectId: 'p1', key: 'old' }]);
    expect(diff.modifiedRecordTypes).toEqual([]);
    expect(diff.summary).toEqual({
      added: 3,
      removed: 1,
      modified: 0,
      fieldsAdded: 0,
      fieldsRemoved: 0,
      fieldsModified: 0,
      fieldsRenamed: 0,
    });
  });

  it('finds added, removed and modified fields by name, and a changed base type', () => {
    const after = snapshot([
      rt('task', {
        fields: [
          field('state', 'choice', { choiceListId: 'cl2', required: true }),
          field('description', 'text'),
          field('assignee', 'reference', { referenceRecordTypeKey: 'user' }),
        ],
      }),
      rt('incident', { baseType: null, fields: [field('severity', 'number', { defaultValue: 3 })] }),
      rt('old'),
      rt('task', { projectId: 'p2' }),
    ]);
    const diff = diffSnapshots(before, after);
    expect(diff.modifiedRecordTypes).toEqual([
      {
        projectId: 'p1',
        key: 'incident',
        addedFields: [],
        removedFields: [],
        renamedFields: [],
        modifiedFields: [
          {
            name: 'severity',
            before: field('severity', 'number'),
            after: field('severity', 'number', { defaultValue: 3 }),
            changes: ['defaultValue'],
          },
        ],
        baseTypeChanged: { before: 'task', after: null },
      },
      {
        projectId: 'p1',
        key: 'task',
        addedFields: [
          field('assignee', 'reference', { referenceRecordTypeKey: 'user' }),
          field('description', 'text'),
        ],
        removedFields: [field('title')],
        renamedFields: [],
        modifiedFields: [
          {
            name: 'state',
            before: field('state', 'choice', { choiceListId: 'cl1' }),
            after: field('state', 'choice', { choiceListId: 'cl2', required: true }),
            changes: ['required', 'choiceListId'],
          },
        ],
        baseTypeChanged: null,
      },
    ]);
    expect(diff.summary).toEqual({
      added: 0,
      removed: 0,
      modified: 2,
      fieldsAdded: 2,
      fieldsRemoved: 1,
      fieldsModified: 2,
      fieldsRenamed: 0,
    });
  });

  it('a field reordering alone is not a change, nor are id, name, status or version', () => {
    const after = snapshot(
      before.recordTypes.map((t) => ({
        ...t,
        id: `${t.id}-copy`,
        name: `${t.name} renamed`,
        status: 'retired' as const,
        version: t.version + 1,
        fields: [...t.fields].reverse(),
      })),
    );
    expect(diffSnapshots(before, after)).toEqual(empty);
  });

  it('compares default values as JSON: object key order does not matter, values do', () => {
    const a = snapshot([rt('t', { fields: [field('f', 'string', { defaultValue: { x: 1, y: [1, 2] } })] })]);
    const same = snapshot([
      rt('t', { fields: [field('f', 'string', { defaultValue: { y: [1, 2], x: 1 } })] }),
    ]);
    const other = snapshot([
      rt('t', { fields: [field('f', 'string', { defaultValue: { y: [2, 1], x: 1 } })] }),
    ]);
    expect(diffSnapshots(a, same)).toEqual(empty);
    expect(diffSnapshots(a, other).modifiedRecordTypes[0]?.modifiedFields[0]?.changes).toEqual([
      'defaultValue',
    ]);
  });

  it('pairs repeated field names by content: identical ones cancel, the rest are modified or added', () => {
    const a = snapshot([rt('t', { fields: [field('x', 'string'), field('x', 'number')] })]);
    const b = snapshot([rt('t', { fields: [field('x', 'number'), field('x', 'text'), field('x', 'date')] })]);
    const [diff] = diffSnapshots(a, b).modifiedRecordTypes;
    expect(diff?.modifiedFields).toEqual([
      { name: 'x', before: field('x', 'string'), after: field('x', 'date'), changes: ['type'] },
    ]);
    expect(diff?.addedFields).toEqual([field('x', 'text')]);
    expect(diff?.removedFields).toEqual([]);
  });

  it('reports a known rename once, as old → new with its other changes, not as a removal and an addition', () => {
    const a = snapshot([rt('t', { fields: [field('title'), field('state'), field('note')] })]);
    const b = snapshot([rt('t', { fields: [field('heading', 'text'), field('state'), field('extra')] })]);
    const renames = new Map([['title', 'heading']]);
    const diff = diffSnapshots(a, b, { renamesOf: (_p, key) => (key === 't' ? renames : undefined) });
    expect(diff.modifiedRecordTypes[0]).toMatchObject({
      renamedFields: [
        {
          from: 'title',
          to: 'heading',
          before: field('title'),
          after: field('heading', 'text'),
          changes: ['type'],
        },
      ],
      addedFields: [field('extra')],
      removedFields: [field('note')],
      modifiedFields: [],
    });
    expect(diff.summary).toMatchObject({
      fieldsAdded: 1,
      fieldsRemoved: 1,
      fieldsRenamed: 1,
      fieldsModified: 0,
    });
    // Without the ops' knowledge the same snapshots read as removals and additions.
    expect(diffSnapshots(a, b).modifiedRecordTypes[0]?.renamedFields).toEqual([]);
    expect(diffSnapshots(a, b).summary).toMatchObject({ fieldsAdded: 2, fieldsRemoved: 2 });
  });

  it('a pure rename, and a swap of two names, are renames and nothing else', () => {
    const a = snapshot([rt('t', { fields: [field('a', 'string'), field('b', 'number')] })]);
    const renamed = snapshot([rt('t', { fields: [field('z', 'string'), field('b', 'number')] })]);
    expect(
      diffSnapshots(a, renamed, { renamesOf: () => new Map([['a', 'z']]) }).modifiedRecordTypes[0],
    ).toMatchObject({
      renamedFields: [{ from: 'a', to: 'z', changes: [] }],
      addedFields: [],
      removedFields: [],
    });
    const swapped = snapshot([rt('t', { fields: [field('b', 'string'), field('a', 'number')] })]);
    const swap = diffSnapshots(a, swapped, {
      renamesOf: () =>
        new Map([
          ['a', 'b'],
          ['b', 'a'],
        ]),
    }).modifiedRecordTypes[0];
    expect(swap?.renamedFields.map((r) => `${r.from}→${r.to}:${r.changes.join()}`)).toEqual(['b→a:', 'a→b:']);
    expect([swap?.addedFields, swap?.removedFields, swap?.modifiedFields]).toEqual([[], [], []]);
  });

  it('a rename whose new name was taken by a field removed in the same change keeps both facts', () => {
    const a = snapshot([rt('t', { fields: [field('x', 'string'), field('y', 'number')] })]);
    const b = snapshot([rt('t', { fields: [field('x', 'number')] })]);
    const [d] = diffSnapshots(a, b, { renamesOf: () => new Map([['y', 'x']]) }).modifiedRecordTypes;
    expect(d?.renamedFields).toMatchObject([{ from: 'y', to: 'x', changes: [] }]);
    expect(d?.removedFields).toEqual([field('x', 'string')]);
    expect(d?.addedFields).toEqual([]);
  });

  it('two empty snapshots differ in nothing', () => {
    expect(diffSnapshots(snapshot([]), snapshot([]))).toEqual(empty);
  });
});

describe('fieldChanges', () => {
  it('names every differing property in FieldDef order, label null and undefined alike', () => {
    const before = field('f', 'string');
    const after = field('f', 'reference', {
      label: 'F',
      required: true,
      defaultValue: 'x',
      choiceListId: 'c',
      referenceRecordTypeKey: 'k',
    });
    expect(fieldChanges(before, after)).toEqual([
      'type',
      'label',
      'required',
      'defaultValue',
      'choiceListId',
      'referenceRecordTypeKey',
    ]);
    expect(fieldChanges(before, { ...before, defaultValue: undefined })).toEqual([]);
  });
});

describe('diffSnapshots of assignment and SLA configurations', () => {
  const sla = { durationMinutes: 60, warningPercent: 80 };
  const base = snapshot([rt('ticket', { fields: [field('title')], slaConfig: sla })]);

  it('reports a changed SLA as a modified record type with before and after', () => {
    const after = snapshot([rt('ticket', { fields: [field('title')], slaConfig: { durationMinutes: 30 } })]);
    const diff = diffSnapshots(base, after);
    expect(diff.modifiedRecordTypes).toEqual([
      expect.objectContaining({
        key: 'ticket',
        slaConfigChanged: { before: sla, after: { durationMinutes: 30 } },
        addedFields: [],
      }),
    ]);
    expect(diff.modifiedRecordTypes[0]).not.toHaveProperty('assignmentConfigChanged');
    expect(diff.summary.modified).toBe(1);
  });

  it('reports an assignment set where there was none, absent reading as null', () => {
    const assignment = { type: 'static_group' as const, value: 'support' };
    const after = snapshot([
      rt('ticket', { fields: [field('title')], slaConfig: sla, assignmentConfig: assignment }),
    ]);
    expect(diffSnapshots(base, after).modifiedRecordTypes[0]?.assignmentConfigChanged).toEqual({
      before: null,
      after: assignment,
    });
  });

  it('sees no change when the configuration differs only in key order', () => {
    const after = snapshot([
      rt('ticket', { fields: [field('title')], slaConfig: { warningPercent: 80, durationMinutes: 60 } }),
    ]);
    expect(diffSnapshots(base, after).modifiedRecordTypes).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CompiledField,
  columnsOf,
  createDataThroughForm,
  describeOp,
  describeProvenance,
  flagChoicesOf,
  type PlacedField,
  placementUpdates,
  sectionMoveUpdates,
  toggleOpsOf,
} from './forms';
import { applyMove, type SortGroup } from './reorder';

const placed = (id: string, orderIndex: number, gap: number): PlacedField => ({
  id,
  field: id,
  label: id,
  column: 1,
  orderIndex: orderIndex * gap,
});
/** Sections of placements, stored at positions 0, gap, 2·gap … (deletes leave gaps). */
const groupsOf = (spec: Record<string, string[]>, gap = 1): SortGroup<PlacedField>[] =>
  Object.entries(spec).map(([id, items]) => ({
    id,
    title: id,
    items: items.map((x, i) => placed(x, i, gap)),
  }));

/** The groups a list of placement writes leads to, applied as the server stores them. */
const replay = (
  before: SortGroup<PlacedField>[],
  updates: ReturnType<typeof placementUpdates>,
): Record<string, string[]> => {
  const rows = before.flatMap((g) =>
    g.items.map((item) => ({ id: item.id, section: g.id, index: item.orderIndex })),
  );
  for (const u of updates) {
    const row = rows.find((r) => r.id === u.formPlacementId)!;
    if (u.formSectionId) row.section = u.formSectionId;
    row.index = u.orderIndex;
  }
  return Object.fromEntries(
    before.map((g) => [
      g.id,
      rows
        .filter((r) => r.section === g.id)
        .sort((a, b) => a.index - b.index)
        .map((r) => r.id),
    ]),
  );
};

describe('placementUpdates', () => {
  it('writes only the placements whose place changed, with their new section', () => {
    const before = groupsOf({ a: ['x', 'y', 'z'], b: ['p'] });
    const after = applyMove(before, { itemId: 'z', toGroupId: 'b', toIndex: 0 });
    expect(placementUpdates(before, after)).toEqual([
      { formPlacementId: 'z', formSectionId: 'b', orderIndex: 0 },
      { formPlacementId: 'p', orderIndex: 1 },
    ]);
  });

  it('lands every placement where the move put it, for all moves', () => {
    const spec = fc
      .uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: 1, maxLength: 9 })
      .chain((ids) =>
        fc
          .array(fc.integer({ min: 0, max: 1 }), { minLength: ids.length, maxLength: ids.length })
          .map((slots) => {
            const out: Record<string, string[]> = { s0: [], s1: [] };
            ids.forEach((id, i) => {
              out[`s${slots[i]}`]!.push(id);
            });
            return out;
          }),
      );
    fc.assert(
      fc.property(
        spec,
        fc.integer({ min: 1, max: 3 }),
        fc.nat(),
        fc.integer({ min: 0, max: 1 }),
        fc.nat(10),
        (s, gap, pick, g, index) => {
          const before = groupsOf(s, gap);
          const all = before.flatMap((x) => x.items.map((i) => i.id));
          const after = applyMove(before, {
            itemId: all[pick % all.length]!,
            toGroupId: `s${g}`,
            toIndex: index,
          });
          const expected = Object.fromEntries(after.map((x) => [x.id, x.items.map((i) => i.id)]));
          expect(replay(before, placementUpdates(before, after))).toEqual(expected);
        },
      ),
    );
  });
});

describe('sectionMoveUpdates', () => {
  it('gives every section its new position', () => {
    expect(sectionMoveUpdates([{ id: 'a' }, { id: 'b' }, { id: 'c' }], 2, 0)).toEqual([
      { formSectionId: 'c', orderIndex: 0 },
      { formSectionId: 'a', orderIndex: 1 },
      { formSectionId: 'b', orderIndex: 2 },
    ]);
  });

  it('writes nothing for a move to the same place or outside the list', () => {
    expect(sectionMoveUpdates([{ id: 'a' }, { id: 'b' }], 1, 1)).toEqual([]);
    expect(sectionMoveUpdates([{ id: 'a' }, { id: 'b' }], 0, -1)).toEqual([]);
    expect(sectionMoveUpdates([{ id: 'a' }, { id: 'b' }], 1, 2)).toEqual([]);
  });
});

const compiledField = (name: string, flags: Partial<CompiledField> = {}): CompiledField => ({
  name,
  label: null,
  type: 'string',
  section: 'Details',
  column: 1,
  visible: true,
  required: false,
  readOnly: false,
  requiredByDefinition: false,
  provenance: {
    visible: { layer: 'definition' },
    required: { layer: 'definition' },
    readOnly: { layer: 'definition' },
  },
  conditionalRuleIds: [],
  ...flags,
});

describe('override toggles', () => {
  it('make one op per flag changed from the compiled form, none for unchanged flags', () => {
    const fields = [compiledField('title'), compiledField('reason', { readOnly: true })];
    const choices = flagChoicesOf(fields);
    expect(toggleOpsOf(fields, choices)).toEqual([]);
    choices.title!.required = true;
    choices.reason!.readOnly = false;
    choices.reason!.visible = false;
    expect(toggleOpsOf(fields, choices)).toEqual([
      { op: 'toggleRequired', field: 'title', value: true },
      { op: 'toggleVisible', field: 'reason', value: false },
      { op: 'toggleReadOnly', field: 'reason', value: false },
    ]);
  });

  it('describe ops and provenance in words', () => {
    expect(describeOp({ op: 'toggleRequired', field: 'title', value: false })).toBe('title optional');
    expect(describeOp({ op: 'changeSection', field: 'title', section: 'More' })).toBe('move title to More');
    expect(describeOp({ op: 'moveField', field: 'title', orderIndex: 0 })).toBe('move title to position 1');
    expect(describeProvenance({ layer: 'override', overrideVersion: 3 })).toBe('override v3');
    expect(describeProvenance({ layer: 'rule', ruleId: 'r' })).toBe('rule');
  });
});

describe('writes through a form', () => {
  it('send only fields the form shows and lets the user change', () => {
    const states = {
      a: { visible: true, required: false, readOnly: false },
      b: { visible: false, required: false, readOnly: false },
      c: { visible: true, required: false, readOnly: true },
    };
    expect(createDataThroughForm({ a: 1, b: 2, c: 3, unplaced: 4 }, states)).toEqual({ a: 1 });
  });

  it('split placements into their two columns in order', () => {
    const [one, two] = columnsOf([
      { id: 'x', column: 2, orderIndex: 1 },
      { id: 'y', column: 1, orderIndex: 2 },
      { id: 'z', column: 2, orderIndex: 0 },
      { id: 'w', column: 3, orderIndex: 0 },
    ]);
    expect(one.map((p) => p.id)).toEqual(['w', 'y']);
    expect(two.map((p) => p.id)).toEqual(['z', 'x']);
  });
});

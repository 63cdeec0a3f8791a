import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMove, describeMove, isNoOp, keyboardMove, type SortGroup } from './reorder';

type Item = { id: string };
const groupsOf = (spec: Record<string, string[]>): SortGroup<Item>[] =>
  Object.entries(spec).map(([id, items]) => ({
    id,
    title: id.toUpperCase(),
    items: items.map((x) => ({ id: x })),
  }));
const shape = (groups: SortGroup<Item>[]) =>
  Object.fromEntries(groups.map((g) => [g.id, g.items.map((i) => i.id)]));

const arbGroups = fc
  .uniqueArray(fc.stringMatching(/^[a-z]{1,4}$/), { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc
      .array(fc.integer({ min: 0, max: 2 }), { minLength: ids.length, maxLength: ids.length })
      .map((slots) => {
        const spec: Record<string, string[]> = { g0: [], g1: [], g2: [] };
        ids.forEach((id, i) => {
          spec[`g${slots[i]}`]!.push(id);
        });
        return groupsOf(spec);
      }),
  );

describe('applyMove', () => {
  it('moves an item down within its group, counting the index after it left', () => {
    const groups = groupsOf({ a: ['x', 'y', 'z'] });
    expect(shape(applyMove(groups, { itemId: 'x', toGroupId: 'a', toIndex: 2 }))).toEqual({
      a: ['y', 'z', 'x'],
    });
  });

  it('moves an item into another group at the index asked, clamped to the ends', () => {
    const groups = groupsOf({ a: ['x', 'y'], b: ['p'] });
    expect(shape(applyMove(groups, { itemId: 'y', toGroupId: 'b', toIndex: 0 }))).toEqual({
      a: ['x'],
      b: ['y', 'p'],
    });
    expect(shape(applyMove(groups, { itemId: 'y', toGroupId: 'b', toIndex: 99 }))).toEqual({
      a: ['x'],
      b: ['p', 'y'],
    });
  });

  it('leaves the groups unchanged for an unknown item or group', () => {
    const groups = groupsOf({ a: ['x'], b: [] });
    expect(shape(applyMove(groups, { itemId: 'nope', toGroupId: 'b', toIndex: 0 }))).toEqual(shape(groups));
    expect(shape(applyMove(groups, { itemId: 'x', toGroupId: 'nope', toIndex: 0 }))).toEqual(shape(groups));
  });

  it('keeps every item exactly once and puts the moved one where asked, for all moves', () => {
    fc.assert(
      fc.property(
        arbGroups,
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        fc.nat(20),
        (groups, pick, g, index) => {
          const all = groups.flatMap((x) => x.items.map((i) => i.id));
          const itemId = all[pick % all.length]!;
          const after = applyMove(groups, { itemId, toGroupId: `g${g}`, toIndex: index });
          const flat = after.flatMap((x) => x.items.map((i) => i.id));
          expect([...flat].sort()).toEqual([...all].sort());
          const target = after.find((x) => x.id === `g${g}`)!;
          expect(target.items.findIndex((i) => i.id === itemId)).toBe(
            Math.min(index, target.items.length - 1),
          );
          // The others keep their relative order.
          expect(flat.filter((id) => id !== itemId).join()).toBe(
            groups
              .flatMap((x) => x.items.map((i) => i.id))
              .filter((id) => id !== itemId)
              .join(),
          );
        },
      ),
    );
  });
});

describe('keyboardMove', () => {
  const groups = groupsOf({ a: ['x', 'y'], b: ['p'], c: [] });

  it('moves up and down within a group', () => {
    expect(keyboardMove(groups, 'x', 'down')).toEqual({ itemId: 'x', toGroupId: 'a', toIndex: 1 });
    expect(keyboardMove(groups, 'y', 'up')).toEqual({ itemId: 'y', toGroupId: 'a', toIndex: 0 });
  });

  it('crosses into the neighbouring group at the ends of a group', () => {
    expect(keyboardMove(groups, 'y', 'down')).toEqual({ itemId: 'y', toGroupId: 'b', toIndex: 0 });
    expect(keyboardMove(groups, 'p', 'up')).toEqual({ itemId: 'p', toGroupId: 'a', toIndex: 2 });
    expect(keyboardMove(groups, 'p', 'down')).toEqual({ itemId: 'p', toGroupId: 'c', toIndex: 0 });
  });

  it('answers null where there is nowhere to go', () => {
    expect(keyboardMove(groups, 'x', 'up')).toBeNull();
    expect(keyboardMove(groups, 'x', 'previousGroup')).toBeNull();
    expect(keyboardMove(groups, 'x', 'first')).toBeNull();
    expect(keyboardMove(groups, 'p', 'last')).toBeNull();
    expect(keyboardMove(groups, 'nope', 'down')).toBeNull();
  });

  it('moves to the end of the previous or next group', () => {
    expect(keyboardMove(groups, 'p', 'previousGroup')).toEqual({ itemId: 'p', toGroupId: 'a', toIndex: 2 });
    expect(keyboardMove(groups, 'x', 'nextGroup')).toEqual({ itemId: 'x', toGroupId: 'b', toIndex: 1 });
  });

  it('never answers a move that leaves the item in place, for all keys', () => {
    const keys = ['up', 'down', 'previousGroup', 'nextGroup', 'first', 'last'] as const;
    fc.assert(
      fc.property(arbGroups, fc.nat(), fc.constantFrom(...keys), (gs, pick, key) => {
        const all = gs.flatMap((x) => x.items.map((i) => i.id));
        const move = keyboardMove(gs, all[pick % all.length]!, key);
        if (move) expect(isNoOp(gs, move)).toBe(false);
      }),
    );
  });
});

describe('describeMove', () => {
  it('names the item, its position and its group', () => {
    const groups = groupsOf({ a: ['x', 'y'] });
    expect(describeMove(groups, 'y', (i) => `field ${i.id}`)).toBe('Moved field y to position 2 of 2 in A.');
  });
});

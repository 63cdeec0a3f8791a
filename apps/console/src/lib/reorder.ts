/**
 * Moving items in a list of groups (fields in a form's sections): the pure part of the Studio's drag and
 * drop and of its keyboard alternative. No DOM.
 */

export type SortGroup<T extends { id: string }> = { id: string; title: string; items: readonly T[] };

/** Where an item goes: a group and its index there, counted after the item left its old place. */
export type Move = { itemId: string; toGroupId: string; toIndex: number };

type Position = { groupIndex: number; index: number };

const positionOf = <T extends { id: string }>(
  groups: readonly SortGroup<T>[],
  itemId: string,
): Position | null => {
  for (let groupIndex = 0; groupIndex < groups.length; groupIndex += 1) {
    const index = groups[groupIndex]!.items.findIndex((item) => item.id === itemId);
    if (index !== -1) return { groupIndex, index };
  }
  return null;
};

/**
 * The groups after `move`: the item leaves its place and lands at `toIndex` of the target group
 * (clamped to its ends). Every other item keeps its group and relative order; an unknown item or group
 * leaves the groups as they are.
 */
export const applyMove = <T extends { id: string }>(
  groups: readonly SortGroup<T>[],
  move: Move,
): SortGroup<T>[] => {
  const from = positionOf(groups, move.itemId);
  const target = groups.findIndex((g) => g.id === move.toGroupId);
  if (!from || target === -1) return groups.map((g) => ({ ...g }));
  const item = groups[from.groupIndex]!.items[from.index]!;
  const without = groups.map((g, i) =>
    i === from.groupIndex ? { ...g, items: g.items.filter((x) => x.id !== move.itemId) } : { ...g },
  );
  const into = without[target]!;
  const at = Math.max(0, Math.min(move.toIndex, into.items.length));
  without[target] = { ...into, items: [...into.items.slice(0, at), item, ...into.items.slice(at)] };
  return without;
};

/** True when `move` would leave the item where it is. */
export const isNoOp = <T extends { id: string }>(groups: readonly SortGroup<T>[], move: Move): boolean => {
  const from = positionOf(groups, move.itemId);
  if (!from) return true;
  const target = groups.findIndex((g) => g.id === move.toGroupId);
  if (target === -1) return true;
  if (target !== from.groupIndex) return false;
  const last = groups[target]!.items.length - 1;
  return Math.max(0, Math.min(move.toIndex, last)) === from.index;
};

export type MoveKey = 'up' | 'down' | 'previousGroup' | 'nextGroup' | 'first' | 'last';

/**
 * The move a key asks for: up and down within the group (at its ends, into the neighbouring group's
 * end or start), to the previous or next group's end, to the group's first or last place. Null when
 * there is nowhere to go.
 */
export const keyboardMove = <T extends { id: string }>(
  groups: readonly SortGroup<T>[],
  itemId: string,
  key: MoveKey,
): Move | null => {
  const from = positionOf(groups, itemId);
  if (!from) return null;
  const group = groups[from.groupIndex]!;
  const previous = groups[from.groupIndex - 1];
  const next = groups[from.groupIndex + 1];
  let move: Move | null = null;
  switch (key) {
    case 'up':
      move =
        from.index > 0
          ? { itemId, toGroupId: group.id, toIndex: from.index - 1 }
          : previous
            ? { itemId, toGroupId: previous.id, toIndex: previous.items.length }
            : null;
      break;
    case 'down':
      move =
        from.index < group.items.length - 1
          ? { itemId, toGroupId: group.id, toIndex: from.index + 1 }
          : next
            ? { itemId, toGroupId: next.id, toIndex: 0 }
            : null;
      break;
    case 'previousGroup':
      move = previous ? { itemId, toGroupId: previous.id, toIndex: previous.items.length } : null;
      break;
    case 'nextGroup':
      move = next ? { itemId, toGroupId: next.id, toIndex: next.items.length } : null;
      break;
    case 'first':
      move = { itemId, toGroupId: group.id, toIndex: 0 };
      break;
    case 'last':
      move = { itemId, toGroupId: group.id, toIndex: group.items.length - 1 };
      break;
  }
  return move && !isNoOp(groups, move) ? move : null;
};

/** The keys of a reorder handle, as the instructions beside it name them. */
export const MOVE_KEYS: Readonly<Record<string, MoveKey>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'previousGroup',
  ArrowRight: 'nextGroup',
  Home: 'first',
  End: 'last',
};

/** The sentence a screen reader hears after a move: "Moved Priority to position 2 of 3 in Details." */
export const describeMove = <T extends { id: string }>(
  groups: readonly SortGroup<T>[],
  itemId: string,
  labelOf: (item: T) => string,
): string => {
  const at = positionOf(groups, itemId);
  if (!at) return '';
  const group = groups[at.groupIndex]!;
  const item = group.items[at.index]!;
  return `Moved ${labelOf(item)} to position ${at.index + 1} of ${group.items.length} in ${group.title}.`;
};

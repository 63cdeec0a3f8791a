import type { FieldDefinition } from '@ec3l/records';
import type { OpPayload } from './ops.js';

const sameField = (a: FieldDefinition, b: FieldDefinition) => JSON.stringify(a) === JSON.stringify(b);

/** Indices of a longest strictly increasing subsequence of `values`. */
const longestIncreasing = (values: readonly number[]): Set<number> => {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
};

/**
 * Ops that turn `current` into exactly `target` — same fields, same definitions, same order — with no
 * two ops alike: removals first, then, walking the target in order, in-place updates of the fields
 * that stay and positioned inserts of the others.
 */
export const restoreOps = (
  current: readonly FieldDefinition[],
  target: readonly FieldDefinition[],
): OpPayload[] => {
  const targetIndex = new Map(target.map((f, i) => [f.name, i]));
  const ops: OpPayload[] = [];
  const shared = current.filter((f) => targetIndex.has(f.name));
  for (const f of current)
    if (!targetIndex.has(f.name)) ops.push({ opType: 'remove_field', payload: { fieldName: f.name } });
  // Shared fields already in target order stay; the rest are removed and re-inserted in place.
  const inOrder = longestIncreasing(shared.map((f) => targetIndex.get(f.name)!));
  const staying = new Map<string, FieldDefinition>();
  shared.forEach((f, i) => {
    if (inOrder.has(i)) staying.set(f.name, f);
    else ops.push({ opType: 'remove_field', payload: { fieldName: f.name } });
  });
  target.forEach((field, i) => {
    const stays = staying.get(field.name);
    if (stays) {
      if (!sameField(stays, field)) ops.push({ opType: 'set_field', payload: { field } });
    } else {
      ops.push({ opType: 'add_field', payload: { field, after: i === 0 ? null : target[i - 1]!.name } });
    }
  });
  return ops;
};

import { type FieldDefinition, type RecordTypeConfigs, sameConfig } from '@ec3l/records';
import type { FieldOpPayload, OpPayload } from './ops.js';
import type { FieldTrace } from './renames.js';

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

const MAX_NAME = 63;

// A name for a field in the middle of a cycle of renames (a ↔ b), free in every sense that matters.
const temporaryName = (base: string, taken: (name: string) => boolean): string => {
  for (let n = 1; ; n++) {
    const suffix = `_r${n}`;
    const name = `${base.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!taken(name)) return name;
  }
};

/**
 * Renames that give the fields of `renamedBack` (current name → name in the target) their target
 * names, in an order where each new name is free when its rename runs; a cycle goes through a
 * temporary name. `inUse` holds every current name and is updated as the renames run.
 */
const renameOps = (
  renamedBack: ReadonlyMap<string, string>,
  inUse: Set<string>,
  reserved: ReadonlySet<string>,
): FieldOpPayload[] => {
  const ops: FieldOpPayload[] = [];
  const pending = new Map(renamedBack);
  const rename = (from: string, to: string) => {
    ops.push({ opType: 'rename_field', payload: { from, to } });
    inUse.delete(from);
    inUse.add(to);
  };
  while (pending.size > 0) {
    const ready = [...pending].find(([, to]) => !inUse.has(to));
    if (ready) {
      rename(ready[0], ready[1]);
      pending.delete(ready[0]);
      continue;
    }
    const [from, to] = pending.entries().next().value as [string, string];
    const parked = temporaryName(to, (name) => inUse.has(name) || reserved.has(name));
    rename(from, parked);
    pending.delete(from);
    pending.set(parked, to);
  }
  return ops;
};

/**
 * Ops that turn `current` into exactly `target` — same fields, same definitions, same order — with no
 * two ops alike. With the trace of the ops being undone (`traceFields`), fields are matched by
 * identity: renames are undone by renaming back and fields the ops created are removed, so a field
 * that existed before is never removed and added again (values kept under it survive). Then, by name:
 * removals and, walking the target in order, in-place updates of the fields that stay and positioned
 * inserts of the others.
 */
export const restoreOps = (
  current: readonly FieldDefinition[],
  target: readonly FieldDefinition[],
  trace: FieldTrace = { renames: new Map(), created: new Set() },
): FieldOpPayload[] => {
  const present = new Set(current.map((f) => f.name));
  const wanted = new Set(target.map((f) => f.name));
  const renamedBack = new Map<string, string>();
  for (const [was, now] of trace.renames) if (present.has(now) && wanted.has(was)) renamedBack.set(now, was);
  const ops: FieldOpPayload[] = [];
  // A created field holding a name the target has is another field than the target's: it goes first.
  const kept = current.filter((f) => {
    if (!trace.created.has(f.name) || !wanted.has(f.name)) return true;
    ops.push({ opType: 'remove_field', payload: { fieldName: f.name } });
    return false;
  });
  const inUse = new Set(kept.map((f) => f.name));
  ops.push(...renameOps(renamedBack, inUse, wanted));
  const renamed = kept.map((f) => {
    const name = renamedBack.get(f.name);
    return name === undefined ? f : { ...f, name };
  });
  return [...ops, ...restoreByName(renamed, target)];
};

// restoreOps for fields matched by name alone.
const restoreByName = (
  current: readonly FieldDefinition[],
  target: readonly FieldDefinition[],
): FieldOpPayload[] => {
  const targetIndex = new Map(target.map((f, i) => [f.name, i]));
  const ops: FieldOpPayload[] = [];
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

/**
 * Ops that give a record type back the configurations of a snapshot: a set_assignment / set_sla for
 * each one that differs, null included. A snapshot without a configuration key (taken before
 * configurations were snapshotted) leaves that configuration as it is.
 */
export const restoreConfigOps = (
  current: RecordTypeConfigs,
  target: Partial<RecordTypeConfigs>,
): OpPayload[] => {
  const ops: OpPayload[] = [];
  if (
    target.assignmentConfig !== undefined &&
    !sameConfig(current.assignmentConfig, target.assignmentConfig)
  ) {
    ops.push({ opType: 'set_assignment', payload: { config: target.assignmentConfig } });
  }
  if (target.slaConfig !== undefined && !sameConfig(current.slaConfig, target.slaConfig)) {
    ops.push({ opType: 'set_sla', payload: { config: target.slaConfig } });
  }
  return ops;
};

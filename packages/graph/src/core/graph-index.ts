import { canonicalJson, compareStrings } from './compare.js';
import type { GraphSnapshot, RecordTypeNode } from './contracts.js';

/**
 * A snapshot with its lookups built once, in linear time: record types by (projectId, key), resolved base
 * types and base-type cycles. Record types are numbered by their position in `nodes`; the per-type data
 * are typed arrays over those numbers (no maps keyed by objects: they cost more than the work itself at
 * 10,000 types). It reads the snapshot it was built from: change the snapshot and the index is stale.
 */
export type GraphIndex = {
  readonly kind: 'GraphIndex';
  readonly snapshot: GraphSnapshot;
  /** The distinct record types of the snapshot, in snapshot order (an object listed twice counts once). */
  readonly nodes: readonly RecordTypeNode[];
  /** projectId → key → number of the record type that (projectId, key) names. */
  readonly byProject: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** key → the projects that have a record type with this key, in first-seen order. */
  readonly projectsByKey: ReadonlyMap<string, readonly string[]>;
  readonly choiceListIds: ReadonlySet<string>;
  /** Number of each record type's base type, resolved in its own project; -1 when it has none or it is missing there. */
  readonly base: Int32Array;
  /** Which of `cycles` each record type is on; -1 when on none. */
  readonly cycleOf: Int32Array;
  /** The base-type cycles, each in chain order: every member's base is the next one, the last one's the first. */
  readonly cycles: readonly (readonly number[])[];
};

// The content of a record type as text, blind to the order of its fields (which is not a change).
const contentText = (node: RecordTypeNode): string =>
  canonicalJson({ ...node, fields: node.fields.map(canonicalJson).sort(compareStrings) });

// D2 makes (projectId, key) unique; should a snapshot break it anyway, the same record type must win
// whatever the order of the input, so the winner is picked by content: lowest id, then lowest text.
const wins = (candidate: RecordTypeNode, holder: RecordTypeNode): boolean => {
  const byId = compareStrings(String(candidate.id), String(holder.id));
  if (byId !== 0) return byId < 0;
  return compareStrings(contentText(candidate), contentText(holder)) < 0;
};

type KeyedRecordTypes = {
  nodes: RecordTypeNode[];
  byProject: Map<string, Map<string, number>>;
  projectsByKey: Map<string, string[]>;
};

/** The distinct record types of a snapshot and which one each (projectId, key) names; O(types). */
export const keyRecordTypes = (recordTypes: readonly RecordTypeNode[]): KeyedRecordTypes => {
  const nodes: RecordTypeNode[] = [];
  const byProject = new Map<string, Map<string, number>>();
  const projectsByKey = new Map<string, string[]>();
  // Record types that lost their (projectId, key) to another: only a snapshot breaking D2 has any.
  let losers: Set<RecordTypeNode> | null = null;
  for (const node of recordTypes) {
    let keys = byProject.get(node.projectId);
    if (!keys) {
      keys = new Map();
      byProject.set(node.projectId, keys);
    }
    const holder = keys.get(node.key);
    if (holder === undefined) {
      keys.set(node.key, nodes.length);
      nodes.push(node);
      const projects = projectsByKey.get(node.key);
      if (projects) projects.push(node.projectId);
      else projectsByKey.set(node.key, [node.projectId]);
      continue;
    }
    const held = nodes[holder]!;
    if (held === node || losers?.has(node)) continue; // the same object listed again
    losers ??= new Set();
    if (wins(node, held)) {
      keys.set(node.key, nodes.length);
      losers.add(held);
    } else {
      losers.add(node);
    }
    nodes.push(node);
  }
  return { nodes, byProject, projectsByKey };
};

/** Builds the lookups of a snapshot in O(types + choice lists); never throws, never mutates the snapshot. */
export const indexGraph = (snapshot: GraphSnapshot): GraphIndex => {
  const { nodes, byProject, projectsByKey } = keyRecordTypes(snapshot.recordTypes);
  const count = nodes.length;

  const base = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const node = nodes[i]!;
    if (node.baseType != null) base[i] = byProject.get(node.projectId)?.get(node.baseType) ?? -1;
  }

  // Each record type has at most one base: the graph is functional, so one walk per unvisited type,
  // stopping at the first visited one, finds every cycle in linear time.
  const cycles: number[][] = [];
  const cycleOf = new Int32Array(count).fill(-1);
  const walkOf = new Int32Array(count); // 0: not visited yet
  const path: number[] = [];
  for (let start = 0; start < count; start++) {
    if (walkOf[start] !== 0) continue;
    const walk = start + 1;
    path.length = 0;
    let current = start;
    while (current !== -1 && walkOf[current] === 0) {
      walkOf[current] = walk;
      path.push(current);
      current = base[current]!;
    }
    if (current !== -1 && walkOf[current] === walk) {
      const cycle = path.slice(path.indexOf(current));
      for (const member of cycle) cycleOf[member] = cycles.length;
      cycles.push(cycle);
    }
  }

  return {
    kind: 'GraphIndex',
    snapshot,
    nodes,
    byProject,
    projectsByKey,
    choiceListIds: new Set(snapshot.choiceListIds),
    base,
    cycleOf,
    cycles,
  };
};

/** The index itself, or one built from the snapshot. */
export const toIndex = (source: GraphIndex | GraphSnapshot): GraphIndex =>
  (source as Partial<GraphIndex>).kind === 'GraphIndex'
    ? (source as GraphIndex)
    : indexGraph(source as GraphSnapshot);

/** The number of the record type (projectId, key) names, or -1. */
export const numberOf = (index: GraphIndex, projectId: string, key: string): number =>
  index.byProject.get(projectId)?.get(key) ?? -1;

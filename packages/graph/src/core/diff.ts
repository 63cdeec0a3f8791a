import { canonicalJson, compareStrings, jsonEqual } from './compare.js';
import type { FieldDef, GraphSnapshot } from './contracts.js';
import { keyRecordTypes } from './graph-index.js';

type FieldChange = {
  name: string;
  before: FieldDef;
  after: FieldDef;
  /** Names of the FieldDef properties that differ, in FieldDef order. */
  changes: string[];
};

/** A field that kept its identity under a new name, possibly with other properties changed too. */
type FieldRename = {
  from: string;
  to: string;
  before: FieldDef;
  after: FieldDef;
  /** FieldDef properties other than the name that differ, in FieldDef order. */
  changes: string[];
};

type RecordTypeDiff = {
  projectId: string;
  key: string;
  addedFields: FieldDef[];
  removedFields: FieldDef[];
  modifiedFields: FieldChange[];
  renamedFields: FieldRename[];
  baseTypeChanged: { before: string | null; after: string | null } | null;
  /** Present when the assignment configuration differs (compared as JSON; absent reads as null). */
  assignmentConfigChanged?: ConfigChange;
  /** Present when the SLA configuration differs (compared as JSON; absent reads as null). */
  slaConfigChanged?: ConfigChange;
};

type ConfigChange = { before: unknown; after: unknown };

/** The change of one configuration between two nodes, or nothing when it is the same. */
const configChange = (before: unknown, after: unknown): ConfigChange | undefined =>
  jsonEqual(before ?? null, after ?? null) ? undefined : { before: before ?? null, after: after ?? null };

export type GraphDiff = {
  addedRecordTypes: { projectId: string; key: string }[];
  removedRecordTypes: { projectId: string; key: string }[];
  modifiedRecordTypes: RecordTypeDiff[];
  summary: {
    added: number;
    removed: number;
    modified: number;
    fieldsAdded: number;
    fieldsRemoved: number;
    fieldsModified: number;
    fieldsRenamed: number;
  };
};

/**
 * Field renames of one record type, old name → new name, as the ops that produced `after` know them.
 * A snapshot alone cannot tell a rename from a removal beside an addition.
 */
type FieldRenames = ReadonlyMap<string, string>;

export type DiffOptions = {
  /** The renames behind a record type's change, when known. */
  renamesOf?: (projectId: string, key: string) => FieldRenames | undefined;
};

/** The properties of two same-named fields that differ; defaultValue is compared as JSON. */
export const fieldChanges = (before: FieldDef, after: FieldDef): string[] => {
  const changes: string[] = [];
  if (before.type !== after.type) changes.push('type');
  if ((before.label ?? null) !== (after.label ?? null)) changes.push('label');
  if (before.required !== after.required) changes.push('required');
  if (!jsonEqual(before.defaultValue, after.defaultValue)) changes.push('defaultValue');
  if ((before.choiceListId ?? null) !== (after.choiceListId ?? null)) changes.push('choiceListId');
  if ((before.referenceRecordTypeKey ?? null) !== (after.referenceRecordTypeKey ?? null)) {
    changes.push('referenceRecordTypeKey');
  }
  return changes;
};

// fieldChanges(before, after) is empty, without building the list.
const sameField = (before: FieldDef, after: FieldDef): boolean =>
  before === after ||
  (before.name === after.name &&
    before.type === after.type &&
    (before.label ?? null) === (after.label ?? null) &&
    before.required === after.required &&
    (before.choiceListId ?? null) === (after.choiceListId ?? null) &&
    (before.referenceRecordTypeKey ?? null) === (after.referenceRecordTypeKey ?? null) &&
    jsonEqual(before.defaultValue, after.defaultValue));

type FieldsDiff = Pick<RecordTypeDiff, 'addedFields' | 'removedFields' | 'modifiedFields' | 'renamedFields'>;

// Fields sorted by name; the canonical text, computed only when a name repeats, orders the repeats.
const sortFields = (fields: readonly FieldDef[], canonical: (f: FieldDef) => string): FieldDef[] =>
  [...fields].sort((a, b) => compareStrings(a.name, b.name) || compareStrings(canonical(a), canonical(b)));

// Two groups of fields with one name (more than one only in a snapshot DUPLICATE_FIELD rejects): the
// identical ones cancel out, the rest pair up in canonical order, the surplus is added or removed.
const diffGroup = (
  before: FieldDef[],
  after: FieldDef[],
  canonical: (f: FieldDef) => string,
  out: () => FieldsDiff,
): void => {
  const unmatched = new Map<string, number>();
  for (const f of after) unmatched.set(canonical(f), (unmatched.get(canonical(f)) ?? 0) + 1);
  const restBefore: FieldDef[] = [];
  for (const f of before) {
    const left = unmatched.get(canonical(f)) ?? 0;
    if (left > 0) unmatched.set(canonical(f), left - 1);
    else restBefore.push(f);
  }
  const restAfter: FieldDef[] = [];
  for (const f of after) {
    const left = unmatched.get(canonical(f)) ?? 0;
    if (left > 0) {
      unmatched.set(canonical(f), left - 1);
      restAfter.push(f);
    }
  }
  const paired = Math.min(restBefore.length, restAfter.length);
  for (let i = 0; i < paired; i++) {
    const b = restBefore[i]!;
    const a = restAfter[i]!;
    const changes = fieldChanges(b, a);
    if (changes.length > 0) out().modifiedFields.push({ name: b.name, before: b, after: a, changes });
  }
  if (restBefore.length > paired) out().removedFields.push(...restBefore.slice(paired));
  if (restAfter.length > paired) out().addedFields.push(...restAfter.slice(paired));
};

const noFieldChanges = (): FieldsDiff => ({
  addedFields: [],
  removedFields: [],
  modifiedFields: [],
  renamedFields: [],
});
const NO_FIELD_CHANGES: FieldsDiff = Object.freeze(noFieldChanges()); // never pushed to

const diffFields = (before: readonly FieldDef[], after: readonly FieldDef[]): FieldsDiff => {
  // The common case, unchanged fields in the same order (or shared objects, as in a snapshot projected
  // from another): equal position by position means equal as multisets, so nothing changed.
  if (before.length === after.length && before.every((f, i) => sameField(f, after[i]!))) {
    return NO_FIELD_CHANGES;
  }
  let memo: Map<FieldDef, string> | null = null; // needed only when a name repeats
  // Over the FieldDef properties only, read as fieldChanges reads them: equal texts, no changes.
  const canonical = (f: FieldDef): string => {
    memo ??= new Map();
    let text = memo.get(f);
    if (text === undefined) {
      text = canonicalJson([
        f.name,
        f.type,
        f.label ?? null,
        f.required,
        f.defaultValue,
        f.choiceListId ?? null,
        f.referenceRecordTypeKey ?? null,
      ]);
      memo.set(f, text);
    }
    return text;
  };
  const b = sortFields(before, canonical);
  const a = sortFields(after, canonical);
  let changed: FieldsDiff | null = null; // made on the first difference: a reordering alone makes none
  const out = (): FieldsDiff => {
    changed ??= noFieldChanges();
    return changed;
  };
  let i = 0;
  let j = 0;
  while (i < b.length || j < a.length) {
    const nameB = b[i]?.name;
    const nameA = a[j]?.name;
    const order = nameB === undefined ? 1 : nameA === undefined ? -1 : compareStrings(nameB, nameA);
    if (order < 0) {
      out().removedFields.push(b[i++]!);
    } else if (order > 0) {
      out().addedFields.push(a[j++]!);
    } else {
      let endB = i + 1;
      let endA = j + 1;
      while (endB < b.length && b[endB]!.name === nameB) endB++;
      while (endA < a.length && a[endA]!.name === nameA) endA++;
      if (endB === i + 1 && endA === j + 1) {
        const changes = fieldChanges(b[i]!, a[j]!);
        if (changes.length > 0)
          out().modifiedFields.push({ name: nameB!, before: b[i]!, after: a[j]!, changes });
      } else {
        diffGroup(b.slice(i, endB), a.slice(j, endA), canonical, out);
      }
      i = endB;
      j = endA;
    }
  }
  return changed ?? NO_FIELD_CHANGES;
};

/**
 * Fields diffed with renames known: each renamed field is compared with its new self (a rename, with
 * whatever else changed) and left out of the name-by-name comparison of the others, where it would
 * count as one field removed and another added.
 */
const diffFieldsRenamed = (
  before: readonly FieldDef[],
  after: readonly FieldDef[],
  renames: FieldRenames,
): FieldsDiff => {
  const afterByName = new Map(after.map((f) => [f.name, f]));
  const renamed: FieldRename[] = [];
  const restBefore: FieldDef[] = [];
  const renamedTo = new Set<string>();
  for (const f of before) {
    const to = renames.get(f.name);
    const next = to === undefined ? undefined : afterByName.get(to);
    if (to === undefined || next === undefined || renamedTo.has(to)) {
      restBefore.push(f);
      continue;
    }
    renamed.push({ from: f.name, to, before: f, after: next, changes: fieldChanges(f, next) });
    renamedTo.add(to);
  }
  if (renamed.length === 0) return diffFields(before, after);
  const rest = diffFields(
    restBefore,
    after.filter((f) => !renamedTo.has(f.name)),
  );
  return {
    addedFields: [...rest.addedFields],
    removedFields: [...rest.removedFields],
    modifiedFields: [...rest.modifiedFields],
    renamedFields: renamed.sort((x, y) => compareStrings(x.to, y.to)),
  };
};

type Named = { projectId: string; key: string };
const compareNamed = (x: Named, y: Named): number =>
  compareStrings(x.projectId, y.projectId) || compareStrings(x.key, y.key);

/**
 * What changed from `before` to `after`: record types matched by (projectId, key), fields by name.
 * Record types compare by base type, fields and their assignment and SLA configurations (id, name,
 * status and version are not schema);
 * fields by every FieldDef property, defaultValue as JSON; field order is not a change. Every list is
 * sorted by (projectId, key) or field name, so the result depends only on content, never on input
 * order; unchanged record types are left out. With `renamesOf`, a renamed field is reported once as
 * renamed (old → new, with any other property changes) rather than as a removal and an addition. The summary's field counts are over modified record
 * types. Linear in types and fields, plus sorting what changed.
 */
export const diffSnapshots = (
  before: GraphSnapshot,
  after: GraphSnapshot,
  options: DiffOptions = {},
): GraphDiff => {
  // Matched through the maps in O(types); only what changed is sorted.
  const b = keyRecordTypes(before.recordTypes);
  const a = keyRecordTypes(after.recordTypes);
  const diff: GraphDiff = {
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
  for (const [projectId, keys] of b.byProject) {
    const afterKeys = a.byProject.get(projectId);
    for (const [key, n] of keys) {
      const m = afterKeys?.get(key);
      if (m === undefined) {
        diff.removedRecordTypes.push({ projectId, key });
        continue;
      }
      const nodeB = b.nodes[n]!;
      const nodeA = a.nodes[m]!;
      if (nodeB === nodeA) continue;
      const baseBefore = nodeB.baseType ?? null;
      const baseAfter = nodeA.baseType ?? null;
      const renames = options.renamesOf?.(projectId, key);
      const fields =
        renames && renames.size > 0
          ? diffFieldsRenamed(nodeB.fields, nodeA.fields, renames)
          : diffFields(nodeB.fields, nodeA.fields);
      const baseTypeChanged = baseBefore === baseAfter ? null : { before: baseBefore, after: baseAfter };
      const assignment = configChange(nodeB.assignmentConfig, nodeA.assignmentConfig);
      const sla = configChange(nodeB.slaConfig, nodeA.slaConfig);
      if (
        baseTypeChanged !== null ||
        assignment !== undefined ||
        sla !== undefined ||
        fields.addedFields.length > 0 ||
        fields.removedFields.length > 0 ||
        fields.modifiedFields.length > 0 ||
        fields.renamedFields.length > 0
      ) {
        const own = fields === NO_FIELD_CHANGES ? noFieldChanges() : fields; // no shared arrays out
        diff.modifiedRecordTypes.push({
          projectId,
          key,
          ...own,
          baseTypeChanged,
          ...(assignment ? { assignmentConfigChanged: assignment } : {}),
          ...(sla ? { slaConfigChanged: sla } : {}),
        });
      }
    }
  }
  for (const [projectId, keys] of a.byProject) {
    const beforeKeys = b.byProject.get(projectId);
    for (const key of keys.keys()) {
      if (!beforeKeys?.has(key)) diff.addedRecordTypes.push({ projectId, key });
    }
  }
  diff.addedRecordTypes.sort(compareNamed);
  diff.removedRecordTypes.sort(compareNamed);
  diff.modifiedRecordTypes.sort(compareNamed);
  const { summary } = diff;
  for (const d of diff.modifiedRecordTypes) {
    summary.fieldsAdded += d.addedFields.length;
    summary.fieldsRemoved += d.removedFields.length;
    summary.fieldsModified += d.modifiedFields.length;
    summary.fieldsRenamed += d.renamedFields.length;
  }
  summary.added = diff.addedRecordTypes.length;
  summary.removed = diff.removedRecordTypes.length;
  summary.modified = diff.modifiedRecordTypes.length;
  return diff;
};

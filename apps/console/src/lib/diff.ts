/** Schema diffs as the gateway computes them (typed by the SDK), summarised for people (pure, no DOM). */
import type { Schemas } from '@ec3l/sdk';

export type GraphDiff = Schemas['GraphDiff'];
export type RecordTypeDiff = GraphDiff['modifiedRecordTypes'][number];
export type FieldChange = RecordTypeDiff['modifiedFields'][number];
export type FieldDef = FieldChange['before'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` has the arrays and summary of a GraphDiff (what the viewer reads). */
export const isGraphDiff = (value: unknown): value is GraphDiff =>
  isObject(value) &&
  Array.isArray(value.addedRecordTypes) &&
  Array.isArray(value.removedRecordTypes) &&
  Array.isArray(value.modifiedRecordTypes) &&
  isObject(value.summary) &&
  value.modifiedRecordTypes.every(
    (rt) =>
      isObject(rt) &&
      Array.isArray(rt.addedFields) &&
      Array.isArray(rt.removedFields) &&
      Array.isArray(rt.modifiedFields),
  );

export const isEmptyDiff = (diff: GraphDiff): boolean =>
  diff.addedRecordTypes.length === 0 &&
  diff.removedRecordTypes.length === 0 &&
  diff.modifiedRecordTypes.every(
    (rt) =>
      rt.addedFields.length === 0 &&
      rt.removedFields.length === 0 &&
      rt.modifiedFields.length === 0 &&
      rt.renamedFields.length === 0 &&
      rt.baseTypeChanged === null &&
      rt.assignmentConfigChanged === undefined &&
      rt.slaConfigChanged === undefined,
  );

const count = (n: number, singular: string, plural: string) => `${n} ${n === 1 ? singular : plural}`;

export type DiffCount = { key: string; label: string; tone: 'emerald' | 'rose' | 'amber' };

/** The non-zero counts of a diff, as chips: `2 fields added`, `1 record type modified`. */
export const diffCounts = (diff: GraphDiff): DiffCount[] => summaryCounts(diff.summary);

/** The non-zero counts of a diff's summary (as a dry run on the timeline records it). */
export const summaryCounts = (s: GraphDiff['summary']): DiffCount[] => {
  const all: (DiffCount & { n: number })[] = [
    {
      key: 'added',
      n: s.added,
      label: `${count(s.added, 'record type', 'record types')} added`,
      tone: 'emerald',
    },
    {
      key: 'removed',
      n: s.removed,
      label: `${count(s.removed, 'record type', 'record types')} removed`,
      tone: 'rose',
    },
    {
      key: 'modified',
      n: s.modified,
      label: `${count(s.modified, 'record type', 'record types')} modified`,
      tone: 'amber',
    },
    {
      key: 'fieldsAdded',
      n: s.fieldsAdded,
      label: `${count(s.fieldsAdded, 'field', 'fields')} added`,
      tone: 'emerald',
    },
    {
      key: 'fieldsRemoved',
      n: s.fieldsRemoved,
      label: `${count(s.fieldsRemoved, 'field', 'fields')} removed`,
      tone: 'rose',
    },
    {
      key: 'fieldsModified',
      n: s.fieldsModified,
      label: `${count(s.fieldsModified, 'field', 'fields')} modified`,
      tone: 'amber',
    },
    {
      key: 'fieldsRenamed',
      n: s.fieldsRenamed,
      label: `${count(s.fieldsRenamed, 'field', 'fields')} renamed`,
      tone: 'amber',
    },
  ];
  return all.filter((c) => c.n > 0).map(({ n: _n, ...chip }) => chip);
};

/** The whole diff in one sentence: `incident: 2 fields added, 1 field modified`, or `No schema changes`. */
export const summariseDiff = (diff: GraphDiff): string => {
  if (isEmptyDiff(diff)) return 'No schema changes';
  const parts: string[] = [];
  for (const rt of diff.addedRecordTypes) parts.push(`${rt.key} added`);
  for (const rt of diff.removedRecordTypes) parts.push(`${rt.key} removed`);
  for (const rt of diff.modifiedRecordTypes) {
    const changes: string[] = [];
    if (rt.addedFields.length > 0) changes.push(`${count(rt.addedFields.length, 'field', 'fields')} added`);
    if (rt.removedFields.length > 0)
      changes.push(`${count(rt.removedFields.length, 'field', 'fields')} removed`);
    if (rt.modifiedFields.length > 0) {
      changes.push(`${count(rt.modifiedFields.length, 'field', 'fields')} modified`);
    }
    if (rt.renamedFields.length > 0)
      changes.push(`${count(rt.renamedFields.length, 'field', 'fields')} renamed`);
    if (rt.baseTypeChanged) changes.push('base type changed');
    if (rt.assignmentConfigChanged) changes.push('assignment changed');
    if (rt.slaConfigChanged) changes.push('SLA changed');
    if (changes.length > 0) parts.push(`${rt.key}: ${changes.join(', ')}`);
  }
  return parts.join('; ');
};

const PROPERTY_LABELS: Record<string, string> = {
  type: 'type',
  label: 'label',
  required: 'required',
  defaultValue: 'default',
  choiceListId: 'choice list',
  referenceRecordTypeKey: 'references',
};

/** A property's value for people: `—` for none, yes/no for booleans, JSON for default values. */
export const formatFieldValue = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
};

export type PropertyChange = { property: string; label: string; before: string; after: string };

/**
 * What changed in a modified field, property by property, in the order the gateway lists them;
 * `choiceListName` shows a choice list by name instead of its id when known.
 */
export const describeFieldChange = (
  change: Pick<FieldChange, 'changes' | 'before' | 'after'>,
  choiceListName?: (id: string) => string | undefined,
): PropertyChange[] =>
  change.changes.map((property) => {
    const show = (value: unknown) =>
      property === 'choiceListId' && typeof value === 'string'
        ? (choiceListName?.(value) ?? value)
        : formatFieldValue(value);
    return {
      property,
      label: PROPERTY_LABELS[property] ?? property,
      before: show((change.before as Record<string, unknown>)[property]),
      after: show((change.after as Record<string, unknown>)[property]),
    };
  });

/** What a merge asks before it runs: the diff in one sentence and, when fields go, the key to type. */
export type MergeConfirmation = {
  summary: string;
  /** Record types losing fields (their keys and the field names), in diff order. */
  removals: { key: string; fields: string[] }[];
  /** The text the user types to confirm a merge that removes fields (null: a click is enough). */
  typeToConfirm: string | null;
};

/**
 * Removing a field drops its data, so a merge that removes fields (or whole record types) is confirmed
 * by typing the record-type key; several record types are typed as their keys joined by ", ".
 */
export const mergeConfirmation = (diff: GraphDiff): MergeConfirmation => {
  const removals = [
    ...diff.removedRecordTypes.map((rt) => ({ key: rt.key, fields: [] as string[] })),
    ...diff.modifiedRecordTypes
      .filter((rt) => rt.removedFields.length > 0)
      .map((rt) => ({ key: rt.key, fields: rt.removedFields.map((f) => f.name) })),
  ];
  return {
    summary: summariseDiff(diff),
    removals,
    typeToConfirm: removals.length > 0 ? removals.map((r) => r.key).join(', ') : null,
  };
};

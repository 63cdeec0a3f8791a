import { describe, expect, it } from 'vitest';
import {
  describeFieldChange,
  diffCounts,
  formatFieldValue,
  type GraphDiff,
  isEmptyDiff,
  isGraphDiff,
  mergeConfirmation,
  summariseDiff,
} from './diff';

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  label: null,
  required: false,
  defaultValue: null,
  choiceListId: null,
  referenceRecordTypeKey: null,
  ...extra,
});

const EMPTY: GraphDiff = {
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

const DIFF: GraphDiff = {
  addedRecordTypes: [],
  removedRecordTypes: [],
  modifiedRecordTypes: [
    {
      projectId: 'p',
      key: 'incident',
      addedFields: [field('priority', 'number'), field('summary', 'text')],
      removedFields: [field('legacy', 'string')],
      modifiedFields: [
        {
          name: 'title',
          before: field('title', 'string'),
          after: field('title', 'text', { label: 'Title', required: true }),
          changes: ['type', 'label', 'required'],
        },
      ],
      renamedFields: [
        {
          from: 'desc',
          to: 'description',
          before: field('desc', 'text'),
          after: field('description', 'text'),
          changes: [],
        },
      ],
      baseTypeChanged: null,
    },
  ],
  summary: {
    added: 0,
    removed: 0,
    modified: 1,
    fieldsAdded: 2,
    fieldsRemoved: 1,
    fieldsModified: 1,
    fieldsRenamed: 1,
  },
};

describe('isGraphDiff', () => {
  it('accepts the gateway diff and refuses other shapes', () => {
    expect(isGraphDiff(DIFF)).toBe(true);
    expect(isGraphDiff(EMPTY)).toBe(true);
    expect(isGraphDiff(null)).toBe(false);
    expect(isGraphDiff({ ...DIFF, summary: undefined })).toBe(false);
    expect(isGraphDiff({ ...DIFF, modifiedRecordTypes: [{ key: 'x' }] })).toBe(false);
  });
});

describe('summariseDiff', () => {
  it('says per record type how many fields were added, removed and modified', () => {
    expect(summariseDiff(DIFF)).toBe(
      'incident: 2 fields added, 1 field removed, 1 field modified, 1 field renamed',
    );
  });

  it('names added and removed record types and a changed base type', () => {
    const diff: GraphDiff = {
      ...EMPTY,
      addedRecordTypes: [{ projectId: 'p', key: 'problem' }],
      removedRecordTypes: [{ projectId: 'p', key: 'task' }],
      modifiedRecordTypes: [
        {
          projectId: 'p',
          key: 'incident',
          addedFields: [],
          removedFields: [],
          modifiedFields: [],
          renamedFields: [],
          baseTypeChanged: { before: null, after: 'task' },
        },
      ],
    };
    expect(summariseDiff(diff)).toBe('problem added; task removed; incident: base type changed');
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('says so when nothing changes', () => {
    expect(isEmptyDiff(EMPTY)).toBe(true);
    expect(summariseDiff(EMPTY)).toBe('No schema changes');
  });
});

describe('diffCounts', () => {
  it('lists the non-zero counts, coloured by kind, in singular or plural', () => {
    expect(diffCounts(DIFF)).toEqual([
      { key: 'modified', label: '1 record type modified', tone: 'amber' },
      { key: 'fieldsAdded', label: '2 fields added', tone: 'emerald' },
      { key: 'fieldsRemoved', label: '1 field removed', tone: 'rose' },
      { key: 'fieldsModified', label: '1 field modified', tone: 'amber' },
      { key: 'fieldsRenamed', label: '1 field renamed', tone: 'amber' },
    ]);
    expect(diffCounts(EMPTY)).toEqual([]);
  });
});

describe('describeFieldChange', () => {
  it('gives each changed property before and after, in the order the gateway lists them', () => {
    const [modified] = DIFF.modifiedRecordTypes[0]!.modifiedFields;
    expect(describeFieldChange(modified!)).toEqual([
      { property: 'type', label: 'type', before: 'string', after: 'text' },
      { property: 'label', label: 'label', before: '—', after: 'Title' },
      { property: 'required', label: 'required', before: 'no', after: 'yes' },
    ]);
  });

  it('names a choice list instead of its id when it is known', () => {
    const change = {
      name: 'severity',
      before: field('severity', 'choice', { choiceListId: 'a' }),
      after: field('severity', 'choice', { choiceListId: 'b' }),
      changes: ['choiceListId'],
    };
    const names: Record<string, string> = { a: 'Old severities' };
    expect(describeFieldChange(change, (id) => names[id])).toEqual([
      { property: 'choiceListId', label: 'choice list', before: 'Old severities', after: 'b' },
    ]);
  });

  it('shows default values as JSON', () => {
    expect(formatFieldValue({ level: 1 })).toBe('{"level":1}');
    expect(formatFieldValue(3)).toBe('3');
    expect(formatFieldValue(undefined)).toBe('—');
  });
});

describe('mergeConfirmation', () => {
  it('asks for the record-type key when the merge removes fields', () => {
    expect(mergeConfirmation(DIFF)).toEqual({
      summary: 'incident: 2 fields added, 1 field removed, 1 field modified, 1 field renamed',
      removals: [{ key: 'incident', fields: ['legacy'] }],
      typeToConfirm: 'incident',
    });
  });

  it('is a plain confirmation when nothing is removed', () => {
    const additive: GraphDiff = {
      ...DIFF,
      modifiedRecordTypes: DIFF.modifiedRecordTypes.map((rt) => ({ ...rt, removedFields: [] })),
    };
    expect(mergeConfirmation(additive).typeToConfirm).toBeNull();
    expect(mergeConfirmation(EMPTY)).toEqual({
      summary: 'No schema changes',
      removals: [],
      typeToConfirm: null,
    });
  });

  it('joins the keys of every record type losing fields or removed', () => {
    const wide: GraphDiff = {
      ...DIFF,
      removedRecordTypes: [{ key: 'old_thing', projectId: 'p' }],
      modifiedRecordTypes: [...DIFF.modifiedRecordTypes, { ...DIFF.modifiedRecordTypes[0]!, key: 'task' }],
    };
    expect(mergeConfirmation(wide).typeToConfirm).toBe('old_thing, incident, task');
  });
});

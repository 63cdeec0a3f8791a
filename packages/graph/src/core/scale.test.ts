import { describe, expect, it } from 'vitest';
import { effectiveFieldsOf, field, recordType as rt, snapshot } from '../testing-only/fixtures.js';
import type { FieldDef, GraphSnapshot, RecordTypeNode } from './contracts.js';
import { diffSnapshots } from './diff.js';
import { indexGraph } from './graph-index.js';
import { validateGraph } from './validate.js';

// 10 projects × 1,000 record types × 10 own fields: chains five deep, one reference and one choice field
// per type. Validation time is measured by scripts/bench-validate.mjs; here the results are checked.
const PROJECTS = 10;
const PER_PROJECT = 1_000;

const large = (): GraphSnapshot => {
  const recordTypes: RecordTypeNode[] = [];
  for (let p = 0; p < PROJECTS; p++) {
    for (let i = 0; i < PER_PROJECT; i++) {
      const key = `type_${i}`;
      const fields: FieldDef[] = Array.from({ length: 10 }, (_, j) => {
        const name = `${key}_f${j}`;
        if (j === 0) return field(name, 'reference', { referenceRecordTypeKey: `type_${i - (i % 5)}` });
        if (j === 1) return field(name, 'choice', { choiceListId: `list_${i % 20}` });
        return field(name, j % 2 === 0 ? 'string' : 'number', { required: j === 2 });
      });
      recordTypes.push(
        rt(key, { projectId: `project_${p}`, baseType: i % 5 === 0 ? null : `type_${i - 1}`, fields }),
      );
    }
  }
  return snapshot(
    recordTypes,
    Array.from({ length: 20 }, (_, i) => `list_${i}`),
  );
};

describe('10,000 record types with 10 fields each', () => {
  it('a valid graph of 10,000 types has no errors, and broken types are each found', () => {
    const s = large();
    expect(s.recordTypes).toHaveLength(10_000);
    expect(validateGraph(s)).toEqual([]);

    const broken = structuredClone(s);
    const at = (p: number, i: number) => broken.recordTypes[p * PER_PROJECT + i]!;
    at(0, 7).baseType = 'nowhere';
    at(1, 12).baseType = 'type_13';
    at(1, 13).baseType = 'type_12';
    at(2, 20).baseType = 'only_elsewhere';
    at(3, 0).key = 'only_elsewhere';
    at(4, 9).fields.push(field('type_5_f3'));
    at(5, 3).fields[1]!.choiceListId = 'list_99';
    const errors = validateGraph(broken).map((e) => [e.code, e.projectId, e.recordTypeKey, e.field ?? null]);
    expect(errors).toEqual([
      ['ORPHAN_BASE_TYPE', 'project_0', 'type_7', null],
      ['BASE_TYPE_CYCLE', 'project_1', 'type_12', null],
      ['BASE_TYPE_CYCLE', 'project_1', 'type_13', null],
      ['BASE_TYPE_CROSS_PROJECT', 'project_2', 'type_20', null],
      // type_0 of project_3 was renamed: the references of its chain to type_0 now miss (type_0 exists
      // only in other projects), and so does type_1's base type.
      ['BINDING_TARGET_MISSING', 'project_3', 'only_elsewhere', 'type_0_f0'],
      ['BASE_TYPE_CROSS_PROJECT', 'project_3', 'type_1', null],
      ['BINDING_TARGET_MISSING', 'project_3', 'type_1', 'type_1_f0'],
      ['BINDING_TARGET_MISSING', 'project_3', 'type_2', 'type_2_f0'],
      ['BINDING_TARGET_MISSING', 'project_3', 'type_3', 'type_3_f0'],
      ['BINDING_TARGET_MISSING', 'project_3', 'type_4', 'type_4_f0'],
      ['DUPLICATE_FIELD', 'project_4', 'type_9', 'type_5_f3'],
      ['BINDING_TARGET_MISSING', 'project_5', 'type_3', 'type_3_f1'],
    ]);
  });

  it('the diff of 10,000 types finds exactly what changed', () => {
    const before = large();
    const after = structuredClone(before);
    after.recordTypes[42]!.fields[3]!.required = true;
    after.recordTypes[43]!.fields.pop();
    after.recordTypes[9_999]!.baseType = null;
    after.recordTypes.splice(500, 1);
    after.recordTypes.push(rt('brand_new', { projectId: 'project_0' }));
    after.recordTypes.reverse();
    const diff = diffSnapshots(before, after);
    expect(diff.summary).toEqual({
      added: 1,
      removed: 1,
      modified: 3,
      fieldsAdded: 0,
      fieldsRemoved: 1,
      fieldsModified: 1,
      fieldsRenamed: 0,
    });
    expect(diff.modifiedRecordTypes.map((d) => `${d.projectId}/${d.key}`)).toEqual([
      'project_0/type_42',
      'project_0/type_43',
      'project_9/type_999',
    ]);
    expect(diffSnapshots(before, structuredClone(before)).summary.modified).toBe(0);
  });

  it('a single chain 10,000 types deep validates and resolves without recursion', () => {
    const types = Array.from({ length: 10_000 }, (_, i) =>
      rt(`t${i}`, { baseType: i === 0 ? null : `t${i - 1}`, fields: [field(`f${i}`)] }),
    );
    const s = snapshot(types.reverse());
    expect(validateGraph(s)).toEqual([]);
    const fields = effectiveFieldsOf(indexGraph(s), 'p1', 't9999');
    expect(fields).toHaveLength(10_000);
    expect(fields[0]).toMatchObject({ name: 'f0', inheritedFrom: 't0' });
  });
});

import { describe, expect, it } from 'vitest';
import { field, recordType as rt, snapshot } from '../testing-only/fixtures.js';
import type { GraphValidationError } from './contracts.js';
import { indexGraph } from './graph-index.js';
import {
  validateBaseTypeSameProject,
  validateBindingTargetsExist,
  validateFieldUniquenessPerRecordType,
  validateGraph,
  validateNoCyclesInBaseType,
  validateNoOrphanRecordTypes,
} from './validate.js';

const brief = (errors: GraphValidationError[]) =>
  errors.map((e) => [e.code, e.projectId, e.recordTypeKey, e.field ?? null]);

describe('validateNoOrphanRecordTypes', () => {
  it('ORPHAN_BASE_TYPE: a base type that exists in no project', () => {
    const errors = validateNoOrphanRecordTypes(snapshot([rt('incident', { baseType: 'task' })]));
    expect(errors).toEqual([
      {
        code: 'ORPHAN_BASE_TYPE',
        projectId: 'p1',
        recordTypeKey: 'incident',
        message: 'base type "task" of "incident" is not a record type of any project',
      },
    ]);
  });

  it('ORPHAN_BASE_TYPE: a base type in the same project is not an orphan', () => {
    expect(validateNoOrphanRecordTypes(snapshot([rt('task'), rt('incident', { baseType: 'task' })]))).toEqual(
      [],
    );
  });

  it('ORPHAN_BASE_TYPE: a base type present only in another project is left to BASE_TYPE_CROSS_PROJECT', () => {
    const s = snapshot([rt('task', { projectId: 'p2' }), rt('incident', { baseType: 'task' })]);
    expect(validateNoOrphanRecordTypes(s)).toEqual([]);
    expect(brief(validateBaseTypeSameProject(s))).toEqual([
      ['BASE_TYPE_CROSS_PROJECT', 'p1', 'incident', null],
    ]);
  });

  it('ORPHAN_BASE_TYPE: a type without a base type is never an orphan', () => {
    expect(validateNoOrphanRecordTypes(snapshot([rt('task')]))).toEqual([]);
  });

  it('ORPHAN_BASE_TYPE: an empty base type key is a key like any other, so an orphan', () => {
    expect(brief(validateNoOrphanRecordTypes(snapshot([rt('task', { baseType: '' })])))).toEqual([
      ['ORPHAN_BASE_TYPE', 'p1', 'task', null],
    ]);
  });
});

describe('validateBaseTypeSameProject', () => {
  it('BASE_TYPE_CROSS_PROJECT: a base type that exists only in another project (P6)', () => {
    const s = snapshot([
      rt('task', { projectId: 'p2' }),
      rt('incident', { projectId: 'p1', baseType: 'task' }),
    ]);
    expect(validateBaseTypeSameProject(s)).toEqual([
      {
        code: 'BASE_TYPE_CROSS_PROJECT',
        projectId: 'p1',
        recordTypeKey: 'incident',
        message:
          'base type "task" of "incident" belongs to project "p2", not to project "p1": a base type must be in the same project (P6)',
      },
    ]);
  });

  it('BASE_TYPE_CROSS_PROJECT: a key in both projects resolves in the own project, no error', () => {
    const s = snapshot([
      rt('task', { projectId: 'p1' }),
      rt('task', { projectId: 'p2' }),
      rt('incident', { baseType: 'task' }),
    ]);
    expect(validateBaseTypeSameProject(s)).toEqual([]);
  });

  it('BASE_TYPE_CROSS_PROJECT: the message names the other projects, sorted, at most three', () => {
    const s = snapshot([
      ...['p5', 'p3', 'p4', 'p2'].map((projectId) => rt('task', { projectId })),
      rt('incident', { baseType: 'task' }),
    ]);
    expect(validateBaseTypeSameProject(s)[0]?.message).toContain(
      'belongs to projects "p2", "p3", "p4" and 1 more',
    );
  });

  it('BASE_TYPE_CROSS_PROJECT: an orphan is not reported here', () => {
    expect(validateBaseTypeSameProject(snapshot([rt('incident', { baseType: 'task' })]))).toEqual([]);
  });
});

describe('validateNoCyclesInBaseType', () => {
  it('BASE_TYPE_CYCLE: a type that is its own base type', () => {
    expect(validateNoCyclesInBaseType(snapshot([rt('task', { baseType: 'task' })]))).toEqual([
      {
        code: 'BASE_TYPE_CYCLE',
        projectId: 'p1',
        recordTypeKey: 'task',
        message: '"task" is its own base type',
      },
    ]);
  });

  it('BASE_TYPE_CYCLE: one error for each type of a three-type cycle, none for a type hanging off it', () => {
    const s = snapshot([
      rt('a', { baseType: 'b' }),
      rt('b', { baseType: 'c' }),
      rt('c', { baseType: 'a' }),
      rt('leaf', { baseType: 'a' }),
    ]);
    const errors = validateNoCyclesInBaseType(s);
    expect(brief(errors)).toEqual([
      ['BASE_TYPE_CYCLE', 'p1', 'a', null],
      ['BASE_TYPE_CYCLE', 'p1', 'b', null],
      ['BASE_TYPE_CYCLE', 'p1', 'c', null],
    ]);
    expect(errors[1]?.message).toBe('"b" is on a cycle of 3 base types: "b" → "c" → "a" → "b"');
  });

  it('BASE_TYPE_CYCLE: a long cycle is shown in part', () => {
    const keys = Array.from({ length: 8 }, (_, i) => `k${i}`);
    const s = snapshot(keys.map((key, i) => rt(key, { baseType: keys[(i + 1) % keys.length]! })));
    const errors = validateNoCyclesInBaseType(s);
    expect(errors).toHaveLength(8);
    expect(errors[0]?.message).toBe(
      '"k0" is on a cycle of 8 base types: "k0" → "k1" → "k2" → "k3" → "k4" → … → "k0"',
    );
  });

  it('BASE_TYPE_CYCLE: the same keys in two projects do not make a cycle across them', () => {
    const s = snapshot([
      rt('a', { projectId: 'p1', baseType: 'b' }),
      rt('b', { projectId: 'p2', baseType: 'a' }),
    ]);
    expect(validateNoCyclesInBaseType(s)).toEqual([]);
  });

  it('BASE_TYPE_CYCLE: a chain ending in an orphan is not a cycle', () => {
    expect(
      validateNoCyclesInBaseType(snapshot([rt('a', { baseType: 'b' }), rt('b', { baseType: 'x' })])),
    ).toEqual([]);
  });
});

describe('validateFieldUniquenessPerRecordType', () => {
  it('DUPLICATE_FIELD: the same name twice among own fields', () => {
    const s = snapshot([rt('task', { fields: [field('title'), field('title', 'text'), field('state')] })]);
    expect(validateFieldUniquenessPerRecordType(s)).toEqual([
      {
        code: 'DUPLICATE_FIELD',
        projectId: 'p1',
        recordTypeKey: 'task',
        field: 'title',
        message: 'field "title" is declared 2 times on "task"',
      },
    ]);
  });

  it('DUPLICATE_FIELD: an own field with the name of a field inherited from the root of the chain', () => {
    const s = snapshot([
      rt('base', { fields: [field('title')] }),
      rt('task', { baseType: 'base', fields: [field('state')] }),
      rt('incident', { baseType: 'task', fields: [field('title', 'text')] }),
    ]);
    expect(validateFieldUniquenessPerRecordType(s)).toEqual([
      {
        code: 'DUPLICATE_FIELD',
        projectId: 'p1',
        recordTypeKey: 'incident',
        field: 'title',
        message: 'field "title" of "incident" has the name of a field inherited from "base"',
      },
    ]);
  });

  it('DUPLICATE_FIELD: one error per type and name, even when the name repeats and is inherited', () => {
    const s = snapshot([
      rt('base', { fields: [field('title')] }),
      rt('task', { baseType: 'base', fields: [field('title'), field('title')] }),
    ]);
    expect(validateFieldUniquenessPerRecordType(s)).toEqual([
      {
        code: 'DUPLICATE_FIELD',
        projectId: 'p1',
        recordTypeKey: 'task',
        field: 'title',
        message: 'field "title" is declared 2 times on "task" and is also inherited from "base"',
      },
    ]);
  });

  it('DUPLICATE_FIELD: siblings may declare the same name', () => {
    const s = snapshot([
      rt('base', { fields: [field('title')] }),
      rt('incident', { baseType: 'base', fields: [field('severity')] }),
      rt('problem', { baseType: 'base', fields: [field('severity')] }),
    ]);
    expect(validateFieldUniquenessPerRecordType(s)).toEqual([]);
  });

  it('DUPLICATE_FIELD: a name of a type in another project, or of a descendant, is not inherited', () => {
    const s = snapshot([
      rt('base', { projectId: 'p2', fields: [field('title')] }),
      rt('base', { fields: [field('state')] }),
      rt('task', { baseType: 'base', fields: [field('title')] }),
    ]);
    expect(validateFieldUniquenessPerRecordType(s)).toEqual([]);
  });

  it('DUPLICATE_FIELD: types on a cycle inherit nothing, only their own fields are compared', () => {
    const s = snapshot([
      rt('a', { baseType: 'b', fields: [field('title')] }),
      rt('b', { baseType: 'a', fields: [field('title'), field('x'), field('x')] }),
      rt('leaf', { baseType: 'a', fields: [field('title')] }),
    ]);
    expect(brief(validateFieldUniquenessPerRecordType(s))).toEqual([['DUPLICATE_FIELD', 'p1', 'b', 'x']]);
  });

  it('DUPLICATE_FIELD: the name check runs below an orphan base type', () => {
    const s = snapshot([
      rt('task', { baseType: 'gone', fields: [field('title')] }),
      rt('incident', { baseType: 'task', fields: [field('title')] }),
    ]);
    expect(brief(validateFieldUniquenessPerRecordType(s))).toEqual([
      ['DUPLICATE_FIELD', 'p1', 'incident', 'title'],
    ]);
  });
});

describe('validateBindingTargetsExist', () => {
  const base = [rt('user'), rt('user', { projectId: 'p2' }), rt('team', { projectId: 'p2' })];

  it('BINDING_TARGET_MISSING: a reference field pointing at a type of no project', () => {
    const s = snapshot([
      ...base,
      rt('task', { fields: [field('owner', 'reference', { referenceRecordTypeKey: 'person' })] }),
    ]);
    expect(validateBindingTargetsExist(s)).toEqual([
      {
        code: 'BINDING_TARGET_MISSING',
        projectId: 'p1',
        recordTypeKey: 'task',
        field: 'owner',
        message:
          'reference field "owner" of "task" points at "person", which is not a record type of project "p1"',
      },
    ]);
  });

  it('BINDING_TARGET_MISSING: a reference field pointing at a type of another project only', () => {
    const s = snapshot([
      ...base,
      rt('task', { fields: [field('team', 'reference', { referenceRecordTypeKey: 'team' })] }),
    ]);
    expect(validateBindingTargetsExist(s)[0]?.message).toBe(
      'reference field "team" of "task" points at "team", which is not a record type of project "p1" (it is in project "p2")',
    );
  });

  it('BINDING_TARGET_MISSING: a reference field without a target', () => {
    const s = snapshot([...base, rt('task', { fields: [field('owner', 'reference')] })]);
    expect(brief(validateBindingTargetsExist(s))).toEqual([
      ['BINDING_TARGET_MISSING', 'p1', 'task', 'owner'],
    ]);
  });

  it('BINDING_TARGET_MISSING: a choice field whose list the tenant does not have, and one without a list', () => {
    const s = snapshot(
      [
        rt('task', {
          fields: [
            field('priority', 'choice', { choiceListId: 'priorities' }),
            field('state', 'choice', { choiceListId: 'gone' }),
            field('kind', 'choice'),
          ],
        }),
      ],
      ['priorities'],
    );
    const errors = validateBindingTargetsExist(s);
    expect(brief(errors)).toEqual([
      ['BINDING_TARGET_MISSING', 'p1', 'task', 'kind'],
      ['BINDING_TARGET_MISSING', 'p1', 'task', 'state'],
    ]);
    expect(errors[1]?.message).toBe(
      'choice field "state" of "task" uses choice list "gone", which the tenant does not have',
    );
  });

  it('BINDING_TARGET_MISSING: resolvable references (self included) and other field types pass', () => {
    const s = snapshot(
      [
        ...base,
        rt('task', {
          fields: [
            field('owner', 'reference', { referenceRecordTypeKey: 'user' }),
            field('parent', 'reference', { referenceRecordTypeKey: 'task' }),
            field('priority', 'choice', { choiceListId: 'priorities' }),
            field('title', 'string', { choiceListId: 'ignored', referenceRecordTypeKey: 'ignored' }),
          ],
        }),
      ],
      ['priorities'],
    );
    expect(validateBindingTargetsExist(s)).toEqual([]);
  });
});

describe('validateGraph', () => {
  it('runs all five and sorts by projectId, recordTypeKey, code, field', () => {
    const s = snapshot(
      [
        rt('z', { projectId: 'p2', baseType: 'z' }),
        rt('task', { projectId: 'p9' }),
        rt('b', {
          baseType: 'task',
          fields: [field('x'), field('x'), field('c', 'choice', { choiceListId: 'no' })],
        }),
        rt('a', {
          baseType: 'nowhere',
          fields: [field('r', 'reference', { referenceRecordTypeKey: 'gone' })],
        }),
      ],
      [],
    );
    expect(brief(validateGraph(s))).toEqual([
      ['BINDING_TARGET_MISSING', 'p1', 'a', 'r'],
      ['ORPHAN_BASE_TYPE', 'p1', 'a', null],
      ['BASE_TYPE_CROSS_PROJECT', 'p1', 'b', null],
      ['BINDING_TARGET_MISSING', 'p1', 'b', 'c'],
      ['DUPLICATE_FIELD', 'p1', 'b', 'x'],
      ['BASE_TYPE_CYCLE', 'p2', 'z', null],
    ]);
  });

  it('accepts an index as well as a snapshot, with the same result', () => {
    const s = snapshot([rt('a', { baseType: 'a' }), rt('b', { baseType: 'x' })]);
    expect(validateGraph(indexGraph(s))).toEqual(validateGraph(s));
    expect(validateNoCyclesInBaseType(indexGraph(s))).toEqual(validateNoCyclesInBaseType(s));
  });

  it('an empty snapshot is valid', () => {
    expect(validateGraph(snapshot([]))).toEqual([]);
  });

  it('a duplicate (projectId, key) resolves to the same record type whatever the input order', () => {
    const first = rt('task', { id: 'id-1', fields: [field('title')] });
    const second = rt('task', { id: 'id-2', fields: [field('state')] });
    const leaf = rt('incident', { baseType: 'task', fields: [field('title')] });
    const errors = validateGraph(snapshot([first, second, leaf]));
    expect(errors).toEqual(validateGraph(snapshot([leaf, second, first])));
    expect(brief(errors)).toEqual([['DUPLICATE_FIELD', 'p1', 'incident', 'title']]);
  });
});

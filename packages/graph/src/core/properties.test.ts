import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arbKeyedSnapshot,
  arbSnapshot,
  arbValidChain,
  effectiveFieldsOf,
  field,
  permuteSnapshot,
  recordType as rt,
  snapshot,
} from '../testing-only/fixtures.js';
import type { GraphSnapshot } from './contracts.js';
import { diffSnapshots } from './diff.js';
import { indexGraph } from './graph-index.js';
import {
  compareErrors,
  validateBaseTypeSameProject,
  validateBindingTargetsExist,
  validateFieldUniquenessPerRecordType,
  validateGraph,
  validateNoCyclesInBaseType,
  validateNoOrphanRecordTypes,
} from './validate.js';

const validators = [
  validateNoOrphanRecordTypes,
  validateNoCyclesInBaseType,
  validateBaseTypeSameProject,
  validateFieldUniquenessPerRecordType,
  validateBindingTargetsExist,
];

const totalFields = (s: GraphSnapshot) => s.recordTypes.reduce((n, t) => n + t.fields.length, 0);

describe('diffSnapshots (properties)', () => {
  it('E5: diff(s, s) is empty, also against a deep copy', () => {
    fc.assert(
      fc.property(arbSnapshot, (s) => {
        const empty = {
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
        expect(diffSnapshots(s, s)).toEqual(empty);
        expect(diffSnapshots(s, structuredClone(s))).toEqual(empty);
      }),
    );
  });

  it('E5: the diff does not depend on the order of record types, fields or choice lists', () => {
    fc.assert(
      fc.property(arbSnapshot, arbSnapshot, fc.integer(), fc.integer(), (a, b, seedA, seedB) => {
        expect(diffSnapshots(permuteSnapshot(a, seedA), permuteSnapshot(b, seedB))).toEqual(
          diffSnapshots(a, b),
        );
      }),
    );
  });

  it('the summary counts what the lists hold, and every list is sorted', () => {
    fc.assert(
      fc.property(arbKeyedSnapshot, arbKeyedSnapshot, (a, b) => {
        const diff = diffSnapshots(a, b);
        const sum = (pick: (d: (typeof diff.modifiedRecordTypes)[number]) => unknown[]) =>
          diff.modifiedRecordTypes.reduce((n, d) => n + pick(d).length, 0);
        expect(diff.summary).toEqual({
          added: diff.addedRecordTypes.length,
          removed: diff.removedRecordTypes.length,
          modified: diff.modifiedRecordTypes.length,
          fieldsAdded: sum((d) => d.addedFields),
          fieldsRemoved: sum((d) => d.removedFields),
          fieldsModified: sum((d) => d.modifiedFields),
          fieldsRenamed: sum((d) => d.renamedFields),
        });
        const ids = (list: { projectId: string; key: string }[]) =>
          list.map((t) => `${t.projectId}\u0000${t.key}`);
        for (const list of [diff.addedRecordTypes, diff.removedRecordTypes, diff.modifiedRecordTypes]) {
          expect(ids(list)).toEqual([...ids(list)].sort());
        }
        for (const d of diff.modifiedRecordTypes) {
          expect(d.modifiedFields.every((f) => f.changes.length > 0)).toBe(true);
        }
      }),
    );
  });

  it('reversing a diff swaps added and removed', () => {
    fc.assert(
      fc.property(arbKeyedSnapshot, arbKeyedSnapshot, (a, b) => {
        const forward = diffSnapshots(a, b);
        const backward = diffSnapshots(b, a);
        expect(backward.addedRecordTypes).toEqual(forward.removedRecordTypes);
        expect(backward.removedRecordTypes).toEqual(forward.addedRecordTypes);
        expect(backward.summary.fieldsAdded).toBe(forward.summary.fieldsRemoved);
        expect(backward.summary.modified).toBe(forward.summary.modified);
      }),
    );
  });
});

describe('validators (properties)', () => {
  it('never throw, never mutate, and return sorted errors on any snapshot (cycles, self-reference, duplicate keys)', () => {
    fc.assert(
      fc.property(arbSnapshot, (s) => {
        const copy = structuredClone(s);
        for (const validate of [...validators, validateGraph]) {
          const errors = validate(s);
          expect([...errors].sort(compareErrors)).toEqual(errors);
        }
        expect(s).toEqual(copy);
      }),
    );
  });

  it('validateGraph is the five validators together, in one order', () => {
    fc.assert(
      fc.property(arbSnapshot, (s) => {
        const all = validators.flatMap((validate) => validate(s)).sort(compareErrors);
        expect(validateGraph(s)).toEqual(all);
        expect(validateGraph(indexGraph(s))).toEqual(all);
      }),
    );
  });

  it('E5: validateGraph does not depend on the order of record types, fields or choice lists', () => {
    fc.assert(
      fc.property(arbSnapshot, fc.integer(), (s, seed) => {
        expect(validateGraph(permuteSnapshot(s, seed))).toEqual(validateGraph(s));
      }),
    );
  });

  it('an unresolvable base type is either an orphan or cross-project, never both', () => {
    fc.assert(
      fc.property(arbKeyedSnapshot, (s) => {
        const orphans = new Set(
          validateNoOrphanRecordTypes(s).map((e) => `${e.projectId}/${e.recordTypeKey}`),
        );
        const cross = new Set(validateBaseTypeSameProject(s).map((e) => `${e.projectId}/${e.recordTypeKey}`));
        const keys = new Set(s.recordTypes.map((t) => `${t.projectId}/${t.key}`));
        for (const t of s.recordTypes) {
          const id = `${t.projectId}/${t.key}`;
          const unresolved = t.baseType !== null && !keys.has(`${t.projectId}/${t.baseType}`);
          expect(orphans.has(id) || cross.has(id)).toBe(unresolved);
          expect(orphans.has(id) && cross.has(id)).toBe(false);
        }
      }),
    );
  });

  it('DUPLICATE_FIELD names exactly the own fields that repeat, or repeat a name resolveEffectiveFields inherits', () => {
    fc.assert(
      fc.property(arbKeyedSnapshot, (s) => {
        const index = indexGraph(s);
        const reported = validateFieldUniquenessPerRecordType(s);
        for (const t of s.recordTypes) {
          const fields = effectiveFieldsOf(index, t.projectId, t.key);
          const inherited = new Set(fields.filter((f) => f.inherited).map((f) => f.name));
          const own = t.fields.map((f) => f.name);
          const expected = [...new Set(own)]
            .filter((name) => inherited.has(name) || own.indexOf(name) !== own.lastIndexOf(name))
            .sort();
          const actual = reported
            .filter((e) => e.projectId === t.projectId && e.recordTypeKey === t.key)
            .map((e) => e.field);
          expect(actual).toEqual(expected);
        }
      }),
    );
  });

  it('on a graph without errors, every type has distinct effective field names', () => {
    fc.assert(
      fc.property(arbKeyedSnapshot, (s) => {
        fc.pre(validateGraph(s).length === 0);
        const index = indexGraph(s);
        for (const t of s.recordTypes) {
          const names = effectiveFieldsOf(index, t.projectId, t.key).map((f) => f.name);
          expect(new Set(names).size).toBe(names.length);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('resolveEffectiveFields of @ec3l/records on snapshots (properties)', () => {
  it('terminates on any snapshot, cycles included, and never lists more fields than the snapshot holds', () => {
    fc.assert(
      fc.property(arbSnapshot, (s) => {
        const index = indexGraph(s);
        for (const t of s.recordTypes) {
          const fields = effectiveFieldsOf(index, t.projectId, t.key);
          expect(fields.length).toBeLessThanOrEqual(totalFields(s));
        }
      }),
    );
  });

  it('terminates on a cycle of any length with a tail hanging off it: the cycle is inherited from by none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 10 }), (cycle, tail) => {
        const types = [
          ...Array.from({ length: cycle }, (_, i) =>
            rt(`c${i}`, { baseType: `c${(i + 1) % cycle}`, fields: [field(`c${i}_f`)] }),
          ),
          ...Array.from({ length: tail }, (_, i) =>
            rt(`t${i}`, { baseType: i === 0 ? 'c0' : `t${i - 1}`, fields: [field(`t${i}_f`)] }),
          ),
        ];
        const s = snapshot(types);
        for (let i = 0; i < cycle; i++) {
          expect(effectiveFieldsOf(s, 'p1', `c${i}`).map((f) => f.name)).toEqual([`c${i}_f`]);
        }
        for (let i = 0; i < tail; i++) {
          expect(effectiveFieldsOf(s, 'p1', `t${i}`).map((f) => f.name)).toEqual(
            Array.from({ length: i + 1 }, (_, j) => `t${j}_f`),
          );
        }
        expect(validateNoCyclesInBaseType(s)).toHaveLength(cycle);
        expect(validateFieldUniquenessPerRecordType(s)).toEqual([]);
      }),
    );
  });

  it('for a valid acyclic chain, the effective field count is the sum of own field counts along the chain', () => {
    fc.assert(
      fc.property(arbValidChain, ({ snapshot: s, chain }) => {
        expect(validateGraph(s)).toEqual([]);
        const index = indexGraph(s);
        chain.forEach((t, level) => {
          const along = chain.slice(0, level + 1);
          const fields = effectiveFieldsOf(index, 'p1', t.key);
          expect(fields).toHaveLength(along.reduce((n, c) => n + c.fields.length, 0));
          expect(fields.map((f) => f.name)).toEqual(along.flatMap((c) => c.fields.map((f) => f.name)));
          expect(fields.filter((f) => f.inherited).map((f) => f.inheritedFrom)).toEqual(
            chain.slice(0, level).flatMap((c) => c.fields.map(() => c.key)),
          );
        });
      }),
    );
  });
});

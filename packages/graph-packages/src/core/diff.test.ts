import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphPackage } from '../package/schema.js';
import { deskPackage } from '../testing-only/fixtures.js';
import { diffPackages } from './diff.js';

const arbPackage: fc.Arbitrary<GraphPackage> = fc
  .record({
    types: fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e'), { maxLength: 5 }),
    fields: fc.array(fc.uniqueArray(fc.constantFrom('x', 'y', 'z'), { maxLength: 3 }), {
      minLength: 5,
      maxLength: 5,
    }),
    names: fc.array(fc.constantFrom('One', 'Two'), { minLength: 5, maxLength: 5 }),
    sla: fc.subarray<string>(['a', 'b', 'c']),
    version: fc.constantFrom('1.0.0', '1.1.0', '2.0.0'),
  })
  .map(({ types, fields, names, sla, version }) => ({
    key: 'p.q',
    version,
    name: 'P',
    recordTypes: types.map((t, i) => ({
      key: t,
      name: names[i]!,
      fields: fields[i]!.map((f) => ({ name: f, type: 'string' as const })),
    })),
    slaPolicies: sla
      .filter((s) => types.includes(s))
      .map((s) => ({ recordTypeKey: s, config: { durationMinutes: 5 } })),
  }));

describe('diffPackages', () => {
  it('lists every object of a first install as an insert, sorted by object type then key', () => {
    const d = diffPackages(null, deskPackage());
    expect(d.fromVersion).toBeNull();
    expect(d.toVersion).toBe('1.0.0');
    expect(d.objects.map((o) => `${o.objectType}:${o.key}:${o.disposition}`)).toEqual([
      'record_type:desk_task:insert',
      'record_type:desk_ticket:insert',
      'field:desk_task.state:insert',
      'field:desk_ticket.priority:insert',
      'field:desk_ticket.summary:insert',
      'choice_list:desk_priority:insert',
      'sla_policy:desk_ticket:insert',
      'assignment_rule:desk_ticket:insert',
    ]);
    expect(d.summary).toEqual({
      insert: 8,
      update: 0,
      delete: 0,
      deleteWithData: 0,
      same: 0,
      missingDependency: 0,
    });
  });

  it('reports updates, deletions and unchanged objects of an upgrade', () => {
    const next = deskPackage('1.1.0');
    next.recordTypes[0]!.fields = [{ name: 'summary', type: 'text', required: true }];
    next.slaPolicies = [];
    const d = diffPackages(deskPackage(), next);
    const by = new Map(d.objects.map((o) => [`${o.objectType}:${o.key}`, o]));
    expect(by.get('field:desk_ticket.summary')).toMatchObject({
      disposition: 'update',
      before: { type: 'string' },
      after: { type: 'text' },
    });
    expect(by.get('field:desk_ticket.priority')?.disposition).toBe('delete');
    expect(by.get('sla_policy:desk_ticket')?.disposition).toBe('delete');
    expect(by.get('record_type:desk_ticket')?.disposition).toBe('same');
    expect(d.summary).toMatchObject({ update: 1, delete: 2 });
  });

  it('names dependencies the package neither defines nor binds', () => {
    const pkg = deskPackage();
    pkg.recordTypes[1]!.baseType = 'task';
    pkg.recordTypes[1]!.fields.push({ name: 'caller', type: 'reference', referenceRecordTypeKey: 'user' });
    const missing = diffPackages(null, pkg).objects.filter((o) => o.disposition === 'missing_dependency');
    expect(missing.map((o) => o.key)).toEqual(['desk_task', 'desk_task.caller']);
    pkg.bindings = { recordTypes: ['task', 'user'] };
    expect(diffPackages(null, pkg).summary.missingDependency).toBe(0);
  });

  it('diff(a, a) is all same, whatever the package', () => {
    fc.assert(
      fc.property(arbPackage, (p) => {
        const d = diffPackages(p, structuredClone(p));
        expect(d.objects.every((o) => o.disposition === 'same')).toBe(true);
        expect(d.summary.same).toBe(d.objects.length);
      }),
    );
  });

  it('diff(a, b) mirrors diff(b, a): inserts and deletes swap, updates and same stay', () => {
    fc.assert(
      fc.property(arbPackage, arbPackage, (a, b) => {
        const ab = diffPackages(a, b).summary;
        const ba = diffPackages(b, a).summary;
        expect(ab.insert).toBe(ba.delete);
        expect(ab.delete).toBe(ba.insert);
        expect(ab.update).toBe(ba.update);
        expect(ab.same).toBe(ba.same);
      }),
    );
  });

  it('does not depend on the order of the objects in the package', () => {
    fc.assert(
      fc.property(arbPackage, arbPackage, (a, b) => {
        const reversed = { ...b, recordTypes: [...b.recordTypes].reverse() };
        expect(diffPackages(a, reversed).objects).toEqual(diffPackages(a, b).objects);
      }),
    );
  });
});

import type { GraphSnapshot, RecordTypeNode } from '@ec3l/graph';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageChecksum } from '../package/checksum.js';
import type { GraphPackage } from '../package/schema.js';
import { deskPackage } from '../testing-only/fixtures.js';
import {
  applyPlannedOps,
  fieldDefinitionOf,
  type InstallPlan,
  type OwnedObject,
  type PlanInput,
  pendingChoiceListId,
  planInstall,
  topologicalOrder,
} from './plan.js';
import { compareVersions } from './semver.js';

const P = 'project-1';
const empty: GraphSnapshot = { recordTypes: [], choiceListIds: [] };

const input = (pkg: GraphPackage, over: Partial<PlanInput> = {}): PlanInput => ({
  projectId: P,
  graph: empty,
  owned: [],
  previous: null,
  pkg,
  checksum: packageChecksum(pkg),
  dataCounts: new Map(),
  ...over,
});

/** What phase 7 does to the graph, in memory: the plan applied to the snapshot, created ids assigned. */
const applyPlan = (graph: GraphSnapshot, plan: InstallPlan, pkg: GraphPackage) => {
  const types = graph.recordTypes.map((t) => {
    const edit = plan.editRecordTypes.find((e) => e.key === t.key && t.projectId === P);
    return edit ? { ...t, ...applyPlannedOps(t, edit.ops) } : t;
  });
  for (const t of plan.createRecordTypes)
    types.push({ ...t, id: `id:${t.key}`, projectId: P, status: 'active', version: 1 });
  const owned: OwnedObject[] = [
    ...pkg.recordTypes.map((t) => ({
      objectType: 'record_type' as const,
      objectKey: t.key,
      objectId: `id:${t.key}`,
      packageKey: pkg.key,
    })),
    ...(pkg.choiceLists ?? []).map((l) => ({
      objectType: 'choice_list' as const,
      objectKey: l.key,
      objectId: pendingChoiceListId(l.key),
      packageKey: pkg.key,
    })),
  ];
  return {
    graph: {
      recordTypes: types,
      choiceListIds: [
        ...graph.choiceListIds,
        ...plan.createChoiceLists.map((l) => pendingChoiceListId(l.key)),
      ],
    },
    owned,
  };
};

/** The package's record types as the graph should hold them after an install. */
const expectedTypes = (pkg: GraphPackage) =>
  new Map(
    pkg.recordTypes.map((t) => [
      t.key,
      {
        fields: t.fields.map((f) => fieldDefinitionOf(f, pendingChoiceListId)),
        slaConfig: pkg.slaPolicies?.find((s) => s.recordTypeKey === t.key)?.config ?? null,
      },
    ]),
  );

const byName = <F extends { name: string }>(fields: readonly F[]): F[] =>
  [...fields].sort((a, b) => (a.name < b.name ? -1 : 1));

const planOf = (i: PlanInput) => {
  const out = planInstall(i);
  if (out.kind !== 'plan') throw new Error(`expected a plan, got ${out.kind}`);
  return out.plan;
};

describe('planInstall', () => {
  it('O13: creates record types in topological order, base types first', () => {
    const plan = planOf(input(deskPackage()));
    expect(plan.createRecordTypes.map((t) => t.key)).toEqual(['desk_task', 'desk_ticket']);
    const chain = topologicalOrder([
      { key: 'a', baseType: 'b' },
      { key: 'b', baseType: 'c' },
      { key: 'c', baseType: null },
      { key: 'd', baseType: 'elsewhere' },
    ]);
    expect(chain.map((t) => t.key)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('O14: the same checksum as the installed version is a noop', () => {
    const pkg = deskPackage();
    const out = planInstall(
      input(pkg, { previous: { version: '1.0.0', checksum: packageChecksum(pkg), contents: pkg } }),
    );
    expect(out.kind).toBe('noop');
    expect(out.diff.summary.insert + out.diff.summary.update + out.diff.summary.delete).toBe(0);
  });

  it('O15: a lower version is refused unless allowDowngrade', () => {
    const installed = deskPackage('2.0.0');
    const previous = { version: '2.0.0', checksum: packageChecksum(installed), contents: installed };
    const out = planInstall(input(deskPackage('1.5.0'), { previous }));
    expect(out.kind === 'refused' && out.refusal.code).toBe('PACKAGE_DOWNGRADE');
    expect(planInstall(input(deskPackage('1.5.0'), { previous, allowDowngrade: true })).kind).not.toBe(
      'refused',
    );
  });

  it('O16: objects owned by another package are refused, naming the owner', () => {
    const out = planInstall(
      input(deskPackage(), {
        owned: [
          { objectType: 'choice_list', objectKey: 'desk_priority', objectId: 'x', packageKey: 'other.pkg' },
        ],
      }),
    );
    expect(out.kind).toBe('refused');
    if (out.kind !== 'refused') return;
    expect(out.refusal.code).toBe('PACKAGE_OWNERSHIP_CONFLICT');
    expect(out.refusal.message).toContain('other.pkg');
    expect(out.refusal.details.conflicts).toEqual([
      { objectType: 'choice_list', key: 'desk_priority', owner: 'other.pkg' },
    ]);
  });

  it('O16: a record type made outside any package is not taken over', () => {
    const graph: GraphSnapshot = {
      recordTypes: [
        {
          id: 'x',
          projectId: P,
          key: 'desk_task',
          name: 'Mine',
          baseType: null,
          status: 'active',
          version: 1,
          fields: [],
        },
      ],
      choiceListIds: [],
    };
    const out = planInstall(input(deskPackage(), { graph }));
    expect(out.kind === 'refused' && out.refusal.details.conflicts).toEqual([
      { objectType: 'record_type', key: 'desk_task', owner: null },
    ]);
  });

  it('O17: the projection is validated: a missing base type is refused with the validator error', () => {
    const pkg = deskPackage();
    pkg.recordTypes[1]!.baseType = 'nowhere';
    const out = planInstall(input(pkg));
    expect(out.kind === 'refused' && out.refusal.code).toBe('PACKAGE_GRAPH_INVALID');
    expect(out.kind === 'refused' && (out.refusal.details.errors as { code: string }[])[0]?.code).toBe(
      'ORPHAN_BASE_TYPE',
    );
  });

  it('O17: an SLA policy naming a field the type lacks is refused', () => {
    const pkg = deskPackage();
    pkg.slaPolicies = [
      {
        recordTypeKey: 'desk_task',
        config: { durationMinutes: 5, pauseWhen: { field: 'nope', values: ['x'] } },
      },
    ];
    const out = planInstall(input(pkg));
    expect(
      out.kind === 'refused' && (out.refusal.details.errors as { code: string }[]).map((e) => e.code),
    ).toEqual(['CONFIG_FIELD_MISSING']);
  });

  it('O18: an upgrade dropping a field that holds data is refused unless allowDataLoss', () => {
    const v1 = deskPackage();
    const first = applyPlan(empty, planOf(input(v1)), v1);
    const v2 = deskPackage('1.1.0');
    v2.recordTypes[0]!.fields = v2.recordTypes[0]!.fields.filter((f) => f.name !== 'summary');
    const base = {
      graph: first.graph,
      owned: first.owned,
      previous: { version: '1.0.0', checksum: packageChecksum(v1), contents: v1 },
      dataCounts: new Map([['desk_ticket.summary', 3]]),
    };
    const out = planInstall(input(v2, base));
    expect(out.kind === 'refused' && out.refusal.code).toBe('PACKAGE_DATA_LOSS');
    expect(out.kind === 'refused' && out.refusal.details.fields).toEqual([
      { key: 'desk_ticket.summary', records: 3 },
    ]);
    expect(out.diff.objects.find((o) => o.key === 'desk_ticket.summary')?.disposition).toBe(
      'delete_with_data',
    );
    const allowed = planOf(input(v2, { ...base, allowDataLoss: true }));
    expect(allowed.editRecordTypes).toEqual([
      { key: 'desk_ticket', ops: [{ opType: 'remove_field', payload: { fieldName: 'summary' } }] },
    ]);
    const noData = planOf(input(v2, { ...base, dataCounts: new Map() }));
    expect(noData.editRecordTypes[0]?.ops).toHaveLength(1);
  });

  it('an upgrade that moves an installed type to another base type is refused as invalid', () => {
    const v1 = deskPackage();
    const first = applyPlan(empty, planOf(input(v1)), v1);
    const v2 = deskPackage('1.1.0');
    delete v2.recordTypes[0]!.baseType;
    const out = planInstall(
      input(v2, {
        graph: first.graph,
        owned: first.owned,
        previous: { version: '1.0.0', checksum: packageChecksum(v1), contents: v1 },
      }),
    );
    expect(out.kind === 'refused' && out.refusal.code).toBe('PACKAGE_INVALID');
  });

  it('orders versions as semantic versions', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-rc.2', '1.0.0-rc.10')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
  });

  const arbVersion = fc
    .record({
      fields: fc.array(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }), {
        minLength: 3,
        maxLength: 3,
      }),
      types: fc.array(fc.constantFrom<'string' | 'text' | 'number'>('string', 'text', 'number'), {
        minLength: 4,
        maxLength: 4,
      }),
      required: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      sla: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    })
    .map(
      ({ fields, types, required, sla }) =>
        (version: string): GraphPackage => ({
          key: 'prop.pkg',
          version,
          name: 'Prop',
          recordTypes: ['t0', 't1', 't2'].map((key, i) => ({
            key,
            name: key.toUpperCase(),
            ...(i === 2 ? { baseType: 't0' } : {}),
            fields: fields[i]!.filter((f) => i !== 2 || !fields[0]!.includes(f)).map((f) => ({
              name: f,
              type: types['abcd'.indexOf(f)]!,
              required: required['abcd'.indexOf(f)]!,
            })),
          })),
          ...(sla === undefined
            ? {}
            : { slaPolicies: [{ recordTypeKey: 't1', config: { durationMinutes: sla } }] }),
        }),
    );

  it('plan then apply gives the package projection (fields by name), for a first install and for any upgrade', () => {
    fc.assert(
      fc.property(arbVersion, arbVersion, (first, second) => {
        const v1 = first('1.0.0');
        const v2 = second('1.1.0');
        const p1 = planOf(input(v1));
        const after1 = applyPlan(empty, p1, v1);
        const p2 = planOf(
          input(v2, {
            graph: after1.graph,
            owned: after1.owned,
            previous: { version: '1.0.0', checksum: packageChecksum(v1), contents: v1 },
          }),
        );
        const after2 = applyPlan(after1.graph, p2, v2);
        for (const [pkg, graph, plan] of [
          [v1, after1.graph, p1],
          [v2, after2.graph, p2],
        ] as const) {
          const byKey = new Map(graph.recordTypes.map((t: RecordTypeNode) => [t.key, t]));
          for (const [key, want] of expectedTypes(pkg)) {
            // Field order of installed fields is kept (there is no op that moves a field): compared by name.
            expect(byName(byKey.get(key)?.fields ?? [])).toEqual(byName(want.fields));
            expect(byKey.get(key)?.slaConfig ?? null).toEqual(want.slaConfig);
          }
          // The plan's own projection is what applying it gives.
          expect(
            plan.projection.recordTypes.map((t) => ({
              key: t.key,
              fields: t.fields,
              sla: t.slaConfig ?? null,
            })),
          ).toEqual(
            graph.recordTypes.map((t: RecordTypeNode) => ({
              key: t.key,
              fields: t.fields,
              sla: t.slaConfig ?? null,
            })),
          );
        }
      }),
    );
  });
});

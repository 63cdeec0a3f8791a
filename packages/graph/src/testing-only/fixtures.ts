// Builders and fast-check arbitraries shared by this package's tests (never built into dist/).
import { resolveEffectiveFields } from '@ec3l/records';
import fc from 'fast-check';
import {
  FIELD_TYPES,
  type FieldDef,
  type FieldType,
  type GraphSnapshot,
  RECORD_TYPE_STATUSES,
  type RecordTypeNode,
} from '../core/contracts.js';
import { type GraphIndex, toIndex } from '../core/graph-index.js';

export const field = (name: string, type: FieldType = 'string', over: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  label: null,
  required: false,
  defaultValue: null,
  choiceListId: null,
  referenceRecordTypeKey: null,
  ...over,
});

export const recordType = (
  key: string,
  over: Partial<Omit<RecordTypeNode, 'key'>> & { fields?: FieldDef[] } = {},
): RecordTypeNode => ({
  id: `${over.projectId ?? 'p1'}:${key}`,
  projectId: 'p1',
  name: key,
  baseType: null,
  status: 'active',
  version: 1,
  fields: [],
  ...over,
  key,
});

/**
 * The effective fields of the record type (projectId, key) names, by the data dictionary's one rule:
 * `resolveEffectiveFields` of `@ec3l/records` over the record types of that project (the one the index
 * picks where a snapshot repeats a key).
 */
export const effectiveFieldsOf = (
  s: GraphIndex | GraphSnapshot,
  projectId: string,
  key: string,
): ReturnType<typeof resolveEffectiveFields> => {
  const index = toIndex(s);
  const keys = index.byProject.get(projectId) ?? new Map<string, number>();
  return resolveEffectiveFields(key, new Map([...keys].map(([k, n]) => [k, index.nodes[n]!])));
};

export const snapshot = (recordTypes: RecordTypeNode[], choiceListIds: string[] = []): GraphSnapshot => ({
  recordTypes,
  choiceListIds,
});

/** A deterministic shuffle (mulberry32 seeded), so that fast-check can shrink the seed. */
const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

/** The same snapshot with its record types, every field list and the choice lists in another order. */
export const permuteSnapshot = (s: GraphSnapshot, seed: number): GraphSnapshot => ({
  recordTypes: shuffle(s.recordTypes, seed).map((rt, i) => ({
    ...rt,
    fields: shuffle(rt.fields, seed + i + 1),
  })),
  choiceListIds: shuffle(s.choiceListIds, seed ^ 0x5bd1e995),
});

const PROJECTS = ['p1', 'p2', 'p3'];
const KEYS = ['a', 'b', 'c', 'd', 'e'];
const FIELD_NAMES = ['f', 'g', 'h', 'i'];
const CHOICE_LISTS = ['cl1', 'cl2', 'cl3'];

// A JSON value as it comes back from the database: no -0, which JSON cannot tell from 0.
const arbJson = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

const arbField: fc.Arbitrary<FieldDef> = fc.record({
  name: fc.constantFrom(...FIELD_NAMES),
  type: fc.constantFrom(...FIELD_TYPES),
  label: fc.option(fc.constantFrom('Label', 'Other'), { nil: null }),
  required: fc.boolean(),
  defaultValue: fc.oneof(fc.constant(null), arbJson),
  choiceListId: fc.option(fc.constantFrom(...CHOICE_LISTS, 'gone'), { nil: null }),
  referenceRecordTypeKey: fc.option(fc.constantFrom(...KEYS, 'gone'), { nil: null }),
});

/** Any record type over a few projects and keys: base types may be missing, elsewhere, itself or cyclic. */
const arbRecordType: fc.Arbitrary<RecordTypeNode> = fc.record({
  id: fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6'),
  projectId: fc.constantFrom(...PROJECTS),
  key: fc.constantFrom(...KEYS),
  name: fc.constantFrom('A', 'B'),
  baseType: fc.option(fc.constantFrom(...KEYS, 'gone'), { nil: null }),
  status: fc.constantFrom(...RECORD_TYPE_STATUSES),
  version: fc.nat(5),
  fields: fc.array(arbField, { maxLength: 5 }),
});

/** Any snapshot, duplicate (projectId, key) pairs and repeated choice list ids included. */
export const arbSnapshot: fc.Arbitrary<GraphSnapshot> = fc.record({
  recordTypes: fc.array(arbRecordType, { maxLength: 14 }),
  choiceListIds: fc.array(fc.constantFrom(...CHOICE_LISTS), { maxLength: 4 }),
});

/** Snapshots that keep D2 (one record type per (projectId, key)). */
export const arbKeyedSnapshot: fc.Arbitrary<GraphSnapshot> = fc.record({
  recordTypes: fc.uniqueArray(arbRecordType, {
    selector: (rt) => `${rt.projectId}/${rt.key}`,
    maxLength: 12,
  }),
  choiceListIds: fc.uniqueArray(fc.constantFrom(...CHOICE_LISTS)),
});

/**
 * A valid, acyclic chain in one project, root first: t0 ← t1 ← … ← tn, field names unique along the
 * chain, every binding resolvable, plus unrelated types.
 */
export const arbValidChain: fc.Arbitrary<{ snapshot: GraphSnapshot; chain: RecordTypeNode[] }> = fc
  .array(fc.array(fc.constantFrom(...FIELD_TYPES), { maxLength: 6 }), { minLength: 1, maxLength: 8 })
  .chain((typesPerLevel) =>
    fc.record({ seed: fc.integer(), extra: fc.nat(3) }).map(({ seed, extra }) => {
      const chain = typesPerLevel.map((types, level) =>
        recordType(`t${level}`, {
          baseType: level === 0 ? null : `t${level - 1}`,
          fields: types.map((type, j) =>
            field(`t${level}_f${j}`, type, {
              choiceListId: type === 'choice' ? 'cl1' : null,
              referenceRecordTypeKey: type === 'reference' ? 't0' : null,
            }),
          ),
        }),
      );
      const others = Array.from({ length: extra }, (_, i) =>
        recordType(`other${i}`, { fields: [field('t0_f0'), field('name')] }),
      );
      return { snapshot: snapshot(shuffle([...chain, ...others], seed), ['cl1']), chain };
    }),
  );

// Median time of validateGraph and diffSnapshots on 1,000 and 10,000 record types (10 own fields each,
// chains five deep, one reference and one choice field per type), and the ratio between the two sizes:
// about 10 means linear, about 100 would mean a quadratic step. Runs against dist/: `pnpm build` first.
import { performance } from 'node:perf_hooks';
import { diffSnapshots, validateGraph } from '../dist/index.js';

const PER_PROJECT = 1_000;

const field = (name, type, over = {}) => ({
  name,
  type,
  label: null,
  required: false,
  defaultValue: null,
  choiceListId: null,
  referenceRecordTypeKey: null,
  ...over,
});

const build = (count) => {
  const recordTypes = [];
  for (let n = 0; n < count; n++) {
    const projectId = `project_${Math.floor(n / PER_PROJECT)}`;
    const i = n % PER_PROJECT;
    const key = `type_${i}`;
    const fields = Array.from({ length: 10 }, (_, j) => {
      const name = `${key}_f${j}`;
      if (j === 0) return field(name, 'reference', { referenceRecordTypeKey: `type_${i - (i % 5)}` });
      if (j === 1) return field(name, 'choice', { choiceListId: `list_${i % 20}` });
      return field(name, j % 2 === 0 ? 'string' : 'number', { required: j === 2 });
    });
    recordTypes.push({
      id: `${projectId}:${key}`,
      projectId,
      key,
      name: key,
      baseType: i % 5 === 0 ? null : `type_${i - 1}`,
      status: 'active',
      version: 1,
      fields,
    });
  }
  return { recordTypes, choiceListIds: Array.from({ length: 20 }, (_, i) => `list_${i}`) };
};

// The same graph, reversed, with one type in a hundred changed: a field added, one removed, one made required.
const changed = (snapshot) => ({
  choiceListIds: [...snapshot.choiceListIds].reverse(),
  recordTypes: snapshot.recordTypes
    .map((rt, n) => {
      if (n % 100 !== 0) return { ...rt, fields: [...rt.fields].reverse() };
      const fields = rt.fields.slice(1).map((f, j) => (j === 2 ? { ...f, required: true } : f));
      return { ...rt, fields: [...fields, field(`${rt.key}_extra`, 'text')] };
    })
    .reverse(),
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// The floor: one map lookup per field name, nothing else. Its own ratio shows what the memory hierarchy
// alone adds between a working set that fits in the caches (1,000 types) and one that does not.
const touchEveryField = (snapshot) => {
  const empty = new Map();
  let found = 0;
  for (const rt of snapshot.recordTypes)
    for (const f of rt.fields) if (empty.get(f.name) !== undefined) found++;
  return found;
};

const SIZES = [1_000, 10_000];
const ROUNDS = 40;
// Runs per round: the same share of work per size. Rounds alternate the sizes, so that a busy moment of
// the machine (it is shared) lands on both rather than on one.
const perRound = (size) => Math.max(1, 10_000 / size / 2);

const cases = SIZES.map((size) => {
  const before = build(size);
  const after = changed(before);
  const errors = validateGraph(before).length;
  const diff = diffSnapshots(before, after).summary;
  if (errors !== 0 || diff.modified !== size / 100) {
    throw new Error(`unexpected result at ${size}: ${errors} errors, ${JSON.stringify(diff)}`);
  }
  return {
    size,
    fns: {
      validateGraph: () => validateGraph(before),
      diffSnapshots: () => diffSnapshots(before, after),
      '(baseline)': () => touchEveryField(before),
    },
  };
});

const samples = new Map(); // `${name} ${size}` → ms
for (const { fns } of cases) for (const fn of Object.values(fns)) for (let i = 0; i < 5; i++) fn(); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const { size, fns } of cases) {
    for (const [name, fn] of Object.entries(fns)) {
      for (let i = 0; i < perRound(size); i++) {
        const start = performance.now();
        fn();
        const elapsed = performance.now() - start;
        const key = `${name} ${size}`;
        if (samples.has(key)) samples.get(key).push(elapsed);
        else samples.set(key, [elapsed]);
      }
    }
  }
}

const ms = (v) => `${v.toFixed(2)} ms`.padStart(10);
const runs = SIZES.map((size) => `${ROUNDS * perRound(size)} runs (${size.toLocaleString('en')} types)`);
console.log(`node ${process.version}, median of ${runs.join(' and ')}, 10 fields each`);
console.log(`${'function'.padEnd(15)}${'1,000'.padStart(10)}${'10,000'.padStart(10)}   ratio`);
for (const name of Object.keys(cases[0].fns)) {
  const [small, big] = SIZES.map((size) => median(samples.get(`${name} ${size}`)));
  console.log(`${name.padEnd(15)}${ms(small)}${ms(big)}   ${(big / small).toFixed(1)}`);
}
console.log('(baseline): one Map lookup per field name and nothing else, for scale');

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_PACKAGES } from '../built-ins/index.js';
import { packageChecksum } from '../package/checksum.js';
import type { GraphPackage } from '../package/schema.js';
import { type PackageProblem, validatePackage } from './validate.js';

const clone = <T>(value: T): T => structuredClone(value);
const hr = () => clone(BUILT_IN_PACKAGES['hr.lite']!);
const itsm = () => clone(BUILT_IN_PACKAGES['itsm.lite']!);

const minimal = (over: Partial<GraphPackage> = {}): GraphPackage => ({
  key: 'acme.assets',
  version: '1.0.0',
  name: 'Assets',
  recordTypes: [{ key: 'asset', name: 'Asset', fields: [{ name: 'tag', type: 'string' }] }],
  ...over,
});

const problemsOf = (input: unknown): PackageProblem[] => {
  const result = validatePackage(input);
  return result.ok ? [] : result.problems;
};
const codesAt = (input: unknown) => problemsOf(input).map((p) => `${p.code} ${p.path}`);

describe('validatePackage: valid packages', () => {
  it('accepts a minimal package and answers its checksum', () => {
    const result = validatePackage(minimal());
    expect(result).toEqual({ ok: true, package: minimal(), checksum: packageChecksum(minimal()) });
    expect(result.ok && result.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('accepts bound types as base types and reference targets, without knowing their fields', () => {
    const pkg = minimal({
      bindings: { recordTypes: ['cmdb_item'] },
      recordTypes: [
        {
          key: 'asset',
          name: 'Asset',
          baseType: 'cmdb_item',
          fields: [{ name: 'parent', type: 'reference', referenceRecordTypeKey: 'cmdb_item' }],
        },
      ],
      slaPolicies: [
        {
          recordTypeKey: 'asset',
          config: { durationMinutes: 60, pauseWhen: { field: 'state', values: ['x'] } },
        },
      ],
    });
    expect(problemsOf(pkg)).toEqual([]);
  });
});

describe('validatePackage: the schema', () => {
  it('reports a wrong type, a missing and an unknown property with their paths', () => {
    const input = { ...minimal(), version: 'one', extra: true, recordTypes: [{ key: 'Asset', fields: [] }] };
    expect(codesAt(input)).toEqual(
      expect.arrayContaining([
        'SCHEMA_INVALID /version',
        'SCHEMA_INVALID /extra',
        'SCHEMA_INVALID /recordTypes/0/key',
        'SCHEMA_INVALID /recordTypes/0/name',
      ]),
    );
  });

  it('reports a step of an unknown type and a step config of the wrong shape', () => {
    const pkg = hr() as unknown as { workflows: { steps: unknown[] }[] };
    pkg.workflows[0]!.steps.push({ stepType: 'teleport', config: {} });
    pkg.workflows[0]!.steps[1] = { stepType: 'record_mutation', config: { updates: {} } };
    expect(codesAt(pkg)).toEqual(
      expect.arrayContaining([
        'SCHEMA_INVALID /workflows/0/steps/3',
        'SCHEMA_INVALID /workflows/0/steps/1/config/updates',
      ]),
    );
  });

  it('reports an SLA config the records schema refuses (inline SlaConfig ref)', () => {
    const pkg = itsm();
    (pkg.slaPolicies![0]!.config as { durationMinutes: number }).durationMinutes = 0;
    expect(codesAt(pkg)).toContain('SCHEMA_INVALID /slaPolicies/0/config/durationMinutes');
  });

  it('refuses NUL in names (kernel Text/Name patterns)', () => {
    expect(codesAt(minimal({ name: 'a\u0000b' }))).toEqual(['SCHEMA_INVALID /name']);
  });
});

describe('validatePackage: references within the package', () => {
  it('reports duplicate record type, choice list, choice value, workflow and binding keys', () => {
    const pkg = hr();
    pkg.recordTypes.push(clone(pkg.recordTypes[0]!));
    pkg.choiceLists!.push(clone(pkg.choiceLists![0]!));
    pkg.choiceLists![1]!.items.push({ value: 'mid', label: 'Again' });
    pkg.workflows!.push(clone(pkg.workflows![0]!));
    pkg.bindings = { recordTypes: ['person', 'person', 'employee'] };
    expect(codesAt(pkg)).toEqual(
      expect.arrayContaining([
        'DUPLICATE_KEY /recordTypes/3/key',
        'DUPLICATE_KEY /choiceLists/2/key',
        'DUPLICATE_KEY /choiceLists/1/items/5/value',
        'DUPLICATE_KEY /workflows/1/key',
        'DUPLICATE_KEY /bindings/recordTypes/1',
        'BINDING_OWNED /bindings/recordTypes/2',
      ]),
    );
  });

  it('reports a duplicate field, and a field repeating an inherited one (graph validator)', () => {
    const pkg = itsm();
    pkg.recordTypes[0]!.fields.push({ name: 'status', type: 'string' });
    pkg.recordTypes[1]!.fields.push({ name: 'priority', type: 'string' });
    expect(codesAt(pkg)).toEqual([
      'DUPLICATE_FIELD /recordTypes/0/fields/6/name',
      'DUPLICATE_FIELD /recordTypes/1/fields/2/name',
    ]);
  });

  it('reports choice fields without a list of the package, and a default outside the list', () => {
    const pkg = hr();
    pkg.recordTypes[2]!.fields[5]!.defaultValue = 'retired';
    pkg.recordTypes[1]!.fields[2]!.choiceListKey = 'grades';
    pkg.recordTypes[0]!.fields.push({ name: 'kind', type: 'choice' });
    pkg.recordTypes[0]!.fields.push({ name: 'flag', type: 'boolean', choiceListKey: 'hr_employee_status' });
    expect(codesAt(pkg)).toEqual([
      'CHOICE_LIST_MISSING /recordTypes/0/fields/3',
      'CHOICE_LIST_MISSING /recordTypes/0/fields/4/choiceListKey',
      'CHOICE_LIST_MISSING /recordTypes/1/fields/2/choiceListKey',
      'DEFAULT_INVALID /recordTypes/2/fields/5/defaultValue',
    ]);
  });

  it('reports reference fields and base types naming neither a package type nor a binding', () => {
    const pkg = hr();
    pkg.recordTypes[1]!.fields[1]!.referenceRecordTypeKey = 'org_unit';
    pkg.recordTypes[0]!.baseType = 'org_unit';
    pkg.recordTypes[0]!.fields.push({ name: 'head', type: 'reference' });
    const problems = problemsOf(pkg);
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'BASE_TYPE_MISSING /recordTypes/0/baseType',
      'REFERENCE_TARGET_MISSING /recordTypes/0/fields/3',
      'REFERENCE_TARGET_MISSING /recordTypes/1/fields/1/referenceRecordTypeKey',
    ]);
    expect(problems[0]!.message).toContain('"org_unit"');
    // Bound, the same type is fine.
    pkg.recordTypes[0]!.fields.pop();
    pkg.bindings = { recordTypes: ['org_unit'] };
    expect(problemsOf(pkg)).toEqual([]);
  });

  it('reports a base-type cycle on every member (graph validator)', () => {
    const pkg = itsm();
    pkg.recordTypes[0]!.baseType = 'incident';
    expect(codesAt(pkg)).toEqual([
      'BASE_TYPE_CYCLE /recordTypes/0/baseType',
      'BASE_TYPE_CYCLE /recordTypes/1/baseType',
    ]);
  });
});

describe('validatePackage: SLA policies and assignment rules', () => {
  it('allows one of each per type, on a type of the package', () => {
    const pkg = itsm();
    pkg.slaPolicies!.push(clone(pkg.slaPolicies![0]!));
    pkg.assignmentRules!.push({ recordTypeKey: 'outage', config: { type: 'static_group', value: 'x' } });
    pkg.bindings = { recordTypes: ['outage'] };
    expect(codesAt(pkg)).toEqual([
      'RECORD_TYPE_MISSING /assignmentRules/3/recordTypeKey',
      'DUPLICATE_POLICY /slaPolicies/3/recordTypeKey',
    ]);
  });

  it('checks named fields against the effective schema, inherited fields included', () => {
    const pkg = itsm();
    // status is inherited from task: fine. A field nobody has is not.
    pkg.slaPolicies![0]!.config.pauseWhen = { field: 'waiting_on', values: ['customer'] };
    pkg.assignmentRules![1]!.config = { type: 'field_match', field: 'team', rules: [] };
    pkg.assignmentRules![2]!.config = { type: 'static_group', value: '   ' };
    pkg.slaPolicies![1]!.config.calendar = {
      timeZone: 'Mars/Olympus',
      weekly: [{ day: 1, start: '10:00', end: '09:00' }],
    };
    expect(codesAt(pkg)).toEqual([
      'FIELD_MISSING /assignmentRules/1/config/field',
      'CONFIG_INVALID /assignmentRules/2/config/value',
      'FIELD_MISSING /slaPolicies/0/config/pauseWhen/field',
      'CONFIG_INVALID /slaPolicies/1/config/calendar/timeZone',
      'CONFIG_INVALID /slaPolicies/1/config/calendar/weekly/0',
    ]);
  });
});

describe('validatePackage: values of choice fields', () => {
  it('refuses SLA conditions, field_match rules, trigger conditions and mutations outside the list', () => {
    const pkg = itsm();
    pkg.slaPolicies![0]!.config.pauseWhen = { field: 'status', values: ['on_hold', 'waiting'] };
    const rule = pkg.assignmentRules![0]!.config;
    if (rule.type !== 'field_match') throw new Error('fixture');
    rule.rules.push({ equals: 'printers', assignTo: { type: 'group', value: 'x' } });
    const trigger = pkg.workflows![0]!.triggers![0]!;
    if (trigger.triggerType !== 'record_event') throw new Error('fixture');
    trigger.triggerConfig.fieldConditions = [{ field: 'priority', operator: 'changed_to', value: 'P1' }];
    pkg.workflows![0]!.steps.push({
      stepType: 'record_mutation',
      config: { updates: { status: 'done', category: null, caller: 'anyone' } },
    });
    expect(codesAt(pkg)).toEqual([
      'CHOICE_VALUE_UNKNOWN /assignmentRules/0/config/rules/3/equals',
      'CHOICE_VALUE_UNKNOWN /slaPolicies/0/config/pauseWhen/values/1',
      'CHOICE_VALUE_UNKNOWN /workflows/0/steps/3/config/updates/status',
      'CHOICE_VALUE_UNKNOWN /workflows/0/triggers/0/triggerConfig/fieldConditions/0/value',
    ]);
  });
});

describe('validatePackage: workflows and triggers', () => {
  it('names record types by key: record_event triggers without a key or with an id are refused', () => {
    const pkg = hr() as unknown as {
      workflows: { recordTypeKey: string; triggers: { triggerConfig: Record<string, unknown> }[] }[];
    };
    pkg.workflows[0]!.recordTypeKey = 'contractor';
    pkg.workflows[0]!.triggers.push({
      triggerType: 'record_event',
      triggerConfig: { event: 'record.created' },
    } as never);
    pkg.workflows[0]!.triggers.push({
      triggerType: 'record_event',
      triggerConfig: {
        event: 'record.created',
        recordTypeId: '00000000-0000-4000-8000-000000000000',
        recordTypeKey: 'employee',
      },
    } as never);
    pkg.workflows[0]!.triggers.push({
      triggerType: 'record_event',
      triggerConfig: { event: 'record.updated', recordTypeKey: 'intern' },
    } as never);
    expect(codesAt(pkg)).toEqual([
      'RECORD_TYPE_MISSING /workflows/0/recordTypeKey',
      'TRIGGER_RECORD_TYPE /workflows/0/triggers/1/triggerConfig',
      'TRIGGER_RECORD_TYPE /workflows/0/triggers/2/triggerConfig/recordTypeId',
      'RECORD_TYPE_MISSING /workflows/0/triggers/3/triggerConfig/recordTypeKey',
    ]);
  });

  it('checks trigger fields and record_mutation fields against the record type', () => {
    const pkg = itsm();
    const trigger = pkg.workflows![0]!.triggers![0]!;
    if (trigger.triggerType !== 'record_event') throw new Error('fixture');
    trigger.triggerConfig.watchFields = ['urgency'];
    trigger.triggerConfig.fieldConditions = [{ field: 'impact', operator: 'equals', value: 'high' }];
    pkg.workflows![0]!.steps.push({
      stepType: 'record_mutation',
      config: { updates: { state: 'x', status: 'in_progress' } },
    });
    expect(codesAt(pkg)).toEqual([
      'FIELD_MISSING /workflows/0/steps/3/config/updates/state',
      'FIELD_MISSING /workflows/0/triggers/0/triggerConfig/fieldConditions/0/field',
      'FIELD_MISSING /workflows/0/triggers/0/triggerConfig/watchFields/0',
    ]);
  });

  it('parses cron schedules and checks decision jumps', () => {
    const pkg = minimal({
      workflows: [
        {
          key: 'nightly',
          name: 'Nightly',
          steps: [
            {
              stepType: 'decision',
              config: { condition: { field: 'input.x', op: 'exists' }, onTrueStepIndex: 5 },
            },
          ],
          triggers: [
            { triggerType: 'schedule', triggerConfig: { cron: '0 2 * * *', timezone: 'Europe/Oslo' } },
            { triggerType: 'schedule', triggerConfig: { cron: '61 * * * *' } },
            { triggerType: 'schedule', triggerConfig: { cron: '0 2 * * *', timezone: 'Nowhere/Land' } },
          ],
        },
      ],
    });
    expect(codesAt(pkg)).toEqual([
      'WORKFLOW_INVALID /workflows/0/steps/0',
      'SCHEDULE_INVALID /workflows/0/triggers/1/triggerConfig/cron',
      'SCHEDULE_INVALID /workflows/0/triggers/2/triggerConfig/cron',
    ]);
  });

  it('applies the activation checks of the engine: steps needed, deadlines with escalations', () => {
    const pkg = hr();
    const approval = pkg.workflows![0]!.steps[0]!;
    if (approval.stepType !== 'approval') throw new Error('fixture');
    delete approval.config.escalation;
    pkg.workflows!.push({ key: 'empty', name: 'Empty', steps: [] });
    const problems = problemsOf(pkg);
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'WORKFLOW_INVALID /workflows/0/steps/0',
      'WORKFLOW_INVALID /workflows/1/steps',
    ]);
    expect(problems[0]!.message).toContain('a deadline needs an escalation');
  });
});

// Arbitraries: valid packages of string and choice fields with unique keys, and deep key shuffles.
const ident = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const arbPackage: fc.Arbitrary<GraphPackage> = fc
  .record({
    key: fc.constantFrom('acme.assets', 'acme.crm', 'vibe.helpdesk'),
    version: fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((v) => v.join('.')),
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => /\S/.test(s) && !s.includes('\u0000')),
    types: fc.uniqueArray(fc.tuple(ident, fc.uniqueArray(ident, { maxLength: 5 })), {
      minLength: 1,
      maxLength: 5,
      selector: ([k]) => k,
    }),
    list: fc.uniqueArray(ident, { minLength: 1, maxLength: 4 }),
  })
  .map(({ key, version, name, types, list }) => ({
    key,
    version,
    name,
    choiceLists: [{ key: 'states', name: 'States', items: list.map((v) => ({ value: v, label: v })) }],
    recordTypes: types.map(([typeKey, fields], i) => ({
      key: typeKey,
      name: typeKey,
      ...(i > 0 ? { baseType: types[0]![0] } : {}),
      fields: fields
        .filter((f) => i === 0 || !types[0]![1].includes(f))
        .map((f, j) =>
          j % 2 === 0
            ? { name: f, type: 'string' as const }
            : { name: f, type: 'choice' as const, choiceListKey: 'states' },
        ),
    })),
  }));
const arbAnyPackage = fc.oneof(arbPackage, fc.constantFrom(hr(), itsm()));

const shuffleKeys = (value: unknown, seed: number): unknown => {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i + 1));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const order = entries
    .map((_, i) => i)
    .sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || b - a);
  return Object.fromEntries(order.map((i) => [entries[i]![0], shuffleKeys(entries[i]![1], seed * 31 + i)]));
};

// Every string leaf of a value with its path, for mutations.
const leaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
};
const setAt = (root: unknown, path: (string | number)[], update: (old: unknown) => unknown) => {
  let node = root as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  node[last] = update(node[last]);
};

describe('validatePackage and the checksum (properties)', () => {
  it('every built-in and generated package is valid', () => {
    fc.assert(
      fc.property(arbAnyPackage, (pkg) => {
        expect(problemsOf(pkg)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the same content in any key order has the same checksum', () => {
    fc.assert(
      fc.property(arbAnyPackage, fc.integer({ min: 1, max: 1_000_000 }), (pkg, seed) => {
        const shuffled = shuffleKeys(pkg, seed);
        const a = validatePackage(pkg);
        const b = validatePackage(shuffled);
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect(b.checksum).toBe(a.checksum);
        expect(packageChecksum(JSON.parse(JSON.stringify(shuffled, null, 2)) as GraphPackage)).toBe(
          packageChecksum(pkg),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('any change of content changes the checksum', () => {
    fc.assert(
      fc.property(arbAnyPackage, fc.nat(), fc.string({ minLength: 1, maxLength: 3 }), (pkg, pick, suffix) => {
        const paths = leaves(pkg);
        const path = paths[pick % paths.length]!;
        const mutated = clone(pkg);
        setAt(mutated, path, (old) => `${String(old)}${suffix}`);
        expect(packageChecksum(mutated)).not.toBe(packageChecksum(pkg));
        // Reordering an array is a change too (fields and steps keep their order).
        const reordered = clone(pkg);
        reordered.recordTypes.reverse();
        if (pkg.recordTypes.length > 1) expect(packageChecksum(reordered)).not.toBe(packageChecksum(pkg));
      }),
      { numRuns: 200 },
    );
  });

  it('random junk gives problems with paths, never an exception', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
        (junk) => {
          const result = validatePackage(junk);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) expect(p.path.startsWith('/')).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a valid package with random values put into it never throws', () => {
    fc.assert(
      fc.property(arbAnyPackage, fc.nat(), fc.jsonValue(), (pkg, pick, value) => {
        const paths = leaves(pkg);
        const mutated = clone(pkg) as unknown;
        setAt(mutated, paths[pick % paths.length]!, () => value);
        const result = validatePackage(mutated);
        if (!result.ok) for (const p of result.problems) expect(typeof p.message).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('answers an input it cannot read (a getter that throws) with UNREADABLE', () => {
    const hostile = minimal();
    Object.defineProperty(hostile, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(codesAt(hostile)).toEqual(['UNREADABLE /']);
  });
});

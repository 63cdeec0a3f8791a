import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkOverrideTarget,
  compareVersions,
  jsonTypeOf,
  type ModuleMetadata,
  refuseOverrideMove,
  resolveConfig,
} from './overrides.js';

const meta: ModuleMetadata = {
  description: 'HR core',
  config: {
    probationDays: 90,
    prefix: 'EMP',
    contractors: true,
    tags: ['a'],
    limits: { max: 1 },
    empty: null,
  },
  recordTypes: ['employee'],
  workflows: ['employee_onboarding'],
  rules: ['assignment:employee'],
};

const json = fc.jsonValue();

describe('override targets', () => {
  it('OV3: a config override names a key of the default and keeps its JSON type', () => {
    expect(checkOverrideTarget(meta, 'config', 'probationDays', { value: 120 })).toBeNull();
    expect(checkOverrideTarget(meta, 'config', 'prefix', { value: 'E' })).toBeNull();
    expect(checkOverrideTarget(meta, 'config', 'tags', { value: [] })).toBeNull();
    expect(checkOverrideTarget(meta, 'config', 'limits', { value: {} })).toBeNull();
    expect(checkOverrideTarget(meta, 'config', 'probationDays', { value: '120' })).toMatchObject({
      code: 'OVERRIDE_PATCH_INVALID',
      message: 'config "probationDays" holds a number; the override sets a string',
    });
    expect(checkOverrideTarget(meta, 'config', 'tags', { value: {} })).toMatchObject({
      code: 'OVERRIDE_PATCH_INVALID',
    });
    expect(checkOverrideTarget(meta, 'config', 'missing', { value: 1 })).toMatchObject({
      code: 'OVERRIDE_TARGET_INVALID',
      allowed: ['probationDays', 'prefix', 'contractors', 'tags', 'limits', 'empty'],
    });
    expect(checkOverrideTarget(meta, 'config', 'prefix', {})).toMatchObject({
      code: 'OVERRIDE_PATCH_INVALID',
    });
  });

  it('OV3: workflow, rule and form overrides name a part of the module', () => {
    expect(checkOverrideTarget(meta, 'workflow', 'employee_onboarding', { enabled: false })).toBeNull();
    expect(checkOverrideTarget(meta, 'rule', 'assignment:employee', { group: 'x' })).toBeNull();
    expect(checkOverrideTarget(meta, 'form', 'employee', {})).toBeNull();
    expect(checkOverrideTarget(meta, 'workflow', 'other', {})).toMatchObject({
      code: 'OVERRIDE_TARGET_INVALID',
      allowed: ['employee_onboarding'],
    });
    expect(checkOverrideTarget(meta, 'form', 'department', {})).toMatchObject({
      code: 'OVERRIDE_TARGET_INVALID',
    });
    expect(checkOverrideTarget({ ...meta, rules: [] }, 'rule', 'x', {})).toMatchObject({
      message: 'the module has no rule targets to override',
    });
  });

  it('OV3 for all values: a config override is accepted exactly when its JSON type is the default one', () => {
    fc.assert(
      fc.property(json, json, (dflt, value) => {
        const problem = checkOverrideTarget({ ...meta, config: { k: dflt } }, 'config', 'k', { value });
        expect(problem === null).toBe(jsonTypeOf(dflt) === jsonTypeOf(value));
      }),
    );
  });
});

describe('resolveConfig', () => {
  it('OV4: each value comes from the active override of its key, else from the template, and says which', () => {
    const resolved = resolveConfig({ b: 2, a: 1 }, [{ id: 'o1', targetRef: 'b', version: 3, value: 20 }]);
    expect(resolved).toEqual([
      { key: 'a', value: 1, source: 'template', templateValue: 1, overrideId: null, overrideVersion: null },
      { key: 'b', value: 20, source: 'override', templateValue: 2, overrideId: 'o1', overrideVersion: 3 },
    ]);
  });

  it('OV4 for all inputs: keys are the default keys, overridden ones take the override value', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), json),
        fc.array(fc.record({ key: fc.string({ minLength: 1, maxLength: 5 }), value: json }), {
          maxLength: 5,
        }),
        (defaults, picks) => {
          const firstOfKey = [...new Map(picks.map((p) => [p.key, p] as const)).values()];
          const active = firstOfKey.map((p, i) => ({
            id: `o${i}`,
            targetRef: p.key,
            version: i + 1,
            value: p.value,
          }));
          const resolved = resolveConfig(defaults, active);
          expect(resolved.map((r) => r.key)).toEqual(Object.keys(defaults).sort());
          for (const r of resolved) {
            const o = active.find((a) => a.targetRef === r.key);
            expect(r.value).toEqual(o ? o.value : defaults[r.key]);
            expect(r.source).toBe(o ? 'override' : 'template');
            expect(r.templateValue).toEqual(defaults[r.key]);
          }
        },
      ),
    );
  });
});

describe('override lifecycle', () => {
  it('OV2: draft → active → retired, draft → retired; retired is final and active is not activated again', () => {
    expect(refuseOverrideMove('draft', 'active')).toBeNull();
    expect(refuseOverrideMove('draft', 'retired')).toBeNull();
    expect(refuseOverrideMove('active', 'retired')).toBeNull();
    expect(refuseOverrideMove('active', 'active')).toBe(
      'the override is active; only a draft can be activated',
    );
    expect(refuseOverrideMove('retired', 'active')).toBe(
      'the override is retired; only a draft can be activated',
    );
    expect(refuseOverrideMove('retired', 'retired')).toBe('the override is retired already');
  });
});

describe('compareVersions', () => {
  it('orders by major, minor, patch numerically', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.1.0')).toBeLessThan(0);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)),
        fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)),
        (a, b) => {
          const [x, y] = [a.join('.'), b.join('.')];
          expect(Math.sign(compareVersions(x, y))).toBe(-Math.sign(compareVersions(y, x)));
        },
      ),
    );
  });
});

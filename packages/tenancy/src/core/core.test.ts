import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planProject } from './project-plan.js';
import { isTenantSlug, parseList, parseTenantSlug } from './slug.js';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe('planProject', () => {
  it('plans dev (default), test and prod environments and one default module', () => {
    const plan = planProject({ name: '  Payroll  ', description: ' ', githubRepo: null }, counter());
    expect(plan.project).toEqual({
      id: 'id-1',
      name: 'Payroll',
      description: null,
      githubRepo: null,
      defaultBranch: 'main',
    });
    expect(plan.environments.map((e) => [e.name, e.isDefault, e.requiresPromotionApproval])).toEqual([
      ['dev', true, false],
      ['test', false, false],
      ['prod', false, true],
    ]);
    expect(plan.module).toMatchObject({ name: 'default', capabilityProfile: 'CODE_MODULE_DEFAULT' });
  });

  it('rejects a blank name with a validation error', () => {
    expect(() => planProject({ name: '   ' }, counter())).toThrowError(
      /name must contain a visible character/,
    );
    expect(() => planProject({ name: '\u200B\uFEFF' }, counter())).toThrowError(/visible character/);
  });

  it('gives every planned row a distinct id and exactly one default environment', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
        (name) => {
          const plan = planProject({ name }, counter());
          const ids = [plan.project.id, plan.module.id, ...plan.environments.map((e) => e.id)];
          expect(new Set(ids).size).toBe(ids.length);
          expect(plan.environments.filter((e) => e.isDefault)).toHaveLength(1);
          expect(plan.project.name).toBe(name.trim());
        },
      ),
    );
  });
});

describe('tenant slugs', () => {
  it('accepts lower-case slugs and rejects UUID-like upper case, blanks and symbols', () => {
    expect(isTenantSlug('acme')).toBe(true);
    expect(isTenantSlug('acme-2')).toBe(true);
    expect(isTenantSlug('')).toBe(false);
    expect(isTenantSlug('-acme')).toBe(false);
    expect(isTenantSlug('Acme')).toBe(false);
    expect(isTenantSlug('a'.repeat(64))).toBe(false);
    expect(() => parseTenantSlug('no spaces')).toThrowError(/not a valid tenant slug/);
  });

  it('parses comma-separated lists without blanks or duplicates', () => {
    expect(parseList(' default, acme,,default ')).toEqual(['default', 'acme']);
    expect(parseList(undefined)).toEqual([]);
  });
});

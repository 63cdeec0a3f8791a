import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planProject } from './project-plan.js';
import { parseTenantSlug } from './slug.js';

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
  it('refuses a malformed slug with a message saying what a slug may contain', () => {
    expect(parseTenantSlug('acme-2')).toBe('acme-2');
    expect(() => parseTenantSlug('no spaces')).toThrowError(/not a valid tenant slug/);
  });
});

import type { Principal } from '@ec3l/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENT_GUARDED_ACTIONS, PERMISSION_NAMES, type PermissionName, RESOURCE_TYPES } from './catalog.js';
import {
  decide,
  effectivePermissions,
  type GrantedPolicy,
  type GrantedRole,
  type Grants,
  type Resource,
} from './decide.js';

const roleIds = ['r1', 'r2', 'r3'];
const resourceIds = ['a', 'b', null];

const arbRole: fc.Arbitrary<GrantedRole> = fc.record({
  id: fc.constantFrom(...roleIds),
  name: fc.constantFrom('Admin', 'Editor', 'Viewer', 'Custom'),
  status: fc.constantFrom('active' as const, 'disabled' as const),
  permissions: fc.subarray([...PERMISSION_NAMES]),
});
const arbPolicy: fc.Arbitrary<GrantedPolicy> = fc.record({
  id: fc.uuid(),
  roleId: fc.constantFrom(...roleIds),
  resourceType: fc.constantFrom(...RESOURCE_TYPES),
  resourceId: fc.constantFrom(...resourceIds),
  effect: fc.constantFrom('allow' as const, 'deny' as const),
});
const arbGrants: fc.Arbitrary<Grants> = fc.record({
  roles: fc.uniqueArray(arbRole, { selector: (r) => r.id, maxLength: 3 }),
  policies: fc.array(arbPolicy, { maxLength: 4 }),
});
const arbResource: fc.Arbitrary<Resource | null> = fc.option(
  fc.record({ type: fc.constantFrom(...RESOURCE_TYPES), id: fc.constantFrom(...resourceIds) }),
  { nil: null },
);
const arbPermission = fc.constantFrom(...PERMISSION_NAMES);
const arbPrincipal: fc.Arbitrary<Principal> = fc.oneof(
  fc.constant<Principal>({ kind: 'system' }),
  fc.constant<Principal>({ kind: 'anonymous' }),
  fc.string({ minLength: 1 }).map<Principal>((id) => ({ kind: 'user', id })),
  fc.string({ minLength: 1 }).map<Principal>((id) => ({ kind: 'agent', id })),
);

const user: Principal = { kind: 'user', id: 'alice' };
const matches = (p: GrantedPolicy, permission: PermissionName, resource: Resource | null) =>
  resource !== null &&
  p.resourceType === resource.type &&
  permission.startsWith(`${p.resourceType}.`) &&
  (p.resourceId === null || p.resourceId === resource.id);

describe('decide', () => {
  it('R3: the system actor is allowed everything', () => {
    fc.assert(
      fc.property(arbPermission, arbResource, arbGrants, (permission, resource, grants) => {
        expect(decide({ principal: { kind: 'system' }, permission, resource, grants }).outcome).toBe('allow');
      }),
    );
  });

  it('R1: an agent is refused every agent-guarded action whatever it holds', () => {
    const guarded = PERMISSION_NAMES.filter((p) => (AGENT_GUARDED_ACTIONS as readonly string[]).includes(p));
    expect(guarded).toEqual(
      expect.arrayContaining(['change.approve', 'override.activate', 'environment.promote']),
    );
    fc.assert(
      fc.property(fc.constantFrom(...guarded), arbResource, arbGrants, (permission, resource, grants) => {
        const decision = decide({ principal: { kind: 'agent', id: 'bot' }, permission, resource, grants });
        expect(decision).toMatchObject({
          outcome: 'deny',
          code: 'AGENT_FORBIDDEN',
          rule: { kind: 'agent_guard' },
        });
      }),
    );
  });

  it('a request naming no user is refused everything', () => {
    fc.assert(
      fc.property(arbPermission, arbResource, arbGrants, (permission, resource, grants) => {
        expect(decide({ principal: { kind: 'anonymous' }, permission, resource, grants }).outcome).toBe(
          'deny',
        );
      }),
    );
  });

  it('for users: allowed exactly when no matching deny policy and an active role or allow policy grants it', () => {
    fc.assert(
      fc.property(arbPermission, arbResource, arbGrants, (permission, resource, grants) => {
        const active = grants.roles.filter((r) => r.status === 'active');
        const activeIds = new Set(active.map((r) => r.id));
        const relevant = grants.policies.filter(
          (p) => activeIds.has(p.roleId) && matches(p, permission, resource),
        );
        const expected =
          !relevant.some((p) => p.effect === 'deny') &&
          (active.some((r) => r.permissions.includes(permission)) ||
            relevant.some((p) => p.effect === 'allow'));
        const decision = decide({ principal: user, permission, resource, grants });
        expect(decision.outcome).toBe(expected ? 'allow' : 'deny');
        expect(decision.code).toBe(expected ? null : 'FORBIDDEN');
      }),
    );
  });

  it('disabled roles and their policies change nothing', () => {
    fc.assert(
      fc.property(
        arbPrincipal,
        arbPermission,
        arbResource,
        arbGrants,
        (principal, permission, resource, grants) => {
          const activeIds = new Set(grants.roles.filter((r) => r.status === 'active').map((r) => r.id));
          const withoutDisabled: Grants = {
            roles: grants.roles.filter((r) => activeIds.has(r.id)),
            policies: grants.policies.filter((p) => activeIds.has(p.roleId)),
          };
          expect(decide({ principal, permission, resource, grants }).outcome).toBe(
            decide({ principal, permission, resource, grants: withoutDisabled }).outcome,
          );
        },
      ),
    );
  });

  it('a matching deny policy beats a role that holds the permission', () => {
    const grants: Grants = {
      roles: [{ id: 'r1', name: 'Admin', status: 'active', permissions: [...PERMISSION_NAMES] }],
      policies: [{ id: 'p1', roleId: 'r1', resourceType: 'change', resourceId: 'c-1', effect: 'deny' }],
    };
    const onC1 = decide({
      principal: user,
      permission: 'change.approve',
      resource: { type: 'change', id: 'c-1' },
      grants,
    });
    expect(onC1).toMatchObject({ outcome: 'deny', rule: { kind: 'deny_policy', policyId: 'p1' } });
    const onC2 = decide({
      principal: user,
      permission: 'change.approve',
      resource: { type: 'change', id: 'c-2' },
      grants,
    });
    expect(onC2).toMatchObject({ outcome: 'allow', rule: { kind: 'role_permission', roleName: 'Admin' } });
  });

  it('an allow policy grants its one resource and nothing else', () => {
    const grants: Grants = {
      roles: [{ id: 'r1', name: 'Reviewer', status: 'active', permissions: [] }],
      policies: [{ id: 'p1', roleId: 'r1', resourceType: 'change', resourceId: 'c-1', effect: 'allow' }],
    };
    const on = (id: string) =>
      decide({ principal: user, permission: 'change.approve', resource: { type: 'change', id }, grants })
        .outcome;
    expect(on('c-1')).toBe('allow');
    expect(on('c-2')).toBe('deny');
    expect(
      decide({ principal: user, permission: 'form.edit', resource: { type: 'change', id: 'c-1' }, grants })
        .outcome,
    ).toBe('deny');
  });

  it('explains a denial by the missing permission', () => {
    const decision = decide({
      principal: user,
      permission: 'admin.view',
      resource: null,
      grants: { roles: [], policies: [] },
    });
    expect(decision).toEqual({
      outcome: 'deny',
      code: 'FORBIDDEN',
      reason: 'missing permission admin.view',
      rule: { kind: 'no_grant' },
    });
  });

  it('effective permissions are the union of the active roles only', () => {
    expect(
      effectivePermissions({
        roles: [
          { id: 'a', name: 'A', status: 'active', permissions: ['form.view', 'form.edit'] },
          { id: 'b', name: 'B', status: 'disabled', permissions: ['admin.view'] },
          { id: 'c', name: 'C', status: 'active', permissions: ['form.view'] },
        ],
        policies: [],
      }),
    ).toEqual(['form.edit', 'form.view']);
  });
});

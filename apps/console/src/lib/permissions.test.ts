import { Ec3lApiError } from '@ec3l/sdk';
import { describe, expect, it } from 'vitest';
import {
  ADMIN_VIEW,
  actionGate,
  allOf,
  describeRule,
  forbiddenReason,
  hasPermission,
  isForbidden,
  type Me,
  PERMISSION,
  permissionNotes,
} from './permissions';

const me = (overrides: Partial<Me> = {}): Me => ({
  actorType: 'user',
  actorId: 'rita',
  roles: [],
  permissions: [],
  agentForbidden: [],
  ...overrides,
});

describe('hasPermission', () => {
  it('is true only for a permission the actor holds', () => {
    expect(hasPermission(me({ permissions: ['form.view', ADMIN_VIEW] }), ADMIN_VIEW)).toBe(true);
    expect(hasPermission(me({ permissions: ['form.view'] }), ADMIN_VIEW)).toBe(false);
  });

  it('is false while the actor is unknown', () => {
    expect(hasPermission(undefined, ADMIN_VIEW)).toBe(false);
  });
});

describe('actionGate', () => {
  it('allows an action the actor holds the permission for, with no reason', () => {
    expect(actionGate(me({ permissions: [ADMIN_VIEW] }), ADMIN_VIEW)).toEqual({
      allowed: true,
      reason: undefined,
    });
  });

  it('refuses with a reason naming the permission and the user', () => {
    expect(actionGate(me(), ADMIN_VIEW)).toEqual({
      allowed: false,
      permission: ADMIN_VIEW,
      reason: 'Needs the admin.view permission, which user rita does not have',
    });
  });

  it('names an agent and an anonymous caller as such', () => {
    expect(actionGate(me({ actorType: 'agent', actorId: 'bot-1' }), ADMIN_VIEW).reason).toContain(
      'agent bot-1',
    );
    expect(actionGate(me({ actorType: 'anonymous', actorId: null }), ADMIN_VIEW).reason).toContain(
      'an anonymous caller',
    );
  });

  it('refuses while the permissions are still loading', () => {
    expect(actionGate(undefined, ADMIN_VIEW)).toEqual({
      allowed: false,
      reason: 'Checking your permissions…',
    });
  });
});

describe('isForbidden and forbiddenReason', () => {
  const forbidden = new Ec3lApiError(403, {
    statusCode: 403,
    code: 'FORBIDDEN',
    error: 'Forbidden',
    message: 'Forbidden: missing permission admin.view',
    details: { permission: 'admin.view', resource: null, reason: 'missing permission admin.view' },
  });

  it('recognises a 403 of either code', () => {
    expect(isForbidden(forbidden)).toBe(true);
    expect(isForbidden(new Ec3lApiError(403, { code: 'AGENT_FORBIDDEN', message: 'no' }))).toBe(true);
    expect(isForbidden(new Ec3lApiError(404, { code: 'NOT_FOUND', message: 'gone' }))).toBe(false);
    expect(isForbidden(new Error('403'))).toBe(false);
  });

  it("uses the decision's reason from the details", () => {
    expect(forbiddenReason(forbidden)).toBe('missing permission admin.view');
  });

  it('falls back to the message without its "Forbidden:" prefix', () => {
    const bare = new Ec3lApiError(403, { code: 'FORBIDDEN', message: 'Forbidden: agents may not approve' });
    expect(forbiddenReason(bare)).toBe('agents may not approve');
  });
});

describe('describeRule', () => {
  it('names the role that grants a permission', () => {
    expect(describeRule({ kind: 'role_permission', roleName: 'Release managers' })).toBe(
      'Role Release managers grants it',
    );
  });

  it('names the role of a deny or allow policy', () => {
    expect(describeRule({ kind: 'deny_policy', roleName: 'Editor', policyId: 'p1' })).toBe(
      'Deny policy of role Editor',
    );
    expect(describeRule({ kind: 'allow_policy', roleName: 'Viewer' })).toBe('Allow policy of role Viewer');
  });

  it('says when nothing grants the permission', () => {
    expect(describeRule({ kind: 'no_grant' })).toBe('No active role or policy grants it');
  });
});

describe('permissions the server does not list yet', () => {
  const CATALOG = ['form.view', 'change.approve', ADMIN_VIEW];
  const admin = me({ roles: [{ id: 'r', name: 'Admin', status: 'active' }], permissions: CATALOG });

  it('are held by an active Admin role, the role holding the whole catalog', () => {
    expect(hasPermission(admin, PERMISSION.projectEdit, CATALOG)).toBe(true);
    expect(actionGate(admin, PERMISSION.rbacManage, CATALOG).allowed).toBe(true);
  });

  it('are not held by other roles, a disabled Admin role, or without the catalog', () => {
    const viewer = me({ roles: [{ id: 'v', name: 'Viewer', status: 'active' }], permissions: ['form.view'] });
    expect(hasPermission(viewer, PERMISSION.projectEdit, CATALOG)).toBe(false);
    const disabled = me({ roles: [{ id: 'r', name: 'Admin', status: 'disabled' }], permissions: [] });
    expect(hasPermission(disabled, PERMISSION.projectEdit, CATALOG)).toBe(false);
    expect(hasPermission(admin, PERMISSION.projectEdit)).toBe(false);
  });

  it('follow the grants once the catalog lists them', () => {
    const catalog = [...CATALOG, PERMISSION.projectEdit];
    expect(hasPermission(admin, PERMISSION.projectEdit, catalog)).toBe(false);
    expect(hasPermission({ ...admin, permissions: catalog }, PERMISSION.projectEdit, catalog)).toBe(true);
  });
});

describe('allOf', () => {
  it('is the first refusal, else allowed', () => {
    const no = { allowed: false, reason: 'no' };
    const later = { allowed: false, reason: 'later' };
    expect(allOf({ allowed: true, reason: undefined }, no, later)).toBe(no);
    expect(allOf().allowed).toBe(true);
  });
});

describe('permissionNotes', () => {
  const edit = actionGate(me({ actorId: 'vera' }), 'change.edit');
  const approve = actionGate(me({ actorId: 'vera' }), 'change.approve');
  it('groups the actions held back by permissions, by reason, and skips state refusals', () => {
    const notes = permissionNotes([
      { label: 'Dry run', gate: edit },
      { label: 'Check in', gate: approve },
      { label: 'Merge', gate: { allowed: false, reason: 'Only a Ready change can be merged' } },
      { label: 'Move to Implementing', gate: edit },
      { label: 'Add target', gate: edit },
      { label: 'Revert', gate: { allowed: true, reason: undefined } },
    ]);
    expect(notes.map((n) => n.text)).toEqual([
      'Dry run, Move to Implementing and Add target are disabled: Needs the change.edit permission, which user vera does not have.',
      'Check in is disabled: Needs the change.approve permission, which user vera does not have.',
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, operationsOf } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
const agent = { tenant: 'acme', agent: 'bot-1' };
let roleIds: Record<string, string>;

const json = async <T = never>(
  res: Promise<{ statusCode: number; json(): unknown }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode).toBe(status);
  return r.json() as T;
};

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  const roles: { id: string; name: string }[] = await json(h.call('GET', '/api/rbac/roles', admin));
  roleIds = Object.fromEntries(roles.map((r) => [r.name, r.id]));
  await json(
    h.call('POST', '/api/rbac/users/vera/roles', { ...admin, body: { roleId: roleIds.Viewer } }),
    201,
  );
});
afterAll(() => h.close());

type Sample = { method: 'GET' | 'POST' | 'DELETE'; url: string; body?: unknown };
let counter = 0;

/** A valid request for each guarded operation, preparing whatever state it needs as admin. */
const samples: Record<string, () => Promise<Sample>> = {
  createRole: async () => ({ method: 'POST', url: '/api/rbac/roles', body: { name: `Role ${++counter}` } }),
  enableRole: async () => ({ method: 'POST', url: `/api/rbac/roles/${roleIds.Editor}/enable` }),
  disableRole: async () => {
    const role: { id: string } = await json(
      h.call('POST', '/api/rbac/roles', { ...admin, body: { name: `Tmp ${++counter}` } }),
      201,
    );
    return { method: 'POST', url: `/api/rbac/roles/${role.id}/disable` };
  },
  listRolePermissions: async () => ({ method: 'GET', url: `/api/rbac/roles/${roleIds.Editor}/permissions` }),
  addRolePermission: async () => ({
    method: 'POST',
    url: `/api/rbac/roles/${roleIds.Editor}/permissions`,
    body: { permissionId: 'form.view' },
  }),
  removeRolePermission: async () => {
    const role: { id: string } = await json(
      h.call('POST', '/api/rbac/roles', {
        ...admin,
        body: { name: `Tmp ${++counter}`, permissions: ['form.edit'] },
      }),
      201,
    );
    return { method: 'DELETE', url: `/api/rbac/roles/${role.id}/permissions/form.edit` };
  },
  listUserRoles: async () => ({ method: 'GET', url: '/api/rbac/users/vera/roles' }),
  assignUserRole: async () => ({
    method: 'POST',
    url: '/api/rbac/users/zed/roles',
    body: { roleId: roleIds.Viewer },
  }),
  removeUserRole: async () => {
    const user = `u${++counter}`;
    await json(
      h.call('POST', `/api/rbac/users/${user}/roles`, { ...admin, body: { roleId: roleIds.Viewer } }),
      201,
    );
    return { method: 'DELETE', url: `/api/rbac/users/${user}/roles/${roleIds.Viewer}` };
  },
  listPolicies: async () => ({ method: 'GET', url: '/api/rbac/policies' }),
  createPolicy: async () => ({
    method: 'POST',
    url: '/api/rbac/policies',
    body: { roleId: roleIds.Editor, resourceType: 'change', resourceId: `c-${++counter}`, effect: 'allow' },
  }),
  deletePolicy: async () => {
    const policy: { id: string } = await json(
      h.call('POST', '/api/rbac/policies', {
        ...admin,
        body: { roleId: roleIds.Editor, resourceType: 'form', resourceId: `f-${++counter}`, effect: 'deny' },
      }),
      201,
    );
    return { method: 'DELETE', url: `/api/rbac/policies/${policy.id}` };
  },
  listAuditLogs: async () => ({ method: 'GET', url: '/api/rbac/audit-logs?outcome=deny' }),
  explainAccess: async () => ({ method: 'GET', url: '/api/rbac/explain?userId=vera&permission=form.view' }),
  checkAdminAccess: async () => ({ method: 'GET', url: '/api/admin/check-access' }),
  listAdminTenants: async () => ({ method: 'GET', url: '/api/admin/tenants' }),
  listExecutionTelemetry: async () => ({ method: 'GET', url: '/api/admin/execution-telemetry' }),
  getAuditFeed: async () => ({ method: 'GET', url: '/api/audit-feed?limit=5' }),
  getGraphSnapshot: async () => ({ method: 'GET', url: '/api/admin/graph/snapshot' }),
  validateGraph: async () => ({ method: 'GET', url: '/api/admin/graph/validate' }),
  getGraphDiff: async () => {
    const change = await readyChange();
    return { method: 'GET', url: `/api/admin/graph/diff?changeId=${change}` };
  },
  checkinChange: async () => ({ method: 'POST', url: `/api/changes/${await draftChange()}/checkin` }),
  mergeChange: async () => ({ method: 'POST', url: `/api/changes/${await readyChange()}/merge` }),
};

/** A Draft change adding one field to a fresh record type. */
const draftChange = async (): Promise<string> => {
  const key = `rt_${++counter}`;
  const project = await json<{ id: string }>(
    h.call('POST', '/api/projects', { ...admin, body: { name: `P ${counter}` } }),
    201,
  );
  await json(
    h.call('POST', '/api/record-types', {
      ...admin,
      body: { projectId: project.id, key, name: `RT ${counter}` },
    }),
    201,
  );
  const change = await json<{ id: string }>(
    h.call('POST', '/api/changes', { ...admin, body: { projectId: project.id, title: 'c' } }),
    201,
  );
  const target = await json<{ id: string }>(
    h.call('POST', `/api/changes/${change.id}/targets`, {
      ...admin,
      body: { type: 'record_type', selector: { recordTypeKey: key } },
    }),
    201,
  );
  await json(
    h.call('POST', `/api/changes/${change.id}/patch-ops`, {
      ...admin,
      body: { targetId: target.id, opType: 'add_field', payload: { field: { name: 'extra', type: 'text' } } },
    }),
    201,
  );
  return change.id;
};

const readyChange = async (): Promise<string> => {
  const id = await draftChange();
  await json(h.call('POST', `/api/changes/${id}/checkin`, admin));
  return id;
};

describe('guarded routes', () => {
  it('every guarded route answers 403 to a Viewer and to an agent, and 2xx to an Admin', async () => {
    const doc = h.app.swagger() as unknown as Record<string, unknown>;
    const guarded = operationsOf(doc).filter((op) =>
      /Requires permission/.test((op as { description?: string }).description ?? ''),
    );
    expect(guarded.map((op) => op.operationId).sort()).toEqual(Object.keys(samples).sort());
    for (const op of guarded) {
      const sample = await samples[op.operationId!]!();
      const permission = /Requires permission `([a-z._]+)`/.exec(
        (op as { description?: string }).description ?? '',
      )![1]!;
      const agentGuarded = /refused to agents/.test((op as { description?: string }).description ?? '');
      for (const who of [viewer, agent]) {
        const res = await h.call(sample.method, sample.url, { ...who, body: sample.body });
        expect(res.statusCode, `${op.operationId} as ${JSON.stringify(who)}`).toBe(403);
        const code = who === agent && agentGuarded ? 'AGENT_FORBIDDEN' : 'FORBIDDEN';
        expect(res.json()).toMatchObject({
          statusCode: 403,
          code,
          message: expect.stringContaining(permission),
        });
      }
      const ok = await h.call(sample.method, sample.url, { ...admin, body: sample.body });
      expect(ok.statusCode, `${op.operationId} as admin: ${ok.body}`).toBeGreaterThanOrEqual(200);
      expect(ok.statusCode).toBeLessThan(300);
    }
  });

  it('a request without x-user-id is refused guarded routes', async () => {
    const res = await h.call('GET', '/api/rbac/policies', { tenant: 'acme' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/x-user-id/);
  });

  it('every decision on a guarded route is in the audit log, with actor, permission and outcome', async () => {
    await h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: 'mallory' });
    const logs = await json<
      { actorId: string; actorType: string; permission: string; outcome: string; reason: string }[]
    >(h.call('GET', '/api/rbac/audit-logs?actorId=mallory', admin));
    expect(logs).toEqual([
      expect.objectContaining({
        actorType: 'user',
        actorId: 'mallory',
        permission: 'admin.view',
        outcome: 'deny',
        reason: 'missing permission admin.view',
      }),
    ]);
    const allows = await json<{ outcome: string }[]>(
      h.call('GET', '/api/rbac/audit-logs?actorId=admin&outcome=allow&limit=3', admin),
    );
    expect(allows.length).toBe(3);
    expect(allows.every((l) => l.outcome === 'allow')).toBe(true);
  });
});

describe('access management', () => {
  it('seed-defaults is idempotent and lists the default roles', async () => {
    const first = await json<{ name: string }[]>(h.call('POST', '/api/rbac/seed-defaults', admin));
    const second = await json<{ name: string }[]>(h.call('POST', '/api/rbac/seed-defaults', admin));
    expect(second.map((r) => r.name)).toEqual(first.map((r) => r.name));
    expect(first.map((r) => r.name).slice(0, 3)).toEqual(['Admin', 'Editor', 'Viewer']);
  });

  it('a new role, granted a permission and assigned, gives the user that permission only', async () => {
    const role = await json<{ id: string }>(
      h.call('POST', '/api/rbac/roles', { ...admin, body: { name: 'Auditors' } }),
      201,
    );
    await json(
      h.call('POST', `/api/rbac/roles/${role.id}/permissions`, {
        ...admin,
        body: { permissionId: 'admin.view' },
      }),
      201,
    );
    await json(h.call('POST', '/api/rbac/users/audrey/roles', { ...admin, body: { roleId: role.id } }), 201);
    const me = await json<{ roles: { name: string }[]; permissions: string[] }>(
      h.call('GET', '/api/rbac/me', { tenant: 'acme', user: 'audrey' }),
    );
    expect(me.roles.map((r) => r.name)).toEqual(['Auditors']);
    expect(me.permissions).toEqual(['admin.view']);
    expect(
      (await h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: 'audrey' })).statusCode,
    ).toBe(200);

    await json(h.call('POST', `/api/rbac/roles/${role.id}/disable`, admin));
    expect(
      (await h.call('GET', '/api/admin/check-access', { tenant: 'acme', user: 'audrey' })).statusCode,
    ).toBe(403);
  });

  it('bad input is a 400 or 409, never a 500', async () => {
    const dup = await h.call('POST', '/api/rbac/roles', { ...admin, body: { name: 'Admin' } });
    expect(dup.statusCode).toBe(409);
    const unknownPermission = await h.call('POST', `/api/rbac/roles/${roleIds.Editor}/permissions`, {
      ...admin,
      body: { permissionId: 'rockets.launch' },
    });
    expect(unknownPermission.statusCode).toBe(400);
    const badPolicy = await h.call('POST', '/api/rbac/policies', {
      ...admin,
      body: { roleId: roleIds.Editor, resourceType: 'spaceship', effect: 'allow' },
    });
    expect(badPolicy.statusCode).toBe(400);
    const badUser = await h.call('GET', '/api/rbac/users/has%20space/roles', admin);
    expect(badUser.statusCode).toBe(400);
    const badExplain = await h.call('GET', '/api/rbac/explain?userId=x&permission=nope', admin);
    expect(badExplain.statusCode).toBe(400);
    const badTime = await h.call('GET', '/api/audit-feed?from=yesterday', admin);
    expect(badTime.statusCode).toBe(400);
  });

  it('explain gives the decision and the rule', async () => {
    const allowed = await json(
      h.call(
        'GET',
        '/api/rbac/explain?userId=admin&permission=change.approve&resourceType=change&resourceId=c1',
        admin,
      ),
    );
    expect(allowed).toMatchObject({ outcome: 'allow', rule: { kind: 'role_permission', roleName: 'Admin' } });
    const denied = await json(
      h.call('GET', '/api/rbac/explain?userId=vera&permission=change.approve', admin),
    );
    expect(denied).toMatchObject({ outcome: 'deny', code: 'FORBIDDEN', rule: { kind: 'no_grant' } });
  });

  it('me describes an agent and what agents may never do', async () => {
    const me = await json<{ actorType: string; permissions: string[]; agentForbidden: string[] }>(
      h.call('GET', '/api/rbac/me', agent),
    );
    expect(me.actorType).toBe('agent');
    expect(me.permissions).toEqual([]);
    expect(me.agentForbidden).toEqual(expect.arrayContaining(['change.approve', 'environment.promote']));
  });
});

describe('tenancy of access control', () => {
  it('R2: a role, policy or assignment of one tenant is invisible (404) and ineffective in another', async () => {
    const globexAdmin = { tenant: 'globex', user: 'admin' };
    const acmeRole = roleIds.Editor!;
    for (const [method, url, body] of [
      ['GET', `/api/rbac/roles/${acmeRole}/permissions`, undefined],
      ['POST', `/api/rbac/roles/${acmeRole}/enable`, undefined],
      ['POST', `/api/rbac/roles/${acmeRole}/permissions`, { permissionId: 'form.view' }],
      ['DELETE', `/api/rbac/roles/${acmeRole}/permissions/form.view`, undefined],
      ['POST', '/api/rbac/users/vera/roles', { roleId: acmeRole }],
      ['DELETE', `/api/rbac/users/vera/roles/${roleIds.Viewer}`, undefined],
      ['POST', '/api/rbac/policies', { roleId: acmeRole, resourceType: 'change', effect: 'deny' }],
    ] as const) {
      const res = await h.call(method, url, { ...globexAdmin, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const acmePolicy = await json<{ id: string }>(
      h.call('POST', '/api/rbac/policies', {
        ...admin,
        body: { roleId: acmeRole, resourceType: 'workflow', effect: 'deny' },
      }),
      201,
    );
    expect((await h.call('DELETE', `/api/rbac/policies/${acmePolicy.id}`, globexAdmin)).statusCode).toBe(404);
    const globexRoles = await json<{ id: string }[]>(h.call('GET', '/api/rbac/roles', globexAdmin));
    expect(globexRoles.map((r) => r.id)).not.toContain(acmeRole);
    expect(await json(h.call('GET', '/api/rbac/users/vera/roles', globexAdmin))).toEqual([]);
    // vera is a Viewer in acme only; acme's admin is nobody in globex unless made one there
    await json(
      h.call('POST', '/api/rbac/users/acme-boss/roles', { ...admin, body: { roleId: roleIds.Admin } }),
      201,
    );
    expect(
      (await h.call('GET', '/api/admin/check-access', { tenant: 'globex', user: 'acme-boss' })).statusCode,
    ).toBe(403);
    const globexLogs = await json<{ actorId: string }[]>(
      h.call('GET', '/api/rbac/audit-logs?limit=200', globexAdmin),
    );
    expect(globexLogs.some((l) => l.actorId === 'mallory')).toBe(false);
  });
});

describe('audit feed and telemetry', () => {
  it('merges authorization decisions and domain events newest first, and pages without repeats', async () => {
    await json(h.call('POST', '/api/projects', { ...admin, body: { name: 'Audited project' } }), 201);
    await h.events.drain();
    const events = await json<{ eventType: string; actorId: string }[]>(
      h.call('GET', '/api/admin/execution-telemetry?eventType=project.created', admin),
    );
    expect(events[0]).toMatchObject({ eventType: 'project.created', actorId: 'admin' });

    const all = await json<{ id: string; source: string; timestamp: string }[]>(
      h.call('GET', '/api/audit-feed?limit=200', admin),
    );
    expect(new Set(all.map((e) => e.source))).toEqual(new Set(['rbac', 'telemetry']));
    const times = all.map((e) => e.timestamp);
    expect([...times].sort().reverse()).toEqual(times);

    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await h.call('GET', `/api/audit-feed?limit=7${cursor ? `&cursor=${cursor}` : ''}`, admin);
      paged.push(...res.json().map((e: { id: string }) => e.id));
      cursor = res.headers['x-next-cursor'] as string | undefined;
    } while (cursor);
    // Each read of the feed is audited before it reads, so paging shows exactly one entry more than
    // `all`: the decision on the first page's own request.
    expect(paged.slice(1)).toEqual(all.map((e) => e.id));
    expect(new Set(paged).size).toBe(paged.length);
  });
});

import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSION_NAMES } from './core/catalog.js';
import * as writePermissions from './migrations/0003_write_permissions.js';
import * as runtimePermissions from './migrations/0006_runtime_permissions.js';
import { rbacMigrations } from './migrations/index.js';
import { createRbacService, LAST_ADMIN_MESSAGE } from './service.js';

let database: TestDatabase;
let rbac: ReturnType<typeof createRbacService>;
let tenancy: ReturnType<typeof createTenancyService>;
const auditErrors: unknown[] = [];
let acmeSystem: RequestContext;
let globexSystem: RequestContext;
const as = (base: RequestContext, who: { user?: string; agent?: string }): RequestContext => ({
  ...base,
  isSystem: false,
  userId: who.user ?? null,
  agentId: who.agent ?? null,
});

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, rbacMigrations]);
  tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  rbac = createRbacService({ db: database.ownerDb, onAuditError: (e) => auditErrors.push(e) });
  for (const slug of ['acme', 'globex']) await tenancy.ensureTenant({ slug });
  const acme = (await tenancy.resolveTenant('acme'))!;
  const globex = (await tenancy.resolveTenant('globex'))!;
  acmeSystem = systemContext(acme.id, acme.slug);
  globexSystem = systemContext(globex.id, globex.slug);
  await rbac.bootstrapAdmins(acmeSystem, ['admin']);
  await rbac.bootstrapAdmins(globexSystem, ['admin']);
});
afterAll(() => database.destroy());

let tenantCount = 0;
/** A tenant of its own for a test that must not see what other tests left behind. */
const freshTenant = async (admins: string[] = ['admin']): Promise<RequestContext> => {
  const slug = `own-${++tenantCount}`;
  await tenancy.ensureTenant({ slug });
  const tenant = (await tenancy.resolveTenant(slug))!;
  const system = systemContext(tenant.id, tenant.slug);
  await rbac.bootstrapAdmins(system, admins);
  return system;
};
/** What an allow through a role's own permission looks like. */
const allowedBy = (roleName: string) => ({
  outcome: 'allow',
  code: null,
  rule: { kind: 'role_permission', roleName },
});

describe('default roles', () => {
  it('are seeded once per tenant with their permissions', async () => {
    const tenant = await freshTenant();
    await rbac.seedDefaults(tenant);
    await rbac.seedDefaults(tenant);
    const roles = await rbac.listRoles(tenant);
    expect(roles.map((r) => r.name)).toEqual(['Admin', 'Editor', 'Viewer']);
    expect(roles.find((r) => r.name === 'Viewer')?.permissions).toEqual(['form.view']);
    expect(roles.find((r) => r.name === 'Admin')?.permissions).toEqual([...PERMISSION_NAMES].sort());
    expect(roles.find((r) => r.name === 'Editor')?.permissions).toEqual([
      'change.edit',
      'form.edit',
      'form.view',
      'override.activate',
      'override.edit',
      'project.edit',
      'record.edit',
      'schema.edit',
      'vibe.author',
      'workflow.edit',
      'workflow.execute',
    ]);
  });

  it('the write-permissions migration grants the new permissions to the default roles of existing tenants', async () => {
    const added = ['project.edit', 'schema.edit', 'change.edit', 'rbac.manage'];
    // A tenant as it was before the migration: its default roles lack the write permissions.
    await sql`delete from rbac_role_permissions rp using rbac_permissions p, rbac_roles r
      where p.id = rp.permission_id and r.tenant_id = rp.tenant_id and r.id = rp.role_id
        and rp.tenant_id = ${globexSystem.tenantId} and p.name in (${sql.join(added)})`.execute(
      database.ownerDb,
    );
    const before = await rbac.listRoles(globexSystem);
    expect(before.find((r) => r.name === 'Admin')?.permissions).not.toContain('rbac.manage');
    await writePermissions.up(database.ownerDb);
    const after = await rbac.listRoles(globexSystem);
    expect(after.find((r) => r.name === 'Admin')?.permissions).toEqual([...PERMISSION_NAMES].sort());
    expect(after.find((r) => r.name === 'Editor')?.permissions).toEqual(
      expect.arrayContaining(['project.edit', 'schema.edit', 'change.edit']),
    );
    expect(after.find((r) => r.name === 'Editor')?.permissions).not.toContain('rbac.manage');
    expect(after.find((r) => r.name === 'Viewer')?.permissions).toEqual(['form.view']);
    const catalog = (await rbac.listPermissions()).map((p) => p.name);
    expect(catalog.sort()).toEqual([...PERMISSION_NAMES].sort());
  });

  it('the runtime-permissions migration gives existing Admin and Editor roles the record and workflow permissions', async () => {
    const added = ['record.edit', 'workflow.edit', 'automation.run'];
    await sql`delete from rbac_role_permissions rp using rbac_permissions p, rbac_roles r
      where p.id = rp.permission_id and r.tenant_id = rp.tenant_id and r.id = rp.role_id
        and rp.tenant_id = ${globexSystem.tenantId} and p.name in (${sql.join(added)})`.execute(
      database.ownerDb,
    );
    expect((await rbac.listRoles(globexSystem)).find((r) => r.name === 'Editor')?.permissions).not.toContain(
      'record.edit',
    );
    await runtimePermissions.up(database.ownerDb);
    const after = await rbac.listRoles(globexSystem);
    expect(after.find((r) => r.name === 'Admin')?.permissions).toEqual(expect.arrayContaining(added));
    expect(after.find((r) => r.name === 'Editor')?.permissions).toEqual(
      expect.arrayContaining(['record.edit', 'workflow.edit']),
    );
    expect(after.find((r) => r.name === 'Editor')?.permissions).not.toContain('automation.run');
    expect(after.find((r) => r.name === 'Viewer')?.permissions).toEqual(['form.view']);
  });

  it('re-seeding leaves a role as its admins changed it', async () => {
    const viewer = (await rbac.listRoles(acmeSystem)).find((r) => r.name === 'Viewer')!;
    await rbac.addRolePermission(acmeSystem, viewer.id, 'workflow.execute');
    await rbac.seedDefaults(acmeSystem);
    expect((await rbac.listRolePermissions(acmeSystem, viewer.id)).map((p) => p.name)).toEqual([
      'form.view',
      'workflow.execute',
    ]);
    await rbac.removeRolePermission(acmeSystem, viewer.id, 'workflow.execute');
  });
});

describe('decisions', () => {
  it('R3: the system actor is allowed without any role', async () => {
    await expect(rbac.requirePermission(acmeSystem, 'admin.view')).resolves.toMatchObject({
      outcome: 'allow',
    });
  });

  it('R1: an agent is refused change approval with AGENT_FORBIDDEN, and it is audited', async () => {
    await expect(
      rbac.requirePermission(as(acmeSystem, { agent: 'bot-7' }), 'change.approve', {
        type: 'change',
        id: 'c1',
      }),
    ).rejects.toMatchObject({ code: 'AGENT_FORBIDDEN' });
    const { items } = await rbac.listAuditLogs(acmeSystem, { actorId: 'bot-7' }, { limit: 10 });
    expect(items[0]).toMatchObject({
      actorType: 'agent',
      permission: 'change.approve',
      resourceType: 'change',
      resourceId: 'c1',
      outcome: 'deny',
    });
  });

  it('R2: a role assigned in one tenant grants nothing in another', async () => {
    const globexAdmin = (await rbac.listRoles(globexSystem)).find((r) => r.name === 'Admin')!;
    await rbac.assignRole(globexSystem, 'carol', globexAdmin.id);
    await expect(
      rbac.requirePermission(as(globexSystem, { user: 'carol' }), 'admin.view'),
    ).resolves.toMatchObject(allowedBy('Admin'));
    await expect(
      rbac.requirePermission(as(acmeSystem, { user: 'carol' }), 'admin.view'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(rbac.assignRole(acmeSystem, 'carol', globexAdmin.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(rbac.listRolePermissions(acmeSystem, globexAdmin.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a disabled role grants nothing until enabled again', async () => {
    const role = await rbac.createRole(acmeSystem, { name: 'Approvers', permissions: ['change.approve'] });
    await rbac.assignRole(acmeSystem, 'dave', role.id);
    const dave = as(acmeSystem, { user: 'dave' });
    await expect(rbac.requirePermission(dave, 'change.approve')).resolves.toMatchObject(
      allowedBy('Approvers'),
    );
    await rbac.setRoleStatus(acmeSystem, role.id, 'disabled');
    await expect(rbac.requirePermission(dave, 'change.approve')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await rbac.setRoleStatus(acmeSystem, role.id, 'active');
    await expect(rbac.requirePermission(dave, 'change.approve')).resolves.toMatchObject(
      allowedBy('Approvers'),
    );
  });

  it('a deny policy on one change beats the role; an allow policy grants one change', async () => {
    const approvers = await rbac.createRole(acmeSystem, {
      name: 'Gatekeepers',
      permissions: ['change.approve'],
    });
    await rbac.assignRole(acmeSystem, 'gail', approvers.id);
    await rbac.createPolicy(acmeSystem, {
      roleId: approvers.id,
      resourceType: 'change',
      resourceId: 'c-9',
      effect: 'deny',
    });
    const gail = as(acmeSystem, { user: 'gail' });
    await expect(
      rbac.requirePermission(gail, 'change.approve', { type: 'change', id: 'c-9' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: expect.stringContaining('deny policy of role Gatekeepers') },
    });
    await expect(
      rbac.requirePermission(gail, 'change.approve', { type: 'change', id: 'c-1' }),
    ).resolves.toMatchObject(allowedBy('Gatekeepers'));

    const reviewers = await rbac.createRole(acmeSystem, { name: 'One-off reviewers' });
    await rbac.assignRole(acmeSystem, 'erin', reviewers.id);
    await rbac.createPolicy(acmeSystem, {
      roleId: reviewers.id,
      resourceType: 'change',
      resourceId: 'c-5',
      effect: 'allow',
    });
    const erin = as(acmeSystem, { user: 'erin' });
    await expect(
      rbac.requirePermission(erin, 'change.approve', { type: 'change', id: 'c-5' }),
    ).resolves.toMatchObject({
      outcome: 'allow',
      rule: { kind: 'allow_policy', roleName: 'One-off reviewers' },
    });
    await expect(
      rbac.requirePermission(erin, 'change.approve', { type: 'change', id: 'c-6' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'missing permission change.approve on change c-6' },
    });
    await expect(
      rbac.createPolicy(acmeSystem, {
        roleId: reviewers.id,
        resourceType: 'change',
        resourceId: 'c-5',
        effect: 'allow',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('explain names the rule without writing to the audit log', async () => {
    const before = (await rbac.listAuditLogs(acmeSystem, {}, { limit: 500 })).items.length;
    const explanation = await rbac.explain(acmeSystem, { userId: 'admin', permission: 'admin.view' });
    expect(explanation).toMatchObject({
      outcome: 'allow',
      rule: { kind: 'role_permission', roleName: 'Admin' },
    });
    const nobody = await rbac.explain(acmeSystem, { userId: 'nobody', permission: 'form.view' });
    expect(nobody).toMatchObject({ outcome: 'deny', reason: 'missing permission form.view' });
    expect((await rbac.listAuditLogs(acmeSystem, {}, { limit: 500 })).items.length).toBe(before);
  });

  it('a failing audit write is reported and does not fail the decision', async () => {
    await sql`alter table rbac_audit_logs add constraint refuse_all check (false) not valid`.execute(
      database.ownerDb,
    );
    try {
      // Decisions of earlier tests still queued would meet the constraint too.
      await rbac.drainAudit();
      const errorsBefore = auditErrors.length;
      await expect(
        rbac.requirePermission(as(acmeSystem, { user: 'admin' }), 'admin.view'),
      ).resolves.toMatchObject({
        outcome: 'allow',
      });
      await rbac.drainAudit();
      expect(auditErrors.length).toBe(errorsBefore + 1);
    } finally {
      await sql`alter table rbac_audit_logs drop constraint refuse_all`.execute(database.ownerDb);
    }
  });

  it('a grant removed by another gateway process stops working at once in this one', async () => {
    const elsewhere = createRbacService({ db: database.ownerDb });
    const role = await rbac.createRole(acmeSystem, { name: 'Temporary admins', permissions: ['admin.view'] });
    await rbac.assignRole(acmeSystem, 'tess', role.id);
    const tess = as(acmeSystem, { user: 'tess' });
    await expect(rbac.requirePermission(tess, 'admin.view')).resolves.toMatchObject(
      allowedBy('Temporary admins'),
    );
    // served from the cache
    await expect(rbac.requirePermission(tess, 'admin.view')).resolves.toMatchObject(
      allowedBy('Temporary admins'),
    );
    await elsewhere.removeUserRole(acmeSystem, 'tess', role.id);
    await expect(rbac.requirePermission(tess, 'admin.view')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await elsewhere.assignRole(acmeSystem, 'tess', role.id);
    await elsewhere.removeRolePermission(acmeSystem, role.id, 'admin.view');
    await expect(rbac.requirePermission(tess, 'admin.view')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('me lists roles and effective permissions of the caller', async () => {
    const me = await rbac.me(as(acmeSystem, { user: 'admin' }));
    expect(me).toMatchObject({
      actorType: 'user',
      actorId: 'admin',
      roles: [expect.objectContaining({ name: 'Admin' })],
    });
    expect(me.permissions).toContain('change.approve');
    expect((await rbac.me(as(acmeSystem, { agent: 'bot' }))).permissions).toEqual([]);
  });
});

describe('agents with roles', () => {
  it('R1: an agent holding a role uses its permissions but is still refused every agent-guarded action', async () => {
    const admin = (await rbac.listRoles(acmeSystem)).find((r) => r.name === 'Admin')!;
    await rbac.assignAgentRole(acmeSystem, 'builder', admin.id);
    const builder = as(acmeSystem, { agent: 'builder' });
    await expect(rbac.requirePermission(builder, 'change.edit')).resolves.toMatchObject({ outcome: 'allow' });
    for (const guarded of ['change.approve', 'override.activate', 'workflow.execute'] as const) {
      await expect(rbac.requirePermission(builder, guarded)).rejects.toMatchObject({
        code: 'AGENT_FORBIDDEN',
      });
    }
    expect((await rbac.me(builder)).roles.map((r) => r.name)).toEqual(['Admin']);
  });

  it('a user and an agent with the same id never share roles', async () => {
    const editor = (await rbac.listRoles(acmeSystem)).find((r) => r.name === 'Editor')!;
    await rbac.assignAgentRole(acmeSystem, 'twin', editor.id);
    await expect(
      rbac.requirePermission(as(acmeSystem, { user: 'twin' }), 'change.edit'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await rbac.listUserRoles(acmeSystem, 'twin')).toEqual([]);
    expect((await rbac.listAgentRoles(acmeSystem, 'twin')).map((r) => r.roleName)).toEqual(['Editor']);
    await rbac.removeAgentRole(acmeSystem, 'twin', editor.id);
    await expect(
      rbac.requirePermission(as(acmeSystem, { agent: 'twin' }), 'change.edit'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the last admin', () => {
  it('disabling, stripping or unassigning the only admin access of a tenant is refused with 409', async () => {
    const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
    await tenancy.ensureTenant({ slug: 'solo' });
    const solo = (await tenancy.resolveTenant('solo'))!;
    const system = systemContext(solo.id, solo.slug);
    await rbac.bootstrapAdmins(system, ['only']);
    const admin = (await rbac.listRoles(system)).find((r) => r.name === 'Admin')!;
    const lockout = { code: 'CONFLICT', message: LAST_ADMIN_MESSAGE, details: { reason: 'LAST_ADMIN' } };
    await expect(rbac.setRoleStatus(system, admin.id, 'disabled')).rejects.toMatchObject(lockout);
    await expect(rbac.removeRolePermission(system, admin.id, 'rbac.manage')).rejects.toMatchObject(lockout);
    await expect(rbac.removeRolePermission(system, admin.id, 'admin.view')).rejects.toMatchObject(lockout);
    await expect(rbac.removeUserRole(system, 'only', admin.id)).rejects.toMatchObject(lockout);
    // Nothing changed.
    expect((await rbac.listRoles(system)).find((r) => r.name === 'Admin')).toMatchObject({
      status: 'active',
    });
    expect((await rbac.listUserRoles(system, 'only')).map((r) => r.roleName)).toEqual(['Admin']);

    // With a second admin, the first may go; an agent holding Admin does not count as one.
    await rbac.assignAgentRole(system, 'robot', admin.id);
    await expect(rbac.removeUserRole(system, 'only', admin.id)).rejects.toMatchObject(lockout);
    await rbac.assignRole(system, 'second', admin.id);
    await rbac.removeUserRole(system, 'only', admin.id);
    expect(await rbac.listUserRoles(system, 'only')).toEqual([]);
    // Other roles stay free to change.
    const viewer = (await rbac.listRoles(system)).find((r) => r.name === 'Viewer')!;
    await expect(rbac.setRoleStatus(system, viewer.id, 'disabled')).resolves.toMatchObject({
      status: 'disabled',
    });
  });
});

describe('auditing access-control changes', () => {
  it('role, permission, assignment and policy changes are in the audit log with their actor', async () => {
    const boss = as(acmeSystem, { user: 'admin' });
    const role = await rbac.createRole(boss, { name: 'Audited role' });
    await rbac.addRolePermission(boss, role.id, 'form.edit');
    await rbac.removeRolePermission(boss, role.id, 'form.edit');
    await rbac.assignRole(boss, 'ulla', role.id);
    await rbac.removeUserRole(boss, 'ulla', role.id);
    const policy = await rbac.createPolicy(boss, { roleId: role.id, resourceType: 'form', effect: 'deny' });
    await rbac.deletePolicy(boss, policy.id);
    await rbac.setRoleStatus(boss, role.id, 'disabled');
    await rbac.setRoleStatus(boss, role.id, 'active');
    const { items } = await rbac.listAuditLogs(acmeSystem, { actorId: 'admin' }, { limit: 50 });
    const changes = items.filter((i) => i.kind === 'change').reverse();
    expect(changes.map((c) => c.permission)).toEqual([
      'role.create',
      'role.permission.grant',
      'role.permission.revoke',
      'role.assign',
      'role.unassign',
      'policy.create',
      'policy.delete',
      'role.disable',
      'role.enable',
    ]);
    expect(changes.every((c) => c.outcome === 'allow' && c.actorType === 'user')).toBe(true);
    expect(changes[0]).toMatchObject({
      resourceType: 'role',
      resourceId: role.id,
      reason: 'role Audited role created',
    });
    expect(changes[3]).toMatchObject({ resourceType: 'user', resourceId: 'ulla' });
  });

  it('allow decisions on reads are left out of the log unless asked for; refusals on reads stay', async () => {
    const tenant = await freshTenant();
    const reader = as(tenant, { user: 'reader-1' });
    await rbac.requirePermission(as(tenant, { user: 'admin' }), 'admin.view', null, { readOnly: true });
    await expect(
      rbac.requirePermission(reader, 'admin.view', null, { readOnly: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'missing permission admin.view' } });
    const hidden = await rbac.listAuditLogs(tenant, { permission: 'admin.view' }, { limit: 200 });
    expect(hidden.items.filter((i) => i.kind === 'read').map((i) => i.outcome)).toEqual(['deny']);
    const shown = await rbac.listAuditLogs(
      tenant,
      { permission: 'admin.view', includeReads: true },
      { limit: 200 },
    );
    expect(shown.items.filter((i) => i.kind === 'read').map((i) => i.outcome)).toEqual(['deny', 'allow']);
  });
});

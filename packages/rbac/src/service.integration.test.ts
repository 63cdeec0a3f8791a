import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rbacMigrations } from './migrations/index.js';
import { createRbacService } from './service.js';

let database: TestDatabase;
let rbac: ReturnType<typeof createRbacService>;
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
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
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

describe('default roles', () => {
  it('are seeded once per tenant with their permissions', async () => {
    await rbac.seedDefaults(acmeSystem);
    const roles = await rbac.listRoles(acmeSystem);
    expect(roles.map((r) => r.name)).toEqual(['Admin', 'Editor', 'Viewer']);
    expect(roles.find((r) => r.name === 'Viewer')?.permissions).toEqual(['form.view']);
    expect(roles.find((r) => r.name === 'Admin')?.permissions).toHaveLength(9);
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
    ).resolves.toBeTruthy();
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
    await expect(rbac.requirePermission(dave, 'change.approve')).resolves.toBeTruthy();
    await rbac.setRoleStatus(acmeSystem, role.id, 'disabled');
    await expect(rbac.requirePermission(dave, 'change.approve')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await rbac.setRoleStatus(acmeSystem, role.id, 'active');
    await expect(rbac.requirePermission(dave, 'change.approve')).resolves.toBeTruthy();
  });

  it('a deny policy on one change beats the role; an allow policy grants one change', async () => {
    const approvers = (await rbac.listRoles(acmeSystem)).find((r) => r.name === 'Approvers')!;
    await rbac.createPolicy(acmeSystem, {
      roleId: approvers.id,
      resourceType: 'change',
      resourceId: 'c-9',
      effect: 'deny',
    });
    const dave = as(acmeSystem, { user: 'dave' });
    await expect(
      rbac.requirePermission(dave, 'change.approve', { type: 'change', id: 'c-9' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: expect.stringContaining('deny policy of role Approvers') },
    });
    await expect(
      rbac.requirePermission(dave, 'change.approve', { type: 'change', id: 'c-1' }),
    ).resolves.toBeTruthy();

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
    ).resolves.toBeTruthy();
    await expect(
      rbac.requirePermission(erin, 'change.approve', { type: 'change', id: 'c-6' }),
    ).rejects.toBeTruthy();
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
    await expect(rbac.requirePermission(tess, 'admin.view')).resolves.toBeTruthy();
    await expect(rbac.requirePermission(tess, 'admin.view')).resolves.toBeTruthy(); // served from the cache
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

import { type Cursor, decodeCursor } from '@ec3l/db';
import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, DomainError, newId, type RequestContext } from '@ec3l/kernel';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenancyMigrations } from './migrations/index.js';
import { forTenant } from './repo/scoped.js';
import { insertTelemetryRecords } from './repo/telemetry.js';
import { createTenancyService } from './service.js';
import type { TenancyTables } from './tables.js';

let database: TestDatabase;
let db: Kysely<TenancyTables>;
const events = createEventBus({ persist: (record) => insertTelemetryRecords(db, [{ id: newId(), record }]) });
let tenancy: ReturnType<typeof createTenancyService>;
let acme: RequestContext;
let globex: RequestContext;

const contextFor = async (slug: string): Promise<RequestContext> => {
  const { tenant } = await tenancy.ensureTenant({ slug });
  const resolved = await tenancy.resolveTenant(tenant.slug);
  return { tenantId: resolved!.id, tenantSlug: slug, userId: 'alice', agentId: null };
};

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations]);
  db = database.ownerDb;
  tenancy = createTenancyService({ db, events });
  acme = await contextFor('acme');
  globex = await contextFor('globex');
});
afterAll(async () => {
  await events.drain();
  await database.destroy();
});

describe('tenants', () => {
  it('ensureTenant is idempotent and validates the slug', async () => {
    const again = await tenancy.ensureTenant({ slug: 'acme', name: 'Other name' });
    expect(again.created).toBe(false);
    expect(again.tenant.name).toBe('acme');
    await expect(tenancy.ensureTenant({ slug: 'Not A Slug' })).rejects.toThrow(DomainError);
    expect((await tenancy.listTenants()).map((t) => t.slug)).toEqual(['acme', 'globex']);
  });

  it('records bootstrap admins once per tenant', async () => {
    await tenancy.recordBootstrapAdmins('acme', ['admin', 'root']);
    await tenancy.recordBootstrapAdmins('acme', ['admin']);
    expect(await tenancy.listBootstrapAdmins(acme.tenantId)).toEqual(['admin', 'root']);
    expect(await tenancy.listBootstrapAdmins(globex.tenantId)).toEqual([]);
  });
});

describe('projects', () => {
  it('creating a project writes its three environments and default module', async () => {
    const project = await tenancy.createProject(acme, { name: 'Payroll', description: 'Pay people' });
    const envs = await tenancy.listEnvironments(acme, project.id);
    expect(envs.map((e) => [e.name, e.isDefault, e.requiresPromotionApproval])).toEqual([
      ['dev', true, false],
      ['test', false, false],
      ['prod', false, true],
    ]);
    expect(envs.every((e) => e.projectId === project.id)).toBe(true);
    const modules = await tenancy.listModules(acme, project.id);
    expect(modules).toHaveLength(1);
    expect(modules[0]).toMatchObject({ name: 'default', projectId: project.id });
  });

  it('a failure half-way through project creation leaves nothing behind', async () => {
    await sql`create function refuse_module() returns trigger language plpgsql as $$
              begin raise exception 'module store is broken'; end $$`.execute(db);
    await sql`create trigger refuse_module before insert on modules for each row execute function refuse_module()`.execute(
      db,
    );
    try {
      await expect(tenancy.createProject(acme, { name: 'Doomed' })).rejects.toThrow(/module store is broken/);
    } finally {
      await sql`drop trigger refuse_module on modules`.execute(db);
      await sql`drop function refuse_module()`.execute(db);
    }
    const names = (await tenancy.listProjects(acme, { limit: 100 })).items.map((p) => p.name);
    expect(names).not.toContain('Doomed');
    const orphans = await db
      .selectFrom('environments')
      .leftJoin('projects', (j) =>
        j
          .onRef('projects.id', '=', 'environments.project_id')
          .onRef('projects.tenant_id', '=', 'environments.tenant_id'),
      )
      .where('projects.id', 'is', null)
      .select('environments.id')
      .execute();
    expect(orphans).toEqual([]);
  });

  it('project names are unique per tenant: a duplicate is a conflict, another tenant may reuse it', async () => {
    await tenancy.createProject(acme, { name: 'Shared name' });
    await expect(tenancy.createProject(acme, { name: 'Shared name' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(tenancy.createProject(globex, { name: 'Shared name' })).resolves.toMatchObject({
      name: 'Shared name',
    });
  });

  it('T2: every read is scoped to the tenant of the context', async () => {
    const secret = await tenancy.createProject(globex, { name: 'Globex secret' });
    const [env] = await tenancy.listEnvironments(globex, secret.id);
    await expect(tenancy.getProject(acme, secret.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tenancy.listEnvironments(acme, secret.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tenancy.listModules(acme, secret.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tenancy.getEnvironment(acme, env!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const acmeNames = (await tenancy.listProjects(acme, { limit: 100 })).items.map((p) => p.name);
    expect(acmeNames).not.toContain('Globex secret');
    expect(await forTenant(db, acme.tenantId).findProject(secret.id)).toBeUndefined();
  });

  it('T2: the schema itself refuses a row that points into another tenant', async () => {
    const globexProject = await tenancy.createProject(globex, { name: 'Globex anchor' });
    await expect(
      db
        .insertInto('environments')
        .values({
          tenant_id: acme.tenantId,
          id: newId(),
          project_id: globexProject.id,
          name: 'dev',
          is_default: false,
          requires_promotion_approval: false,
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23503' });
  });

  it('pages through projects with a cursor, oldest first, without gaps or repeats', async () => {
    const ctx = await contextFor('paging');
    for (let i = 0; i < 7; i++) await tenancy.createProject(ctx, { name: `P${i}` });
    const seen: string[] = [];
    let after: Cursor | undefined;
    let pages = 0;
    do {
      const page = await tenancy.listProjects(ctx, { limit: 3, ...(after ? { after } : {}) });
      seen.push(...page.items.map((p) => p.name));
      after = page.nextCursor ? decodeCursor(page.nextCursor) : undefined;
      pages++;
    } while (after);
    expect(seen).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(pages).toBe(3);
    expect(await tenancy.summarize(ctx)).toEqual({ projects: 7, environments: 21 });
  });

  it('O1: a project creation is recorded as a telemetry event of the acting user', async () => {
    const project = await tenancy.createProject(acme, { name: 'Observed' });
    await events.drain();
    const rows = await db
      .selectFrom('execution_telemetry_events')
      .selectAll()
      .where('tenant_id', '=', acme.tenantId)
      .where('execution_id', '=', project.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event_type: 'project.created', actor_type: 'user', actor_id: 'alice' });
  });
});

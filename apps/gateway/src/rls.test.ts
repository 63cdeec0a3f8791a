import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { APP_ROLE, openDatabase, withTenant } from '@ec3l/db';
import { createTestDatabase } from '@ec3l/db/testing';
import { systemContext } from '@ec3l/kernel';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { allMigrations } from './migrations.js';
import { createLazyCompilers } from './plugins/lazy-compilers.js';
import { createPersistentEventBus, provisionTenant } from './runtime.js';
import { createHarness, type Harness } from './testing-only/harness.js';

const admin = (tenant: string) => ({
  'x-tenant-id': tenant,
  'x-user-id': 'admin',
  'content-type': 'application/json',
});

/** POSTs a JSON body in three pieces with pauses between them; resolves the status code. */
const postSlowly = (url: string, tenant: string, body: unknown): Promise<number> =>
  new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const request = httpRequest(url, { method: 'POST', headers: admin(tenant) }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    const pieces = [text.slice(0, 3), text.slice(3, 8), text.slice(8)];
    const next = () => {
      const piece = pieces.shift();
      if (piece === undefined) return void request.end();
      request.write(piece);
      setTimeout(next, 30);
    };
    request.flushHeaders();
    setTimeout(next, 30);
  });

describe('row-level security', () => {
  let h: Harness;
  const tenantIds: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness(['acme', 'globex']);
    for (const row of await h.database.ownerDb.selectFrom('tenants').select(['id', 'slug']).execute()) {
      tenantIds[row.slug] = row.id;
    }
    for (const tenant of ['acme', 'globex']) {
      const res = await h.call('POST', '/api/projects', { tenant, user: 'admin', body: { name: 'Payroll' } });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(() => h.close());

  it('T2: every table with a tenant_id column has forced row-level security and a tenant_id policy; global tables have none', async () => {
    const { rows } = await sql<{ table: string; enabled: boolean; forced: boolean; policies: string[] }>`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
             coalesce((select array_agg(p.qual || ' / ' || p.with_check) from pg_policies p
                       where p.schemaname = n.nspname and p.tablename = c.relname), '{}') as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a
                    where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
      order by 1`.execute(h.database.ownerDb);
    const tables = rows.map((r) => r.table);
    for (const known of [
      'projects',
      'tenant_bootstrap_admins',
      'execution_telemetry_events',
      'rbac_audit_logs',
    ]) {
      expect(tables).toContain(known);
    }
    const policy =
      /tenant_id = \(?nullif\(current_setting\('ec3l\.tenant_id'(::text)?, true\), ''(::text)?\)\)?::uuid/i;
    const lacking = rows
      .filter(
        (r) => !r.enabled || !r.forced || r.policies.length !== 1 || !r.policies.every((p) => policy.test(p)),
      )
      .map((r) => r.table);
    expect(lacking).toEqual([]);
    for (const p of rows.flatMap((r) => r.policies)) expect(p.split(' / ')).toHaveLength(2);

    const global = await sql<{ table: string; enabled: boolean }>`
      select relname as table, relrowsecurity as enabled from pg_class
      where relname in ('tenants', 'rbac_permissions') order by 1`.execute(h.database.ownerDb);
    expect(global.rows).toEqual([
      { table: 'rbac_permissions', enabled: false },
      { table: 'tenants', enabled: false },
    ]);
  });

  it(`the application role ${APP_ROLE} owns no table and cannot bypass row-level security`, async () => {
    const { rows } = await sql<{ super: boolean; bypass: boolean; owned: string }>`
      select rolsuper as super, rolbypassrls as bypass,
             (select count(*) from pg_class where relowner = r.oid)::text as owned
      from pg_roles r where rolname = ${APP_ROLE}`.execute(h.database.ownerDb);
    expect(rows).toEqual([{ super: false, bypass: false, owned: '0' }]);
  });

  it('T2: a query without the tenant filter through the services’ handle sees no rows of another tenant, and none outside a scope', async () => {
    const unfiltered = () => h.database.db.selectFrom('projects').select('tenant_id').execute();
    expect(await withTenant(tenantIds.acme!, unfiltered)).toEqual([{ tenant_id: tenantIds.acme }]);
    expect(await withTenant(tenantIds.globex!, unfiltered)).toEqual([{ tenant_id: tenantIds.globex }]);
    expect(await unfiltered()).toEqual([]);
    const roles = await withTenant(tenantIds.acme!, () =>
      h.database.db.selectFrom('rbac_roles').select('tenant_id').distinct().execute(),
    );
    expect(roles).toEqual([{ tenant_id: tenantIds.acme }]);
    // The global tables answer without a scope.
    expect(await h.database.db.selectFrom('tenants').select('slug').orderBy('slug').execute()).toEqual([
      { slug: 'acme' },
      { slug: 'globex' },
    ]);
    const owner = await h.database.ownerDb.selectFrom('projects').select('tenant_id').execute();
    expect(owner).toHaveLength(2);
  });

  it('T2: domain events of several tenants emitted in one turn are each stored in their tenant', async () => {
    const entityId = randomUUID();
    for (const slug of ['acme', 'globex', 'acme']) {
      h.events.emit(systemContext(tenantIds[slug]!, slug), {
        type: 'project.created',
        status: 'succeeded',
        entityId,
      });
    }
    await h.events.drain();
    const stored = await h.database.ownerDb
      .selectFrom('execution_telemetry_events')
      .select(['tenant_id', sql<string>`count(*)::text`.as('n')])
      .where('execution_id', '=', entityId)
      .groupBy('tenant_id')
      .execute();
    expect(new Map(stored.map((r) => [r.tenant_id, r.n]))).toEqual(
      new Map([
        [tenantIds.acme, '2'],
        [tenantIds.globex, '1'],
      ]),
    );
  });

  it('the request’s tenant scope survives body parsing over HTTP, through the guard to the handler', async () => {
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    // Guarded routes with a body that arrives after the request started, in several pieces: the guard
    // reads the grants, the handler writes.
    expect(await postSlowly(`${base}/api/rbac/roles`, 'acme', { name: 'Scoped over HTTP' })).toBe(201);
    expect(await postSlowly(`${base}/api/projects`, 'globex', { name: 'Over HTTP' })).toBe(201);
    const stored = await h.database.ownerDb
      .selectFrom('projects')
      .select('tenant_id')
      .where('name', '=', 'Over HTTP')
      .execute();
    expect(stored).toEqual([{ tenant_id: tenantIds.globex }]);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('row-level security on one pooled connection', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let drainEvents: () => Promise<void>;
  let owner: Awaited<ReturnType<typeof createTestDatabase>>['ownerDb'];
  beforeAll(async () => {
    const test = await createTestDatabase(allMigrations);
    // One connection for every request: a setting one request left behind would show in the next.
    const database = await openDatabase({ kind: 'postgres', url: test.url!, poolSize: 1 });
    const events = createPersistentEventBus(database.db, (error) => {
      throw error;
    });
    for (const slug of ['acme', 'globex'])
      await provisionTenant({ database, events }, { slug, admins: ['admin'] });
    app = await buildApp({ database, events, compilers: createLazyCompilers() });
    await app.ready();
    owner = test.ownerDb;
    drainEvents = () => events.drain();
    close = async () => {
      await app.close();
      await events.drain();
      await database.close();
      await test.destroy();
    };
  });
  afterAll(() => close());

  /** POSTs `count` named items, alternating acme and globex, all in flight at once; each must be 201. */
  const createInterleaved = async (count: number, url: string, prefix: string) => {
    const tenants = Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'acme' : 'globex'));
    const created = await Promise.all(
      tenants.map((tenant, i) =>
        app.inject({ method: 'POST', url, headers: admin(tenant), payload: { name: `${prefix}${i}` } }),
      ),
    );
    expect(created.map((r) => r.statusCode)).toEqual(tenants.map(() => 201));
    return { tenants, created };
  };

  it('T2: requests of two tenants interleaved and in flight at once see and write only their own rows', async () => {
    const { tenants, created } = await createInterleaved(40, '/api/projects', 'P');
    const idsOf = (tenant: string) =>
      new Set(created.filter((_, i) => tenants[i] === tenant).map((r) => r.json().id as string));
    const lists = await Promise.all(
      tenants.map((tenant) =>
        app.inject({ method: 'GET', url: '/api/projects?limit=200', headers: admin(tenant) }),
      ),
    );
    lists.forEach((res, i) => {
      const ids = new Set((res.json() as { id: string }[]).map((p) => p.id));
      expect(ids).toEqual(idsOf(tenants[i]!));
    });

    await drainEvents();
    const { rows } = await sql<{ slug: string; projects: string; events: string }>`
      select t.slug,
             (select count(*) from projects p where p.tenant_id = t.id)::text as projects,
             (select count(*) from execution_telemetry_events e
               where e.tenant_id = t.id and e.event_type = 'project.created')::text as events
      from tenants t order by t.slug`.execute(owner);
    expect(rows).toEqual([
      { slug: 'acme', projects: '20', events: '20' },
      { slug: 'globex', projects: '20', events: '20' },
    ]);
  });

  it('T2: audit entries of two tenants’ guarded requests, written in shared batches, land in their tenants', async () => {
    const audited = async () =>
      (
        await sql<{ slug: string; n: string }>`
          select t.slug, count(a.id)::text as n from tenants t
          left join rbac_audit_logs a on a.tenant_id = t.id and a.permission = 'rbac.manage'
          group by t.slug order by t.slug`.execute(owner)
      ).rows;
    const before = new Map((await audited()).map((r) => [r.slug, Number(r.n)]));
    await createInterleaved(30, '/api/rbac/roles', 'R');
    // Reading the log waits for every pending entry of this process.
    const read = await app.inject({ method: 'GET', url: '/api/rbac/audit-logs', headers: admin('acme') });
    expect(read.statusCode).toBe(200);
    const after = await audited();
    expect(after.map((r) => ({ slug: r.slug, added: Number(r.n) - (before.get(r.slug) ?? 0) }))).toEqual([
      { slug: 'acme', added: 15 },
      { slug: 'globex', added: 15 },
    ]);
  });
});

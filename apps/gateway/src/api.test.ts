import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, operationsOf } from './testing-only/harness.js';

let h: Harness;
let acmeProject: { id: string; name: string };
let acmeEnvironmentId: string;

beforeAll(async () => {
  h = await createHarness();
  const created = await h.call('POST', '/api/projects', {
    tenant: 'acme',
    user: 'admin',
    body: { name: 'Payroll' },
  });
  expect(created.statusCode).toBe(201);
  acmeProject = created.json();
  const envs = await h.call('GET', `/api/projects/${acmeProject.id}/environments`, { tenant: 'acme' });
  acmeEnvironmentId = envs.json()[0].id;
});
afterAll(() => h.close());

const operations = () => operationsOf(h.app.swagger() as unknown as Record<string, unknown>);
const fill = (path: string, id: string) => path.replace(/\{[A-Za-z]*Id\}/, id);

describe('tenancy', () => {
  it('GET /api/tenants answers without a tenant header and reveals no tenant ids', async () => {
    const res = await h.call('GET', '/api/tenants');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((t: { slug: string }) => t.slug)).toEqual(['acme', 'globex']);
    expect(res.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('T3: every tenant route answers 401 without x-tenant-id', async () => {
    const ops = operations().filter((op) => op.path.startsWith('/api/') && op.operationId !== 'listTenants');
    expect(ops.length).toBeGreaterThanOrEqual(7);
    for (const op of ops) {
      const res = await h.call(op.method as 'GET', fill(op.path, acmeProject.id), {
        ...(op.method === 'POST' ? { body: { name: 'x' } } : {}),
      });
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('T4: an unknown tenant slug answers 404', async () => {
    const res = await h.call('GET', '/api/projects', { tenant: 'initech' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('T1: the tenant is resolved from the slug on the server; a tenant UUID is just an unknown slug', async () => {
    const row = await h.database.db
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', 'acme')
      .executeTakeFirstOrThrow();
    const byUuid = await h.call('GET', '/api/projects', { tenant: row.id });
    expect(byUuid.statusCode).toBe(404);
    const stored = await h.database.ownerDb
      .selectFrom('projects')
      .select('tenant_id')
      .where('id', '=', acmeProject.id)
      .executeTakeFirstOrThrow();
    expect(stored.tenant_id).toBe(row.id);
  });

  it('T6: a tenant id in the body is refused and no cookie or session is ever set', async () => {
    const res = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      body: { name: 'Sneaky', tenantId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_ERROR');
    for (const res2 of [res, await h.call('GET', '/api/projects', { tenant: 'acme' })]) {
      expect(res2.headers['set-cookie']).toBeUndefined();
    }
  });

  it("T2: every route with an id answers 404 for another tenant's project or environment", async () => {
    const withId = operations().filter(
      (op) =>
        op.method === 'GET' &&
        /^\/api\/(projects|environments)\/\{(projectId|environmentId)\}/.test(op.path) &&
        // the record type read by key has its own cross-tenant test (changes.test.ts)
        !op.path.includes('{key}'),
    );
    expect(withId.length).toBeGreaterThanOrEqual(5);
    let ownerHits = 0;
    for (const op of withId) {
      for (const id of [acmeProject.id, acmeEnvironmentId]) {
        const url = fill(op.path, id);
        // Admins of each tenant: guarded reads (admin.view) pass the guard, so only tenancy decides.
        const owner = await h.call(op.method as 'GET', url, { tenant: 'acme', user: 'admin' });
        if (owner.statusCode === 200) ownerHits++;
        const stranger = await h.call(op.method as 'GET', url, { tenant: 'globex', user: 'admin' });
        expect(stranger.statusCode, `${op.method} ${url} as globex`).toBe(404);
        expect(stranger.body).not.toContain('Payroll');
      }
    }
    expect(ownerHits).toBe(withId.length);
    // Routes on other kinds of ids have their own cross-tenant tests (rbac.test.ts).
  });

  it("T2: lists and counts show only the caller's tenant", async () => {
    const globexList = await h.call('GET', '/api/projects', { tenant: 'globex' });
    expect(globexList.json()).toEqual([]);
    const summary = await h.call('GET', '/api/dashboard/summary', { tenant: 'globex' });
    expect(summary.json()).toEqual({ projects: 0, environments: 0 });
    const acmeSummary = await h.call('GET', '/api/dashboard/summary', { tenant: 'acme' });
    expect(acmeSummary.json()).toEqual({ projects: 1, environments: 3 });
  });

  it('sending both x-user-id and x-agent-id is a 400', async () => {
    const res = await h.call('GET', '/api/projects', { tenant: 'acme', user: 'alice', agent: 'bot-1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringMatching(/not both/),
    });
  });
});

describe('projects', () => {
  it('POST /api/projects creates dev (default), test and prod and a default module', async () => {
    const res = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      body: { name: 'Benefits', description: 'Perks', githubRepo: 'acme/benefits', defaultBranch: 'trunk' },
    });
    expect(res.statusCode).toBe(201);
    const project = res.json();
    expect(project).toMatchObject({ name: 'Benefits', githubRepo: 'acme/benefits', defaultBranch: 'trunk' });
    const envs = (await h.call('GET', `/api/projects/${project.id}/environments`, { tenant: 'acme' })).json();
    expect(envs.map((e: { name: string; isDefault: boolean }) => [e.name, e.isDefault])).toEqual([
      ['dev', true],
      ['test', false],
      ['prod', false],
    ]);
    const env = await h.call('GET', `/api/environments/${envs[2].id}`, { tenant: 'acme' });
    expect(env.json()).toMatchObject({
      name: 'prod',
      projectId: project.id,
      requiresPromotionApproval: true,
    });
    const modules = (await h.call('GET', `/api/projects/${project.id}/modules`, { tenant: 'acme' })).json();
    expect(modules).toEqual([
      expect.objectContaining({ name: 'default', type: 'application', projectId: project.id }),
    ]);
    expect((await h.call('GET', `/api/projects/${project.id}`, { tenant: 'acme' })).json()).toEqual(project);
  });

  it('a duplicate project name answers 409 and a blank one 400', async () => {
    const dup = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      body: { name: 'Payroll' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Payroll') });
    for (const name of ['', '   ']) {
      const blank = await h.call('POST', '/api/projects', { tenant: 'acme', user: 'admin', body: { name } });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().details[0]).toMatchObject({ in: 'body', path: '/name' });
    }
  });

  it('P3: project-scoped routes need an existing project of the tenant', async () => {
    const missing = '7b7c5a52-6a8e-4c51-9e36-1b1c6f0e6a11';
    for (const suffix of ['', '/environments', '/modules', '/changes']) {
      const res = await h.call('GET', `/api/projects/${missing}${suffix}`, { tenant: 'acme' });
      expect(res.statusCode, suffix).toBe(404);
    }
    const malformed = await h.call('GET', '/api/projects/not-a-uuid', { tenant: 'acme' });
    expect(malformed.statusCode).toBe(400);
  });

  it('P4: changes are listed by project (empty for a new project)', async () => {
    const res = await h.call('GET', `/api/projects/${acmeProject.id}/changes`, { tenant: 'acme' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it('lists page with limit and the x-next-cursor header', async () => {
    const slug = 'globex';
    for (const name of ['A', 'B', 'C'])
      await h.call('POST', '/api/projects', { tenant: slug, user: 'admin', body: { name } });
    const first = await h.call('GET', '/api/projects?limit=2', { tenant: slug });
    expect(first.json().map((p: { name: string }) => p.name)).toEqual(['A', 'B']);
    const cursor = first.headers['x-next-cursor'] as string;
    expect(cursor).toBeTruthy();
    const second = await h.call('GET', `/api/projects?limit=2&cursor=${cursor}`, { tenant: slug });
    expect(second.json().map((p: { name: string }) => p.name)).toEqual(['C']);
    expect(second.headers['x-next-cursor']).toBeUndefined();
    const bad = await h.call('GET', '/api/projects?cursor=garbage', { tenant: slug });
    expect(bad.statusCode).toBe(400);
    const tooMany = await h.call('GET', '/api/projects?limit=5000', { tenant: slug });
    expect(tooMany.statusCode).toBe(400);
  });
});

describe('record type configuration', () => {
  it('a record type keeps the assignment and SLA configuration it was created with', async () => {
    const assignmentConfig = {
      type: 'field_match',
      field: 'priority',
      rules: [{ equals: 'p1', assignTo: { type: 'group', value: 'major-incidents' } }],
      default: { type: 'group', value: 'service-desk' },
    };
    const slaConfig = {
      durationMinutes: 240,
      warningPercent: 80,
      pauseWhen: { field: 'status', values: ['on_hold'] },
      calendar: { timeZone: 'Europe/Berlin', weekly: [{ day: 1, start: '09:00', end: '17:00' }] },
    };
    const created = await h.call('POST', '/api/record-types', {
      tenant: 'acme',
      user: 'admin',
      body: {
        projectId: acmeProject.id,
        key: 'routed_ticket',
        name: 'Routed ticket',
        // The fields the configuration names must exist on the type.
        fields: [
          { name: 'priority', type: 'string' },
          { name: 'status', type: 'string' },
        ],
        assignmentConfig,
        slaConfig,
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ assignmentConfig, slaConfig });
    const read = await h.call('GET', `/api/record-types/${created.json().id}`, { tenant: 'acme' });
    expect(read.json()).toMatchObject({ assignmentConfig, slaConfig });
    const plain = await h.call('POST', '/api/record-types', {
      tenant: 'acme',
      user: 'admin',
      body: { projectId: acmeProject.id, key: 'plain_ticket', name: 'Plain ticket' },
    });
    expect(plain.json()).toMatchObject({ assignmentConfig: null, slaConfig: null });
  });

  it('an assignment strategy or SLA the schemas do not describe is a 400 naming the field', async () => {
    for (const body of [
      { assignmentConfig: { type: 'round_robin', value: 'x' } },
      { slaConfig: { durationMinutes: 0 } },
      {
        slaConfig: {
          durationMinutes: 60,
          calendar: { timeZone: 'UTC', weekly: [{ day: 8, start: '09:00', end: '17:00' }] },
        },
      },
    ]) {
      const res = await h.call('POST', '/api/record-types', {
        tenant: 'acme',
        user: 'admin',
        body: { projectId: acmeProject.id, key: 'bad_config', name: 'Bad config', ...body },
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_ERROR');
      expect(JSON.stringify(res.json().details)).toContain(Object.keys(body)[0]);
    }
  });
});

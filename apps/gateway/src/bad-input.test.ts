import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorReply } from './plugins/errors.js';
import { MAX_BODY_DEPTH } from './plugins/input.js';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const ids: Record<string, string> = {};

const post = (url: string, body: unknown, headers?: Record<string, string>) =>
  h.call('POST', url, { ...admin, body, ...(headers ? { headers } : {}) });
const raw = (url: string, text: string) =>
  h.call('POST', url, { ...admin, headers: { 'content-type': 'application/json' }, body: text });

const expect400 = (res: { statusCode: number; body: string; json(): unknown }, message?: RegExp) => {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json() as { code: string; message: string };
  expect(body.code).toBe('VALIDATION_ERROR');
  if (message) expect(body.message).toMatch(message);
};

const countProjects = async () =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from projects`.execute(h.database.ownerDb)).rows[0]?.n ??
      0,
  );

beforeAll(async () => {
  h = await createHarness(['acme']);
  const created = async (url: string, body: unknown) => {
    const res = await post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  ids.project = await created('/api/projects', { name: 'Bad input' });
  ids.list = await created('/api/choice-lists', { name: 'Levels', items: [{ value: 'low' }] });
  await created('/api/record-types', { projectId: ids.project, key: 'task', name: 'Task' });
  ids.change = await created('/api/changes', { projectId: ids.project, title: 'Edge cases' });
  ids.target = await created(`/api/changes/${ids.change}/targets`, {
    type: 'record_type',
    selector: { recordTypeKey: 'task' },
  });
  const role = await h.call('GET', '/api/rbac/roles', admin);
  ids.role = (role.json() as { id: string }[])[0]?.id ?? '';
});
afterAll(() => h.close());

describe('NUL is refused in every part of a request', () => {
  it('in body strings, nested strings and property names', async () => {
    const before = await countProjects();
    expect400(await post('/api/projects', { name: 'a\u0000b' }), /\/name must not contain the NUL character/);
    expect400(await post('/api/projects', { name: 'ok', description: '\u0000' }), /\/description/);
    expect400(
      await post(`/api/changes/${ids.change}/patch-ops`, {
        targetId: ids.target,
        opType: 'add_field',
        payload: { field: { name: 'impact', type: 'string', label: 'x\u0000' } },
      }),
      /\/payload\/field\/label/,
    );
    expect400(
      await post(`/api/changes/${ids.change}/targets`, {
        type: 'record_type',
        selector: { recordTypeKey: 'task', 'k\u0000': 1 },
      }),
      /property names/,
    );
    expect(await countProjects()).toBe(before);
  });

  it('in path parameters, query filters and headers', async () => {
    expect400(await h.call('DELETE', `/api/rbac/roles/${ids.role}/permissions/form%00view`, admin), /path/);
    expect400(await h.call('GET', '/api/admin/execution-telemetry?eventType=a%00b', admin), /query string/);
    expect400(await h.call('GET', '/api/rbac/audit-logs?actorId=%00', admin), /query string/);
    expect400(
      await h.call('GET', '/api/projects', { ...admin, headers: { 'x-request-source': 'a\u0000b' } }),
      /header x-request-source/,
    );
  });

  it('the OpenAPI document tells clients: input strings carry a NUL-free pattern', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    const body = doc.components.schemas.CreateProjectBody.properties;
    expect(body.description.anyOf[0].pattern).toBe('^[^\\u0000]*$');
    expect(body.name.pattern).toContain('\\u0000');
  });
});

describe('router refusals answer 400 in the API error shape', () => {
  it('a path parameter over 500 characters, or a malformed percent-encoding, is 400 VALIDATION_ERROR', async () => {
    const long = await h.call('GET', `/api/projects/${'x'.repeat(501)}`, admin);
    expect400(long, /longer than 500 characters/);
    expect(long.headers['x-request-id']).toBeTruthy();
    expect400(await h.call('GET', '/api/projects/%E0%A4%A', admin), /percent-encoded/);
    // Up to the limit the route's own validation answers.
    expect400(
      await h.call('GET', `/api/projects/${'x'.repeat(500)}`, admin),
      /params\/projectId must match format/,
    );
  });

  it('every operation declares 400, since any request can carry bad input', async () => {
    const doc = (await h.call('GET', '/openapi.json')).json();
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: object }>>,
    ))
      for (const [method, op] of Object.entries(methods))
        expect(op.responses, `${method} ${path}`).toHaveProperty('400');
  });
});

describe('integers stay within their int4 columns', () => {
  it('orderIndex beyond 32 bits, 1e308 and fractions are 400, and nothing is stored', async () => {
    for (const orderIndex of [2147483648, 1e308, -1, 1.5]) {
      expect400(await post(`/api/choice-lists/${ids.list}/items`, { value: `v${orderIndex}`, orderIndex }));
    }
    const ok = await post(`/api/choice-lists/${ids.list}/items`, { value: 'top', orderIndex: 2147483647 });
    expect(ok.statusCode, ok.body).toBe(201);
    const items = await h.call('GET', `/api/choice-lists/${ids.list}/items`, admin);
    expect((items.json() as { value: string }[]).map((i) => i.value).sort()).toEqual(['low', 'top']);
  });

  it('limit beyond its bounds is 400 on every paginated list', async () => {
    for (const url of ['/api/projects', '/api/rbac/audit-logs', '/api/audit-feed']) {
      expect400(await h.call('GET', `${url}?limit=2147483648`, admin));
      expect400(await h.call('GET', `${url}?limit=1e308`, admin));
    }
  });
});

describe('forged cursors are refused before they reach SQL', () => {
  const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  it('a non-UUID id or a non-timestamp date is 400 on every paginated list', async () => {
    const forged = [
      forge(['2026-01-01T00:00:00.000Z', 'zzz']),
      forge(['3000000-01-01', '0b9f3c1e-5a4d-4c2b-9e8f-7a6b5c4d3e2f']),
    ];
    for (const url of [
      '/api/projects',
      '/api/admin/execution-telemetry',
      '/api/rbac/audit-logs',
      '/api/audit-feed',
    ]) {
      for (const cursor of forged) expect400(await h.call('GET', `${url}?cursor=${cursor}`, admin), /cursor/);
    }
  });
});

describe('deeply nested bodies', () => {
  it(`are refused at parse time beyond ${MAX_BODY_DEPTH} levels, with a clear message`, async () => {
    const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    const url = `/api/changes/${ids.change}/patch-ops`;
    const body = (payload: string) =>
      `{"targetId":"${ids.target}","opType":"add_field","payload":{"field":${payload}}}`;
    expect400(await raw(url, body(deep(10_000))), /deeper than 64 levels/);
    expect400(await raw(url, `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`), /deeper than 64 levels/);
    // Just inside the limit the body parses and reaches the route's own validation.
    const inside = await raw(url, body(deep(MAX_BODY_DEPTH - 4)));
    expect(inside.statusCode).toBeLessThan(500);
    expect(inside.json().message).not.toMatch(/deeper than/);
  });
});

describe('JSON bodies are validated without coercion', () => {
  it('a wrong type is 400 and nothing is stored', async () => {
    const before = await countProjects();
    expect400(await post('/api/projects', { name: 12345 }), /\/name must be string/);
    expect400(await post('/api/projects', { name: ['x'] }), /\/name must be string/);
    expect400(await post('/api/projects', { name: true }));
    expect(await countProjects()).toBe(before);
    expect400(
      await post(`/api/changes/${ids.change}/patch-ops`, {
        targetId: ids.target,
        opType: 'add_field',
        payload: '{}',
      }),
    );
    expect400(await post('/api/rbac/roles', { name: 'Viewer', permissions: 'form.view' }), /permissions/);
    const created = await post('/api/record-types', {
      projectId: ids.project,
      key: 'incident',
      name: 'Incident',
      fields: [{ name: 'urgent', type: 'boolean', required: 'true' }],
    });
    expect400(created, /required must be boolean/);
  });

  it('path and query parameters are still coerced from their wire strings', async () => {
    const page = await h.call('GET', '/api/projects?limit=1', admin);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toHaveLength(1);
  });
});

describe('names must have a visible character', () => {
  const blanks = ['', '   ', '\t\n', '\u200B', '\uFEFF', '\u200B \u200D\u2060', '\u00AD'];
  it('blank or invisible names are 400 on every create route', async () => {
    for (const name of blanks) {
      expect400(await post('/api/projects', { name }), /\/name/);
      expect400(await post('/api/choice-lists', { name }), /\/name/);
      expect400(await post('/api/rbac/roles', { name }), /\/name/);
      expect400(await post('/api/record-types', { projectId: ids.project, key: 'blank', name }), /\/name/);
      expect400(await post('/api/changes', { projectId: ids.project, title: name }), /\/title/);
    }
  });

  it('says what a name needs, not its pattern', async () => {
    const res = await post('/api/projects', { name: '\u200B' });
    expect(res.json().message).toBe('body/name must contain a visible character and no NUL character');
  });

  it('invisible characters at either end are dropped, inner ones kept (one normaliser for every name)', async () => {
    const res = await post('/api/projects', { name: '\u200B Zero\u200Dwidth\uFEFF\u00AD' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('Zero\u200Dwidth');
  });
});

describe('PostgreSQL data exceptions (SQLSTATE class 22) are 400, never 500', () => {
  const failure = async (query: ReturnType<typeof sql>) => {
    try {
      await query.execute(h.database.ownerDb);
    } catch (error) {
      return error;
    }
    throw new Error('the query was expected to fail');
  };

  it('invalid text representation, numeric out of range, untranslatable character, invalid datetime', async () => {
    const cases: [ReturnType<typeof sql>, RegExp][] = [
      [sql`select ${'zzz'}::uuid`, /wrong format \(expected uuid\)/],
      [sql`select ${'2147483648'}::int4`, /out of range/],
      [sql`select ${'a\u0000b'}::text`, /cannot be stored/],
      [sql`select ${'2026-13-45'}::timestamptz`, /date or time/],
      [sql`select '{"a":"\\u0000"}'::jsonb`, /cannot be stored/],
    ];
    for (const [query, message] of cases) {
      const error = await failure(query);
      const reply = toErrorReply(error);
      expect(reply.status, String(error)).toBe(400);
      expect(reply.unexpected).toBe(false);
      expect(reply.body.code).toBe('VALIDATION_ERROR');
      expect(reply.body.message).toMatch(message);
      expect(JSON.stringify(reply.body)).not.toMatch(/select|::/);
    }
  });

  it('names the field when PostgreSQL names the column', () => {
    const reply = toErrorReply(
      Object.assign(new Error('value too long'), { code: '22001', column: 'order_index' }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.message).toMatch(/in orderIndex$/);
    expect(reply.body.details).toEqual([expect.objectContaining({ path: '/orderIndex' })]);
  });
});

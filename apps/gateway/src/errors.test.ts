import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from './app.js';
import { createHarness, type Harness, operationsOf } from './testing-only/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(['acme']);
});
afterAll(() => h.close());

const expectErrorBody = (body: Record<string, unknown>, statusCode: number, code: string) => {
  expect(body).toMatchObject({ statusCode, code, error: expect.any(String), message: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+:\d+/); // no stack frames
};

describe('errors', () => {
  it('malformed JSON answers 400 INVALID_JSON', async () => {
    const res = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.json(), 400, 'INVALID_JSON');
  });

  it('an empty JSON body is no body: routes without one accept it, routes that need one say so', async () => {
    const res = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      headers: { 'content-type': 'application/json' },
      body: '',
    });
    expect(res.statusCode).toBe(400);
    expectErrorBody(res.json(), 400, 'VALIDATION_ERROR');
    const seeded = await h.call('POST', '/api/rbac/seed-defaults', {
      tenant: 'acme',
      user: 'admin',
      headers: { 'content-type': 'application/json' },
      body: '',
    });
    expect(seeded.statusCode).toBe(200);
  });

  it('a prototype-poisoning body is refused', async () => {
    const res = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x","__proto__":{"admin":true}}',
    });
    expect(res.statusCode).toBe(400);
  });

  it('a body over the limit answers 413', async () => {
    const res = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', description: 'y'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expectErrorBody(res.json(), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('an unknown route answers 404 in the same shape', async () => {
    const res = await h.call('GET', '/api/nothing-here', { tenant: 'acme' });
    expect(res.statusCode).toBe(404);
    expectErrorBody(res.json(), 404, 'NOT_FOUND');
  });

  it('an unsupported content type answers 415', async () => {
    const res = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      headers: { 'content-type': 'application/xml' },
      body: '<project name="x"/>',
    });
    expect(res.statusCode).toBe(415);
    expectErrorBody(res.json(), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('no body sent to POST /api/projects is ever answered with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await h.call('POST', '/api/projects', {
          tenant: 'acme',
          user: 'admin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.statusCode).toBeLessThan(500);
        expect([201, 400, 409]).toContain(res.statusCode);
      }),
      { numRuns: 150 },
    );
  });

  it('odd headers are refused cleanly, never with a 5xx', async () => {
    const cases: Record<string, string>[] = [
      { 'x-tenant-id': 'ACME' },
      { 'x-tenant-id': 'a'.repeat(500) },
      { 'x-tenant-id': 'acme', 'x-user-id': 'has spaces' },
      { 'x-tenant-id': ' ' },
    ];
    const statuses = [];
    for (const headers of cases)
      statuses.push((await h.call('GET', '/api/projects', { headers })).statusCode);
    expect(statuses).toEqual([404, 404, 400, 401]);
  });
});

describe('request ids', () => {
  it('echo a sane x-request-id and generate one otherwise', async () => {
    const kept = await h.call('GET', '/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(kept.headers['x-request-id']).toBe('trace-123');
    const generated = await h.call('GET', '/api/projects', { tenant: 'acme' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await h.call('GET', '/healthz', { headers: { 'x-request-id': 'bad id\twith tab' } });
    // Refused and replaced by a generated id (a UUID's hex digits may spell "bad": compare the shape).
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const onError = await h.call('GET', '/api/projects', { headers: { 'x-request-id': 'err-1' } });
    expect(onError.headers['x-request-id']).toBe('err-1');
  });
});

describe('health and docs', () => {
  it('/healthz and /readyz answer ok while the database is up', async () => {
    expect((await h.call('GET', '/healthz')).json()).toEqual({ status: 'ok' });
    expect((await h.call('GET', '/readyz')).json()).toEqual({ status: 'ok' });
  });

  it('/openapi.json is OpenAPI 3.1 and every operation has an operationId and tags', async () => {
    const res = await h.call('GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(8);
    for (const op of ops) {
      expect(op.operationId, `${op.method} ${op.path}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.length, `${op.method} ${op.path}`).toBeGreaterThan(0);
    }
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Project', 'Environment', 'ErrorResponse']),
    );
  });

  it('/docs serves the API reference page, its files and the document it shows', async () => {
    const res = await h.call('GET', '/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const css = await h.call('GET', '/docs/static/swagger-ui.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/text\/css/);
    expect(css.body.length).toBeGreaterThan(1000);
    const shown = await h.call('GET', '/docs/json');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual((await h.call('GET', '/openapi.json')).json());
    expect((await h.call('GET', '/docs/static/no-such-file.js')).statusCode).toBe(404);
  });

  it("the SDK's committed openapi.json matches the routes (run pnpm gen:sdk after route changes)", async () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../../packages/sdk/openapi.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(await generateOpenApiDocument())));
    // It builds a whole second gateway (every route and schema): seconds on a quiet machine, more
    // than the default test timeout on two cores running the suite's other files beside it.
  }, 120_000);
});

import { createEc3lClient, Ec3lApiError, unwrap } from '@ec3l/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(['acme']);
});
afterAll(() => h.close());

/** A fetch that hands each request to the gateway in-process. */
const injectFetch = (async (input: Request | string | URL, init?: RequestInit) => {
  const request = input instanceof Request ? input : new Request(input, init);
  const url = new URL(request.url);
  const body = request.body ? await request.text() : undefined;
  const res = await h.app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    headers: Object.fromEntries(request.headers.entries()),
    ...(body ? { payload: body } : {}),
  });
  return new Response(res.statusCode === 204 ? null : res.body, {
    status: res.statusCode,
    headers: res.headers as Record<string, string>,
  });
}) as typeof fetch;

describe('the generated SDK against the gateway', () => {
  it('creates a project and reads its environments with typed calls', async () => {
    const ec3l = createEc3lClient({
      baseUrl: 'http://gateway',
      tenant: 'acme',
      user: 'alice',
      fetch: injectFetch,
    });
    const project = unwrap(await ec3l.POST('/api/projects', { body: { name: 'Via SDK' } }));
    const envs = unwrap(
      await ec3l.GET('/api/projects/{projectId}/environments', {
        params: { path: { projectId: project.id } },
      }),
    );
    expect(envs.map((e) => e.name)).toEqual(['dev', 'test', 'prod']);
    const again = await ec3l.POST('/api/projects', { body: { name: 'Via SDK' } });
    expect(() => unwrap(again)).toThrow(Ec3lApiError);
    expect(again.response.status).toBe(409);
  });
});

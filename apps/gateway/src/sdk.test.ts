import { createEc3lClient, Ec3lApiError, unwrap } from '@ec3l/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, fetchThrough, type Harness } from './testing-only/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(['acme']);
});
afterAll(() => h.close());

describe('the generated SDK against the gateway', () => {
  it('creates a project and reads its environments with typed calls', async () => {
    const ec3l = createEc3lClient({
      baseUrl: 'http://gateway',
      tenant: 'acme',
      user: 'admin',
      fetch: fetchThrough(h.app),
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

import { describe, expect, it } from 'vitest';
import { createEc3lClient, Ec3lApiError, unwrap } from './index.js';

const recordingFetch = () => {
  const seen: Request[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push(request);
    if (request.url.endsWith('/api/projects') && request.method === 'POST') {
      return Response.json(
        {
          statusCode: 409,
          code: 'CONFLICT',
          error: 'Conflict',
          message: 'a project named "X" already exists',
        },
        { status: 409 },
      );
    }
    return Response.json([]);
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
};

describe('createEc3lClient', () => {
  it('sends the tenant and user headers and no agent header', async () => {
    const { seen, fetch } = recordingFetch();
    const client = createEc3lClient({ baseUrl: 'http://ec3l.test/', tenant: 'acme', user: 'alice', fetch });
    expect(unwrap(await client.GET('/api/projects'))).toEqual([]);
    expect(seen[0]?.url).toBe('http://ec3l.test/api/projects');
    expect(seen[0]?.headers.get('x-tenant-id')).toBe('acme');
    expect(seen[0]?.headers.get('x-user-id')).toBe('alice');
    expect(seen[0]?.headers.has('x-agent-id')).toBe(false);
  });

  it('reads a changing identity before every request', async () => {
    const { seen, fetch } = recordingFetch();
    let who = { tenant: 'acme', agent: 'bot-1' as string | null };
    const client = createEc3lClient({ baseUrl: 'http://ec3l.test', identity: () => who, fetch });
    await client.GET('/api/projects');
    who = { tenant: 'globex', agent: null };
    await client.GET('/api/projects');
    expect(seen.map((r) => [r.headers.get('x-tenant-id'), r.headers.get('x-agent-id')])).toEqual([
      ['acme', 'bot-1'],
      ['globex', null],
    ]);
  });

  it('unwrap throws the server error with its status and code', async () => {
    const { fetch } = recordingFetch();
    const client = createEc3lClient({ baseUrl: 'http://ec3l.test', tenant: 'acme', fetch });
    const result = await client.POST('/api/projects', { body: { name: 'X' } });
    expect(() => unwrap(result)).toThrow(Ec3lApiError);
    try {
      unwrap(result);
    } catch (error) {
      expect(error).toMatchObject({
        status: 409,
        code: 'CONFLICT',
        message: 'a project named "X" already exists',
      });
    }
  });

  it('sends a static bearer token as the Authorization header', async () => {
    const { seen, fetch } = recordingFetch();
    const client = createEc3lClient({
      baseUrl: 'http://ec3l.test',
      tenant: 'acme',
      token: 'abc.def.ghi',
      fetch,
    });
    await client.GET('/api/projects');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer abc.def.ghi');
    expect(seen[0]?.headers.get('x-tenant-id')).toBe('acme');
    expect(seen[0]?.headers.has('x-user-id')).toBe(false);
  });

  it('awaits a token function before every request and sends nothing when it returns nothing', async () => {
    const { seen, fetch } = recordingFetch();
    const tokens = ['first.token.sig', 'second.token.sig', null];
    let calls = 0;
    const client = createEc3lClient({
      baseUrl: 'http://ec3l.test',
      tenant: 'acme',
      token: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return tokens[calls++];
      },
      fetch,
    });
    await client.GET('/api/projects');
    await client.GET('/api/projects');
    await client.GET('/api/projects');
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer first.token.sig',
      'Bearer second.token.sig',
      null,
    ]);
  });

  it('sends no Authorization header without a token', async () => {
    const { seen, fetch } = recordingFetch();
    const client = createEc3lClient({ baseUrl: 'http://ec3l.test', tenant: 'acme', fetch });
    await client.GET('/api/projects');
    expect(seen[0]?.headers.has('authorization')).toBe(false);
  });
});

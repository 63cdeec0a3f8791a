import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const globexAdmin = { tenant: 'globex', user: 'admin' };
const ids = { project: '', change: '', dev: '', intent: '' };

const call = async <T>(method: 'GET' | 'POST', url: string, body?: unknown, status = 200): Promise<T> => {
  const res = await h.call(method, url, { ...admin, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
};

/** Follows x-next-cursor from the first page to the last; every page holds at most `limit` rows. */
const walk = async (path: string, limit: number) => {
  const rows: { id: string }[] = [];
  let cursor: string | undefined;
  const sep = path.includes('?') ? '&' : '?';
  for (let pages = 0; pages < 200; pages++) {
    const url = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await h.call('GET', url, admin);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    const page = res.json() as { id: string }[];
    expect(page.length).toBeLessThanOrEqual(limit);
    rows.push(...page);
    cursor = res.headers['x-next-cursor'] as string | undefined;
    if (!cursor) return rows;
  }
  throw new Error(`${path}: the walk did not end`);
};

/** Lists ordered by time, paged on the (createdAt, id) cursor. */
const TIME_LISTS = () => [
  `/api/admin/environments/promotions?projectId=${ids.project}`,
  `/api/admin/environments/promotions/${ids.intent}/deliveries`,
  `/api/environments/${ids.dev}/releases`,
  `/api/projects/${ids.project}/deployments`,
];

const LISTS = () => [
  `/api/record-types?projectId=${ids.project}`,
  '/api/record-types',
  '/api/choice-lists',
  `/api/changes/${ids.change}/patch-ops`,
  `/api/changes/${ids.change}/events`,
  ...TIME_LISTS(),
];

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  ids.project = (await call<{ id: string }>('POST', '/api/projects', { name: 'Paging' }, 201)).id;
  for (const name of ['Sizes', 'Colours', 'Regions', 'Moods']) {
    await call('POST', '/api/choice-lists', { name }, 201);
  }
  // The base sorts after the types deriving from it.
  await call(
    'POST',
    '/api/record-types',
    { projectId: ids.project, key: 'zeta', name: 'Zeta', fields: [{ name: 'code', type: 'string' }] },
    201,
  );
  for (const key of ['alpha', 'beta', 'gamma']) {
    const rt = await call<{ id: string }>(
      'POST',
      '/api/record-types',
      { projectId: ids.project, key, name: key, baseType: 'zeta' },
      201,
    );
    await call('POST', `/api/record-types/${rt.id}/activate`);
  }
  ids.change = (
    await call<{ id: string }>('POST', '/api/changes', { projectId: ids.project, title: 'Many' }, 201)
  ).id;
  const target = await call<{ id: string }>(
    'POST',
    `/api/changes/${ids.change}/targets`,
    { type: 'record_type', selector: { recordTypeKey: 'alpha' } },
    201,
  );
  for (let i = 0; i < 5; i++) {
    await call(
      'POST',
      `/api/changes/${ids.change}/patch-ops`,
      { targetId: target.id, opType: 'add_field', payload: { field: { name: `extra_${i}`, type: 'text' } } },
      201,
    );
  }
  // Promotion: intents, deliveries of one intent (re-previewed), releases, deployments (direct promotions).
  const envs = await call<{ id: string; name: string }[]>('GET', `/api/projects/${ids.project}/environments`);
  const env = (name: string) => envs.find((e) => e.name === name)!.id;
  ids.dev = env('dev');
  await h.call('PATCH', `/api/environments/${env('prod')}`, {
    ...admin,
    body: { requiresPromotionApproval: true, promotionWebhookUrl: 'https://hooks.example.com/promotions' },
  });
  const pair = { projectId: ids.project, fromEnvironmentId: env('dev'), toEnvironmentId: env('prod') };
  for (let i = 0; i < 4; i++) {
    ids.intent = (await call<{ id: string }>('POST', '/api/admin/environments/promotions', pair, 201)).id;
    await call('POST', `/api/environments/${ids.dev}/release`, undefined, 201);
    await call('POST', '/api/admin/environments/promote', { ...pair, toEnvironmentId: env('test') });
  }
  // No signing secret in this gateway: each delivery fails at once, without a lookup or a connection.
  for (let i = 0; i < 4; i++) await call('POST', `/api/admin/environments/promotions/${ids.intent}/preview`);
});
afterAll(() => h.close());

describe('paginated lists', () => {
  it('a walk page by page returns every row exactly once, in the order of the unpaged list', async () => {
    for (const path of LISTS()) {
      const all = await call<{ id: string }[]>('GET', `${path}${path.includes('?') ? '&' : '?'}limit=200`);
      expect(all.length, path).toBeGreaterThan(3);
      for (const limit of [1, 2, 3]) {
        expect(await walk(path, limit), `${path} limit ${limit}`).toEqual(all);
      }
    }
  });

  it('answer 50 rows by default and at most 200, one row and a cursor for limit=1', async () => {
    for (const path of LISTS()) {
      const sep = path.includes('?') ? '&' : '?';
      const one = await h.call('GET', `${path}${sep}limit=1`, admin);
      expect(one.json(), path).toHaveLength(1);
      expect(one.headers['x-next-cursor'], path).toEqual(expect.any(String));
      const unpaged = await h.call('GET', path, admin);
      expect(unpaged.headers['x-next-cursor'], path).toBeUndefined();
      for (const limit of ['0', '201', 'x']) {
        expect((await h.call('GET', `${path}${sep}limit=${limit}`, admin)).statusCode, path).toBe(400);
      }
    }
  });

  it('record types on a page still show the fields they inherit from types on other pages', async () => {
    const page = await h.call('GET', `/api/record-types?projectId=${ids.project}&limit=1`, admin);
    const [alpha] = page.json() as {
      key: string;
      schema: { fields: { name: string; inherited: boolean }[] };
    }[];
    expect(alpha?.key).toBe('alpha');
    expect(alpha?.schema.fields).toEqual([expect.objectContaining({ name: 'code', inherited: true })]);
  });

  it('a forged cursor is 400, never 500 (a choice list cursor is a name: any text is a position, bound as a value)', async () => {
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    const forged = [
      'garbage',
      forge([1]),
      forge(['a\u0000b']),
      forge({ key: 'alpha' }),
      forge([ids.project, "x' or '1'='1", 'extra']),
      forge(['not-a-uuid', 'alpha']),
      forge([-1]),
      forge(['2026-01-01T00:00:00.000Z', ids.project]),
      'x'.repeat(5000),
    ];
    // A (time, id) pair is a valid position for the lists ordered by time; the rest is forged for all.
    const timeCursor = forged.at(-2)!;
    for (const path of LISTS()) {
      const sep = path.includes('?') ? '&' : '?';
      for (const cursor of forged) {
        if (cursor === timeCursor && TIME_LISTS().includes(path)) continue;
        const res = await h.call('GET', `${path}${sep}cursor=${encodeURIComponent(cursor)}`, admin);
        expect(res.statusCode, `${path} ${cursor}`).toBe(400);
        expect(res.json().code).toBe('VALIDATION_ERROR');
      }
    }
    const afterName = await h.call('GET', `/api/choice-lists?cursor=${forge(["M' or '1'='1"])}`, admin);
    expect(afterName.statusCode).toBe(200);
    expect((afterName.json() as { name: string }[]).map((l) => l.name)).toEqual([
      'Moods',
      'Regions',
      'Sizes',
    ]);
  });

  it("another tenant's change lists answer 404, and its own lists hold none of acme's rows", async () => {
    for (const path of [
      `/api/changes/${ids.change}/patch-ops`,
      `/api/changes/${ids.change}/events`,
      `/api/admin/environments/promotions?projectId=${ids.project}`,
      `/api/admin/environments/promotions/${ids.intent}/deliveries`,
      `/api/environments/${ids.dev}/releases`,
      `/api/projects/${ids.project}/deployments`,
    ]) {
      const url = `${path}${path.includes('?') ? '&' : '?'}limit=1`;
      expect((await h.call('GET', url, admin)).statusCode, path).toBe(200);
      expect((await h.call('GET', url, globexAdmin)).statusCode, path).toBe(404);
    }
    expect((await h.call('GET', `/api/record-types?projectId=${ids.project}`, globexAdmin)).statusCode).toBe(
      404,
    );
    const acmeIds = new Set<string>();
    for (const path of ['/api/record-types', '/api/choice-lists']) {
      for (const row of await walk(path, 200)) acmeIds.add(row.id);
      const theirs = await h.call('GET', `${path}?limit=200`, globexAdmin);
      expect(theirs.statusCode).toBe(200);
      expect((theirs.json() as { id: string }[]).filter((r) => acmeIds.has(r.id))).toEqual([]);
    }
  });
});

describe('dry runs on the timeline', () => {
  type Event = { eventType: string; payload: Record<string, unknown>; actorId: string; createdAt: string };
  const dryRuns = async (changeId: string) =>
    (await call<Event[]>('GET', `/api/changes/${changeId}/events?limit=200`)).filter(
      (e) => e.eventType === 'change_dry_run',
    );

  it('E4: POST …/execute records each dry run, valid or not, and writes no schema', async () => {
    const before = await call<unknown>('GET', `/api/record-types?projectId=${ids.project}&limit=200`);
    const dry = await call<{ diff: { summary: Record<string, number> } }>(
      'POST',
      `/api/changes/${ids.change}/execute`,
    );
    expect(await call('GET', `/api/record-types?projectId=${ids.project}&limit=200`)).toEqual(before);
    expect(await dryRuns(ids.change)).toEqual([
      expect.objectContaining({ payload: { valid: true, summary: dry.diff.summary }, actorId: 'admin' }),
    ]);

    const broken = await call<{ id: string }>(
      'POST',
      '/api/changes',
      { projectId: ids.project, title: 'Broken' },
      201,
    );
    const target = await call<{ id: string }>(
      'POST',
      `/api/changes/${broken.id}/targets`,
      { type: 'record_type', selector: { recordTypeKey: 'beta' } },
      201,
    );
    await call(
      'POST',
      `/api/changes/${broken.id}/patch-ops`,
      { targetId: target.id, opType: 'remove_field', payload: { fieldName: 'nope' } },
      201,
    );
    const refused = await h.call('POST', `/api/changes/${broken.id}/execute`, admin);
    expect(refused.statusCode).toBe(422);
    const [recorded] = await dryRuns(broken.id);
    expect(recorded?.payload).toEqual({ valid: false, errors: refused.json().details.errors });
    expect(recorded?.payload.errors).toEqual([expect.objectContaining({ code: 'FIELD_NOT_FOUND' })]);
    expect((await call<{ status: string }>('GET', `/api/changes/${broken.id}`)).status).toBe('Draft');
  });

  it('GET …/diff of an unmerged change records no dry run; another tenant cannot dry-run it', async () => {
    const before = (await dryRuns(ids.change)).length;
    await call('GET', `/api/changes/${ids.change}/diff`);
    expect((await h.call('POST', `/api/changes/${ids.change}/execute`, globexAdmin)).statusCode).toBe(404);
    expect(await dryRuns(ids.change)).toHaveLength(before);
  });
});

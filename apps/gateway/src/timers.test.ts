import { walkPages } from '@ec3l/db/testing';
import { newId, systemContext } from '@ec3l/kernel';
import { lockRecord } from '@ec3l/records';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Who } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const globexAdmin = { tenant: 'globex', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
let project: string;
let counter = 0;

type Timer = {
  id: string;
  recordId: string;
  status: string;
  dueAt: string;
  warnAt: string | null;
  pausedMs: number;
};

const call = async <T>(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  status = 200,
  who: Who = admin,
): Promise<T> => {
  const res = await h.call(method, url, { ...who, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : undefined) as T;
};

const slaType = async () => {
  const n = ++counter;
  const rt = await call<{ id: string }>(
    'POST',
    '/api/record-types',
    {
      projectId: project,
      key: `incident_${n}`,
      name: `Incident ${n}`,
      fields: [{ name: 'status', type: 'string' }],
      slaConfig: {
        durationMinutes: 30,
        warningPercent: 50,
        pauseWhen: { field: 'status', values: ['on_hold'] },
        completeWhen: { field: 'status', values: ['resolved'] },
      },
    },
    201,
  );
  await call('POST', `/api/record-types/${rt.id}/activate`);
  return rt.id;
};

const newRecord = async (recordTypeId: string) =>
  (
    await call<{ id: string }>(
      'POST',
      '/api/record-instances',
      { recordTypeId, data: { status: 'open' } },
      201,
    )
  ).id;

const acmeTenantId = async () =>
  (
    (await h.database.ownerDb
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', 'acme')
      .executeTakeFirstOrThrow()) as { id: string }
  ).id;

const lock = async (recordId: string) => {
  const tenantId = await acmeTenantId();
  const execution = newId();
  await h.database.ownerDb.transaction().execute((trx) =>
    lockRecord(trx, systemContext(tenantId, 'acme'), recordId, {
      workflowExecutionId: execution,
      lockedBy: 'approval-flow',
    }),
  );
  return execution;
};

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  project = (await call<{ id: string }>('POST', '/api/projects', { name: 'Desk' }, 201)).id;
  const roles = await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
  await call(
    'POST',
    '/api/rbac/users/vera/roles',
    { roleId: roles.find((r) => r.name === 'Viewer')!.id },
    201,
  );
});
afterAll(() => h.close());

describe('SLA timers over HTTP', () => {
  it('a record created with an SLA has a pending timer; another tenant gets 404 on the same URL', async () => {
    const recordId = await newRecord(await slaType());
    const url = `/api/record-instances/${recordId}/timers`;
    const [timer, ...rest] = await call<Timer[]>('GET', url);
    expect(rest).toEqual([]);
    expect(timer).toMatchObject({ status: 'pending', pausedMs: 0 });
    expect(Date.parse(timer!.dueAt) - Date.parse(timer!.warnAt!)).toBe(15 * 60_000);
    await call('GET', url, undefined, 404, globexAdmin);
  });

  it("lists a page's timers in one request; another tenant's query finds none of them", async () => {
    const type = await slaType();
    const ids = [await newRecord(type), await newRecord(type), await newRecord(type)];
    const query = ids.map((id) => `recordId=${id}`).join('&');
    const timers = await call<Timer[]>('GET', `/api/record-timers?${query}`);
    expect(timers.map((t) => t.recordId).sort()).toEqual([...ids].sort());
    expect((await call<Timer[]>('GET', `/api/record-timers?recordId=${ids[0]}`)).length).toBe(1);
    expect(await call<Timer[]>('GET', `/api/record-timers?${query}`, undefined, 200, globexAdmin)).toEqual(
      [],
    );
    await call('GET', '/api/record-timers', undefined, 400);
    await call('GET', '/api/record-timers?recordId=not-a-uuid', undefined, 400);
    const tooMany = Array.from({ length: 101 }, () => `recordId=${ids[0]}`).join('&');
    await call('GET', `/api/record-timers?${tooMany}`, undefined, 400);
  });

  it('pauses through a PATCH and shows it', async () => {
    const recordId = await newRecord(await slaType());
    await call('PATCH', `/api/record-instances/${recordId}`, { data: { status: 'on_hold' } });
    expect(await call<Timer[]>('GET', `/api/record-instances/${recordId}/timers`)).toMatchObject([
      { status: 'paused' },
    ]);
  });

  it('processes the tenant’s due timers once; a Viewer is refused; a clock ahead of the server is a 400', async () => {
    const mine = await newRecord(await slaType());
    const url = `/api/record-instances/${mine}/timers`;
    const before = await call<Timer[]>('GET', url);
    await call('POST', '/api/timers/process', {}, 403, viewer);
    const ahead = await h.call('POST', '/api/timers/process', {
      ...admin,
      body: { now: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json()).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await call<Timer[]>('GET', url)).toEqual(before);
    // Globex processing its own timers leaves acme's alone.
    await call('POST', '/api/timers/process', {}, 200, globexAdmin);
    expect(await call<Timer[]>('GET', url)).toEqual(before);
    // Move this timer's due time into the past, as if 30 minutes had gone by.
    await h.database.ownerDb
      .updateTable('record_timers')
      .set({ due_at: new Date(Date.now() - 60_000), warn_at: new Date(Date.now() - 120_000) })
      .where('record_id', '=', mine)
      .execute();
    const result = await call<{ processed: number; breached: number; warned: number; failed: number }>(
      'POST',
      '/api/timers/process',
      {},
    );
    expect(result).toMatchObject({ breached: 1, warned: 1, failed: 0 });
    expect(await call('POST', '/api/timers/process', {})).toMatchObject({ processed: 0, breached: 0 });
    expect(await call<Timer[]>('GET', url)).toMatchObject([{ status: 'breached' }]);
    await h.events.drain();
    const stored = await h.database.ownerDb
      .selectFrom('execution_telemetry_events')
      .select('event_type')
      .where('execution_id', '=', before[0]!.id)
      .execute();
    expect(stored.map((e) => e.event_type).sort()).toEqual([
      'record.sla.breached',
      'record.sla.created',
      'record.sla.warning',
    ]);
  });
});

describe('record locks over HTTP', () => {
  it('checks a lock: the owner sees it, another tenant gets 404 on the same URL', async () => {
    const recordId = await newRecord(await slaType());
    const url = `/api/record-locks/check?recordId=${recordId}`;
    expect(await call('GET', url)).toEqual({ locked: false });
    const execution = await lock(recordId);
    expect(await call('GET', url)).toMatchObject({
      locked: true,
      lock: { recordId, workflowExecutionId: execution, lockedBy: 'approval-flow' },
    });
    await call('GET', url, undefined, 404, globexAdmin);
  });

  it('a locked record refuses a PATCH with 409 RECORD_LOCKED and keeps its data', async () => {
    const recordId = await newRecord(await slaType());
    await lock(recordId);
    const res = await h.call('PATCH', `/api/record-instances/${recordId}`, {
      ...admin,
      body: { data: { status: 'x' } },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'RECORD_LOCKED', details: { recordId } });
    expect(await call('GET', `/api/record-instances/${recordId}`)).toMatchObject({
      version: 1,
      data: { status: 'open' },
    });
  });

  it('lists locks page by page, filtered by record; another tenant gets 404 for the filter', async () => {
    const recordType = await slaType();
    for (let i = 0; i < 3; i++) await lock(await newRecord(recordType));
    const page =
      (query: string) =>
      async ({ limit, cursor }: { limit: number; cursor?: string }) => {
        const res = await h.call(
          'GET',
          `/api/record-locks?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}${query}`,
          admin,
        );
        expect(res.statusCode).toBe(200);
        return {
          items: res.json() as { id: string }[],
          nextCursor: (res.headers['x-next-cursor'] as string | undefined) ?? null,
        };
      };
    const all = await walkPages(page(''), 100);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const limit of [1, 2, 3]) expect(await walkPages(page(''), limit)).toEqual(all);
    const first = await h.call('GET', '/api/record-locks?limit=1', admin);
    expect(first.json()).toHaveLength(1);
    expect(first.headers['x-next-cursor']).toEqual(expect.any(String));
    expect((await walkPages(page(`&recordTypeId=${recordType}`), 2)).length).toBe(3);
    await call('GET', `/api/record-locks?recordTypeId=${recordType}`, undefined, 404, globexAdmin);
    expect(await call('GET', '/api/record-locks', undefined, 200, globexAdmin)).toEqual([]);
    await call('GET', '/api/record-locks?cursor=forged', undefined, 400);
  });
});

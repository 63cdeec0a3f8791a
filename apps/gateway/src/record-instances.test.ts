import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Who } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const globexAdmin = { tenant: 'globex', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
const editorAgent = { tenant: 'acme', agent: 'filer' };
let project: string;
let priorities: string;
let counter = 0;

type Record_ = { id: string; version: number; data: Record<string, unknown>; assignedGroup: string | null };

const call = async <T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  status = 200,
  who: Who = admin,
): Promise<T> => {
  const res = await h.call(method, url, { ...who, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : undefined) as T;
};

/** An active record type of the project, with its own key and name. */
const activeType = async (fields: unknown[], extra: Record<string, unknown> = {}) => {
  const n = ++counter;
  const rt = await call<{ id: string; key: string }>(
    'POST',
    '/api/record-types',
    { projectId: project, key: `ticket_${n}`, name: `Ticket ${n}`, fields, ...extra },
    201,
  );
  await call('POST', `/api/record-types/${rt.id}/activate`);
  return rt;
};

const ticketFields = () => [
  { name: 'title', type: 'string', required: true },
  { name: 'priority', type: 'choice', choiceListId: priorities, defaultValue: 'p2' },
  { name: 'estimate', type: 'number' },
];

const createRecord = (recordTypeId: string, data: Record<string, unknown>, who: Who = admin) =>
  call<Record_>('POST', '/api/record-instances', { recordTypeId, data }, 201, who);

/** A create whose answer the test looks at itself. */
const attempt = (who: Who, recordTypeId: string, title: string) =>
  h.call('POST', '/api/record-instances', { ...who, body: { recordTypeId, data: { title } } });

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  project = (await call<{ id: string }>('POST', '/api/projects', { name: 'Desk' }, 201)).id;
  priorities = (
    await call<{ id: string }>(
      'POST',
      '/api/choice-lists',
      { name: 'Priorities', items: [{ value: 'p1' }, { value: 'p2' }] },
      201,
    )
  ).id;
  const roles = await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
  const role = (name: string) => roles.find((r) => r.name === name)!.id;
  await call('POST', '/api/rbac/users/vera/roles', { roleId: role('Viewer') }, 201);
  await call('POST', '/api/rbac/agents/filer/roles', { roleId: role('Editor') }, 201);
});
afterAll(() => h.close());

describe('record instances over HTTP', () => {
  it('creates (201, ETag), reads and updates a record, with defaults and assignment', async () => {
    const rt = await activeType(ticketFields(), {
      assignmentConfig: {
        type: 'field_match',
        field: 'priority',
        rules: [{ equals: 'p1', assignTo: { type: 'group', value: 'major' } }],
        default: { type: 'group', value: 'desk' },
      },
    });
    const res = await attempt(admin, rt.id, 'Printer');
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    const record = res.json() as Record_;
    expect(record).toMatchObject({
      recordTypeId: rt.id,
      version: 1,
      data: { title: 'Printer', priority: 'p2' },
      createdBy: 'admin',
      assignedGroup: 'desk',
      assignedTo: null,
    });
    const read = await h.call('GET', `/api/record-instances/${record.id}`, admin);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    const patched = await h.call('PATCH', `/api/record-instances/${record.id}`, {
      ...admin,
      body: { data: { estimate: 3 } },
      headers: { 'if-match': '"1"' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect(patched.json()).toMatchObject({
      version: 2,
      data: { title: 'Printer', priority: 'p2', estimate: 3 },
    });
  });

  it('answers 400 RECORD_INVALID listing every refused field', async () => {
    const rt = await activeType(ticketFields());
    const res = await h.call('POST', '/api/record-instances', {
      ...admin,
      body: { recordTypeId: rt.id, data: { priority: 'p9', estimate: 'lots', colour: 'red' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'RECORD_INVALID' });
    expect(
      (res.json().details as { path: string; params: { reason: string } }[]).map((d) => [
        d.path,
        d.params.reason,
      ]),
    ).toEqual([
      ['/data/colour', 'unknown'],
      ['/data/title', 'required'],
      ['/data/estimate', 'type'],
      ['/data/priority', 'choice'],
    ]);
  });

  it('answers 409 for a record type that is not active', async () => {
    const draft = await call<{ id: string }>(
      'POST',
      '/api/record-types',
      { projectId: project, key: 'drafty', name: 'Drafty' },
      201,
    );
    const res = await h.call('POST', '/api/record-instances', {
      ...admin,
      body: { recordTypeId: draft.id, data: {} },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'RECORD_TYPE_NOT_ACTIVE' });
  });

  it('refuses a stale version from the body or If-Match with 409, and a malformed If-Match with 400', async () => {
    const rt = await activeType(ticketFields());
    const record = await createRecord(rt.id, { title: 'a' });
    await call('PATCH', `/api/record-instances/${record.id}`, { data: { title: 'b' }, version: 1 });
    const stale = await h.call('PATCH', `/api/record-instances/${record.id}`, {
      ...admin,
      body: { data: { title: 'c' }, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'RECORD_VERSION_CONFLICT',
      details: { expected: 1, actual: 2 },
    });
    const staleHeader = await h.call('PATCH', `/api/record-instances/${record.id}`, {
      ...admin,
      body: { data: { title: 'c' } },
      headers: { 'if-match': '"1"' },
    });
    expect(staleHeader.statusCode).toBe(409);
    for (const ifMatch of ['1', '"x"', '"0"']) {
      const bad = await h.call('PATCH', `/api/record-instances/${record.id}`, {
        ...admin,
        body: { data: { title: 'c' } },
        headers: { 'if-match': ifMatch },
      });
      expect(bad.statusCode, ifMatch).toBe(400);
    }
    const disagree = await h.call('PATCH', `/api/record-instances/${record.id}`, {
      ...admin,
      body: { data: { title: 'c' }, version: 2 },
      headers: { 'if-match': '"1"' },
    });
    expect(disagree.statusCode).toBe(400);
    expect((await call<Record_>('GET', `/api/record-instances/${record.id}`)).data.title).toBe('b');
  });

  it('T2: another tenant gets 404 on the URLs the owner reads and writes, and changes nothing', async () => {
    const rt = await activeType(ticketFields());
    const record = await createRecord(rt.id, { title: 'mine' });
    const reads = [`/api/record-instances/${record.id}`, `/api/record-instances?recordTypeId=${rt.id}`];
    for (const url of reads) {
      expect((await h.call('GET', url, admin)).statusCode, url).toBe(200);
      expect((await h.call('GET', url, globexAdmin)).statusCode, url).toBe(404);
    }
    const patch = { body: { data: { title: 'theirs' } } };
    expect(
      (await h.call('PATCH', `/api/record-instances/${record.id}`, { ...globexAdmin, ...patch })).statusCode,
    ).toBe(404);
    expect((await attempt(globexAdmin, rt.id, 'x')).statusCode).toBe(404);
    expect(await call<Record_>('GET', `/api/record-instances/${record.id}`)).toMatchObject({
      version: 1,
      data: { title: 'mine' },
    });
  });

  it('lets a Viewer read but not write (403), and an agent holding record.edit write', async () => {
    const rt = await activeType(ticketFields());
    const record = await createRecord(rt.id, { title: 'a' });
    expect((await h.call('GET', `/api/record-instances/${record.id}`, viewer)).statusCode).toBe(200);
    const refused = await attempt(viewer, rt.id, 'v');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (
        await h.call('PATCH', `/api/record-instances/${record.id}`, {
          ...viewer,
          body: { data: { title: 'v' } },
        })
      ).statusCode,
    ).toBe(403);
    const byAgent = await createRecord(rt.id, { title: 'filed by an agent' }, editorAgent);
    expect(byAgent).toMatchObject({ createdBy: 'filer' });
    expect(await call<Record_>('GET', `/api/record-instances/${record.id}`)).toMatchObject({ version: 1 });
  });
});

describe("a create confirms the caller's grants in its own statement", () => {
  const roleId = async (name: string) =>
    (await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles')).find((r) => r.name === name)!.id;
  /** A new active type, and the user made an Editor. */
  const editorOnNewType = async (user: string) => {
    const rt = await activeType(ticketFields());
    const editor = await roleId('Editor');
    await call('POST', `/api/rbac/users/${user}/roles`, { roleId: editor }, 201);
    return { rt, who: { tenant: 'acme', user }, editor };
  };
  const storedBy = async (recordTypeId: string, user: string) =>
    Number(
      (
        await h.database.ownerDb
          .selectFrom('record_instances')
          .where('record_type_id', '=', recordTypeId)
          .where('created_by', '=', user)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const decisions = async (user: string) =>
    (
      await call<{ outcome: string; permission: string }[]>(
        'GET',
        `/api/rbac/audit-logs?actorId=${user}&permission=record.edit`,
      )
    )
      .map((entry) => entry.outcome)
      .reverse();

  it('a create after the role is removed is refused (403) and writes nothing; each decision is audited once', async () => {
    const { rt, who: eddie, editor } = await editorOnNewType('eddie');
    // The first create reads the grants; the second decides on them and its insert confirms them.
    await createRecord(rt.id, { title: 'first' }, eddie);
    await createRecord(rt.id, { title: 'second' }, eddie);
    await call('DELETE', `/api/rbac/users/eddie/roles/${editor}`, undefined, 204);
    const refused = await attempt(eddie, rt.id, 'after the removal');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await storedBy(rt.id, 'eddie')).toBe(2);
    expect(await decisions('eddie')).toEqual(['allow', 'allow', 'deny']);
  });

  it('a refusal on cached grants is decided again: a role granted since lets the next create through', async () => {
    const rt = await activeType(ticketFields());
    const nora = { tenant: 'acme', user: 'nora' };
    const refused = await attempt(nora, rt.id, 'no role yet');
    expect(refused.statusCode).toBe(403);
    await call('POST', '/api/rbac/users/nora/roles', { roleId: await roleId('Editor') }, 201);
    await createRecord(rt.id, { title: 'with the role' }, nora);
    expect(await storedBy(rt.id, 'nora')).toBe(1);
  });

  it('creates in flight while the role is removed: every 201 is stored, no 403 is, and later creates are refused', async () => {
    const { rt, who: rita, editor } = await editorOnNewType('rita');
    await createRecord(rt.id, { title: 'warm' }, rita);
    const creates = Array.from({ length: 20 }, (_, i) => attempt(rita, rt.id, `in flight ${i}`));
    const removal = h.call('DELETE', `/api/rbac/users/rita/roles/${editor}`, admin);
    const answers = await Promise.all(creates);
    expect((await removal).statusCode).toBe(204);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.every((code) => code === 201 || code === 403)).toBe(true);
    expect(await storedBy(rt.id, 'rita')).toBe(1 + statuses.filter((code) => code === 201).length);
    const after = await attempt(rita, rt.id, 'after');
    expect(after.statusCode).toBe(403);
    expect(await storedBy(rt.id, 'rita')).toBe(1 + statuses.filter((code) => code === 201).length);
  });
});

describe('listing records over HTTP', () => {
  it('walks pages of 1, 2 and 3 equal to the unpaged list, with filters and sorts', async () => {
    const rt = await activeType(ticketFields());
    for (let i = 0; i < 7; i++) {
      await createRecord(rt.id, { title: `t${i % 3}`, priority: i % 2 ? 'p1' : 'p2', estimate: i });
    }
    const list = async (query: string) => {
      const res = await h.call('GET', `/api/record-instances?recordTypeId=${rt.id}&${query}`, admin);
      expect(res.statusCode, res.body).toBe(200);
      return { items: res.json() as Record_[], next: res.headers['x-next-cursor'] as string | undefined };
    };
    for (const query of [
      '',
      'sort=-createdAt',
      'sort=-estimate',
      'sort=title',
      'filter=priority:p1',
      'filter=priority:p2&filter=title:t0&sort=-updatedAt',
    ]) {
      const all = (await list(`${query}&limit=200`)).items;
      expect(all.length, query).toBeGreaterThan(0);
      for (const limit of [1, 2, 3]) {
        const walked: Record_[] = [];
        let cursor: string | undefined;
        do {
          const page = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          walked.push(...page.items);
          cursor = page.next;
        } while (cursor);
        expect(
          walked.map((r) => r.id),
          `${query} by ${limit}`,
        ).toEqual(all.map((r) => r.id));
      }
    }
    const first = await list('limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.next).toEqual(expect.any(String));
    expect((await list('filter=priority:p1&limit=200')).items.map((r) => r.data.priority)).toEqual([
      'p1',
      'p1',
      'p1',
    ]);
    expect((await list('sort=-estimate&limit=3')).items.map((r) => r.data.estimate)).toEqual([6, 5, 4]);
    for (const bad of ['cursor=forged', 'sort=colour', 'filter=colour:red', 'filter=estimate:many']) {
      const res = await h.call('GET', `/api/record-instances?recordTypeId=${rt.id}&${bad}`, admin);
      expect(res.statusCode, bad).toBe(400);
    }
  });
});

describe('concurrent updates of one record', () => {
  it('20 PATCHes of the same version: exactly one 200, the rest 409, the version moves by one', async () => {
    const rt = await activeType(ticketFields());
    const record = await createRecord(rt.id, { title: 'start' });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        h.call('PATCH', `/api/record-instances/${record.id}`, {
          ...admin,
          body: { data: { title: `writer ${i}` }, version: 1 },
        }),
      ),
    );
    const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.statusCode : 0));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const row = await h.database.ownerDb
      .selectFrom('record_instances')
      .select(['version'])
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
  });
});

describe('record values across schema changes', () => {
  const merge = async (recordTypeKey: string, opType: string, payload: Record<string, unknown>) => {
    const change = await call<{ id: string }>(
      'POST',
      '/api/changes',
      { projectId: project, title: `${opType} ${++counter}` },
      201,
    );
    const target = await call<{ id: string }>(
      'POST',
      `/api/changes/${change.id}/targets`,
      { type: 'record_type', selector: { recordTypeKey } },
      201,
    );
    await call('POST', `/api/changes/${change.id}/patch-ops`, { targetId: target.id, opType, payload }, 201);
    await mergeChange(change.id);
    return change.id;
  };
  const mergeChange = async (changeId: string) => {
    expect((await call<{ status: string }>('POST', `/api/changes/${changeId}/checkin`)).status).toBe('Ready');
    await call('POST', `/api/changes/${changeId}/merge`);
  };
  const revert = async (changeId: string) => {
    const change = await call<{ id: string }>('POST', `/api/changes/${changeId}/revert`, undefined, 201);
    await mergeChange(change.id);
  };
  const dataOf = async (id: string) => (await call<Record_>('GET', `/api/record-instances/${id}`)).data;

  it('a merged rename keeps the values under the new name, and its revert under the old one', async () => {
    const rt = await activeType(ticketFields());
    const record = await createRecord(rt.id, { title: 'Printer', estimate: 4 });
    const renamed = await merge(rt.key, 'rename_field', { from: 'estimate', to: 'effort' });
    expect(await dataOf(record.id)).toEqual({ title: 'Printer', priority: 'p2', effort: 4 });
    // The new name filters and sorts too.
    const res = await h.call('GET', `/api/record-instances?recordTypeId=${rt.id}&filter=effort:4`, admin);
    expect((res.json() as Record_[]).map((r) => r.id)).toEqual([record.id]);
    await revert(renamed);
    expect(await dataOf(record.id)).toEqual({ title: 'Printer', priority: 'p2', estimate: 4 });
  });

  it('a removed field hides its values; reverting the removal brings them back, a new field of that name does not', async () => {
    const rt = await activeType(ticketFields());
    const record = await createRecord(rt.id, { title: 'Printer', estimate: 4 });
    const removed = await merge(rt.key, 'remove_field', { fieldName: 'estimate' });
    expect(await dataOf(record.id)).toEqual({ title: 'Printer', priority: 'p2' });
    await revert(removed);
    expect(await dataOf(record.id)).toEqual({ title: 'Printer', priority: 'p2', estimate: 4 });
    await merge(rt.key, 'remove_field', { fieldName: 'estimate' });
    await merge(rt.key, 'add_field', { field: { name: 'estimate', type: 'number' } });
    expect(await dataOf(record.id)).toEqual({ title: 'Printer', priority: 'p2' });
  });
});

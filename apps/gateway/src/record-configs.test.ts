import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vic' };
const agentAdmin = { tenant: 'acme', agent: 'config-bot' };
const globexAdmin = { tenant: 'globex', user: 'admin' };
let project: string;
let n = 0;

const call = async <T>(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  status = 200,
  who: { tenant: string; user?: string; agent?: string } = admin,
): Promise<T> => {
  const res = await h.call(method, url, { ...who, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json() as T;
};

type RecordType = { id: string; key: string; version: number; assignmentConfig: unknown; slaConfig: unknown };

const draftType = async () => {
  const key = `cfg_${++n}`;
  return call<RecordType>(
    'POST',
    '/api/record-types',
    {
      projectId: project,
      key,
      name: `Config ${n}`,
      fields: [
        { name: 'state', type: 'string' },
        { name: 'priority', type: 'string' },
      ],
    },
    201,
  );
};

const sla = {
  durationMinutes: 120,
  warningPercent: 75,
  completeWhen: { field: 'state', values: ['closed'] },
};

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  project = (await call<{ id: string }>('POST', '/api/projects', { name: 'Routing' }, 201)).id;
  const roles = await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
  const roleId = (name: string) => roles.find((r) => r.name === name)!.id;
  await call('POST', '/api/rbac/users/vic/roles', { roleId: roleId('Viewer') }, 201);
  await call('POST', '/api/rbac/agents/config-bot/roles', { roleId: roleId('Admin') }, 201);
});
afterAll(() => h.close());

describe('PATCH /api/record-types/{recordTypeId}', () => {
  it('sets and clears the configuration of a draft, part by part', async () => {
    const rt = await draftType();
    const routed = await call<RecordType>('PATCH', `/api/record-types/${rt.id}`, {
      assignmentConfig: {
        type: 'field_match',
        field: 'priority',
        rules: [],
        default: { type: 'group', value: 'desk' },
      },
      slaConfig: sla,
    });
    expect(routed).toMatchObject({ assignmentConfig: { field: 'priority' }, slaConfig: sla, version: 2 });
    const cleared = await call<RecordType>('PATCH', `/api/record-types/${rt.id}`, { slaConfig: null });
    expect(cleared).toMatchObject({ assignmentConfig: { field: 'priority' }, slaConfig: null });
    expect(await call('GET', `/api/record-types/${rt.id}`)).toEqual(cleared);
  });

  it('answers 409 on an active type, naming its status and the change route, and writes nothing', async () => {
    const rt = await draftType();
    await call('POST', `/api/record-types/${rt.id}/activate`);
    const before = await call('GET', `/api/record-types/${rt.id}`);
    const res = await call<{ code: string; message: string; details: unknown }>(
      'PATCH',
      `/api/record-types/${rt.id}`,
      { slaConfig: sla },
      409,
    );
    expect(res).toMatchObject({ code: 'CONFLICT', details: { status: 'active' } });
    expect(res.message).toMatch(/is active.*change record/);
    expect(await call('GET', `/api/record-types/${rt.id}`)).toEqual(before);
  });

  it('refuses a field the type lacks (400 with the configuration path), a blank group and an empty body', async () => {
    const rt = await draftType();
    expect(
      await call(
        'PATCH',
        `/api/record-types/${rt.id}`,
        { slaConfig: { durationMinutes: 5, pauseWhen: { field: 'hold', values: ['x'] } } },
        400,
      ),
    ).toMatchObject({
      code: 'CONFIG_FIELD_MISSING',
      details: { field: 'slaConfig.pauseWhen.field', fieldName: 'hold' },
    });
    expect(
      await call(
        'PATCH',
        `/api/record-types/${rt.id}`,
        { assignmentConfig: { type: 'static_group', value: ' ' } },
        400,
      ),
    ).toMatchObject({ code: 'CONFIG_INVALID', details: { field: 'assignmentConfig.value' } });
    expect(await call('PATCH', `/api/record-types/${rt.id}`, {}, 400)).toMatchObject({
      code: 'VALIDATION_ERROR',
    });
    expect(
      await call('PATCH', `/api/record-types/${rt.id}`, { slaConfig: { durationMinutes: 5, extra: 1 } }, 400),
    ).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect((await call<RecordType>('GET', `/api/record-types/${rt.id}`)).version).toBe(1);
  });

  it('is refused to a Viewer (403) and allowed to an agent holding Admin (schema.edit is not agent-guarded)', async () => {
    const rt = await draftType();
    expect(await call('PATCH', `/api/record-types/${rt.id}`, { slaConfig: sla }, 403, viewer)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await call<RecordType>('GET', `/api/record-types/${rt.id}`)).slaConfig).toBeNull();
    expect(
      await call<RecordType>('PATCH', `/api/record-types/${rt.id}`, { slaConfig: sla }, 200, agentAdmin),
    ).toMatchObject({ slaConfig: sla });
  });

  it("T2: another tenant's PATCH is a 404 for the type its owner reads with 200, and changes nothing", async () => {
    const rt = await draftType();
    const owner = await call('GET', `/api/record-types/${rt.id}`);
    expect(await call('GET', `/api/record-types/${rt.id}`, undefined, 404, globexAdmin)).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await call('PATCH', `/api/record-types/${rt.id}`, { slaConfig: sla }, 404, globexAdmin),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await call('GET', `/api/record-types/${rt.id}`)).toEqual(owner);
  });
});

describe('set_assignment and set_sla through a change', () => {
  const changeFor = async (key: string, ops: { opType: string; payload: unknown }[]) => {
    const change = await call<{ id: string }>(
      'POST',
      '/api/changes',
      { projectId: project, title: `Route ${key}` },
      201,
    );
    const target = await call<{ id: string }>(
      'POST',
      `/api/changes/${change.id}/targets`,
      { type: 'record_type', selector: { recordTypeKey: key } },
      201,
    );
    for (const op of ops) {
      await call('POST', `/api/changes/${change.id}/patch-ops`, { targetId: target.id, ...op }, 201);
    }
    return change.id;
  };

  it('an active type changes its SLA only through a merged change; the diff shows it; a revert restores it', async () => {
    const rt = await draftType();
    await call('PATCH', `/api/record-types/${rt.id}`, { slaConfig: sla });
    await call('POST', `/api/record-types/${rt.id}/activate`);
    const next = { durationMinutes: 30 };
    const changeId = await changeFor(rt.key, [
      { opType: 'set_sla', payload: { config: next } },
      { opType: 'set_assignment', payload: { config: { type: 'static_user', value: 'ann' } } },
    ]);
    const dry = await call<{ diff: { modifiedRecordTypes: unknown[] } }>(
      'POST',
      `/api/changes/${changeId}/execute`,
    );
    expect(dry.diff.modifiedRecordTypes).toEqual([
      expect.objectContaining({
        key: rt.key,
        slaConfigChanged: { before: sla, after: next },
        assignmentConfigChanged: { before: null, after: { type: 'static_user', value: 'ann' } },
      }),
    ]);
    await call('POST', `/api/changes/${changeId}/checkin`);
    await call('POST', `/api/changes/${changeId}/merge`);
    expect(await call('GET', `/api/record-types/${rt.id}`)).toMatchObject({
      slaConfig: next,
      assignmentConfig: { value: 'ann' },
    });
    const revert = await call<{ id: string }>('POST', `/api/changes/${changeId}/revert`, undefined, 201);
    await call('POST', `/api/changes/${revert.id}/checkin`);
    await call('POST', `/api/changes/${revert.id}/merge`);
    expect(await call('GET', `/api/record-types/${rt.id}`)).toMatchObject({
      slaConfig: sla,
      assignmentConfig: null,
    });
  });

  it('a set_sla naming a missing field fails the dry run with 422 naming the field', async () => {
    const rt = await draftType();
    await call('POST', `/api/record-types/${rt.id}/activate`);
    const changeId = await changeFor(rt.key, [
      {
        opType: 'set_sla',
        payload: { config: { durationMinutes: 5, pauseWhen: { field: 'nope', values: ['x'] } } },
      },
    ]);
    expect(await call('POST', `/api/changes/${changeId}/execute`, undefined, 422)).toMatchObject({
      code: 'EXECUTION_FAILED',
      details: { errors: [expect.objectContaining({ code: 'CONFIG_FIELD_MISSING', field: 'nope' })] },
    });
  });

  it('a config op whose payload misses the schema is a 400', async () => {
    const rt = await draftType();
    const changeId = await changeFor(rt.key, []);
    const target = (await call<{ id: string }[]>('GET', `/api/changes/${changeId}/targets`))[0]!;
    const bad = [
      { opType: 'set_sla', payload: { config: { durationMinutes: -1 } } },
      { opType: 'set_assignment', payload: { config: { type: 'static_user' } } },
      { opType: 'set_sla', payload: {} },
    ];
    for (const op of bad) {
      expect(
        await call('POST', `/api/changes/${changeId}/patch-ops`, { targetId: target.id, ...op }, 400),
      ).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, operationsOf } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const globexAdmin = { tenant: 'globex', user: 'admin' };
const ids: Record<string, string> = {};

const call = async <T>(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown,
  status = 200,
  who = admin,
): Promise<T> => {
  const res = await h.call(method, url, { ...who, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : undefined) as T;
};

/** A Draft change of the project with one target (the incident record type) and one patch op. */
const draftChange = async (title: string, opType: string, payload: Record<string, unknown>) => {
  const change = await call<{ id: string }>('POST', '/api/changes', { projectId: ids.project, title }, 201);
  const target = await call<{ id: string }>(
    'POST',
    `/api/changes/${change.id}/targets`,
    { type: 'record_type', selector: { recordTypeKey: 'incident' } },
    201,
  );
  const op = await call<{ id: string }>(
    'POST',
    `/api/changes/${change.id}/patch-ops`,
    { targetId: target.id, opType, payload },
    201,
  );
  return { change, target, op };
};

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  ids.project = (await call<{ id: string }>('POST', '/api/projects', { name: 'Service desk' }, 201)).id;
  const list = await call<{ id: string }>(
    'POST',
    '/api/choice-lists',
    { name: 'Severities', items: [{ value: 's1' }] },
    201,
  );
  ids.choiceList = list.id;
  ids.base = (
    await call<{ id: string }>(
      'POST',
      '/api/record-types',
      {
        projectId: ids.project,
        key: 'task',
        name: 'Task',
        fields: [{ name: 'number', type: 'string', required: true }],
      },
      201,
    )
  ).id;
  ids.recordType = (
    await call<{ id: string }>(
      'POST',
      '/api/record-types',
      {
        projectId: ids.project,
        key: 'incident',
        name: 'Incident',
        baseType: 'task',
        fields: [{ name: 'severity', type: 'choice', choiceListId: list.id }],
      },
      201,
    )
  ).id;
  await call('POST', `/api/record-types/${ids.recordType}/activate`);
  const first = await draftChange('Add impact', 'add_field', { field: { name: 'impact', type: 'number' } });
  ids.change = first.change.id;
  ids.target = first.target.id;
  ids.op = first.op.id;
});
afterAll(() => h.close());

describe('record types over HTTP', () => {
  it('show inherited fields, refuse direct edits once active, and look up by key', async () => {
    const rt = await call<{ schema: { fields: { name: string; inherited: boolean }[] } }>(
      'GET',
      `/api/record-types/${ids.recordType}`,
    );
    expect(rt.schema.fields.map((f) => [f.name, f.inherited])).toEqual([
      ['number', true],
      ['severity', false],
    ]);
    const refused = await h.call('POST', `/api/record-types/${ids.recordType}/fields`, {
      ...admin,
      body: { name: 'x', type: 'text' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toMatch(/change record/);
    const byKey = await call<{ id: string }>('GET', `/api/projects/${ids.project}/record-types/incident`);
    expect(byKey.id).toBe(ids.recordType);
    const byKeyElsewhere = await h.call(
      'GET',
      `/api/projects/${ids.project}/record-types/incident`,
      globexAdmin,
    );
    expect(byKeyElsewhere.statusCode).toBe(404);
    expect(
      (
        await h.call('POST', '/api/record-types', {
          ...admin,
          body: { projectId: ids.project, key: 'Bad Key', name: 'x' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await h.call('POST', '/api/record-types', {
          ...admin,
          body: { projectId: ids.project, key: 'task', name: 'Other' },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('the change lifecycle over HTTP', () => {
  it('dry-runs, checks in, merges and reverts, with a timeline of events', async () => {
    const dry = await call<{ valid: boolean; diff: { summary: { fieldsAdded: number } } }>(
      'POST',
      `/api/changes/${ids.change}/execute`,
    );
    expect(dry.valid).toBe(true);
    expect(dry.diff.summary.fieldsAdded).toBe(1);
    expect((await call<{ status: string }>('GET', `/api/changes/${ids.change}`)).status).toBe('Draft');
    expect((await call<{ status: string }>('POST', `/api/changes/${ids.change}/checkin`)).status).toBe(
      'Ready',
    );
    const merged = await call<{ change: { status: string } }>('POST', `/api/changes/${ids.change}/merge`);
    expect(merged.change.status).toBe('Merged');
    const fields = await call<{ name: string }[]>('GET', `/api/record-types/${ids.recordType}/fields`);
    expect(fields.map((f) => f.name)).toEqual(['number', 'severity', 'impact']);
    expect(await call('GET', `/api/changes/${ids.change}/diff`)).toMatchObject({
      summary: { fieldsAdded: 1 },
    });
    expect((await h.call('POST', `/api/changes/${ids.change}/merge`, admin)).statusCode).toBe(409);
    expect((await h.call('DELETE', `/api/changes/${ids.change}/patch-ops/${ids.op}`, admin)).statusCode).toBe(
      409,
    );
    const timeline = await call<{ eventType: string; payload: { to?: string } }[]>(
      'GET',
      `/api/changes/${ids.change}/events`,
    );
    expect(timeline.filter((e) => e.eventType === 'change_status_changed').map((e) => e.payload.to)).toEqual([
      'Draft',
      'Ready',
      'Merged',
    ]);
    expect(await call<{ id: string }[]>('GET', `/api/projects/${ids.project}/changes`)).toEqual([
      expect.objectContaining({ id: ids.change }),
    ]);

    const revert = await call<{ id: string; status: string }>(
      'POST',
      `/api/changes/${ids.change}/revert`,
      undefined,
      201,
    );
    await call('POST', `/api/changes/${revert.id}/checkin`);
    await call('POST', `/api/changes/${revert.id}/merge`);
    const after = await call<{ name: string }[]>('GET', `/api/record-types/${ids.recordType}/fields`);
    expect(after.map((f) => f.name)).toEqual(['number', 'severity']);
  });

  it('a failing dry run answers 422 with every error; a failing checkin records them', async () => {
    const { change, target } = await draftChange('Broken', 'remove_field', { fieldName: 'number' });
    const dry = await h.call('POST', `/api/changes/${change.id}/execute`, admin);
    expect(dry.statusCode).toBe(422);
    expect(dry.json()).toMatchObject({
      code: 'EXECUTION_FAILED',
      details: { errors: [{ code: 'BASE_TYPE_PROTECTED_FIELD', field: 'number' }] },
    });
    const checked = await call<{ status: string; validationErrors: unknown[] }>(
      'POST',
      `/api/changes/${change.id}/checkin`,
    );
    expect(checked.status).toBe('ValidationFailed');
    expect(checked.validationErrors).toHaveLength(1);
    const bad = await h.call('POST', `/api/changes/${change.id}/patch-ops`, {
      ...admin,
      body: { targetId: target.id, opType: 'add_field', payload: {} },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('R1: an agent holding change.edit may draft a change but never check it in or merge it', async () => {
    const agent = { tenant: 'acme', agent: 'copilot' };
    const unassigned = await h.call('POST', '/api/changes', {
      ...agent,
      body: { projectId: ids.project, title: 'By agent' },
    });
    expect(unassigned.statusCode).toBe(403);
    expect(unassigned.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('change.edit'),
    });
    const roles = await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
    await call(
      'POST',
      '/api/rbac/agents/copilot/roles',
      { roleId: roles.find((r) => r.name === 'Admin')!.id },
      201,
    );
    const change = await call<{ id: string }>(
      'POST',
      '/api/changes',
      { projectId: ids.project, title: 'By agent' },
      201,
      agent as never,
    );
    for (const action of ['checkin', 'merge']) {
      const res = await h.call('POST', `/api/changes/${change.id}/${action}`, agent);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('AGENT_FORBIDDEN');
    }
  });

  it('a deny policy on one change stops its merge even for an Admin', async () => {
    const change = await call<{ id: string }>(
      'POST',
      '/api/changes',
      { projectId: ids.project, title: 'Frozen' },
      201,
    );
    const roles = await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
    await call(
      'POST',
      '/api/rbac/policies',
      {
        roleId: roles.find((r) => r.name === 'Admin')!.id,
        resourceType: 'change',
        resourceId: change.id,
        effect: 'deny',
      },
      201,
    );
    const res = await h.call('POST', `/api/changes/${change.id}/checkin`, admin);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/deny policy/);
  });
});

describe('listing the reverts of a change', () => {
  it('?revertsChangeId= lists only the changes that revert that change, to its own tenant alone', async () => {
    // A project of its own: two active record types, each changed by a merged change.
    const projectId = (await call<{ id: string }>('POST', '/api/projects', { name: 'Reverted' }, 201)).id;
    const recordType = async (key: string) => {
      const rt = await call<{ id: string }>(
        'POST',
        '/api/record-types',
        { projectId, key, name: key, fields: [{ name: 'title', type: 'text' }] },
        201,
      );
      await call('POST', `/api/record-types/${rt.id}/activate`);
    };
    await recordType('alpha');
    await recordType('beta');
    const merged = async (recordTypeKey: string, field: string) => {
      const change = await call<{ id: string }>('POST', '/api/changes', { projectId, title: field }, 201);
      const target = await call<{ id: string }>(
        'POST',
        `/api/changes/${change.id}/targets`,
        { type: 'record_type', selector: { recordTypeKey } },
        201,
      );
      await call(
        'POST',
        `/api/changes/${change.id}/patch-ops`,
        { targetId: target.id, opType: 'add_field', payload: { field: { name: field, type: 'number' } } },
        201,
      );
      await call('POST', `/api/changes/${change.id}/checkin`);
      await call('POST', `/api/changes/${change.id}/merge`);
      return change.id;
    };
    const revert = (changeId: string) =>
      call<{ id: string }>('POST', `/api/changes/${changeId}/revert`, undefined, 201).then((c) => c.id);
    const mergeIt = async (changeId: string) => {
      await call('POST', `/api/changes/${changeId}/checkin`);
      await call('POST', `/api/changes/${changeId}/merge`);
    };

    const a = await merged('alpha', 'cost');
    const revertOfA = await revert(a);
    await mergeIt(revertOfA);
    const revertOfRevert = await revert(revertOfA); // open (Draft)
    const b = await merged('beta', 'weight');
    const revertOfB = await revert(b); // open (Draft)
    const plain = (await call<{ id: string }>('POST', '/api/changes', { projectId, title: 'Plain' }, 201)).id;

    const list = async (query: string, who = admin) =>
      await call<{ id: string; revertsChangeId: string | null }[]>(
        'GET',
        `/api/changes?${query}`,
        undefined,
        200,
        who,
      );
    const idsOf = async (query: string, who = admin) => (await list(query, who)).map((c) => c.id);

    // Unfiltered, the project has all six; each filter keeps the reverts of its change alone.
    expect((await idsOf(`projectId=${projectId}`)).sort()).toEqual(
      [a, revertOfA, revertOfRevert, b, revertOfB, plain].sort(),
    );
    expect(await list(`revertsChangeId=${a}`)).toEqual([
      expect.objectContaining({ id: revertOfA, revertsChangeId: a, status: 'Merged' }),
    ]);
    expect(await list(`revertsChangeId=${revertOfA}`)).toEqual([
      expect.objectContaining({ id: revertOfRevert, revertsChangeId: revertOfA, status: 'Draft' }),
    ]);
    expect(await idsOf(`revertsChangeId=${b}`)).toEqual([revertOfB]);
    expect(await idsOf(`revertsChangeId=${plain}`)).toEqual([]);
    // It combines with the other filters.
    expect(await idsOf(`revertsChangeId=${a}&projectId=${projectId}&status=Merged`)).toEqual([revertOfA]);
    expect(await idsOf(`revertsChangeId=${a}&status=Draft`)).toEqual([]);
    expect(await idsOf(`revertsChangeId=${a}&projectId=${ids.project}`)).toEqual([]);

    // Another tenant asking for the reverts of acme's change sees none, where acme sees them.
    for (const changeId of [a, b]) {
      expect(await idsOf(`revertsChangeId=${changeId}`)).toHaveLength(1);
      expect(await idsOf(`revertsChangeId=${changeId}`, globexAdmin)).toEqual([]);
    }

    const bad = await h.call('GET', '/api/changes?revertsChangeId=not-a-uuid', admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_ERROR' });
  });
});

describe('workspaces and agent runs', () => {
  it('starting a workspace records it and moves the change to WorkspaceRunning; agent runs are recorded', async () => {
    const change = await call<{ id: string }>(
      'POST',
      '/api/changes',
      { projectId: ids.project, title: 'With workspace' },
      201,
    );
    expect((await h.call('GET', `/api/changes/${change.id}/workspace`, admin)).statusCode).toBe(404);
    const workspace = await call<{ status: string; changeId: string }>(
      'POST',
      `/api/changes/${change.id}/start-workspace`,
    );
    expect(workspace).toMatchObject({ status: 'Running', changeId: change.id });
    expect((await call<{ status: string }>('GET', `/api/changes/${change.id}`)).status).toBe(
      'WorkspaceRunning',
    );
    expect(await call('GET', `/api/changes/${change.id}/workspace`)).toMatchObject({ status: 'Running' });
    // A run names the registered skills it uses.
    await call(
      'POST',
      '/api/agent-skills',
      { name: 'schema', description: 'Edit record type schemas', inputSchema: { type: 'object' } },
      201,
    );
    const run = await call<{ agentId: string; status: string }>(
      'POST',
      `/api/changes/${change.id}/agent-run`,
      { intent: 'add an impact field', skillsUsed: ['schema'] },
      201,
      { tenant: 'acme', agent: 'copilot' } as never,
    );
    expect(run).toMatchObject({ agentId: 'copilot', status: 'Pending' });
    expect(await call<unknown[]>('GET', `/api/changes/${change.id}/agent-runs`)).toHaveLength(1);
    // T2: the workspace and runs the owner just read are another tenant's 404.
    for (const path of ['workspace', 'agent-runs']) {
      const res = await h.call('GET', `/api/changes/${change.id}/${path}`, globexAdmin);
      expect(res.statusCode, `GET ${path} as globex: ${res.body}`).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await h.call('POST', `/api/changes/${ids.change}/start-workspace`, admin)).statusCode).toBe(409);
  });
});

describe('tenancy', () => {
  it('T2: every record-type, choice-list and change route answers 404 to another tenant for what its owner reads with 200', async () => {
    // A change of its own with every part a change route reads: a target, an op, a running workspace.
    const { change, target, op } = await draftChange('Tenancy probe', 'add_field', {
      field: { name: 'probe', type: 'text' },
    });
    await call('POST', `/api/changes/${change.id}/start-workspace`);

    const doc = h.app.swagger() as unknown as Record<string, unknown>;
    const ops = operationsOf(doc).filter((o) =>
      /^\/api\/(record-types|choice-lists|changes)\/\{(recordTypeId|choiceListId|changeId)\}/.test(o.path),
    );
    expect(ops.length).toBeGreaterThanOrEqual(20);
    const urlOf = (path: string) => {
      const id = path.startsWith('/api/record-types')
        ? ids.recordType
        : path.startsWith('/api/choice-lists')
          ? ids.choiceList
          : change.id;
      return path.replace('{opId}', op.id).replace(/\{[A-Za-z]*Id\}/, id!);
    };
    const reads = ops.filter((o) => o.method === 'GET').map((o) => urlOf(o.path));
    expect(reads).toEqual(expect.arrayContaining([`/api/changes/${change.id}/workspace`]));
    const ownerView = async () => {
      const answers: Record<string, unknown> = {};
      for (const url of reads) answers[url] = await call('GET', url);
      return answers;
    };
    const before = await ownerView();
    expect(before[`/api/changes/${change.id}/patch-ops`]).toEqual([expect.objectContaining({ id: op.id })]);

    const bodies: Record<string, unknown> = {
      addRecordTypeField: { name: 'x', type: 'text' },
      updateRecordTypeConfig: { slaConfig: { durationMinutes: 5 } },
      addChoiceItem: { value: 'zz' },
      setChangeStatus: { status: 'Implementing' },
      addChangeTarget: { type: 'file', selector: { path: 'x' } },
      addPatchOp: { targetId: target.id, opType: 'remove_field', payload: { fieldName: 'x' } },
      createAgentRun: { intent: 'x' },
    };
    for (const o of ops) {
      const url = urlOf(o.path);
      const res = await h.call(o.method as 'GET', url, { ...globexAdmin, body: bodies[o.operationId!] });
      expect(res.statusCode, `${o.method} ${url} as globex: ${res.body}`).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    // The refused writes changed nothing the owner sees.
    expect(await ownerView()).toEqual(before);
    expect(await call('GET', '/api/record-types', undefined, 200, globexAdmin)).toEqual([]);
    expect(await call('GET', '/api/changes', undefined, 200, globexAdmin)).toEqual([]);
    expect(await call('GET', '/api/choice-lists', undefined, 200, globexAdmin)).toEqual([]);
    expect(
      (await h.call('GET', `/api/admin/graph/diff?changeId=${ids.change}`, globexAdmin)).statusCode,
    ).toBe(404);
    const snapshot = await call<{ recordTypes: unknown[] }>(
      'GET',
      '/api/admin/graph/snapshot',
      undefined,
      200,
      globexAdmin,
    );
    expect(snapshot.recordTypes).toEqual([]);
  });

  it('the admin graph routes describe the acme graph', async () => {
    const snapshot = await call<{ recordTypes: { key: string }[] }>(
      'GET',
      `/api/admin/graph/snapshot?projectId=${ids.project}`,
    );
    expect(snapshot.recordTypes.map((t) => t.key).sort()).toEqual(['incident', 'task']);
    expect(await call('GET', '/api/admin/graph/validate')).toMatchObject({ valid: true, errors: [] });
  });
});

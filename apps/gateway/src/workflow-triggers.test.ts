import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';
import { createExecutionLog, insertDefinition, loggingStartExecution } from './testing-only/workflows.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const globexAdmin = { tenant: 'globex', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
const agentAdmin = { tenant: 'acme', agent: 'bot-admin' };
const ids: Record<string, string> = {};

type Who = { tenant: string; user?: string; agent?: string };
const call = async <T>(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  status = 200,
  who: Who = admin,
) => {
  const res = await h.call(method, url, { ...who, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return { body: (res.body ? res.json() : undefined) as T, headers: res.headers };
};

type Trigger = { id: string; status: string; triggerType: string };
type Enqueued = { intentId: string; status: 'pending' | 'duplicate'; idempotencyKey: string };
type Intent = {
  id: string;
  status: string;
  executionId: string | null;
  attempt: number;
  error: string | null;
};

const recordTrigger = async (config: Record<string, unknown>, definition = ids.definition) =>
  (
    await call<Trigger>(
      'POST',
      '/api/workflow-triggers',
      { workflowDefinitionId: definition, triggerType: 'record_event', triggerConfig: config },
      201,
    )
  ).body;

const executionsOf = async (intentId: string) =>
  Number(
    (
      await h.database.ownerDb
        .selectFrom('test_executions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('intent_id', '=', intentId)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  h = await createHarness(['acme', 'globex'], { startExecution: loggingStartExecution() });
  await createExecutionLog(h);
  const roles = (await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles')).body;
  const viewerRole = roles.find((r) => r.name === 'Viewer')!.id;
  await call('POST', '/api/rbac/users/vera/roles', { roleId: viewerRole }, 201);
  const adminRole = roles.find((r) => r.name === 'Admin')!.id;
  await call('POST', '/api/rbac/agents/bot-admin/roles', { roleId: adminRole }, 201);
  ids.project = (await call<{ id: string }>('POST', '/api/projects', { name: 'Desk' }, 201)).body.id;
  ids.recordType = (
    await call<{ id: string }>(
      'POST',
      '/api/record-types',
      {
        projectId: ids.project,
        key: 'incident',
        name: 'Incident',
        fields: [{ name: 'priority', type: 'string' }],
      },
      201,
    )
  ).body.id;
  ids.definition = await insertDefinition(h, 'acme', ids.project);
  ids.draftDefinition = await insertDefinition(h, 'acme', ids.project, 'draft');
});
afterAll(() => h.close());

describe('workflow triggers', () => {
  it('creates, reads, lists, disables and enables a trigger', async () => {
    const trigger = await recordTrigger({ event: 'record.created', recordTypeKey: 'incident' });
    expect(trigger).toMatchObject({ status: 'active', triggerType: 'record_event' });
    expect((await call<Trigger>('GET', `/api/workflow-triggers/${trigger.id}`)).body.id).toBe(trigger.id);
    const listed = (await call<Trigger[]>('GET', `/api/workflow-definitions/${ids.definition}/triggers`))
      .body;
    expect(listed.map((t) => t.id)).toContain(trigger.id);
    expect((await call<Trigger>('POST', `/api/workflow-triggers/${trigger.id}/disable`)).body.status).toBe(
      'disabled',
    );
    expect((await call<Trigger>('POST', `/api/workflow-triggers/${trigger.id}/enable`)).body.status).toBe(
      'active',
    );
  });

  it('refuses a cron that does not parse and a record-event trigger naming no record type (400)', async () => {
    const bad = await h.call('POST', '/api/workflow-triggers', {
      ...admin,
      body: {
        workflowDefinitionId: ids.definition,
        triggerType: 'schedule',
        triggerConfig: { cron: 'every day' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_TRIGGER_CONFIG' });
    const unnamed = await h.call('POST', '/api/workflow-triggers', {
      ...admin,
      body: {
        workflowDefinitionId: ids.definition,
        triggerType: 'record_event',
        triggerConfig: { event: 'record.created' },
      },
    });
    expect(unnamed.json()).toMatchObject({ statusCode: 400, code: 'INVALID_TRIGGER_CONFIG' });
  });

  it('a Viewer reads triggers but cannot create, disable or fire them (403); an agent cannot fire (AGENT_FORBIDDEN)', async () => {
    const trigger = (
      await call<Trigger>(
        'POST',
        '/api/workflow-triggers',
        { workflowDefinitionId: ids.definition, triggerType: 'manual', triggerConfig: {} },
        201,
      )
    ).body;
    await call('GET', `/api/workflow-triggers/${trigger.id}`, undefined, 200, viewer);
    for (const [url, body] of [
      [
        '/api/workflow-triggers',
        { workflowDefinitionId: ids.definition, triggerType: 'manual', triggerConfig: {} },
      ],
      [`/api/workflow-triggers/${trigger.id}/disable`, undefined],
      [`/api/workflow-triggers/${trigger.id}/fire`, {}],
      ['/api/workflow-intents/dispatch', {}],
    ] as const) {
      const res = await h.call('POST', url, { ...viewer, ...(body ? { body } : {}) });
      expect(res.json(), url).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    }
    const byAgent = await h.call('POST', `/api/workflow-triggers/${trigger.id}/fire`, {
      ...agentAdmin,
      body: {},
    });
    expect(byAgent.json()).toMatchObject({ statusCode: 403, code: 'AGENT_FORBIDDEN' });
    expect((await call<Intent[]>('GET', '/api/workflow-intents?status=pending')).body).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ triggerId: trigger.id })]),
    );
  });

  it('fires a manual trigger once per idempotency key; a disabled trigger or inactive definition answers 409', async () => {
    const trigger = (
      await call<Trigger>(
        'POST',
        '/api/workflow-triggers',
        { workflowDefinitionId: ids.definition, triggerType: 'manual', triggerConfig: {} },
        201,
      )
    ).body;
    const first = (
      await call<Enqueued>('POST', `/api/workflow-triggers/${trigger.id}/fire`, { idempotencyKey: 'k1' }, 201)
    ).body;
    const again = (
      await call<Enqueued>('POST', `/api/workflow-triggers/${trigger.id}/fire`, { idempotencyKey: 'k1' }, 200)
    ).body;
    expect(first.status).toBe('pending');
    expect(again).toMatchObject({ status: 'duplicate', intentId: first.intentId });
    await call('POST', `/api/workflow-triggers/${trigger.id}/disable`);
    const disabled = await h.call('POST', `/api/workflow-triggers/${trigger.id}/fire`, {
      ...admin,
      body: {},
    });
    expect(disabled.json()).toMatchObject({ statusCode: 409, code: 'TRIGGER_DISABLED' });
    const onDraft = (
      await call<Trigger>(
        'POST',
        '/api/workflow-triggers',
        { workflowDefinitionId: ids.draftDefinition, triggerType: 'manual', triggerConfig: {} },
        201,
      )
    ).body;
    const draft = await h.call('POST', `/api/workflow-triggers/${onDraft.id}/fire`, { ...admin, body: {} });
    expect(draft.json()).toMatchObject({ statusCode: 409, code: 'WORKFLOW_DEFINITION_NOT_ACTIVE' });
  });
});

describe('record events and intents', () => {
  it('O6: the same record event twice queues one intent and answers the second as duplicate', async () => {
    const trigger = await recordTrigger({
      event: 'record.updated',
      recordTypeId: ids.recordType,
      fieldConditions: [{ field: 'priority', operator: 'changed_to', value: 'p1' }],
    });
    const recordId = '11111111-1111-4111-8111-111111111111';
    const event = {
      event: 'record.updated',
      recordTypeId: ids.recordType,
      recordId,
      version: 3,
      data: { priority: 'p1' },
      previousData: { priority: 'p3' },
      changedFields: ['priority'],
    };
    const first = (await call<{ intents: Enqueued[] }>('POST', '/api/record-events', event)).body.intents;
    const second = (await call<{ intents: Enqueued[] }>('POST', '/api/record-events', event)).body.intents;
    const mine = first.filter((i) => i.idempotencyKey.endsWith(trigger.id));
    expect(mine).toEqual([
      expect.objectContaining({ status: 'pending', idempotencyKey: `record:${recordId}:v3:${trigger.id}` }),
    ]);
    expect(second.filter((i) => i.idempotencyKey.endsWith(trigger.id))).toEqual([
      expect.objectContaining({ status: 'duplicate', intentId: mine[0]!.intentId }),
    ]);
    const rows = await h.database.ownerDb
      .selectFrom('workflow_execution_intents')
      .select('id')
      .where('trigger_id', '=', trigger.id)
      .execute();
    expect(rows).toHaveLength(1);
    const unmatched = { ...event, version: 4, data: { priority: 'p2' } };
    const none = (await call<{ intents: Enqueued[] }>('POST', '/api/record-events', unmatched)).body.intents;
    expect(none.filter((i) => i.idempotencyKey.endsWith(trigger.id))).toEqual([]);
  });

  it('O5: a record written through the API queues one intent per matching trigger and version, in its transaction', async () => {
    const rt = (
      await call<{ id: string }>(
        'POST',
        '/api/record-types',
        {
          projectId: ids.project,
          key: 'problem',
          name: 'Problem',
          fields: [{ name: 'state', type: 'string' }],
        },
        201,
      )
    ).body.id;
    await call('POST', `/api/record-types/${rt}/activate`);
    const onUpdate = await recordTrigger({
      event: 'record.updated',
      recordTypeKey: 'problem',
      fieldConditions: [{ field: 'state', operator: 'changed_to', value: 'closed' }],
    });
    const onCreate = await recordTrigger({ event: 'record.created', recordTypeId: rt });
    const record = (
      await call<{ id: string }>(
        'POST',
        '/api/record-instances',
        { recordTypeId: rt, data: { state: 'open' } },
        201,
      )
    ).body;
    await call('PATCH', `/api/record-instances/${record.id}`, { data: { state: 'closed' } });
    await call('PATCH', `/api/record-instances/${record.id}`, { data: { state: 'closed' } });
    const keys = await h.database.ownerDb
      .selectFrom('workflow_execution_intents')
      .select(['idempotency_key', 'trigger_id'])
      .where('record_id', '=', record.id)
      .orderBy('idempotency_key')
      .execute();
    expect(keys).toEqual([
      { idempotency_key: `record:${record.id}:v1:${onCreate.id}`, trigger_id: onCreate.id },
      { idempotency_key: `record:${record.id}:v2:${onUpdate.id}`, trigger_id: onUpdate.id },
    ]);
  });

  it('a record-created trigger added after a type took records fires on its next create, by id or by key in its project only', async () => {
    const rt = (
      await call<{ id: string }>(
        'POST',
        '/api/record-types',
        {
          projectId: ids.project,
          key: 'change_request',
          name: 'Change request',
          fields: [{ name: 'state', type: 'string' }],
        },
        201,
      )
    ).body.id;
    await call('POST', `/api/record-types/${rt}/activate`);
    const create = async () =>
      (
        await call<{ id: string }>(
          'POST',
          '/api/record-instances',
          { recordTypeId: rt, data: { state: 'new' } },
          201,
        )
      ).body.id;
    const intentsOf = async (recordId: string) =>
      (
        await h.database.ownerDb
          .selectFrom('workflow_execution_intents')
          .select('trigger_id')
          .where('record_id', '=', recordId)
          .execute()
      ).map((i) => i.trigger_id);
    // Known and quiet: no trigger watches the type.
    for (let i = 0; i < 2; i++) expect(await intentsOf(await create())).toEqual([]);
    // A definition of another project naming the same key does not match it.
    const otherProject = (await call<{ id: string }>('POST', '/api/projects', { name: 'Other desk' }, 201))
      .body.id;
    const elsewhere = await insertDefinition(h, 'acme', otherProject);
    await recordTrigger({ event: 'record.created', recordTypeKey: 'change_request' }, elsewhere);
    expect(await intentsOf(await create())).toEqual([]);
    const byKey = await recordTrigger({ event: 'record.created', recordTypeKey: 'change_request' });
    expect(await intentsOf(await create())).toEqual([byKey.id]);
    const byId = await recordTrigger({ event: 'record.created', recordTypeId: rt });
    expect((await intentsOf(await create())).sort()).toEqual([byKey.id, byId.id].sort());
    for (const t of [byKey, byId]) await call('POST', `/api/workflow-triggers/${t.id}/disable`);
    expect(await intentsOf(await create())).toEqual([]);
  });

  it('dispatch starts one execution per intent and records it on the intent', async () => {
    const trigger = await recordTrigger({ event: 'record.created', recordTypeId: ids.recordType });
    const recordId = '22222222-2222-4222-8222-222222222222';
    const { intents } = (
      await call<{ intents: Enqueued[] }>('POST', '/api/record-events', {
        event: 'record.created',
        recordTypeId: ids.recordType,
        recordId,
        version: 1,
        data: { priority: 'p1' },
      })
    ).body;
    const intentId = intents.find((i) => i.idempotencyKey.endsWith(trigger.id))!.intentId;
    const result = (
      await call<{ claimed: number; completed: number }>('POST', '/api/workflow-intents/dispatch', {})
    ).body;
    expect(result.claimed).toBeGreaterThanOrEqual(1);
    expect(result.completed).toBe(result.claimed);
    const intent = (await call<Intent>('GET', `/api/workflow-intents/${intentId}`)).body;
    expect(intent).toMatchObject({ status: 'completed', attempt: 1, error: null });
    expect(intent.executionId).not.toBeNull();
    expect(await executionsOf(intentId)).toBe(1);
    const again = (await call<{ claimed: number }>('POST', '/api/workflow-intents/dispatch', {})).body;
    expect(again.claimed).toBe(0);
    expect(await executionsOf(intentId)).toBe(1);
    await h.events.drain();
    const events = await h.database.ownerDb
      .selectFrom('execution_telemetry_events')
      .select(['event_type', 'status'])
      .where('execution_id', '=', intentId)
      .orderBy('timestamp')
      .execute();
    expect(events.map((e) => e.event_type)).toEqual(['workflow.intent.started', 'workflow.intent.completed']);
  });

  it('T2: another tenant gets 404 on every trigger and intent URL its owner reads with 200, and its writes change nothing', async () => {
    const trigger = await recordTrigger({ event: 'record.created', recordTypeId: ids.recordType });
    const fired = (
      await call<Enqueued>(
        'POST',
        '/api/workflow-triggers',
        { workflowDefinitionId: ids.definition, triggerType: 'manual', triggerConfig: {} },
        201,
      )
    ).body as unknown as Trigger;
    const intent = (await call<Enqueued>('POST', `/api/workflow-triggers/${fired.id}/fire`, {}, 201)).body;
    const reads = [
      `/api/workflow-triggers/${trigger.id}`,
      `/api/workflow-definitions/${ids.definition}/triggers`,
      `/api/workflow-intents/${intent.intentId}`,
    ];
    for (const url of reads) {
      await call('GET', url);
      const res = await h.call('GET', url, globexAdmin);
      expect(res.json(), url).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
    for (const url of [
      `/api/workflow-triggers/${trigger.id}/disable`,
      `/api/workflow-triggers/${fired.id}/fire`,
    ]) {
      const res = await h.call('POST', url, { ...globexAdmin, body: {} });
      expect(res.json(), url).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    }
    const created = await h.call('POST', '/api/workflow-triggers', {
      ...globexAdmin,
      body: { workflowDefinitionId: ids.definition, triggerType: 'manual', triggerConfig: {} },
    });
    expect(created.json()).toMatchObject({ statusCode: 404 });
    const emitted = await h.call('POST', '/api/record-events', {
      ...globexAdmin,
      body: {
        event: 'record.created',
        recordTypeId: ids.recordType,
        recordId: ids.recordType,
        version: 1,
        data: {},
      },
    });
    expect(emitted.json()).toMatchObject({ statusCode: 404 });
    expect((await call<Trigger>('GET', `/api/workflow-triggers/${trigger.id}`)).body.status).toBe('active');
    const globexIntents = (await call<Intent[]>('GET', '/api/workflow-intents', undefined, 200, globexAdmin))
      .body;
    expect(globexIntents).toEqual([]);
    const globexTriggers = (
      await call<Trigger[]>('GET', '/api/workflow-triggers', undefined, 200, globexAdmin)
    ).body;
    expect(globexTriggers).toEqual([]);
    const globexDispatch = (
      await call<{ claimed: number }>('POST', '/api/workflow-intents/dispatch', {}, 200, globexAdmin)
    ).body;
    expect(globexDispatch.claimed).toBe(0);
    expect((await call<Intent>('GET', `/api/workflow-intents/${intent.intentId}`)).body.status).toBe(
      'pending',
    );
  });

  it('lists intents and triggers page by page: walks at limit 1, 2 and 3 equal the whole list', async () => {
    for (const url of ['/api/workflow-intents', '/api/workflow-triggers']) {
      const whole = (await call<{ id: string }[]>('GET', `${url}?limit=200`)).body.map((r) => r.id);
      expect(whole.length).toBeGreaterThan(3);
      for (const limit of [1, 2, 3]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await call<{ id: string }[]>(
            'GET',
            `${url}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          expect(page.body.length).toBeLessThanOrEqual(limit);
          seen.push(...page.body.map((r) => r.id));
          cursor = page.headers['x-next-cursor'] as string | undefined;
        } while (cursor);
        expect(seen).toEqual(whole);
      }
      const forged = await h.call('GET', `${url}?cursor=bm90LWEtY3Vyc29y`, admin);
      expect(forged.statusCode).toBe(400);
    }
  });
});

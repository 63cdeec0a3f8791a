import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntimeScheduler } from './scheduler.js';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const config = { enabled: true, intervalMs: 60_000, leaseMs: 30_000, concurrency: 2 };
const log = { warn: () => {}, error: () => {} };

const post = async (url: string, body?: unknown, status = 201) => {
  const res = await h.call('POST', url, { ...admin, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
  return res.json();
};

const activeWorkflow = async (project: string, name: string) => {
  const definition = (await post('/api/workflow-definitions', { projectId: project, name })).id as string;
  await post(`/api/workflow-definitions/${definition}/steps`, {
    stepType: 'notification',
    config: { channel: 'email', template: 'hello' },
  });
  await post(`/api/workflow-definitions/${definition}/activate`, undefined, 200);
  return definition;
};

const executionsOf = (definition: string) =>
  h.database.ownerDb
    .selectFrom('workflow_executions')
    .select(['intent_id', 'record_id', 'status'])
    .where('workflow_definition_id', '=', definition)
    .execute();

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
});
afterAll(() => h.close());

describe('the scheduler', () => {
  it('one tick, per tenant in its scope: fires the due schedule and a queued record event, and the engine runs each once', async () => {
    const project = (await post('/api/projects', { name: 'Ops' })).id as string;
    const nightly = await activeWorkflow(project, 'Nightly');
    await post('/api/workflow-triggers', {
      workflowDefinitionId: nightly,
      triggerType: 'schedule',
      triggerConfig: { cron: '0 3 * * *', timezone: 'Europe/Oslo' },
    });
    const onCreate = await activeWorkflow(project, 'On create');
    const recordType = (await post('/api/record-types', { projectId: project, key: 'case', name: 'Case' }))
      .id as string;
    await post(`/api/record-types/${recordType}/activate`, undefined, 200);
    await post('/api/workflow-triggers', {
      workflowDefinitionId: onCreate,
      triggerType: 'record_event',
      triggerConfig: { event: 'record.created', recordTypeKey: 'case' },
    });
    const record = (await post('/api/record-instances', { recordTypeId: recordType, data: {} })).id as string;

    const tomorrow = new Date(Date.now() + 86_400_000);
    const scheduler = createRuntimeScheduler(h, config, log, { now: () => tomorrow });
    await scheduler.tick();
    await scheduler.tick();

    const nightlyRuns = await executionsOf(nightly);
    expect(nightlyRuns).toEqual([expect.objectContaining({ status: 'completed' })]);
    expect(await executionsOf(onCreate)).toEqual([
      expect.objectContaining({ status: 'completed', record_id: record }),
    ]);
    const intents = await h.database.ownerDb
      .selectFrom('workflow_execution_intents')
      .select(['id', 'status', 'idempotency_key'])
      .where('workflow_definition_id', 'in', [nightly, onCreate])
      .execute();
    expect(intents.map((i) => i.status)).toEqual(['completed', 'completed']);
    expect(intents.map((i) => i.id).sort()).toEqual(
      [...nightlyRuns, ...(await executionsOf(onCreate))].map((e) => e.intent_id).sort(),
    );
    expect(intents.find((i) => i.idempotency_key.startsWith('schedule:'))?.idempotency_key).toMatch(
      /T0[12]:00:00\.000Z$/,
    );
    await scheduler.stop();
  });

  it('runs passes once started and none after stop(): an intent queued after the stop stays pending', async () => {
    const project = (await post('/api/projects', { name: 'Stop' })).id as string;
    const manual = (
      await post('/api/workflow-triggers', {
        workflowDefinitionId: await activeWorkflow(project, 'By hand'),
        triggerType: 'manual',
        triggerConfig: {},
      })
    ).id as string;
    const statusOf = async (intentId: string) =>
      (await h.call('GET', `/api/workflow-intents/${intentId}`, admin)).json().status as string;
    const scheduler = createRuntimeScheduler(h, { ...config, intervalMs: 100 }, log);
    scheduler.start();
    const first = (await post(`/api/workflow-triggers/${manual}/fire`, {})).intentId as string;
    const deadline = Date.now() + 20_000;
    while ((await statusOf(first)) !== 'completed' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(await statusOf(first)).toBe('completed');
    await scheduler.stop();
    const second = (await post(`/api/workflow-triggers/${manual}/fire`, {})).intentId as string;
    await new Promise((r) => setTimeout(r, 500));
    expect(await statusOf(second)).toBe('pending');
  });
});

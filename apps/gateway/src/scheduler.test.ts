import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

  it('a tick attempts the due promotion webhooks of each tenant, signed with the configured secret', async () => {
    const received: { signature: string | undefined; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ signature: req.headers['webhook-signature'] as string | undefined, body });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const port = (receiver.address() as AddressInfo).port;
      const project = (await post('/api/projects', { name: 'Hooks' })).id as string;
      const envs = (await h.call('GET', `/api/projects/${project}/environments`, admin)).json() as {
        id: string;
        name: string;
      }[];
      const env = (name: string) => envs.find((e) => e.name === name)!.id;
      // This gateway allowlists nothing and has no secret: the URL is set past its check, and the
      // request's own attempt fails at once; the delivery is then made due again for the scheduler.
      await h.database.ownerDb
        .updateTable('environments')
        .set({ requires_promotion_approval: true, promotion_webhook_url: `http://127.0.0.1:${port}/hook` })
        .where('id', '=', env('test'))
        .execute();
      const intent = (await post('/api/admin/environments/promotions', {
        projectId: project,
        fromEnvironmentId: env('dev'),
        toEnvironmentId: env('test'),
      })) as { id: string };
      await post(`/api/admin/environments/promotions/${intent.id}/preview`, undefined, 200);
      const deliveries = () =>
        h.database.ownerDb
          .selectFrom('webhook_deliveries')
          .select(['status', 'attempts', 'last_error'])
          .where('subject_id', '=', intent.id)
          .execute();
      expect(await deliveries()).toEqual([
        {
          status: 'failed',
          attempts: 1,
          last_error: 'no signing secret is configured (EC3L_WEBHOOK_SECRET)',
        },
      ]);
      expect(received).toEqual([]);
      await h.database.ownerDb
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', next_attempt_at: new Date(Date.now() - 1_000) })
        .where('subject_id', '=', intent.id)
        .execute();
      const secret = `whsec_${Buffer.from('the scheduler test receiver key').toString('base64')}`;
      const scheduler = createRuntimeScheduler(h, config, log, {
        webhooks: { secret, allowlist: '127.0.0.1' },
      });
      await scheduler.tick();
      expect(await deliveries()).toEqual([{ status: 'sent', attempts: 2, last_error: null }]);
      expect(received).toHaveLength(1);
      expect(received[0]!.signature).toMatch(/^v1,/);
      const after = (await h.call('GET', `/api/admin/environments/promotions/${intent.id}`, admin)).json();
      expect(after).toMatchObject({ status: 'previewed', notificationStatus: 'sent' });
      // Nothing due: another tick sends nothing.
      await scheduler.tick();
      expect(received).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});

import { fileURLToPath } from 'node:url';
import { newId } from '@ec3l/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';
import { runNode, type Started, startCommand, startNode } from './testing-only/processes.js';
import { createExecutionLog, insertDefinition, tenantIdOf } from './testing-only/workflows.js';

const WORKER = fileURLToPath(new URL('./testing-only/dispatch-worker.mjs', import.meta.url));
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

let h: Harness;
let tenantId: string;
let project: string;
const running: Started[] = [];

const startWorker = (env: Record<string, string> = {}) => {
  const worker = startCommand([process.execPath, WORKER], {
    DATABASE_URL: h.database.url!,
    EC3L_SCHEDULER_INTERVAL_MS: '100',
    EC3L_DISPATCH_LEASE_MS: '2000',
    EC3L_DISPATCH_CONCURRENCY: '4',
    ...env,
  });
  running.push(worker);
  return worker;
};

const until = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
};

const owner = () => h.database.ownerDb;

const executionsPerIntent = async (trigger: string) => {
  const rows = await owner()
    .selectFrom('workflow_execution_intents as i')
    .leftJoin('test_executions as e', 'e.intent_id', 'i.id')
    .select(['i.id', 'i.status', 'i.attempt', (eb) => eb.fn.count<string>('e.id').as('executions')])
    .where('i.trigger_id', '=', trigger)
    .groupBy(['i.id', 'i.status', 'i.attempt'])
    .execute();
  return rows.map((r) => ({ ...r, executions: Number(r.executions) }));
};

const newTrigger = async (type: 'manual' | 'schedule', config: object = {}) => {
  const id = newId();
  await owner()
    .insertInto('workflow_triggers')
    .values({
      tenant_id: tenantId,
      id,
      workflow_definition_id: await insertDefinition(h, 'acme', project),
      trigger_type: type,
      trigger_config: JSON.stringify(config),
    })
    .execute();
  return id;
};

beforeAll(async () => {
  h = await createHarness(['acme']);
  await createExecutionLog(h);
  tenantId = await tenantIdOf(h, 'acme');
  project = (
    await h.call('POST', '/api/projects', { tenant: 'acme', user: 'admin', body: { name: 'Ops' } })
  ).json().id;
});
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
  await h.close();
});

describe.runIf(onPostgres)('dispatch across processes on PostgreSQL', () => {
  it('kill -9 of a worker mid-dispatch: its intents are taken over after the lease, each executed exactly once, none left pending', async () => {
    const trigger = await newTrigger('manual');
    const ids = Array.from({ length: 300 }, () => newId());
    const definition = (
      await owner()
        .selectFrom('workflow_triggers')
        .select('workflow_definition_id')
        .where('id', '=', trigger)
        .executeTakeFirstOrThrow()
    ).workflow_definition_id as string;
    await owner()
      .insertInto('workflow_execution_intents')
      .values(
        ids.map((id) => ({
          tenant_id: tenantId,
          id,
          workflow_definition_id: definition,
          trigger_id: trigger,
          trigger_type: 'manual',
          idempotency_key: `manual:${trigger}:${id}`,
        })),
      )
      .execute();

    const victim = startWorker({ DISPATCH_DELAY_MS: '15' });
    await until(
      async () => (await executionsPerIntent(trigger)).some((r) => r.executions > 0),
      60_000,
      'a first execution',
    );
    const runningBefore = (await executionsPerIntent(trigger)).filter((r) => r.status === 'running').length;
    victim.child.kill('SIGKILL');
    await victim.stop();
    const killedAt = Date.now();
    startWorker({ DISPATCH_DELAY_MS: '1' });
    startWorker({ DISPATCH_DELAY_MS: '1' });
    await until(
      async () => (await executionsPerIntent(trigger)).every((r) => r.status === 'completed'),
      90_000,
      'every intent completed',
    );
    // Taken over within the lease (2 s) plus a few ticks, well under 60 s.
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    const rows = await executionsPerIntent(trigger);
    expect(rows).toHaveLength(300);
    expect(rows.filter((r) => r.executions !== 1)).toEqual([]);
    expect(runningBefore).toBeGreaterThan(0);
    expect(rows.filter((r) => r.attempt > 1).length).toBeGreaterThan(0);
  }, 180_000);

  it('three ec3l workers with schedulers on one database for several cron ticks: each firing starts one execution of the engine', async () => {
    const admin = { tenant: 'acme', user: 'admin' };
    const definition = (
      await h.call('POST', '/api/workflow-definitions', {
        ...admin,
        body: { projectId: project, name: 'Every two seconds' },
      })
    ).json().id as string;
    await h.call('POST', `/api/workflow-definitions/${definition}/steps`, {
      ...admin,
      body: {
        stepType: 'notification',
        config: { channel: 'email', template: 'tick {{input.scheduledFor}}' },
      },
    });
    expect((await h.call('POST', `/api/workflow-definitions/${definition}/activate`, admin)).statusCode).toBe(
      200,
    );
    const created = await h.call('POST', '/api/workflow-triggers', {
      ...admin,
      body: {
        workflowDefinitionId: definition,
        triggerType: 'schedule',
        triggerConfig: { cron: '*/2 * * * * *' },
      },
    });
    expect(created.statusCode).toBe(201);
    const trigger = created.json().id as string;
    const env = {
      DATABASE_URL: h.database.url!,
      EC3L_SCHEDULER_INTERVAL_MS: '100',
      EC3L_DISPATCH_CONCURRENCY: '2',
    };
    const workers = [0, 1, 2].map(() => {
      const worker = startNode('cli.js', ['worker'], env);
      running.push(worker);
      return worker;
    });
    const perIntent = () =>
      owner()
        .selectFrom('workflow_execution_intents as i')
        .leftJoin('workflow_executions as e', (j) =>
          j.onRef('e.tenant_id', '=', 'i.tenant_id').onRef('e.intent_id', '=', 'i.id'),
        )
        .select([
          'i.id',
          'i.status',
          'i.idempotency_key',
          (eb) => eb.fn.count<string>('e.id').as('executions'),
        ])
        .where('i.trigger_id', '=', trigger)
        .groupBy(['i.id', 'i.status', 'i.idempotency_key'])
        .execute();
    await until(
      async () => (await perIntent()).filter((r) => r.status === 'completed').length >= 4,
      60_000,
      'four completed firings',
    );
    await Promise.all(workers.map((w) => w.stop()));
    const rows = await perIntent();
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((r) => Number(r.executions) > 1)).toEqual([]);
    const seen = JSON.stringify(rows);
    expect(
      rows.filter((r) => r.status === 'completed').every((r) => Number(r.executions) === 1),
      seen,
    ).toBe(true);
    const times = rows.map((r) => Date.parse(r.idempotency_key.split(`${trigger}:`)[1]!));
    expect(
      times.every((t) => new Date(t).getUTCSeconds() % 2 === 0),
      seen,
    ).toBe(true);
    expect(new Set(times).size).toBe(times.length);
  }, 120_000);

  it('ec3l worker runs the loop as its own process and stops cleanly on SIGTERM', async () => {
    const worker = startNode('cli.js', ['worker'], {
      DATABASE_URL: h.database.url!,
      EC3L_SCHEDULER_INTERVAL_MS: '100',
    });
    running.push(worker);
    await until(async () => worker.output().includes('EC3L worker running'), 60_000, 'the worker start');
    expect(await worker.stop()).toBe(0);
    const help = await runNode('cli.js', ['--help'], {});
    expect(help.output).toMatch(/worker {2,}Run the background loop/);
  }, 90_000);
});

import { withTenant } from '@ec3l/db';
import { newId } from '@ec3l/kernel';
import { createDispatcher, createTriggersService } from '@ec3l/workflow';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartExecution as DispatchFn } from './flows/workflow-dispatch.js';
import { createHarness, type Harness } from './testing-only/harness.js';
import {
  createExecutionLog,
  insertDefinition,
  loggingStartExecution,
  tenantIdOf,
} from './testing-only/workflows.js';

let h: Harness;
let tenant: { id: string; slug: string };
let definition: string;
let project: string;

const owner = () => h.database.ownerDb;

/** Queues n manual intents of a fresh trigger, as the owner; answers their ids. */
const queue = async (n: number): Promise<string[]> => {
  const trigger = newId();
  await owner()
    .insertInto('workflow_triggers')
    .values({ tenant_id: tenant.id, id: trigger, workflow_definition_id: definition, trigger_type: 'manual' })
    .execute();
  const ids = Array.from({ length: n }, () => newId());
  await owner()
    .insertInto('workflow_execution_intents')
    .values(
      ids.map((id) => ({
        tenant_id: tenant.id,
        id,
        workflow_definition_id: definition,
        trigger_id: trigger,
        trigger_type: 'manual',
        idempotency_key: `manual:${trigger}:${id}`,
      })),
    )
    .execute();
  return ids;
};

const executionCounts = async (ids: string[]) => {
  const rows = await owner()
    .selectFrom('test_executions')
    .select(['intent_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('intent_id', 'in', ids)
    .groupBy('intent_id')
    .execute();
  return new Map(rows.map((r) => [r.intent_id as string, Number(r.n)]));
};

const intentsOf = (ids: string[]) =>
  owner()
    .selectFrom('workflow_execution_intents')
    .select(['id', 'status', 'attempt', 'error', 'execution_id', 'lease_owner'])
    .where('id', 'in', ids)
    .execute();

const firings = (trigger: string) =>
  owner()
    .selectFrom('workflow_execution_intents')
    .select('idempotency_key')
    .where('trigger_id', '=', trigger)
    .orderBy('idempotency_key')
    .execute();

const dispatcher = (dispatch: DispatchFn, leaseMs = 30_000) =>
  createDispatcher({ db: h.database.db, events: h.events, dispatch, leaseMs });

beforeAll(async () => {
  h = await createHarness(['acme']);
  await createExecutionLog(h);
  tenant = { id: await tenantIdOf(h, 'acme'), slug: 'acme' };
  const res = await h.call('POST', '/api/projects', { tenant: 'acme', user: 'admin', body: { name: 'Ops' } });
  project = res.json().id;
  definition = await insertDefinition(h, 'acme', project);
});
afterAll(() => h.close());

describe('intent dispatch', () => {
  it('exactly once: 20 dispatchers claiming 60 intents at once start one execution per intent and leave none pending', async () => {
    const ids = await queue(60);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        dispatcher(loggingStartExecution({ delayMs: 5 })).dispatchPending(tenant, {
          limit: 1_000,
          batchSize: 3,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const claimed = results.reduce((n, r) => n + (r.status === 'fulfilled' ? r.value.claimed : 0), 0);
    expect(claimed).toBe(60);
    const counts = await executionCounts(ids);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = await intentsOf(ids);
    expect(rows.filter((r) => r.status !== 'completed')).toEqual([]);
    expect(rows.every((r) => r.attempt === 1 && r.lease_owner === null && r.execution_id !== null)).toBe(
      true,
    );
  });

  it('fencing: a worker whose lease was taken over cannot commit its late result', async () => {
    const [id] = await queue(1);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const started = new Promise<void>((r) => {
      entered = r;
    });
    const slow: DispatchFn = async (trx, intent) => {
      entered();
      await held;
      return loggingStartExecution()(trx, intent);
    };
    const late = dispatcher(slow, 60_000).dispatchPending(tenant, { limit: 1 });
    await started;
    // The lease runs out while the first worker is still busy (a long pause, a partition).
    await owner()
      .updateTable('workflow_execution_intents')
      .set({ lease_expires_at: sql`now() - interval '1 second'` })
      .where('id', '=', id!)
      .execute();
    const takeover = await dispatcher(loggingStartExecution()).dispatchPending(tenant, { limit: 1 });
    expect(takeover).toMatchObject({ claimed: 1, completed: 1 });
    release();
    expect(await late).toMatchObject({ claimed: 1, completed: 0, lost: 1 });
    expect((await executionCounts([id!])).get(id!)).toBe(1);
    expect(await intentsOf([id!])).toEqual([expect.objectContaining({ status: 'completed', attempt: 2 })]);
  });

  it('retry policy: a failing dispatch goes back to pending with a backoff, and fails on its third attempt', async () => {
    const [id] = await queue(1);
    const failing = dispatcher(loggingStartExecution({ fail: () => true }));
    const ready = () =>
      owner()
        .updateTable('workflow_execution_intents')
        .set({ available_at: sql`now()` })
        .where('id', '=', id!)
        .execute();
    expect(await failing.dispatchPending(tenant, { limit: 1 })).toMatchObject({ claimed: 1, retried: 1 });
    const waiting = await owner()
      .selectFrom('workflow_execution_intents')
      .select([
        'status',
        'attempt',
        'error',
        sql<boolean>`available_at > now() + interval '3 seconds'`.as('later'),
      ])
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(waiting).toEqual({ status: 'pending', attempt: 1, error: 'the step failed', later: true });
    expect((await failing.dispatchPending(tenant, { limit: 1 })).claimed).toBe(0);
    await ready();
    expect(await failing.dispatchPending(tenant, { limit: 1 })).toMatchObject({ claimed: 1, retried: 1 });
    await ready();
    expect(await failing.dispatchPending(tenant, { limit: 1 })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await intentsOf([id!])).toEqual([
      expect.objectContaining({ status: 'failed', attempt: 3, error: 'the step failed', execution_id: null }),
    ]);
    expect((await executionCounts([id!])).size).toBe(0);
  });

  it('an execution that pauses leaves its intent dispatched', async () => {
    const [id] = await queue(1);
    const pausing: DispatchFn = async () => ({ executionId: newId(), status: 'paused' });
    expect(await dispatcher(pausing).dispatchPending(tenant, { limit: 1 })).toMatchObject({ dispatched: 1 });
    expect(await intentsOf([id!])).toEqual([expect.objectContaining({ status: 'dispatched' })]);
  });
});

describe('schedules', () => {
  const scheduleTrigger = async (cron: string, createdAt: Date) => {
    const id = newId();
    await owner()
      .insertInto('workflow_triggers')
      .values({
        tenant_id: tenant.id,
        id,
        workflow_definition_id: await insertDefinition(h, 'acme', project),
        trigger_type: 'schedule',
        trigger_config: JSON.stringify({ cron }),
        created_at: createdAt,
        schedule_evaluated_at: createdAt,
      })
      .execute();
    return id;
  };
  it('each occurrence fires once however many replicas evaluate it at once', async () => {
    const start = new Date('2026-03-01T10:00:00.500Z');
    const trigger = await scheduleTrigger('*/10 * * * * *', start);
    const triggers = createTriggersService({ db: h.database.db });
    for (const at of ['2026-03-01T10:00:10.200Z', '2026-03-01T10:00:10.900Z', '2026-03-01T10:00:20.000Z']) {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () =>
          withTenant(tenant.id, () => triggers.fireDueSchedules(tenant.id, new Date(at))),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    }
    expect((await firings(trigger)).map((f) => f.idempotency_key)).toEqual([
      `schedule:${trigger}:2026-03-01T10:00:10.000Z`,
      `schedule:${trigger}:2026-03-01T10:00:20.000Z`,
    ]);
  });

  it('catch-up: after five missed hours only the latest occurrence fires', async () => {
    const trigger = await scheduleTrigger('0 * * * *', new Date('2026-03-02T00:30:00Z'));
    const triggers = createTriggersService({ db: h.database.db });
    await withTenant(tenant.id, () => triggers.fireDueSchedules(tenant.id, new Date('2026-03-02T05:10:00Z')));
    expect((await firings(trigger)).map((f) => f.idempotency_key)).toEqual([
      `schedule:${trigger}:2026-03-02T05:00:00.000Z`,
    ]);
  });
});

describe('record write hook', () => {
  it('O5: intents queued in a record transaction that rolls back are gone with it', async () => {
    const rt = await h.call('POST', '/api/record-types', {
      tenant: 'acme',
      user: 'admin',
      body: { projectId: project, key: 'ticket', name: 'Ticket' },
    });
    const recordType = { id: rt.json().id as string, key: 'ticket', projectId: project };
    const res = await h.call('POST', '/api/workflow-triggers', {
      tenant: 'acme',
      user: 'admin',
      body: {
        workflowDefinitionId: definition,
        triggerType: 'record_event',
        triggerConfig: { event: 'record.created', recordTypeKey: 'ticket' },
      },
    });
    const trigger = res.json().id as string;
    const triggers = createTriggersService({ db: h.database.db });
    const event = {
      event: 'record.created' as const,
      recordId: newId(),
      version: 1,
      recordType,
      data: {},
      previousData: null,
      changedFields: [],
    };
    await expect(
      withTenant(tenant.id, () =>
        h.database.db.transaction().execute(async (trx) => {
          const queued = await triggers.enqueueRecordEventIntents(trx, tenant.id, event);
          expect(queued).toEqual([expect.objectContaining({ status: 'pending' })]);
          throw new Error('the record write failed');
        }),
      ),
    ).rejects.toThrow('the record write failed');
    expect(await firings(trigger)).toEqual([]);
    const kept = await withTenant(tenant.id, () =>
      h.database.db.transaction().execute((trx) => triggers.enqueueRecordEventIntents(trx, tenant.id, event)),
    );
    expect(kept).toEqual([expect.objectContaining({ status: 'pending' })]);
    expect(await firings(trigger)).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

/**
 * A record write starts the workflows its record-event triggers name: the intent is queued in the
 * write's transaction, dispatch starts the execution through the engine, and the engine's record steps
 * act on the record through the records package.
 */
let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };

const call = async <T>(method: 'GET' | 'POST', url: string, body?: unknown, status = 200) => {
  const res = await h.call(method, url, { ...admin, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : undefined) as T;
};

type Execution = { id: string; status: string; recordId: string | null; error: string | null };
type Record_ = { id: string; data: Record<string, unknown>; assignedTo: string | null; version: number };

let recordTypeId = '';
let definitionId = '';

beforeAll(async () => {
  h = await createHarness(['acme']);
  const project = await call<{ id: string }>('POST', '/api/projects', { name: 'Service desk' }, 201);
  const recordType = await call<{ id: string }>(
    'POST',
    '/api/record-types',
    {
      projectId: project.id,
      key: 'incident',
      name: 'Incident',
      fields: [
        { name: 'title', type: 'string', required: true },
        { name: 'priority', type: 'string' },
        { name: 'status', type: 'string' },
      ],
      assignmentConfig: { type: 'static_user', value: 'alice' },
      slaConfig: { durationMinutes: 240 },
    },
    201,
  );
  recordTypeId = recordType.id;
  await call('POST', `/api/record-types/${recordTypeId}/activate`);
  const definition = await call<{ id: string }>(
    'POST',
    '/api/workflow-definitions',
    { projectId: project.id, name: 'Approve urgent incidents', triggerType: 'record_event' },
    201,
  );
  definitionId = definition.id;
  const steps = [
    {
      stepType: 'decision',
      config: { condition: { field: 'record.priority', op: 'eq', value: 'high' }, onFalseStepIndex: 2 },
    },
    { stepType: 'approval', config: { approvers: { users: ['admin'] }, rule: { type: 'any' } } },
    { stepType: 'record_mutation', config: { updates: { status: 'approved' } } },
  ];
  for (const step of steps) await call('POST', `/api/workflow-definitions/${definitionId}/steps`, step, 201);
  await call('POST', `/api/workflow-definitions/${definitionId}/activate`);
  await call(
    'POST',
    '/api/workflow-triggers',
    {
      workflowDefinitionId: definitionId,
      triggerType: 'record_event',
      triggerConfig: { event: 'record.created', recordTypeKey: 'incident' },
    },
    201,
  );
});

afterAll(async () => {
  await h?.close();
});

const createRecord = (priority: string) =>
  call<Record_>(
    'POST',
    '/api/record-instances',
    { recordTypeId, data: { title: 'Printer on fire', priority } },
    201,
  );

const executionOf = async (recordId: string) => {
  const executions = await call<Execution[]>(
    'GET',
    `/api/workflow-executions?workflowDefinitionId=${definitionId}&limit=200`,
  );
  return executions.find((e) => e.recordId === recordId);
};

describe('a record event runs its workflow on the record', () => {
  it('creating a record queues one intent in its transaction; the record is assigned and timed', async () => {
    const record = await createRecord('high');
    expect(record.assignedTo).toBe('alice');
    const intents = await h.database.ownerDb
      .selectFrom('workflow_execution_intents')
      .select(['status', 'record_id'])
      .where('record_id', '=', record.id)
      .execute();
    expect(intents).toEqual([{ status: 'pending', record_id: record.id }]);
    const timers = await h.database.ownerDb
      .selectFrom('record_timers')
      .select('record_id')
      .where('record_id', '=', record.id)
      .execute();
    expect(timers).toHaveLength(1);
  });

  it('dispatch starts the execution through the engine; it pauses on the approval, and approving it completes it and mutates the record', async () => {
    const record = await createRecord('high');
    const result = await call<{ claimed: number; dispatched: number; failed: number }>(
      'POST',
      '/api/workflow-intents/dispatch',
      {},
    );
    expect(result.failed).toBe(0);
    expect(result.dispatched).toBeGreaterThanOrEqual(1);
    const paused = await executionOf(record.id);
    expect(paused?.status).toBe('paused');
    const approvals = await call<{ id: string; workflowExecutionId: string }[]>(
      'GET',
      '/api/workflow-approvals?mine=true&status=pending',
    );
    const approval = approvals.find((a) => a.workflowExecutionId === paused!.id);
    expect(approval).toBeDefined();
    await call('POST', `/api/workflow-approvals/${approval!.id}/decisions`, { decision: 'approve' }, 201);
    expect((await executionOf(record.id))?.status).toBe('completed');
    const after = await call<Record_>('GET', `/api/record-instances/${record.id}`);
    expect(after.data.status).toBe('approved');
  });

  it('a record the decision sends past the approval completes at once and is mutated', async () => {
    const record = await createRecord('low');
    await call('POST', '/api/workflow-intents/dispatch', {});
    const execution = await executionOf(record.id);
    expect(execution?.status, execution?.error ?? '').toBe('completed');
    const after = await call<Record_>('GET', `/api/record-instances/${record.id}`);
    expect(after.data.status).toBe('approved');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const outsider = { tenant: 'globex', user: 'admin' };
const agentAdmin = { tenant: 'acme', agent: 'bot-admin' };
let project: string;
let n = 0;

const json = async <T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; json(): unknown; body: string }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  project = (
    await json<{ id: string }>(h.call('POST', '/api/projects', { ...admin, body: { name: 'Flows' } }), 201)
  ).id;
  const roles = await json<{ id: string; name: string }[]>(h.call('GET', '/api/rbac/roles', admin));
  const adminRole = roles.find((r) => r.name === 'Admin')!.id;
  await json(
    h.call('POST', '/api/rbac/agents/bot-admin/roles', { ...admin, body: { roleId: adminRole } }),
    201,
  );
});
afterAll(() => h.close());

/** An active definition: a notification, then an approval asked of admin, then another notification. */
const approvalFlow = async () => {
  const def = await json<{ id: string; changeId: string }>(
    h.call('POST', '/api/workflow-definitions', {
      ...admin,
      body: { projectId: project, name: `Flow ${++n}` },
    }),
    201,
  );
  const steps = [
    { stepType: 'notification', config: { channel: 'email', template: 'New request from {{input.who}}' } },
    { stepType: 'approval', config: { approvers: { users: ['admin'] }, rule: { type: 'any' } } },
    { stepType: 'notification', config: { channel: 'email', template: 'Approved' } },
  ];
  for (const body of steps)
    await json(h.call('POST', `/api/workflow-definitions/${def.id}/steps`, { ...admin, body }), 201);
  await json(h.call('POST', `/api/workflow-definitions/${def.id}/activate`, admin));
  return def;
};

describe('workflow API', () => {
  it('runs a definition to an approval, lists it in the queue, and a decision completes the execution', async () => {
    const def = await approvalFlow();
    const change = await json<{ status: string }>(h.call('GET', `/api/changes/${def.changeId}`, admin));
    expect(change.status).toBe('Draft');
    const execution = await json<{ id: string; status: string }>(
      h.call('POST', `/api/workflow-definitions/${def.id}/execute`, {
        ...admin,
        body: { input: { who: 'ann' } },
      }),
      201,
    );
    expect(execution.status).toBe('paused');
    const queue = await json<{ id: string; workflowExecutionId: string }[]>(
      h.call('GET', '/api/workflow-approvals?mine=true&status=pending', admin),
    );
    const approval = queue.find((a) => a.workflowExecutionId === execution.id)!;
    expect(approval).toBeDefined();
    const decided = await json<{ status: string }>(
      h.call('POST', `/api/workflow-approvals/${approval.id}/decisions`, {
        ...admin,
        body: { decision: 'approve' },
      }),
      201,
    );
    expect(decided.status).toBe('approved');
    await expect(
      json(h.call('GET', `/api/workflow-executions/${execution.id}`, admin)),
    ).resolves.toMatchObject({
      status: 'completed',
    });
    const steps = await json<{ stepType: string; status: string; output: { message?: string } }[]>(
      h.call('GET', `/api/workflow-executions/${execution.id}/steps`, admin),
    );
    expect(steps.map((s) => [s.stepType, s.status])).toEqual([
      ['notification', 'completed'],
      ['approval', 'completed'],
      ['notification', 'completed'],
    ]);
    expect(steps[0]!.output.message).toBe('New request from ann');
  });

  it('answers 409 for a step added to an active definition and for executing a draft', async () => {
    const def = await approvalFlow();
    const late = await h.call('POST', `/api/workflow-definitions/${def.id}/steps`, {
      ...admin,
      body: { stepType: 'notification', config: { channel: 'email', template: 'x' } },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'WORKFLOW_STATE_CONFLICT', details: { status: 'active' } });
    const draft = await json<{ id: string }>(
      h.call('POST', '/api/workflow-definitions', {
        ...admin,
        body: { projectId: project, name: `Draft ${++n}` },
      }),
      201,
    );
    const run = await h.call('POST', `/api/workflow-definitions/${draft.id}/execute`, { ...admin, body: {} });
    expect(run.statusCode).toBe(409);
    const activate = await h.call('POST', `/api/workflow-definitions/${draft.id}/activate`, admin);
    expect(activate.statusCode).toBe(409);
    expect(activate.json()).toMatchObject({
      code: 'WORKFLOW_DEFINITION_INVALID',
      details: { problems: [{ stepIndex: null }] },
    });
  });

  it('edits, moves and removes the steps of a draft; decisions keep jumping to the steps they named', async () => {
    const def = await json<{ id: string }>(
      h.call('POST', '/api/workflow-definitions', {
        ...admin,
        body: { projectId: project, name: `Flow ${++n}` },
      }),
      201,
    );
    const add = (body: unknown) =>
      json<{ id: string; orderIndex: number }>(
        h.call('POST', `/api/workflow-definitions/${def.id}/steps`, { ...admin, body }),
        201,
      );
    const note = (template: string) => ({ stepType: 'notification', config: { channel: 'email', template } });
    const decision = await add({
      stepType: 'decision',
      config: { condition: { field: 'input.big', op: 'eq', value: true }, onTrueStepIndex: 2 },
    });
    const small = await add(note('small'));
    const big = await add(note('big'));
    const steps = () =>
      json<{ id: string; orderIndex: number; name: string | null; config: Record<string, unknown> }[]>(
        h.call('GET', `/api/workflow-definitions/${def.id}/steps`, admin),
      );
    const url = (stepId: string) => `/api/workflow-definitions/${def.id}/steps/${stepId}`;
    // Move "big" first: the decision (now at 1) still jumps to it, at its new index 0.
    const moved = await json<{ orderIndex: number }>(
      h.call('PATCH', url(big.id), { ...admin, body: { orderIndex: 0, name: 'Tell the big boss' } }),
    );
    expect(moved).toMatchObject({ orderIndex: 0, name: 'Tell the big boss' });
    let now = await steps();
    expect(now.map((s) => s.id)).toEqual([big.id, decision.id, small.id]);
    expect(now[1]?.config.onTrueStepIndex).toBe(0);
    // A step inserted before the target shifts the jump with it.
    const first = await add({ ...note('first'), orderIndex: 0 });
    now = await steps();
    expect(now.map((s) => s.id)).toEqual([first.id, big.id, decision.id, small.id]);
    expect(now[2]?.config.onTrueStepIndex).toBe(1);
    // The jump's target cannot go while the decision names it.
    const refused = await h.call('DELETE', url(big.id), admin);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'WORKFLOW_STEP_REFERENCED',
      details: { decisionStepId: decision.id, decisionStepIndex: 2, key: 'onTrueStepIndex' },
    });
    // Another step goes; the rest close up, the jump follows.
    expect((await h.call('DELETE', url(first.id), admin)).statusCode).toBe(204);
    now = await steps();
    expect(now.map((s) => [s.id, s.orderIndex])).toEqual([
      [big.id, 0],
      [decision.id, 1],
      [small.id, 2],
    ]);
    expect(now[1]?.config.onTrueStepIndex).toBe(0);
    // A config is checked against the step's own type; an empty edit is bad input.
    const badConfig = await h.call('PATCH', url(small.id), { ...admin, body: { config: { approvers: {} } } });
    expect(badConfig.statusCode).toBe(400);
    expect(badConfig.json()).toMatchObject({ code: 'WORKFLOW_STEP_CONFIG_INVALID' });
    expect((await h.call('PATCH', url(small.id), { ...admin, body: {} })).statusCode).toBe(400);
    // Unknown step, another tenant, a viewer, an active definition.
    expect((await h.call('DELETE', url(crypto.randomUUID()), admin)).statusCode).toBe(404);
    expect((await h.call('PATCH', url(small.id), { ...outsider, body: { name: 'x' } })).statusCode).toBe(404);
    expect((await h.call('DELETE', url(small.id), outsider)).statusCode).toBe(404);
    const viewer = await h.call('DELETE', url(small.id), { tenant: 'acme', user: 'nobody' });
    expect(viewer.statusCode).toBe(403);
    await json(h.call('POST', `/api/workflow-definitions/${def.id}/activate`, admin));
    const frozen = await h.call('PATCH', url(small.id), { ...admin, body: { orderIndex: 0 } });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ code: 'WORKFLOW_STATE_CONFLICT' });
    expect((await h.call('DELETE', url(small.id), admin)).statusCode).toBe(409);
    expect((await steps()).length).toBe(3);
  });

  it('refuses a step whose config does not fit its type (400), never 500', async () => {
    const draft = await json<{ id: string }>(
      h.call('POST', '/api/workflow-definitions', {
        ...admin,
        body: { projectId: project, name: `Bad ${++n}` },
      }),
      201,
    );
    for (const body of [
      { stepType: 'decision', config: { condition: { field: 'nope', op: 'eq', value: 1 } } },
      { stepType: 'approval', config: { approvers: { users: [] } } },
      { stepType: 'notification', config: { channel: 'email', template: 'x', extra: 1 } },
      { stepType: 'teleport', config: {} },
      // A field name that is not an identifier is refused, not dropped on the way out.
      { stepType: 'record_mutation', config: { updates: { '': null } } },
      { stepType: 'record_mutation', config: { updates: {} } },
    ]) {
      const res = await h.call('POST', `/api/workflow-definitions/${draft.id}/steps`, { ...admin, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('R1: agents are refused execute, resume and decisions with AGENT_FORBIDDEN', async () => {
    const def = await approvalFlow();
    const execution = await json<{ id: string }>(
      h.call('POST', `/api/workflow-definitions/${def.id}/execute`, { ...admin, body: {} }),
      201,
    );
    const [approval] = await json<{ id: string }[]>(
      h.call('GET', `/api/workflow-approvals?workflowExecutionId=${execution.id}`, admin),
    );
    for (const [url, body] of [
      [`/api/workflow-definitions/${def.id}/execute`, {}],
      [`/api/workflow-executions/${execution.id}/resume`, { outcome: 'approved' }],
      [`/api/workflow-approvals/${approval!.id}/decisions`, { decision: 'approve' }],
    ] as const) {
      const res = await h.call('POST', url, { ...agentAdmin, body });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AGENT_FORBIDDEN' });
    }
    await expect(
      json(h.call('GET', `/api/workflow-executions/${execution.id}`, admin)),
    ).resolves.toMatchObject({
      status: 'paused',
    });
  });

  it('T2: another tenant gets 404 on every workflow URL the owner reads or writes, and changes nothing', async () => {
    const def = await approvalFlow();
    const execution = await json<{ id: string }>(
      h.call('POST', `/api/workflow-definitions/${def.id}/execute`, { ...admin, body: {} }),
      201,
    );
    const [approval] = await json<{ id: string }[]>(
      h.call('GET', `/api/workflow-approvals?workflowExecutionId=${execution.id}`, admin),
    );
    const reads = [
      `/api/workflow-definitions/${def.id}`,
      `/api/workflow-definitions/${def.id}/steps`,
      `/api/workflow-executions/${execution.id}`,
      `/api/workflow-executions/${execution.id}/steps`,
      `/api/workflow-approvals/${approval!.id}`,
      `/api/workflow-executions?workflowDefinitionId=${def.id}`,
      `/api/workflow-approvals?workflowExecutionId=${execution.id}`,
    ];
    for (const url of reads) {
      expect((await h.call('GET', url, admin)).statusCode, url).toBe(200);
      expect((await h.call('GET', url, outsider)).statusCode, url).toBe(404);
    }
    const writes: [string, unknown][] = [
      [`/api/workflow-definitions/${def.id}/retire`, undefined],
      [
        `/api/workflow-definitions/${def.id}/steps`,
        { stepType: 'notification', config: { channel: 'x', template: 'y' } },
      ],
      [`/api/workflow-definitions/${def.id}/execute`, {}],
      [`/api/workflow-executions/${execution.id}/resume`, { outcome: 'rejected' }],
      [`/api/workflow-approvals/${approval!.id}/decisions`, { decision: 'reject' }],
    ];
    for (const [url, body] of writes) {
      const res = await h.call('POST', url, { ...outsider, ...(body === undefined ? {} : { body }) });
      expect(res.statusCode, url).toBe(404);
    }
    await expect(
      json(h.call('GET', `/api/workflow-executions/${execution.id}`, admin)),
    ).resolves.toMatchObject({
      status: 'paused',
    });
    await expect(json(h.call('GET', `/api/workflow-definitions/${def.id}`, admin))).resolves.toMatchObject({
      status: 'active',
    });
  });

  it('pages definitions, executions and approvals: a walk at limit 1 equals the unpaged list, forged cursors are 400', async () => {
    const def = await approvalFlow();
    for (let i = 0; i < 3; i++)
      await json(h.call('POST', `/api/workflow-definitions/${def.id}/execute`, { ...admin, body: {} }), 201);
    for (const base of [
      '/api/workflow-definitions?',
      `/api/workflow-executions?workflowDefinitionId=${def.id}&`,
      '/api/workflow-approvals?',
    ]) {
      const all = await json<{ id: string }[]>(h.call('GET', `${base}limit=200`, admin));
      expect(all.length).toBeGreaterThanOrEqual(3);
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 500; i++) {
        const res = await h.call('GET', `${base}limit=1${cursor ? `&cursor=${cursor}` : ''}`, admin);
        expect(res.statusCode).toBe(200);
        const page = res.json() as { id: string }[];
        expect(page.length).toBeLessThanOrEqual(1);
        walked.push(...page.map((r) => r.id));
        cursor = res.headers['x-next-cursor'] as string | undefined;
        if (!cursor) break;
      }
      expect(walked).toEqual(all.map((r) => r.id));
      expect((await h.call('GET', `${base}cursor=bogus`, admin)).statusCode).toBe(400);
    }
  });

  it("an assignment step by rule routes the record by its type's configuration on the data the steps before it wrote", async () => {
    const type = await json<{ id: string }>(
      h.call('POST', '/api/record-types', {
        ...admin,
        body: {
          projectId: project,
          key: `routed_${++n}`,
          name: `Routed ${n}`,
          fields: [{ name: 'tier', type: 'string' }],
          assignmentConfig: {
            type: 'field_match',
            field: 'tier',
            rules: [{ equals: 'vip', assignTo: { type: 'group', value: 'vip-desk' } }],
            default: { type: 'user', value: 'triage' },
          },
        },
      }),
      201,
    );
    await json(h.call('POST', `/api/record-types/${type.id}/activate`, admin));
    const record = await json<{ id: string; assignedTo: string | null }>(
      h.call('POST', '/api/record-instances', { ...admin, body: { recordTypeId: type.id, data: {} } }),
      201,
    );
    expect(record.assignedTo).toBe('triage');
    const def = await json<{ id: string }>(
      h.call('POST', '/api/workflow-definitions', {
        ...admin,
        body: { projectId: project, name: `Route ${++n}` },
      }),
      201,
    );
    for (const body of [
      { stepType: 'record_mutation', config: { updates: { tier: 'vip' } } },
      { stepType: 'assignment', config: { strategy: 'rule' } },
    ])
      await json(h.call('POST', `/api/workflow-definitions/${def.id}/steps`, { ...admin, body }), 201);
    await json(h.call('POST', `/api/workflow-definitions/${def.id}/activate`, admin));
    const execution = await json<{ status: string; error: string | null }>(
      h.call('POST', `/api/workflow-definitions/${def.id}/execute`, {
        ...admin,
        body: { recordId: record.id },
      }),
      201,
    );
    expect(execution).toMatchObject({ status: 'completed', error: null });
    await expect(json(h.call('GET', `/api/record-instances/${record.id}`, admin))).resolves.toMatchObject({
      data: { tier: 'vip' },
      assignedTo: null,
      assignedGroup: 'vip-desk',
    });
  });

  it('record steps write through the records paths: validated mutation, assignment, a lock released when the execution ends', async () => {
    const type = await json<{ id: string }>(
      h.call('POST', '/api/record-types', {
        ...admin,
        body: {
          projectId: project,
          key: `ticket_${++n}`,
          name: `Ticket ${n}`,
          fields: [
            { name: 'title', type: 'string', required: true },
            { name: 'state', type: 'string' },
            { name: 'score', type: 'number' },
          ],
        },
      }),
      201,
    );
    await json(h.call('POST', `/api/record-types/${type.id}/activate`, admin));
    const record = await json<{ id: string }>(
      h.call('POST', '/api/record-instances', {
        ...admin,
        body: { recordTypeId: type.id, data: { title: 'Printer' } },
      }),
      201,
    );
    const flow = async (steps: unknown[]) => {
      const def = await json<{ id: string }>(
        h.call('POST', '/api/workflow-definitions', {
          ...admin,
          body: { projectId: project, name: `Rec ${++n}` },
        }),
        201,
      );
      for (const body of steps)
        await json(h.call('POST', `/api/workflow-definitions/${def.id}/steps`, { ...admin, body }), 201);
      await json(h.call('POST', `/api/workflow-definitions/${def.id}/activate`, admin));
      return (body: unknown) =>
        json<{ id: string; status: string; error: string | null }>(
          h.call('POST', `/api/workflow-definitions/${def.id}/execute`, { ...admin, body }),
          201,
        );
    };
    const run = await flow([
      { stepType: 'record_lock', config: { reason: 'triage' } },
      { stepType: 'assignment', config: { strategy: 'group', group: 'support' } },
      {
        stepType: 'decision',
        config: { condition: { field: 'record.title', op: 'eq', value: 'Printer' }, onFalseStepIndex: 4 },
      },
      { stepType: 'record_mutation', config: { updates: { state: 'triaged' } } },
      {
        stepType: 'notification',
        config: { channel: 'email', template: '{{record.title}} is {{record.state}}' },
      },
    ]);
    const execution = await run({ recordId: record.id });
    expect(execution).toMatchObject({ status: 'completed', error: null });
    await expect(json(h.call('GET', `/api/record-instances/${record.id}`, admin))).resolves.toMatchObject({
      data: { title: 'Printer', state: 'triaged' },
      assignedGroup: 'support',
    });
    const steps = await json<{ output: { message?: string } }[]>(
      h.call('GET', `/api/workflow-executions/${execution.id}/steps`, admin),
    );
    expect(steps.at(-1)!.output.message).toBe('Printer is triaged');
    const locked = await json<unknown[]>(h.call('GET', `/api/record-locks`, admin));
    expect(locked).toEqual([]);

    const paused = await flow([
      { stepType: 'record_lock', config: { reason: 'approval' } },
      { stepType: 'approval', config: { approvers: { users: ['admin'] } } },
    ]);
    const waiting = await paused({ recordId: record.id });
    expect(waiting.status).toBe('paused');
    const held = await json<{ recordId: string; workflowExecutionId: string }[]>(
      h.call('GET', '/api/record-locks', admin),
    );
    expect(held).toEqual([expect.objectContaining({ recordId: record.id, workflowExecutionId: waiting.id })]);
    await json(
      h.call('POST', `/api/workflow-executions/${waiting.id}/resume`, {
        ...admin,
        body: { outcome: 'rejected' },
      }),
    );
    await expect(json(h.call('GET', '/api/record-locks', admin))).resolves.toEqual([]);

    const invalid = await flow([{ stepType: 'record_mutation', config: { updates: { score: 'high' } } }]);
    const refused = await invalid({ recordId: record.id });
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/step 0 \(record_mutation\)/);
    await expect(json(h.call('GET', `/api/record-instances/${record.id}`, admin))).resolves.toMatchObject({
      data: { state: 'triaged' },
    });
  });
});

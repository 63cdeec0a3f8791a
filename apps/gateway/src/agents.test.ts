import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const other = { tenant: 'globex', user: 'admin' };
const agent = { tenant: 'acme', agent: 'builder' };
let counter = 0;

const json = async <T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};
const created = async (url: string, body: unknown, who: object = admin) =>
  (await json<{ id: string }>(h.call('POST', url, { ...who, body }), 201)).id;

beforeAll(async () => {
  h = await createHarness(['acme', 'globex'], { runLogPollMs: 50 });
  const roles = await json<{ id: string; name: string }[]>(h.call('GET', '/api/rbac/roles', admin));
  const editor = roles.find((r) => r.name === 'Editor')!.id;
  const adminRole = roles.find((r) => r.name === 'Admin')!.id;
  await json(h.call('POST', '/api/rbac/agents/builder/roles', { ...admin, body: { roleId: editor } }), 201);
  await json(h.call('POST', '/api/rbac/agents/boss/roles', { ...admin, body: { roleId: adminRole } }), 201);
});
afterAll(() => h.close());

/** A fresh project with an active record type `ticket` (field title). */
const freshProject = async () => {
  const projectId = await created('/api/projects', { name: `Agents ${++counter}` });
  const typeId = await created('/api/record-types', {
    projectId,
    key: 'ticket',
    name: `Ticket ${counter}`,
    fields: [{ name: 'title', type: 'string' }],
  });
  await json(h.call('POST', `/api/record-types/${typeId}/activate`, admin));
  return projectId;
};

const workflowChange = (projectId: string, recordTypeKey = 'ticket') => ({
  proposalType: 'workflow_change',
  summary: 'Add a priority field',
  payload: {
    projectId,
    title: 'Ticket priority',
    ops: [
      { recordTypeKey, opType: 'add_field', payload: { field: { name: 'priority', type: 'number' } } },
      { recordTypeKey, opType: 'add_field', payload: { field: { name: 'impact', type: 'string' } } },
    ],
  },
});

const submitted = async (body: unknown) => {
  const id = await created('/api/agent-proposals', body, agent);
  await json(h.call('POST', `/api/agent-proposals/${id}/submit`, admin));
  return id;
};

const count = async (table: 'change_records' | 'workflow_approval_comments' | 'agent_proposals') =>
  Number(
    (
      await h.database.ownerDb
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('agent proposals', () => {
  it('an agent proposes, a human submits, an admin accepts: the change it opened carries the ops', async () => {
    const projectId = await freshProject();
    const proposal = await json(
      h.call('POST', '/api/agent-proposals', { ...agent, body: workflowChange(projectId) }),
      201,
    );
    expect(proposal).toMatchObject({
      status: 'draft',
      agentId: 'builder',
      createdBy: null,
      targetRef: `project:${projectId}`,
      applied: null,
    });
    const id = proposal.id as string;
    expect(await json(h.call('POST', `/api/agent-proposals/${id}/submit`, admin))).toMatchObject({
      status: 'submitted',
      submittedBy: 'admin',
    });
    const accepted = await json<{ status: string; applied: { kind: string; id: string } }>(
      h.call('POST', `/api/agent-proposals/${id}/review`, {
        ...admin,
        body: { decision: 'accept', comment: 'good idea' },
      }),
    );
    expect(accepted).toMatchObject({
      status: 'accepted',
      reviewedBy: 'admin',
      reviewComment: 'good idea',
      applied: { kind: 'change' },
    });
    const change = await json(h.call('GET', `/api/changes/${accepted.applied.id}`, admin));
    expect(change).toMatchObject({ status: 'Draft', projectId, title: 'Ticket priority' });
    const ops = await json<{ opType: string; payload: { field: { name: string } } }[]>(
      h.call('GET', `/api/changes/${accepted.applied.id}/patch-ops`, admin),
    );
    expect(ops.map((o) => [o.opType, o.payload.field.name])).toEqual([
      ['add_field', 'priority'],
      ['add_field', 'impact'],
    ]);
    const targets = await json<{ type: string; selector: unknown }[]>(
      h.call('GET', `/api/changes/${accepted.applied.id}/targets`, admin),
    );
    expect(targets).toEqual([
      expect.objectContaining({ type: 'record_type', selector: { recordTypeKey: 'ticket' } }),
    ]);
  });

  it('AP1: an agent can never submit or review a proposal, even holding Admin', async () => {
    const projectId = await freshProject();
    const id = await created('/api/agent-proposals', workflowChange(projectId), agent);
    for (const who of [agent, { tenant: 'acme', agent: 'boss' }]) {
      const submit = await h.call('POST', `/api/agent-proposals/${id}/submit`, who);
      expect(submit.statusCode).toBe(403);
      expect(submit.json()).toMatchObject({ code: 'AGENT_FORBIDDEN' });
    }
    await json(h.call('POST', `/api/agent-proposals/${id}/submit`, admin));
    const review = await h.call('POST', `/api/agent-proposals/${id}/review`, {
      tenant: 'acme',
      agent: 'boss',
      body: { decision: 'accept' },
    });
    expect(review.statusCode).toBe(403);
    expect(review.json()).toMatchObject({ code: 'AGENT_FORBIDDEN' });
    expect(await json(h.call('GET', `/api/agent-proposals/${id}`, admin))).toMatchObject({
      status: 'submitted',
    });
  });

  it('AP3: only a draft is submitted and only a submitted proposal is reviewed (409 otherwise)', async () => {
    const projectId = await freshProject();
    const id = await created('/api/agent-proposals', workflowChange(projectId), agent);
    const early = await h.call('POST', `/api/agent-proposals/${id}/review`, {
      ...admin,
      body: { decision: 'reject' },
    });
    expect(early.statusCode).toBe(409);
    await json(h.call('POST', `/api/agent-proposals/${id}/submit`, admin));
    expect((await h.call('POST', `/api/agent-proposals/${id}/submit`, admin)).statusCode).toBe(409);
    expect(
      await json(
        h.call('POST', `/api/agent-proposals/${id}/review`, { ...admin, body: { decision: 'reject' } }),
      ),
    ).toMatchObject({ status: 'rejected', applied: null });
    expect(
      (await h.call('POST', `/api/agent-proposals/${id}/review`, { ...admin, body: { decision: 'accept' } }))
        .statusCode,
    ).toBe(409);
  });

  it('AP2: rejecting writes nothing to the target; accepting writes it only through its domain', async () => {
    const projectId = await freshProject();
    const before = await count('change_records');
    const id = await submitted(workflowChange(projectId));
    await json(
      h.call('POST', `/api/agent-proposals/${id}/review`, { ...admin, body: { decision: 'reject' } }),
    );
    expect(await count('change_records')).toBe(before);
  });

  it('AP4: a failing apply writes nothing and leaves the proposal submitted', async () => {
    const projectId = await freshProject();
    const id = await submitted(workflowChange(projectId, 'no_such_type'));
    const before = await count('change_records');
    const res = await h.call('POST', `/api/agent-proposals/${id}/review`, {
      ...admin,
      body: { decision: 'accept' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'PROPOSAL_APPLY_FAILED',
      details: { cause: { code: 'RECORD_TYPE_NOT_IN_PROJECT' } },
    });
    // The change was inserted before the failing target check: the rollback removed it.
    expect(await count('change_records')).toBe(before);
    expect(await json(h.call('GET', `/api/agent-proposals/${id}`, admin))).toMatchObject({
      status: 'submitted',
      reviewedBy: null,
      applied: null,
    });
  });

  it('an accepted approval comment is attached to the workflow approval', async () => {
    const projectId = await freshProject();
    const workflowId = await created('/api/workflow-definitions', { projectId, name: `W ${++counter}` });
    await created(`/api/workflow-definitions/${workflowId}/steps`, {
      stepType: 'approval',
      config: { approvers: { users: ['admin'] } },
    });
    await json(h.call('POST', `/api/workflow-definitions/${workflowId}/activate`, admin));
    const execution = await created(`/api/workflow-definitions/${workflowId}/execute`, { input: {} });
    const [approval] = await json<{ id: string }[]>(
      h.call('GET', `/api/workflow-approvals?workflowExecutionId=${execution}`, admin),
    );
    const id = await submitted({
      proposalType: 'approval_comment',
      summary: 'Note for the approver',
      payload: { approvalId: approval!.id, comment: 'The risk is low: two fields only.' },
    });
    const accepted = await json<{ applied: { kind: string; id: string } }>(
      h.call('POST', `/api/agent-proposals/${id}/review`, { ...admin, body: { decision: 'accept' } }),
    );
    expect(accepted.applied.kind).toBe('workflow_approval_comment');
    const read = await json<{ comments: unknown[]; status: string }>(
      h.call('GET', `/api/workflow-approvals/${approval!.id}`, admin),
    );
    expect(read.status).toBe('pending');
    expect(read.comments).toEqual([
      expect.objectContaining({
        id: accepted.applied.id,
        body: 'The risk is low: two fields only.',
        authorType: 'user',
        authorId: 'admin',
        proposalId: id,
      }),
    ]);
  });

  it('an accepted form patch becomes a draft form override through the forms service; a bad one stays submitted', async () => {
    const projectId = await freshProject();
    const types = await json<{ id: string; name: string; key: string }[]>(
      h.call('GET', `/api/record-types?projectId=${projectId}`, admin),
    );
    const type = types.find((t) => t.key === 'ticket')!;
    const definition = await created('/api/form-definitions', { recordTypeId: type.id, name: 'default' });
    const section = await created(`/api/form-definitions/${definition}/sections`, { title: 'Main' });
    await created(`/api/form-sections/${section}/placements`, { field: 'title' });
    const patch = (field: string) => ({
      proposalType: 'form_patch',
      summary: `Require ${field}`,
      payload: {
        recordTypeName: type.name,
        formName: 'default',
        ops: [{ op: 'toggleRequired', field, value: true }],
      },
    });
    const overridesPath = `/api/forms/${encodeURIComponent(type.name)}/default/overrides`;

    const bad = await submitted(patch('not_on_form'));
    const refused = await h.call('POST', `/api/agent-proposals/${bad}/review`, {
      ...admin,
      body: { decision: 'accept' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'PROPOSAL_APPLY_FAILED' });
    expect(await json<unknown[]>(h.call('GET', overridesPath, admin))).toEqual([]);
    expect(await json(h.call('GET', `/api/agent-proposals/${bad}`, admin))).toMatchObject({
      status: 'submitted',
    });

    const good = await submitted(patch('title'));
    const accepted = await json<{ applied: { kind: string; id: string } }>(
      h.call('POST', `/api/agent-proposals/${good}/review`, { ...admin, body: { decision: 'accept' } }),
    );
    expect(accepted.applied.kind).toBe('form_override');
    const overrides = await json<{ id: string; status: string; summary: string | null }[]>(
      h.call('GET', overridesPath, admin),
    );
    expect(overrides).toEqual([
      expect.objectContaining({ id: accepted.applied.id, status: 'draft', summary: 'Require title' }),
    ]);
  });

  it('refuses a payload that does not fit its type (400) and names a change of the tenant only', async () => {
    const bad = await h.call('POST', '/api/agent-proposals', {
      ...agent,
      body: { proposalType: 'approval_comment', summary: 'x', payload: { projectId: crypto.randomUUID() } },
    });
    expect(bad.statusCode).toBe(400);
    const foreignChange = await created(
      '/api/changes',
      { projectId: await created('/api/projects', { name: `G ${++counter}` }, other), title: 'theirs' },
      other,
    );
    const res = await h.call('POST', '/api/agent-proposals', {
      ...agent,
      body: { ...workflowChange(await freshProject()), changeId: foreignChange },
    });
    expect(res.statusCode).toBe(404);
  });

  it('T2: another tenant gets 404 on a proposal the owner reads, submits and reviews', async () => {
    const id = await created('/api/agent-proposals', workflowChange(await freshProject()), agent);
    expect((await h.call('GET', `/api/agent-proposals/${id}`, admin)).statusCode).toBe(200);
    expect((await h.call('GET', `/api/agent-proposals/${id}`, other)).statusCode).toBe(404);
    expect((await h.call('POST', `/api/agent-proposals/${id}/submit`, other)).statusCode).toBe(404);
    expect(
      (await h.call('POST', `/api/agent-proposals/${id}/review`, { ...other, body: { decision: 'accept' } }))
        .statusCode,
    ).toBe(404);
    expect(await json<unknown[]>(h.call('GET', '/api/agent-proposals', other))).toEqual([]);
    expect(await json(h.call('GET', `/api/agent-proposals/${id}`, admin))).toMatchObject({ status: 'draft' });
  });

  it('lists proposals newest first, page by page, filtered by status', async () => {
    const projectId = await freshProject();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await submitted(workflowChange(projectId)));
    const all = await json<{ id: string }[]>(
      h.call('GET', '/api/agent-proposals?status=submitted&limit=200', admin),
    );
    for (const limit of [1, 2]) {
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await h.call(
          'GET',
          `/api/agent-proposals?status=submitted&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          admin,
        );
        walked.push(...(res.json() as { id: string }[]).map((p) => p.id));
        cursor = res.headers['x-next-cursor'] as string | undefined;
      } while (cursor);
      expect(walked).toEqual(all.map((p) => p.id));
    }
    expect(all.slice(0, 3).map((p) => p.id)).toEqual([...ids].reverse());
  });
});

describe('concurrent reviews', () => {
  it(`of 20 accepts in flight exactly one wins and opens one change; the rest get 409`, async () => {
    const projectId = await freshProject();
    const id = await submitted(workflowChange(projectId));
    const before = await count('change_records');
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        h.call('POST', `/api/agent-proposals/${id}/review`, { ...admin, body: { decision: 'accept' } }),
      ),
    );
    const statuses = answers.map((a) => (a.status === 'fulfilled' ? a.value.statusCode : 0)).sort();
    expect(statuses).toEqual([200, ...Array(19).fill(409)]);
    expect(await count('change_records')).toBe(before + 1);
    const row = await h.database.ownerDb
      .selectFrom('agent_proposals')
      .select(['status', 'applied_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('accepted');
    const opened = await h.database.ownerDb
      .selectFrom('change_patch_ops')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('change_id', '=', row.applied_id as string)
      .executeTakeFirstOrThrow();
    expect(Number(opened.n)).toBe(2);
  });
});

describe('agent skills', () => {
  const schema = { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] };

  it('registers a skill, refuses a second of the same name (409) and a schema that is not one (400)', async () => {
    const skill = await json(
      h.call('POST', '/api/agent-skills', {
        ...admin,
        body: { name: `search ${++counter}`, description: 'Find records', inputSchema: schema },
      }),
      201,
    );
    expect(skill).toMatchObject({ status: 'active', inputSchema: schema, createdBy: 'admin' });
    const again = await h.call('POST', '/api/agent-skills', {
      ...admin,
      body: { name: skill.name, inputSchema: schema },
    });
    expect(again.statusCode).toBe(409);
    for (const inputSchema of [{ type: 'no-such-type' }, { properties: 5 }, { $ref: '#/$defs/missing' }]) {
      const res = await h.call('POST', '/api/agent-skills', {
        ...admin,
        body: { name: `bad ${++counter}`, inputSchema },
      });
      expect(res.statusCode, JSON.stringify(inputSchema)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'AGENT_SKILL_SCHEMA_INVALID' });
    }
  });

  it('AR3: a run may name only registered, active skills', async () => {
    const name = `lookup ${++counter}`;
    const skillId = await created('/api/agent-skills', { name, inputSchema: schema });
    const changeId = await created('/api/changes', { projectId: await freshProject(), title: 'Run host' });
    const run = await json(
      h.call('POST', `/api/changes/${changeId}/agent-run`, {
        ...agent,
        body: { intent: 'look', skillsUsed: [name] },
      }),
      201,
    );
    expect(run.skillsUsed).toEqual([name]);
    const unknown = await h.call('POST', `/api/changes/${changeId}/agent-run`, {
      ...agent,
      body: { intent: 'look', skillsUsed: [name, 'never registered'] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'AGENT_SKILL_UNUSABLE',
      details: { skills: ['never registered'] },
    });
    await json(h.call('PATCH', `/api/agent-skills/${skillId}`, { ...admin, body: { status: 'disabled' } }));
    const disabled = await h.call('POST', `/api/changes/${changeId}/agent-run`, {
      ...agent,
      body: { intent: 'look', skillsUsed: [name] },
    });
    expect(disabled.statusCode).toBe(400);
    expect(disabled.json()).toMatchObject({ code: 'AGENT_SKILL_UNUSABLE', details: { skills: [name] } });
  });

  it('edits, lists by name and deletes; another tenant gets 404', async () => {
    const id = await created('/api/agent-skills', { name: `zeta ${++counter}`, inputSchema: schema });
    expect(
      await json(
        h.call('PATCH', `/api/agent-skills/${id}`, { ...admin, body: { description: 'Last letter' } }),
      ),
    ).toMatchObject({ description: 'Last letter' });
    const names = (await json<{ name: string }[]>(h.call('GET', '/api/agent-skills?limit=200', admin))).map(
      (s) => s.name,
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual([...names].sort());
    expect((await h.call('GET', `/api/agent-skills/${id}`, admin)).statusCode).toBe(200);
    expect((await h.call('GET', `/api/agent-skills/${id}`, other)).statusCode).toBe(404);
    expect(
      (await h.call('PATCH', `/api/agent-skills/${id}`, { ...other, body: { status: 'disabled' } }))
        .statusCode,
    ).toBe(404);
    expect((await h.call('DELETE', `/api/agent-skills/${id}`, other)).statusCode).toBe(404);
    expect(await json(h.call('GET', `/api/agent-skills/${id}`, admin))).toMatchObject({ status: 'active' });
    expect((await h.call('DELETE', `/api/agent-skills/${id}`, admin)).statusCode).toBe(204);
    expect((await h.call('GET', `/api/agent-skills/${id}`, admin)).statusCode).toBe(404);
  });
});

/** A fresh Pending run on a fresh change. */
const freshRun = async () => {
  const changeId = await created('/api/changes', { projectId: await freshProject(), title: 'Run host' });
  return created(`/api/changes/${changeId}/agent-run`, { intent: 'do the thing' }, agent);
};
const log = (runId: string, ...messages: string[]) =>
  h.call('POST', `/api/agent-runs/${runId}/logs`, {
    ...agent,
    body: { lines: messages.map((message) => ({ message })) },
  });
const move = (runId: string, status: string) =>
  h.call('POST', `/api/agent-runs/${runId}/status`, { ...agent, body: { status } });

describe('agent runs', () => {
  it('AR1: a run moves Pending → Running → Passed, and an ended run neither moves nor logs', async () => {
    const runId = await freshRun();
    expect((await move(runId, 'Passed')).statusCode).toBe(409);
    expect(await json(move(runId, 'Running'))).toMatchObject({ status: 'Running', endedAt: null });
    expect(await json(log(runId, 'step one', 'step two'))).toMatchObject({
      logs: [
        { level: 'info', message: 'step one' },
        { level: 'info', message: 'step two' },
      ],
    });
    const ended = await json(move(runId, 'Passed'));
    expect(ended.endedAt).toEqual(expect.any(String));
    expect((await move(runId, 'Failed')).statusCode).toBe(409);
    expect((await log(runId, 'too late')).statusCode).toBe(409);
    expect(
      (await json<{ logs: unknown[] }>(h.call('GET', `/api/agent-runs/${runId}`, admin))).logs,
    ).toHaveLength(2);
  });

  it('AR2: a run log never grows past 2,000 lines', async () => {
    const runId = await freshRun();
    const hundred = Array.from({ length: 100 }, (_, i) => `line ${i}`);
    for (let i = 0; i < 20; i++) await json(log(runId, ...hundred));
    const res = await log(runId, 'one more');
    expect(res.statusCode).toBe(409);
    expect(
      (await json<{ logs: unknown[] }>(h.call('GET', `/api/agent-runs/${runId}`, admin))).logs,
    ).toHaveLength(2000);
  });

  it('T2: another tenant gets 404 on a run the owner reads, logs to and moves', async () => {
    const runId = await freshRun();
    expect((await h.call('GET', `/api/agent-runs/${runId}`, admin)).statusCode).toBe(200);
    expect((await h.call('GET', `/api/agent-runs/${runId}`, other)).statusCode).toBe(404);
    expect(
      (
        await h.call('POST', `/api/agent-runs/${runId}/logs`, {
          ...other,
          body: { lines: [{ message: 'x' }] },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await h.call('POST', `/api/agent-runs/${runId}/status`, { ...other, body: { status: 'Running' } }))
        .statusCode,
    ).toBe(404);
    expect((await h.call('GET', `/api/agent-runs/${runId}/log/stream`, other)).statusCode).toBe(404);
    expect(await json(h.call('GET', `/api/agent-runs/${runId}`, admin))).toMatchObject({
      status: 'Pending',
      logs: [],
    });
  });

  it('streams the lines so far, then new ones, and ends with the run', async () => {
    const runId = await freshRun();
    await json(move(runId, 'Running'));
    await json(log(runId, 'before the stream'));
    const stream = h.call('GET', `/api/agent-runs/${runId}/log/stream`, {
      ...admin,
      headers: { accept: 'text/event-stream' },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await json(log(runId, 'while streaming'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await json(move(runId, 'Passed'));
    const res = await stream;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const events = res.body
      .split('\n\n')
      .filter((block) => block.includes('data:'))
      .map(
        (block): Record<string, string> =>
          Object.fromEntries(
            block.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
          ),
      )
      .map((e) => {
        const data = JSON.parse(e.data ?? 'null') as { message?: string; status?: string };
        return [e.event, e.id ?? null, data.message ?? data.status];
      });
    expect(events).toEqual([
      ['log', '0', 'before the stream'],
      ['log', '1', 'while streaming'],
      ['end', null, 'Passed'],
    ]);
  });

  it('resumes after Last-Event-ID and releases a closed connection’s subscription', async () => {
    const runId = await freshRun();
    await json(log(runId, 'a', 'b', 'c'));
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = h.app.server.address() as AddressInfo;
    const baseline = h.app.runLogs.subscriptions();
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/agent-runs/${runId}/log/stream`,
          headers: {
            'x-tenant-id': 'acme',
            'x-user-id': 'admin',
            accept: 'text/event-stream',
            'last-event-id': '0',
          },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('id: 2')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
      });
    });
    expect(received).not.toContain('"a"');
    expect(received).toContain('"b"');
    expect(received).toContain('"c"');
    const deadline = Date.now() + 2000;
    while (h.app.runLogs.subscriptions() > baseline && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.app.runLogs.subscriptions()).toBe(baseline);
    // The run goes on without the stream.
    expect(await json(log(runId, 'd'))).toMatchObject({
      logs: expect.arrayContaining([expect.objectContaining({ message: 'd' })]),
    });
  });
});

describe('the approvals queue', () => {
  type Item = { kind: string; id: string; title: string; createdAt: string; permission: string } & Record<
    string,
    unknown
  >;
  const queue = async (who: object, query = '') =>
    json<Item[]>(h.call('GET', `/api/admin/approvals${query}`, who));

  it('lists pending workflow approvals, Ready changes, promotions awaiting approval and submitted proposals', async () => {
    const projectId = await freshProject();
    // A pending workflow approval.
    const workflowId = await created('/api/workflow-definitions', { projectId, name: `Q ${++counter}` });
    await created(`/api/workflow-definitions/${workflowId}/steps`, {
      stepType: 'approval',
      config: { approvers: { users: ['admin'] } },
    });
    await json(h.call('POST', `/api/workflow-definitions/${workflowId}/activate`, admin));
    const execution = await created(`/api/workflow-definitions/${workflowId}/execute`, { input: {} });
    const [approval] = await json<{ id: string }[]>(
      h.call('GET', `/api/workflow-approvals?workflowExecutionId=${execution}`, admin),
    );
    // A Ready change.
    const changeId = await created('/api/changes', { projectId, title: 'Ready one' });
    const target = await created(`/api/changes/${changeId}/targets`, {
      type: 'record_type',
      selector: { recordTypeKey: 'ticket' },
    });
    await created(`/api/changes/${changeId}/patch-ops`, {
      targetId: target,
      opType: 'add_field',
      payload: { field: { name: 'queued', type: 'string' } },
    });
    await json(h.call('POST', `/api/changes/${changeId}/checkin`, admin));
    // Two previewed promotions: only the one into an environment that requires approval waits.
    const envs = await json<{ id: string; name: string }[]>(
      h.call('GET', `/api/projects/${projectId}/environments`, admin),
    );
    const env = (name: string) => envs.find((e) => e.name === name)!.id;
    await json(
      h.call('PATCH', `/api/environments/${env('prod')}`, {
        ...admin,
        body: { requiresPromotionApproval: true },
      }),
    );
    const intents: string[] = [];
    for (const to of [env('test'), env('prod')]) {
      const intent = await created('/api/admin/environments/promotions', {
        projectId,
        fromEnvironmentId: env('dev'),
        toEnvironmentId: to,
      });
      await json(h.call('POST', `/api/admin/environments/promotions/${intent}/preview`, admin));
      intents.push(intent);
    }
    // A submitted proposal, and a draft one that does not wait.
    const proposal = await submitted(workflowChange(projectId));
    const draftProposal = await created('/api/agent-proposals', workflowChange(projectId), agent);

    const items = await queue(admin, '?limit=200');
    const ids = items.map((i) => i.id);
    expect(items.find((i) => i.id === approval!.id)).toMatchObject({
      kind: 'workflow_approval',
      permission: 'workflow.approve',
      status: 'pending',
      workflowExecutionId: execution,
      approvers: ['admin'],
      decisions: [],
    });
    expect(items.find((i) => i.id === changeId)).toMatchObject({
      kind: 'change',
      title: 'Ready one',
      status: 'Ready',
      projectId,
      permission: 'change.approve',
    });
    expect(items.find((i) => i.id === intents[1])).toMatchObject({
      kind: 'promotion_intent',
      toEnvironmentId: env('prod'),
      permission: 'environment.promote',
    });
    expect(ids).not.toContain(intents[0]);
    expect(items.find((i) => i.id === proposal)).toMatchObject({
      kind: 'agent_proposal',
      proposalType: 'workflow_change',
      title: 'Add a priority field',
      agentId: 'builder',
      submittedBy: 'admin',
    });
    expect(ids).not.toContain(draftProposal);
    const times = items.map((i) => i.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    for (const limit of [1, 2, 3]) {
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await h.call(
          'GET',
          `/api/admin/approvals?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          admin,
        );
        expect(res.statusCode).toBe(200);
        const page = res.json() as Item[];
        expect(page.length).toBeLessThanOrEqual(limit);
        walked.push(...page.map((i) => i.id));
        cursor = res.headers['x-next-cursor'] as string | undefined;
      } while (cursor);
      expect(walked, `limit ${limit}`).toEqual(ids);
    }
    expect((await h.call('GET', '/api/admin/approvals?cursor=not-a-cursor', admin)).statusCode).toBe(400);
    // Another tenant's queue holds none of them.
    const theirs = (await queue(other, '?limit=200')).map((i) => i.id);
    for (const id of [approval!.id, changeId, intents[1], proposal]) expect(theirs).not.toContain(id);
  });
});

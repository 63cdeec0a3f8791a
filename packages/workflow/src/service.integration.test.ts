import { changeEngineMigrations, createChangeService } from '@ec3l/change-engine';
import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, DomainError, type RequestContext } from '@ec3l/kernel';
import { recordsMigrations } from '@ec3l/records';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { type Kysely, sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowRecordsPort } from './engine.js';
import { workflowMigrations } from './migrations/index.js';
import type { AddStepBody } from './schemas.js';
import { createWorkflowService } from './service.js';

/** The owner handle's tables: every package's, so one transaction serves both services. */
type OwnerTables = TestDatabase['ownerDb'] extends Kysely<infer Tables> ? Tables : never;

let database: TestDatabase;
let workflows: ReturnType<typeof createWorkflowService>;
let acme: RequestContext;
let globex: RequestContext;
let project: string;
let n = 0;
const now = new Date('2026-06-01T09:00:00Z');
const clock = { now: () => now };
const events = createEventBus();
const emitted: string[] = [];
events.subscribe('*', (_ctx, e) => {
  emitted.push(e.type);
});

// A records port over an in-memory map: record steps are exercised against the port's contract.
const recordData = new Map<string, Record<string, unknown>>();
const locks = new Map<string, string>();
const port = (): WorkflowRecordsPort => ({
  getRecord: async (id) => (recordData.has(id) ? { data: recordData.get(id)! } : null),
  updateRecord: async (id, data) => {
    if (!recordData.has(id)) throw new DomainError('NOT_FOUND', 'no record');
    recordData.set(id, { ...recordData.get(id), ...data });
  },
  assignRecord: async (id, target) => {
    if (!recordData.has(id)) throw new DomainError('NOT_FOUND', 'no record');
    recordData.set(id, { ...recordData.get(id), ...target });
  },
  lockRecord: async (id, options) => {
    locks.set(id, options.workflowExecutionId);
  },
  releaseLocksOf: async (executionId) => {
    for (const [id, holder] of locks) if (holder === executionId) locks.delete(id);
  },
});

const as = (ctx: RequestContext, userId: string): RequestContext => ({ ...ctx, userId });

beforeAll(async () => {
  database = await createTestDatabase([
    tenancyMigrations,
    recordsMigrations,
    changeEngineMigrations,
    workflowMigrations,
  ]);
  const db = database.ownerDb;
  const tenancy = createTenancyService({ db, events: createEventBus() });
  const changes = createChangeService({
    db,
    events,
    requireProject: tenancy.requireProject,
    projectParts: async () => ({ moduleIds: [], environmentIds: [] }),
  });
  workflows = createWorkflowService({
    db,
    events,
    clock,
    requireProject: tenancy.requireProject,
    createLinkedChange: (trx: Transaction<OwnerTables>, ctx, input) =>
      changes.createLinkedChange(trx, ctx, input),
    records: () => port(),
    roleHolders: async (_ctx, role) => (role === 'Approvers' ? ['rita', 'sam'] : []),
  });
  for (const slug of ['acme', 'globex']) await tenancy.ensureTenant({ slug });
  const a = (await tenancy.resolveTenant('acme'))!;
  const g = (await tenancy.resolveTenant('globex'))!;
  acme = { tenantId: a.id, tenantSlug: 'acme', userId: 'alice', agentId: null };
  globex = { tenantId: g.id, tenantSlug: 'globex', userId: 'gus', agentId: null };
  project = (await tenancy.createProject(acme, { name: 'Workflows' })).id;
});
afterAll(() => database.destroy());

const definition = async (steps: AddStepBody[], activate = true) => {
  const def = await workflows.createDefinition(acme, { projectId: project, name: `Flow ${++n}` });
  for (const step of steps) await workflows.addStep(acme, def.id, step);
  if (activate) await workflows.setLifecycle(acme, def.id, 'activate');
  return def;
};

const approval = (config: Record<string, unknown>): AddStepBody =>
  ({
    stepType: 'approval',
    config: { approvers: { users: ['ann', 'bob', 'cid'] }, ...config },
  }) as AddStepBody;
const note = (template: string): AddStepBody => ({
  stepType: 'notification',
  config: { channel: 'email', template },
});

const pendingApprovalOf = async (executionId: string) => {
  const page = await workflows.listApprovals(
    acme,
    { workflowExecutionId: executionId, status: 'pending' },
    { limit: 10 },
  );
  expect(page.items).toHaveLength(1);
  return page.items[0]!;
};

describe('definitions', () => {
  it('creates a draft definition with its linked Draft change and workflow target, in one transaction', async () => {
    const def = await workflows.createDefinition(acme, { projectId: project, name: 'Linked' });
    expect(def).toMatchObject({ status: 'draft', triggerType: 'manual', projectId: project });
    const change = await database.ownerDb
      .selectFrom('change_records')
      .selectAll()
      .where('id', '=', def.changeId)
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ status: 'Draft', project_id: project });
    const targets = await database.ownerDb
      .selectFrom('change_targets')
      .selectAll()
      .where('change_id', '=', def.changeId)
      .execute();
    expect(targets.map((t) => [t.type, t.selector])).toEqual([
      ['workflow', { workflowDefinitionId: def.id }],
    ]);
  });

  it('refuses a second definition of the same name in the project (409) and leaves no second change behind', async () => {
    const before = await database.ownerDb.selectFrom('change_records').select('id').execute();
    await workflows.createDefinition(acme, { projectId: project, name: 'Twice' });
    await expect(
      workflows.createDefinition(acme, { projectId: project, name: 'Twice' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const after = await database.ownerDb.selectFrom('change_records').select('id').execute();
    expect(after.length).toBe(before.length + 1);
  });

  it('inserts steps at an index, moving later steps down, and appends without one', async () => {
    const def = await definition([note('a'), note('c')], false);
    await workflows.addStep(acme, def.id, { ...note('b'), orderIndex: 1 });
    await workflows.addStep(acme, def.id, { ...note('first'), orderIndex: 0 });
    const steps = await workflows.listSteps(acme, def.id);
    expect(steps.map((s) => [s.orderIndex, (s.config as { template: string }).template])).toEqual([
      [0, 'first'],
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('moves draft → active → retired; steps only while draft; each wrong move is a 409', async () => {
    const def = await definition([note('x')], false);
    await expect(workflows.setLifecycle(acme, def.id, 'activate')).resolves.toMatchObject({
      status: 'active',
    });
    await expect(workflows.addStep(acme, def.id, note('late'))).rejects.toMatchObject({
      code: 'WORKFLOW_STATE_CONFLICT',
    });
    await expect(workflows.setLifecycle(acme, def.id, 'activate')).rejects.toMatchObject({
      code: 'WORKFLOW_STATE_CONFLICT',
    });
    await expect(workflows.setLifecycle(acme, def.id, 'retire')).resolves.toMatchObject({
      status: 'retired',
    });
    await expect(workflows.setLifecycle(acme, def.id, 'retire')).rejects.toMatchObject({
      code: 'WORKFLOW_STATE_CONFLICT',
    });
    await expect(workflows.execute(acme, def.id, {})).rejects.toMatchObject({
      code: 'WORKFLOW_STATE_CONFLICT',
    });
    expect((await workflows.listSteps(acme, def.id)).length).toBe(1);
  });

  it('refuses activation with every problem listed', async () => {
    const empty = await definition([], false);
    await expect(workflows.setLifecycle(acme, empty.id, 'activate')).rejects.toMatchObject({
      code: 'WORKFLOW_DEFINITION_INVALID',
      details: { problems: [{ stepIndex: null, message: 'a definition needs at least one step' }] },
    });
    const bad = await definition(
      [
        {
          stepType: 'decision',
          config: {
            condition: { field: 'input.x', op: 'in', value: 1 },
            onTrueStepIndex: 7,
            onFalseStepIndex: 0,
          },
        },
        approval({ deadlineMinutes: 5 }),
      ],
      false,
    );
    const refusal = workflows.setLifecycle(acme, bad.id, 'activate');
    await expect(refusal).rejects.toMatchObject({ code: 'WORKFLOW_DEFINITION_INVALID' });
    const problems = (
      (await refusal.catch((e: { details: { problems: unknown[] } }) => e)) as {
        details: { problems: { stepIndex: number }[] };
      }
    ).details.problems;
    expect(problems.map((p) => p.stepIndex)).toEqual([0, 0, 0, 1]);
    expect((await workflows.getDefinition(acme, bad.id)).status).toBe('draft');
  });

  it('T2: another tenant sees none of it (404)', async () => {
    const def = await definition([note('x')]);
    await expect(workflows.getDefinition(globex, def.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workflows.execute(globex, def.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(workflows.getDefinition(acme, def.id)).resolves.toMatchObject({ id: def.id });
  });
});

describe('execution', () => {
  it('runs steps in order, renders and stores notifications, and completes', async () => {
    const recordId = crypto.randomUUID();
    recordData.set(recordId, { title: 'Printer', priority: 'high' });
    const def = await definition([
      note('{{record.title}} is {{record.priority}} for {{input.who}}'),
      note('done'),
    ]);
    const execution = await workflows.execute(acme, def.id, { input: { who: 'ops' }, recordId });
    expect(execution).toMatchObject({ status: 'completed', currentStepIndex: null, error: null });
    const steps = await workflows.listStepExecutions(acme, execution.id);
    expect(steps.map((s) => [s.stepIndex, s.status])).toEqual([
      [0, 'completed'],
      [1, 'completed'],
    ]);
    expect(steps[0]!.output).toMatchObject({ channel: 'email', message: 'Printer is high for ops' });
    expect(emitted).toContain('workflow.notification_sent');
  });

  it('decisions branch on input and record, and the step budget stops a loop', async () => {
    const def = await definition([
      {
        stepType: 'decision',
        config: { condition: { field: 'input.amount', op: 'gt', value: 100 }, onTrueStepIndex: 2 },
      },
      note('small'),
      note('large'),
    ]);
    const large = await workflows.execute(acme, def.id, { input: { amount: 500 } });
    expect((await workflows.listStepExecutions(acme, large.id)).map((s) => s.stepIndex)).toEqual([0, 2]);
    const small = await workflows.execute(acme, def.id, { input: { amount: 5 } });
    expect((await workflows.listStepExecutions(acme, small.id)).map((s) => s.stepIndex)).toEqual([0, 1, 2]);

    const loop = await definition([
      note('tick'),
      {
        stepType: 'decision',
        config: { condition: { field: 'input.stop', op: 'exists' }, onFalseStepIndex: 0 },
      },
    ]);
    const looped = await workflows.execute(acme, loop.id, {});
    expect(looped.status).toBe('failed');
    expect(looped.error).toMatch(/step budget of 20 runs/);
    expect((await workflows.listStepExecutions(acme, looped.id)).length).toBe(20);
  });

  it('record steps go through the records port; a failing step rolls back its own writes and fails the execution', async () => {
    const recordId = crypto.randomUUID();
    recordData.set(recordId, { state: 'new' });
    const def = await definition([
      { stepType: 'record_lock', config: { reason: 'review' } },
      { stepType: 'assignment', config: { strategy: 'group', group: 'support' } },
      { stepType: 'record_mutation', config: { updates: { state: 'triaged' } } },
    ]);
    const ok = await workflows.execute(acme, def.id, { recordId });
    expect(ok.status).toBe('completed');
    expect(recordData.get(recordId)).toMatchObject({ state: 'triaged', assignedGroup: 'support' });
    expect(locks.has(recordId)).toBe(false);

    const missing = await workflows.execute(acme, def.id, { recordId: crypto.randomUUID() });
    expect(missing).toMatchObject({ status: 'failed' });
    expect(missing.error).toMatch(/step 1 \(assignment\): no record/);
    const none = await workflows.execute(acme, def.id, {});
    expect(none.error).toMatch(/record_lock needs a record id/);
  });
});

describe('approvals', () => {
  const run = async (config: Record<string, unknown>) => {
    const def = await definition([approval(config), note('after')]);
    const execution = await workflows.execute(acme, def.id, {});
    expect(execution).toMatchObject({ status: 'paused', currentStepIndex: 0 });
    return { execution, pending: await pendingApprovalOf(execution.id) };
  };

  const matrix: [
    string,
    Record<string, unknown>,
    [string, 'approve' | 'reject'][],
    'approved' | 'rejected' | 'pending',
  ][] = [
    ['any: one approval settles', { rule: { type: 'any' } }, [['ann', 'approve']], 'approved'],
    [
      'any: rejected once every approver rejected',
      { rule: { type: 'any' } },
      [
        ['ann', 'reject'],
        ['bob', 'reject'],
        ['cid', 'reject'],
      ],
      'rejected',
    ],
    [
      'any: two rejections leave it pending',
      { rule: { type: 'any' } },
      [
        ['ann', 'reject'],
        ['bob', 'reject'],
      ],
      'pending',
    ],
    ['all: one rejection settles early', { rule: { type: 'all' } }, [['bob', 'reject']], 'rejected'],
    [
      'all: pending until everyone approved',
      { rule: { type: 'all' } },
      [
        ['ann', 'approve'],
        ['bob', 'approve'],
      ],
      'pending',
    ],
    [
      'all: approved by everyone',
      { rule: { type: 'all' } },
      [
        ['ann', 'approve'],
        ['bob', 'approve'],
        ['cid', 'approve'],
      ],
      'approved',
    ],
    [
      'n_of_m 2: two approvals',
      { rule: { type: 'n_of_m', n: 2 } },
      [
        ['ann', 'approve'],
        ['cid', 'approve'],
      ],
      'approved',
    ],
    [
      'n_of_m 2: two rejections settle early',
      { rule: { type: 'n_of_m', n: 2 } },
      [
        ['ann', 'reject'],
        ['cid', 'reject'],
      ],
      'rejected',
    ],
    [
      'percentage 50: two of three needed',
      { rule: { type: 'percentage', percent: 50 } },
      [['ann', 'approve']],
      'pending',
    ],
    [
      'percentage 50: two approvals',
      { rule: { type: 'percentage', percent: 50 } },
      [
        ['ann', 'approve'],
        ['bob', 'approve'],
      ],
      'approved',
    ],
  ];
  for (const [name, config, decisions, expected] of matrix) {
    it(`rules matrix — ${name}`, async () => {
      const { execution, pending } = await run(config);
      for (const [who, decision] of decisions)
        await workflows.decide(as(acme, who), pending.id, { decision });
      const after = await workflows.getApproval(acme, pending.id);
      expect(after.status).toBe(expected);
      const exec = await workflows.getExecution(acme, execution.id);
      expect(exec.status).toBe(
        expected === 'approved' ? 'completed' : expected === 'rejected' ? 'failed' : 'paused',
      );
      const undecided = ['ann', 'bob', 'cid'].find((who) => !decisions.some(([d]) => d === who));
      if (expected !== 'pending' && undecided) {
        await expect(
          workflows.decide(as(acme, undecided), pending.id, { decision: 'approve' }),
        ).rejects.toMatchObject({
          code: 'APPROVAL_CLOSED',
        });
      }
    });
  }

  it('a role nobody holds hands the approval to its escalation at once: reassign asks its approvers, auto decisions settle', async () => {
    const reassigned = await run({
      approvers: { role: 'Nobody' },
      deadlineMinutes: 60,
      escalation: { action: 'reassign', approvers: { role: 'Approvers' } },
    });
    expect(reassigned.pending).toMatchObject({ approvers: ['rita', 'sam'], deadlineAt: null });
    expect(reassigned.pending.escalatedAt).not.toBeNull();

    const approving = await definition([
      approval({
        approvers: { role: 'Nobody' },
        deadlineMinutes: 60,
        escalation: { action: 'auto_approve' },
      }),
      note('after'),
    ]);
    await expect(workflows.execute(acme, approving.id, {})).resolves.toMatchObject({ status: 'completed' });

    const rejecting = await definition([
      approval({ approvers: { role: 'Nobody' }, deadlineMinutes: 60, escalation: { action: 'auto_reject' } }),
      note('after'),
    ]);
    const failed = await workflows.execute(acme, rejecting.id, {});
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.error).toMatch(/no approvers and its escalation rejects/);

    // Without an escalation a role nobody holds still fails the step, saying why.
    const stuck = await definition([approval({ approvers: { role: 'Nobody' } }), note('after')]);
    const none = await workflows.execute(acme, stuck.id, {});
    expect(none.error).toMatch(/no approvers/);
  });

  it('approvers named by role are its holders; outsiders are refused', async () => {
    const { pending } = await run({ approvers: { role: 'Approvers' } });
    expect(pending.approvers).toEqual(['rita', 'sam']);
    await expect(
      workflows.decide(as(acme, 'ann'), pending.id, { decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'NOT_AN_APPROVER' });
    await expect(
      workflows.decide(as(acme, 'rita'), pending.id, { decision: 'approve' }),
    ).resolves.toMatchObject({ status: 'approved' });
  });

  it('a decision is made once: the same again answers it, the other one is refused', async () => {
    const { pending } = await run({ rule: { type: 'all' } });
    await workflows.decide(as(acme, 'ann'), pending.id, { decision: 'approve' });
    await expect(
      workflows.decide(as(acme, 'ann'), pending.id, { decision: 'approve' }),
    ).resolves.toMatchObject({
      decisions: [{ approverId: 'ann', decision: 'approve' }],
    });
    await expect(workflows.decide(as(acme, 'ann'), pending.id, { decision: 'reject' })).rejects.toMatchObject(
      {
        code: 'APPROVAL_ALREADY_DECIDED',
      },
    );
  });

  it('auto-approve records the step and goes on without asking anyone', async () => {
    const def = await definition([approval({ autoApprove: true }), note('after')]);
    const execution = await workflows.execute(acme, def.id, {});
    expect(execution.status).toBe('completed');
    expect(
      (await workflows.listApprovals(acme, { workflowExecutionId: execution.id }, { limit: 5 })).items,
    ).toEqual([]);
  });

  it('the queue: mine=true lists the approvals the caller is asked, pending first by time', async () => {
    const { pending } = await run({});
    const queue = await workflows.listApprovals(
      as(acme, 'bob'),
      { mine: true, status: 'pending' },
      { limit: 200 },
    );
    expect(queue.items.map((a) => a.id)).toContain(pending.id);
    const other = await workflows.listApprovals(as(acme, 'zed'), { mine: true }, { limit: 200 });
    expect(other.items).toEqual([]);
  });

  it('resume overrides the pending approval: closed as resumed by the caller, then the execution goes on', async () => {
    const { execution, pending } = await run({ rule: { type: 'all' } });
    const resumed = await workflows.resume(as(acme, 'boss'), execution.id, {
      outcome: 'approved',
      comment: 'the approvers are on leave; signed off by phone',
    });
    expect(resumed.status).toBe('completed');
    await expect(workflows.getApproval(acme, pending.id)).resolves.toMatchObject({
      status: 'approved',
      closedReason: 'resumed',
      closedBy: 'boss',
      closedComment: 'the approvers are on leave; signed off by phone',
    });
    await expect(workflows.resume(acme, execution.id, { outcome: 'approved' })).rejects.toMatchObject({
      code: 'EXECUTION_NOT_PAUSED',
    });

    const second = await run({});
    const rejected = await workflows.resume(acme, second.execution.id, { outcome: 'rejected' });
    expect(rejected).toMatchObject({ status: 'failed', error: 'the approval of step 0 was rejected' });
    await expect(workflows.getApproval(acme, second.pending.id)).resolves.toMatchObject({
      closedReason: 'resumed',
      closedComment: null,
    });
  });

  it('no orphaned approvals: when an execution ends every approval of it is closed', async () => {
    const { execution } = await run({});
    await workflows.resume(acme, execution.id, { outcome: 'rejected' });
    const open = await database.ownerDb
      .selectFrom('workflow_approvals')
      .select(['id', 'status'])
      .where('workflow_execution_id', '=', execution.id)
      .execute();
    expect(open.length).toBe(1);
    expect(open.every((a) => a.status !== 'pending')).toBe(true);
    const ended = await database.ownerDb
      .selectFrom('workflow_approvals as a')
      .innerJoin('workflow_executions as e', (j) =>
        j.onRef('e.id', '=', 'a.workflow_execution_id').onRef('e.tenant_id', '=', 'a.tenant_id'),
      )
      .select('a.id')
      .where('a.status', '=', 'pending')
      .where('e.status', 'in', ['completed', 'failed'])
      .execute();
    expect(ended).toEqual([]);
  });
});

describe('deadlines', () => {
  const paused = async (escalation: Record<string, unknown>) => {
    const def = await definition([approval({ deadlineMinutes: 30, escalation }), note('after')]);
    const execution = await workflows.execute(acme, def.id, {});
    return { execution, pending: await pendingApprovalOf(execution.id) };
  };

  it('escalates only once the deadline passed: auto_approve completes, auto_reject fails, reassign asks others', async () => {
    const approve = await paused({ action: 'auto_approve' });
    const reject = await paused({ action: 'auto_reject' });
    const reassign = await paused({ action: 'reassign', approvers: { users: ['dora'] } });
    await workflows.decide(as(acme, 'ann'), reassign.pending.id, { decision: 'reject' });
    const { processApprovalDeadlines } = workflows.engine;
    await expect(
      processApprovalDeadlines({ now: new Date(now.getTime() + 29 * 60_000), tenantId: acme.tenantId }),
    ).resolves.toEqual({ escalated: 0 });
    const later = new Date(now.getTime() + 31 * 60_000);
    const first = await processApprovalDeadlines({ now: later, tenantId: acme.tenantId });
    expect(first.escalated).toBeGreaterThanOrEqual(3);
    await expect(processApprovalDeadlines({ now: later, tenantId: acme.tenantId })).resolves.toEqual({
      escalated: 0,
    });
    expect((await workflows.getExecution(acme, approve.execution.id)).status).toBe('completed');
    expect((await workflows.getExecution(acme, reject.execution.id)).status).toBe('failed');
    const moved = await workflows.getApproval(acme, reassign.pending.id);
    expect(moved).toMatchObject({ status: 'pending', approvers: ['ann', 'dora'], deadlineAt: null });
    expect(moved.escalatedAt).not.toBeNull();
    await expect(
      workflows.decide(as(acme, 'dora'), reassign.pending.id, { decision: 'approve' }),
    ).resolves.toMatchObject({ status: 'approved' });
  });
});

describe('concurrency (many requests in flight)', () => {
  // The pool opens connections on demand, slower than a decision runs: open all of them first, so the
  // requests below overlap instead of queueing for connections.
  const warmPool = () =>
    Promise.all(Array.from({ length: 5 }, () => sql`select pg_sleep(0.05)`.execute(database.ownerDb)));
  it('20 steps added at once to one draft all land, at distinct positions 0…19', async () => {
    const def = await definition([], false);
    await warmPool();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        workflows.addStep(acme, def.id, { ...note(`s${i}`), orderIndex: 0 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(20);
    const rows = await database.ownerDb
      .selectFrom('workflow_steps')
      .select('order_index')
      .where('workflow_definition_id', '=', def.id)
      .orderBy('order_index')
      .execute();
    expect(rows.map((r) => r.order_index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('20 activations at once: one wins, the others are 409, and steps added meanwhile are refused or land before', async () => {
    const def = await definition([note('x')], false);
    await warmPool();
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => workflows.setLifecycle(acme, def.id, 'activate')),
      ...Array.from({ length: 10 }, () => workflows.addStep(acme, def.id, note('racing'))),
    ]);
    const activations = results.slice(0, 10);
    expect(activations.filter((r) => r.status === 'fulfilled').length).toBe(1);
    expect(
      activations.every(
        (r) => r.status === 'fulfilled' || (r.reason as { code: string }).code === 'WORKFLOW_STATE_CONFLICT',
      ),
    ).toBe(true);
    const added = results.slice(10).filter((r) => r.status === 'fulfilled').length;
    const rows = await database.ownerDb
      .selectFrom('workflow_steps')
      .select('id')
      .where('workflow_definition_id', '=', def.id)
      .execute();
    expect(rows.length).toBe(1 + added);
    const stored = await database.ownerDb
      .selectFrom('workflow_definitions')
      .select('status')
      .where('id', '=', def.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('active');
  });

  it('50 concurrent decisions by one approver record one decision', async () => {
    const def = await definition([approval({ rule: { type: 'all' } }), note('after')]);
    const execution = await workflows.execute(acme, def.id, {});
    const pending = await pendingApprovalOf(execution.id);
    await warmPool();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        workflows.decide(as(acme, 'ann'), pending.id, { decision: 'approve' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(50);
    const rows = await database.ownerDb
      .selectFrom('workflow_approval_decisions')
      .select('id')
      .where('approval_id', '=', pending.id)
      .execute();
    expect(rows.length).toBe(1);
  });

  it('20 approvers racing on an "any" rule settle it once: one decision, one outcome, the execution continued once', async () => {
    const approvers = Array.from({ length: 20 }, (_, i) => `racer${i}`);
    for (let trial = 0; trial < 3; trial++) {
      const def = await definition([
        { stepType: 'approval', config: { approvers: { users: approvers }, rule: { type: 'any' } } },
        note('after'),
      ]);
      const execution = await workflows.execute(acme, def.id, {});
      const pending = await pendingApprovalOf(execution.id);
      await warmPool();
      const results = await Promise.allSettled(
        approvers.map((who) => workflows.decide(as(acme, who), pending.id, { decision: 'approve' })),
      );
      expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
      const refused = results.flatMap((r) =>
        r.status === 'rejected' ? [(r.reason as { code: string }).code] : [],
      );
      expect(refused).toEqual(Array.from({ length: 19 }, () => 'APPROVAL_CLOSED'));
      const decisions = await database.ownerDb
        .selectFrom('workflow_approval_decisions')
        .select('id')
        .where('approval_id', '=', pending.id)
        .execute();
      expect(decisions.length).toBe(1);
      const steps = await database.ownerDb
        .selectFrom('workflow_step_executions')
        .select('step_index')
        .where('workflow_execution_id', '=', execution.id)
        .orderBy('sequence')
        .execute();
      expect(steps.map((s) => s.step_index)).toEqual([0, 1]);
      expect((await workflows.getExecution(acme, execution.id)).status).toBe('completed');
    }
  });
});

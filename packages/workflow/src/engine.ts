import { inTransaction, isUniqueViolation } from '@ec3l/db';
import {
  actorOf,
  type Clock,
  DomainError,
  type DomainEvent,
  type EventBus,
  isDomainError,
  isUuid,
  newId,
  notFound,
  type RequestContext,
  systemClock,
  systemContext,
} from '@ec3l/kernel';
import { type Kysely, sql, type Transaction } from 'kysely';
import { settle } from './core/approval.js';
import { type ConditionScope, evaluateCondition } from './core/condition.js';
import {
  firstTransition,
  nextTransition,
  type StepOutcome,
  stepBudgetFor,
  type Transition,
} from './core/engine.js';
import { renderTemplate } from './core/template.js';
import { WorkflowErrorCodes } from './errors.js';
import { toApproval, toExecution } from './mappers.js';
import { forTenant, workflowLocks } from './repo/scoped.js';
import type { Approval, ApprovalRule, Escalation, StepConfigs, WorkflowExecution } from './schemas.js';
import type { ApprovalRow, ExecutionRow, StepRow, WorkflowTables } from './tables.js';

/**
 * What workflow steps read and write of record instances and their locks, inside the execution's
 * transaction. The gateway wires it to the records package; without it, record steps fail.
 */
export type WorkflowRecordsPort = {
  /** The record's data, or null when the tenant has no such record. */
  getRecord(recordId: string): Promise<{ data: Record<string, unknown> } | null>;
  /** Updates fields with the same validation as PATCH /api/record-instances/{recordId}. */
  updateRecord(
    recordId: string,
    data: Record<string, unknown>,
    options: { workflowExecutionId: string },
  ): Promise<unknown>;
  /** Assigns the record to a user or a group. */
  assignRecord(
    recordId: string,
    target: { assignedTo?: string; assignedGroup?: string },
    options: { workflowExecutionId: string },
  ): Promise<unknown>;
  /** Assigns the record by its record type's assignment configuration. */
  assignRecordByRule?(recordId: string, options: { workflowExecutionId: string }): Promise<unknown>;
  /** Locks the record for this execution (409 when another holds it). */
  lockRecord(
    recordId: string,
    options: { workflowExecutionId: string; lockedBy: string; reason: string | null },
  ): Promise<unknown>;
  /** Releases every lock the execution holds. */
  releaseLocksOf(workflowExecutionId: string): Promise<unknown>;
};

export type WorkflowEngineDeps = {
  db: Kysely<WorkflowTables>;
  events: EventBus;
  clock?: Clock;
  /** The records port on the execution's transaction; record steps fail without it. */
  records?: (trx: Transaction<WorkflowTables>, ctx: RequestContext) => WorkflowRecordsPort;
  /** The users holding an active role of this name (approvers named by role). */
  roleHolders?: (ctx: RequestContext, role: string) => Promise<string[]>;
};

type Trx = Transaction<WorkflowTables>;

type StartInput = {
  workflowDefinitionId: string;
  input?: Record<string, unknown>;
  intentId?: string | null;
  recordId?: string | null;
};

const stepFailure = (message: string) => new DomainError(WorkflowErrorCodes.STEP_FAILED, message);

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** How approvals that settle are closed, and why. */
type Closing = { reason: 'decided' | 'resumed' | 'deadline'; by: string | null; comment?: string | null };

/**
 * The workflow engine: starts executions and runs their steps inside the caller's transaction until
 * they complete, fail, or pause on an approval; takes approval decisions and resumes; escalates
 * approvals past their deadlines.
 */
export const createWorkflowEngine = ({
  db,
  events,
  clock = systemClock,
  records,
  roleHolders,
}: WorkflowEngineDeps) => {
  const emit = (ctx: RequestContext, event: DomainEvent) => events.emit(ctx, event);

  const recordsOf = (trx: Trx, ctx: RequestContext): WorkflowRecordsPort => {
    if (!records) throw stepFailure('record steps need the records runtime, which this deployment lacks');
    return records(trx, ctx);
  };

  const needRecord = (execution: ExecutionRow): string => {
    if (!execution.record_id) throw stepFailure('this step acts on a record, and the execution has none');
    return execution.record_id;
  };

  const scopeOf = async (
    trx: Trx,
    ctx: RequestContext,
    execution: ExecutionRow,
    input: Record<string, unknown>,
  ): Promise<ConditionScope> => {
    if (!execution.record_id || !records) return { input, record: {} };
    const record = await records(trx, ctx).getRecord(execution.record_id);
    return { input, record: record?.data ?? {} };
  };

  const resolveApprovers = async (ctx: RequestContext, approvers: { users: string[] } | { role: string }) => {
    if ('users' in approvers) return [...new Set(approvers.users)];
    if (!roleHolders) throw stepFailure('approvers named by role need the access-control runtime');
    return [...new Set(await roleHolders(ctx, approvers.role))].sort();
  };

  /** Runs one step; its effects happen in the caller's transaction. */
  const runStep = async (
    trx: Trx,
    ctx: RequestContext,
    execution: ExecutionRow,
    step: StepRow,
    index: number,
    stepExecutionId: string,
    input: Record<string, unknown>,
  ): Promise<{ outcome: StepOutcome; output: Record<string, unknown> }> => {
    const options = { workflowExecutionId: execution.id };
    switch (step.step_type) {
      case 'assignment': {
        const config = step.config as StepConfigs['assignment'];
        const recordId = needRecord(execution);
        const port = recordsOf(trx, ctx);
        if (config.strategy === 'rule') {
          if (!port.assignRecordByRule) throw stepFailure('assignment by rule is not available');
          await port.assignRecordByRule(recordId, options);
          return { outcome: { kind: 'done' }, output: { strategy: 'rule' } };
        }
        const target =
          config.strategy === 'user' ? { assignedTo: config.userId } : { assignedGroup: config.group };
        await port.assignRecord(recordId, target, options);
        return { outcome: { kind: 'done' }, output: { strategy: config.strategy, ...target } };
      }
      case 'approval': {
        const config = step.config as StepConfigs['approval'];
        if (config.autoApprove)
          return { outcome: { kind: 'done' }, output: { outcome: 'approved', auto: true } };
        let approvers = await resolveApprovers(ctx, config.approvers);
        // Nobody holds the approvers' role: the escalation decides at once, as it would at the deadline
        // (a tenant that has not staffed a role yet still gets its approvals to someone).
        let escalatedNow = false;
        if (approvers.length === 0 && config.escalation) {
          const escalation = config.escalation;
          if (escalation.action === 'auto_approve')
            return {
              outcome: { kind: 'done' },
              output: { outcome: 'approved', auto: true, reason: 'no approvers: approved by its escalation' },
            };
          if (escalation.action === 'auto_reject')
            throw stepFailure('the approval has no approvers and its escalation rejects');
          approvers = await resolveApprovers(ctx, escalation.approvers);
          escalatedNow = true;
        }
        if (approvers.length === 0)
          throw stepFailure('the approval has no approvers (the role has no active holders)');
        const now = clock.now();
        const approval = await forTenant(trx, ctx.tenantId).insertApproval({
          id: newId(),
          workflow_execution_id: execution.id,
          workflow_definition_id: execution.workflow_definition_id,
          step_execution_id: stepExecutionId,
          workflow_step_id: step.id,
          status: 'pending',
          rule: JSON.stringify(config.rule ?? { type: 'any' }),
          deadline_at:
            config.deadlineMinutes && !escalatedNow
              ? new Date(now.getTime() + config.deadlineMinutes * 60_000)
              : null,
          escalation: config.escalation ? JSON.stringify(config.escalation) : null,
          escalated_at: escalatedNow ? now : null,
          closed_reason: null,
          closed_by: null,
          closed_at: null,
          created_at: now,
        });
        await forTenant(trx, ctx.tenantId).addApprovers(approval.id, approvers, now);
        return { outcome: { kind: 'waiting' }, output: { approvalId: approval.id, approvers } };
      }
      case 'notification': {
        const config = step.config as StepConfigs['notification'];
        const message = renderTemplate(config.template, await scopeOf(trx, ctx, execution, input));
        const output = { channel: config.channel, recipients: config.recipients ?? [], message };
        emit(ctx, {
          type: 'workflow.notification_sent',
          status: 'sent',
          entityId: execution.id,
          workflowId: execution.workflow_definition_id,
          workflowStepId: step.id,
          affectedRecords: output,
        });
        return { outcome: { kind: 'done' }, output };
      }
      case 'decision': {
        const config = step.config as StepConfigs['decision'];
        const result = evaluateCondition(config.condition, await scopeOf(trx, ctx, execution, input));
        const target = result ? config.onTrueStepIndex : config.onFalseStepIndex;
        return {
          outcome: target === undefined ? { kind: 'done' } : { kind: 'jump', to: target },
          output: { result, nextStepIndex: target ?? index + 1 },
        };
      }
      case 'record_mutation': {
        const config = step.config as StepConfigs['record_mutation'];
        await recordsOf(trx, ctx).updateRecord(needRecord(execution), config.updates, options);
        return { outcome: { kind: 'done' }, output: { updated: Object.keys(config.updates) } };
      }
      case 'record_lock': {
        const config = step.config as StepConfigs['record_lock'];
        const raw = config.recordIdField
          ? input[config.recordIdField]
          : (execution.record_id ?? input.recordId);
        if (typeof raw !== 'string' || !isUuid(raw))
          throw stepFailure(
            `record_lock needs a record id in ${config.recordIdField ? `input.${config.recordIdField}` : 'the execution or input.recordId'}`,
          );
        await recordsOf(trx, ctx).lockRecord(raw, {
          ...options,
          lockedBy: actorOf(ctx).actorId ?? 'workflow',
          reason: config.reason ?? null,
        });
        return { outcome: { kind: 'done' }, output: { recordId: raw } };
      }
    }
  };

  /** Closes every pending approval of the execution (its step ended without them). */
  const cancelPendingApprovals = async (trx: Trx, ctx: RequestContext, executionId: string) => {
    const repo = forTenant(trx, ctx.tenantId);
    for (const approval of await workflowLocks(trx, ctx.tenantId).lockPendingApprovalsOf(executionId))
      await repo.closeApproval(approval.id, {
        status: 'cancelled',
        reason: 'execution_ended',
        by: null,
        now: clock.now(),
      });
  };

  /** Runs steps from `transition` until the execution pauses, completes or fails, and records where it stopped. */
  const drive = async (
    trx: Trx,
    ctx: RequestContext,
    start: ExecutionRow,
    steps: StepRow[],
    first: Transition,
  ): Promise<ExecutionRow> => {
    const repo = forTenant(trx, ctx.tenantId);
    const budget = stepBudgetFor(steps.length);
    let execution = start;
    let input = { ...execution.accumulated_input };
    let sequence = (await repo.listStepExecutions(execution.id)).length;
    let transition = first;
    while (transition.type === 'run') {
      const index = transition.index;
      const step = steps[index]!;
      const stepExecution = await repo.insertStepExecution({
        id: newId(),
        workflow_execution_id: execution.id,
        workflow_step_id: step.id,
        step_index: index,
        sequence: sequence++,
        status: 'pending',
        output: null,
        error: null,
        started_at: clock.now(),
        executed_at: null,
      });
      await repo.updateExecution(execution.id, { current_step_index: index });
      let result: { outcome: StepOutcome; output: Record<string, unknown> | null };
      // Each step is all-or-nothing: a step that fails leaves none of its writes behind.
      await sql`savepoint workflow_step`.execute(trx);
      try {
        result = await runStep(trx, ctx, execution, step, index, stepExecution.id, input);
        await sql`release savepoint workflow_step`.execute(trx);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        await sql`rollback to savepoint workflow_step`.execute(trx);
        result = {
          outcome: { kind: 'failed', error: `step ${index} (${step.step_type}): ${error.message}` },
          output: null,
        };
      }
      const { outcome, output } = result;
      const status =
        outcome.kind === 'waiting' ? 'awaiting_approval' : outcome.kind === 'failed' ? 'failed' : 'completed';
      await repo.updateStepExecution(stepExecution.id, {
        status,
        output: output === null ? null : JSON.stringify(output),
        error: outcome.kind === 'failed' ? outcome.error : null,
        executed_at: status === 'awaiting_approval' ? null : clock.now(),
      });
      if (output && status === 'completed')
        input = { ...input, steps: { ...asObject(input.steps), [index]: output } };
      emit(ctx, {
        type:
          status === 'failed'
            ? 'workflow.step_failed'
            : status === 'completed'
              ? 'workflow.step_completed'
              : 'workflow.step_awaiting_approval',
        status,
        entityId: execution.id,
        workflowId: execution.workflow_definition_id,
        workflowStepId: step.id,
        ...(outcome.kind === 'failed' ? { error: { message: outcome.error } } : {}),
      });
      transition = nextTransition(steps.length, transition, outcome, budget);
    }
    const now = clock.now();
    const accumulated = JSON.stringify(input);
    if (transition.type === 'pause') {
      execution = await repo.updateExecution(execution.id, {
        status: 'paused',
        accumulated_input: accumulated,
        current_step_index: transition.index,
        paused_at_step_id: steps[transition.index]!.id,
        steps_run: transition.stepsRun,
      });
      return execution;
    }
    await cancelPendingApprovals(trx, ctx, execution.id);
    if (records && steps.some((s) => s.step_type === 'record_lock'))
      await records(trx, ctx).releaseLocksOf(execution.id);
    execution = await repo.updateExecution(execution.id, {
      status: transition.type === 'complete' ? 'completed' : 'failed',
      accumulated_input: accumulated,
      current_step_index: null,
      paused_at_step_id: null,
      steps_run: transition.stepsRun,
      error: transition.type === 'fail' ? transition.error : null,
      completed_at: now,
    });
    emit(ctx, {
      type: transition.type === 'complete' ? 'execution_completed' : 'execution_failed',
      status: execution.status,
      entityId: execution.id,
      workflowId: execution.workflow_definition_id,
      ...(transition.type === 'fail'
        ? { error: { code: 'WORKFLOW_EXECUTION_FAILED', message: transition.error } }
        : {}),
    });
    return execution;
  };

  /** Continues a paused execution whose approval settled: approved goes on, rejected fails it. */
  const continueAfterApproval = async (
    trx: Trx,
    ctx: RequestContext,
    approval: ApprovalRow,
    outcome: 'approved' | 'rejected',
    closing: Closing,
  ): Promise<ExecutionRow> => {
    const repo = forTenant(trx, ctx.tenantId);
    const execution = await workflowLocks(trx, ctx.tenantId).lockExecution(approval.workflow_execution_id);
    if (!execution) throw notFound('workflow execution', approval.workflow_execution_id);
    const now = clock.now();
    await repo.closeApproval(approval.id, {
      status: outcome,
      reason: closing.reason,
      by: closing.by,
      comment: closing.comment ?? null,
      now,
    });
    emit(ctx, {
      type: 'workflow.approval_decided',
      status: outcome,
      entityId: execution.id,
      workflowId: execution.workflow_definition_id,
      workflowStepId: approval.workflow_step_id,
      affectedRecords: { approvalId: approval.id, reason: closing.reason },
    });
    if (execution.status !== 'paused') return execution;
    const stepExecution = (await repo.listStepExecutions(execution.id)).find(
      (s) => s.id === approval.step_execution_id,
    );
    const index = stepExecution?.step_index ?? execution.current_step_index ?? 0;
    const output = { approvalId: approval.id, outcome };
    if (stepExecution)
      await repo.updateStepExecution(stepExecution.id, {
        status: 'completed',
        output: JSON.stringify(output),
        executed_at: now,
      });
    const input = execution.accumulated_input;
    const running = await repo.updateExecution(execution.id, {
      status: 'running',
      paused_at_step_id: null,
      accumulated_input: JSON.stringify({ ...input, steps: { ...asObject(input.steps), [index]: output } }),
    });
    const steps = await repo.listSteps(execution.workflow_definition_id);
    const transition = nextTransition(
      steps.length,
      { index, stepsRun: execution.steps_run },
      outcome === 'approved' ? { kind: 'done' } : { kind: 'rejected' },
    );
    return drive(trx, ctx, running, steps, transition);
  };

  const approvalView = async (
    trx: Kysely<WorkflowTables> | Trx,
    tenantId: string,
    row: ApprovalRow,
  ): Promise<Approval> => {
    const repo = forTenant(trx, tenantId);
    const [approvers, decisions, comments] = await Promise.all([
      repo.approversOf([row.id]),
      repo.decisionsOf([row.id]),
      repo.commentsOf([row.id]),
    ]);
    return toApproval(
      row,
      approvers.get(row.id) ?? [],
      decisions.get(row.id) ?? [],
      comments.get(row.id) ?? [],
    );
  };

  /** Settles the approval if its decisions now decide it, and continues the execution then. */
  const settleIfDecided = async (trx: Trx, ctx: RequestContext, approval: ApprovalRow, closing: Closing) => {
    const repo = forTenant(trx, ctx.tenantId);
    const [approvers, decisions] = await Promise.all([
      repo.approversOf([approval.id]),
      repo.decisionsOf([approval.id]),
    ]);
    const counted = new Set(approvers.get(approval.id) ?? []);
    const cast = (decisions.get(approval.id) ?? []).filter((d) => counted.has(d.approver_id));
    const settlement = settle(approval.rule as ApprovalRule, {
      approvers: counted.size,
      approvals: cast.filter((d) => d.decision === 'approve').length,
      rejections: cast.filter((d) => d.decision === 'reject').length,
    });
    if (settlement !== 'pending') await continueAfterApproval(trx, ctx, approval, settlement, closing);
  };

  const engine = {
    /**
     * Starts an execution of an active definition and runs its steps in `trx` until it completes,
     * fails, or pauses on an approval. A step that fails is rolled back to its start and fails the
     * execution, which is recorded. One execution per intent.
     */
    startExecution: async (trx: Trx, ctx: RequestContext, start: StartInput): Promise<WorkflowExecution> => {
      const definition = await workflowLocks(trx, ctx.tenantId).shareDefinition(start.workflowDefinitionId);
      if (!definition) throw notFound('workflow definition', start.workflowDefinitionId);
      if (definition.status !== 'active')
        throw new DomainError(
          WorkflowErrorCodes.WORKFLOW_STATE_CONFLICT,
          `workflow definition is ${definition.status}: only active definitions run`,
          { status: definition.status },
        );
      const repo = forTenant(trx, ctx.tenantId);
      const steps = await repo.listSteps(definition.id);
      const input = start.input ?? {};
      let execution: ExecutionRow;
      try {
        execution = await repo.insertExecution({
          id: newId(),
          workflow_definition_id: definition.id,
          definition_version: definition.version,
          intent_id: start.intentId ?? null,
          status: 'running',
          input: JSON.stringify(input),
          accumulated_input: JSON.stringify(input),
          current_step_index: null,
          paused_at_step_id: null,
          error: null,
          record_id: start.recordId ?? null,
          started_by: actorOf(ctx).actorId,
          started_at: clock.now(),
          completed_at: null,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'workflow_executions_intent_unique'))
          throw new DomainError(
            WorkflowErrorCodes.EXECUTION_EXISTS_FOR_INTENT,
            'an execution for this intent exists already',
            {
              intentId: start.intentId,
            },
          );
        throw error;
      }
      emit(ctx, {
        type: 'execution_started',
        status: 'running',
        entityId: execution.id,
        workflowId: definition.id,
      });
      return toExecution(await drive(trx, ctx, execution, steps, firstTransition(steps.length)));
    },

    /**
     * Records the caller's decision on a pending approval, once per approver: the same decision again
     * answers the recorded one, the other decision is refused (409). When the decisions settle the
     * approval (early, as soon as the rule is met or can no longer be), it closes and the execution goes on.
     */
    decide: async (
      trx: Trx,
      ctx: RequestContext,
      approvalId: string,
      body: { decision: 'approve' | 'reject'; comment?: string },
    ): Promise<Approval> => {
      const approval = await workflowLocks(trx, ctx.tenantId).lockApproval(approvalId);
      if (!approval) throw notFound('approval', approvalId);
      const approverId = ctx.userId;
      const repo = forTenant(trx, ctx.tenantId);
      const approvers = (await repo.approversOf([approval.id])).get(approval.id) ?? [];
      const earlier = ((await repo.decisionsOf([approval.id])).get(approval.id) ?? []).find(
        (d) => d.approver_id === approverId,
      );
      if (earlier) {
        if (earlier.decision !== body.decision)
          throw new DomainError(
            WorkflowErrorCodes.APPROVAL_ALREADY_DECIDED,
            `you decided "${earlier.decision}" already; a decision is not changed`,
            {
              decision: earlier.decision,
            },
          );
        return approvalView(trx, ctx.tenantId, approval);
      }
      if (!approverId || !approvers.includes(approverId))
        throw new DomainError(WorkflowErrorCodes.NOT_AN_APPROVER, 'you are not an approver of this approval');
      if (approval.status !== 'pending')
        throw new DomainError(
          WorkflowErrorCodes.APPROVAL_CLOSED,
          `the approval is ${approval.status}: it takes no more decisions`,
          {
            status: approval.status,
          },
        );
      await repo.insertDecision({
        id: newId(),
        approval_id: approval.id,
        approver_id: approverId,
        decision: body.decision,
        comment: body.comment ?? null,
        decided_at: clock.now(),
      });
      await settleIfDecided(trx, ctx, approval, { reason: 'decided', by: approverId });
      return approvalView(trx, ctx.tenantId, (await repo.findApproval(approval.id))!);
    },

    /**
     * The privileged override of a paused execution: its pending approval is closed with the given
     * outcome whatever its rule and decisions (closedReason "resumed", closedBy the caller), then the
     * execution goes on (approved) or fails (rejected).
     */
    resume: async (
      trx: Trx,
      ctx: RequestContext,
      executionId: string,
      body: { outcome: 'approved' | 'rejected'; comment?: string },
    ): Promise<WorkflowExecution> => {
      const execution = await workflowLocks(trx, ctx.tenantId).lockExecution(executionId);
      if (!execution) throw notFound('workflow execution', executionId);
      const [pending] = await workflowLocks(trx, ctx.tenantId).lockPendingApprovalsOf(executionId);
      if (execution.status !== 'paused' || !pending)
        throw new DomainError(
          WorkflowErrorCodes.EXECUTION_NOT_PAUSED,
          `the execution is ${execution.status}, not paused on an approval`,
          {
            status: execution.status,
          },
        );
      return toExecution(
        await continueAfterApproval(trx, ctx, pending, body.outcome, {
          reason: 'resumed',
          by: actorOf(ctx).actorId,
          comment: body.comment ?? null,
        }),
      );
    },

    /**
     * Escalates the tenant's pending approvals whose deadline has passed, each in its own transaction:
     * auto_approve and auto_reject settle it, reassign asks the escalation's approvers instead of those
     * who have not decided (once: the deadline is cleared). Rows another worker holds are skipped, so
     * concurrent runs escalate each approval once. Call it inside the tenant's scope (withTenant).
     */
    processApprovalDeadlines: async ({
      now,
      tenantId,
      limit = 100,
    }: {
      now: Date;
      tenantId: string;
      limit?: number;
    }) => {
      const ctx = systemContext(tenantId, '');
      let escalated = 0;
      for (; escalated < limit; escalated++) {
        const handled = await inTransaction(db, async (trx) => {
          const [approval] = await workflowLocks(trx, tenantId).claimDueApprovals(now, 1);
          if (!approval) return false;
          const escalation = approval.escalation as Escalation | null;
          if (!escalation || escalation.action === 'reassign') {
            const repo = forTenant(trx, tenantId);
            await repo.markEscalated(approval.id, now);
            if (escalation) {
              await repo.removeUndecidedApprovers(approval.id);
              await repo.addApprovers(approval.id, await resolveApprovers(ctx, escalation.approvers), now);
              await settleIfDecided(trx, ctx, approval, { reason: 'deadline', by: null });
            }
            return true;
          }
          await continueAfterApproval(
            trx,
            ctx,
            approval,
            escalation.action === 'auto_approve' ? 'approved' : 'rejected',
            {
              reason: 'deadline',
              by: null,
            },
          );
          return true;
        });
        if (!handled) break;
      }
      return { escalated };
    },

    approvalView,
  };
  return engine;
};

export type WorkflowEngine = ReturnType<typeof createWorkflowEngine>;

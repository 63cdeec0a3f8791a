import { decodeCursor, inTransaction, isUniqueViolation, type Page, pageOf } from '@ec3l/db';
import {
  actorOf,
  conflict,
  DomainError,
  newId,
  normalizeName,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import { Value } from '@sinclair/typebox/value';
import type { Transaction } from 'kysely';
import { definitionProblems } from './core/engine.js';
import { moveStep, retargetJumps } from './core/steps.js';
import { createWorkflowEngine, type WorkflowEngineDeps } from './engine.js';
import { WorkflowErrorCodes } from './errors.js';
import { toDefinition, toExecution, toStep, toStepExecution } from './mappers.js';
import { forTenant, workflowLocks } from './repo/scoped.js';
import {
  type AddStepBody,
  type Approval,
  type ApprovalStatus,
  type CreateWorkflowDefinitionBody,
  type DecideBody,
  type DefinitionStatus,
  type ExecuteBody,
  type ExecutionStatus,
  MAX_STEPS,
  type ResumeBody,
  STEP_CONFIG_SCHEMAS,
  type StepExecution,
  type UpdateStepBody,
  type WorkflowDefinition,
  type WorkflowExecution,
  type WorkflowStep,
} from './schemas.js';
import type { DefinitionRow, StepRow, WorkflowTables } from './tables.js';

type Trx = Transaction<WorkflowTables>;

export type WorkflowServiceDeps = WorkflowEngineDeps & {
  /** Throws NOT_FOUND unless the project exists in the caller's tenant. */
  requireProject: (ctx: RequestContext, projectId: string) => Promise<void>;
  /**
   * Creates, in the definition's transaction, the Draft change that governs a new definition, with a
   * workflow target naming it; answers the change's id.
   */
  createLinkedChange: (
    trx: Transaction<WorkflowTables>,
    ctx: RequestContext,
    input: { projectId: string; title: string; workflowDefinitionId: string },
  ) => Promise<string>;
};

export type PageRequest = { limit: number; cursor?: string };

const byTime = <R extends { id: string }>(rows: R[], limit: number, at: (row: R) => Date) =>
  pageOf(rows, limit, (r) => ({ createdAt: at(r).toISOString(), id: r.id }));

/** Throws WORKFLOW_STEP_CONFIG_INVALID unless `config` fits a step of this type. */
const checkStepConfig = (stepType: string, config: unknown): void => {
  const schema = STEP_CONFIG_SCHEMAS[stepType as keyof typeof STEP_CONFIG_SCHEMAS];
  if (!schema || !Value.Check(schema, config))
    throw new DomainError(
      WorkflowErrorCodes.WORKFLOW_STEP_CONFIG_INVALID,
      `config does not fit a ${stepType} step`,
      {
        field: 'config',
      },
    );
};

const stateConflict = (message: string, details: Record<string, unknown>) =>
  new DomainError(WorkflowErrorCodes.WORKFLOW_STATE_CONFLICT, message, details);

/** Workflow definitions and their steps, executions, approvals. */
export const createWorkflowService = (deps: WorkflowServiceDeps) => {
  const { db, requireProject, createLinkedChange, clock = systemClock } = deps;
  const engine = createWorkflowEngine(deps);

  const requireDefinition = async (ctx: RequestContext, id: string): Promise<DefinitionRow> => {
    const row = await forTenant(db, ctx.tenantId).findDefinition(id);
    if (!row) throw notFound('workflow definition', id);
    return row;
  };

  /** Locks a draft definition and answers its steps in order; 404 / 409 WORKFLOW_STATE_CONFLICT otherwise. */
  const lockDraftSteps = async (trx: Trx, ctx: RequestContext, id: string, verb: string) => {
    const row = await workflowLocks(trx, ctx.tenantId).lockDefinition(id);
    if (!row) throw notFound('workflow definition', id);
    if (row.status !== 'draft')
      throw stateConflict(`steps are ${verb} a draft definition only (this one is ${row.status})`, {
        status: row.status,
      });
    return forTenant(trx, ctx.tenantId).listSteps(id);
  };

  /** Rewrites the decisions whose jumps move when the steps take the order `order` (ids). */
  const retarget = async (trx: Trx, ctx: RequestContext, steps: readonly StepRow[], order: string[]) => {
    const result = retargetJumps(
      steps.map((s) => ({ id: s.id, stepType: s.step_type, config: s.config })),
      order,
    );
    if ('error' in result) {
      const { decisionStepId, key, targetStepId } = result.error;
      const decisionIndex = steps.findIndex((s) => s.id === decisionStepId);
      throw new DomainError(
        WorkflowErrorCodes.WORKFLOW_STEP_REFERENCED,
        `the decision at step ${decisionIndex} jumps to this step (${key}); change or remove that decision first`,
        { decisionStepId, decisionStepIndex: decisionIndex, key, stepId: targetStepId },
      );
    }
    const repo = forTenant(trx, ctx.tenantId);
    for (const [stepId, config] of result.configs) await repo.updateStep(stepId, { config });
  };

  const requireExecution = async (ctx: RequestContext, id: string) => {
    const row = await forTenant(db, ctx.tenantId).findExecution(id);
    if (!row) throw notFound('workflow execution', id);
    return row;
  };

  return {
    engine,

    /** One page of definitions, newest first, optionally of one project or status. */
    listDefinitions: async (
      ctx: RequestContext,
      filter: { projectId?: string; status?: DefinitionStatus },
      page: PageRequest,
    ): Promise<Page<WorkflowDefinition>> => {
      const after = page.cursor ? decodeCursor(page.cursor) : undefined;
      if (filter.projectId) await requireProject(ctx, filter.projectId);
      const rows = await forTenant(db, ctx.tenantId).listDefinitions(filter, {
        limit: page.limit + 1,
        ...(after ? { after } : {}),
      });
      const { items, nextCursor } = byTime(rows, page.limit, (r) => r.created_at);
      return { items: items.map(toDefinition), nextCursor };
    },

    /**
     * Creates a draft definition in a project together with its linked Draft change (a workflow
     * target naming it), in one transaction: both or neither.
     */
    createDefinition: async (
      ctx: RequestContext,
      input: CreateWorkflowDefinitionBody,
    ): Promise<WorkflowDefinition> => {
      await requireProject(ctx, input.projectId);
      const name = normalizeName(input.name);
      const id = newId();
      try {
        const row = await inTransaction(db, async (trx) => {
          const changeId = await createLinkedChange(trx, ctx, {
            projectId: input.projectId,
            title: `Workflow: ${name}`,
            workflowDefinitionId: id,
          });
          const now = clock.now();
          return forTenant(trx, ctx.tenantId).insertDefinition({
            id,
            project_id: input.projectId,
            name,
            description: input.description?.trim() || null,
            trigger_type: input.triggerType ?? 'manual',
            trigger_config: JSON.stringify(input.triggerConfig ?? {}),
            status: 'draft',
            change_id: changeId,
            created_by: actorOf(ctx).actorId,
            created_at: now,
            updated_at: now,
          });
        });
        return toDefinition(row);
      } catch (error) {
        if (isUniqueViolation(error, 'workflow_definitions_name_unique'))
          throw conflict(`a workflow named "${name}" exists in this project already`, { field: 'name' });
        throw error;
      }
    },

    getDefinition: async (ctx: RequestContext, id: string): Promise<WorkflowDefinition> =>
      toDefinition(await requireDefinition(ctx, id)),

    /**
     * Moves a definition through draft → active → retired under its row lock. Activation checks the
     * definition as a whole and refuses it with every problem listed.
     */
    setLifecycle: async (
      ctx: RequestContext,
      id: string,
      action: 'activate' | 'retire',
    ): Promise<WorkflowDefinition> =>
      toDefinition(
        await inTransaction(db, async (trx) => {
          const row = await workflowLocks(trx, ctx.tenantId).lockDefinition(id);
          if (!row) throw notFound('workflow definition', id);
          const allowed = action === 'activate' ? row.status === 'draft' : row.status !== 'retired';
          if (!allowed)
            throw stateConflict(
              action === 'activate'
                ? `only a draft definition can be activated (this one is ${row.status})`
                : 'the definition is retired already',
              { status: row.status },
            );
          if (action === 'activate') {
            const steps = await forTenant(trx, ctx.tenantId).listSteps(id);
            const problems = definitionProblems(
              steps.map((s) => ({ stepType: s.step_type, config: s.config })),
            );
            if (problems.length > 0)
              throw new DomainError(
                WorkflowErrorCodes.WORKFLOW_DEFINITION_INVALID,
                `the definition cannot be activated: ${problems.map((p) => (p.stepIndex === null ? p.message : `step ${p.stepIndex}: ${p.message}`)).join('; ')}`,
                { problems },
              );
          }
          return forTenant(trx, ctx.tenantId).setDefinitionStatus(
            id,
            action === 'activate' ? 'active' : 'retired',
            clock.now(),
          );
        }),
      ),

    /** The definition's steps in order (at most MAX_STEPS). */
    listSteps: async (ctx: RequestContext, id: string): Promise<WorkflowStep[]> => {
      await requireDefinition(ctx, id);
      return (await forTenant(db, ctx.tenantId).listSteps(id)).map(toStep);
    },

    /**
     * Adds a step to a draft definition, at `orderIndex` (later steps move down one) or at the end.
     * The definition's row is locked for the status check, the positions and the insert.
     */
    /**
     * Adds a step to a draft definition at `orderIndex` (appended when absent); the decisions' jumps
     * keep naming the steps they named.
     */
    addStep: async (ctx: RequestContext, id: string, input: AddStepBody): Promise<WorkflowStep> => {
      checkStepConfig(input.stepType, input.config);
      const name = input.name === undefined ? null : normalizeName(input.name);
      return toStep(
        await inTransaction(db, async (trx) => {
          const steps = await lockDraftSteps(trx, ctx, id, 'added to');
          if (steps.length >= MAX_STEPS)
            throw stateConflict(`a definition holds at most ${MAX_STEPS} steps`, { steps: steps.length });
          const at = Math.min(input.orderIndex ?? steps.length, steps.length);
          const stepId = newId();
          const order = steps.map((s) => s.id);
          order.splice(at, 0, stepId);
          await retarget(trx, ctx, steps, order);
          return forTenant(trx, ctx.tenantId).insertStepAt(
            {
              id: stepId,
              workflow_definition_id: id,
              step_type: input.stepType,
              name,
              config: JSON.stringify(input.config),
              created_at: clock.now(),
            },
            at,
          );
        }),
      );
    },

    /**
     * Edits a step of a draft definition: its name, its config (checked against its type) and/or its
     * position (the others close up; the decisions' jumps follow the steps they name).
     */
    updateStep: async (
      ctx: RequestContext,
      id: string,
      stepId: string,
      input: UpdateStepBody,
    ): Promise<WorkflowStep> =>
      toStep(
        await inTransaction(db, async (trx) => {
          const steps = await lockDraftSteps(trx, ctx, id, 'edited in');
          const current = steps.find((s) => s.id === stepId);
          if (!current) throw notFound('workflow step', stepId);
          const repo = forTenant(trx, ctx.tenantId);
          if (input.config !== undefined) checkStepConfig(current.step_type, input.config);
          if (input.orderIndex !== undefined) {
            const order = moveStep(steps, stepId, input.orderIndex);
            await retarget(trx, ctx, steps, order);
            await repo.placeSteps(id, order);
          }
          if (input.name === undefined && input.config === undefined)
            return (await repo.listSteps(id)).find((s) => s.id === stepId)!;
          return repo.updateStep(stepId, {
            ...(input.name === undefined
              ? {}
              : { name: input.name === null ? null : normalizeName(input.name) }),
            ...(input.config === undefined ? {} : { config: input.config }),
          });
        }),
      ),

    /**
     * Removes a step of a draft definition; the others close up. Refused (409) while a decision jumps
     * to it, naming the decision.
     */
    removeStep: async (ctx: RequestContext, id: string, stepId: string): Promise<void> =>
      inTransaction(db, async (trx) => {
        const steps = await lockDraftSteps(trx, ctx, id, 'removed from');
        if (!steps.some((s) => s.id === stepId)) throw notFound('workflow step', stepId);
        const order = steps.map((s) => s.id).filter((s) => s !== stepId);
        await retarget(trx, ctx, steps, order);
        const repo = forTenant(trx, ctx.tenantId);
        await repo.deleteStep(stepId);
        await repo.placeSteps(id, order);
      }),

    /** Runs an active definition now, in one transaction, and answers the execution as it stands. */
    execute: async (ctx: RequestContext, id: string, body: ExecuteBody): Promise<WorkflowExecution> =>
      inTransaction(db, (trx) =>
        engine.startExecution(trx, ctx, {
          workflowDefinitionId: id,
          input: body.input ?? {},
          recordId: body.recordId ?? null,
        }),
      ),

    /** One page of executions, newest first, optionally by status or definition. */
    listExecutions: async (
      ctx: RequestContext,
      filter: { status?: ExecutionStatus; workflowDefinitionId?: string },
      page: PageRequest,
    ): Promise<Page<WorkflowExecution>> => {
      const after = page.cursor ? decodeCursor(page.cursor) : undefined;
      if (filter.workflowDefinitionId) await requireDefinition(ctx, filter.workflowDefinitionId);
      const rows = await forTenant(db, ctx.tenantId).listExecutions(filter, {
        limit: page.limit + 1,
        ...(after ? { after } : {}),
      });
      const { items, nextCursor } = byTime(rows, page.limit, (r) => r.started_at);
      return { items: items.map(toExecution), nextCursor };
    },

    getExecution: async (ctx: RequestContext, id: string): Promise<WorkflowExecution> =>
      toExecution(await requireExecution(ctx, id)),

    /** The steps an execution ran, in the order it ran them (bounded by the step budget). */
    listStepExecutions: async (ctx: RequestContext, id: string): Promise<StepExecution[]> => {
      await requireExecution(ctx, id);
      const repo = forTenant(db, ctx.tenantId);
      const rows = await repo.listStepExecutions(id);
      const types = await repo.stepTypesOf([...new Set(rows.map((r) => r.workflow_step_id))]);
      return rows.map((r) => toStepExecution(r, types.get(r.workflow_step_id)!));
    },

    /** The privileged override of a paused execution's approval (see the engine's resume). */
    resume: async (ctx: RequestContext, id: string, body: ResumeBody): Promise<WorkflowExecution> =>
      inTransaction(db, (trx) => engine.resume(trx, ctx, id, body)),

    /**
     * One page of approvals, newest first: `mine` keeps those the caller is an approver of, `status`
     * one status (the queue is mine + pending).
     */
    listApprovals: async (
      ctx: RequestContext,
      filter: { mine?: boolean; status?: ApprovalStatus; workflowExecutionId?: string },
      page: PageRequest,
    ): Promise<Page<Approval>> => {
      const after = page.cursor ? decodeCursor(page.cursor) : undefined;
      if (filter.workflowExecutionId) await requireExecution(ctx, filter.workflowExecutionId);
      const approverId = filter.mine ? (ctx.userId ?? ctx.agentId ?? '') : undefined;
      const rows = await forTenant(db, ctx.tenantId).listApprovals(
        {
          ...(approverId !== undefined ? { approverId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.workflowExecutionId ? { workflowExecutionId: filter.workflowExecutionId } : {}),
        },
        { limit: page.limit + 1, ...(after ? { after } : {}) },
      );
      const { items, nextCursor } = byTime(rows, page.limit, (r) => r.created_at);
      return {
        items: await Promise.all(items.map((row) => engine.approvalView(db, ctx.tenantId, row))),
        nextCursor,
      };
    },

    getApproval: async (ctx: RequestContext, id: string): Promise<Approval> => {
      const row = await forTenant(db, ctx.tenantId).findApproval(id);
      if (!row) throw notFound('approval', id);
      return engine.approvalView(db, ctx.tenantId, row);
    },

    /**
     * Attaches a comment to an approval inside the caller's transaction (an accepted agent proposal's
     * comment); a comment decides nothing. Answers the comment's id.
     */
    addApprovalComment: async (
      trx: Transaction<WorkflowTables>,
      ctx: RequestContext,
      input: { approvalId: string; body: string; proposalId: string | null },
    ): Promise<string> => {
      const repo = forTenant(trx, ctx.tenantId);
      if (!(await repo.findApproval(input.approvalId))) throw notFound('approval', input.approvalId);
      const { actorType, actorId } = actorOf(ctx);
      const row = await repo.insertComment({
        id: newId(),
        approval_id: input.approvalId,
        author_type: actorType,
        author_id: actorId,
        body: normalizeName(input.body, 'comment'),
        proposal_id: input.proposalId,
        created_at: clock.now(),
      });
      return row.id;
    },

    /** The caller's decision on an approval (see the engine's decide), in one transaction. */
    decide: async (ctx: RequestContext, id: string, body: DecideBody): Promise<Approval> =>
      inTransaction(db, (trx) => engine.decide(trx, ctx, id, body)),
  };
};

export type WorkflowService = ReturnType<typeof createWorkflowService>;

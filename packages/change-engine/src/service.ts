import { type Cursor, inTransaction, isUniqueViolation, keysetCursor, type Page, pageOf } from '@ec3l/db';
import type { GraphDiff, RecordTypeNode } from '@ec3l/graph';
import {
  actorOf,
  type Clock,
  conflict,
  DomainError,
  type EventBus,
  invalid,
  newId,
  normalizeName,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import {
  type AssignmentConfig,
  type FieldDefinition,
  ownFieldsOf,
  type RecordTypeConfigs,
  recordsLockPort,
  recordsPort,
  type SlaConfig,
  sameConfig,
} from '@ec3l/records';
import type { Kysely, Transaction } from 'kysely';
import { unusableSkills } from './core/agent-runs.js';
import {
  type ChangeStatus,
  canAddTargets,
  canCheckin,
  canEditOps,
  refuseManualTransition,
} from './core/lifecycle.js';
import type { OpPayload } from './core/ops.js';
import { parsePayload } from './core/payload.js';
import { type ExecutionError, type PlannedOp, planExecution } from './core/plan.js';
import { traceFields } from './core/renames.js';
import { restoreConfigOps, restoreOps } from './core/revert.js';
import { selectorProblems, type TargetType } from './core/selectors.js';
import { ChangeEngineErrorCodes } from './errors.js';
import { agentsForTenant } from './repo/agents.js';
import { forTenant, type OpWithTarget } from './repo/scoped.js';
import type {
  AgentRun,
  Change,
  ChangeEvent,
  CreateAgentRunBody,
  CreateChangeBody,
  CreatePatchOpBody,
  CreateTargetBody,
  PatchOp,
  Snapshot,
  Target,
  Workspace,
} from './schemas.js';
import type {
  AgentRunRow,
  ChangeEngineDatabase,
  ChangeRow,
  OpRow,
  TargetRow,
  WorkspaceRow,
} from './tables.js';

type Db = Kysely<ChangeEngineDatabase>;

export type ChangeEngineDeps = {
  db: Db;
  events: EventBus;
  clock?: Clock;
  /** Throws NOT_FOUND unless the project exists in the caller's tenant. */
  requireProject: (ctx: RequestContext, projectId: string) => Promise<void>;
  /** Module and environment ids of a project, to check a change's references. */
  projectParts: (
    ctx: RequestContext,
    projectId: string,
  ) => Promise<{ moduleIds: string[]; environmentIds: string[] }>;
};

const toChange = (row: ChangeRow): Change => ({
  id: row.id,
  projectId: row.project_id,
  title: row.title,
  description: row.description,
  moduleId: row.module_id,
  environmentId: row.environment_id,
  status: row.status,
  revertsChangeId: row.reverts_change_id,
  validationErrors: (row.validation_errors as Change['validationErrors']) ?? null,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  mergedAt: row.merged_at ? row.merged_at.toISOString() : null,
});

const toTarget = (row: TargetRow): Target => ({
  id: row.id,
  changeId: row.change_id,
  projectId: row.project_id,
  type: row.type,
  selector: row.selector,
  createdAt: row.created_at.toISOString(),
});

const toOp = (row: OpRow): PatchOp => ({
  id: row.id,
  changeId: row.change_id,
  targetId: row.target_id,
  opType: row.op_type,
  payload: row.payload,
  executedAt: row.executed_at ? row.executed_at.toISOString() : null,
  previousSnapshot: row.previous_snapshot ?? null,
  createdAt: row.created_at.toISOString(),
});

/** An agent run as the API shows it. */
export const toAgentRun = (row: AgentRunRow): AgentRun => ({
  id: row.id,
  changeId: row.change_id,
  agentId: row.agent_id,
  intent: row.intent,
  skillsUsed: row.skills_used,
  logs: row.logs as AgentRun['logs'],
  status: row.status,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  endedAt: row.ended_at ? row.ended_at.toISOString() : null,
});

/** NO_OPS when the change has nothing to execute, else EXECUTION_FAILED; `details.errors` lists every error. */
const unprocessable = (message: string, errors: ExecutionError[]) =>
  new DomainError(
    errors.length === 1 && errors[0]?.code === ChangeEngineErrorCodes.NO_OPS
      ? ChangeEngineErrorCodes.NO_OPS
      : ChangeEngineErrorCodes.EXECUTION_FAILED,
    message,
    { errors },
  );

const toRecordTypeNode = (
  row: Parameters<typeof ownFieldsOf>[0] & {
    id: string;
    project_id: string;
    key: string;
    name: string;
    base_type: string | null;
    status: RecordTypeNode['status'];
    version: number;
    assignment_config: unknown;
    sla_config: unknown;
  },
): RecordTypeNode => ({
  id: row.id,
  projectId: row.project_id,
  key: row.key,
  name: row.name,
  baseType: row.base_type,
  status: row.status,
  version: row.version,
  fields: ownFieldsOf(row),
  assignmentConfig: (row.assignment_config as AssignmentConfig | null) ?? null,
  slaConfig: (row.sla_config as SlaConfig | null) ?? null,
});

/**
 * Ops and events are listed in the order they were added (seq); their pages follow it. A bigint column
 * arrives as a string or a number depending on the driver, so keys are built with String().
 */
const bySeq = keysetCursor('seq');
const seqPage = (page: { limit: number; cursor?: string }) => ({
  limit: page.limit + 1,
  ...(page.cursor ? { afterSeq: bySeq.decode(page.cursor)[0] } : {}),
});

/** Change records, their targets and ops, and the three-phase executor. */
// Diffs recorded before renames were part of the diff read as diffs without renames.
const storedDiff = (diff: GraphDiff): GraphDiff => ({
  ...diff,
  modifiedRecordTypes: diff.modifiedRecordTypes.map((d) => ({ ...d, renamedFields: d.renamedFields ?? [] })),
  summary: { ...diff.summary, fieldsRenamed: diff.summary.fieldsRenamed ?? 0 },
});

export const createChangeService = ({
  db,
  events,
  clock = systemClock,
  requireProject,
  projectParts,
}: ChangeEngineDeps) => {
  const requireChange = async (
    ctx: RequestContext,
    id: string,
    trx: Db | Transaction<ChangeEngineDatabase> = db,
    lock = false,
  ) => {
    const row = await forTenant(trx, ctx.tenantId).findChange(id, lock);
    if (!row) throw notFound('change', id);
    return row;
  };

  /** Refuses a target's record type key that names no record type of the change's project (P1, P7). */
  const requireTargetType = async (
    trx: Transaction<ChangeEngineDatabase>,
    ctx: RequestContext,
    change: ChangeRow,
    key: string,
    missing: 'does not exist' | 'is no longer',
  ) => {
    const [rt] = await recordsPort(trx, ctx.tenantId).findRecordTypesByKeys(change.project_id, [key]);
    if (!rt)
      throw new DomainError(
        ChangeEngineErrorCodes.RECORD_TYPE_NOT_IN_PROJECT,
        `record type "${key}" ${missing} in the change's project`,
        { field: missing === 'does not exist' ? 'selector.recordTypeKey' : 'targetId' },
      );
  };

  const recordEvent = (
    trx: Db | Transaction<ChangeEngineDatabase>,
    ctx: RequestContext,
    change: ChangeRow,
    eventType: string,
    payload: Record<string, unknown>,
  ) => {
    const { actorType, actorId } = actorOf(ctx);
    return forTenant(trx, ctx.tenantId).insertEvent({
      id: newId(),
      project_id: change.project_id,
      change_id: change.id,
      event_type: eventType,
      payload,
      actor_type: actorType,
      actor_id: actorId,
      created_at: clock.now(),
    });
  };

  /** The columns and the event of a move of the change to `status`, by the caller, now. */
  const moveOf = (
    ctx: RequestContext,
    change: ChangeRow,
    status: ChangeStatus,
    extra: { validation_errors?: string | null; merge_diff?: string | null; merged_at?: Date } = {},
  ) => {
    const now = clock.now();
    const { actorType, actorId } = actorOf(ctx);
    return {
      set: { status, updated_at: now, ...extra },
      event: {
        id: newId(),
        event_type: 'change_status_changed',
        payload: { from: change.status, to: status },
        actor_type: actorType,
        actor_id: actorId,
        created_at: now,
      },
    };
  };

  const moveTo = (
    trx: Db | Transaction<ChangeEngineDatabase>,
    ctx: RequestContext,
    change: ChangeRow,
    status: ChangeStatus,
    extra: { validation_errors?: string | null; merge_diff?: string | null; merged_at?: Date } = {},
  ) => {
    const { set, event } = moveOf(ctx, change, status, extra);
    return forTenant(trx, ctx.tenantId).updateChangeWithEvent(change.id, set, event);
  };

  /**
   * Phase 1 (load) and the pure phases 1.5 and 2. Given `lockIn` (the merge's transaction), the touched
   * record types are read locked and stay locked until it ends.
   */
  const plan = async (
    trx: Db | Transaction<ChangeEngineDatabase>,
    ctx: RequestContext,
    change: ChangeRow,
    lockIn: Transaction<ChangeEngineDatabase> | null,
  ) => {
    if (change.status === 'Merged')
      throw conflict('a merged change is immutable and cannot be executed again (E1, E2)');
    const ops = await forTenant(trx, ctx.tenantId).listOps(change.id);
    if (ops.some((o) => o.executed_at !== null))
      throw conflict('the change has executed ops and cannot be executed again (E2)');
    if (ops.length === 0) {
      return {
        ok: false as const,
        errors: [
          {
            phase: 'load' as const,
            code: ChangeEngineErrorCodes.NO_OPS,
            message: 'the change has no patch ops to execute',
          },
        ],
      };
    }
    const planned: PlannedOp[] = ops.map((o: OpWithTarget) => ({
      id: o.id,
      recordTypeKey: String(o.target_selector.recordTypeKey),
      ...({ opType: o.op_type, payload: o.payload } as OpPayload),
    }));
    const records = recordsPort(trx, ctx.tenantId);
    // Only what a field change can affect is read: the touched types, their descendants and base chains,
    // plus the existence of the record types and choice lists their fields point at.
    const touched = [...new Set(planned.map((o) => o.recordTypeKey))];
    const rows = lockIn
      ? await recordsLockPort(lockIn, ctx.tenantId).lockInheritanceScope(change.project_id, touched)
      : await records.findInheritanceScope(change.project_id, touched);
    const types = new Map(rows.map((r) => [r.key, toRecordTypeNode(r)]));
    const referenced = new Set<string>();
    const lists = new Set<string>();
    const collect = (f: FieldDefinition) => {
      if (f.referenceRecordTypeKey && !types.has(f.referenceRecordTypeKey))
        referenced.add(f.referenceRecordTypeKey);
      if (f.choiceListId) lists.add(f.choiceListId);
    };
    for (const node of types.values()) node.fields.forEach(collect);
    for (const op of planned) if ('field' in op.payload) collect(op.payload.field);
    const known = await records.findKeys(change.project_id, [...referenced]);
    const inheritance = new Map<string, string | null>([
      ...rows.map((r) => [r.key, r.base_type] as const),
      ...known.map((k) => [k.key, k.base_type] as const),
    ]);
    const choiceListIds = [...(await records.existingChoiceListIds([...lists]))].sort();
    return {
      ...planExecution({ projectId: change.project_id, ops: planned, types, inheritance, choiceListIds }),
      planned,
      types,
    };
  };

  const emitValidation = (
    ctx: RequestContext,
    changeId: string,
    result: { ok: boolean; errors?: ExecutionError[] },
  ) => {
    const graphErrors = result.errors?.filter((e) => e.phase === 'graph') ?? [];
    events.emit(ctx, {
      type: graphErrors.length > 0 ? 'graph.validation_failed' : 'graph.validation_succeeded',
      status: graphErrors.length > 0 ? 'failed' : 'succeeded',
      entityId: changeId,
      ...(graphErrors[0] ? { error: { code: graphErrors[0].code, message: graphErrors[0].message } } : {}),
    });
  };

  /** Plans the change without writing; `record` puts the outcome on the timeline (POST …/execute). */
  const dryRun = async (
    ctx: RequestContext,
    id: string,
    record: boolean,
  ): Promise<{ valid: true; diff: GraphDiff }> => {
    const change = await requireChange(ctx, id);
    const result = await plan(db, ctx, change, null);
    if (record) {
      await recordEvent(
        db,
        ctx,
        change,
        'change_dry_run',
        result.ok ? { valid: true, summary: result.diff.summary } : { valid: false, errors: result.errors },
      );
    }
    emitValidation(ctx, change.id, result);
    if (!result.ok) throw unprocessable('the change would fail to execute', result.errors);
    events.emit(ctx, { type: 'graph.diff_computed', status: 'succeeded', entityId: change.id });
    return { valid: true, diff: result.diff };
  };

  const toWorkspace = (row: WorkspaceRow): Workspace => ({
    id: row.id,
    changeId: row.change_id,
    containerId: row.container_id,
    previewUrl: row.preview_url,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  });

  const service = {
    createChange: async (ctx: RequestContext, input: CreateChangeBody): Promise<Change> => {
      await requireProject(ctx, input.projectId);
      if (input.moduleId || input.environmentId) {
        const parts = await projectParts(ctx, input.projectId);
        if (input.moduleId && !parts.moduleIds.includes(input.moduleId)) {
          throw invalid('moduleId is not a module of the project', { field: 'moduleId' });
        }
        if (input.environmentId && !parts.environmentIds.includes(input.environmentId)) {
          throw invalid('environmentId is not an environment of the project', { field: 'environmentId' });
        }
      }
      const now = clock.now();
      // The change and its first event persist together or not at all.
      const row = await inTransaction(db, async (trx) => {
        const created = await forTenant(trx, ctx.tenantId).insertChange({
          id: newId(),
          project_id: input.projectId,
          title: normalizeName(input.title, 'title'),
          description: input.description?.trim() || null,
          module_id: input.moduleId ?? null,
          environment_id: input.environmentId ?? null,
          status: 'Draft',
          reverts_change_id: null,
          created_by: actorOf(ctx).actorId,
          created_at: now,
          updated_at: now,
        });
        await recordEvent(trx, ctx, created, 'change_status_changed', { from: null, to: 'Draft' });
        return created;
      });
      return toChange(row);
    },

    /**
     * Creates a Draft change governing a new workflow definition, with a workflow target naming it,
     * inside the caller's transaction (the definition is written in the same one).
     */
    createLinkedChange: async (
      trx: Transaction<ChangeEngineDatabase>,
      ctx: RequestContext,
      input: { projectId: string; title: string; workflowDefinitionId: string },
    ): Promise<string> => {
      const now = clock.now();
      const repo = forTenant(trx, ctx.tenantId);
      const created = await repo.insertChange({
        id: newId(),
        project_id: input.projectId,
        title: normalizeName(input.title, 'title'),
        description: null,
        module_id: null,
        environment_id: null,
        status: 'Draft',
        reverts_change_id: null,
        created_by: actorOf(ctx).actorId,
        created_at: now,
        updated_at: now,
      });
      await recordEvent(trx, ctx, created, 'change_status_changed', { from: null, to: 'Draft' });
      const selector = { workflowDefinitionId: input.workflowDefinitionId };
      const target = await repo.insertTarget({
        id: newId(),
        project_id: input.projectId,
        change_id: created.id,
        type: 'workflow',
        selector,
        created_at: now,
      });
      await recordEvent(trx, ctx, created, 'change_target_added', {
        targetId: target.id,
        type: 'workflow',
        selector,
      });
      return created.id;
    },

    /** Throws NOT_FOUND unless the project exists in the caller's tenant. */
    requireProject: (ctx: RequestContext, projectId: string): Promise<void> => requireProject(ctx, projectId),

    /**
     * Opens a Draft change in the project carrying the given ops, with one record_type target per record
     * type they name, inside the caller's transaction; every op is checked as `addOp` checks it.
     * Answers the change's id.
     */
    openChangeWithOps: async (
      trx: Transaction<ChangeEngineDatabase>,
      ctx: RequestContext,
      input: {
        projectId: string;
        title: string;
        description: string | null;
        ops: readonly {
          recordTypeKey: string;
          opType: OpPayload['opType'];
          payload: Record<string, unknown>;
        }[];
      },
    ): Promise<string> => {
      // The project is the caller's to check before its transaction (a second connection here could
      // wait behind the transaction's own); the change's foreign key still refuses a missing one.
      const parsed = input.ops.map((op) => ({
        key: op.recordTypeKey,
        ...parsePayload(op.opType, op.payload),
      }));
      const now = clock.now();
      const repo = forTenant(trx, ctx.tenantId);
      const created = await repo.insertChange({
        id: newId(),
        project_id: input.projectId,
        title: normalizeName(input.title, 'title'),
        description: input.description,
        module_id: null,
        environment_id: null,
        status: 'Draft',
        reverts_change_id: null,
        created_by: actorOf(ctx).actorId,
        created_at: now,
        updated_at: now,
      });
      await recordEvent(trx, ctx, created, 'change_status_changed', { from: null, to: 'Draft' });
      const targets = new Map<string, string>();
      for (const key of new Set(parsed.map((op) => op.key))) {
        await requireTargetType(trx, ctx, created, key, 'does not exist');
        const selector = { recordTypeKey: key };
        const target = await repo.insertTarget({
          id: newId(),
          project_id: input.projectId,
          change_id: created.id,
          type: 'record_type',
          selector,
          created_at: now,
        });
        targets.set(key, target.id);
        await recordEvent(trx, ctx, created, 'change_target_added', {
          targetId: target.id,
          type: 'record_type',
          selector,
        });
      }
      const seen = new Set<string>();
      for (const op of parsed) {
        const identity = JSON.stringify([op.key, op.opType, op.payload]);
        if (seen.has(identity)) throw conflict('the proposal carries the same op twice');
        seen.add(identity);
        const row = await repo.insertOp({
          id: newId(),
          change_id: created.id,
          target_id: targets.get(op.key) as string,
          op_type: op.opType,
          payload: op.payload,
          created_at: clock.now(),
        });
        await recordEvent(trx, ctx, created, 'patch_op_added', { opId: row.id, opType: row.op_type });
      }
      return created.id;
    },

    /**
     * One page of change records, newest first, and the cursor of the next page (null on the last);
     * `from` (inclusive) and `to` (exclusive) bound their creation time.
     */
    listChanges: async (
      ctx: RequestContext,
      filter: { projectId?: string; status?: ChangeStatus; from?: Date; to?: Date },
      page: { limit: number; after?: Cursor } = { limit: 50 },
    ): Promise<{ items: Change[]; nextCursor: string | null }> => {
      if (filter.projectId) await requireProject(ctx, filter.projectId);
      const rows = await forTenant(db, ctx.tenantId).listChanges(filter, {
        limit: page.limit + 1,
        ...(page.after ? { after: page.after } : {}),
      });
      const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({
        createdAt: r.created_at.toISOString(),
        id: r.id,
      }));
      return { items: items.map(toChange), nextCursor };
    },

    getChange: async (ctx: RequestContext, id: string): Promise<Change> =>
      toChange(await requireChange(ctx, id)),

    /** The project a change belongs to (its id; the caller reads the project). */
    projectOf: async (ctx: RequestContext, id: string): Promise<string> =>
      (await requireChange(ctx, id)).project_id,

    /** Manual status moves; Ready and Merged are reached only through checkin and merge. */
    setStatus: async (ctx: RequestContext, id: string, status: ChangeStatus): Promise<Change> =>
      inTransaction(db, async (trx) => {
        const change = await requireChange(ctx, id, trx, true);
        const refusal = refuseManualTransition(change.status, status);
        if (refusal) throw conflict(refusal, { from: change.status, to: status });
        return toChange(await moveTo(trx, ctx, change, status));
      }),

    /** Declares what the change touches; only while Draft. Record types must be in the change's project (P1, P7). */
    addTarget: async (ctx: RequestContext, id: string, input: CreateTargetBody): Promise<Target> => {
      const type = input.type as TargetType;
      const problems = selectorProblems(type, input.selector);
      // The change's row is locked for the status check and the insert: a checkin or status move waits.
      return inTransaction(db, async (trx) => {
        const change = await requireChange(ctx, id, trx, true);
        if (!canAddTargets(change.status))
          throw conflict(`targets can be added only to a Draft change (this one is ${change.status})`);
        if (problems.length > 0)
          throw invalid(`selector does not fit a ${type} target: ${problems.join('; ')}`, { problems });
        if (type === 'record_type' || type === 'form') {
          await requireTargetType(trx, ctx, change, String(input.selector.recordTypeKey), 'does not exist');
        }
        const row = await forTenant(trx, ctx.tenantId).insertTarget({
          id: newId(),
          project_id: change.project_id,
          change_id: change.id,
          type,
          selector: input.selector,
          created_at: clock.now(),
        });
        await recordEvent(trx, ctx, change, 'change_target_added', {
          targetId: row.id,
          type,
          selector: input.selector,
        });
        return toTarget(row);
      });
    },

    listTargets: async (ctx: RequestContext, id: string): Promise<Target[]> => {
      await requireChange(ctx, id);
      return (await forTenant(db, ctx.tenantId).listTargets(id)).map(toTarget);
    },

    /** Adds an op under the change's row lock, so it lands before a checkin reads the ops or is refused (409). */
    addOp: async (ctx: RequestContext, id: string, input: CreatePatchOpBody): Promise<PatchOp> => {
      try {
        return await inTransaction(db, async (trx) => {
          const change = await requireChange(ctx, id, trx, true);
          if (!canEditOps(change.status)) throw conflict(`ops cannot be added to a ${change.status} change`);
          const repo = forTenant(trx, ctx.tenantId);
          const target = await repo.findTarget(id, input.targetId);
          if (!target) throw notFound('target of this change', input.targetId);
          if (target.type !== 'record_type') {
            throw invalid(`${input.opType} applies to record_type targets; this target is a ${target.type}`, {
              field: 'targetId',
            });
          }
          const parsed = parsePayload(input.opType, input.payload);
          await requireTargetType(trx, ctx, change, String(target.selector.recordTypeKey), 'is no longer');
          const row = await repo.insertOp({
            id: newId(),
            change_id: id,
            target_id: target.id,
            op_type: parsed.opType,
            payload: parsed.payload,
            created_at: clock.now(),
          });
          await recordEvent(trx, ctx, change, 'patch_op_added', { opId: row.id, opType: row.op_type });
          return toOp(row);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'change_patch_ops_no_duplicates'))
          throw conflict('the change already has this op');
        throw error;
      }
    },

    /** One page of the change's ops in the order they run, and the cursor of the next page (null on the last). */
    listOps: async (
      ctx: RequestContext,
      id: string,
      page: { limit: number; cursor?: string } = { limit: 50 },
    ): Promise<Page<PatchOp>> => {
      const after = seqPage(page);
      await requireChange(ctx, id);
      const rows = await forTenant(db, ctx.tenantId).listOps(id, after);
      const { items, nextCursor } = bySeq.pageOf(rows, page.limit, (r) => [String(r.seq)]);
      return { items: items.map(toOp), nextCursor };
    },

    /**
     * Deletes a pending op of the caller's tenant (T5) under the change's row lock; executed ops stay
     * forever (E3).
     */
    deleteOp: async (ctx: RequestContext, id: string, opId: string): Promise<void> =>
      inTransaction(db, async (trx) => {
        const change = await requireChange(ctx, id, trx, true);
        const repo = forTenant(trx, ctx.tenantId);
        const op = await repo.findOp(id, opId);
        if (!op) throw notFound('op of this change', opId);
        if (op.executed_at) throw conflict('an executed op cannot be deleted (E3)');
        if (!canEditOps(change.status))
          throw conflict(`ops cannot be removed from a ${change.status} change`);
        if (!(await repo.deletePendingOp(id, opId))) throw conflict('the op was executed meanwhile (E3)');
        await recordEvent(trx, ctx, change, 'patch_op_deleted', { opId });
      }),

    /**
     * Dry run: phases 1–2 and the diff; writes nothing to any schema and changes no status (E4). Its outcome
     * is recorded on the change's timeline (a change_dry_run event), the only write it makes.
     */
    execute: (ctx: RequestContext, id: string): Promise<{ valid: true; diff: GraphDiff }> =>
      dryRun(ctx, id, true),

    /**
     * Validates (no schema writes) and moves the change to Ready, or to ValidationFailed with the errors.
     * The change's row is locked from the status check to the move, so the ops validated are exactly the
     * ops the change has when it becomes Ready, and of concurrent checkins one wins (the rest 409).
     */
    checkin: async (ctx: RequestContext, id: string): Promise<Change> => {
      const { updated, result, change } = await inTransaction(db, async (trx) => {
        const change = await requireChange(ctx, id, trx, true);
        if (!canCheckin(change.status)) throw conflict(`a ${change.status} change cannot be checked in`);
        const result = await plan(trx, ctx, change, null);
        const updated = result.ok
          ? await moveTo(trx, ctx, change, 'Ready', { validation_errors: null })
          : await moveTo(trx, ctx, change, 'ValidationFailed', {
              validation_errors: JSON.stringify(result.errors),
            });
        return { updated, result, change };
      });
      emitValidation(ctx, change.id, result);
      return toChange(updated);
    },

    /**
     * Runs all three phases for real, from Ready only: snapshots first (E6), then schemas, op stamps
     * (D7) and status, in one transaction. Any failure writes nothing (E4); a second merge is refused (E2).
     */
    merge: async (ctx: RequestContext, id: string): Promise<{ change: Change; diff: GraphDiff }> => {
      let started = false;
      let validation: { ok: boolean; errors?: ExecutionError[] } | undefined;
      try {
        const outcome = await inTransaction(db, async (trx) => {
          // The change's row lock serialises executors of one change: one merges, the others then see
          // Merged (409). The scope's record types are locked by the plan below.
          const change = await requireChange(ctx, id, trx, true);
          events.emit(ctx, { type: 'execution_started', status: 'started', entityId: id });
          started = true;
          if (change.status === 'Merged') throw conflict('the change is already merged (E1, E2)');
          if (change.status !== 'Ready')
            throw conflict(
              `only a Ready change can be merged (this one is ${change.status}); check it in first`,
            );
          const result = await plan(trx, ctx, change, trx);
          validation = result;
          if (!result.ok)
            throw unprocessable('the change failed to execute; nothing was written', result.errors);
          const now = clock.now();
          // The snapshot carries the configurations too, so a revert restores them exactly (null included).
          const before = new Map(result.updates.map((u) => [u.key, u.before]));
          const move = moveOf(ctx, change, 'Merged', {
            merged_at: now,
            validation_errors: null,
            merge_diff: JSON.stringify(result.diff),
          });
          // Every write of the merge in one statement (one round trip): the snapshots, the op stamps, the
          // schemas and the move to Merged with its event. All or none of it persists (E4).
          const records = recordsPort(trx, ctx.tenantId);
          await records.writeSchemas(
            result.updates.map((u) => ({ id: u.id, fields: u.after.fields })),
            now,
            forTenant(trx, ctx.tenantId).executionWrites(
              result.updates.map((u) => ({
                project_id: change.project_id,
                record_type_key: u.key,
                change_id: change.id,
                schema: before.get(u.key),
              })),
              result.planned.map((o) => ({ id: o.id, previousSnapshot: before.get(o.recordTypeKey) })),
              now,
              { id: change.id, ...move },
            ),
          );
          // Configuration ops are rare: they cost a second statement only when one changed a configuration.
          await records.writeConfigs(
            result.updates
              .filter(
                (u) =>
                  !sameConfig(u.before.assignmentConfig, u.after.assignmentConfig) ||
                  !sameConfig(u.before.slaConfig, u.after.slaConfig),
              )
              .map((u) => ({
                id: u.id,
                assignmentConfig: u.after.assignmentConfig,
                slaConfig: u.after.slaConfig,
              })),
            now,
          );
          // The row as the statement left it: the change's row is locked, so nothing else moved it.
          const merged: ChangeRow = {
            ...change,
            status: 'Merged',
            merged_at: now,
            updated_at: move.set.updated_at,
            validation_errors: null,
          };
          return { change: toChange(merged), diff: result.diff };
        });
        // Emitted together after the commit: the bus stores events of one turn in one statement.
        emitValidation(ctx, id, validation!);
        events.emit(ctx, { type: 'graph.diff_computed', status: 'succeeded', entityId: id });
        events.emit(ctx, {
          type: 'execution_completed',
          status: 'succeeded',
          entityId: id,
          affectedRecords: outcome.diff.modifiedRecordTypes.map((m) => m.key),
        });
        return outcome;
      } catch (error) {
        if (validation) emitValidation(ctx, id, validation);
        if (started) {
          events.emit(ctx, {
            type: 'execution_failed',
            status: 'failed',
            entityId: id,
            error: {
              code: error instanceof DomainError ? error.code : 'INTERNAL_ERROR',
              message: error instanceof Error ? error.message : String(error),
            },
          });
        }
        throw error;
      }
    },

    /** The change's workspace; 404 until one was started. */
    getWorkspace: async (ctx: RequestContext, id: string): Promise<Workspace> => {
      await requireChange(ctx, id);
      const row = await forTenant(db, ctx.tenantId).findWorkspace(id);
      if (!row) throw notFound('workspace of change', id);
      return toWorkspace(row);
    },

    /**
     * Records a running workspace for the change and moves it to WorkspaceRunning. EC3L keeps the record;
     * the container itself belongs to the tooling that reads it.
     */
    startWorkspace: async (ctx: RequestContext, id: string): Promise<Workspace> =>
      inTransaction(db, async (trx) => {
        const change = await requireChange(ctx, id, trx, true);
        if (!['Draft', 'Implementing', 'WorkspaceRunning', 'ValidationFailed'].includes(change.status)) {
          throw conflict(`a workspace cannot be started for a ${change.status} change`);
        }
        const row = await forTenant(trx, ctx.tenantId).upsertWorkspace(id, clock.now());
        if (change.status !== 'WorkspaceRunning') await moveTo(trx, ctx, change, 'WorkspaceRunning');
        return toWorkspace(row);
      }),

    /**
     * Records an agent run on the change (Pending); the acting agent or user is its author. The change's
     * row is locked for the status check, so no run lands on a change a concurrent merge has merged.
     */
    createAgentRun: async (ctx: RequestContext, id: string, input: CreateAgentRunBody): Promise<AgentRun> =>
      inTransaction(db, async (trx) => {
        const change = await requireChange(ctx, id, trx, true);
        if (change.status === 'Merged') throw conflict('a merged change takes no more agent runs (E1)');
        const named = input.skillsUsed ?? [];
        // The skills' rows are share-locked: none is disabled or removed before the run commits (AR3).
        const registry = await agentsForTenant(trx, ctx.tenantId).findSkillsByName(named, true);
        const unusable = unusableSkills(named, registry);
        if (unusable.length > 0)
          throw new DomainError(
            ChangeEngineErrorCodes.AGENT_SKILL_UNUSABLE,
            `not registered or disabled skills: ${unusable.join(', ')}`,
            { field: 'skillsUsed', skills: unusable },
          );
        const row = await forTenant(trx, ctx.tenantId).insertAgentRun({
          id: newId(),
          change_id: id,
          agent_id: actorOf(ctx).actorId,
          intent: normalizeName(input.intent, 'intent'),
          skills_used: [...new Set(named)],
          created_at: clock.now(),
        });
        return toAgentRun(row);
      }),

    listAgentRuns: async (ctx: RequestContext, id: string): Promise<AgentRun[]> => {
      await requireChange(ctx, id);
      return (await forTenant(db, ctx.tenantId).listAgentRuns(id)).map(toAgentRun);
    },

    /** What the change will change (dry run) or changed (recorded at merge). */
    diff: async (ctx: RequestContext, id: string): Promise<GraphDiff> => {
      const change = await requireChange(ctx, id);
      if (change.status === 'Merged') return storedDiff(change.merge_diff as GraphDiff);
      // Reading the diff plans the change like a dry run but is a read: nothing goes on the timeline.
      return (await dryRun(ctx, id, false)).diff;
    },

    listSnapshots: async (ctx: RequestContext, id: string): Promise<Snapshot[]> => {
      await requireChange(ctx, id);
      return (await forTenant(db, ctx.tenantId).listSnapshots(id)).map((s) => ({
        id: s.id,
        changeId: s.change_id,
        projectId: s.project_id,
        recordTypeKey: s.record_type_key,
        schema: s.schema,
        createdAt: s.created_at.toISOString(),
      }));
    },

    /** One page of the change's timeline, oldest first, and the cursor of the next page (null on the last). */
    listEvents: async (
      ctx: RequestContext,
      id: string,
      page: { limit: number; cursor?: string } = { limit: 50 },
    ): Promise<Page<ChangeEvent>> => {
      const after = seqPage(page);
      await requireChange(ctx, id);
      const rows = await forTenant(db, ctx.tenantId).listEvents(id, after);
      const { items, nextCursor } = bySeq.pageOf(rows, page.limit, (r) => [String(r.seq)]);
      return {
        items: items.map((e) => ({
          id: e.id,
          eventType: e.event_type,
          payload: e.payload,
          actorType: e.actor_type,
          actorId: e.actor_id,
          createdAt: e.created_at.toISOString(),
        })),
        nextCursor,
      };
    },

    /**
     * Creates a Draft change whose ops bring every record type the merged change touched back to exactly
     * its snapshotted schema. Refused when a later merge touched the same record types.
     */
    revert: async (ctx: RequestContext, id: string): Promise<Change> =>
      // The merged change's row is locked from the open-revert check to the insert: of concurrent reverts
      // of one change, one creates the revert and the rest see it (409).
      inTransaction(db, async (trx) => {
        const change = await requireChange(ctx, id, trx, true);
        if (change.status !== 'Merged')
          throw conflict(`only a merged change can be reverted (this one is ${change.status})`);
        const repo = forTenant(trx, ctx.tenantId);
        const open = await repo.findOpenRevert(change.id);
        if (open)
          throw conflict(`the change already has an open revert: "${open.title}"`, { changeId: open.id });
        const snapshots = await repo.listSnapshots(id);
        const keys = snapshots.map((s) => s.record_type_key);
        const later = await repo.laterMergesTouching(change.project_id, keys, change.merged_at!, change.id);
        if (later.length > 0) {
          const touched = [...new Set(later.map((l) => l.record_type_key))].sort();
          throw conflict(
            `later merged changes also touched ${touched.join(', ')}: ${[...new Set(later.map((l) => `"${l.title}"`))].join(', ')}; revert those first`,
            { recordTypeKeys: touched, changeIds: [...new Set(later.map((l) => l.id))] },
          );
        }
        const current = new Map(
          (await recordsPort(trx, ctx.tenantId).findRecordTypesByKeys(change.project_id, keys)).map((r) => [
            r.key,
            r,
          ]),
        );
        // The merged ops tell which fields kept their identity under a new name: those are renamed
        // back rather than removed and added again.
        const mergedOps = new Map<string, OpPayload[]>();
        for (const o of await repo.listOps(change.id)) {
          const key = String(o.target_selector.recordTypeKey);
          mergedOps.set(key, [
            ...(mergedOps.get(key) ?? []),
            { opType: o.op_type, payload: o.payload } as OpPayload,
          ]);
        }
        const plans = snapshots
          .map((s) => {
            const before = s.schema as { fields: FieldDefinition[] } & Partial<RecordTypeConfigs>;
            const beforeFields = ownFieldsOf({ schema: before });
            const row = current.get(s.record_type_key);
            const ops: OpPayload[] = restoreOps(
              row ? ownFieldsOf(row) : [],
              beforeFields,
              traceFields(
                beforeFields.map((f) => f.name),
                mergedOps.get(s.record_type_key) ?? [],
              ),
            );
            ops.push(
              ...restoreConfigOps(
                {
                  assignmentConfig: (row?.assignment_config as AssignmentConfig | null) ?? null,
                  slaConfig: (row?.sla_config as SlaConfig | null) ?? null,
                },
                before,
              ),
            );
            return { key: s.record_type_key, ops };
          })
          .filter((p) => p.ops.length > 0);
        if (plans.length === 0)
          throw conflict('the record types already have their pre-change schemas; nothing to revert');
        const now = clock.now();
        const revert = await repo.insertChange({
          id: newId(),
          project_id: change.project_id,
          title: `Revert: ${change.title}`.slice(0, 300),
          description: `Restores the schemas ${change.title} changed.`,
          module_id: change.module_id,
          environment_id: change.environment_id,
          status: 'Draft',
          reverts_change_id: change.id,
          created_by: actorOf(ctx).actorId,
          created_at: now,
          updated_at: now,
        });
        const targets = plans.map((p) => ({
          id: newId(),
          project_id: change.project_id,
          change_id: revert.id,
          type: 'record_type' as const,
          selector: { recordTypeKey: p.key },
          created_at: now,
        }));
        await repo.insertTargets(targets);
        await repo.insertOps(
          plans.flatMap((p, i) =>
            p.ops.map((op) => ({
              id: newId(),
              change_id: revert.id,
              target_id: targets[i]!.id,
              op_type: op.opType,
              payload: op.payload,
            })),
          ),
          now,
        );
        await recordEvent(trx, ctx, revert, 'change_status_changed', {
          from: null,
          to: 'Draft',
          reverts: change.id,
        });
        return toChange(revert);
      }),
  };
  return service;
};

export type ChangeService = ReturnType<typeof createChangeService>;

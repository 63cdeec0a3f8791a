import { inTransaction } from '@ec3l/db';
import type { GraphDiff, RecordTypeNode } from '@ec3l/graph';
import { conflict, DomainError, type RequestContext } from '@ec3l/kernel';
import {
  type AssignmentConfig,
  type FieldDefinition,
  ownFieldsOf,
  recordsLockPort,
  recordsPort,
  type SlaConfig,
  sameConfig,
} from '@ec3l/records';
import { canCheckin } from '../core/lifecycle.js';
import type { OpPayload } from '../core/ops.js';
import { type ExecutionError, type PlannedOp, planExecution } from '../core/plan.js';
import { ChangeEngineErrorCodes } from '../errors.js';
import { forTenant, type OpWithTarget } from '../repo/scoped.js';
import type { Change } from '../schemas.js';
import type { ChangeRow } from '../tables.js';
import type { ChangeServiceContext, Db, Trx } from './context.js';
import { toChange } from './rows.js';

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

// Diffs recorded before renames were part of the diff read as diffs without renames.
const storedDiff = (diff: GraphDiff): GraphDiff => ({
  ...diff,
  modifiedRecordTypes: diff.modifiedRecordTypes.map((d) => ({ ...d, renamedFields: d.renamedFields ?? [] })),
  summary: { ...diff.summary, fieldsRenamed: diff.summary.fieldsRenamed ?? 0 },
});

/** The three-phase executor: dry run (and the diff), checkin and merge. */
export const executor = ({
  db,
  events,
  clock,
  requireChange,
  recordEvent,
  moveOf,
  moveTo,
}: ChangeServiceContext) => {
  /**
   * Phase 1 (load) and the pure phases 1.5 and 2. Given `lockIn` (the merge's transaction), the touched
   * record types are read locked and stay locked until it ends.
   */
  const plan = async (trx: Db | Trx, ctx: RequestContext, change: ChangeRow, lockIn: Trx | null) => {
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

  return {
    /**
     * Dry run: phases 1–2 and the diff; writes nothing to any schema and changes no status (E4). Its outcome
     * is recorded on the change's timeline (a change_dry_run event), the only write it makes.
     */
    execute: (ctx: RequestContext, id: string): Promise<{ valid: true; diff: GraphDiff }> =>
      dryRun(ctx, id, true),

    /** What the change will change (dry run) or changed (recorded at merge). */
    diff: async (ctx: RequestContext, id: string): Promise<GraphDiff> => {
      const change = await requireChange(ctx, id);
      if (change.status === 'Merged') return storedDiff(change.merge_diff as GraphDiff);
      // Reading the diff plans the change like a dry run but is a read: nothing goes on the timeline.
      return (await dryRun(ctx, id, false)).diff;
    },

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
  };
};

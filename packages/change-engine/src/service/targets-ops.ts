import { inTransaction, isUniqueViolation, type Page } from '@ec3l/db';
import { conflict, DomainError, invalid, notFound, type RequestContext } from '@ec3l/kernel';
import { recordsPort } from '@ec3l/records';
import type { Transaction } from 'kysely';
import { canAddTargets, canEditOps } from '../core/lifecycle.js';
import type { OpPayload } from '../core/ops.js';
import { parsePayload } from '../core/payload.js';
import { selectorProblems, type TargetType } from '../core/selectors.js';
import { ChangeEngineErrorCodes } from '../errors.js';
import { forTenant } from '../repo/scoped.js';
import type { CreatePatchOpBody, CreateTargetBody, PatchOp, Target } from '../schemas.js';
import type { ChangeEngineDatabase, ChangeRow } from '../tables.js';
import type { ChangeServiceContext, Trx } from './context.js';
import { toOp, toTarget } from './rows.js';

/** Refuses a target's record type key that names no record type of the change's project (P1, P7). */
const requireTargetType = async (
  trx: Trx,
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

/**
 * A change's targets and patch ops. Every write locks the change's row for its status check and holds
 * it to the insert or delete, so a checkin or a status move waits for it (or it waits and gets 409).
 */
export const targetsAndOps = ({
  db,
  clock,
  requireChange,
  pageOfChange,
  recordEvent,
  insertDraft,
  insertTarget,
  insertOp,
}: ChangeServiceContext) => ({
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
    const created = await insertDraft(
      trx,
      ctx,
      { projectId: input.projectId, title: input.title, description: input.description },
      now,
    );
    const targets = new Map<string, string>();
    for (const key of new Set(parsed.map((op) => op.key))) {
      await requireTargetType(trx, ctx, created, key, 'does not exist');
      const target = await insertTarget(
        trx,
        ctx,
        created,
        { type: 'record_type', selector: { recordTypeKey: key } },
        now,
      );
      targets.set(key, target.id);
    }
    const seen = new Set<string>();
    for (const op of parsed) {
      const identity = JSON.stringify([op.key, op.opType, op.payload]);
      if (seen.has(identity)) throw conflict('the proposal carries the same op twice');
      seen.add(identity);
      await insertOp(trx, ctx, created, targets.get(op.key) as string, op);
    }
    return created.id;
  },

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
      return toTarget(await insertTarget(trx, ctx, change, { type, selector: input.selector }, clock.now()));
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
        const target = await forTenant(trx, ctx.tenantId).findTarget(id, input.targetId);
        if (!target) throw notFound('target of this change', input.targetId);
        if (target.type !== 'record_type') {
          throw invalid(`${input.opType} applies to record_type targets; this target is a ${target.type}`, {
            field: 'targetId',
          });
        }
        const parsed = parsePayload(input.opType, input.payload);
        await requireTargetType(trx, ctx, change, String(target.selector.recordTypeKey), 'is no longer');
        return toOp(await insertOp(trx, ctx, change, target.id, parsed));
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
  ): Promise<Page<PatchOp>> => pageOfChange(ctx, id, page, (repo, after) => repo.listOps(id, after), toOp),

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
      if (!canEditOps(change.status)) throw conflict(`ops cannot be removed from a ${change.status} change`);
      if (!(await repo.deletePendingOp(id, opId))) throw conflict('the op was executed meanwhile (E3)');
      await recordEvent(trx, ctx, change, 'patch_op_deleted', { opId });
    }),
});

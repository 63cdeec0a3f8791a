import type { Page } from '@ec3l/db';
import type { Clock, EventBus, RequestContext } from '@ec3l/kernel';
import { actorOf, newId, normalizeName, notFound, systemClock } from '@ec3l/kernel';
import type { Kysely, Transaction } from 'kysely';
import type { ChangeStatus } from '../core/lifecycle.js';
import type { OpPayload } from '../core/ops.js';
import { forTenant } from '../repo/scoped.js';
import type { ChangeEngineDatabase, ChangeEventRow, ChangeRow, TargetRow } from '../tables.js';
import { seqPageOf, seqRows } from './pages.js';

export type Db = Kysely<ChangeEngineDatabase>;
export type Trx = Transaction<ChangeEngineDatabase>;

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

/** The columns of a move of a change beyond its status. */
type MoveExtra = { validation_errors?: string | null; merge_diff?: string | null; merged_at?: Date };

/** What a new Draft change is made of; the rest (id, status, author, times) is filled in. */
type DraftColumns = Pick<
  ChangeRow,
  'project_id' | 'title' | 'description' | 'module_id' | 'environment_id' | 'reverts_change_id'
>;

/**
 * What the parts of the change service share: the dependencies (the clock defaulted) and the writes
 * every part makes the same way, each one recorded on the change's timeline in the caller's
 * transaction. None takes a lock: a caller that needs the change's row locked locks it with
 * `requireChange(ctx, id, trx, true)` first.
 */
export const changeServiceContext = (deps: ChangeEngineDeps) => {
  const { db, clock = systemClock } = deps;

  const requireChange = async (ctx: RequestContext, id: string, trx: Db | Trx = db, lock = false) => {
    const row = await forTenant(trx, ctx.tenantId).findChange(id, lock);
    if (!row) throw notFound('change', id);
    return row;
  };

  /**
   * One page of a list of the change's kept in seq order (its ops, its timeline): the cursor is decoded
   * (a 400 when it does not) before any query, then the change is required, then `read` reads the page.
   */
  const pageOfChange = async <R extends { seq: unknown }, T>(
    ctx: RequestContext,
    id: string,
    page: { limit: number; cursor?: string },
    read: (repo: ReturnType<typeof forTenant>, after: ReturnType<typeof seqRows>) => Promise<R[]>,
    show: (row: R) => T,
  ): Promise<Page<T>> => {
    const after = seqRows(page);
    await requireChange(ctx, id);
    const { items, nextCursor } = seqPageOf(await read(forTenant(db, ctx.tenantId), after), page.limit);
    return { items: items.map(show), nextCursor };
  };

  const recordEvent = (
    trx: Db | Trx,
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
  const moveOf = (ctx: RequestContext, change: ChangeRow, status: ChangeStatus, extra: MoveExtra = {}) => {
    const now = clock.now();
    const { actorType, actorId }: { actorType: ChangeEventRow['actor_type']; actorId: string | null } =
      actorOf(ctx);
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

  /** Moves the change to `status` and records the move, in one statement; the caller holds its row lock. */
  const moveTo = (
    trx: Db | Trx,
    ctx: RequestContext,
    change: ChangeRow,
    status: ChangeStatus,
    extra: MoveExtra = {},
  ) => {
    const { set, event } = moveOf(ctx, change, status, extra);
    return forTenant(trx, ctx.tenantId).updateChangeWithEvent(change.id, set, event);
  };

  /** The row of a new Draft change by the caller, created `now`. */
  const draftRow = (ctx: RequestContext, columns: DraftColumns, now: Date) => ({
    id: newId(),
    ...columns,
    status: 'Draft' as const,
    created_by: actorOf(ctx).actorId,
    created_at: now,
    updated_at: now,
  });

  /** Records a new Draft change's first event (from null to Draft, with `extra`). */
  const recordCreated = (
    trx: Trx,
    ctx: RequestContext,
    change: ChangeRow,
    extra: Record<string, unknown> = {},
  ) => recordEvent(trx, ctx, change, 'change_status_changed', { from: null, to: 'Draft', ...extra });

  /** Inserts a Draft change by the caller (its title normalised) and its first event. */
  const insertDraft = async (
    trx: Trx,
    ctx: RequestContext,
    draft: {
      projectId: string;
      title: string;
      description?: string | null;
      moduleId?: string | null;
      environmentId?: string | null;
    },
    now: Date,
  ) => {
    const created = await forTenant(trx, ctx.tenantId).insertChange(
      draftRow(
        ctx,
        {
          project_id: draft.projectId,
          title: normalizeName(draft.title, 'title'),
          description: draft.description ?? null,
          module_id: draft.moduleId ?? null,
          environment_id: draft.environmentId ?? null,
          reverts_change_id: null,
        },
        now,
      ),
    );
    await recordCreated(trx, ctx, created);
    return created;
  };

  /** Adds a target to the change and records it. */
  const insertTarget = async (
    trx: Trx,
    ctx: RequestContext,
    change: ChangeRow,
    target: { type: TargetRow['type']; selector: Record<string, unknown> },
    now: Date,
  ) => {
    const row = await forTenant(trx, ctx.tenantId).insertTarget({
      id: newId(),
      project_id: change.project_id,
      change_id: change.id,
      type: target.type,
      selector: target.selector,
      created_at: now,
    });
    await recordEvent(trx, ctx, change, 'change_target_added', {
      targetId: row.id,
      type: target.type,
      selector: target.selector,
    });
    return row;
  };

  /** Adds an op (already parsed) on one of the change's targets and records it. */
  const insertOp = async (
    trx: Trx,
    ctx: RequestContext,
    change: ChangeRow,
    targetId: string,
    op: OpPayload,
  ) => {
    const row = await forTenant(trx, ctx.tenantId).insertOp({
      id: newId(),
      change_id: change.id,
      target_id: targetId,
      op_type: op.opType,
      payload: op.payload,
      created_at: clock.now(),
    });
    await recordEvent(trx, ctx, change, 'patch_op_added', { opId: row.id, opType: row.op_type });
    return row;
  };

  return {
    ...deps,
    clock,
    requireChange,
    pageOfChange,
    recordEvent,
    moveOf,
    moveTo,
    draftRow,
    recordCreated,
    insertDraft,
    insertTarget,
    insertOp,
  };
};

export type ChangeServiceContext = ReturnType<typeof changeServiceContext>;

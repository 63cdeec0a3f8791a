import { type Cursor, inTransaction, type Page } from '@ec3l/db';
import { conflict, invalid, type RequestContext } from '@ec3l/kernel';
import type { Transaction } from 'kysely';
import { type ChangeStatus, refuseManualTransition } from '../core/lifecycle.js';
import { type ChangeListFilter, forTenant } from '../repo/scoped.js';
import type { Change, ChangeEvent, CreateChangeBody } from '../schemas.js';
import type { ChangeEngineDatabase } from '../tables.js';
import type { ChangeServiceContext } from './context.js';
import { timePageOf, timeRows } from './pages.js';
import { toChange, toEvent } from './rows.js';

/** Change records: creating them, reading them, their timeline and their manual status moves. */
export const changeRecords = ({
  db,
  clock,
  requireProject,
  projectParts,
  requireChange,
  pageOfChange,
  moveTo,
  insertDraft,
  insertTarget,
}: ChangeServiceContext) => ({
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
    const row = await inTransaction(db, (trx) =>
      insertDraft(
        trx,
        ctx,
        {
          projectId: input.projectId,
          title: input.title,
          description: input.description?.trim() || null,
          moduleId: input.moduleId ?? null,
          environmentId: input.environmentId ?? null,
        },
        now,
      ),
    );
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
    const created = await insertDraft(trx, ctx, { projectId: input.projectId, title: input.title }, now);
    const selector = { workflowDefinitionId: input.workflowDefinitionId };
    await insertTarget(trx, ctx, created, { type: 'workflow', selector }, now);
    return created.id;
  },

  /** Throws NOT_FOUND unless the project exists in the caller's tenant. */
  requireProject: (ctx: RequestContext, projectId: string): Promise<void> => requireProject(ctx, projectId),

  /**
   * One page of change records, newest first, and the cursor of the next page (null on the last);
   * `from` (inclusive) and `to` (exclusive) bound their creation time, `revertsChangeId` keeps the
   * changes that revert that change (none for an id the tenant does not have).
   */
  listChanges: async (
    ctx: RequestContext,
    filter: ChangeListFilter,
    page: { limit: number; after?: Cursor } = { limit: 50 },
  ): Promise<{ items: Change[]; nextCursor: string | null }> => {
    if (filter.projectId) await requireProject(ctx, filter.projectId);
    const rows = await forTenant(db, ctx.tenantId).listChanges(filter, timeRows(page));
    const { items, nextCursor } = timePageOf(rows, page.limit);
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

  /** One page of the change's timeline, oldest first, and the cursor of the next page (null on the last). */
  listEvents: async (
    ctx: RequestContext,
    id: string,
    page: { limit: number; cursor?: string } = { limit: 50 },
  ): Promise<Page<ChangeEvent>> =>
    pageOfChange(ctx, id, page, (repo, after) => repo.listEvents(id, after), toEvent),
});

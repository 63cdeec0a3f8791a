import { inTransaction } from '@ec3l/db';
import type { RequestContext } from '@ec3l/kernel';
import { actorOf, conflict, DomainError, newId, normalizeName, notFound } from '@ec3l/kernel';
import { unusableSkills } from '../core/agent-runs.js';
import { ChangeEngineErrorCodes } from '../errors.js';
import { agentsForTenant } from '../repo/agents.js';
import { forTenant } from '../repo/scoped.js';
import type { AgentRun, CreateAgentRunBody, Workspace } from '../schemas.js';
import type { ChangeServiceContext } from './context.js';
import { toAgentRun, toWorkspace } from './rows.js';

/** A change's workspace and the agent runs recorded on it. */
export const workspacesAndRuns = ({ db, clock, requireChange, moveTo }: ChangeServiceContext) => ({
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
});

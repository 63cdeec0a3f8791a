import { type Cursor, inTransaction, isUniqueViolation, keysetCursor, type Page } from '@ec3l/db';
import {
  actorOf,
  type Clock,
  conflict,
  DomainError,
  ErrorCodes,
  type EventBus,
  invalid,
  newId,
  normalizeName,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Kysely, Transaction } from 'kysely';
import { type AgentRunStatus, isRunEnded, refuseLogAppend, refuseRunMove } from './core/agent-runs.js';
import { type ProposalStatus, type ProposalType, proposalTransition, targetRefOf } from './core/proposals.js';
import { ChangeEngineErrorCodes } from './errors.js';
import { agentsForTenant } from './repo/agents.js';
import type {
  AgentRun,
  AgentSkill,
  AppendRunLogsBody,
  CreateProposalBody,
  CreateSkillBody,
  Proposal,
  ProposalChangeOp,
  ProposalFormPatchOp,
  ReviewProposalBody,
  UpdateSkillBody,
} from './schemas.js';
import { timePageOf, timeRows } from './service/pages.js';
import { toAgentRun } from './service/rows.js';
import type { ChangeService } from './service.js';
import type { ChangeEngineDatabase, ProposalRow, SkillRow } from './tables.js';

type Db = Kysely<ChangeEngineDatabase>;
type Trx = Transaction<ChangeEngineDatabase>;

/**
 * How an accepted proposal is applied, each inside the accept's transaction and through the domain that
 * owns the target (AP2: accepting never writes the target directly). Each answers the id it created.
 */
type ProposalAppliers = {
  /** Attaches the comment to the workflow approval (the workflow service's comments). */
  approvalComment: (
    trx: Trx,
    ctx: RequestContext,
    input: { approvalId: string; comment: string; proposalId: string },
  ) => Promise<string>;
  /** Creates a form override from the ops (the forms service's createFormOverride). */
  formPatch: (
    trx: Trx,
    ctx: RequestContext,
    input: {
      recordTypeName: string;
      formName: string;
      ops: ProposalFormPatchOp[];
      summary: string;
      proposalId: string;
    },
  ) => Promise<string>;
};

export type AgentServiceDeps = {
  db: Db;
  events: EventBus;
  clock?: Clock;
  changes: Pick<ChangeService, 'openChangeWithOps' | 'getChange' | 'requireProject'>;
  appliers: ProposalAppliers;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toProposal = (row: ProposalRow): Proposal =>
  ({
    id: row.id,
    changeId: row.change_id,
    agentId: row.agent_id,
    createdBy: row.created_by,
    proposalType: row.proposal_type,
    targetRef: row.target_ref,
    payload: row.payload,
    summary: row.summary,
    status: row.status,
    submittedBy: row.submitted_by,
    submittedAt: iso(row.submitted_at),
    reviewedBy: row.reviewed_by,
    reviewComment: row.review_comment,
    reviewedAt: iso(row.reviewed_at),
    applied:
      row.applied_kind && row.applied_id
        ? { kind: row.applied_kind as NonNullable<Proposal['applied']>['kind'], id: row.applied_id }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }) as Proposal;

const toSkill = (row: SkillRow): AgentSkill => ({
  id: row.id,
  name: row.name,
  description: row.description,
  inputSchema: row.input_schema,
  status: row.status,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The largest input schema a skill may register, as JSON text. */
const MAX_INPUT_SCHEMA_CHARS = 20_000;

const schemaChecker = new Ajv2020({ strict: false, validateFormats: false });

/**
 * Throws AGENT_SKILL_SCHEMA_INVALID unless `schema` is a JSON Schema object: valid against the draft
 * 2020-12 meta-schema and compilable (its references resolve).
 */
const checkInputSchema = (schema: Record<string, unknown>): void => {
  const fail = (message: string, problems: string[]) => {
    throw new DomainError(ChangeEngineErrorCodes.AGENT_SKILL_SCHEMA_INVALID, message, {
      field: 'inputSchema',
      problems,
    });
  };
  if (JSON.stringify(schema).length > MAX_INPUT_SCHEMA_CHARS)
    fail(`inputSchema is longer than ${MAX_INPUT_SCHEMA_CHARS} characters`, []);
  if ('$schema' in schema && schema.$schema !== 'https://json-schema.org/draft/2020-12/schema')
    fail('inputSchema must be a draft 2020-12 JSON Schema', ['/$schema']);
  if (!schemaChecker.validateSchema(schema)) {
    const problems = (schemaChecker.errors ?? []).map((e) =>
      `${e.instancePath || '/'} ${e.message ?? ''}`.trim(),
    );
    fail(`inputSchema is not a JSON Schema: ${problems.join('; ')}`, problems);
  }
  try {
    schemaChecker.compile(schema);
  } catch (error) {
    fail(`inputSchema does not compile: ${(error as Error).message}`, []);
  } finally {
    schemaChecker.removeSchema();
  }
};

const byName = keysetCursor('text');

/** Agent proposals, the skills registry and agent runs' progress and logs. */
export const createAgentService = ({ db, clock = systemClock, changes, appliers }: AgentServiceDeps) => {
  const requireProposal = async (ctx: RequestContext, id: string, trx: Db | Trx = db, lock = false) => {
    const row = await agentsForTenant(trx, ctx.tenantId).findProposal(id, lock);
    if (!row) throw notFound('proposal', id);
    return row;
  };
  const requireSkill = async (ctx: RequestContext, id: string, trx: Db | Trx = db, lock = false) => {
    const row = await agentsForTenant(trx, ctx.tenantId).findSkill(id, lock);
    if (!row) throw notFound('skill', id);
    return row;
  };
  const requireRun = async (ctx: RequestContext, id: string, trx: Db | Trx = db, lock = false) => {
    const row = await agentsForTenant(trx, ctx.tenantId).findRun(id, lock);
    if (!row) throw notFound('agent run', id);
    return row;
  };
  const actorKind = (ctx: RequestContext) => (ctx.agentId ? 'agent' : 'user') as 'agent' | 'user';
  const refuse = (result: { refused: 'agent' | 'state'; reason: string }) =>
    result.refused === 'agent'
      ? new DomainError(ErrorCodes.AGENT_FORBIDDEN, result.reason)
      : conflict(result.reason);

  /** Applies an accepted proposal through its target's domain (AP2); answers what it created. */
  const apply = async (
    trx: Trx,
    ctx: RequestContext,
    row: ProposalRow,
  ): Promise<{ kind: string; id: string }> => {
    const payload = row.payload as Record<string, unknown>;
    switch (row.proposal_type) {
      case 'workflow_change': {
        const input = payload as { projectId: string; title: string; ops: ProposalChangeOp[] };
        const id = await changes.openChangeWithOps(trx, ctx, {
          projectId: input.projectId,
          title: input.title,
          description: `Opened by accepting proposal ${row.id}: ${row.summary}`,
          ops: input.ops,
        });
        return { kind: 'change', id };
      }
      case 'approval_comment': {
        const input = payload as { approvalId: string; comment: string };
        const id = await appliers.approvalComment(trx, ctx, { ...input, proposalId: row.id });
        return { kind: 'workflow_approval_comment', id };
      }
      case 'form_patch': {
        const input = payload as { recordTypeName: string; formName: string; ops: ProposalFormPatchOp[] };
        const id = await appliers.formPatch(trx, ctx, { ...input, summary: row.summary, proposalId: row.id });
        return { kind: 'form_override', id };
      }
    }
  };

  return {
    /** Records a draft proposal by the calling agent or human; the payload was checked against its type. */
    createProposal: async (ctx: RequestContext, input: CreateProposalBody): Promise<Proposal> => {
      if (input.changeId) await changes.getChange(ctx, input.changeId);
      const { actorType, actorId } = actorOf(ctx);
      if (!actorId) throw invalid('a proposal needs an agent or a user as its author');
      const now = clock.now();
      const row = await agentsForTenant(db, ctx.tenantId).insertProposal({
        id: newId(),
        change_id: input.changeId ?? null,
        agent_id: actorType === 'agent' ? actorId : null,
        created_by: actorType === 'agent' ? null : actorId,
        proposal_type: input.proposalType,
        target_ref: targetRefOf(input),
        payload: JSON.stringify(input.payload),
        summary: normalizeName(input.summary, 'summary'),
        status: 'draft',
        created_at: now,
        updated_at: now,
      });
      return toProposal(row);
    },

    getProposal: async (ctx: RequestContext, id: string): Promise<Proposal> =>
      toProposal(await requireProposal(ctx, id)),

    /** One page of proposals, newest first, and the next page's cursor (null on the last). */
    listProposals: async (
      ctx: RequestContext,
      filter: { status?: ProposalStatus; proposalType?: ProposalType; changeId?: string },
      page: { limit: number; after?: Cursor } = { limit: 50 },
    ): Promise<Page<Proposal>> => {
      const rows = await agentsForTenant(db, ctx.tenantId).listProposals(filter, timeRows(page));
      const { items, nextCursor } = timePageOf(rows, page.limit);
      return { items: items.map(toProposal), nextCursor };
    },

    /** Submits a draft for review, under the proposal's row lock; humans only (AP1). */
    submitProposal: async (ctx: RequestContext, id: string): Promise<Proposal> =>
      inTransaction(db, async (trx) => {
        const row = await requireProposal(ctx, id, trx, true);
        const move = proposalTransition(row.status, 'submit', actorKind(ctx));
        if ('refused' in move) throw refuse(move);
        const now = clock.now();
        return toProposal(
          await agentsForTenant(trx, ctx.tenantId).updateProposal(id, {
            status: move.to,
            submitted_by: actorOf(ctx).actorId,
            submitted_at: now,
            updated_at: now,
          }),
        );
      }),

    /**
     * Accepts or rejects a submitted proposal under its row lock (of concurrent reviews one wins, the
     * rest get 409). Accepting applies it through the target's domain in the same transaction: when
     * applying fails nothing is written and the proposal stays submitted (AP4).
     */
    reviewProposal: async (ctx: RequestContext, id: string, body: ReviewProposalBody): Promise<Proposal> => {
      // What applying reads on other connections is read first, outside the transaction and its lock.
      const unlocked = await requireProposal(ctx, id);
      let projectMissing: DomainError | null = null;
      if (body.decision === 'accept' && unlocked.proposal_type === 'workflow_change') {
        const { projectId } = unlocked.payload as { projectId: string };
        projectMissing = await changes.requireProject(ctx, projectId).then(
          () => null,
          (error: unknown) => {
            if (error instanceof DomainError) return error;
            throw error;
          },
        );
      }
      return inTransaction(db, async (trx) => {
        const row = await requireProposal(ctx, id, trx, true);
        const move = proposalTransition(row.status, body.decision, actorKind(ctx));
        if ('refused' in move) throw refuse(move);
        let applied: { kind: string; id: string } | null = null;
        if (body.decision === 'accept') {
          try {
            if (projectMissing) throw projectMissing;
            applied = await apply(trx, ctx, row);
          } catch (error) {
            if (!(error instanceof DomainError) || error.code === ErrorCodes.AGENT_FORBIDDEN) throw error;
            throw new DomainError(
              ChangeEngineErrorCodes.PROPOSAL_APPLY_FAILED,
              `the proposal could not be applied: ${error.message}`,
              { cause: { code: error.code, message: error.message, details: error.details ?? null } },
            );
          }
        }
        const now = clock.now();
        return toProposal(
          await agentsForTenant(trx, ctx.tenantId).updateProposal(id, {
            status: move.to,
            reviewed_by: actorOf(ctx).actorId,
            review_comment: body.comment?.trim() || null,
            reviewed_at: now,
            updated_at: now,
            applied_kind: applied?.kind ?? null,
            applied_id: applied?.id ?? null,
          }),
        );
      });
    },

    // Skills ------------------------------------------------------------------------------------------

    /** Registers a skill; its name is unique in the tenant (409) and its input schema a JSON Schema. */
    createSkill: async (ctx: RequestContext, input: CreateSkillBody): Promise<AgentSkill> => {
      checkInputSchema(input.inputSchema);
      const now = clock.now();
      try {
        const row = await agentsForTenant(db, ctx.tenantId).insertSkill({
          id: newId(),
          name: normalizeName(input.name, 'name'),
          description: input.description?.trim() || null,
          input_schema: JSON.stringify(input.inputSchema),
          status: input.status ?? 'active',
          created_by: actorOf(ctx).actorId,
          created_at: now,
          updated_at: now,
        });
        return toSkill(row);
      } catch (error) {
        if (isUniqueViolation(error, 'agent_skills_name_unique'))
          throw conflict(`a skill named "${input.name.trim()}" exists already`, { field: 'name' });
        throw error;
      }
    },

    getSkill: async (ctx: RequestContext, id: string): Promise<AgentSkill> =>
      toSkill(await requireSkill(ctx, id)),

    /** One page of skills in name order, and the next page's cursor (null on the last). */
    listSkills: async (
      ctx: RequestContext,
      page: { limit: number; cursor?: string },
    ): Promise<Page<AgentSkill>> => {
      const afterName = page.cursor ? byName.decode(page.cursor)[0] : undefined;
      const rows = await agentsForTenant(db, ctx.tenantId).listSkills({
        limit: page.limit + 1,
        ...(afterName !== undefined ? { afterName } : {}),
      });
      const { items, nextCursor } = byName.pageOf(rows, page.limit, (r) => [r.name]);
      return { items: items.map(toSkill), nextCursor };
    },

    /** Edits a skill under its row lock; a new name stays unique (409), a new schema is checked. */
    updateSkill: async (ctx: RequestContext, id: string, input: UpdateSkillBody): Promise<AgentSkill> => {
      if (input.inputSchema) checkInputSchema(input.inputSchema);
      try {
        return await inTransaction(db, async (trx) => {
          await requireSkill(ctx, id, trx, true);
          const row = await agentsForTenant(trx, ctx.tenantId).updateSkill(id, {
            ...(input.name !== undefined ? { name: normalizeName(input.name, 'name') } : {}),
            ...(input.description !== undefined ? { description: input.description?.trim() || null } : {}),
            ...(input.inputSchema ? { input_schema: JSON.stringify(input.inputSchema) } : {}),
            ...(input.status ? { status: input.status } : {}),
            updated_at: clock.now(),
          });
          return toSkill(row);
        });
      } catch (error) {
        if (isUniqueViolation(error, 'agent_skills_name_unique'))
          throw conflict(`a skill named "${input.name?.trim()}" exists already`, { field: 'name' });
        throw error;
      }
    },

    /** Removes a skill from the registry; runs that used it keep its name. */
    deleteSkill: async (ctx: RequestContext, id: string): Promise<void> => {
      if (!(await agentsForTenant(db, ctx.tenantId).deleteSkill(id))) throw notFound('skill', id);
    },

    // Runs --------------------------------------------------------------------------------------------

    getRun: async (ctx: RequestContext, id: string): Promise<AgentRun> =>
      toAgentRun(await requireRun(ctx, id)),

    /** The run's status and its log lines after the first `from` (what a stream has not sent yet). */
    readRunLog: async (
      ctx: RequestContext,
      id: string,
      from: number,
    ): Promise<{ status: AgentRunStatus; ended: boolean; lines: AgentRun['logs']; total: number }> => {
      const read = await agentsForTenant(db, ctx.tenantId).readRunLogFrom(id, from);
      if (!read) throw notFound('agent run', id);
      return { ...read, ended: isRunEnded(read.status), lines: read.lines as AgentRun['logs'] };
    },

    /** Appends log lines under the run's row lock; an ended run's log is closed and a log is bounded (AR1, AR2). */
    appendRunLogs: async (ctx: RequestContext, id: string, body: AppendRunLogsBody): Promise<AgentRun> =>
      inTransaction(db, async (trx) => {
        const run = await requireRun(ctx, id, trx, true);
        const refusal = refuseLogAppend(run.status, (run.logs as unknown[]).length, body.lines.length);
        if (refusal) throw conflict(refusal);
        const now = clock.now();
        const lines = body.lines.map((l) => ({
          at: now.toISOString(),
          level: l.level ?? 'info',
          message: l.message,
        }));
        return toAgentRun(await agentsForTenant(trx, ctx.tenantId).appendRunLogs(id, lines, now));
      }),

    /** Moves the run under its row lock: Pending → Running → Passed | Failed (AR1). */
    moveRun: async (ctx: RequestContext, id: string, status: AgentRunStatus): Promise<AgentRun> =>
      inTransaction(db, async (trx) => {
        const run = await requireRun(ctx, id, trx, true);
        const refusal = refuseRunMove(run.status, status);
        if (refusal) throw conflict(refusal, { from: run.status, to: status });
        return toAgentRun(
          await agentsForTenant(trx, ctx.tenantId).moveRun(id, status, clock.now(), isRunEnded(status)),
        );
      }),
  };
};

export type AgentService = ReturnType<typeof createAgentService>;

import { afterCursor, assertTenantScope, type Cursor } from '@ec3l/db';
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { AgentRunStatus } from '../core/agent-runs.js';
import type { ProposalStatus, ProposalType } from '../core/proposals.js';
import type {
  AgentRunRow,
  ChangeEngineDatabase,
  ChangeEngineTables,
  ProposalRow,
  SkillRow,
} from '../tables.js';

type Db = Kysely<ChangeEngineDatabase> | Transaction<ChangeEngineDatabase>;

const agentQueries = (db: Db, tenantId: string) => ({
  insertProposal: (row: Omit<Insertable<ChangeEngineTables['agent_proposals']>, 'tenant_id'>) =>
    db
      .insertInto('agent_proposals')
      .values({ ...row, tenant_id: tenantId })
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** The proposal; `lock` holds its row until the transaction ends (serialises submits and reviews). */
  findProposal: (id: string, lock = false): Promise<ProposalRow | undefined> => {
    const query = db
      .selectFrom('agent_proposals')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },

  listProposals: (
    filter: { status?: ProposalStatus; proposalType?: ProposalType; changeId?: string },
    page: { limit: number; after?: Cursor },
  ): Promise<ProposalRow[]> => {
    let query = db.selectFrom('agent_proposals').selectAll().where('tenant_id', '=', tenantId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.proposalType) query = query.where('proposal_type', '=', filter.proposalType);
    if (filter.changeId) query = query.where('change_id', '=', filter.changeId);
    // Newest first, (created_at, id) descending: rows strictly after the cursor.
    if (page.after) query = query.where(afterCursor(page.after));
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  },

  updateProposal: (id: string, set: Updateable<ChangeEngineTables['agent_proposals']>) =>
    db
      .updateTable('agent_proposals')
      .set(set)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  insertSkill: (row: Omit<Insertable<ChangeEngineTables['agent_skills']>, 'tenant_id'>) =>
    db
      .insertInto('agent_skills')
      .values({ ...row, tenant_id: tenantId })
      .returningAll()
      .executeTakeFirstOrThrow(),

  findSkill: (id: string, lock = false): Promise<SkillRow | undefined> => {
    const query = db
      .selectFrom('agent_skills')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },

  /** Skills by name; `lock` shares their rows so none is disabled or renamed until the transaction ends. */
  findSkillsByName: (names: readonly string[], lock = false): Promise<SkillRow[]> => {
    if (names.length === 0) return Promise.resolve([]);
    const query = db
      .selectFrom('agent_skills')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('name', 'in', names)
      .orderBy('id');
    return (lock ? query.forShare() : query).execute();
  },

  /** Alphabetical by name (unique in the tenant), from after `afterName`. */
  listSkills: (page: { limit: number; afterName?: string }): Promise<SkillRow[]> => {
    let query = db.selectFrom('agent_skills').selectAll().where('tenant_id', '=', tenantId);
    if (page.afterName !== undefined) query = query.where('name', '>', page.afterName);
    return query.orderBy('name').limit(page.limit).execute();
  },

  updateSkill: (id: string, set: Updateable<ChangeEngineTables['agent_skills']>) =>
    db
      .updateTable('agent_skills')
      .set(set)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  deleteSkill: async (id: string): Promise<boolean> => {
    const result = await db
      .deleteFrom('agent_skills')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** The run; `lock` holds its row (status moves and log appends of one run queue on it). */
  findRun: (id: string, lock = false): Promise<AgentRunRow | undefined> => {
    const query = db
      .selectFrom('agent_runs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id);
    return (lock ? query.forUpdate() : query).executeTakeFirst();
  },

  /** The run's status and its log lines from position `from` on (a cheap read for streaming). */
  readRunLogFrom: async (
    id: string,
    from: number,
  ): Promise<{ status: AgentRunStatus; lines: unknown[]; total: number } | undefined> => {
    const row = await db
      .selectFrom('agent_runs')
      .select([
        'status',
        sql<
          unknown[]
        >`coalesce((select jsonb_agg(e order by i) from jsonb_array_elements(logs) with ordinality as t(e, i) where i > ${from}), '[]'::jsonb)`.as(
          'lines',
        ),
        sql<number>`jsonb_array_length(logs)`.as('total'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? { status: row.status, lines: row.lines, total: Number(row.total) } : undefined;
  },

  /** Appends lines to the run's log; the caller holds the run's row lock. */
  appendRunLogs: (id: string, lines: readonly unknown[], now: Date) =>
    db
      .updateTable('agent_runs')
      .set({ logs: sql`logs || ${JSON.stringify(lines)}::jsonb` as never, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  moveRun: (id: string, status: AgentRunStatus, now: Date, ended: boolean) =>
    db
      .updateTable('agent_runs')
      .set({ status, updated_at: now, ...(ended ? { ended_at: now } : {}) })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
});

/** This tenant's queries on proposals, skills and agent runs; each carries the tenant filter. */
export const agentsForTenant = (db: Db, tenantId: string): ReturnType<typeof agentQueries> => {
  assertTenantScope(tenantId);
  return agentQueries(db, tenantId);
};

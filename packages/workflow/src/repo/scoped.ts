import { afterCursor, assertTenantScope, type Cursor, lockRowById } from '@ec3l/db';
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { ApprovalStatus, DefinitionStatus, ExecutionStatus } from '../schemas.js';
import type {
  ApprovalCommentRow,
  ApprovalRow,
  DecisionRow,
  DefinitionRow,
  ExecutionRow,
  StepExecutionRow,
  StepRow,
  WorkflowTables,
} from '../tables.js';

type Db = Kysely<WorkflowTables> | Transaction<WorkflowTables>;
type T = WorkflowTables;

type Page = { limit: number; after?: Cursor };

/** Queries on one tenant's workflows; every query carries the tenant filter (T2). */
export const forTenant = (db: Db, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    insertDefinition: (
      row: Omit<Insertable<T['workflow_definitions']>, 'tenant_id'>,
    ): Promise<DefinitionRow> =>
      db
        .insertInto('workflow_definitions')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    findDefinition: (id: string): Promise<DefinitionRow | undefined> =>
      db
        .selectFrom('workflow_definitions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    listDefinitions: (
      filter: { projectId?: string; status?: DefinitionStatus },
      page: Page,
    ): Promise<DefinitionRow[]> => {
      let query = db.selectFrom('workflow_definitions').selectAll().where('tenant_id', '=', tenantId);
      if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
      if (filter.status) query = query.where('status', '=', filter.status);
      return query
        .where(afterCursor(page.after))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .execute();
    },

    setDefinitionStatus: (id: string, status: DefinitionStatus, now: Date): Promise<DefinitionRow> =>
      db
        .updateTable('workflow_definitions')
        .set({ status, updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    listSteps: (definitionId: string): Promise<StepRow[]> =>
      db
        .selectFrom('workflow_steps')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('workflow_definition_id', '=', definitionId)
        .orderBy('order_index')
        .execute(),

    /**
     * Inserts a step at `index`, moving the steps from there on down by one. Two statements through
     * negative positions, because the unique position is checked row by row.
     */
    insertStepAt: async (
      row: Omit<Insertable<T['workflow_steps']>, 'tenant_id' | 'order_index'>,
      index: number,
    ): Promise<StepRow> => {
      const ofDefinition = () =>
        db
          .updateTable('workflow_steps')
          .where('tenant_id', '=', tenantId)
          .where('workflow_definition_id', '=', row.workflow_definition_id);
      await ofDefinition()
        .set({ order_index: sql`-(order_index + 2)` })
        .where('order_index', '>=', index)
        .execute();
      await ofDefinition().set({ order_index: sql`-order_index - 1` }).where('order_index', '<', 0).execute();
      return db
        .insertInto('workflow_steps')
        .values({ ...row, tenant_id: tenantId, order_index: index })
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    /**
     * Puts the definition's steps in the order of `ids` (positions 0, 1, …). Two statements through
     * negative positions, because the unique position is checked row by row.
     */
    placeSteps: async (definitionId: string, ids: readonly string[]): Promise<void> => {
      await db
        .updateTable('workflow_steps')
        .set({ order_index: sql`-(order_index + 1)` })
        .where('tenant_id', '=', tenantId)
        .where('workflow_definition_id', '=', definitionId)
        .execute();
      await sql`
        update workflow_steps s set order_index = (p.n - 1)::int
        from unnest(${ids}::uuid[]) with ordinality as p(id, n)
        where s.tenant_id = ${tenantId} and s.workflow_definition_id = ${definitionId} and s.id = p.id`.execute(
        db,
      );
    },

    /** Replaces a step's name and config (either left alone when undefined). */
    updateStep: (id: string, set: { name?: string | null; config?: unknown }): Promise<StepRow> =>
      db
        .updateTable('workflow_steps')
        .set({
          ...(set.name === undefined ? {} : { name: set.name }),
          ...(set.config === undefined ? {} : { config: JSON.stringify(set.config) }),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    deleteStep: async (id: string): Promise<void> => {
      await db.deleteFrom('workflow_steps').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    },

    insertExecution: (row: Omit<Insertable<T['workflow_executions']>, 'tenant_id'>): Promise<ExecutionRow> =>
      db
        .insertInto('workflow_executions')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    findExecution: (id: string): Promise<ExecutionRow | undefined> =>
      db
        .selectFrom('workflow_executions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** Writes the execution's new state and bumps its version. */
    updateExecution: (
      id: string,
      patch: Omit<Updateable<T['workflow_executions']>, 'tenant_id' | 'id' | 'version'>,
    ): Promise<ExecutionRow> =>
      db
        .updateTable('workflow_executions')
        .set({ ...patch, version: sql`version + 1` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    listExecutions: (
      filter: { status?: ExecutionStatus; workflowDefinitionId?: string },
      page: Page,
    ): Promise<ExecutionRow[]> => {
      let query = db.selectFrom('workflow_executions').selectAll().where('tenant_id', '=', tenantId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.workflowDefinitionId)
        query = query.where('workflow_definition_id', '=', filter.workflowDefinitionId);
      return query
        .where(afterCursor(page.after, { column: 'started_at' }))
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .execute();
    },

    insertStepExecution: (
      row: Omit<Insertable<T['workflow_step_executions']>, 'tenant_id'>,
    ): Promise<StepExecutionRow> =>
      db
        .insertInto('workflow_step_executions')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    updateStepExecution: (
      id: string,
      patch: Omit<Updateable<T['workflow_step_executions']>, 'tenant_id' | 'id'>,
    ): Promise<StepExecutionRow> =>
      db
        .updateTable('workflow_step_executions')
        .set(patch)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    listStepExecutions: (executionId: string): Promise<StepExecutionRow[]> =>
      db
        .selectFrom('workflow_step_executions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('workflow_execution_id', '=', executionId)
        .orderBy('sequence')
        .execute(),

    /** The step ids' types, for step executions. */
    stepTypesOf: async (stepIds: readonly string[]): Promise<Map<string, StepRow['step_type']>> => {
      if (stepIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('workflow_steps')
        .select(['id', 'step_type'])
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', stepIds)
        .execute();
      return new Map(rows.map((r) => [r.id, r.step_type]));
    },

    insertApproval: (row: Omit<Insertable<T['workflow_approvals']>, 'tenant_id'>): Promise<ApprovalRow> =>
      db
        .insertInto('workflow_approvals')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    addApprovers: async (approvalId: string, approverIds: readonly string[], now: Date): Promise<void> => {
      if (approverIds.length === 0) return;
      await db
        .insertInto('workflow_approval_approvers')
        .values(
          approverIds.map((approver_id) => ({
            tenant_id: tenantId,
            approval_id: approvalId,
            approver_id,
            added_at: now,
          })),
        )
        .onConflict((c) => c.doNothing())
        .execute();
    },

    /** Removes the approvers who have not decided (a reassignment replaces them). */
    removeUndecidedApprovers: async (approvalId: string): Promise<void> => {
      await db
        .deleteFrom('workflow_approval_approvers')
        .where('tenant_id', '=', tenantId)
        .where('approval_id', '=', approvalId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('workflow_approval_decisions as d')
                .select(sql`1`.as('one'))
                .where('d.tenant_id', '=', tenantId)
                .whereRef('d.approval_id', '=', 'workflow_approval_approvers.approval_id')
                .whereRef('d.approver_id', '=', 'workflow_approval_approvers.approver_id'),
            ),
          ),
        )
        .execute();
    },

    findApproval: (id: string): Promise<ApprovalRow | undefined> =>
      db
        .selectFrom('workflow_approvals')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    listApprovals: (
      filter: { approverId?: string; status?: ApprovalStatus; workflowExecutionId?: string },
      page: Page,
    ): Promise<ApprovalRow[]> => {
      let query = db.selectFrom('workflow_approvals').selectAll().where('tenant_id', '=', tenantId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.workflowExecutionId)
        query = query.where('workflow_execution_id', '=', filter.workflowExecutionId);
      const approver = filter.approverId;
      if (approver !== undefined)
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('workflow_approval_approvers as a')
              .select(sql`1`.as('one'))
              .where('a.tenant_id', '=', tenantId)
              .whereRef('a.approval_id', '=', 'workflow_approvals.id')
              .where('a.approver_id', '=', approver),
          ),
        );
      return query
        .where(afterCursor(page.after))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .execute();
    },

    /** The approvers of these approvals, by approval, each list in the order they were added. */
    approversOf: async (approvalIds: readonly string[]): Promise<Map<string, string[]>> => {
      const map = new Map<string, string[]>(approvalIds.map((id) => [id, []]));
      if (approvalIds.length === 0) return map;
      const rows = await db
        .selectFrom('workflow_approval_approvers')
        .select(['approval_id', 'approver_id'])
        .where('tenant_id', '=', tenantId)
        .where('approval_id', 'in', approvalIds)
        .orderBy('added_at')
        .orderBy('approver_id')
        .execute();
      for (const r of rows) map.get(r.approval_id)?.push(r.approver_id);
      return map;
    },

    /** The decisions of these approvals, by approval, oldest first. */
    decisionsOf: async (approvalIds: readonly string[]): Promise<Map<string, DecisionRow[]>> => {
      const map = new Map<string, DecisionRow[]>(approvalIds.map((id) => [id, []]));
      if (approvalIds.length === 0) return map;
      const rows = await db
        .selectFrom('workflow_approval_decisions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('approval_id', 'in', approvalIds)
        .orderBy('decided_at')
        .orderBy('id')
        .execute();
      for (const r of rows) map.get(r.approval_id)?.push(r);
      return map;
    },

    commentsOf: async (approvalIds: readonly string[]): Promise<Map<string, ApprovalCommentRow[]>> => {
      const map = new Map<string, ApprovalCommentRow[]>(approvalIds.map((id) => [id, []]));
      if (approvalIds.length === 0) return map;
      const rows = await db
        .selectFrom('workflow_approval_comments')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('approval_id', 'in', approvalIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const r of rows) map.get(r.approval_id)?.push(r);
      return map;
    },

    insertComment: (row: Omit<Insertable<T['workflow_approval_comments']>, 'tenant_id'>) =>
      db
        .insertInto('workflow_approval_comments')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Records a decision unless this approver has one already; answers the approver's decision either way. */
    insertDecision: async (
      row: Omit<Insertable<T['workflow_approval_decisions']>, 'tenant_id'>,
    ): Promise<{ decision: DecisionRow; inserted: boolean }> => {
      const inserted = await db
        .insertInto('workflow_approval_decisions')
        .values({ ...row, tenant_id: tenantId })
        .onConflict((c) => c.columns(['tenant_id', 'approval_id', 'approver_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { decision: inserted, inserted: true };
      const existing = await db
        .selectFrom('workflow_approval_decisions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('approval_id', '=', row.approval_id)
        .where('approver_id', '=', row.approver_id)
        .executeTakeFirstOrThrow();
      return { decision: existing, inserted: false };
    },

    closeApproval: (
      id: string,
      close: {
        status: ApprovalStatus;
        reason: string;
        by: string | null;
        comment?: string | null;
        now: Date;
      },
    ): Promise<ApprovalRow> =>
      db
        .updateTable('workflow_approvals')
        .set({
          status: close.status,
          closed_reason: close.reason,
          closed_by: close.by,
          closed_comment: close.comment ?? null,
          closed_at: close.now,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    markEscalated: (id: string, now: Date): Promise<ApprovalRow> =>
      db
        .updateTable('workflow_approvals')
        .set({ escalated_at: now, deadline_at: null })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
  };
};

/** Row locks of workflows; they hold until the caller's transaction ends. */
export const workflowLocks = (trx: Transaction<WorkflowTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    lockDefinition: (id: string): Promise<DefinitionRow | undefined> =>
      lockRowById(trx, 'workflow_definitions', tenantId, id),

    /** Shares the definition: lifecycle moves wait, executions of it may start side by side. */
    shareDefinition: (id: string): Promise<DefinitionRow | undefined> =>
      lockRowById(trx, 'workflow_definitions', tenantId, id, 'share'),

    lockExecution: (id: string): Promise<ExecutionRow | undefined> =>
      lockRowById(trx, 'workflow_executions', tenantId, id),

    lockApproval: (id: string): Promise<ApprovalRow | undefined> =>
      lockRowById(trx, 'workflow_approvals', tenantId, id),

    /** The pending approvals of an execution, locked. */
    lockPendingApprovalsOf: (executionId: string): Promise<ApprovalRow[]> =>
      trx
        .selectFrom('workflow_approvals')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('workflow_execution_id', '=', executionId)
        .where('status', '=', 'pending')
        .orderBy('id')
        .forUpdate()
        .execute(),

    /** Pending approvals past their deadline, locked; rows another worker holds are skipped. */
    claimDueApprovals: (now: Date, limit: number): Promise<ApprovalRow[]> =>
      trx
        .selectFrom('workflow_approvals')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'pending')
        .where('deadline_at', '<=', now)
        .orderBy('deadline_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute(),
  };
};

import { assertTenantScope, type Cursor } from '@ec3l/db';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { IntentRow, TriggerRow, WorkflowDispatchTables } from '../dispatch-tables.js';

type Db = Kysely<WorkflowDispatchTables> | Transaction<WorkflowDispatchTables>;

type NewIntent = {
  id: string;
  workflowDefinitionId: string;
  triggerId: string | null;
  triggerType: string;
  payload: unknown;
  recordId: string | null;
  idempotencyKey: string;
  now: Date;
};

/** A trigger with what matching needs of its definition. */
export type ActiveTrigger = TriggerRow & { project_id: string };

/** Rows after the cursor in (created_at desc, id) order. */
const after = (cursor: Cursor) => {
  const at = new Date(cursor.createdAt);
  return sql<boolean>`(created_at < ${at} or (created_at = ${at} and id > ${cursor.id}))`;
};

const tenantQueries = (db: Db, tenantId: string) => ({
  findDefinition: (id: string) =>
    db
      .selectFrom('workflow_definitions')
      .select(['id', 'project_id', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst(),

  insertTrigger: (row: {
    id: string;
    workflowDefinitionId: string;
    triggerType: string;
    config: unknown;
    createdBy: string | null;
    now: Date;
  }): Promise<TriggerRow> =>
    db
      .insertInto('workflow_triggers')
      .values({
        tenant_id: tenantId,
        id: row.id,
        workflow_definition_id: row.workflowDefinitionId,
        trigger_type: row.triggerType,
        trigger_config: JSON.stringify(row.config),
        created_by: row.createdBy,
        schedule_evaluated_at: row.now,
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** The trigger FOR SHARE (in a transaction): its status holds until the transaction ends. */
  lockTrigger: (id: string): Promise<TriggerRow | undefined> =>
    db
      .selectFrom('workflow_triggers')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .forShare()
      .executeTakeFirst(),

  lockDefinition: (id: string) =>
    db
      .selectFrom('workflow_definitions')
      .select(['id', 'status'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .forShare()
      .executeTakeFirst(),

  /** The definition an execution runs, or undefined. */
  definitionOfExecution: async (executionId: string): Promise<string | undefined> =>
    (
      await db
        .selectFrom('workflow_executions')
        .select('workflow_definition_id')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', executionId)
        .executeTakeFirst()
    )?.workflow_definition_id,

  findTrigger: (id: string): Promise<TriggerRow | undefined> =>
    db
      .selectFrom('workflow_triggers')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Newest first; at most `limit` rows after the cursor. */
  listTriggers: (filter: { workflowDefinitionId?: string }, limit: number, cursor?: Cursor) => {
    let query = db.selectFrom('workflow_triggers').selectAll().where('tenant_id', '=', tenantId);
    if (filter.workflowDefinitionId)
      query = query.where('workflow_definition_id', '=', filter.workflowDefinitionId);
    if (cursor) query = query.where(after(cursor));
    return query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  },

  /** Enabling restarts the schedule from now: occurrences while it was disabled never fire. */
  setTriggerStatus: (id: string, status: 'active' | 'disabled', now: Date): Promise<TriggerRow | undefined> =>
    db
      .updateTable('workflow_triggers')
      .set({
        status,
        updated_at: now,
        ...(status === 'active'
          ? {
              schedule_evaluated_at: sql<Date>`case when status = 'active' then schedule_evaluated_at else ${now} end`,
            }
          : {}),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),

  /** Active triggers of one type whose definitions are active. */
  activeTriggers: (triggerType: string): Promise<ActiveTrigger[]> =>
    db
      .selectFrom('workflow_triggers as t')
      .innerJoin('workflow_definitions as d', (j) =>
        j.onRef('d.tenant_id', '=', 't.tenant_id').onRef('d.id', '=', 't.workflow_definition_id'),
      )
      .selectAll('t')
      .select('d.project_id')
      .where('t.tenant_id', '=', tenantId)
      .where('t.trigger_type', '=', triggerType)
      .where('t.status', '=', 'active')
      .where('d.status', '=', 'active')
      .orderBy('t.id')
      .execute(),

  /** Queues an intent unless one with its key exists; answers the new id, or undefined for a duplicate. */
  insertIntent: async (intent: NewIntent): Promise<string | undefined> => {
    const row = await db
      .insertInto('workflow_execution_intents')
      .values({
        tenant_id: tenantId,
        id: intent.id,
        workflow_definition_id: intent.workflowDefinitionId,
        trigger_id: intent.triggerId,
        trigger_type: intent.triggerType,
        trigger_payload: JSON.stringify(intent.payload),
        record_id: intent.recordId,
        idempotency_key: intent.idempotencyKey,
        available_at: intent.now,
        created_at: intent.now,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  findIntentByKey: (key: string) =>
    db
      .selectFrom('workflow_execution_intents')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow(),

  findIntent: (id: string): Promise<IntentRow | undefined> =>
    db
      .selectFrom('workflow_execution_intents')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Newest first; at most `limit` rows after the cursor. */
  listIntents: (filter: { status?: string }, limit: number, cursor?: Cursor) => {
    let query = db.selectFrom('workflow_execution_intents').selectAll().where('tenant_id', '=', tenantId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (cursor) query = query.where(after(cursor));
    return query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
  },
});

/**
 * A SQL condition, true when no active record-event trigger (of an active definition) can match a
 * create of the record type: none watches record.created on it by id, or by key in its project. It
 * errs towards false (the write then runs its hooks, which match exactly); it never says idle wrongly.
 */
export const noRecordCreatedTrigger = (
  tenantId: string,
  recordType: { id: string; key: string; projectId: string },
): RawBuilder<boolean> => {
  assertTenantScope(tenantId);
  return sql<boolean>`not exists (
    select 1 from workflow_triggers t
    join workflow_definitions d on d.tenant_id = t.tenant_id and d.id = t.workflow_definition_id
    where t.tenant_id = ${tenantId} and t.trigger_type = 'record_event' and t.status = 'active'
      and d.status = 'active' and t.trigger_config->>'event' = 'record.created'
      and (t.trigger_config->>'recordTypeId' = ${recordType.id}
           or (t.trigger_config->>'recordTypeKey' = ${recordType.key} and d.project_id = ${recordType.projectId})))`;
};

/** Queries on one tenant's triggers and intents; every query carries the tenant filter (T2). */
export const forTenant = (db: Db, tenantId: string): ReturnType<typeof tenantQueries> => {
  assertTenantScope(tenantId);
  return tenantQueries(db, tenantId);
};

/**
 * The schedule triggers of a tenant that no other replica is evaluating right now, locked FOR UPDATE
 * SKIP LOCKED until the transaction ends, with their definitions active.
 */
export const lockSchedules = (trx: Transaction<WorkflowDispatchTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    lockActiveSchedules: (): Promise<ActiveTrigger[]> =>
      trx
        .selectFrom('workflow_triggers as t')
        .innerJoin('workflow_definitions as d', (j) =>
          j.onRef('d.tenant_id', '=', 't.tenant_id').onRef('d.id', '=', 't.workflow_definition_id'),
        )
        .selectAll('t')
        .select('d.project_id')
        .where('t.tenant_id', '=', tenantId)
        .where('t.trigger_type', '=', 'schedule')
        .where('t.status', '=', 'active')
        .where('d.status', '=', 'active')
        .orderBy('t.id')
        .forUpdate('t')
        .skipLocked()
        .execute(),
    /** Moves the evaluation mark forward only (a replica with a slow clock cannot move it back). */
    markEvaluated: (id: string, at: Date) =>
      trx
        .updateTable('workflow_triggers')
        .set({ schedule_evaluated_at: sql<Date>`greatest(schedule_evaluated_at, ${at})` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute(),
  };
};

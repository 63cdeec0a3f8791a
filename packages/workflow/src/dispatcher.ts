import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { inTransaction, withTenant } from '@ec3l/db';
import { type EventBus, isDomainError, systemContext } from '@ec3l/kernel';
import { type Kysely, sql, type Transaction } from 'kysely';
import { afterFailure, retryDelayMs } from './core/retry.js';
import type { DispatchResult } from './dispatch-schemas.js';
import type { IntentRow, WorkflowDispatchTables } from './dispatch-tables.js';

/** A claimed intent, as handed to the function that starts its execution. */
export type ClaimedIntent = {
  id: string;
  tenantId: string;
  tenantSlug: string;
  workflowDefinitionId: string;
  triggerId: string | null;
  triggerType: string;
  payload: unknown;
  recordId: string | null;
  attempt: number;
};

/**
 * Starts the execution of an intent inside `trx`; whatever it writes commits only if the intent is
 * still this worker's when the transaction ends. `status` is the execution's status when it returns.
 */
export type DispatchFn<DB = WorkflowDispatchTables> = (
  trx: Transaction<DB>,
  intent: ClaimedIntent,
) => Promise<{
  executionId: string;
  status?: 'running' | 'paused' | 'completed' | 'failed';
  error?: string | null;
}>;

export type DispatcherDeps<DB> = {
  /** A handle on the shared database: the intents' tables and whatever the dispatch function writes. */
  db: Kysely<DB>;
  events?: EventBus;
  dispatch: DispatchFn<DB>;
  /** Unique per dispatcher; names the lease holder. */
  owner?: string;
  /** How long a claim holds without a heartbeat; a crashed worker's intents are reclaimable after it. */
  leaseMs?: number;
  /** Told about dispatch errors (the intent itself records them). */
  onError?: (error: unknown, intent: ClaimedIntent) => void;
};

export type Tenant = { id: string; slug: string };

export type DispatchOptions = {
  /** Most intents this call claims. */
  limit?: number;
  /** Intents claimed per statement. */
  batchSize?: number;
  /** Claim loops run side by side (each its own transaction at a time). */
  concurrency?: number;
};

/** The execution transaction lost its lease: it rolls back, nothing it wrote commits. */
class LeaseLost extends Error {
  constructor(readonly intentId: string) {
    super(`intent ${intentId} was taken over by another worker`);
  }
}

const toClaimed = (row: IntentRow, tenantSlug: string): ClaimedIntent => ({
  id: row.id,
  tenantId: row.tenant_id,
  tenantSlug,
  workflowDefinitionId: row.workflow_definition_id,
  triggerId: row.trigger_id,
  triggerType: row.trigger_type,
  payload: row.trigger_payload,
  recordId: row.record_id,
  attempt: row.attempt,
});

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * The intent dispatcher: claims due intents with leases (`FOR UPDATE SKIP LOCKED`, so any number of
 * workers never claim one twice), extends the leases by heartbeat while it works, and starts each
 * execution in a transaction that completes the intent only while the claim (attempt and owner) is
 * still its own. A worker that crashes leaves its claims to expire; the next claim takes them over and
 * the late worker, if it was only slow, cannot commit. Failures go back to pending with a backoff until
 * the intent's last attempt, then fail.
 */
export const createDispatcher = <DB>({
  db: handle,
  events,
  dispatch,
  owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  leaseMs = 30_000,
  onError,
}: DispatcherDeps<DB>) => {
  // Kysely's handle is invariant in its tables: narrowed once, here, to the intents' own.
  const db = handle as unknown as Kysely<WorkflowDispatchTables>;
  const held = new Map<string, Set<string>>();

  const claim = async (tenantId: string, n: number): Promise<IntentRow[]> => {
    const result = await sql<IntentRow>`
      update workflow_execution_intents i
         set status = 'running',
             attempt = i.attempt + 1,
             lease_owner = ${owner},
             lease_expires_at = now() + ${leaseMs} * interval '1 millisecond',
             error = null
       where (i.tenant_id, i.id) in (
         select c.tenant_id, c.id from workflow_execution_intents c
          where c.tenant_id = ${tenantId}
            and ((c.status = 'pending' and c.available_at <= now())
              or (c.status = 'running' and c.lease_expires_at < now() and c.attempt < c.max_attempts))
          order by c.available_at, c.id
          limit ${n}
          for update skip locked)
      returning i.*`.execute(db);
    return result.rows;
  };

  /** Intents whose lease ran out on their last attempt fail (their worker died every time). */
  const failExhausted = (tenantId: string) =>
    sql`
      update workflow_execution_intents
         set status = 'failed', error = 'the lease expired on the last attempt (the worker stopped)',
             lease_owner = null, lease_expires_at = null, completed_at = now()
       where tenant_id = ${tenantId} and status = 'running'
         and lease_expires_at < now() and attempt >= max_attempts`.execute(db);

  const heartbeat = (tenantId: string) => {
    const ids = [...(held.get(tenantId) ?? [])];
    if (ids.length === 0) return Promise.resolve();
    return withTenant(tenantId, () =>
      db
        .updateTable('workflow_execution_intents')
        .set({ lease_expires_at: sql<Date>`now() + ${leaseMs} * interval '1 millisecond'` })
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids)
        .where('lease_owner', '=', owner)
        .where('status', '=', 'running')
        .execute(),
    );
  };

  /** Runs one claimed intent: execution and completion commit together, or not at all. */
  const execute = async (tenant: Tenant, row: IntentRow, result: DispatchResult) => {
    const intent = toClaimed(row, tenant.slug);
    const ctx = systemContext(tenant.id, tenant.slug);
    events?.emit(ctx, {
      type: 'workflow.intent.started',
      status: 'running',
      entityId: intent.id,
      workflowId: intent.workflowDefinitionId,
      affectedRecords: intent.recordId ? [intent.recordId] : null,
    });
    try {
      const outcome = await inTransaction(db, async (trx) => {
        const started = await dispatch(trx as unknown as Transaction<DB>, intent);
        const status: 'failed' | 'dispatched' | 'completed' =
          started.status === 'failed'
            ? 'failed'
            : started.status === 'running' || started.status === 'paused'
              ? 'dispatched'
              : 'completed';
        const done = await trx
          .updateTable('workflow_execution_intents')
          .set({
            status,
            execution_id: started.executionId,
            error: status === 'failed' ? (started.error ?? 'the execution failed') : null,
            lease_owner: null,
            lease_expires_at: null,
            dispatched_at: sql<Date>`now()`,
            completed_at: sql<Date>`now()`,
          })
          .where('tenant_id', '=', intent.tenantId)
          .where('id', '=', intent.id)
          .where('attempt', '=', intent.attempt)
          .where('lease_owner', '=', owner)
          .where('status', '=', 'running')
          .returning('id')
          .executeTakeFirst();
        // Fencing: another worker holds the intent now; roll back the execution this one started.
        if (!done) throw new LeaseLost(intent.id);
        return { status, executionId: started.executionId, error: started.error ?? null };
      });
      result[outcome.status] += 1;
      events?.emit(ctx, {
        type: outcome.status === 'failed' ? 'workflow.intent.failed' : 'workflow.intent.completed',
        status: outcome.status,
        entityId: intent.id,
        workflowId: intent.workflowDefinitionId,
        ...(outcome.status === 'failed'
          ? { error: { message: outcome.error ?? 'the execution failed' } }
          : {}),
        affectedRecords: { executionId: outcome.executionId },
      });
    } catch (error) {
      if (error instanceof LeaseLost) {
        result.lost += 1;
        return;
      }
      onError?.(error, intent);
      // A domain refusal (the definition was retired, a step's input is wrong) does not go away on
      // retry: it fails the intent at once. Anything else (the database, a crash) is retried.
      const next = isDomainError(error)
        ? ({ status: 'failed' } as const)
        : afterFailure(intent.attempt, row.max_attempts, new Date());
      const recorded = await db
        .updateTable('workflow_execution_intents')
        .set({
          status: next.status,
          error: messageOf(error),
          lease_owner: null,
          lease_expires_at: null,
          ...(next.status === 'pending'
            ? { available_at: sql<Date>`now() + ${retryDelayMs(intent.attempt)} * interval '1 millisecond'` }
            : { completed_at: sql<Date>`now()` }),
        })
        .where('tenant_id', '=', intent.tenantId)
        .where('id', '=', intent.id)
        .where('attempt', '=', intent.attempt)
        .where('lease_owner', '=', owner)
        .where('status', '=', 'running')
        .returning('id')
        .executeTakeFirst();
      if (!recorded) {
        result.lost += 1;
        return;
      }
      result[next.status === 'pending' ? 'retried' : 'failed'] += 1;
      events?.emit(ctx, {
        type: 'workflow.intent.failed',
        status: next.status === 'pending' ? 'retrying' : 'failed',
        entityId: intent.id,
        workflowId: intent.workflowDefinitionId,
        error: { message: messageOf(error) },
      });
    }
  };

  return {
    owner,

    /**
     * Claims and runs the tenant's due intents (pending ones whose backoff is over, and running ones
     * whose lease expired) until none is left or `limit` are claimed; answers the counts. Runs in the
     * tenant's scope.
     */
    dispatchPending: (tenant: Tenant, options: DispatchOptions = {}): Promise<DispatchResult> =>
      withTenant(tenant.id, async () => {
        const { limit = 100, batchSize = 10, concurrency = 1 } = options;
        const result: DispatchResult = {
          claimed: 0,
          completed: 0,
          dispatched: 0,
          failed: 0,
          retried: 0,
          lost: 0,
        };
        const mine = held.get(tenant.id) ?? new Set<string>();
        held.set(tenant.id, mine);
        const beat = setInterval(
          () => {
            heartbeat(tenant.id).catch((error: unknown) => onError?.(error, { id: '*' } as ClaimedIntent));
          },
          Math.max(50, Math.floor(leaseMs / 3)),
        );
        try {
          await failExhausted(tenant.id);
          const lane = async () => {
            while (result.claimed < limit) {
              const rows = await claim(tenant.id, Math.min(batchSize, limit - result.claimed));
              if (rows.length === 0) return;
              result.claimed += rows.length;
              for (const row of rows) mine.add(row.id);
              for (const row of rows) {
                try {
                  await execute(tenant, row, result);
                } finally {
                  mine.delete(row.id);
                }
              }
            }
          };
          await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
        } finally {
          clearInterval(beat);
          if (mine.size === 0) held.delete(tenant.id);
        }
        return result;
      }),
  };
};

export type Dispatcher = ReturnType<typeof createDispatcher>;

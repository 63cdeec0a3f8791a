import { inTransaction, withTenant } from '@ec3l/db';
import { type Clock, type EventBus, type RequestContext, systemClock } from '@ec3l/kernel';
import type { Kysely } from 'kysely';
import { nextAttemptDelayMs } from './core/backoff.js';
import { forTenant, promotionLocks } from './repo/scoped.js';
import type { ProcessDeliveriesResult } from './schemas.js';
import type { WebhookSender } from './sender.js';
import type { PromotionTables } from './tables.js';

/** How long a claimed attempt holds its delivery before another worker may try it again. */
const DELIVERY_LEASE_MS = 60_000;

export type WebhookOutboxDeps = {
  db: Kysely<PromotionTables>;
  events: EventBus;
  sender: WebhookSender;
  clock?: Clock;
  /**
   * How long a request that queued a webhook waits for its first attempt before answering (default
   * 1 s); the attempt goes on after that, and retries run on the scheduler.
   */
  deliveryWaitMs?: number;
  /** Told about failures of the delivery work itself (never thrown into a request). */
  onError?: (error: unknown) => void;
};

type AttemptStatus = 'sent' | 'failed' | 'retrying';

/**
 * The webhook outbox: lifecycle steps insert delivery rows in their own transactions; this sends
 * them after commit and on retries. Best-effort (O92): nothing here throws into a request, a slow
 * receiver delays a request by deliveryWaitMs at most (O93), and each outcome lands on the delivery,
 * on the intent's notification fields (O94) and in telemetry (O95).
 */
export const createWebhookOutbox = (deps: WebhookOutboxDeps) => {
  const { db, events, sender, clock = systemClock } = deps;
  const deliveryWaitMs = deps.deliveryWaitMs ?? 1_000;

  /**
   * One attempt of a due delivery: claimed with a lease (skipped while another worker holds it), sent
   * outside any transaction, its outcome written to the delivery and to the intent. Answers the
   * outcome, or null when the delivery was not due or not pending.
   */
  const attempt = async (ctx: RequestContext, deliveryId: string): Promise<AttemptStatus | null> => {
    const startedAt = clock.now();
    const claimed = await inTransaction(db, async (trx) => {
      const row = await promotionLocks(trx, ctx.tenantId).claimDelivery(deliveryId, startedAt);
      if (!row) return null;
      return forTenant(trx, ctx.tenantId).updateDelivery(row.id, {
        attempts: row.attempts + 1,
        last_attempt_at: startedAt,
        next_attempt_at: new Date(startedAt.getTime() + DELIVERY_LEASE_MS),
        updated_at: startedAt,
      });
    });
    if (!claimed) return null;
    const outcome = await sender.send({
      url: claimed.url,
      webhookId: claimed.webhook_id,
      timestamp: startedAt,
      body: JSON.stringify(claimed.payload),
    });
    const finishedAt = clock.now();
    const delay = outcome.ok || outcome.final ? null : nextAttemptDelayMs(claimed.attempts);
    const status: AttemptStatus = outcome.ok ? 'sent' : delay === null ? 'failed' : 'retrying';
    const error = outcome.ok ? null : outcome.error;
    await inTransaction(db, async (trx) => {
      const repo = forTenant(trx, ctx.tenantId);
      await repo.updateDelivery(claimed.id, {
        status: status === 'retrying' ? 'pending' : status,
        next_attempt_at: delay === null ? null : new Date(finishedAt.getTime() + delay),
        last_status_code: outcome.statusCode,
        last_error: error,
        updated_at: finishedAt,
      });
      await repo.updateIntentNotification(claimed.subject_id, {
        notification_status: status === 'retrying' ? 'pending' : status,
        notification_last_error: error,
        notification_last_attempt_at: startedAt,
      });
    });
    events.emit(ctx, {
      type: outcome.ok ? 'graph.promotion_notification_sent' : 'graph.promotion_notification_failed',
      status,
      entityId: claimed.subject_id,
      affectedRecords: { deliveryId: claimed.id, eventType: claimed.event_type, attempt: claimed.attempts },
      ...(error ? { error: { message: error } } : {}),
    });
    return status;
  };

  return {
    /**
     * Starts the first attempt of a queued delivery (after its transaction committed) and waits for it
     * at most deliveryWaitMs; never throws.
     */
    deliverSoon: async (ctx: RequestContext, deliveryId: string): Promise<void> => {
      const running = withTenant(ctx.tenantId, () => attempt(ctx, deliveryId)).catch((error: unknown) =>
        deps.onError?.(error),
      );
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        running,
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, deliveryWaitMs);
        }),
      ]);
      clearTimeout(timer);
    },

    /** Attempts every due delivery of the tenant (the scheduler's pass and the on-demand route). */
    processDue: async (ctx: RequestContext, limit = 100): Promise<ProcessDeliveriesResult> => {
      const ids = await forTenant(db, ctx.tenantId).dueDeliveryIds(clock.now(), limit);
      const counts: ProcessDeliveriesResult = { attempted: 0, sent: 0, failed: 0, retrying: 0 };
      for (const id of ids) {
        const status = await attempt(ctx, id);
        if (!status) continue;
        counts.attempted += 1;
        counts[status] += 1;
      }
      return counts;
    },
  };
};

export type WebhookOutbox = ReturnType<typeof createWebhookOutbox>;

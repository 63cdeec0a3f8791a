import { afterCommit } from './commit-scope.js';
import { type ActorType, actorOf, type RequestContext } from './context.js';

/** Every domain event type the platform emits (reference section 16). */
export const DomainEventTypes = [
  'execution_started',
  'execution_completed',
  'execution_failed',
  'workflow.intent.started',
  'workflow.intent.completed',
  'workflow.intent.failed',
  'workflow.step_completed',
  'workflow.step_failed',
  'workflow.step_awaiting_approval',
  'workflow.approval_decided',
  'workflow.notification_sent',
  'record.created',
  'record.updated',
  'record.assigned',
  'record.sla.created',
  'record.sla.warning',
  'record.sla.breached',
  'graph.validation_failed',
  'graph.validation_succeeded',
  'graph.diff_computed',
  'graph.package_installed',
  'graph.package_install_noop',
  'graph.package_install_rejected',
  'graph.package_promoted',
  'graph.promotion_intent_created',
  'graph.promotion_intent_previewed',
  'graph.promotion_intent_approved',
  'graph.promotion_intent_executed',
  'graph.promotion_intent_rejected',
  'graph.promotion_notification_sent',
  'graph.promotion_notification_failed',
  'vibe.llm_generation_requested',
  'vibe.llm_generation_succeeded',
  'vibe.llm_generation_failed',
  'vibe.llm_refinement_requested',
  'vibe.llm_refinement_succeeded',
  'vibe.llm_refinement_failed',
  'vibe.llm_repair_attempted',
  'vibe.draft_created',
  'vibe.draft_patched',
  'vibe.draft_refined',
  'vibe.draft_previewed',
  'vibe.draft_installed',
  'vibe.draft_discarded',
  'vibe.draft_restored',
  'vibe.draft_variant_adopted',
  'vibe.variant_generation_requested',
  'vibe.variant_generation_completed',
  'vibe.variant_diff_computed',
  'vibe.llm_token_stream_started',
  'vibe.llm_token_stream_completed',
  'vibe.llm_token_stream_failed',
  'vibe.draft_version_created',
  'vibe.draft_version_diff_computed',
  'project.created',
  'tenant.created',
] as const;

type DomainEventType = (typeof DomainEventTypes)[number];

export type DomainEvent = {
  type: DomainEventType;
  status: string;
  entityId: string;
  workflowId?: string | null;
  workflowStepId?: string | null;
  /** Defaults to "system". */
  moduleId?: string;
  error?: { code?: string; message: string };
  affectedRecords?: Record<string, unknown> | unknown[] | null;
};

/** The stored shape of an event (table `execution_telemetry_events`). */
export type TelemetryRecord = {
  eventType: DomainEventType;
  timestamp: Date;
  tenantId: string;
  moduleId: string;
  executionType: 'workflow_step' | 'task' | 'agent_action';
  workflowId: string | null;
  workflowStepId: string | null;
  executionId: string;
  actorType: ActorType;
  actorId: string | null;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  affectedRecordIds: Record<string, unknown> | unknown[] | null;
};

/** Derives the stored record of an event: actor from the context, execution type from the workflow id. */
export const toTelemetryRecord = (ctx: RequestContext, event: DomainEvent, now: Date): TelemetryRecord => {
  const { actorType, actorId } = actorOf(ctx);
  return {
    eventType: event.type,
    timestamp: now,
    tenantId: ctx.tenantId,
    moduleId: event.moduleId ?? 'system',
    executionType: event.workflowId ? 'workflow_step' : 'task',
    workflowId: event.workflowId ?? null,
    workflowStepId: event.workflowStepId ?? null,
    executionId: event.entityId,
    actorType,
    actorId,
    status: event.status,
    errorCode: event.error?.code ?? null,
    errorMessage: event.error?.message ?? null,
    affectedRecordIds: event.affectedRecords ?? null,
  };
};

type EventHandler = (ctx: RequestContext, event: DomainEvent) => void | Promise<void>;

export type EventBus = {
  /** Persists and publishes the event. Never throws and never waits on subscribers (O1). */
  emit(ctx: RequestContext, event: DomainEvent): void;
  /** Subscribes to one event type, or to all with "*". Returns the unsubscribe function. */
  subscribe(type: DomainEventType | '*', handler: EventHandler): () => void;
  /** Removes every subscriber (test isolation). */
  clearSubscribers(): void;
  /** Resolves when every persist and handler started so far has settled. */
  drain(): Promise<void>;
  /**
   * Resolves once every event published so far is persisted (or reported as failed), without waiting
   * for subscribers; readers of the stored events in this process call it first to see their own.
   */
  persisted(): Promise<void>;
};

export type EventBusDeps = {
  /** Writes the event somewhere durable; its failures are reported to onError, never to the emitter. */
  persist?: (record: TelemetryRecord) => Promise<void>;
  /** Writes whatever `persist` holds back for a later batch now (see `persisted`). */
  flush?: () => Promise<void>;
  now?: () => Date;
  onError?: (error: unknown, where: 'persist' | 'subscriber', event: DomainEvent) => void;
};

/**
 * Creates a dual-write event bus: each event is persisted and published to in-process subscribers.
 * A failing persist or a throwing subscriber is isolated and reported to onError (O1, O2).
 */
export const createEventBus = (deps: EventBusDeps = {}): EventBus => {
  const handlers = new Map<string, Set<EventHandler>>();
  const pending = new Set<Promise<unknown>>();
  const persisting = new Set<Promise<unknown>>();
  const now = deps.now ?? (() => new Date());
  const report = (error: unknown, where: 'persist' | 'subscriber', event: DomainEvent) => {
    try {
      deps.onError?.(error, where, event);
    } catch {
      // An error reporter that throws must not break the emitter either.
    }
  };
  const track = (work: () => unknown, where: 'persist' | 'subscriber', event: DomainEvent) => {
    let promise: Promise<unknown>;
    try {
      promise = Promise.resolve(work()).catch((error) => report(error, where, event));
    } catch (error) {
      report(error, where, event);
      return;
    }
    pending.add(promise);
    if (where === 'persist') persisting.add(promise);
    void promise.finally(() => {
      pending.delete(promise);
      persisting.delete(promise);
    });
  };

  const publish = (ctx: RequestContext, event: DomainEvent) => {
    const persist = deps.persist;
    if (persist) {
      let record: TelemetryRecord | undefined;
      try {
        record = toTelemetryRecord(ctx, event, now());
      } catch (error) {
        report(error, 'persist', event);
      }
      if (record) {
        const ready = record;
        track(() => persist(ready), 'persist', event);
      }
    }
    const targets = [...(handlers.get(event.type) ?? []), ...(handlers.get('*') ?? [])];
    for (const handler of targets) track(() => handler(ctx, event), 'subscriber', event);
  };

  return {
    // An event emitted inside a transaction is told once it commits, and never when it rolls back.
    emit(ctx, event) {
      afterCommit(() => publish(ctx, event));
    },
    subscribe(type, handler) {
      let set = handlers.get(type);
      if (!set) {
        set = new Set();
        handlers.set(type, set);
      }
      set.add(handler);
      return () => {
        handlers.get(type)?.delete(handler);
      };
    },
    clearSubscribers() {
      handlers.clear();
    },
    async drain() {
      await deps.flush?.();
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    async persisted() {
      await deps.flush?.();
      while (persisting.size > 0) await Promise.allSettled([...persisting]);
    },
  };
};

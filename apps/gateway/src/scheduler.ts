import { withTenant } from '@ec3l/db';
import { createFormsService } from '@ec3l/forms';
import { systemContext } from '@ec3l/kernel';
import { createWebhookOutbox, createWebhookSender, type LookupAll, parseAllowlist } from '@ec3l/promotion';
import { createRbacService } from '@ec3l/rbac';
import { createSlaTimers } from '@ec3l/records';
import { createTenancyService } from '@ec3l/tenancy';
import { createWorkflowEngine, type Dispatcher, type TriggersService } from '@ec3l/workflow';
import type { Logger } from 'pino';
import type { SchedulerConfig, WebhookConfig } from './config.js';
import { createWorkflowDispatch, type StartExecution, startWithEngine } from './flows/workflow-dispatch.js';
import { createWorkflowRecords, workflowRecordsPort } from './flows/workflow-records.js';
import type { Runtime } from './runtime.js';

/** Background work due per tenant, besides schedules and dispatch (SLA timers, approval deadlines). */
export type TenantJob = {
  name: string;
  run: (tenant: { id: string; slug: string }, now: Date) => Promise<unknown>;
};

export type SchedulerDeps = {
  listTenants: () => Promise<{ id: string; slug: string }[]>;
  triggers: TriggersService;
  dispatcher: Dispatcher;
  /** Pause between the end of one tick and the start of the next. */
  intervalMs: number;
  /** Claim loops per tenant while dispatching (1 on the embedded database). */
  concurrency: number;
  log: Pick<Logger, 'warn' | 'error'>;
  jobs?: readonly TenantJob[];
  now?: () => Date;
};

export type Scheduler = {
  start(): void;
  /** Stops the loop and resolves once the tick in progress has finished. */
  stop(): Promise<void>;
  /** One pass over every tenant: jobs, due schedules, then dispatch of due intents. */
  tick(): Promise<void>;
};

/**
 * The background loop: for each tenant, inside its scope, the due jobs (SLA timers, approval deadlines),
 * due schedule occurrences, then the due intents. Every step is safe on any number of replicas (locks
 * skipped by others, idempotency keys, leased claims); one tenant's failure is logged and the others go on.
 */
export const createScheduler = (deps: SchedulerDeps): Scheduler => {
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  let halting = false;

  const step = async (what: string, tenant: { slug: string }, fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (error) {
      deps.log.warn({ err: error, tenant: tenant.slug, step: what }, 'scheduled work failed');
    }
  };

  const tick = async () => {
    const tenants = await deps.listTenants();
    for (const tenant of tenants) {
      // A stop lets the tenant in progress finish, then ends the tick.
      if (halting) break;
      await withTenant(tenant.id, async () => {
        const at = now();
        for (const job of deps.jobs ?? []) await step(job.name, tenant, () => job.run(tenant, at));
        await step('schedules', tenant, () => deps.triggers.fireDueSchedules(tenant.id, at));
        await step('dispatch', tenant, () =>
          deps.dispatcher.dispatchPending(tenant, { limit: 1_000, concurrency: deps.concurrency }),
        );
      });
    }
  };

  const loop = () => {
    timer = undefined;
    if (stopped) return;
    running = tick()
      .catch((error: unknown) => deps.log.error({ err: error }, 'scheduler tick failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(loop, deps.intervalMs);
      });
  };

  return {
    start: () => {
      if (!stopped) return;
      stopped = false;
      halting = false;
      // The first tick waits one interval: nothing runs on the start path.
      timer = setTimeout(loop, deps.intervalMs);
    },
    stop: async () => {
      stopped = true;
      halting = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    tick: () => {
      halting = false;
      return tick();
    },
  };
};

/** The scheduler of a gateway or worker process over its runtime's database and event bus. */
export const createRuntimeScheduler = (
  runtime: Pick<Runtime, 'database' | 'events'>,
  config: SchedulerConfig,
  log: Pick<Logger, 'warn' | 'error'>,
  options: {
    startExecution?: StartExecution;
    now?: () => Date;
    webhooks?: Partial<WebhookConfig> & { lookup?: LookupAll };
  } = {},
): Scheduler => {
  const { db } = runtime.database;
  const tenancy = createTenancyService({ db, events: runtime.events });
  const rbac = createRbacService({ db });
  const engine = createWorkflowEngine({
    db,
    events: runtime.events,
    // Record steps act on records as the gateway's do: validation, locks, SLA timers, trigger intents.
    records: workflowRecordsPort(() => records),
    roleHolders: async (ctx, role) =>
      (await rbac.listUserRoles(ctx))
        .filter((r) => r.roleName === role && r.roleStatus === 'active')
        .map((r) => r.userId),
  });
  const workflow = createWorkflowDispatch({
    database: runtime.database,
    events: runtime.events,
    leaseMs: config.leaseMs,
    startExecution: options.startExecution ?? startWithEngine(engine),
    onError: (error) => log.warn({ err: error }, 'workflow intent dispatch failed'),
  });
  const timers = createSlaTimers({
    db,
    events: runtime.events,
    onTimerError: (error, timer) => log.error({ err: error, timer }, 'SLA timer not processed'),
  });
  const records = createWorkflowRecords({
    forms: createFormsService({ db }),
    database: runtime.database,
    events: runtime.events,
    requireProject: tenancy.requireProject,
    triggers: workflow.triggers,
    timers,
  });
  const webhooks = options.webhooks ?? {};
  const outbox = createWebhookOutbox({
    db,
    events: runtime.events,
    sender: createWebhookSender({
      secret: webhooks.secret,
      allowlist: parseAllowlist(webhooks.allowlist),
      ...(webhooks.lookup ? { lookup: webhooks.lookup } : {}),
      ...(webhooks.timeoutMs ? { timeoutMs: webhooks.timeoutMs } : {}),
    }),
    ...(options.now ? { clock: { now: options.now } } : {}),
    onError: (error) => log.error({ err: error }, 'webhook delivery not processed'),
  });
  const jobs: TenantJob[] = [
    {
      name: 'SLA timers',
      run: (tenant, now) =>
        timers.processDueTimers({ now, tenantId: tenant.id, tenantSlug: tenant.slug, limit: 1_000 }),
    },
    {
      name: 'approval deadlines',
      run: (tenant, now) => engine.processApprovalDeadlines({ now, tenantId: tenant.id }),
    },
    {
      // Retries of promotion webhooks: one indexed read per tenant when nothing is due.
      name: 'webhook deliveries',
      run: (tenant) => outbox.processDue(systemContext(tenant.id, tenant.slug)),
    },
  ];
  return createScheduler({
    // The public tenant shape has no id: each slug resolves by its unique index.
    listTenants: async () => {
      const resolved = await Promise.all(
        (await tenancy.listTenants()).map((t) => tenancy.resolveTenant(t.slug)),
      );
      return resolved.filter((t) => t !== undefined);
    },
    ...workflow,
    intervalMs: config.intervalMs,
    concurrency: config.concurrency,
    log,
    jobs,
    ...(options.now ? { now: options.now } : {}),
  });
};

import { randomUUID } from 'node:crypto';
import { type ChangeService, createChangeService } from '@ec3l/change-engine';
import type { Database } from '@ec3l/db';
import { createFormsService, type FormsService, formsSchemas } from '@ec3l/forms';
import { BUILT_IN_PACKAGES } from '@ec3l/graph-packages';
import type { EventBus } from '@ec3l/kernel';
import {
  createPromotionService,
  createWebhookOutbox,
  createWebhookSender,
  type LookupAll,
  type PromotionService,
  parseAllowlist,
  type WebhookOutbox,
} from '@ec3l/promotion';
import { createRbacService, type RbacService } from '@ec3l/rbac';
import {
  createRecordLocks,
  createSlaTimers,
  type RecordLocks,
  type RecordsService,
  type SlaTimers,
} from '@ec3l/records';
import { createTenancyService, type TenancyService } from '@ec3l/tenancy';
import { createVibeService, type LlmAdapter, type VibeService, vibeSchemas } from '@ec3l/vibe';
import {
  createTriggersService,
  createWorkflowService,
  type TriggersService,
  type WorkflowService,
} from '@ec3l/workflow';
import { fastifySSE } from '@fastify/sse';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { AuthConfig, LlmConfig, WebhookConfig } from './config.js';
import type { PackageInstallDeps } from './flows/package-install.js';
import { promotionInstallPort } from './flows/promotion-install.js';
import { vibeInstallPort } from './flows/vibe-install.js';
import { createWorkflowDispatch, type StartExecution, startWithEngine } from './flows/workflow-dispatch.js';
import { createWorkflowRecords, workflowRecordsPort } from './flows/workflow-records.js';
import { adapterOf } from './llm.js';
import { errorBody, registerErrorHandling } from './plugins/errors.js';
import { collectRoutePermissions, createGuard } from './plugins/guard.js';
import { identityPlugin } from './plugins/identity.js';
import { trackInFlight } from './plugins/in-flight.js';
import { frameworkErrors, MAX_PARAM_LENGTH, registerInputGuards } from './plugins/input.js';
import { createLazyCompilers, type LazyCompilers } from './plugins/lazy-compilers.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerTenantScope } from './plugins/tenant-scope.js';
import { adminRoutes } from './routes/admin.js';
import { changeRoutes } from './routes/changes.js';
import { formRoutes } from './routes/forms.js';
import { packageRoutes, packageSchemas } from './routes/packages.js';
import { projectRoutes } from './routes/projects.js';
import { promotionRoutes } from './routes/promotion.js';
import { rbacRoutes } from './routes/rbac.js';
import { recordInstanceRoutes } from './routes/record-instances.js';
import { recordRoutes } from './routes/records.js';
import { tenantRoutes } from './routes/tenants.js';
import { timerRoutes } from './routes/timers.js';
import { vibeRoutes } from './routes/vibe.js';
import { workflowTriggerRoutes } from './routes/workflow-triggers.js';
import { workflowRoutes } from './routes/workflows.js';
import { sharedSchemas } from './schemas.js';

export type AppDeps = {
  database: Pick<Database, 'db' | 'ping'>;
  events: EventBus;
  bodyLimit?: number;
  /** A pino logger; without one the app logs nothing. */
  logger?: FastifyBaseLogger;
  /** Serve on a server created beforehand (main.ts listens before the database is ready). */
  serverFactory?: FastifyServerOptions['serverFactory'];
  /** How callers are identified; header mode (trusted x-user-id / x-agent-id) when absent. */
  auth?: AuthConfig;
  /**
   * Route schemas that compile on first use; the caller compiles the rest when it likes (main.ts: in
   * the background once serving). Without them every schema compiles on ready.
   */
  compilers?: LazyCompilers;
  /** false only in the benchmark that measures the RBAC guard's cost; never from configuration. */
  enforceGuards?: boolean;
  /** How dispatched intents start executions (the workflow engine by default). */
  startExecution?: StartExecution;
  /** Lease of intents dispatched through the API (default 30 s). */
  leaseMs?: number;
  /** Promotion webhooks (nothing is signed or sent without a secret); tests inject the DNS lookup. */
  webhooks?: Partial<WebhookConfig> & { lookup?: LookupAll; deliveryWaitMs?: number };
  /** Vibe authoring's provider and limits (the stub with default limits when absent). */
  llm?: LlmConfig;
  /** An adapter in place of the configured provider (tests: fake providers, scripted outputs). */
  llmAdapter?: LlmAdapter;
};

/** The tables of the shared handle: every package's, so one transaction on it serves several services. */
type SharedTables = Database['db'] extends Kysely<infer Tables> ? Tables : never;

export type Services = {
  tenancy: TenancyService;
  rbac: RbacService;
  records: RecordsService;
  timers: SlaTimers;
  locks: RecordLocks;
  changes: ChangeService;
  workflows: WorkflowService;
  workflow: ReturnType<typeof createWorkflowDispatch>;
  promotion: PromotionService;
  outbox: WebhookOutbox;
  forms: FormsService;
  vibe: VibeService;
};

type TriggersCreate = TriggersService['createTrigger'];
/** A transaction on the shared handle, as the services built on it take it (they nest inside it). */
type SharedHandle = Database['db'];

/** One access-log line per request, when it completes, instead of Fastify's two. */
class AccessLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    request.log.info(
      {
        method: request.method,
        url: request.url,
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  }
}

const REQUEST_ID_RE = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the gateway without listening: routes, plugins, error handling, OpenAPI. */
export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const compilers = deps.compilers ?? createLazyCompilers();
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    logController: new AccessLog(),
    ...(deps.serverFactory ? { serverFactory: deps.serverFactory } : {}),
    bodyLimit: deps.bodyLimit ?? 1_048_576,
    // A caller's request id is kept when it is sane, so traces line up across services.
    genReqId: (req) => {
      const raw = req.headers['x-request-id'];
      const value = Array.isArray(raw) ? raw[0] : raw;
      return value && REQUEST_ID_RE.test(value) ? value : randomUUID();
    },
    frameworkErrors,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    schemaController: { compilersFactory: compilers.compilersFactory },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // A schema that cannot compile fails the start, as with Fastify's own eager compilation.
  if (!deps.compilers) app.addHook('onReady', async () => compilers.compilePending());

  const tenancy = createTenancyService({ db: deps.database.db, events: deps.events });
  const timers = createSlaTimers({
    db: deps.database.db,
    events: deps.events,
    onTimerError: (error, timer) => app.log.error({ err: error, timer }, 'SLA timer not processed'),
  });
  const changes = createChangeService({
    db: deps.database.db,
    events: deps.events,
    requireProject: tenancy.requireProject,
    projectParts: async (ctx, projectId) => ({
      moduleIds: (await tenancy.listModules(ctx, projectId)).map((m) => m.id),
      environmentIds: (await tenancy.listEnvironments(ctx, projectId)).map((e) => e.id),
    }),
  });
  const rbac = createRbacService({
    db: deps.database.db,
    onAuditError: (error) => app.log.error({ err: error }, 'authorization decision not audited'),
  });
  const triggers = createTriggersService({ db: deps.database.db });
  const forms = createFormsService({ db: deps.database.db });
  const records = createWorkflowRecords({
    forms,
    database: deps.database,
    events: deps.events,
    requireProject: tenancy.requireProject,
    triggers,
    timers,
  });
  const workflowDeps: Omit<Parameters<typeof createWorkflowService>[0], 'db'> = {
    events: deps.events,
    requireProject: tenancy.requireProject,
    // One transaction on the shared handle holds the workflow tables and the change tables alike.
    createLinkedChange: (trx: Transaction<SharedTables>, ctx, input) =>
      changes.createLinkedChange(trx, ctx, input),
    // Record steps run the records paths (validation, locks, hooks, events) inside the execution's transaction.
    records: workflowRecordsPort(() => records),
    roleHolders: async (ctx, role) =>
      (await rbac.listUserRoles(ctx))
        .filter((r) => r.roleName === role && r.roleStatus === 'active')
        .map((r) => r.userId),
  };
  const workflows = createWorkflowService({ db: deps.database.db, ...workflowDeps });
  // Package installs create workflows and triggers inside the install's transaction.
  const packageInstalls: PackageInstallDeps = {
    db: deps.database.db,
    events: deps.events,
    tenancy,
    // The install holds the project's row lock, so the project exists; no second connection is asked for.
    workflowsOn: (trx) =>
      createWorkflowService({
        db: trx as unknown as SharedHandle,
        ...workflowDeps,
        requireProject: async () => {},
      }),
    createTriggerOn: (trx, ctx, body) =>
      createTriggersService({ db: trx as unknown as SharedHandle }).createTrigger(
        ctx,
        body as Parameters<TriggersCreate>[1],
      ),
  };
  const webhooks = deps.webhooks ?? {};
  const allowlist = parseAllowlist(webhooks.allowlist);
  const outbox = createWebhookOutbox({
    db: deps.database.db,
    events: deps.events,
    sender: createWebhookSender({
      secret: webhooks.secret,
      allowlist,
      ...(webhooks.lookup ? { lookup: webhooks.lookup } : {}),
      ...(webhooks.timeoutMs ? { timeoutMs: webhooks.timeoutMs } : {}),
    }),
    ...(webhooks.deliveryWaitMs === undefined ? {} : { deliveryWaitMs: webhooks.deliveryWaitMs }),
    onError: (error) => app.log.error({ err: error }, 'webhook delivery not processed'),
  });
  const promotion = createPromotionService({
    db: deps.database.db,
    events: deps.events,
    install: promotionInstallPort(packageInstalls),
    outbox,
    allowlist,
    requireProject: tenancy.requireProject,
  });
  const vibe = createVibeService({
    db: deps.database.db,
    events: deps.events,
    adapter: deps.llmAdapter ?? adapterOf(deps.llm),
    install: vibeInstallPort(packageInstalls),
    requireProject: tenancy.requireProject,
    ...(deps.llm
      ? {
          limits: {
            repairAttempts: deps.llm.repairAttempts,
            concurrentPerTenant: deps.llm.concurrentPerTenant,
            timeoutMs: deps.llm.timeoutMs,
            maxOutputBytes: deps.llm.maxOutputBytes,
          },
        }
      : {}),
  });
  const services: Services = {
    forms,
    vibe,
    promotion,
    outbox,
    tenancy,
    timers,
    locks: createRecordLocks({ db: deps.database.db }),
    records,
    changes,
    rbac,
    workflows,
    workflow: createWorkflowDispatch({
      triggers,
      database: deps.database,
      events: deps.events,
      startExecution: deps.startExecution ?? startWithEngine(workflows.engine),
      ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
      onError: (error) => app.log.warn({ err: error }, 'workflow intent dispatch failed'),
    }),
  };

  // A request's work is done when its reply is on its way (onSend comes after the handler, also when the
  // client went away meanwhile, which onResponse never reports). A graceful stop waits for that work, so
  // a handler still running is not cut off from the database, then for the audit entries written just
  // after their decisions: none may be lost.
  const inFlight = trackInFlight(app);
  app.addHook('onClose', async () => {
    await inFlight.settled();
    await services.rbac.drainAudit();
  });
  registerTenantScope(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // The package format's variants may already be among the shared schemas (module load order decides).
  const registered = new Set<string>();
  for (const schema of [...sharedSchemas, ...packageSchemas(), ...formsSchemas(), ...vibeSchemas]) {
    if (schema.$id && registered.has(schema.$id)) continue;
    if (schema.$id) registered.add(schema.$id);
    app.addSchema(schema);
  }
  registerInputGuards(app);
  registerErrorHandling(app);
  collectRoutePermissions(app);
  await registerOpenApi(app);

  const StatusOkSchema = Type.Object({ status: Type.Literal('ok') });
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['system'],
        summary: 'Liveness: the process is up',
        description: 'Answers as soon as the process listens, before the database is open.',
        response: { 200: { ...StatusOkSchema, description: 'The process is up' } },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'getReadiness',
        tags: ['system'],
        summary: 'Readiness: the database is open, migrated and reachable',
        description: 'Load balancers route traffic to the gateway only while this answers 200.',
        response: {
          200: { ...StatusOkSchema, description: 'The API serves' },
          503: Type.Ref('ErrorResponse', { description: 'The database is unavailable' }),
        },
      },
    },
    async (_request, reply) => {
      try {
        await deps.database.ping();
        return { status: 'ok' as const };
      } catch {
        return reply.code(503).send(errorBody(503, 'DATABASE_UNAVAILABLE', 'The database is unavailable'));
      }
    },
  );

  // Server-sent events for the routes that stream (`sse` in their options); a heartbeat keeps idle
  // streams open through proxies.
  await app.register(fastifySSE, { heartbeatInterval: 15_000 });

  await app.register(
    async (api) => {
      await api.register(identityPlugin, {
        tenancy: services.tenancy,
        auth: deps.auth ?? { mode: 'header' },
      });
      await api.register(tenantRoutes, { tenancy: services.tenancy });
      const guard = createGuard(services.rbac, deps.enforceGuards ?? true);
      await api.register(projectRoutes, { tenancy: services.tenancy, guard });
      await api.register(rbacRoutes, { rbac: services.rbac, guard });
      await api.register(adminRoutes, { ...services, db: deps.database.db, guard });
      await api.register(recordRoutes, { records: services.records, guard });
      await api.register(recordInstanceRoutes, { records: services.records, guard });
      await api.register(timerRoutes, { timers: services.timers, locks: services.locks, guard });
      await api.register(changeRoutes, { changes: services.changes, tenancy: services.tenancy, guard });
      await api.register(workflowRoutes, { workflows: services.workflows, guard });
      await api.register(workflowTriggerRoutes, { ...services.workflow, records: services.records, guard });
      await api.register(packageRoutes, {
        deps: packageInstalls,
        builtIns: Object.values(BUILT_IN_PACKAGES),
        guard,
      });
      await api.register(promotionRoutes, { promotion, outbox, tenancy, guard });
      await api.register(formRoutes, { forms, guard });
      await api.register(vibeRoutes, { vibe, forms, guard });
    },
    { prefix: '/api' },
  );

  return app;
};

/**
 * The OpenAPI document of the gateway, built from the route schemas without a database
 * (the pool below is never connected: no route runs).
 */
export const generateOpenApiDocument = async (): Promise<Record<string, unknown>> => {
  const { Kysely, PostgresDialect } = await import('kysely');
  const pg = (await import('pg')).default;
  const { createEventBus } = await import('@ec3l/kernel');
  const db = new Kysely<Record<string, never>>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }),
  });
  const app = await buildApp({ database: { db, ping: async () => {} }, events: createEventBus() });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.destroy();
  }
};

import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import type { EventBus } from '@ec3l/kernel';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type AppDeps, buildApp } from '../app.js';
import type { AuthConfig } from '../config.js';
import type { StartExecution } from '../flows/workflow-dispatch.js';
import { allMigrations } from '../migrations.js';
import { createLazyCompilers } from '../plugins/lazy-compilers.js';
import { createPersistentEventBus, provisionTenant } from '../runtime.js';

export type Who = { tenant?: string; user?: string; agent?: string };

export type Harness = {
  app: FastifyInstance;
  database: TestDatabase;
  events: EventBus;
  call(
    method: InjectOptions['method'],
    url: string,
    options?: Who & { body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/**
 * The real gateway on a fresh test database, with tenants acme and globex; user "admin" is Admin of each.
 * `auth` switches identity to JWT mode (header mode by default).
 */
export const createHarness = async (
  tenants: readonly string[] = ['acme', 'globex'],
  options: {
    auth?: AuthConfig;
    startExecution?: StartExecution;
    leaseMs?: number;
    webhooks?: AppDeps['webhooks'];
    runLogPollMs?: number;
    llm?: AppDeps['llm'];
    llmAdapter?: AppDeps['llmAdapter'];
  } = {},
): Promise<Harness> => {
  const database = await createTestDatabase(allMigrations);
  const eventErrors: unknown[] = [];
  const events = createPersistentEventBus(database.db, (error) => eventErrors.push(error));
  for (const slug of tenants) await provisionTenant({ database, events }, { slug, admins: ['admin'] });
  const app = await buildApp({
    database,
    events,
    // Each test compiles only the schemas of the routes it calls (contract.test.ts compiles them all).
    compilers: createLazyCompilers(),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.startExecution ? { startExecution: options.startExecution } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.runLogPollMs ? { runLogPollMs: options.runLogPollMs } : {}),
    ...(options.llm ? { llm: options.llm } : {}),
    ...(options.llmAdapter ? { llmAdapter: options.llmAdapter } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    events,
    call: (method, url, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.tenant) headers['x-tenant-id'] = options.tenant;
      if (options.user) headers['x-user-id'] = options.user;
      if (options.agent) headers['x-agent-id'] = options.agent;
      return app.inject({
        method,
        url,
        headers,
        ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
      });
    },
    close: async () => {
      await app.close();
      await events.drain();
      await database.destroy();
      if (eventErrors.length > 0) throw new Error(`domain events were not stored: ${String(eventErrors[0])}`);
    },
  };
};

/** Every operation of the published API: method, path template and operationId. */
export const operationsOf = (document: Record<string, unknown>) => {
  const paths = document.paths as Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, ...op })),
  );
};

/** A fetch that hands each request to the gateway in-process (for the SDK and other fetch clients). */
export const fetchThrough =
  (app: FastifyInstance): typeof fetch =>
  async (input: Request | string | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const body = request.body ? await request.text() : undefined;
    const res = await app.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers.entries()),
      ...(body ? { payload: body } : {}),
    });
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: res.headers as Record<string, string>,
    });
  };

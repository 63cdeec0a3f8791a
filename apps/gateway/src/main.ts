import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** How long without a new request counts as quiet, for work that would hold up requests. */
const QUIET_MS = 50;

/**
 * Answers while the database opens and migrates: /healthz says the process is up (liveness), everything
 * else is 503 until the gateway is ready (readiness), so orchestrators and the console see a live
 * process from the first second instead of a refused connection.
 */
const starting: Handler = (request, response) => {
  const alive = request.url?.split('?')[0] === '/healthz';
  response.writeHead(alive ? 200 : 503, { 'content-type': 'application/json', 'retry-after': '1' });
  response.end(
    JSON.stringify(
      alive
        ? { status: 'starting' }
        : {
            statusCode: 503,
            code: 'STARTING',
            error: 'Service Unavailable',
            message: 'EC3L is starting; try again shortly',
          },
    ),
  );
};

const main = async () => {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  // Buffered, asynchronous writes: logging stays off the request path. Flushed on shutdown.
  const log = pino(
    { level: config.logLevel, name: 'ec3l-gateway' },
    pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );

  let handle: Handler = starting;
  // When the last request arrived: background work runs only in quiet periods.
  let lastRequestAt = 0;
  const server = createServer((request, response) => {
    lastRequestAt = performance.now();
    handle(request, response);
  });
  // Idle keep-alive connections stay open longer than the pools of the clients in front (the console's
  // proxy, load balancers keep theirs for up to a minute): a client must never send a request on a
  // socket the gateway is closing at that moment, which answers it with a reset.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  // Nothing heavy is imported before the port is open. Then the database opens first (PGlite reads its
  // files and compiles its WebAssembly asynchronously) while the rest of the database stack and the
  // HTTP stack load.
  const opened = import('./open-database.js').then(({ openConfiguredDatabase }) =>
    openConfiguredDatabase(config, log),
  );
  opened.catch(() => undefined); // reported when awaited below
  const runtimeModule = import('./runtime.js');
  const appModule = import('./app.js');
  appModule.catch(() => undefined); // reported when awaited below
  const { bootstrapTenants, openRuntime } = await runtimeModule;
  const runtime = await openRuntime(config, log, opened);
  const { buildApp } = await appModule;
  await bootstrapTenants(runtime, config);
  let serve: Handler | undefined;
  const { createLazyCompilers } = await import('./plugins/lazy-compilers.js');
  const compilers = createLazyCompilers();
  const app = await buildApp({
    compilers,
    database: runtime.database,
    events: runtime.events,
    bodyLimit: config.bodyLimit,
    auth: config.auth,
    webhooks: config.webhooks,
    llm: config.llm,
    logger: log,
    serverFactory: (fastifyHandler) => {
      serve = (request, response) => fastifyHandler(request, response);
      return server;
    },
  });
  await app.ready();
  // Requests reach the app only once every route and hook is in place.
  if (serve) handle = serve;
  // Ready before the route schemas are compiled: each compiles on its route's first use, the rest
  // here, one per event-loop turn whenever no request came for a moment (a compilation holds the event
  // loop for milliseconds), so a schema that cannot compile still shows within seconds of a quiet spell.
  compilers
    .compileInBackground(() => performance.now() - lastRequestAt > QUIET_MS)
    .catch((error: unknown) => {
      log.error({ err: error }, 'a response schema does not compile');
    });

  // Background work starts once serving, loaded only when enabled (off: an `ec3l worker` runs it).
  const scheduler = config.scheduler.enabled
    ? (await import('./scheduler.js')).createRuntimeScheduler(runtime, config.scheduler, log, {
        webhooks: config.webhooks,
      })
    : undefined;
  scheduler?.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: draining requests');
    try {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler?.stop();
      await app.close();
      await runtime.close();
      log.flush();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      log.flush();
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  log.info(
    {
      database: runtime.database.kind,
      tenants: config.bootstrapTenants,
      auth: config.auth.mode,
      scheduler: config.scheduler.enabled,
    },
    `EC3L gateway ready: API docs at http://${config.host}:${config.port}/docs`,
  );
  log.flush();
  // Quiet periods must not hold log lines back for long.
  setInterval(() => log.flush(), 1_000).unref();
};

main().catch((error: unknown) => {
  process.stderr.write(
    `EC3L gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { bootstrapTenants, openRuntime } from './runtime.js';

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
  // Load the HTTP stack while the database opens: start-up is dominated by these two.
  const appModule = import('./app.js');
  appModule.catch(() => undefined); // reported when awaited below
  const runtime = await openRuntime(config, log);
  const { buildApp } = await appModule;
  await bootstrapTenants(runtime, config);
  const app = await buildApp({
    database: runtime.database,
    events: runtime.events,
    bodyLimit: config.bodyLimit,
    logger: log,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down: draining requests');
    try {
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

  await app.listen({ port: config.port, host: config.host });
  log.info(
    { database: runtime.database.kind, tenants: config.bootstrapTenants },
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

// A gateway process for benchmarks: the real app from apps/gateway/dist on DATABASE_URL, bootstrapped
// with tenant "bench" and admin "bench-admin". BENCH_GUARDS=off serves the same routes without the RBAC
// guard (a switch that exists only for measuring the guard). EC3L_AUTH and EC3L_JWT_* choose the identity
// mode as for the real gateway.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { buildApp, loadConfig, openRuntime, provisionTenant } = await import(
  join(root, 'apps/gateway/dist/index.js')
);
const { pino } = await import(join(root, 'apps/gateway/node_modules/pino/pino.js'));

const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const log = pino({ level: 'warn' });
const runtime = await openRuntime(config, log);
await provisionTenant(runtime, { slug: 'bench', admins: ['bench-admin'] });
const app = await buildApp({
  database: runtime.database,
  events: runtime.events,
  auth: config.auth,
  enforceGuards: process.env.BENCH_GUARDS !== 'off',
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await runtime.close();
  process.exit(0);
});

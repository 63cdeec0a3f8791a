// A worker process for the reliability tests: the gateway's own scheduler (from dist) over DATABASE_URL,
// with a stand-in engine that records each execution it starts in test_executions, inside the dispatch
// transaction, after DISPATCH_DELAY_MS (so a kill lands mid-dispatch).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { pino } from 'pino';
import { loadConfig } from '../../dist/config.js';
import { openRuntime } from '../../dist/runtime.js';
import { createRuntimeScheduler } from '../../dist/scheduler.js';

const delayMs = Number(process.env.DISPATCH_DELAY_MS ?? '0');
const config = loadConfig();
const log = pino({ level: 'warn', name: 'dispatch-worker' });
const runtime = await openRuntime(config, log);
const scheduler = createRuntimeScheduler(runtime, { ...config.scheduler, enabled: true }, log, {
  startExecution: async (trx, intent) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const executionId = randomUUID();
    await sql`insert into test_executions (id, intent_id, attempt) values (${executionId}, ${intent.id}, ${intent.attempt})`.execute(
      trx,
    );
    return { executionId, status: 'completed' };
  },
});
scheduler.start();
process.stdout.write('worker started\n');
const stop = async () => {
  await scheduler.stop();
  await runtime.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

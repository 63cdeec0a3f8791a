#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { createTenancyService } from '@ec3l/tenancy';
import { type Logger, pino } from 'pino';
import { type Config, ConfigError, loadConfig } from './config.js';
import { runPackageCommand } from './package-cli.js';
import { openRuntime, provisionTenant, type Runtime } from './runtime.js';

const USAGE = `Usage: ec3l <command>

Commands:
  tenant list [--json]                     List tenants
  tenant create <slug> [--name NAME] [--plan PLAN] [--admin USER]...
                                           Create a tenant with its default roles (Admin,
                                           Editor, Viewer); each --admin user becomes an Admin.
                                           Safe to repeat: an existing tenant is kept and
                                           only gains the named admins.
  migrate                                  Apply pending database migrations
  worker                                   Run the background loop (SLA timers, schedule
                                           triggers, approval deadlines, intent dispatch)
                                           until SIGINT or SIGTERM; run any number beside
                                           gateways started with EC3L_SCHEDULER=off
  package validate|pull|diff|push ...      Graph packages as code: see ec3l package --help

The database is chosen as the gateway chooses it: DATABASE_URL, else the embedded
database in EC3L_DATA_DIR (default .ec3l/data). The embedded database serves one
process at a time: stop the gateway before using the CLI on it.`;

const fail = (message: string, code = 2): never => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const run = async (argv: string[]) => {
  // Package commands work on files and talk to a gateway over HTTP: no database is opened.
  if (argv[0] === 'package') {
    const code = await runPackageCommand(argv.slice(1), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      env: process.env,
    });
    process.exitCode = code;
    return;
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      plan: { type: 'string' },
      json: { type: 'boolean', default: false },
      admin: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [group, command, ...rest] = positionals;
  if (values.help || !group) return void process.stdout.write(`${USAGE}\n`);
  const known =
    (group === 'tenant' && (command === 'list' || command === 'create')) ||
    group === 'migrate' ||
    group === 'worker';
  if (!known) fail(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`);

  const config = loadConfig();
  const log = pino({ level: 'warn', name: 'ec3l-cli' });
  const runtime = await openRuntime(config, log);
  if (group === 'worker') return runWorker(runtime, config, log);
  try {
    const tenancy = createTenancyService({ db: runtime.database.db, events: runtime.events });
    if (group === 'migrate') {
      process.stdout.write('Database is up to date.\n');
    } else if (command === 'list') {
      const tenants = await tenancy.listTenants();
      if (values.json) process.stdout.write(`${JSON.stringify(tenants, null, 2)}\n`);
      else {
        const width = Math.max(4, ...tenants.map((t) => t.slug.length));
        process.stdout.write(`${'SLUG'.padEnd(width)}  NAME\n`);
        for (const t of tenants) process.stdout.write(`${t.slug.padEnd(width)}  ${t.name}\n`);
      }
    } else {
      const slug = rest[0] ?? fail(`tenant create needs a slug\n\n${USAGE}`);
      const { tenant, created } = await provisionTenant(runtime, {
        slug,
        admins: values.admin ?? [],
        ...(values.name ? { name: values.name } : {}),
        ...(values.plan ? { plan: values.plan } : {}),
      });
      process.stdout.write(
        created
          ? `Created tenant ${tenant.slug} (${tenant.name}).\n`
          : `Tenant ${tenant.slug} already exists.\n`,
      );
    }
  } finally {
    await runtime.close();
  }
};

/** Runs the scheduler until a signal, then stops it cleanly and closes the database. */
const runWorker = async (runtime: Runtime, config: Config, log: Logger) => {
  const { createRuntimeScheduler } = await import('./scheduler.js');
  const scheduler = createRuntimeScheduler(runtime, { ...config.scheduler, enabled: true }, log, {
    webhooks: config.webhooks,
  });
  scheduler.start();
  process.stdout.write(`EC3L worker running (every ${config.scheduler.intervalMs} ms).\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await scheduler.stop();
  await runtime.close();
};

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) fail(error.message);
  fail(`ec3l: ${error instanceof Error ? error.message : String(error)}`, 1);
});

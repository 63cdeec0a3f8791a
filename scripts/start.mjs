// Runs the built gateway and console side by side (what `pnpm start` does after building).
// GATEWAY_PORT (default 3000) and CONSOLE_PORT (default 3001) choose the ports; every other variable
// (DATABASE_URL, EC3L_DATA_DIR, EC3L_BOOTSTRAP_TENANTS, ...) passes through to the gateway.
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gatewayPort = process.env.GATEWAY_PORT ?? '3000';
const consolePort = process.env.CONSOLE_PORT ?? '3001';
const host = process.env.HOST ?? '127.0.0.1';
const invokedFrom = process.env.INIT_CWD ?? process.cwd();

const children = [];
let stopping = false;

const launch = (name, args, env) => {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (stream, out) => {
    let carry = '';
    stream.on('data', (chunk) => {
      const lines = (carry + chunk).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) out.write(`[${name}] ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`[${name}] exited (${signal ?? code}); stopping the others\n`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
};

const stop = (code = 0) => {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(
    () => process.exit(code),
  );
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

launch('gateway', [join(root, 'apps/gateway/dist/main.js')], {
  PORT: gatewayPort,
  HOST: host,
  INIT_CWD: invokedFrom,
});
launch('console', [join(root, 'apps/console/scripts/next.mjs'), 'start'], {
  PORT: consolePort,
  HOST: host,
  GATEWAY_URL: process.env.GATEWAY_URL ?? `http://${host}:${gatewayPort}`,
});

const waitFor = async (url) => {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
};
await Promise.all([
  waitFor(`http://${host}:${gatewayPort}/readyz`),
  waitFor(`http://${host}:${consolePort}/`),
]);
process.stdout.write(
  `\nEC3L is running:\n  console   http://${host}:${consolePort}\n  API       http://${host}:${gatewayPort}/api\n` +
    `  API docs  http://${host}:${gatewayPort}/docs\n  data      ${
      process.env.DATABASE_URL
        ? 'PostgreSQL (DATABASE_URL)'
        : resolve(invokedFrom, process.env.EC3L_DATA_DIR ?? '.ec3l/data')
    }\n\n`,
);

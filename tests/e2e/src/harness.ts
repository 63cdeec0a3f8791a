import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const GATEWAY_MAIN = resolve(REPO_ROOT, 'apps/gateway/dist/main.js');
const CONSOLE_DIR = resolve(REPO_ROOT, 'apps/console');
export const CONSOLE_LAUNCHER = resolve(CONSOLE_DIR, 'scripts/next.mjs');

/** Debian's chromium; E2E_CHROMIUM_PATH points elsewhere (never a browser downloaded by `playwright install`). */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails with a useful message when `pnpm build` has not produced what the test runs. */
export const assertBuilt = () => {
  const missing = [GATEWAY_MAIN, resolve(CONSOLE_DIR, '.next/BUILD_ID')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Build output missing (${missing.join(', ')}): run \`pnpm build\` at the repository root first`,
    );
  }
};

/** A TCP port that was free a moment ago: the OS picks it for a listener on port 0, then it is released. */
export const freePort = (): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('could not read the port of a listener on port 0'));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });

export type Service = {
  name: string;
  url: string;
  child: ChildProcess;
  /** The last lines the process wrote, for failure messages. */
  output: () => string;
};

const MAX_OUTPUT = 200;

/**
 * Starts `node <args>` in its own process group (so stop() takes down anything it spawns) and keeps
 * its recent output.
 */
export const startNode = (
  name: string,
  args: string[],
  env: Record<string, string>,
  url: string,
): Service => {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length > MAX_OUTPUT) lines.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return { name, url, child, output: () => lines.join('\n') };
};

/** Polls `url` until it answers 2xx; fails early if the process exits, or after `timeoutMs`. */
export const waitUntilAnswering = async (
  service: Service,
  path: string,
  timeoutMs: number,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  };
  service.child.once('exit', onExit);
  try {
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (exited) break;
      try {
        const response = await fetch(`${service.url}${path}`, { signal: AbortSignal.timeout(5_000) });
        await response.body?.cancel();
        if (response.ok) return;
        last = `HTTP ${response.status}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((r) => setTimeout(r, 200)); // poll interval while the server boots
    }
    throw new Error(
      `${service.name} did not answer ${service.url}${path} (${exited ?? `timed out after ${timeoutMs} ms: ${last}`})\n` +
        `--- ${service.name} output ---\n${service.output()}`,
    );
  } finally {
    service.child.off('exit', onExit);
  }
};

const running = new Set<ChildProcess>();

const killGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
};

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once no process of the group is left. */
export const stop = async (service: Service | undefined, graceMs = 10_000): Promise<void> => {
  const child = service?.child;
  if (!child || child.pid === undefined) return;
  const pid = child.pid;
  killGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) killGroup(child, 'SIGKILL');
  while (groupAlive(pid) && Date.now() < deadline + 5_000) await new Promise((r) => setTimeout(r, 50));
};

// If the runner dies before afterAll, take the servers down with it.
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A port nobody listens on right now. */
export const freePort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
};

export type Started = { child: ChildProcess; output: () => string; stop(): Promise<number | null> };

/** Starts a built entry point (main.js, cli.js) with the given environment. */
export const startNode = (script: string, args: string[], env: Record<string, string>): Started =>
  startCommand([process.execPath, `${DIST}${script}`, ...args], env);

/** Starts a command line (e.g. a built entry point under a wrapper such as unshare). */
export const startCommand = (
  [command, ...args]: [string, ...string[]],
  env: Record<string, string>,
): Started => {
  const child = spawn(command, args, {
    // The scheduler stays off unless a test turns it on.
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', EC3L_SCHEDULER: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk) => {
    text += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    text += chunk;
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    output: () => text,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
};

/** Runs a built entry point to completion. */
export const runNode = async (script: string, args: string[], env: Record<string, string>) => {
  const started = startNode(script, args, env);
  const code = await once(started.child, 'exit').then(([c]) => c as number | null);
  return { code, output: started.output() };
};

/** Polls the URL until it answers 200, or fails after the timeout. */
export const waitForOk = async (url: string, timeoutMs: number, process?: Started): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process && process.child.exitCode !== null) {
      throw new Error(
        `process exited (${process.child.exitCode}) before ${url} answered:\n${process.output()}`,
      );
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
};

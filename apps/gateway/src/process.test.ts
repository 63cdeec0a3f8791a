import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DIST,
  freePort,
  runNode,
  type Started,
  startCommand,
  startNode,
  waitForOk,
} from './testing-only/processes.js';

const running: Started[] = [];
afterAll(async () => {
  await Promise.all(running.map((p) => p.stop()));
});

const startGateway = async (env: Record<string, string>) => {
  const port = await freePort();
  const gateway = startNode('main.js', [], { PORT: String(port), ...env });
  running.push(gateway);
  const base = `http://127.0.0.1:${port}`;
  await waitForOk(`${base}/readyz`, 90_000, gateway);
  return { gateway, base };
};

describe('the gateway process on the embedded database', () => {
  it('is live at once and ready once the database is open: /healthz answers while /readyz waits', async () => {
    const port = await freePort();
    const gateway = startNode('main.js', [], { PORT: String(port), EC3L_DATA_DIR: 'memory' });
    running.push(gateway);
    const base = `http://127.0.0.1:${port}`;
    await waitForOk(`${base}/healthz`, 90_000, gateway);
    const early = await fetch(`${base}/api/tenants`);
    // Either still starting (503 with a clear code) or already up: never refused, never a 500.
    if (early.status === 503) expect(await early.json()).toMatchObject({ code: 'STARTING' });
    else expect(early.status).toBe(200);
    await waitForOk(`${base}/readyz`, 90_000, gateway);
    expect((await fetch(`${base}/api/tenants`)).status).toBe(200);
    expect(await gateway.stop()).toBe(0);
  }, 120_000);

  it('keeps data across a restart, and refuses a second process on the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ec3l-data-'));
    const env = { EC3L_DATA_DIR: dataDir, EC3L_BOOTSTRAP_TENANTS: 'default,acme' };

    const first = await startGateway(env);
    const created = await fetch(`${first.base}/api/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tenant-id': 'acme', 'x-user-id': 'admin' },
      body: JSON.stringify({ name: 'Survivor' }),
    });
    expect(created.status).toBe(201);

    const refused = await runNode('cli.js', ['tenant', 'list'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/in use by another process \(pid \d+\)/);

    expect(await first.gateway.stop()).toBe(0);

    const cli = await runNode('cli.js', ['tenant', 'create', 'beta', '--name', 'Beta Corp'], env);
    expect(cli.output).toContain('Created tenant beta (Beta Corp)');
    expect(cli.code).toBe(0);
    const list = await runNode('cli.js', ['tenant', 'list', '--json'], env);
    expect(JSON.parse(list.output).map((t: { slug: string }) => t.slug)).toEqual(['default', 'acme', 'beta']);

    const second = await startGateway(env);
    const projectsRes = await fetch(`${second.base}/api/projects`, { headers: { 'x-tenant-id': 'acme' } });
    const projects = (await projectsRes.json()) as { name: string }[];
    expect(projects.map((p) => p.name)).toEqual(['Survivor']);
    const tenants = (await (await fetch(`${second.base}/api/tenants`)).json()) as { slug: string }[];
    expect(tenants.map((t) => t.slug)).toEqual(['default', 'acme', 'beta']);
    expect(await second.gateway.stop()).toBe(0);
    // Three processes open an embedded database here: seconds each, far more on a busy machine.
  }, 240_000);

  // As a container's entrypoint the gateway is pid 1 on every start. Needs unshare (util-linux) and root.
  const canBePid1 = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0;

  it.skipIf(!canBePid1)(
    'starts again after being killed with SIGKILL as pid 1, though its lock names pid 1 again',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'ec3l-data-'));
      const lockFile = join(dataDir, 'ec3l.lock');
      // unshare ignores SIGTERM while it waits; killing it takes the gateway down (--kill-child).
      const wrappers: Started[] = [];
      const startAsPid1 = async () => {
        const port = await freePort();
        const gateway = startCommand(
          ['unshare', '--pid', '--mount-proc', '--kill-child', process.execPath, `${DIST}main.js`],
          { PORT: String(port), EC3L_DATA_DIR: dataDir },
        );
        wrappers.push(gateway);
        await waitForOk(`http://127.0.0.1:${port}/readyz`, 90_000, gateway);
        // The gateway as the rest of the machine sees it: unshare's only child.
        const outside = Number(
          readFileSync(`/proc/${gateway.child.pid}/task/${gateway.child.pid}/children`, 'utf8').trim(),
        );
        return { gateway, outside, base: `http://127.0.0.1:${port}` };
      };

      try {
        const first = await startAsPid1();
        expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(1);
        const created = await fetch(`${first.base}/api/projects`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tenant-id': 'default', 'x-user-id': 'admin' },
          body: JSON.stringify({ name: 'Outlives a SIGKILL' }),
        });
        expect(created.status).toBe(201);
        process.kill(first.outside, 'SIGKILL');
        await first.gateway.stop();
        // Nothing cleaned up: the lock of the killed process is still there, naming pid 1.
        expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(1);

        const second = await startAsPid1();
        const projects = (await (
          await fetch(`${second.base}/api/projects`, { headers: { 'x-tenant-id': 'default' } })
        ).json()) as { name: string }[];
        expect(projects.map((p) => p.name)).toEqual(['Outlives a SIGKILL']);
        // While it runs, nobody else gets the directory.
        const refused = await runNode('cli.js', ['tenant', 'list'], { EC3L_DATA_DIR: dataDir });
        expect(refused.output).toMatch(/in use by another process \(pid 1\)/);
        process.kill(second.outside, 'SIGTERM');
        await second.gateway.stop();
        expect(existsSync(lockFile)).toBe(false);
      } finally {
        for (const wrapper of wrappers) if (wrapper.child.exitCode === null) wrapper.child.kill('SIGKILL');
      }
    },
    240_000,
  );

  it('refuses to start with invalid configuration and says what is wrong', async () => {
    const result = await runNode('main.js', [], { PORT: 'eighty', EC3L_DATA_DIR: 'memory' });
    expect(result.code).toBe(2);
    expect(result.output).toMatch(/Invalid configuration:[\s\S]*PORT/);
    const badTenant = await runNode('main.js', [], {
      EC3L_BOOTSTRAP_TENANTS: 'Not Valid',
      EC3L_DATA_DIR: 'memory',
    });
    expect(badTenant.code).toBe(2);
    expect(badTenant.output).toContain('EC3L_BOOTSTRAP_TENANTS');
  });

  it('the CLI explains its usage and rejects unknown commands', async () => {
    const help = await runNode('cli.js', ['--help'], { EC3L_DATA_DIR: 'memory' });
    expect(help.code).toBe(0);
    expect(help.output).toContain('tenant create <slug>');
    const unknown = await runNode('cli.js', ['tenant', 'explode'], { EC3L_DATA_DIR: 'memory' });
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('Unknown command');
  });
});

import { createServer, type Server, Socket } from 'node:net';
import { type Database, openDatabase } from '@ec3l/db';
import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus } from '@ec3l/kernel';
import { createTenancyService } from '@ec3l/tenancy';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { allMigrations } from './migrations.js';

/** A TCP relay in front of PostgreSQL that can be cut and restored, to play a database outage. */
const createRelay = (target: URL) => {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const start = () =>
    new Promise<number>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket();
        sockets.add(client).add(upstream);
        upstream.connect(Number(target.port || 5432), target.hostname);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve(port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      server ? server.close(() => resolve()) : resolve();
    });
  return { start, stop };
};

describe.runIf(process.env.TEST_DATABASE_URL)('database outage', () => {
  let test: TestDatabase;
  let database: Database;
  let app: FastifyInstance;
  const relay = { current: undefined as ReturnType<typeof createRelay> | undefined };

  beforeAll(async () => {
    test = await createTestDatabase(allMigrations);
    const events = createEventBus();
    await createTenancyService({ db: test.db, events }).ensureTenant({ slug: 'acme' });
    const target = new URL(test.url!);
    relay.current = createRelay(target);
    const port = await relay.current.start();
    const viaRelay = new URL(test.url!);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(port);
    database = await openDatabase(
      { kind: 'postgres', url: viaRelay.toString(), connectTimeoutMs: 1_000 },
      { onPoolError: () => {} },
    );
    app = await buildApp({ database, events });
  });
  afterAll(async () => {
    await app?.close();
    await relay.current?.stop();
    await database?.close();
    await test?.destroy();
  });

  it('answers 503 on /readyz and on requests while the database is gone, and recovers when it returns', async () => {
    const ok = await app.inject({ url: '/api/projects', headers: { 'x-tenant-id': 'acme' } });
    expect(ok.statusCode).toBe(200);

    await relay.current!.stop();
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    const down = await app.inject({ url: '/api/projects', headers: { 'x-tenant-id': 'acme' } });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);

    await relay.current!.start();
    await expect
      .poll(async () => (await app.inject({ url: '/readyz' })).statusCode, { timeout: 10_000 })
      .toBe(200);
    const back = await app.inject({ url: '/api/projects', headers: { 'x-tenant-id': 'acme' } });
    expect(back.statusCode).toBe(200);
  });
});

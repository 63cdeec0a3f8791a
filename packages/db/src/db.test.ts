import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@ec3l/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './cursor.js';
import { openDatabase } from './database.js';
import { isDatabaseUnavailableError, isUniqueViolation } from './errors.js';
import { DataDirLockedError, lockDataDir } from './lock.js';
import { type MigrationModule, migrateToLatest, migrationsFingerprint } from './migrate.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

const sample: MigrationModule = {
  name: 'sample',
  rank: 10,
  migrations: {
    '0001_things': {
      up: async (db) => {
        await db.schema
          .createTable('things')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .execute();
      },
    },
    '0002_more': {
      up: async (db) => {
        await db.schema.alterTable('things').addColumn('name', 'text').execute();
      },
    },
  },
};

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase([]);
  });
  afterAll(() => database.destroy());

  it('apply once and are a no-op the second time', async () => {
    expect(await migrateToLatest(database.ownerDb, [sample])).toEqual([
      '0010-sample/0001_things',
      '0010-sample/0002_more',
    ]);
    expect(await migrateToLatest(database.ownerDb, [sample])).toEqual([]);
    await sql`insert into things (id, name) values (1, 'x')`.execute(database.db);
  });

  it('run in the order of the package graph, whatever the module names', async () => {
    const order: string[] = [];
    const module = (name: string, rank: number): MigrationModule => ({
      name,
      rank,
      migrations: {
        '0001_a': { up: async () => void order.push(`${name}/a`) },
        '0002_b': { up: async () => void order.push(`${name}/b`) },
      },
    });
    const fresh = await createTestDatabase([]);
    try {
      await migrateToLatest(fresh.ownerDb, [module('zeta', 100), module('alpha', 200)]);
      expect(order).toEqual(['zeta/a', 'zeta/b', 'alpha/a', 'alpha/b']);
    } finally {
      await fresh.destroy();
    }
  });

  it('fingerprint changes when a migration changes', () => {
    const changed: MigrationModule = {
      name: 'sample',
      rank: 10,
      migrations: { ...sample.migrations, '0003_new': { up: async () => {} } },
    };
    expect(migrationsFingerprint([sample])).toBe(migrationsFingerprint([sample]));
    expect(migrationsFingerprint([sample])).not.toBe(migrationsFingerprint([changed]));
  });

  it('report which migration failed and why', async () => {
    const broken: MigrationModule = {
      name: 'broken',
      rank: 20,
      migrations: {
        '0001_bad': { up: async (db) => void (await sql`select * from no_such_table`.execute(db)) },
      },
    };
    await expect(migrateToLatest(database.ownerDb, [sample, broken])).rejects.toThrow(
      /broken\/0001_bad failed: .*no_such_table/,
    );
  });
});

describe('test databases', () => {
  it('give each test file its own database', async () => {
    const [a, b] = await Promise.all([createTestDatabase([sample]), createTestDatabase([sample])]);
    try {
      await sql`insert into things (id) values (1)`.execute(a.db);
      const rows = await sql<{ n: string }>`select count(*) as n from things`.execute(b.db);
      expect(Number(rows.rows[0]?.n)).toBe(0);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });
});

describe('data directory lock', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'ec3l-lock-'));

  it('refuses a second holder while the first is alive, naming its pid', async () => {
    const path = dir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(path, 'ec3l.lock'), String(holder.pid));
      expect(() => lockDataDir(path)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(path)).toThrow(
        new RegExp(`in use by another process \\(pid ${holder.pid}\\)`),
      );
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that is gone, and releases it', async () => {
    const path = dir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    writeFileSync(join(path, 'ec3l.lock'), String(gone.pid));
    const lock = lockDataDir(path);
    expect(readFileSync(lock.path, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(path)).toThrow(DataDirLockedError);
    lock.release();
    lockDataDir(path).release();
  });

  it('keeps embedded data across a close and reopen of the same directory', async () => {
    const path = dir();
    const first = await openDatabase({ kind: 'pglite', dataDir: path });
    await sql`create table kept (v text)`.execute(first.ownerDb);
    await sql`insert into kept values ('still here')`.execute(first.ownerDb);
    await expect(openDatabase({ kind: 'pglite', dataDir: path })).rejects.toThrow(DataDirLockedError);
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir: path });
    try {
      const rows = await sql<{ v: string }>`select v from kept`.execute(second.ownerDb);
      expect(rows.rows).toEqual([{ v: 'still here' }]);
    } finally {
      await second.close();
    }
    // Creating a PGlite directory runs initdb (seconds, far more on a busy machine), then it opens twice.
  }, 180_000);
});

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL pool', () => {
  it('survives the server dropping idle connections and serves the next query', async () => {
    const test = await createTestDatabase([]);
    const poolErrors: Error[] = [];
    const database = await openDatabase(
      { kind: 'postgres', url: test.url!, poolSize: 2 },
      { onPoolError: (e) => poolErrors.push(e) },
    );
    try {
      await database.ping();
      // Kill every other backend of this database: the pool's idle client is among them.
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()`.execute(test.ownerDb);
      await expect.poll(() => poolErrors.length, { timeout: 5_000 }).toBeGreaterThan(0);
      await expect(database.ping()).resolves.toBeUndefined();
    } finally {
      await database.close();
      await test.destroy();
    }
  });
});

describe('error classification', () => {
  it('tells an unreachable database from a bad query', () => {
    expect(isDatabaseUnavailableError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailableError(new Error('wrapped', { cause: { code: 'ECONNRESET' } }))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error('x'), { code: '42P01' }))).toBe(false);
    expect(isDatabaseUnavailableError('ECONNREFUSED')).toBe(false);
    expect(isUniqueViolation({ code: '23505', constraint: 'a' }, 'a')).toBe(true);
    expect(isUniqueViolation({ code: '23505', constraint: 'a' }, 'b')).toBe(false);
  });
});

describe('cursors', () => {
  it('round-trip and reject garbage with a validation error', () => {
    const cursor = { createdAt: '2026-01-01T00:00:00.000Z', id: 'abc' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'not-base64!', Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(DomainError);
    }
  });
});

describe('pageOf', () => {
  it('keeps the first limit rows and gives a cursor only when there were more', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ id, at: '2026-01-01T00:00:00.000Z' }));
    const cursorOf = (r: { id: string; at: string }) => ({ createdAt: r.at, id: r.id });
    const full = pageOf(rows, 2, cursorOf);
    expect(full.items.map((r) => r.id)).toEqual(['a', 'b']);
    expect(decodeCursor(full.nextCursor!)).toEqual({ createdAt: rows[1]!.at, id: 'b' });
    expect(pageOf(rows, 3, cursorOf)).toEqual({ items: rows, nextCursor: null });
    expect(pageOf([], 3, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});

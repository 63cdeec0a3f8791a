import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@ec3l/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageOf } from './cursor.js';
import { type Database, openDatabase } from './database.js';
import { isDatabaseUnavailableError, isUniqueViolation, transactionConflictOf } from './errors.js';
import { DataDirLockedError, lockDataDir, processStartTime } from './lock.js';
import { type MigrationModule, migrateToLatest, migrationsFingerprint } from './migrate.js';
import { prepared, preparedGeneric, preparedStatement } from './prepared.js';
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

  it('leave an up-to-date database alone, yet still run a migration added later', async () => {
    const fresh = await createTestDatabase([]);
    try {
      await migrateToLatest(fresh.ownerDb, [sample]);
      // The migrator creates its lock table on every run; a run that finds nothing pending must not.
      await sql`drop table kysely_migration_lock`.execute(fresh.ownerDb);
      expect(await migrateToLatest(fresh.ownerDb, [sample])).toEqual([]);
      const lockTable = await sql<{
        t: string | null;
      }>`select to_regclass('kysely_migration_lock') as t`.execute(fresh.ownerDb);
      expect(lockTable.rows[0]?.t).toBeNull();
      const grown: MigrationModule = {
        ...sample,
        migrations: {
          ...sample.migrations,
          '0003_later': { up: async (db) => void (await sql`create table later (v int)`.execute(db)) },
        },
      };
      expect(await migrateToLatest(fresh.ownerDb, [grown])).toEqual(['0010-sample/0003_later']);
      expect(await migrateToLatest(fresh.ownerDb, [grown])).toEqual([]);
      // A database migrated by a newer version than this code is refused, as before.
      await expect(migrateToLatest(fresh.ownerDb, [sample])).rejects.toThrow(
        /previously executed migration 0010-sample\/0003_later is missing/,
      );
    } finally {
      await fresh.destroy();
    }
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

  const sleeper = () => spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  const writeLock = (path: string, content: unknown) =>
    writeFileSync(join(path, 'ec3l.lock'), typeof content === 'string' ? content : JSON.stringify(content));

  it('refuses a second holder while the first is alive, naming its pid', async () => {
    const path = dir();
    const holder = sleeper();
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      writeLock(path, { pid: holder.pid, started: processStartTime(holder.pid!) });
      expect(() => lockDataDir(path)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(path)).toThrow(
        new RegExp(`in use by another process \\(pid ${holder.pid}\\)`),
      );
      // A lock file that names only a pid (as earlier versions wrote) still holds while it runs.
      writeLock(path, String(holder.pid));
      expect(() => lockDataDir(path)).toThrow(DataDirLockedError);
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that is gone, and releases it', async () => {
    const path = dir();
    const gone = spawn(process.execPath, ['-e', '']);
    const started = await new Promise<string | undefined>((resolve) =>
      gone.once('spawn', () => resolve(processStartTime(gone.pid!))),
    );
    await new Promise((resolve) => gone.on('exit', resolve));
    writeLock(path, { pid: gone.pid, started });
    const lock = lockDataDir(path);
    expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({
      pid: process.pid,
      started: processStartTime(process.pid),
    });
    expect(() => lockDataDir(path)).toThrow(DataDirLockedError);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockDataDir(path).release();
  });

  it('takes over a lock whose pid now belongs to an unrelated process that started later', async () => {
    const path = dir();
    const unrelated = sleeper();
    try {
      await new Promise((resolve) => unrelated.once('spawn', resolve));
      const started = processStartTime(unrelated.pid!);
      expect(started).toBeDefined();
      writeLock(path, { pid: unrelated.pid, started: `${started}0` });
      const lock = lockDataDir(path);
      expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
      lock.release();
    } finally {
      unrelated.kill();
    }
  });

  it('takes over a lock naming its own pid that it does not hold: a former process with the same pid', () => {
    // A container's entrypoint is pid 1 on every start; after a SIGKILL its lock names pid 1 again.
    const path = dir();
    writeLock(path, { pid: process.pid, started: 'an earlier start' });
    const lock = lockDataDir(path);
    expect(() => lockDataDir(path)).toThrow(new RegExp(`\\(pid ${process.pid}\\)`));
    lock.release();
    writeLock(path, String(process.pid));
    lockDataDir(path).release();
  });

  it('judges a holder in another pid namespace by its start time: kept while it runs, taken over once gone', async () => {
    const path = dir();
    const holder = sleeper();
    try {
      await new Promise((resolve) => holder.once('spawn', resolve));
      // As a gateway in a container writes it: pid 1 of its own namespace.
      const inContainer = { pid: 1, started: processStartTime(holder.pid!), ns: 'pid:[1]' };
      writeLock(path, inContainer);
      expect(() => lockDataDir(path)).toThrow(/\(pid 1\)/);
      holder.kill();
      await new Promise((resolve) => holder.once('exit', resolve));
      lockDataDir(path).release();
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock file it cannot read as a lock', () => {
    const path = dir();
    writeLock(path, '');
    lockDataDir(path).release();
  });

  it('tells processes apart by start time: the same pid always reads the same, two processes differ', async () => {
    const a = sleeper();
    const b = sleeper();
    try {
      await Promise.all([a, b].map((p) => new Promise((resolve) => p.once('spawn', resolve))));
      expect(processStartTime(a.pid!)).toBe(processStartTime(a.pid!));
      expect(processStartTime(process.pid)).not.toBe(processStartTime(a.pid!));
      expect(processStartTime(a.pid!)).toMatch(/^\S+:\d+$/);
    } finally {
      // Reaped once 'exit' is emitted: only then is the pid gone from /proc (a zombie still has one).
      await Promise.all(
        [a, b].map((p) => {
          const exited = new Promise((resolve) => p.once('exit', resolve));
          p.kill();
          return exited;
        }),
      );
    }
    expect(processStartTime(a.pid!)).toBeUndefined();
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

describe.runIf(process.env.TEST_DATABASE_URL)('prepared statements', () => {
  // pg_prepared_statements of the one pooled session, read without a statement of its own.
  const heldBy = async (database: Database) =>
    (
      await sql<{ statement: string; generic_plans: string; custom_plans: string }>`
        select statement, generic_plans, custom_plans from pg_prepared_statements
        order by statement`.execute(database.ownerDb)
    ).rows;

  it('a statement opened with `prepared` is parsed once per connection; others are not prepared', async () => {
    const test = await createTestDatabase([]);
    const database = await openDatabase({ kind: 'postgres', url: test.url!, poolSize: 1 });
    try {
      const run = (n: number) =>
        sql<{ n: number }>`${prepared} select ${n}::int + 1 as n`.execute(database.ownerDb);
      for (const n of [1, 2, 3]) expect((await run(n)).rows).toEqual([{ n: n + 1 }]);
      await sql`select 'not prepared'`.execute(database.ownerDb);
      // A statement compiled once: no builder per call, one prepared statement more on the session.
      const plusTwo = preparedStatement<{ n: number }>('select $1::int + 2 as n');
      for (const n of [1, 2]) expect(await plusTwo(database.ownerDb, [n])).toEqual([{ n: n + 2 }]);
      // Besides the session sync of each handle (role, tenant), itself prepared.
      const ours = async () =>
        (await heldBy(database)).map((r) => r.statement).filter((t) => !t.includes('set_config'));
      expect(await ours()).toEqual([
        expect.stringMatching(/^\/\* ec3l:prepared \*\/ +select \$1::int \+ 1/),
        '/* ec3l:prepared */ select $1::int + 2 as n',
      ]);
      // As the app role too: its session prepares the statement once and runs it again.
      for (const n of [4, 5])
        expect(
          (await sql<{ n: number }>`${prepared} select ${n}::int + 1 as n`.execute(database.db)).rows,
        ).toEqual([{ n: n + 1 }]);
      expect(await ours()).toHaveLength(2);
      expect((await heldBy(database)).filter((r) => r.statement.includes('set_config'))).toHaveLength(1);
    } finally {
      await database.close();
      await test.destroy();
    }
  });

  it('`preparedGeneric` statements are planned generically, others by the default mode; a rollback is followed', async () => {
    const test = await createTestDatabase([]);
    const database = await openDatabase({ kind: 'postgres', url: test.url!, poolSize: 1 });
    const mode = async () =>
      (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(database.ownerDb)).rows[0]!
        .plan_cache_mode;
    const generic = (n: number) => sql`${preparedGeneric} select ${n}::int as n`.execute(database.ownerDb);
    try {
      expect(await mode()).toBe('auto');
      for (const n of [1, 2, 3, 4, 5, 6, 7]) await generic(n);
      // Statements without parameters, and those marked `prepared`, leave the mode where it is.
      expect(await mode()).toBe('force_generic_plan');
      await sql`${prepared} select ${1}::int as n`.execute(database.ownerDb);
      expect(await mode()).toBe('force_generic_plan');
      expect((await heldBy(database)).find((r) => r.statement.includes('generic'))).toMatchObject({
        generic_plans: '7',
        custom_plans: '0',
      });
      // An unmarked statement with parameters is planned by the default mode again.
      await sql`select ${1}::int as n`.execute(database.ownerDb);
      expect(await mode()).toBe('auto');
      // Switched inside a transaction that rolls back: PostgreSQL undoes it, and so does the tracking.
      await expect(
        database.ownerDb.transaction().execute(async (trx) => {
          await sql`${preparedGeneric} select ${8}::int as n`.execute(trx);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await mode()).toBe('auto');
      await generic(9);
      expect(await mode()).toBe('force_generic_plan');
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

  it('tells a transaction rolled back for a concurrent one (deadlock, serialization failure) from other errors', () => {
    expect(transactionConflictOf(Object.assign(new Error('x'), { code: '40P01' }))).toEqual({
      sqlstate: '40P01',
      reason: 'DEADLOCK',
      description: 'a deadlock with a concurrent transaction',
    });
    expect(transactionConflictOf(new Error('wrapped', { cause: { code: '40001' } }))).toMatchObject({
      sqlstate: '40001',
      reason: 'SERIALIZATION_FAILURE',
    });
    for (const code of ['40002', '23505', '57P01', 'constructor', 'toString'])
      expect(transactionConflictOf({ code }), code).toBeNull();
    expect(transactionConflictOf('40P01')).toBeNull();
  });
});

describe('cursors', () => {
  it('round-trip and reject garbage with a validation error', () => {
    const cursor = { createdAt: '2026-01-01T00:00:00.000Z', id: '0b9f3c1e-5a4d-4c2b-9e8f-7a6b5c4d3e2f' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['', 'not-base64!', Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(DomainError);
    }
  });

  it('refuse forged cursors before they reach SQL: the id must be a UUID, the date a real UTC timestamp', () => {
    const id = '0b9f3c1e-5a4d-4c2b-9e8f-7a6b5c4d3e2f';
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const parts of [
      ['2026-01-01T00:00:00.000Z', 'zzz'],
      ['2026-01-01T00:00:00.000Z', `${id}\u0000`],
      ['2026-01-01T00:00:00.000Z', 42],
      ['2026', id],
      ['March 7 2026', id],
      ['2026-02-31T00:00:00.000Z', id],
      ['+275760-09-13T00:00:00.000Z', id],
      ['0000-01-01T00:00:00.000Z', id],
      ['2026-01-01T00:00:00.000Z\u0000', id],
      ['2026-01-01T00:00:00.000Z', id, 'extra'],
    ]) {
      expect(() => decodeCursor(forge(parts)), JSON.stringify(parts)).toThrow(DomainError);
    }
    expect(decodeCursor(forge(['2026-01-01T00:00:00Z', id]))).toEqual({
      createdAt: '2026-01-01T00:00:00Z',
      id,
    });
  });
});

describe('pageOf', () => {
  it('keeps the first limit rows and gives a cursor only when there were more', () => {
    const ids = ['a', 'b', 'c'].map((c) => `${c.repeat(8)}-aaaa-4aaa-8aaa-${'a'.repeat(12)}`);
    const rows = ids.map((id) => ({ id, at: '2026-01-01T00:00:00.000Z' }));
    const cursorOf = (r: { id: string; at: string }) => ({ createdAt: r.at, id: r.id });
    const full = pageOf(rows, 2, cursorOf);
    expect(full.items.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(decodeCursor(full.nextCursor!)).toEqual({ createdAt: rows[1]!.at, id: ids[1] });
    expect(pageOf(rows, 3, cursorOf)).toEqual({ items: rows, nextCursor: null });
    expect(pageOf([], 3, cursorOf)).toEqual({ items: [], nextCursor: null });
  });
});

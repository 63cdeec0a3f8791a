import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Database, openDatabase } from './database.js';
import { type MigrationModule, migrateToLatest, migrationsFingerprint } from './migrate.js';

/**
 * A fresh, migrated database for one test file.
 *
 * - TEST_DATABASE_URL set (CI, and any machine with PostgreSQL): a new database on that server,
 *   cloned from a template that is migrated once per distinct set of migrations.
 * - else, when a Docker engine answers: a throwaway PostgreSQL container (testcontainers).
 * - else: an in-memory PGlite.
 */
export type TestDatabase = Database & {
  /** Connection string of the test database, when it lives on a PostgreSQL server. */
  readonly url: string | null;
  /** Closes the connection and drops the database. */
  destroy(): Promise<void>;
};

const withDatabase = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

// Any 64-bit key works; this one only has to be the same in every test process.
const TEMPLATE_LOCK_KEY = 4_242_017_001;

const cloneFromTemplate = async (adminUrl: string, modules: readonly MigrationModule[]): Promise<string> => {
  const template = `ec3l_tpl_${migrationsFingerprint(modules)}`;
  const name = `ec3l_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Serialises template creation and cloning across every test process on the server.
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${template}"`);
      const db = new Kysely<any>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 }),
        }),
      });
      try {
        await migrateToLatest(db, modules);
      } catch (error) {
        await db.destroy();
        await admin.query(`drop database if exists "${template}" with (force)`);
        throw error;
      }
      await db.destroy();
    }
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]).catch(() => undefined);
    await admin.end();
  }
  return withDatabase(adminUrl, name);
};

const dropDatabase = async (adminUrl: string, url: string): Promise<void> => {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
};

const onServer = async (
  adminUrl: string,
  modules: readonly MigrationModule[],
  onDestroy?: () => Promise<void>,
) => {
  const url = await cloneFromTemplate(adminUrl, modules);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  const test: TestDatabase = {
    ...database,
    url,
    destroy: async () => {
      await database.close();
      await dropDatabase(adminUrl, url);
      await onDestroy?.();
    },
  };
  return test;
};

const dockerAnswers = (): boolean => Boolean(process.env.DOCKER_HOST) || existsSync('/var/run/docker.sock');

/** Creates a fresh migrated database for a test file; call destroy() in afterAll. */
export const createTestDatabase = async (modules: readonly MigrationModule[]): Promise<TestDatabase> => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return onServer(serverUrl, modules);

  if (dockerAnswers()) {
    // Imported lazily: testcontainers needs a newer Node than 20 and a Docker engine.
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    return onServer(container.getConnectionUri(), modules, async () => {
      await container.stop();
    });
  }

  const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
  await migrateToLatest(database.ownerDb, modules);
  return { ...database, url: null, destroy: () => database.close() };
};

/**
 * Walks a paged list from its first page to its last, `limit` rows a page, and returns every row in
 * walk order. Throws when a page holds more than `limit` rows, and after `maxPages`, so a cursor that
 * never ends fails the test instead of hanging it.
 */
export const walkPages = async <T>(
  list: (page: { limit: number; cursor?: string }) => Promise<{ items: T[]; nextCursor: string | null }>,
  limit: number,
  maxPages = 500,
): Promise<T[]> => {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const page = await list({ limit, ...(cursor ? { cursor } : {}) });
    if (page.items.length > limit) throw new Error(`a page held ${page.items.length} rows, over ${limit}`);
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error(`the list did not end within ${maxPages} pages`);
};

import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './lock.js';
import { preparesMarkedStatements } from './prepared.js';
import { scopedDialects } from './scoped-driver.js';

type DatabaseKind = 'postgres' | 'pglite';

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize?: number; connectTimeoutMs?: number }
  /** dataDir "memory" keeps everything in memory. */
  | { kind: 'pglite'; dataDir: string };

export type Database = {
  /**
   * The application's handle (untyped: each domain package narrows it to its own tables). Its
   * statements run as role ec3l_app under row-level security, seeing only the rows of the current
   * tenant scope (`withTenant`, or the request's); outside any scope, no tenant's rows.
   */
  readonly db: Kysely<any>;
  /** The connecting user's handle, for migrations and tools that work across tenants. */
  readonly ownerDb: Kysely<any>;
  readonly kind: DatabaseKind;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** Told about errors of idle pooled connections (which must never crash the process). */
  onPoolError?: (error: Error) => void;
};

// Both handles share one pool (or one embedded connection), which the first destroy closes.
const closeBoth = async (db: Kysely<any>, ownerDb: Kysely<any>): Promise<void> => {
  await Promise.all([db.destroy(), ownerDb.destroy()]);
};

const openPostgres = (
  config: Extract<DatabaseConfig, { kind: 'postgres' }>,
  options: DatabaseOptions,
): Database => {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: config.connectTimeoutMs ?? 5_000,
  });
  // An idle client dropped by the server emits here; without a listener the process would crash.
  pool.on('error', (error) => options.onPoolError?.(error));
  // pg-pool listens for errors only on idle clients. A connection that dies while checked out
  // (the server restarts mid-request) would emit an unhandled 'error' and crash the process;
  // the query itself still fails and is answered as 503.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onPoolError?.(error));
    preparesMarkedStatements(client);
  });
  const dialects = scopedDialects(new PostgresDialect({ pool }), { exclusive: false });
  const db = new Kysely<any>({ dialect: dialects.app });
  const ownerDb = new Kysely<any>({ dialect: dialects.owner });
  return {
    db,
    ownerDb,
    kind: 'postgres',
    ping: async () => {
      await sql`select 1`.execute(ownerDb);
    },
    close: () => closeBoth(db, ownerDb),
  };
};

const openPglite = async (config: Extract<DatabaseConfig, { kind: 'pglite' }>): Promise<Database> => {
  const inMemory = config.dataDir === 'memory';
  let lock: DataDirLock | undefined;
  if (!inMemory) lock = lockDataDir(config.dataDir);
  try {
    const pglite = inMemory ? new PGlite() : new PGlite(join(config.dataDir, 'pgdata'));
    await pglite.waitReady;
    const dialects = scopedDialects(new PGliteDialect({ pglite }), { exclusive: true });
    const db = new Kysely<any>({ dialect: dialects.app });
    const ownerDb = new Kysely<any>({ dialect: dialects.owner });
    return {
      db,
      ownerDb,
      kind: 'pglite',
      ping: async () => {
        await sql`select 1`.execute(ownerDb);
      },
      close: async () => {
        try {
          await closeBoth(db, ownerDb);
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
};

/** Opens the configured database. For PGlite on disk, the data directory is locked to this process. */
export const openDatabase = async (
  config: DatabaseConfig,
  options: DatabaseOptions = {},
): Promise<Database> => (config.kind === 'postgres' ? openPostgres(config, options) : openPglite(config));

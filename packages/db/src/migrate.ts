import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import * as m0001 from './migrations/0001_app_role.js';

/**
 * A domain package's migrations. `rank` places the package in the dependency graph (a package's rank is
 * greater than the ranks of the packages it depends on) and must never change once released; names
 * inside a module sort in the order they must run.
 */
export type MigrationModule = {
  readonly name: string;
  readonly rank: number;
  readonly migrations: Readonly<Record<string, Migration>>;
};

/** The stored name of a migration: "<rank>-<module>/<name>", so that plain sorting follows the graph. */
const qualifiedMigrationName = (module: Pick<MigrationModule, 'name' | 'rank'>, name: string): string =>
  `${String(module.rank).padStart(4, '0')}-${module.name}/${name}`;

/** This package's own migrations (the application role), run before every other package's. */
const dbMigrations: MigrationModule = {
  name: 'db',
  rank: 0,
  migrations: { '0001_app_role': m0001 },
};

const qualified = (modules: readonly MigrationModule[]): Record<string, Migration> => {
  const all: Record<string, Migration> = {};
  for (const module of [dbMigrations, ...modules]) {
    for (const [name, migration] of Object.entries(module.migrations)) {
      all[qualifiedMigrationName(module, name)] = migration;
    }
  }
  return all;
};

/**
 * Whether exactly the given migrations are recorded as applied, read without the migrator's table creation
 * and locking (which cost a restart on an up-to-date database far more than this read).
 */
const isUpToDate = async (db: Kysely<any>, names: readonly string[]): Promise<boolean> => {
  const table = await sql<{ exists: boolean }>`
    select to_regclass('kysely_migration') is not null as exists`.execute(db);
  if (!table.rows[0]?.exists) return false;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((row) => row.name));
  // Exactly the known set: an unknown applied migration is left to the migrator, which refuses it.
  return applied.size === names.length && names.every((name) => applied.has(name));
};

/**
 * Runs every pending migration of @ec3l/db and the given modules; idempotent. Throws when one fails.
 * Pass the owner handle (`Database.ownerDb`): migrations create and alter tables.
 */
export const migrateToLatest = async (
  db: Kysely<any>,
  modules: readonly MigrationModule[],
): Promise<string[]> => {
  const migrations = qualified(modules);
  if (await isUpToDate(db, Object.keys(migrations))) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    // A package earlier in the graph may gain a migration after later packages' ran.
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed ?? '(unknown)'} failed: ${reason}`, { cause: result.error });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};

/** A fingerprint of the migrations' names and code; equal fingerprints mean equal schemas. */
export const migrationsFingerprint = (modules: readonly MigrationModule[]): string => {
  const hash = createHash('sha256');
  for (const [name, migration] of Object.entries(qualified(modules)).sort(([a], [b]) => (a < b ? -1 : 1))) {
    hash.update(name).update('\0').update(migration.up.toString()).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
};

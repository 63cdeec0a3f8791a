import { assertTenantScope } from '@ec3l/db';
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { TenancyTables } from './tables.js';

type TenancyDb<DB extends TenancyTables> = Kysely<DB> | Transaction<DB>;

type Environment = Pick<
  Selectable<TenancyTables['environments']>,
  'tenant_id' | 'id' | 'project_id' | 'name' | 'requires_promotion_approval' | 'promotion_webhook_url'
>;
type Release = Selectable<TenancyTables['environment_releases']>;
type Deployment = Selectable<TenancyTables['environment_deployments']>;
type EnvironmentSettings = Pick<
  Updateable<TenancyTables['environments']>,
  'requires_promotion_approval' | 'promotion_webhook_url'
>;

/**
 * What a package that governs environments (promotion) reads and writes of tenancy's environment
 * tables, on its own handle or transaction. Every query filters by the tenant.
 */
export type EnvironmentsPort = {
  /** The environment, or undefined when the tenant has none of that id. */
  findEnvironment(id: string): Promise<Environment | undefined>;
  /**
   * Locks these environments for the rest of the transaction, in id order (so transactions locking
   * overlapping sets queue instead of deadlocking); FOR NO KEY UPDATE, so rows referencing them go on.
   */
  lockEnvironments(ids: readonly string[]): Promise<Environment[]>;
  /** Writes the environment's governance settings (approval required, webhook URL). */
  updateSettings(id: string, settings: EnvironmentSettings): Promise<void>;
  insertRelease(row: Omit<Insertable<TenancyTables['environment_releases']>, 'tenant_id'>): Promise<Release>;
  insertDeployment(
    row: Omit<Insertable<TenancyTables['environment_deployments']>, 'tenant_id'>,
  ): Promise<Deployment>;
};

const ENVIRONMENT_COLUMNS = [
  'tenant_id',
  'id',
  'project_id',
  'name',
  'requires_promotion_approval',
  'promotion_webhook_url',
] as const;

/** The environments port on any handle whose tables include tenancy's. */
export const environmentsPort = <DB extends TenancyTables>(
  handle: TenancyDb<DB>,
  tenantId: string,
): EnvironmentsPort => {
  assertTenantScope(tenantId);
  // Kysely's handle is invariant in its tables: the one narrowing to tenancy's own happens here.
  const db = handle as unknown as Kysely<TenancyTables>;
  return {
    findEnvironment: (id) =>
      db
        .selectFrom('environments')
        .select(ENVIRONMENT_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),
    lockEnvironments: (ids) =>
      db
        .selectFrom('environments')
        .select(ENVIRONMENT_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', [...new Set(ids)].sort())
        .orderBy('id')
        .forNoKeyUpdate()
        .execute(),
    updateSettings: async (id, settings) => {
      await db
        .updateTable('environments')
        .set(settings)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },
    insertRelease: (row) =>
      db
        .insertInto('environment_releases')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),
    insertDeployment: (row) =>
      db
        .insertInto('environment_deployments')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),
  };
};

type Module = Selectable<TenancyTables['modules']>;

/**
 * What a package that installs apps (apps) writes and reads of tenancy's modules, on its own handle or
 * transaction. Every query filters by the tenant.
 */
export type ModulesPort = {
  /** Creates a module of a project; the project's module names are unique (modules_name_unique). */
  insertModule(row: Omit<Insertable<TenancyTables['modules']>, 'tenant_id'>): Promise<Module>;
  /** Sets the version of these modules (an upgraded app's modules). */
  setVersion(ids: readonly string[], version: string): Promise<void>;
  /** The modules of these ids the tenant has. */
  findModules(ids: readonly string[]): Promise<Module[]>;
};

/** The modules port on any handle whose tables include tenancy's. */
export const modulesPort = <DB extends TenancyTables>(
  handle: TenancyDb<DB>,
  tenantId: string,
): ModulesPort => {
  assertTenantScope(tenantId);
  const db = handle as unknown as Kysely<TenancyTables>;
  return {
    insertModule: (row) =>
      db
        .insertInto('modules')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),
    setVersion: async (ids, version) => {
      if (ids.length === 0) return;
      await db
        .updateTable('modules')
        .set({ version })
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', [...ids])
        .execute();
    },
    findModules: async (ids) =>
      ids.length === 0
        ? []
        : db
            .selectFrom('modules')
            .selectAll()
            .where('tenant_id', '=', tenantId)
            .where('id', 'in', [...ids])
            .execute(),
  };
};

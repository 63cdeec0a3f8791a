import { afterCursor, assertTenantScope, type Cursor, lockRowById } from '@ec3l/db';
import { environmentsPort } from '@ec3l/tenancy';
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { EnvironmentPackageState } from '../core/env-diff.js';
import type {
  DeliveryRow,
  DeploymentRow,
  EnvironmentRow,
  IntentRow,
  PromotionTables,
  ReleaseRow,
} from '../tables.js';

type Db = Kysely<PromotionTables> | Transaction<PromotionTables>;
type T = PromotionTables;
type Page = { limit: number; after?: Cursor };

export type ReleaseWithPackages = ReleaseRow & {
  state_hash: string | null;
  packages: EnvironmentPackageState<unknown>[] | null;
};

/** Queries on one tenant's promotion data; every query carries the tenant filter (T2). */
export const forTenant = (db: Db, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    findEnvironment: (id: string): Promise<EnvironmentRow | undefined> =>
      environmentsPort(db, tenantId).findEnvironment(id),

    /**
     * Each package an environment holds now, with its contents: the newest state row per package key,
     * unless that row is an uninstall.
     */
    environmentPackages: async (environmentId: string): Promise<EnvironmentPackageState<unknown>[]> => {
      const rows = await db
        .selectFrom('environment_package_installs')
        .select(['package_key', 'version', 'checksum', 'source', 'package_contents', 'installed_at', 'id'])
        .distinctOn('package_key')
        .where('tenant_id', '=', tenantId)
        .where('environment_id', '=', environmentId)
        .orderBy('package_key')
        .orderBy('installed_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows
        .filter((r) => r.source !== 'uninstall')
        .map((r) => ({
          packageKey: r.package_key,
          version: r.version,
          checksum: r.checksum,
          contents: r.package_contents,
        }));
    },

    insertIntent: (row: Omit<Insertable<T['promotion_intents']>, 'tenant_id'>): Promise<IntentRow> =>
      db
        .insertInto('promotion_intents')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    findIntent: (id: string): Promise<IntentRow | undefined> =>
      db
        .selectFrom('promotion_intents')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    listIntents: (filter: { projectId?: string; status?: string }, page: Page): Promise<IntentRow[]> => {
      let query = db.selectFrom('promotion_intents').selectAll().where('tenant_id', '=', tenantId);
      if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
      if (filter.status) query = query.where('status', '=', filter.status as IntentRow['status']);
      return query
        .where(afterCursor(page.after))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .execute();
    },

    /** Writes a transition and bumps the intent's version. */
    updateIntent: (id: string, patch: Updateable<T['promotion_intents']>): Promise<IntentRow> =>
      db
        .updateTable('promotion_intents')
        .set({ ...patch, version: sql`version + 1` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Records a delivery's outcome on its intent (not a transition: the version stays). */
    updateIntentNotification: (
      id: string,
      patch: Pick<
        Updateable<T['promotion_intents']>,
        'notification_status' | 'notification_last_error' | 'notification_last_attempt_at'
      >,
    ): Promise<IntentRow> =>
      db
        .updateTable('promotion_intents')
        .set(patch)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    updateEnvironment: (
      id: string,
      patch: { requires_promotion_approval?: boolean; promotion_webhook_url?: string | null },
    ): Promise<void> => environmentsPort(db, tenantId).updateSettings(id, patch),

    insertDelivery: (row: Omit<Insertable<T['webhook_deliveries']>, 'tenant_id'>): Promise<DeliveryRow> =>
      db
        .insertInto('webhook_deliveries')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    findDelivery: (id: string): Promise<DeliveryRow | undefined> =>
      db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    listDeliveries: (subjectId: string, page: Page): Promise<DeliveryRow[]> =>
      db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('subject_id', '=', subjectId)
        .where(afterCursor(page.after, { order: 'asc' }))
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit)
        .execute(),

    /** The ids of pending deliveries due at `now`, oldest due first (index-only when none is due). */
    dueDeliveryIds: async (now: Date, limit: number): Promise<string[]> =>
      (
        await db
          .selectFrom('webhook_deliveries')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('next_attempt_at')
          .limit(limit)
          .execute()
      ).map((r) => r.id),

    updateDelivery: (id: string, patch: Updateable<T['webhook_deliveries']>): Promise<DeliveryRow> =>
      db
        .updateTable('webhook_deliveries')
        .set(patch)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertRelease: async (
      row: Omit<Insertable<T['environment_releases']>, 'tenant_id'>,
      state: { stateHash: string; packages: unknown[] },
    ): Promise<ReleaseRow> => {
      const release = await environmentsPort(db, tenantId).insertRelease(row);
      await db
        .insertInto('environment_release_packages')
        .values({
          tenant_id: tenantId,
          release_id: release.id,
          environment_id: release.environment_id,
          state_hash: state.stateHash,
          packages: JSON.stringify(state.packages),
        })
        .execute();
      return release;
    },

    listReleases: (environmentId: string, page: Page): Promise<ReleaseWithPackages[]> =>
      db
        .selectFrom('environment_releases as r')
        .leftJoin('environment_release_packages as p', (j) =>
          j.onRef('p.tenant_id', '=', 'r.tenant_id').onRef('p.release_id', '=', 'r.id'),
        )
        .selectAll('r')
        .select(['p.state_hash', 'p.packages'])
        .where('r.tenant_id', '=', tenantId)
        .where('r.environment_id', '=', environmentId)
        .where(afterCursor(page.after, { column: 'r.created_at', id: 'r.id' }))
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(page.limit)
        .execute() as Promise<ReleaseWithPackages[]>,

    /** The environment's newest release that froze its package state, with that state's hash. */
    latestRelease: (environmentId: string): Promise<{ id: string; state_hash: string } | undefined> =>
      db
        .selectFrom('environment_release_packages as p')
        .innerJoin('environment_releases as r', (j) =>
          j.onRef('r.tenant_id', '=', 'p.tenant_id').onRef('r.id', '=', 'p.release_id'),
        )
        .select(['r.id', 'p.state_hash'])
        .where('p.tenant_id', '=', tenantId)
        .where('p.environment_id', '=', environmentId)
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(1)
        .executeTakeFirst(),

    insertDeployment: (
      row: Omit<Insertable<T['environment_deployments']>, 'tenant_id'>,
    ): Promise<DeploymentRow> => environmentsPort(db, tenantId).insertDeployment(row),

    listDeployments: (projectId: string, page: Page): Promise<DeploymentRow[]> =>
      db
        .selectFrom('environment_deployments')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('project_id', '=', projectId)
        .where(afterCursor(page.after))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .execute(),
  };
};

/** Row locks of promotion; each takes a transaction. */
export const promotionLocks = (trx: Transaction<PromotionTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    lockIntent: (id: string): Promise<IntentRow | undefined> =>
      lockRowById(trx, 'promotion_intents', tenantId, id),

    /** Locks environments in id order (promotions into overlapping sets queue instead of deadlocking). */
    lockEnvironments: (ids: string[]): Promise<EnvironmentRow[]> =>
      environmentsPort(trx, tenantId).lockEnvironments(ids),

    /** Claims a due pending delivery for one attempt (skipped when another worker holds it). */
    claimDelivery: (id: string, now: Date): Promise<DeliveryRow | undefined> =>
      trx
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst(),
  };
};

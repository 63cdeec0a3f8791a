import type { RecordsTables } from '@ec3l/records';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { CreatedObject, GraphPackagesTables, PackageObjectType } from '../tables.js';

type Tables = GraphPackagesTables & RecordsTables;
type Db = Kysely<Tables> | Transaction<Tables>;

export type InstallRow = Selectable<GraphPackagesTables['graph_package_installs']>;
export type OwnershipRow = Selectable<GraphPackagesTables['graph_package_objects']>;

/** The install ledger of one tenant: install history, ownership, environment package state. */
export const packageLedger = (db: Db, tenantId: string) => ({
  /**
   * Locks the project's row (FOR NO KEY UPDATE) for the rest of the transaction: installs and reverts
   * of packages in one project run one after another, while record writes (which only reference the
   * project) go on. False when the project is not the tenant's.
   */
  lockProject: async (projectId: string): Promise<boolean> => {
    const { rows } = await sql<{ id: string }>`
      select id from projects where tenant_id = ${tenantId} and id = ${projectId} for no key update`.execute(
      db,
    );
    return rows.length === 1;
  },

  /** The latest install of the package in the project that is still installed. */
  findInstalled: (projectId: string, packageKey: string): Promise<InstallRow | undefined> =>
    db
      .selectFrom('graph_package_installs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', projectId)
      .where('package_key', '=', packageKey)
      .where('status', '=', 'installed')
      .orderBy('installed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  findInstall: (id: string): Promise<InstallRow | undefined> =>
    db
      .selectFrom('graph_package_installs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst(),

  /** The latest install of a version of the package in the project, installed or reverted. */
  findVersion: (projectId: string, packageKey: string, version: string): Promise<InstallRow | undefined> =>
    db
      .selectFrom('graph_package_installs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', projectId)
      .where('package_key', '=', packageKey)
      .where('version', '=', version)
      .orderBy('installed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),

  /** A page of the project's installs, newest first, optionally of one package. */
  listInstalls: (
    filter: { projectId: string; packageKey?: string },
    page: { limit: number; after?: { createdAt: string; id: string } },
  ): Promise<InstallRow[]> => {
    let q = db
      .selectFrom('graph_package_installs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', filter.projectId);
    if (filter.packageKey) q = q.where('package_key', '=', filter.packageKey);
    if (page.after)
      q = q.where(
        sql<boolean>`(installed_at, id) < (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`,
      );
    return q.orderBy('installed_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  },

  listOwnership: (projectId: string): Promise<OwnershipRow[]> =>
    db
      .selectFrom('graph_package_objects')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', projectId)
      .orderBy('object_type')
      .orderBy('object_key')
      .execute(),

  insertInstall: async (row: {
    id: string;
    projectId: string;
    environmentId: string;
    packageKey: string;
    version: string;
    checksum: string;
    installedBy: string | null;
    installedAt: Date;
    diff: unknown;
    contents: unknown;
    changeId: string | null;
    createdObjects: CreatedObject[];
    previousObjects: CreatedObject[];
    previousInstallId: string | null;
  }): Promise<InstallRow> =>
    db
      .insertInto('graph_package_installs')
      .values({
        tenant_id: tenantId,
        id: row.id,
        project_id: row.projectId,
        environment_id: row.environmentId,
        package_key: row.packageKey,
        version: row.version,
        checksum: row.checksum,
        status: 'installed',
        installed_by: row.installedBy,
        installed_at: row.installedAt,
        diff: JSON.stringify(row.diff),
        package_contents: JSON.stringify(row.contents),
        change_id: row.changeId,
        created_objects: JSON.stringify(row.createdObjects),
        previous_objects: JSON.stringify(row.previousObjects),
        previous_install_id: row.previousInstallId,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),

  markReverted: (id: string, by: string | null, at: Date): Promise<InstallRow> =>
    db
      .updateTable('graph_package_installs')
      .set({ status: 'reverted', reverted_by: by, reverted_at: at })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /** Makes the package the owner of these objects (by type and key) through the install. */
  own: async (
    projectId: string,
    packageKey: string,
    installId: string,
    objects: readonly { type: PackageObjectType; key: string; id: string }[],
  ): Promise<void> => {
    if (objects.length === 0) return;
    await db
      .insertInto('graph_package_objects')
      .values(
        objects.map((o) => ({
          tenant_id: tenantId,
          project_id: projectId,
          object_type: o.type,
          object_key: o.key,
          object_id: o.id,
          package_key: packageKey,
          install_id: installId,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'project_id', 'object_type', 'object_key']).doUpdateSet((eb) => ({
          object_id: eb.ref('excluded.object_id'),
          package_key: eb.ref('excluded.package_key'),
          install_id: eb.ref('excluded.install_id'),
        })),
      )
      .execute();
  },

  /** Drops the package's ownership of every object in the project (an uninstall then restores the previous set). */
  disownAll: async (projectId: string, packageKey: string): Promise<void> => {
    await db
      .deleteFrom('graph_package_objects')
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', projectId)
      .where('package_key', '=', packageKey)
      .execute();
  },

  insertEnvironmentState: async (row: {
    id: string;
    projectId: string;
    environmentId: string;
    packageKey: string;
    version: string;
    checksum: string;
    installedBy: string | null;
    installedAt: Date;
    source: 'install' | 'promote' | 'uninstall';
    diff: unknown;
    contents: unknown;
    graphInstallId: string | null;
    promotionIntentId: string | null;
  }): Promise<void> => {
    await db
      .insertInto('environment_package_installs')
      .values({
        tenant_id: tenantId,
        id: row.id,
        project_id: row.projectId,
        environment_id: row.environmentId,
        package_key: row.packageKey,
        version: row.version,
        checksum: row.checksum,
        installed_by: row.installedBy,
        installed_at: row.installedAt,
        source: row.source,
        diff: JSON.stringify(row.diff),
        package_contents: JSON.stringify(row.contents),
        graph_install_id: row.graphInstallId,
        promotion_intent_id: row.promotionIntentId,
      })
      .execute();
  },

  /** Records of each record type holding a value under each storage key, by `recordTypeId:storageKey`. */
  countFieldValues: async (
    fields: readonly { recordTypeId: string; storageKey: string }[],
  ): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    if (fields.length === 0) return counts;
    const { rows } = await sql<{ record_type_id: string; storage_key: string; n: string | number }>`
      select f.record_type_id, f.storage_key, count(r.id) as n
      from unnest(${fields.map((f) => f.recordTypeId)}::uuid[], ${fields.map((f) => f.storageKey)}::text[])
        as f(record_type_id, storage_key)
      left join record_instances r
        on r.tenant_id = ${tenantId} and r.record_type_id = f.record_type_id and r.data ? f.storage_key
          and r.data ->> f.storage_key is not null
      group by f.record_type_id, f.storage_key`.execute(db);
    for (const r of rows) counts.set(`${r.record_type_id}:${r.storage_key}`, Number(r.n));
    return counts;
  },

  /** Records of each of these record types, by id (types without records are absent). */
  countRecords: async (recordTypeIds: readonly string[]): Promise<Map<string, number>> => {
    if (recordTypeIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('record_instances')
      .select(['record_type_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('record_type_id', 'in', recordTypeIds)
      .groupBy('record_type_id')
      .execute();
    return new Map(rows.map((r) => [r.record_type_id, Number(r.n)]));
  },

  /** Names of the project's workflow definitions (any status) that start with `prefix`. */
  workflowNamesLike: async (projectId: string, prefix: string): Promise<Set<string>> => {
    const { rows } = await sql<{ name: string }>`
      select name from workflow_definitions
      where tenant_id = ${tenantId} and project_id = ${projectId} and starts_with(name, ${prefix})`.execute(
      db,
    );
    return new Set(rows.map((r) => r.name));
  },

  /** Activates record types an install created as drafts, in one statement. */
  activateRecordTypes: async (ids: readonly string[], now: Date): Promise<void> => {
    if (ids.length === 0) return;
    await db
      .updateTable('record_types')
      .set({ status: 'active', updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids)
      .execute();
  },

  /** Deletes record types (and their field definitions) that hold no records; the caller checked. */
  deleteRecordTypes: async (ids: readonly string[]): Promise<void> => {
    if (ids.length === 0) return;
    await db
      .deleteFrom('field_definitions')
      .where('tenant_id', '=', tenantId)
      .where('record_type_id', 'in', ids)
      .execute();
    await db.deleteFrom('record_types').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  },

  /** Choice lists among these that a field definition still uses. */
  choiceListsInUse: async (ids: readonly string[]): Promise<Set<string>> => {
    if (ids.length === 0) return new Set();
    const rows = await db
      .selectFrom('field_definitions')
      .select('choice_list_id')
      .distinct()
      .where('tenant_id', '=', tenantId)
      .where('choice_list_id', 'in', ids)
      .execute();
    return new Set(rows.map((r) => r.choice_list_id!));
  },

  deleteChoiceLists: async (ids: readonly string[]): Promise<void> => {
    if (ids.length === 0) return;
    await db
      .deleteFrom('choice_items')
      .where('tenant_id', '=', tenantId)
      .where('choice_list_id', 'in', ids)
      .execute();
    await db.deleteFrom('choice_lists').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  },
});

export type PackageLedger = ReturnType<typeof packageLedger>;

import { randomBytes } from 'node:crypto';
import { afterCursor, type Cursor } from '@ec3l/db';
import type { FieldDefinition, RecordsTables } from '@ec3l/records';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { CreatedObject, GraphPackagesTables, PackageObjectType } from '../tables.js';

type Tables = GraphPackagesTables & RecordsTables;
type Db = Kysely<Tables> | Transaction<Tables>;

export type InstallRow = Selectable<GraphPackagesTables['graph_package_installs']>;
type OwnershipRow = Selectable<GraphPackagesTables['graph_package_objects']>;

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

  /** The project's environments (id, whether it is the default), oldest first. */
  projectEnvironments: async (projectId: string): Promise<{ id: string; isDefault: boolean }[]> => {
    const { rows } = await sql<{ id: string; is_default: boolean }>`
      select id, is_default from environments
      where tenant_id = ${tenantId} and project_id = ${projectId} order by created_at, id`.execute(db);
    return rows.map((r) => ({ id: r.id, isDefault: r.is_default }));
  },

  /** The project's name (what qualifies installed objects whose names the tenant holds already). */
  projectName: async (projectId: string): Promise<string> => {
    const { rows } = await sql<{ name: string }>`
      select name from projects where tenant_id = ${tenantId} and id = ${projectId}`.execute(db);
    return rows[0]?.name ?? projectId;
  },

  /** Of these names, the ones the tenant's record types or choice lists (per `table`) hold already. */
  takenNames: async (
    table: 'record_types' | 'choice_lists',
    names: readonly string[],
  ): Promise<Set<string>> => {
    if (names.length === 0) return new Set();
    const { rows } = await sql<{ name: string }>`
      select name from ${sql.table(table)} where tenant_id = ${tenantId} and name = any(${[...names]}::text[])`.execute(
      db,
    );
    return new Set(rows.map((r) => r.name));
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
    page: { limit: number; after?: Cursor },
  ): Promise<InstallRow[]> => {
    let q = db
      .selectFrom('graph_package_installs')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', filter.projectId);
    if (filter.packageKey) q = q.where('package_key', '=', filter.packageKey);
    if (page.after) q = q.where(afterCursor(page.after, { column: 'installed_at' }));
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

  /**
   * The record types of the tenant's other projects without their fields: all the graph validators
   * need of them to judge this project's types is which keys exist where (a base type in another
   * project is BASE_TYPE_CROSS_PROJECT, in none ORPHAN_BASE_TYPE).
   */
  otherProjectTypes: (
    projectId: string,
  ): Promise<
    Pick<
      Selectable<RecordsTables['record_types']>,
      'id' | 'project_id' | 'key' | 'name' | 'base_type' | 'status' | 'version'
    >[]
  > =>
    db
      .selectFrom('record_types')
      .select(['id', 'project_id', 'key', 'name', 'base_type', 'status', 'version'])
      .where('tenant_id', '=', tenantId)
      .where('project_id', '!=', projectId)
      .execute(),

  /** Names of the project's workflow definitions (any status) that start with `prefix`. */
  workflowNamesLike: async (projectId: string, prefix: string): Promise<Set<string>> => {
    const { rows } = await sql<{ name: string }>`
      select name from workflow_definitions
      where tenant_id = ${tenantId} and project_id = ${projectId} and starts_with(name, ${prefix})`.execute(
      db,
    );
    return new Set(rows.map((r) => r.name));
  },

  /**
   * Creates active record types and their field definitions in two statements, however many there are
   * (one parameter each: within PostgreSQL's parameter limit). The planner validated them against the
   * project's graph; each field gets a fresh storage key as the data dictionary gives new fields
   * (`~` and 12 hex digits, never a field name), so no field ever reads values stored under its name.
   */
  insertRecordTypes: async (
    types: readonly {
      id: string;
      projectId: string;
      key: string;
      name: string;
      baseType: string | null;
      fields: readonly FieldDefinition[];
      assignmentConfig: unknown;
      slaConfig: unknown;
    }[],
    now: Date,
  ): Promise<void> => {
    if (types.length === 0) return;
    const keyed = types.map((t) => ({
      ...t,
      fields: t.fields.map((f) => ({
        ...f,
        storageKey: f.storageKey ?? `~${randomBytes(6).toString('hex')}`,
      })),
    }));
    const rows = keyed.map((t) => ({
      id: t.id,
      project_id: t.projectId,
      key: t.key,
      name: t.name,
      base_type: t.baseType,
      schema: { fields: t.fields },
      assignment_config: t.assignmentConfig,
      sla_config: t.slaConfig,
    }));
    await sql`
      insert into record_types (tenant_id, id, project_id, key, name, base_type, schema, assignment_config,
                                sla_config, status, created_at, updated_at)
      select ${tenantId}::uuid, r.id, r.project_id, r.key, r.name, r.base_type, r.schema,
             nullif(r.assignment_config, 'null'::jsonb), nullif(r.sla_config, 'null'::jsonb), 'active', ${now}, ${now}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, project_id uuid, key text, name text,
        base_type text, schema jsonb, assignment_config jsonb, sla_config jsonb)`.execute(db);
    const fields = keyed.flatMap((t) =>
      t.fields.map((f, i) => ({
        record_type_id: t.id,
        name: f.name,
        label: f.label,
        field_type: f.type,
        is_required: f.required,
        default_value: f.defaultValue ?? null,
        choice_list_id: f.choiceListId,
        reference_record_type_key: f.referenceRecordTypeKey,
        order_index: i,
      })),
    );
    if (fields.length === 0) return;
    await sql`
      insert into field_definitions (tenant_id, id, record_type_id, name, label, field_type, is_required,
                                     default_value, choice_list_id, reference_record_type_key, order_index)
      select ${tenantId}::uuid, gen_random_uuid(), f.record_type_id, f.name, f.label, f.field_type, f.is_required,
             f.default_value, f.choice_list_id, f.reference_record_type_key, f.order_index
      from jsonb_to_recordset(${JSON.stringify(fields)}::jsonb) as f(record_type_id uuid, name text, label text,
        field_type text, is_required boolean, default_value jsonb, choice_list_id uuid,
        reference_record_type_key text, order_index integer)`.execute(db);
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

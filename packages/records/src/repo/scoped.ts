import { randomBytes } from 'node:crypto';
import { assertTenantScope, lockRowById } from '@ec3l/db';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { type FieldDefinition, withStorageKeys } from '../core/fields.js';
import type { ChoiceItemRow, ChoiceListRow, RecordsTables, RecordTypeRow } from '../tables.js';

type Db = Kysely<RecordsTables> | Transaction<RecordsTables>;

type NewRecordType = {
  id: string;
  projectId: string;
  key: string;
  name: string;
  baseType: string | null;
  fields: FieldDefinition[];
  assignmentConfig: unknown;
  slaConfig: unknown;
  now: Date;
};

type SchemaUpdate = { id: string; fields: FieldDefinition[] };
type ConfigUpdate = { id: string; assignmentConfig: unknown; slaConfig: unknown };

const jsonOrNull = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

// A storage key cannot be a field name (names are identifiers), so a new field never reads the values of
// an old field that was stored under its name.
const newStorageKey = (): string => `~${randomBytes(6).toString('hex')}`;
const keyed = (updates: readonly SchemaUpdate[]): SchemaUpdate[] =>
  updates.map((u) => ({ id: u.id, fields: withStorageKeys(u.fields, newStorageKey) }));

/** A base chain by key, one indexed lookup per level; `share` takes each row FOR SHARE. */
const baseChain = async (
  db: Db,
  tenantId: string,
  projectId: string,
  key: string,
  share: boolean,
): Promise<RecordTypeRow[]> => {
  const chain: RecordTypeRow[] = [];
  const seen = new Set<string>();
  let next: string | null = key;
  while (next && !seen.has(next)) {
    seen.add(next);
    const current: string = next;
    const query = db
      .selectFrom('record_types')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', '=', projectId)
      .where('key', '=', current);
    const row: RecordTypeRow | undefined = await (share ? query.forShare() : query).executeTakeFirst();
    if (!row) break;
    chain.push(row);
    next = row.base_type;
  }
  return chain;
};

/**
 * The scope of `keys` in one statement: down from them to every descendant, then up every base chain,
 * then the rows of the scope in key order; `lock` takes each of them FOR UPDATE in that order, so
 * writers over overlapping scopes queue instead of deadlocking, and returns the rows as locked.
 *
 * Every step is a lateral lookup by one key (`offset 0` keeps it a parameterised index probe), so the
 * cost follows the size of the scope, never of the project, whatever the table's statistics say: a join
 * of the recursive work table against the table, or an `in` list over the key index, plans as a scan of
 * the whole project when the table has no statistics yet (an embedded database never analyses on its
 * own). `union` drops repeated rows, so a cyclic chain ends.
 */
const inheritanceScope = async (
  db: Db,
  tenantId: string,
  projectId: string,
  keys: readonly string[],
  lock: boolean,
): Promise<RecordTypeRow[]> => {
  if (keys.length === 0) return [];
  const inProject = sql`r.tenant_id = ${tenantId} and r.project_id = ${projectId}`;
  const { rows } = await sql<RecordTypeRow>`
    with recursive down(key) as (
      select k from unnest(${[...keys]}::text[]) as k
      union
      select c.key from down d cross join lateral (
        select r.key from record_types r where ${inProject} and r.base_type = d.key offset 0
      ) c
    ), scope(key, base_type) as (
      select b.key, b.base_type from down d cross join lateral (
        select r.key, r.base_type from record_types r where ${inProject} and r.key = d.key offset 0
      ) b
      union
      select b.key, b.base_type from scope s cross join lateral (
        select r.key, r.base_type from record_types r where ${inProject} and r.key = s.base_type offset 0
      ) b
    )
    select t.* from (select distinct key from scope order by key) s cross join lateral (
      select r.* from record_types r where ${inProject} and r.key = s.key offset 0 ${lock ? sql`for update` : sql``}
    ) t
    order by t.key`.execute(db);
  return rows;
};

/** Queries on one tenant's data dictionary; every query carries the tenant filter (T2). */
const tenantQueries = (db: Db, tenantId: string) => {
  /**
   * Brings field_definitions in line with the given schemas in one statement: names no longer in a schema
   * go, the others are upserted in schema order, and unchanged rows are left alone (a one-field change
   * writes one row, not the whole type). `before` adds data-modifying CTEs to the same statement.
   */
  const syncFieldDefinitions = (updates: readonly SchemaUpdate[], before: RawBuilder<unknown> = sql``) => {
    const rows = updates.flatMap((u) =>
      u.fields.map((f, i) => ({
        record_type_id: u.id,
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
    // One parameter however many fields: bulk writes stay within PostgreSQL's parameter limit.
    return sql`
      with ${before} f as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
          record_type_id uuid, name text, label text, field_type text, is_required boolean, default_value jsonb,
          choice_list_id uuid, reference_record_type_key text, order_index integer)
      ), gone as (
        delete from field_definitions d
        where d.tenant_id = ${tenantId} and d.record_type_id = any(${updates.map((u) => u.id)}::uuid[])
          and not exists (select 1 from f where f.record_type_id = d.record_type_id and f.name = d.name)
      )
      insert into field_definitions as d (tenant_id, id, record_type_id, name, label, field_type, is_required,
                                          default_value, choice_list_id, reference_record_type_key, order_index)
      select ${tenantId}::uuid, gen_random_uuid(), f.record_type_id, f.name, f.label, f.field_type, f.is_required,
             f.default_value, f.choice_list_id, f.reference_record_type_key, f.order_index
      from f
      on conflict (tenant_id, record_type_id, name) do update
        set label = excluded.label, field_type = excluded.field_type, is_required = excluded.is_required,
            default_value = excluded.default_value, choice_list_id = excluded.choice_list_id,
            reference_record_type_key = excluded.reference_record_type_key, order_index = excluded.order_index
        where (d.label, d.field_type, d.is_required, d.default_value, d.choice_list_id,
               d.reference_record_type_key, d.order_index)
          is distinct from (excluded.label, excluded.field_type, excluded.is_required, excluded.default_value,
                            excluded.choice_list_id, excluded.reference_record_type_key, excluded.order_index)`;
  };

  return {
    /**
     * Record types by project and key; all of them unless a page is asked: at most `limit` after the
     * (project, key) `after`.
     */
    listRecordTypes: (
      projectId?: string,
      page?: { limit: number; after?: readonly [projectId: string, key: string] },
    ): Promise<RecordTypeRow[]> => {
      let query = db.selectFrom('record_types').selectAll().where('tenant_id', '=', tenantId);
      if (projectId) query = query.where('project_id', '=', projectId);
      const after = page?.after;
      if (after) query = query.where(sql<boolean>`(project_id, key) > (${after[0]}::uuid, ${after[1]})`);
      if (page) query = query.limit(page.limit);
      return query.orderBy('project_id').orderBy('key').execute();
    },

    findRecordType: (id: string): Promise<RecordTypeRow | undefined> =>
      db
        .selectFrom('record_types')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** The project's record types with these keys. */
    findRecordTypesByKeys: (projectId: string, keys: readonly string[]): Promise<RecordTypeRow[]> => {
      if (keys.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('record_types')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('project_id', '=', projectId)
        .where('key', 'in', keys)
        .orderBy('key')
        .execute();
    },

    /**
     * A record type and its base chain (the type first), by key. One indexed lookup per level (chains
     * are short); stops at a repeated key, so a cyclic chain cannot loop.
     */
    findChain: (projectId: string, key: string): Promise<RecordTypeRow[]> =>
      baseChain(db, tenantId, projectId, key, false),

    /**
     * The record types an edit of `keys` can affect, with what they inherit from: the types themselves,
     * every type inheriting from them, and the base chains of all of those, ordered by key. One statement
     * of index probes, so the cost follows the size of the scope, not of the project.
     */
    findInheritanceScope: (projectId: string, keys: readonly string[]): Promise<RecordTypeRow[]> =>
      inheritanceScope(db, tenantId, projectId, keys, false),
    /** Which of these keys exist in the project, with their base types. */
    findKeys: async (
      projectId: string,
      keys: readonly string[],
    ): Promise<{ key: string; base_type: string | null }[]> =>
      keys.length === 0
        ? []
        : db
            .selectFrom('record_types')
            .select(['key', 'base_type'])
            .where('tenant_id', '=', tenantId)
            .where('project_id', '=', projectId)
            .where('key', 'in', keys)
            .execute(),

    /** Ids of all of the tenant's choice lists (graph validation needs only their existence). */
    listChoiceListIds: async (): Promise<string[]> =>
      (await db.selectFrom('choice_lists').select('id').where('tenant_id', '=', tenantId).execute()).map(
        (r) => r.id,
      ),

    /** Whether a key exists in some other project of the tenant (to explain a cross-project base type). */
    projectsWithKey: async (key: string): Promise<string[]> =>
      (
        await db
          .selectFrom('record_types')
          .select('project_id')
          .where('tenant_id', '=', tenantId)
          .where('key', '=', key)
          .execute()
      ).map((r) => r.project_id),

    insertRecordType: async (input: NewRecordType): Promise<RecordTypeRow> => {
      const fields = withStorageKeys(input.fields, newStorageKey);
      const row = await db
        .insertInto('record_types')
        .values({
          tenant_id: tenantId,
          id: input.id,
          project_id: input.projectId,
          key: input.key,
          name: input.name,
          base_type: input.baseType,
          schema: JSON.stringify({ fields }),
          assignment_config: jsonOrNull(input.assignmentConfig),
          sla_config: jsonOrNull(input.slaConfig),
          status: 'draft',
          created_at: input.now,
          updated_at: input.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await syncFieldDefinitions([{ id: input.id, fields }]).execute(db);
      return row;
    },

    setStatus: (id: string, status: RecordTypeRow['status'], now: Date): Promise<RecordTypeRow | undefined> =>
      db
        .updateTable('record_types')
        .set({ status, updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst(),

    /**
     * Writes new schemas and their field definitions in one statement and bumps each
     * record type's version. Fields without a storage key are new and get a fresh one. The caller holds
     * the transaction.
     */
    writeSchemas: async (
      written: readonly SchemaUpdate[],
      now: Date,
      alongside?: RawBuilder<unknown>,
    ): Promise<void> => {
      if (written.length === 0 && !alongside) return;
      // New fields get their storage key here; fields that keep their identity bring theirs along.
      const updates = keyed(written);
      // Arrays, not a JSON record set: the planner then expects few rows and uses the primary key.
      await syncFieldDefinitions(
        updates,
        sql`written as (
          update record_types rt
          set schema = u.schema, version = rt.version + 1, updated_at = ${now}
          from unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => JSON.stringify({ fields: u.fields }))}::jsonb[])
            as u(id, schema)
          where rt.tenant_id = ${tenantId} and rt.id = u.id
        ), ${alongside ?? sql``}`,
      ).execute(db);
    },

    /**
     * Writes the assignment and SLA configuration of these record types (null clears one). `bumpVersion`
     * counts the write as a new version of the type; a merge that also writes the schema bumps it there.
     */
    writeConfigs: async (updates: readonly ConfigUpdate[], now: Date, bumpVersion = false): Promise<void> => {
      for (const u of updates) {
        await db
          .updateTable('record_types')
          .set((eb) => ({
            assignment_config: jsonOrNull(u.assignmentConfig),
            sla_config: jsonOrNull(u.slaConfig),
            updated_at: now,
            ...(bumpVersion ? { version: eb('version', '+', 1) } : {}),
          }))
          .where('tenant_id', '=', tenantId)
          .where('id', '=', u.id)
          .execute();
      }
    },

    /** Choice lists by name (unique in the tenant), at most `limit` after the name `after`. */
    listChoiceLists: (page: { limit: number; after?: string }): Promise<ChoiceListRow[]> => {
      let query = db.selectFrom('choice_lists').selectAll().where('tenant_id', '=', tenantId);
      if (page.after !== undefined) query = query.where('name', '>', page.after);
      return query.orderBy('name').limit(page.limit).execute();
    },

    findChoiceList: (id: string): Promise<ChoiceListRow | undefined> =>
      db
        .selectFrom('choice_lists')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    existingChoiceListIds: async (ids: readonly string[]): Promise<Set<string>> =>
      ids.length === 0
        ? new Set()
        : new Set(
            (
              await db
                .selectFrom('choice_lists')
                .select('id')
                .where('tenant_id', '=', tenantId)
                .where('id', 'in', ids)
                .execute()
            ).map((r) => r.id),
          ),

    insertChoiceList: (row: { id: string; name: string; now: Date }): Promise<ChoiceListRow> =>
      db
        .insertInto('choice_lists')
        .values({ tenant_id: tenantId, id: row.id, name: row.name, status: 'active', created_at: row.now })
        .returningAll()
        .executeTakeFirstOrThrow(),

    listChoiceItems: (choiceListId: string): Promise<ChoiceItemRow[]> =>
      db
        .selectFrom('choice_items')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('choice_list_id', '=', choiceListId)
        .orderBy('order_index')
        .orderBy('value')
        .execute(),

    insertChoiceItems: async (
      choiceListId: string,
      items: readonly { id: string; value: string; label: string; orderIndex: number }[],
    ): Promise<void> => {
      if (items.length === 0) return;
      await db
        .insertInto('choice_items')
        .values(
          items.map((i) => ({
            tenant_id: tenantId,
            id: i.id,
            choice_list_id: choiceListId,
            value: i.value,
            label: i.label,
            order_index: i.orderIndex,
            is_active: true,
          })),
        )
        .execute();
    },
  };
};

/**
 * This tenant's queries. Each one filters by the tenant (the first wall); the database's row-level
 * security adds the second, which is why the current tenant scope must be this tenant's.
 */
export const forTenant = (db: Db, tenantId: string): ReturnType<typeof tenantQueries> => {
  assertTenantScope(tenantId);
  return tenantQueries(db, tenantId);
};

/**
 * Row locks on one tenant's record types. They hold until the transaction ends, so they take one: every
 * write of a record type's schema or status runs under the lock of that record type's row.
 */
export const recordLocks = (trx: Transaction<RecordsTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    /** The record type, locked FOR UPDATE (schema and status writes of this type wait for each other). */
    lockRecordType: (id: string): Promise<RecordTypeRow | undefined> =>
      lockRowById(trx, 'record_types', tenantId, id),

    /** The choice list, locked FOR UPDATE (item positions are read and written under it). */
    lockChoiceList: (id: string): Promise<ChoiceListRow | undefined> =>
      lockRowById(trx, 'choice_lists', tenantId, id),

    /**
     * A base chain (the first key's type first), each row FOR SHARE: the chain's schemas cannot change
     * until the transaction ends, while other readers of the same chain go on.
     */
    shareChain: (projectId: string, key: string): Promise<RecordTypeRow[]> =>
      baseChain(trx, tenantId, projectId, key, true),

    /**
     * The inheritance scope of `keys` (see findInheritanceScope), every row locked FOR UPDATE in key order.
     * A type created under one of them while the lock was awaited is not in the locked statement's snapshot:
     * it is looked for afterwards and locked too, so the scope returned is complete and held.
     */
    lockInheritanceScope: async (projectId: string, keys: readonly string[]): Promise<RecordTypeRow[]> => {
      let rows = await inheritanceScope(trx, tenantId, projectId, keys, true);
      for (;;) {
        const held = rows.map((r) => r.key);
        // Children of held types that are not held themselves, by one index probe per held key.
        const { rows: missed } =
          held.length === 0
            ? { rows: [] }
            : await sql<{ key: string }>`
                select c.key from unnest(${held}::text[]) as h(k) cross join lateral (
                  select r.key from record_types r
                  where r.tenant_id = ${tenantId} and r.project_id = ${projectId} and r.base_type = h.k offset 0
                ) c
                where c.key <> all(${held}::text[])`.execute(trx);
        if (missed.length === 0) return rows;
        rows = await inheritanceScope(trx, tenantId, projectId, [...held, ...missed.map((m) => m.key)], true);
      }
    },
  };
};

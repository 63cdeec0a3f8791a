import { assertTenantScope, lockRowById, preparedGeneric, preparedStatement } from '@ec3l/db';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { RecordInstanceRow, RecordsTables, RecordTypeRow } from '../tables.js';

type Db = Kysely<RecordsTables> | Transaction<RecordsTables>;

/**
 * The keys of the record type of the record `recordId` and of its base types up the chain, in the
 * project: none when no such record exists there. `union` ends the walk even on a cyclic chain.
 */
const typeLineOf = (tenantId: string, projectId: string, recordId: RawBuilder<unknown>) => sql`
  with recursive line(key, base) as (
    select rt.key, rt.base_type from record_instances ri
    join record_types rt on rt.tenant_id = ri.tenant_id and rt.id = ri.record_type_id
    where ri.tenant_id = ${tenantId} and ri.id = ${recordId} and rt.project_id = ${projectId}
    union
    select b.key, b.base_type from line
    join record_types b on b.tenant_id = ${tenantId} and b.project_id = ${projectId} and b.key = line.base
  )
  select key from line`;

// The read of a record by id, the hottest statement of the records runtime: compiled once.
const instanceWithTypeVersion = preparedStatement<
  RecordInstanceRow & { type_version: number; type_base: string | null }
>(`select ri.*, rt.version as type_version, rt.base_type as type_base
   from record_instances ri
   join record_types rt on rt.tenant_id = ri.tenant_id and rt.id = ri.record_type_id
   where ri.tenant_id = $1 and ri.id = $2`);

/** A listed row; time-sorted lists carry the exact sort value for the cursor. */
type ListedRow = RecordInstanceRow & { sort_key?: string };

/** The order of a list: a time column, or a field's stored value (by its storage key). */
export type InstanceOrder =
  | { by: 'created_at' | 'updated_at'; descending: boolean }
  | { by: 'field'; storageKey: string; descending: boolean };

type NewInstance = {
  id: string;
  recordTypeId: string;
  data: Record<string, unknown>;
  createdBy: string | null;
  assignedTo: string | null;
  assignedGroup: string | null;
  now: Date;
};

type InstanceUpdate = {
  data: Record<string, unknown>;
  assignedTo: string | null;
  assignedGroup: string | null;
  now: Date;
};

// The sort value of a row: a time column, or the field's value as jsonb (missing = JSON null, which
// sorts first among scalars), so every order is total once the id ends it.
const sortExpression = (order: InstanceOrder) =>
  order.by === 'field' ? sql`coalesce(data -> ${order.storageKey}::text, 'null'::jsonb)` : sql.ref(order.by);

/** Queries on one tenant's record instances; every query carries the tenant filter (T2). */
const instanceQueries = (db: Db, tenantId: string) => ({
  insertInstance: (row: NewInstance): Promise<RecordInstanceRow> =>
    db
      .insertInto('record_instances')
      .values({
        tenant_id: tenantId,
        id: row.id,
        record_type_id: row.recordTypeId,
        data: JSON.stringify(row.data),
        created_by: row.createdBy,
        assigned_to: row.assignedTo,
        assigned_group: row.assignedGroup,
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),

  /**
   * Inserts the record only if what it was checked against still holds, in one statement: the record
   * type and its base chain at the given versions (taken FOR SHARE until the statement's transaction
   * ends), the type active with the given configs, every choice value an active item, every reference
   * an existing record of its type. Undefined when any of it no longer holds.
   */
  insertIfCurrent: async (
    row: NewInstance,
    expected: {
      chain: readonly { id: string; version: number }[];
      projectId: string;
      assignmentConfig: unknown;
      slaConfig: unknown;
      choices: readonly { choiceListId: string; value: string }[];
      references: readonly { recordId: string; recordTypeKey: string }[];
      /** Further conditions the write needs (the record-write hooks' idle probes). */
      idle?: readonly RawBuilder<boolean>[];
    },
  ): Promise<RecordInstanceRow | undefined> => {
    const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
    const result = await sql<ListedRow>`${preparedGeneric}
      with chain as (
        select id, version, status, assignment_config, sla_config from record_types
        where tenant_id = ${tenantId} and id = any(${expected.chain.map((c) => c.id)}::uuid[])
        for share
      )
      insert into record_instances (tenant_id, id, record_type_id, data, created_by, assigned_to,
                                    assigned_group, created_at, updated_at)
      select ${tenantId}, ${row.id}, ${row.recordTypeId}, ${JSON.stringify(row.data)}::jsonb, ${row.createdBy},
             ${row.assignedTo}, ${row.assignedGroup}, ${row.now}, ${row.now}
      where (select count(*) from chain c
             join unnest(${expected.chain.map((c) => c.id)}::uuid[], ${expected.chain.map((c) => c.version)}::int[])
               as e(id, version) on e.id = c.id and e.version = c.version) = ${expected.chain.length}
        and exists (select 1 from chain where id = ${row.recordTypeId} and status = 'active'
                    and assignment_config is not distinct from ${json(expected.assignmentConfig)}::jsonb
                    and sla_config is not distinct from ${json(expected.slaConfig)}::jsonb)
        and (select count(*) from choice_items ci
             where ci.tenant_id = ${tenantId} and ci.is_active
               and (ci.choice_list_id, ci.value) in (
                 select * from unnest(${expected.choices.map((c) => c.choiceListId)}::uuid[],
                                      ${expected.choices.map((c) => c.value)}::text[]))) = ${expected.choices.length}
        and (select count(*) from unnest(${expected.references.map((r) => r.recordId)}::uuid[],
                                         ${expected.references.map((r) => r.recordTypeKey)}::text[]) as w(id, key)
             where w.key in (${typeLineOf(tenantId, expected.projectId, sql`w.id`)})) = ${expected.references.length}
        ${sql.join(
          (expected.idle ?? []).map((condition) => sql`and (${condition})`),
          sql` `,
        )}
      returning *`.execute(db);
    return result.rows[0];
  },

  /** A record with its record type's version and base type (enough to tell whether a cached schema holds). */
  findInstanceWithTypeVersion: async (id: string) => (await instanceWithTypeVersion(db, [tenantId, id]))[0],

  /** Writes the next version of a record the caller holds locked. */
  updateInstance: (id: string, update: InstanceUpdate): Promise<RecordInstanceRow> =>
    db
      .updateTable('record_instances')
      .set((eb) => ({
        data: JSON.stringify(update.data),
        version: eb('version', '+', 1),
        assigned_to: update.assignedTo,
        assigned_group: update.assignedGroup,
        updated_at: update.now,
      }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),

  /**
   * At most `limit` records of the type in `order`, after the sort key `after` (value, id) when given;
   * `contains` keeps those whose stored data holds all of its keys with equal values.
   */
  listInstances: async (
    recordTypeId: string,
    query: {
      order: InstanceOrder;
      contains: Record<string, unknown> | null;
      after: { value: unknown; id: string } | null;
      limit: number;
    },
  ): Promise<ListedRow[]> => {
    const { order } = query;
    const key = sortExpression(order);
    const direction = order.descending ? sql`desc` : sql`asc`;
    const contains = query.contains ? sql`data @> ${JSON.stringify(query.contains)}::jsonb` : null;
    const after = query.after
      ? sql`(${key}, id) ${order.descending ? sql`<` : sql`>`} (${
          order.by === 'field'
            ? sql`${JSON.stringify(query.after.value)}::jsonb`
            : sql`${query.after.value}::timestamptz`
        }, ${query.after.id}::uuid)`
      : sql`true`;
    const ofType = sql`tenant_id = ${tenantId} and record_type_id = ${recordTypeId}`;
    // A time sort's cursor needs the stored microseconds (a JS Date keeps milliseconds only).
    const columns =
      order.by === 'field'
        ? sql`*`
        : sql`*, to_char(${sql.ref(order.by)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as sort_key`;
    const page = sql`order by ${key} ${direction}, id ${direction} limit ${query.limit}`;
    // Under forced row-level security @> (not leakproof) can neither use the GIN index nor the column
    // statistics, so the ordered index is walked to a full page: see "Known limit" in the README.
    return (
      await sql<ListedRow>`select ${columns} from record_instances
        where ${ofType} and ${contains ?? sql`true`} and ${after} ${page}`.execute(db)
    ).rows;
  },

  /** Which (list, value) pairs are active items of their choice lists. */
  activeChoiceValues: async (
    pairs: readonly { choiceListId: string; value: string }[],
  ): Promise<Set<string>> => {
    if (pairs.length === 0) return new Set();
    const rows = await db
      .selectFrom('choice_items')
      .select(['choice_list_id', 'value'])
      .where('tenant_id', '=', tenantId)
      .where('is_active', '=', true)
      .where(
        sql<boolean>`(choice_list_id, value) in (select * from unnest(${pairs.map((p) => p.choiceListId)}::uuid[], ${pairs.map((p) => p.value)}::text[]))`,
      )
      .execute();
    return new Set(rows.map((r) => `${r.choice_list_id}\u0000${r.value}`));
  },

  /**
   * Of these record ids, the ones that exist in the project, each with the keys its record is an
   * instance of: its record type's and every base type's up the chain (a record of a derived type is a
   * record of its base types too).
   */
  referencedRecords: async (projectId: string, ids: readonly string[]): Promise<Map<string, Set<string>>> => {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<{ id: string; key: string }>`
      select w.id, l.key from unnest(${[...new Set(ids)]}::uuid[]) as w(id)
      cross join lateral (${typeLineOf(tenantId, projectId, sql`w.id`)}) as l(key)`.execute(db);
    const found = new Map<string, Set<string>>();
    for (const r of rows) found.set(r.id, (found.get(r.id) ?? new Set()).add(r.key));
    return found;
  },
});

/**
 * This tenant's record instance queries. Each one filters by the tenant (the first wall); row-level
 * security adds the second, which is why the current tenant scope must be this tenant's.
 */
export const instancesFor = (db: Db, tenantId: string): ReturnType<typeof instanceQueries> => {
  assertTenantScope(tenantId);
  return instanceQueries(db, tenantId);
};

/** Row locks of a record write; they hold until the caller's transaction ends. */
export const instanceLocks = (trx: Transaction<RecordsTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    /** The record, locked FOR UPDATE: writes of one record queue, and each sees the last one's version. */
    lockInstance: (id: string): Promise<RecordInstanceRow | undefined> =>
      lockRowById(trx, 'record_instances', tenantId, id),

    /**
     * The record type FOR SHARE: its status and schema cannot change (retire, merges lock it FOR
     * UPDATE) until the write commits, while other record writes of the type go on.
     */
    shareRecordType: (id: string): Promise<RecordTypeRow | undefined> =>
      lockRowById(trx, 'record_types', tenantId, id, 'share'),
  };
};

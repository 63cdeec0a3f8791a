import { assertTenantScope } from '@ec3l/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { RecordInstanceRow, RecordsTables, RecordTypeRow } from '../tables.js';

type Db = Kysely<RecordsTables> | Transaction<RecordsTables>;

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

  /** A record with its record type, in one round trip. */
  findInstanceWithType: async (
    id: string,
  ): Promise<{ record: RecordInstanceRow; recordType: RecordTypeRow } | undefined> => {
    const row = await db
      .selectFrom('record_instances as ri')
      .innerJoin('record_types as rt', (j) =>
        j.onRef('rt.tenant_id', '=', 'ri.tenant_id').onRef('rt.id', '=', 'ri.record_type_id'),
      )
      .select([
        'ri.tenant_id',
        'ri.id',
        'ri.record_type_id',
        'ri.data',
        'ri.version',
        'ri.created_by',
        'ri.assigned_to',
        'ri.assigned_group',
        'ri.created_at',
        'ri.updated_at',
        sql<RecordTypeRow>`to_jsonb(rt)`.as('record_type'),
      ])
      .where('ri.tenant_id', '=', tenantId)
      .where('ri.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { record_type: rt, ...record } = row;
    return {
      record,
      recordType: { ...rt, created_at: new Date(rt.created_at), updated_at: new Date(rt.updated_at) },
    };
  },

  /**
   * At most `limit` records of the type in `order`, after the sort key `after` (value, id) when given;
   * `contains` keeps those whose stored data holds all of its keys with equal values.
   */
  listInstances: (
    recordTypeId: string,
    query: {
      order: InstanceOrder;
      contains: Record<string, unknown> | null;
      after: { value: unknown; id: string } | null;
      limit: number;
    },
  ): Promise<RecordInstanceRow[]> => {
    const { order } = query;
    const key = sortExpression(order);
    const direction = order.descending ? sql`desc` : sql`asc`;
    let q = db
      .selectFrom('record_instances')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('record_type_id', '=', recordTypeId);
    if (query.contains) q = q.where(sql<boolean>`data @> ${JSON.stringify(query.contains)}::jsonb`);
    if (query.after) {
      const value =
        order.by === 'field'
          ? sql`${JSON.stringify(query.after.value)}::jsonb`
          : sql`${query.after.value}::timestamptz`;
      q = q.where(
        order.descending
          ? sql<boolean>`(${key}, id) < (${value}, ${query.after.id}::uuid)`
          : sql<boolean>`(${key}, id) > (${value}, ${query.after.id}::uuid)`,
      );
    }
    return q.orderBy(sql`${key} ${direction}`).orderBy(sql`id ${direction}`).limit(query.limit).execute();
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

  /** Of these record ids, the ones that exist in the project, with their record type's key. */
  referencedRecords: async (projectId: string, ids: readonly string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('record_instances as ri')
      .innerJoin('record_types as rt', (j) =>
        j.onRef('rt.tenant_id', '=', 'ri.tenant_id').onRef('rt.id', '=', 'ri.record_type_id'),
      )
      .select(['ri.id', 'rt.key'])
      .where('ri.tenant_id', '=', tenantId)
      .where('rt.project_id', '=', projectId)
      .where('ri.id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [r.id, r.key]));
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
      trx
        .selectFrom('record_instances')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    /**
     * The record type FOR SHARE: its status and schema cannot change (retire, merges lock it FOR
     * UPDATE) until the write commits, while other record writes of the type go on.
     */
    shareRecordType: (id: string): Promise<RecordTypeRow | undefined> =>
      trx
        .selectFrom('record_types')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .forShare()
        .executeTakeFirst(),
  };
};

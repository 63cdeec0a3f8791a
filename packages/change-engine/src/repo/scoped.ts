import { assertTenantScope, type Cursor } from '@ec3l/db';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { ChangeStatus } from '../core/lifecycle.js';
import type {
  ChangeEngineDatabase,
  ChangeEngineTables,
  ChangeEventRow,
  ChangeRow,
  OpRow,
  SnapshotRow,
  TargetRow,
} from '../tables.js';

type Db = Kysely<ChangeEngineDatabase> | Transaction<ChangeEngineDatabase>;

export type OpWithTarget = OpRow & {
  target_type: TargetRow['type'];
  target_selector: Record<string, unknown>;
};

/** What a change list may be narrowed to; `from` (inclusive) and `to` (exclusive) bound the creation time. */
export type ChangeListFilter = {
  projectId?: string;
  status?: ChangeStatus;
  revertsChangeId?: string;
  from?: Date;
  to?: Date;
};

/** A page of a list ordered by seq: at most `limit` rows after the row with seq `afterSeq`. */
type SeqPage = { limit: number; afterSeq?: string };

/** The columns a status move sets. */
type ChangeMove = Partial<Pick<ChangeRow, 'status' | 'merged_at'>> & {
  validation_errors?: string | null;
  merge_diff?: string | null;
  updated_at: Date;
};

/** The change event a status move records. */
type MoveEvent = Omit<ChangeEventRow, 'tenant_id' | 'seq' | 'payload' | 'project_id' | 'change_id'> & {
  payload: Record<string, unknown>;
};

/** Queries on one tenant's change records; every query carries the tenant filter (T2, T5). */
const tenantQueries = (db: Db, tenantId: string) => {
  /** A status move as two CTEs: `moved` (the updated change, returned) and `logged` (its event). */
  const moveWrites = (id: string, set: ChangeMove, event: MoveEvent) => {
    const moved = db
      .updateTable('change_records')
      .set(set)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll();
    return sql`moved as (${moved}), logged as (
        insert into change_events (tenant_id, id, project_id, change_id, event_type, payload, actor_type, actor_id, created_at)
        select tenant_id, ${event.id}::uuid, project_id, id, ${event.event_type}, ${JSON.stringify(event.payload)}::jsonb,
               ${event.actor_type}, ${event.actor_id}, ${event.created_at}::timestamptz
        from moved
      )`;
  };
  return {
    insertChange: (row: Omit<Insertable<ChangeEngineTables['change_records']>, 'tenant_id'>) =>
      db
        .insertInto('change_records')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The change; `lock` holds its row until the transaction ends (serialises merges of one change). */
    findChange: (id: string, lock = false): Promise<ChangeRow | undefined> => {
      const query = db
        .selectFrom('change_records')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      return (lock ? query.forUpdate() : query).executeTakeFirst();
    },

    /**
     * Newest first; with a page, at most `limit` rows after the cursor. `revertsChangeId` keeps the
     * reverts of that change (read through the partial index on reverts_change_id).
     */
    listChanges: (
      filter: ChangeListFilter,
      page?: { limit: number; after?: Cursor },
    ): Promise<ChangeRow[]> => {
      let query = db.selectFrom('change_records').selectAll().where('tenant_id', '=', tenantId);
      if (filter.projectId) query = query.where('project_id', '=', filter.projectId);
      if (filter.revertsChangeId) query = query.where('reverts_change_id', '=', filter.revertsChangeId);
      if (filter.status) query = query.where('status', '=', filter.status);
      if (filter.from) query = query.where('created_at', '>=', filter.from);
      if (filter.to) query = query.where('created_at', '<', filter.to);
      const after = page?.after;
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', new Date(after.createdAt)),
            eb.and([eb('created_at', '=', new Date(after.createdAt)), eb('id', '>', after.id)]),
          ]),
        );
      }
      const ordered = query.orderBy('created_at', 'desc').orderBy('id');
      return (page ? ordered.limit(page.limit) : ordered).execute();
    },

    /** A revert of the change that is not merged yet, if any. */
    findOpenRevert: (changeId: string): Promise<Pick<ChangeRow, 'id' | 'title'> | undefined> =>
      db
        .selectFrom('change_records')
        .select(['id', 'title'])
        .where('tenant_id', '=', tenantId)
        .where('reverts_change_id', '=', changeId)
        .where('status', '<>', 'Merged')
        .executeTakeFirst(),

    /**
     * Updates the change and records the change event in one statement (a status move is one round trip).
     * The caller holds the change's row lock.
     */
    updateChangeWithEvent: async (id: string, set: ChangeMove, event: MoveEvent): Promise<ChangeRow> => {
      const { rows } = await sql<ChangeRow>`with ${moveWrites(id, set, event)} select * from moved`.execute(
        db,
      );
      if (!rows[0]) throw new Error(`change ${id} vanished under its lock`);
      return rows[0];
    },

    insertTarget: (row: {
      id: string;
      project_id: string;
      change_id: string;
      type: TargetRow['type'];
      selector: unknown;
      created_at: Date;
    }) =>
      db
        .insertInto('change_targets')
        .values({ ...row, tenant_id: tenantId, selector: JSON.stringify(row.selector) })
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertTargets: async (
      rows: readonly {
        id: string;
        project_id: string;
        change_id: string;
        type: TargetRow['type'];
        selector: unknown;
        created_at: Date;
      }[],
    ) => {
      if (rows.length === 0) return;
      await db
        .insertInto('change_targets')
        .values(rows.map((row) => ({ ...row, tenant_id: tenantId, selector: JSON.stringify(row.selector) })))
        .execute();
    },

    listTargets: (changeId: string): Promise<TargetRow[]> =>
      db
        .selectFrom('change_targets')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    findTarget: (changeId: string, targetId: string): Promise<TargetRow | undefined> =>
      db
        .selectFrom('change_targets')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId)
        .where('id', '=', targetId)
        .executeTakeFirst(),

    insertOp: (row: {
      id: string;
      change_id: string;
      target_id: string;
      op_type: OpRow['op_type'];
      payload: unknown;
      created_at: Date;
    }) =>
      db
        .insertInto('change_patch_ops')
        .values({ ...row, tenant_id: tenantId, payload: JSON.stringify(row.payload) })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Inserts many ops at once, in order, with one parameter. */
    insertOps: async (
      rows: readonly {
        id: string;
        change_id: string;
        target_id: string;
        op_type: OpRow['op_type'];
        payload: unknown;
      }[],
      now: Date,
    ) => {
      if (rows.length === 0) return;
      // Array order is op order: seq follows the ordinality.
      await sql`
      insert into change_patch_ops (tenant_id, id, change_id, target_id, op_type, payload, created_at)
      select ${tenantId}::uuid, (e.v->>'id')::uuid, (e.v->>'change_id')::uuid, (e.v->>'target_id')::uuid,
             e.v->>'op_type', e.v->'payload', ${now}
      from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as e(v, n)
      order by e.n`.execute(db);
    },

    /** Ops of the change with their targets, in the order they were added; all of them unless a page is asked. */
    listOps: async (changeId: string, page?: SeqPage): Promise<OpWithTarget[]> => {
      let query = db
        .selectFrom('change_patch_ops as o')
        .innerJoin('change_targets as t', (j) =>
          j.onRef('t.tenant_id', '=', 'o.tenant_id').onRef('t.id', '=', 'o.target_id'),
        )
        .selectAll('o')
        .select(['t.type as target_type', 't.selector as target_selector'])
        .where('o.tenant_id', '=', tenantId)
        .where('o.change_id', '=', changeId);
      if (page?.afterSeq !== undefined) query = query.where('o.seq', '>', page.afterSeq as never);
      if (page) query = query.limit(page.limit);
      return (await query.orderBy('o.seq').execute()) as OpWithTarget[];
    },

    findOp: (changeId: string, opId: string): Promise<OpRow | undefined> =>
      db
        .selectFrom('change_patch_ops')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId)
        .where('id', '=', opId)
        .executeTakeFirst(),

    /** Deletes a pending op; an executed op is never deleted (E3). Returns whether a row went. */
    deletePendingOp: async (changeId: string, opId: string): Promise<boolean> => {
      const result = await db
        .deleteFrom('change_patch_ops')
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId)
        .where('id', '=', opId)
        .where('executed_at', 'is', null)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    /**
     * Phase 3's own writes and the move to Merged, as data-modifying CTEs (`name as (…),`) for the statement
     * that writes the schemas: the snapshots (unless the change has one for the key already, D5), each op
     * stamped with its previous snapshot and time (D7), the change's new status and its event. The caller
     * holds the change's row lock.
     */
    executionWrites: (
      snapshots: readonly {
        project_id: string;
        record_type_key: string;
        change_id: string;
        schema: unknown;
      }[],
      stamps: readonly { id: string; previousSnapshot: unknown }[],
      now: Date,
      move: { id: string; set: ChangeMove; event: MoveEvent },
    ) => sql`
      snapshots as (
        insert into record_type_snapshots (tenant_id, id, project_id, record_type_key, change_id, schema, created_at)
        select ${tenantId}::uuid, gen_random_uuid(), r.project_id, r.record_type_key, r.change_id, r.schema, ${now}
        from jsonb_to_recordset(${JSON.stringify(snapshots)}::jsonb)
          as r(project_id uuid, record_type_key text, change_id uuid, schema jsonb)
        on conflict (tenant_id, change_id, record_type_key) do nothing
      ), stamped as (
        update change_patch_ops o set previous_snapshot = s.snapshot, executed_at = ${now}
        from unnest(${stamps.map((s) => s.id)}::uuid[], ${stamps.map((s) => JSON.stringify(s.previousSnapshot))}::jsonb[])
          as s(id, snapshot)
        where o.tenant_id = ${tenantId} and o.id = s.id and o.executed_at is null
      ), ${moveWrites(move.id, move.set, move.event)},`,

    insertEvent: async (
      row: Omit<ChangeEventRow, 'tenant_id' | 'seq' | 'payload'> & { payload: Record<string, unknown> },
    ) => {
      await db
        .insertInto('change_events')
        .values({ ...row, tenant_id: tenantId, payload: JSON.stringify(row.payload) })
        .execute();
    },

    /** The change's events in the order they were recorded, `page.limit` of them after `page.afterSeq`. */
    listEvents: (changeId: string, page: SeqPage): Promise<ChangeEventRow[]> => {
      let query = db
        .selectFrom('change_events')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId);
      if (page.afterSeq !== undefined) query = query.where('seq', '>', page.afterSeq as never);
      return query.orderBy('seq').limit(page.limit).execute();
    },

    listSnapshots: (changeId: string): Promise<SnapshotRow[]> =>
      db
        .selectFrom('record_type_snapshots')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId)
        .orderBy('record_type_key')
        .execute(),

    /** Changes merged after `after` in the project whose ops touched any of the keys. */
    laterMergesTouching: async (
      projectId: string,
      keys: readonly string[],
      after: Date,
      excludeId: string,
    ) =>
      keys.length === 0
        ? []
        : db
            .selectFrom('change_records as c')
            .innerJoin('change_targets as t', (j) =>
              j.onRef('t.tenant_id', '=', 'c.tenant_id').onRef('t.change_id', '=', 'c.id'),
            )
            .select(['c.id', 'c.title', sql<string>`t.selector->>'recordTypeKey'`.as('record_type_key')])
            .distinct()
            .where('c.tenant_id', '=', tenantId)
            .where('c.project_id', '=', projectId)
            .where('c.status', '=', 'Merged')
            .where('c.merged_at', '>', after)
            .where('c.id', '<>', excludeId)
            .where('t.type', '=', 'record_type')
            .where(sql<string>`t.selector->>'recordTypeKey'`, 'in', keys)
            .execute(),

    findWorkspace: (changeId: string) =>
      db
        .selectFrom('workspaces')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId)
        .executeTakeFirst(),

    /** Records the change's workspace as running (one per change: a second start reuses it). */
    upsertWorkspace: (changeId: string, now: Date) =>
      db
        .insertInto('workspaces')
        .values({
          tenant_id: tenantId,
          id: sql<string>`gen_random_uuid()`,
          change_id: changeId,
          status: 'Running',
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'change_id']).doUpdateSet({ status: 'Running', updated_at: now }),
        )
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertAgentRun: (row: {
      id: string;
      change_id: string;
      agent_id: string | null;
      intent: string;
      skills_used: string[];
      created_at: Date;
    }) =>
      db
        .insertInto('agent_runs')
        .values({
          ...row,
          tenant_id: tenantId,
          skills_used: JSON.stringify(row.skills_used),
          logs: '[]',
          status: 'Pending',
        })
        .returningAll()
        .executeTakeFirstOrThrow(),

    listAgentRuns: (changeId: string) =>
      db
        .selectFrom('agent_runs')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('change_id', '=', changeId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
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

import { assertTenantScope } from '@ec3l/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { FieldDefinition } from '../core/fields.js';
import type { ChoiceItemRow, ChoiceListRow, RecordsTables, RecordTypeRow } from '../tables.js';

type Db = Kysely<RecordsTables> | Transaction<RecordsTables>;

export type NewRecordType = {
  id: string;
  projectId: string;
  key: string;
  name: string;
  baseType: string | null;
  fields: FieldDefinition[];
  now: Date;
};

export type SchemaUpdate = { id: string; fields: FieldDefinition[] };

/** Queries on one tenant's data dictionary; every query carries the tenant filter (T2). */
const tenantQueries = (db: Db, tenantId: string) => {
  const replaceFieldDefinitions = async (updates: readonly SchemaUpdate[]) => {
    if (updates.length === 0) return;
    await db
      .deleteFrom('field_definitions')
      .where('tenant_id', '=', tenantId)
      .where(
        'record_type_id',
        'in',
        updates.map((u) => u.id),
      )
      .execute();
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
    if (rows.length === 0) return;
    // One parameter however many fields: bulk writes stay within PostgreSQL's parameter limit.
    await sql`
      insert into field_definitions (tenant_id, id, record_type_id, name, label, field_type, is_required,
                                     default_value, choice_list_id, reference_record_type_key, order_index)
      select ${tenantId}::uuid, gen_random_uuid(), r.record_type_id, r.name, r.label, r.field_type, r.is_required,
             r.default_value, r.choice_list_id, r.reference_record_type_key, r.order_index
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
        record_type_id uuid, name text, label text, field_type text, is_required boolean, default_value jsonb,
        choice_list_id uuid, reference_record_type_key text, order_index integer)`.execute(db);
  };

  return {
    listRecordTypes: (projectId?: string): Promise<RecordTypeRow[]> => {
      let query = db.selectFrom('record_types').selectAll().where('tenant_id', '=', tenantId);
      if (projectId) query = query.where('project_id', '=', projectId);
      return query.orderBy('project_id').orderBy('key').execute();
    },

    findRecordType: (id: string): Promise<RecordTypeRow | undefined> =>
      db
        .selectFrom('record_types')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** The project's record types with these keys; `lock` holds their rows until the transaction ends. */
    findRecordTypesByKeys: (
      projectId: string,
      keys: readonly string[],
      lock = false,
    ): Promise<RecordTypeRow[]> => {
      if (keys.length === 0) return Promise.resolve([]);
      const query = db
        .selectFrom('record_types')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('project_id', '=', projectId)
        .where('key', 'in', keys)
        .orderBy('key');
      return (lock ? query.forUpdate() : query).execute();
    },

    /**
     * A record type and its base chain (the type first), by key. One indexed lookup per level (chains
     * are short); stops at a repeated key, so a cyclic chain cannot loop.
     */
    findChain: async (projectId: string, key: string): Promise<RecordTypeRow[]> => {
      const chain: RecordTypeRow[] = [];
      const seen = new Set<string>();
      let next: string | null = key;
      while (next && !seen.has(next)) {
        seen.add(next);
        const row: RecordTypeRow | undefined = await db
          .selectFrom('record_types')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('project_id', '=', projectId)
          .where('key', '=', next)
          .executeTakeFirst();
        if (!row) break;
        chain.push(row);
        next = row.base_type;
      }
      return chain;
    },

    /**
     * The record types an edit of `keys` can affect, with what they inherit from: the types themselves,
     * every type inheriting from them, and the base chains of all of those. `lock` holds the rows.
     * Walks the hierarchy level by level with indexed lookups, so the cost follows the size of the
     * scope, not of the project.
     */
    findInheritanceScope: async (
      projectId: string,
      keys: readonly string[],
      lock = false,
    ): Promise<RecordTypeRow[]> => {
      const inProject = () =>
        db.selectFrom('record_types').where('tenant_id', '=', tenantId).where('project_id', '=', projectId);
      const scope = new Set(keys);
      for (let frontier = [...keys]; frontier.length > 0; ) {
        const children = await inProject().select('key').where('base_type', 'in', frontier).execute();
        frontier = children.map((c) => c.key).filter((k) => !scope.has(k));
        for (const k of frontier) scope.add(k);
      }
      const rows: RecordTypeRow[] = [];
      for (let frontier = [...scope]; frontier.length > 0; ) {
        const query = inProject().selectAll().where('key', 'in', frontier).orderBy('key');
        const found = await (lock ? query.forUpdate() : query).execute();
        rows.push(...found);
        const have = new Set(rows.map((r) => r.key));
        frontier = [
          ...new Set(found.flatMap((r) => (r.base_type && !have.has(r.base_type) ? [r.base_type] : []))),
        ];
      }
      return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },

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
      const row = await db
        .insertInto('record_types')
        .values({
          tenant_id: tenantId,
          id: input.id,
          project_id: input.projectId,
          key: input.key,
          name: input.name,
          base_type: input.baseType,
          schema: JSON.stringify({ fields: input.fields }),
          status: 'draft',
          created_at: input.now,
          updated_at: input.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await replaceFieldDefinitions([{ id: input.id, fields: input.fields }]);
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
     * Writes new schemas (and their field definitions, in the same statement batch) and bumps each
     * record type's version. The caller holds the transaction.
     */
    writeSchemas: async (updates: readonly SchemaUpdate[], now: Date): Promise<void> => {
      if (updates.length === 0) return;
      // Arrays, not a JSON record set: the planner then expects few rows and uses the primary key.
      await sql`
        update record_types rt
        set schema = u.schema, version = rt.version + 1, updated_at = ${now}
        from unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => JSON.stringify({ fields: u.fields }))}::jsonb[])
          as u(id, schema)
        where rt.tenant_id = ${tenantId} and rt.id = u.id`.execute(db);
      await replaceFieldDefinitions(updates);
    },

    listFieldDefinitionNames: async (recordTypeId: string): Promise<string[]> =>
      (
        await db
          .selectFrom('field_definitions')
          .select('name')
          .where('tenant_id', '=', tenantId)
          .where('record_type_id', '=', recordTypeId)
          .orderBy('order_index')
          .execute()
      ).map((r) => r.name),

    listChoiceLists: (): Promise<ChoiceListRow[]> =>
      db.selectFrom('choice_lists').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute(),

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

export type RecordsRepo = ReturnType<typeof forTenant>;

/**
 * This tenant's queries. Each one filters by the tenant (the first wall); the database's row-level
 * security adds the second, which is why the current tenant scope must be this tenant's.
 */
export const forTenant = (db: Db, tenantId: string): ReturnType<typeof tenantQueries> => {
  assertTenantScope(tenantId);
  return tenantQueries(db, tenantId);
};

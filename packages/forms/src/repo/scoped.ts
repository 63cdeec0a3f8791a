import { afterCursor, assertTenantScope, type Cursor, lockRowById } from '@ec3l/db';
import { type FieldDefinition, recordsRepo, resolveEffectiveFields } from '@ec3l/records';
import {
  type Insertable,
  type Kysely,
  type RawBuilder,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import type {
  DefinitionRow,
  FormsTables,
  OverrideRow,
  PlacementRow,
  RuleRow,
  SectionRow,
} from '../tables.js';

type Db = Kysely<FormsTables> | Transaction<FormsTables>;
type T = FormsTables;

/** A record type as forms need it: its identity and effective fields (inherited first). */
export type FormRecordType = {
  id: string;
  name: string;
  key: string;
  version: number;
  fields: { name: string; label: string | null; type: string; required: boolean }[];
};

/** Queries on one tenant's forms; every query carries the tenant filter. */
export const forTenant = (db: Db, tenantId: string) => {
  assertTenantScope(tenantId);
  const records = recordsRepo(db as unknown as Kysely<import('@ec3l/records').RecordsTables>, tenantId);

  const recordTypeOf = async (
    row:
      | {
          id: string;
          name: string;
          key: string;
          version: number;
          project_id: string;
          base_type: string | null;
          schema: unknown;
        }
      | undefined,
  ): Promise<FormRecordType | undefined> => {
    if (!row) return undefined;
    const chain = row.base_type ? await records.findChain(row.project_id, row.key) : [row];
    const shapes = new Map(
      chain.map((r) => [
        r.key,
        {
          key: r.key,
          baseType: r.base_type,
          fields: (r.schema as unknown as { fields: FieldDefinition[] }).fields,
        },
      ]),
    );
    return {
      id: row.id,
      name: row.name,
      key: row.key,
      version: row.version,
      fields: resolveEffectiveFields(row.key, shapes).map((f) => ({
        name: f.name,
        label: f.label,
        type: f.type,
        required: f.required,
      })),
    };
  };

  const recordTypeColumns = ['id', 'name', 'key', 'version', 'project_id', 'base_type', 'schema'] as const;

  return {
    recordTypeById: async (id: string) =>
      recordTypeOf(
        await db
          .selectFrom('record_types')
          .select(recordTypeColumns)
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .executeTakeFirst(),
      ),

    recordTypeByName: async (name: string) =>
      recordTypeOf(
        await db
          .selectFrom('record_types')
          .select(recordTypeColumns)
          .where('tenant_id', '=', tenantId)
          .where('name', '=', name)
          .executeTakeFirst(),
      ),

    listDefinitions: (filter: { recordTypeId?: string }, page: { limit: number; after?: Cursor }) => {
      let q = db.selectFrom('form_definitions').selectAll().where('tenant_id', '=', tenantId);
      if (filter.recordTypeId) q = q.where('record_type_id', '=', filter.recordTypeId);
      if (page.after) q = q.where(afterCursor(page.after, { order: 'asc' }));
      return q.orderBy('created_at').orderBy('id').limit(page.limit).execute();
    },

    findDefinition: (id: string): Promise<DefinitionRow | undefined> =>
      db
        .selectFrom('form_definitions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    findDefinitionByName: (recordTypeId: string, name: string): Promise<DefinitionRow | undefined> =>
      db
        .selectFrom('form_definitions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('record_type_id', '=', recordTypeId)
        .where('name', '=', name)
        .executeTakeFirst(),

    insertDefinition: (row: Omit<Insertable<T['form_definitions']>, 'tenant_id'>): Promise<DefinitionRow> =>
      db
        .insertInto('form_definitions')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** Bumps the definition's version (every edit of it or of its parts does), with other changes. */
    touchDefinition: (
      id: string,
      now: Date,
      changes: Updateable<T['form_definitions']> = {},
    ): Promise<DefinitionRow> =>
      db
        .updateTable('form_definitions')
        .set({ ...changes, version: sql<number>`version + 1`, updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    listSections: (definitionId: string): Promise<SectionRow[]> =>
      db
        .selectFrom('form_sections')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('form_definition_id', '=', definitionId)
        .orderBy('order_index')
        .orderBy('id')
        .execute(),

    findSection: (id: string): Promise<SectionRow | undefined> =>
      db
        .selectFrom('form_sections')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    insertSection: (row: Omit<Insertable<T['form_sections']>, 'tenant_id'>): Promise<SectionRow> =>
      db
        .insertInto('form_sections')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    updateSection: (id: string, changes: Updateable<T['form_sections']>): Promise<SectionRow> =>
      db
        .updateTable('form_sections')
        .set(changes)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    deleteSection: (id: string) =>
      db.deleteFrom('form_sections').where('tenant_id', '=', tenantId).where('id', '=', id).execute(),

    listPlacements: (filter: { definitionId: string } | { sectionId: string }): Promise<PlacementRow[]> => {
      let q = db.selectFrom('form_field_placements').selectAll().where('tenant_id', '=', tenantId);
      q =
        'sectionId' in filter
          ? q.where('form_section_id', '=', filter.sectionId)
          : q.where('form_definition_id', '=', filter.definitionId);
      return q.orderBy('order_index').orderBy('id').execute();
    },

    findPlacement: (id: string): Promise<PlacementRow | undefined> =>
      db
        .selectFrom('form_field_placements')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    insertPlacement: (
      row: Omit<Insertable<T['form_field_placements']>, 'tenant_id'>,
    ): Promise<PlacementRow> =>
      db
        .insertInto('form_field_placements')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    updatePlacement: (id: string, changes: Updateable<T['form_field_placements']>): Promise<PlacementRow> =>
      db
        .updateTable('form_field_placements')
        .set(changes)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    deletePlacement: (id: string) =>
      db.deleteFrom('form_field_placements').where('tenant_id', '=', tenantId).where('id', '=', id).execute(),

    listRules: (definitionId: string): Promise<RuleRow[]> =>
      db
        .selectFrom('form_behavior_rules')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('form_definition_id', '=', definitionId)
        .orderBy('order_index')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    findRule: (id: string): Promise<RuleRow | undefined> =>
      db
        .selectFrom('form_behavior_rules')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    insertRule: (row: Omit<Insertable<T['form_behavior_rules']>, 'tenant_id'>): Promise<RuleRow> =>
      db
        .insertInto('form_behavior_rules')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    updateRule: (id: string, changes: Updateable<T['form_behavior_rules']>): Promise<RuleRow> =>
      db
        .updateTable('form_behavior_rules')
        .set(changes)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    deleteRule: (id: string) =>
      db.deleteFrom('form_behavior_rules').where('tenant_id', '=', tenantId).where('id', '=', id).execute(),

    listOverrides: (definitionId: string): Promise<OverrideRow[]> =>
      db
        .selectFrom('form_overrides')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('form_definition_id', '=', definitionId)
        .orderBy('version', 'desc')
        .execute(),

    findOverride: (id: string): Promise<OverrideRow | undefined> =>
      db
        .selectFrom('form_overrides')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst(),

    activeOverride: (definitionId: string): Promise<OverrideRow | undefined> =>
      db
        .selectFrom('form_overrides')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('form_definition_id', '=', definitionId)
        .where('status', '=', 'active')
        .executeTakeFirst(),

    nextOverrideVersion: async (definitionId: string): Promise<number> => {
      const row = await db
        .selectFrom('form_overrides')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('next'))
        .where('tenant_id', '=', tenantId)
        .where('form_definition_id', '=', definitionId)
        .executeTakeFirstOrThrow();
      return Number(row.next);
    },

    insertOverride: (row: Omit<Insertable<T['form_overrides']>, 'tenant_id'>): Promise<OverrideRow> =>
      db
        .insertInto('form_overrides')
        .values({ ...row, tenant_id: tenantId })
        .returningAll()
        .executeTakeFirstOrThrow(),

    updateOverride: (id: string, changes: Updateable<T['form_overrides']>): Promise<OverrideRow> =>
      db
        .updateTable('form_overrides')
        .set(changes)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The active forms of a record type with their versions, and the type's version: the write check's cache key. */
    activeStamp: (recordTypeId: string) =>
      db
        .selectFrom('form_definitions as d')
        .innerJoin('record_types as t', (j) =>
          j.onRef('t.tenant_id', '=', 'd.tenant_id').onRef('t.id', '=', 'd.record_type_id'),
        )
        .select(['d.id', 'd.version', 't.version as typeVersion'])
        .where('d.tenant_id', '=', tenantId)
        .where('d.record_type_id', '=', recordTypeId)
        .where('d.status', '=', 'active')
        .orderBy('d.created_at')
        .orderBy('d.id')
        .execute(),
  };
};

/** A SQL condition, true when the record type has no active form (a record write's idle probe). */
export const noActiveForm = (tenantId: string, recordTypeId: string): RawBuilder<boolean> => {
  assertTenantScope(tenantId);
  return sql<boolean>`not exists (select 1 from form_definitions where tenant_id = ${tenantId}
                       and record_type_id = ${recordTypeId} and status = 'active')`;
};

/** Locks on one tenant's forms; they hold until the caller's transaction ends. */
export const formLocks = (trx: Transaction<FormsTables>, tenantId: string) => {
  assertTenantScope(tenantId);
  return {
    /** The definition row, locked FOR UPDATE: every edit of a form or its parts takes it first. */
    lockDefinition: (id: string): Promise<DefinitionRow | undefined> =>
      lockRowById(trx, 'form_definitions', tenantId, id),
  };
};

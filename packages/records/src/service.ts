import { inTransaction, isUniqueViolation, keysetCursor, type Page } from '@ec3l/db';
import {
  type Clock,
  conflict,
  DomainError,
  type EventBus,
  invalid,
  newId,
  normalizeName,
  notFound,
  type RequestContext,
  systemClock,
} from '@ec3l/kernel';
import type { Kysely, Transaction } from 'kysely';
import type { AssignmentConfig, SlaConfig } from './config.js';
import { configProblems, type RecordTypeConfigs } from './core/configs.js';
import {
  baseChainOf,
  type FieldDefinition,
  type FieldInput,
  nextRecordTypeStatus,
  normalizeField,
  resolveEffectiveFields,
  storageKeyOf,
} from './core/fields.js';
import { RecordsErrorCodes } from './errors.js';
import { createRecordInstances, type RecordWriteHook } from './instances.js';
import { forTenant, recordLocks } from './repo/scoped.js';
import type {
  ChoiceItem,
  ChoiceItemInput,
  ChoiceList,
  CreateChoiceListBody,
  CreateRecordTypeBody,
  Field,
  RecordType,
  UpdateRecordTypeConfigBody,
} from './schemas.js';
import type { ChoiceItemRow, ChoiceListRow, RecordsTables, RecordTypeRow, StoredSchema } from './tables.js';

export type RecordsDeps<DB extends RecordsTables = RecordsTables> = {
  /** A handle whose tables include the records tables (the gateway's holds every package's). */
  db: Kysely<DB>;
  /** Throws NOT_FOUND unless the project exists in the caller's tenant (P3). */
  requireProject: (ctx: RequestContext, projectId: string) => Promise<void>;
  clock?: Clock;
  /** Where record.created, record.updated and record.assigned go. */
  events?: EventBus;
  /** Run in order inside each record write's transaction, after the row is written. */
  onRecordWrite?: readonly RecordWriteHook<DB>[];
};

type Db = Kysely<RecordsTables> | Transaction<RecordsTables>;

/**
 * A record type's own fields as stored, each with its storage key (a field stored before keys existed
 * has its name as key, so a rename carries the key along and its values stay where they are).
 */
export const ownFieldsOf = (row: Pick<RecordTypeRow, 'schema'>): FieldDefinition[] =>
  (row.schema as unknown as StoredSchema).fields.map((f) =>
    f.storageKey ? f : { ...f, storageKey: storageKeyOf(f) },
  );

const shapeOf = (row: RecordTypeRow) => ({ key: row.key, baseType: row.base_type, fields: ownFieldsOf(row) });

// Storage keys are internal: the API speaks field names.
const publicField = ({ storageKey: _, ...field }: Field & { storageKey?: string }): Field => field;

const toRecordType = (row: RecordTypeRow, fields: Field[]): RecordType => ({
  id: row.id,
  projectId: row.project_id,
  key: row.key,
  name: row.name,
  baseType: row.base_type,
  schema: { fields: fields.map(publicField) },
  assignmentConfig: (row.assignment_config as AssignmentConfig | null) ?? null,
  slaConfig: (row.sla_config as SlaConfig | null) ?? null,
  version: row.version,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const toChoiceList = (row: ChoiceListRow): ChoiceList => ({
  id: row.id,
  name: row.name,
  status: row.status,
  createdAt: row.created_at.toISOString(),
});

const toChoiceItem = (row: ChoiceItemRow): ChoiceItem => ({
  id: row.id,
  value: row.value,
  label: row.label,
  orderIndex: row.order_index,
  isActive: row.is_active,
});

/** Refuses a configuration that does not fit the record type's effective fields (the first problem names it). */
const requireFittingConfigs = (configs: RecordTypeConfigs, fields: readonly { name: string }[]): void => {
  const problems = configProblems(configs, new Set(fields.map((f) => f.name)));
  const first = problems[0];
  if (!first) return;
  throw new DomainError(RecordsErrorCodes[first.code], first.message, {
    field: first.path,
    ...(first.fieldName ? { fieldName: first.fieldName } : {}),
    problems,
  });
};

/** Record types are listed by (project, key), choice lists by name: each page follows that order. */
const byProjectAndKey = keysetCursor('uuid', 'text');
const byName = keysetCursor('text');

export type PageRequest = { limit: number; cursor?: string };

/** Record types (with inheritance), their fields, and choice lists. */
export const createRecordsService = <DB extends RecordsTables = RecordsTables>({
  db: handle,
  requireProject,
  clock = systemClock,
  events,
  onRecordWrite = [],
}: RecordsDeps<DB>) => {
  // The one narrowing of the caller's handle (see port.ts): every query here is valid on a superset.
  const db = handle as unknown as Kysely<RecordsTables>;
  const instances = createRecordInstances({
    db,
    clock,
    ...(events ? { events } : {}),
    // A hook receives the same transaction its handle's type names, so this widening is sound.
    hooks: onRecordWrite as unknown as readonly RecordWriteHook[],
  });
  /** The record type's base chain as shapes, for resolving its effective fields. */
  const chainOf = async (tenantId: string, projectId: string, key: string) =>
    shapesOf(await forTenant(db, tenantId).findChain(projectId, key));
  const shapesOf = (rows: readonly RecordTypeRow[]) => new Map(rows.map((r) => [r.key, shapeOf(r)]));

  const withEffectiveSchema = async (ctx: RequestContext, row: RecordTypeRow): Promise<RecordType> =>
    toRecordType(row, resolveEffectiveFields(row.key, await chainOf(ctx.tenantId, row.project_id, row.key)));

  const requireRecordType = async (ctx: RequestContext, id: string): Promise<RecordTypeRow> => {
    const row = await forTenant(db, ctx.tenantId).findRecordType(id);
    if (!row) throw notFound('record type', id);
    return row;
  };

  /**
   * Checks new own fields against the type's context: unique names, no clash with inherited
   * fields, reference targets in the project, choice lists of the tenant.
   */
  const checkFields = async (
    ctx: RequestContext,
    input: {
      projectId: string;
      key: string;
      inherited: readonly { name: string; inheritedFrom: string | null }[];
    },
    fields: readonly FieldDefinition[],
    reader: Db = db,
  ) => {
    const references = [
      ...new Set(fields.flatMap((f) => (f.referenceRecordTypeKey ? [f.referenceRecordTypeKey] : []))),
    ];
    const projectKeys = new Set(
      (await forTenant(reader, ctx.tenantId).findKeys(input.projectId, references)).map((r) => r.key),
    );
    const seen = new Set<string>();
    for (const f of fields) {
      if (seen.has(f.name))
        throw new DomainError(RecordsErrorCodes.DUPLICATE_FIELD, `field "${f.name}" is defined twice`, {
          field: f.name,
        });
      seen.add(f.name);
      const inherited = input.inherited.find((i) => i.name === f.name);
      if (inherited) {
        throw new DomainError(
          RecordsErrorCodes.DUPLICATE_FIELD,
          `field "${f.name}" is inherited from ${inherited.inheritedFrom}; it cannot be redefined`,
          { field: f.name },
        );
      }
      if (
        f.referenceRecordTypeKey &&
        f.referenceRecordTypeKey !== input.key &&
        !projectKeys.has(f.referenceRecordTypeKey)
      ) {
        throw new DomainError(
          RecordsErrorCodes.BINDING_TARGET_MISSING,
          `field "${f.name}" references record type "${f.referenceRecordTypeKey}", which is not in this project`,
          { field: f.name },
        );
      }
    }
    const listIds = [...new Set(fields.flatMap((f) => (f.choiceListId ? [f.choiceListId] : [])))];
    const existing = await forTenant(reader, ctx.tenantId).existingChoiceListIds(listIds);
    const missing = fields.find((f) => f.choiceListId && !existing.has(f.choiceListId));
    if (missing) {
      throw new DomainError(
        RecordsErrorCodes.BINDING_TARGET_MISSING,
        `field "${missing.name}" uses choice list ${missing.choiceListId}, which does not exist`,
        { field: missing.name },
      );
    }
  };

  return {
    ...instances,

    /**
     * One page of record types by project and key, each with its effective schema (base types on other
     * pages are read too), and the cursor of the next page (null on the last).
     */
    listRecordTypes: async (
      ctx: RequestContext,
      filter: { projectId?: string },
      page: PageRequest = { limit: 50 },
    ): Promise<Page<RecordType>> => {
      const after = page.cursor ? byProjectAndKey.decode(page.cursor) : undefined;
      if (filter.projectId) await requireProject(ctx, filter.projectId);
      const repo = forTenant(db, ctx.tenantId);
      const fetched = await repo.listRecordTypes(filter.projectId, {
        limit: page.limit + 1,
        ...(after ? { after } : {}),
      });
      const { items: rows, nextCursor } = byProjectAndKey.pageOf(fetched, page.limit, (r) => [
        r.project_id,
        r.key,
      ]);
      const byProject = new Map<string, Map<string, ReturnType<typeof shapeOf>>>();
      const add = (row: RecordTypeRow) => {
        const types = byProject.get(row.project_id) ?? new Map<string, ReturnType<typeof shapeOf>>();
        byProject.set(row.project_id, types);
        types.set(row.key, shapeOf(row));
      };
      rows.forEach(add);
      // Base types outside the page, one level of every chain per round trip (chains are short).
      for (let level = 0; level < 64; level++) {
        const missing = [...byProject].flatMap(([projectId, types]) => {
          const keys = [...types.values()].flatMap((t) =>
            t.baseType && !types.has(t.baseType) ? [t.baseType] : [],
          );
          return keys.length > 0 ? [{ projectId, keys: [...new Set(keys)] }] : [];
        });
        if (missing.length === 0) break;
        const found = await Promise.all(missing.map((m) => repo.findRecordTypesByKeys(m.projectId, m.keys)));
        if (found.every((f) => f.length === 0)) break;
        found.flat().forEach(add);
      }
      return {
        items: rows.map((row) =>
          toRecordType(row, resolveEffectiveFields(row.key, byProject.get(row.project_id)!)),
        ),
        nextCursor,
      };
    },

    getRecordType: async (ctx: RequestContext, id: string): Promise<RecordType> =>
      withEffectiveSchema(ctx, await requireRecordType(ctx, id)),

    getRecordTypeByKey: async (ctx: RequestContext, projectId: string, key: string): Promise<RecordType> => {
      await requireProject(ctx, projectId);
      const [row] = await forTenant(db, ctx.tenantId).findRecordTypesByKeys(projectId, [key]);
      if (!row) throw notFound('record type', key);
      return withEffectiveSchema(ctx, row);
    },

    /**
     * Creates a draft record type; its project must exist (P3) and its base type be in that project (P6).
     * The base chain is read FOR SHARE in the insert's transaction, so no schema write on it can slip
     * between the inherited-field check and the insert.
     */
    createRecordType: async (ctx: RequestContext, input: CreateRecordTypeBody): Promise<RecordType> => {
      await requireProject(ctx, input.projectId);
      const name = normalizeName(input.name);
      const fields = (input.fields ?? []).map((f) => normalizeField(f as FieldInput));
      const baseType = input.baseType ?? null;
      try {
        const row = await inTransaction(db, async (trx) => {
          const types = baseType
            ? shapesOf(await recordLocks(trx, ctx.tenantId).shareChain(input.projectId, baseType))
            : new Map<string, ReturnType<typeof shapeOf>>();
          if (baseType && !types.has(baseType)) {
            const elsewhere = await forTenant(trx, ctx.tenantId).projectsWithKey(baseType);
            throw new DomainError(
              elsewhere.length > 0
                ? RecordsErrorCodes.BASE_TYPE_CROSS_PROJECT
                : RecordsErrorCodes.ORPHAN_BASE_TYPE,
              elsewhere.length > 0
                ? `base type "${baseType}" belongs to another project; a base type must be in the same project`
                : `base type "${baseType}" does not exist in this project`,
              { field: 'baseType' },
            );
          }
          const inherited = baseType
            ? resolveEffectiveFields(baseType, types).map((f) => ({
                ...f,
                inheritedFrom: f.inheritedFrom ?? baseType,
              }))
            : [];
          await checkFields(ctx, { projectId: input.projectId, key: input.key, inherited }, fields, trx);
          requireFittingConfigs(
            { assignmentConfig: input.assignmentConfig ?? null, slaConfig: input.slaConfig ?? null },
            [...inherited, ...fields],
          );
          return forTenant(trx, ctx.tenantId).insertRecordType({
            id: newId(),
            projectId: input.projectId,
            key: input.key,
            name,
            baseType,
            fields,
            assignmentConfig: input.assignmentConfig ?? null,
            slaConfig: input.slaConfig ?? null,
            now: clock.now(),
          });
        });
        return withEffectiveSchema(ctx, row);
      } catch (error) {
        if (isUniqueViolation(error, 'record_types_key_unique')) {
          throw conflict(`a record type with key "${input.key}" already exists in this project`, {
            field: 'key',
          });
        }
        if (isUniqueViolation(error, 'record_types_name_unique')) {
          throw conflict(`a record type named "${name}" already exists in this tenant`, { field: 'name' });
        }
        throw error;
      }
    },

    /** Moves the record type through its lifecycle under its row lock: concurrent moves queue, and a loser sees 409. */
    setLifecycle: async (
      ctx: RequestContext,
      id: string,
      action: 'activate' | 'retire',
    ): Promise<RecordType> => {
      const updated = await inTransaction(db, async (trx) => {
        const row = await recordLocks(trx, ctx.tenantId).lockRecordType(id);
        if (!row) throw notFound('record type', id);
        const next = nextRecordTypeStatus(row.status, action);
        if (typeof next !== 'string') throw conflict(next.error, { status: row.status });
        return (await forTenant(trx, ctx.tenantId).setStatus(id, next, clock.now()))!;
      });
      return withEffectiveSchema(ctx, updated);
    },

    /**
     * Sets or clears a draft record type's assignment and SLA configuration (absent parts stay). The row
     * is locked from the status check to the write and the base chain read FOR SHARE, so the fields the
     * configuration names exist when it lands; an active type changes them only through a change record.
     */
    updateConfig: async (
      ctx: RequestContext,
      id: string,
      input: UpdateRecordTypeConfigBody,
    ): Promise<RecordType> => {
      const updated = await inTransaction(db, async (trx) => {
        const locks = recordLocks(trx, ctx.tenantId);
        const row = await locks.lockRecordType(id);
        if (!row) throw notFound('record type', id);
        if (row.status !== 'draft') {
          throw conflict(
            `record type "${row.key}" is ${row.status}: its assignment and SLA configuration change only through a change record (set_assignment / set_sla ops, POST /api/changes)`,
            { status: row.status },
          );
        }
        const configs: RecordTypeConfigs = {
          assignmentConfig:
            input.assignmentConfig === undefined
              ? ((row.assignment_config as AssignmentConfig | null) ?? null)
              : input.assignmentConfig,
          slaConfig:
            input.slaConfig === undefined ? ((row.sla_config as SlaConfig | null) ?? null) : input.slaConfig,
        };
        const chain = shapesOf(await locks.shareChain(row.project_id, row.key));
        requireFittingConfigs(configs, resolveEffectiveFields(row.key, chain));
        const repo = forTenant(trx, ctx.tenantId);
        await repo.writeConfigs([{ id, ...configs }], clock.now(), true);
        return (await repo.findRecordType(id))!;
      });
      return withEffectiveSchema(ctx, updated);
    },

    listFields: async (ctx: RequestContext, id: string): Promise<Field[]> =>
      (await withEffectiveSchema(ctx, await requireRecordType(ctx, id))).schema.fields,

    /**
     * Adds a field to a draft record type; an active schema changes only through change records. The
     * record type's row is locked for the read of its schema and the write, so concurrent adds of distinct
     * fields all land and a duplicate name is refused (409 FIELD_EXISTS).
     */
    addField: async (ctx: RequestContext, id: string, input: FieldInput): Promise<RecordType> => {
      const field = normalizeField(input);
      const duplicate = (key: string) =>
        new DomainError(
          RecordsErrorCodes.FIELD_EXISTS,
          `record type "${key}" already has a field "${field.name}"`,
          { field: field.name },
        );
      // Key and project never change, so the unlocked read only finds what to lock.
      const found = await requireRecordType(ctx, id);
      try {
        await inTransaction(db, async (trx) => {
          // The whole inheritance scope: a base, a descendant or this type written at the same time
          // could otherwise define the same name twice along a chain.
          const scope = await recordLocks(trx, ctx.tenantId).lockInheritanceScope(found.project_id, [
            found.key,
          ]);
          const row = scope.find((r) => r.id === id)!;
          if (row.status !== 'draft') {
            throw conflict(
              `record type "${row.key}" is ${row.status}: its schema changes only through a change record (POST /api/changes)`,
              { status: row.status },
            );
          }
          const own = ownFieldsOf(row);
          if (own.some((f) => f.name === field.name)) throw duplicate(row.key);
          const types = shapesOf(scope);
          const clash = scope.find(
            (r) =>
              baseChainOf(r.key, types).some((t) => t.key === row.key) &&
              ownFieldsOf(r).some((f) => f.name === field.name),
          );
          if (clash) {
            throw new DomainError(
              RecordsErrorCodes.FIELD_EXISTS,
              `record type "${clash.key}" inherits from "${row.key}" and already has a field "${field.name}"`,
              { field: field.name, recordTypeKey: clash.key },
            );
          }
          const effective = resolveEffectiveFields(row.key, types);
          await checkFields(
            ctx,
            { projectId: row.project_id, key: row.key, inherited: effective.filter((f) => f.inherited) },
            [field],
            trx,
          );
          await forTenant(trx, ctx.tenantId).writeSchemas([{ id, fields: [...own, field] }], clock.now());
        });
      } catch (error) {
        // The database's unique name per record type is the last line of defence.
        if (isUniqueViolation(error, 'field_definitions_name_unique')) throw duplicate(found.key);
        throw error;
      }
      return withEffectiveSchema(ctx, (await forTenant(db, ctx.tenantId).findRecordType(id))!);
    },

    /** One page of the tenant's choice lists by name, and the cursor of the next page (null on the last). */
    listChoiceLists: async (
      ctx: RequestContext,
      page: PageRequest = { limit: 50 },
    ): Promise<Page<ChoiceList>> => {
      const after = page.cursor ? byName.decode(page.cursor)[0] : undefined;
      const rows = await forTenant(db, ctx.tenantId).listChoiceLists({
        limit: page.limit + 1,
        ...(after !== undefined ? { after } : {}),
      });
      const { items, nextCursor } = byName.pageOf(rows, page.limit, (r) => [r.name]);
      return { items: items.map(toChoiceList), nextCursor };
    },

    getChoiceList: async (ctx: RequestContext, id: string): Promise<ChoiceList> => {
      const row = await forTenant(db, ctx.tenantId).findChoiceList(id);
      if (!row) throw notFound('choice list', id);
      return toChoiceList(row);
    },

    createChoiceList: async (ctx: RequestContext, input: CreateChoiceListBody): Promise<ChoiceList> => {
      const name = normalizeName(input.name);
      const items = input.items ?? [];
      const values = new Set<string>();
      for (const item of items) {
        if (values.has(item.value))
          throw invalid(`item value "${item.value}" appears twice`, { field: 'items' });
        values.add(item.value);
      }
      try {
        const row = await inTransaction(db, async (trx) => {
          const repo = forTenant(trx, ctx.tenantId);
          const list = await repo.insertChoiceList({ id: newId(), name, now: clock.now() });
          await repo.insertChoiceItems(
            list.id,
            items.map((item, i) => ({
              id: newId(),
              value: item.value,
              label: item.label ?? item.value,
              orderIndex: item.orderIndex ?? i,
            })),
          );
          return list;
        });
        return toChoiceList(row);
      } catch (error) {
        if (isUniqueViolation(error, 'choice_lists_name_unique')) {
          throw conflict(`a choice list named "${name}" already exists in this tenant`, { field: 'name' });
        }
        throw error;
      }
    },

    listChoiceItems: async (ctx: RequestContext, choiceListId: string): Promise<ChoiceItem[]> => {
      const repo = forTenant(db, ctx.tenantId);
      if (!(await repo.findChoiceList(choiceListId))) throw notFound('choice list', choiceListId);
      return (await repo.listChoiceItems(choiceListId)).map(toChoiceItem);
    },

    /**
     * Appends an item (or places it at `orderIndex`). The list's row is locked while the next position is
     * read and the item written, so items added at the same time get distinct positions.
     */
    addChoiceItem: async (
      ctx: RequestContext,
      choiceListId: string,
      input: ChoiceItemInput,
    ): Promise<ChoiceItem> => {
      try {
        const row = await inTransaction(db, async (trx) => {
          const repo = forTenant(trx, ctx.tenantId);
          if (!(await recordLocks(trx, ctx.tenantId).lockChoiceList(choiceListId)))
            throw notFound('choice list', choiceListId);
          const existing = await repo.listChoiceItems(choiceListId);
          const id = newId();
          await repo.insertChoiceItems(choiceListId, [
            {
              id,
              value: input.value,
              label: input.label ?? input.value,
              orderIndex:
                input.orderIndex ?? existing.reduce((max, i) => Math.max(max, i.order_index + 1), 0),
            },
          ]);
          return (await repo.listChoiceItems(choiceListId)).find((i) => i.id === id)!;
        });
        return toChoiceItem(row);
      } catch (error) {
        if (isUniqueViolation(error, 'choice_items_value_unique')) {
          throw conflict(`the choice list already has the value "${input.value}"`, { field: 'value' });
        }
        throw error;
      }
    },
  };
};

export type RecordsService = ReturnType<typeof createRecordsService>;

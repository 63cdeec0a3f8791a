import { type DeferredCheck, inTransaction, type Page } from '@ec3l/db';
import {
  actorOf,
  type Clock,
  conflict,
  DomainError,
  type DomainEvent,
  type EventBus,
  invalid,
  isUuid,
  newId,
  notFound,
  type RequestContext,
} from '@ec3l/kernel';
import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type { AssignmentConfig, SlaConfig } from './config.js';
import { type Assignment, reassignsOn, resolveAssignment } from './core/assignment.js';
import { type EffectiveField, resolveEffectiveFields, storageKeyOf } from './core/fields.js';
import {
  type CheckedData,
  changedFieldNames,
  checkRecordData,
  coerceValue,
  type DataIssue,
  dataByName,
  MAX_STRING,
  mergeStored,
  type RecordData,
} from './core/values.js';
import { RecordsErrorCodes } from './errors.js';
import { assertRecordWritable } from './locks.js';
import { type InstanceOrder, instanceLocks, instancesFor } from './repo/instances.js';
import { forTenant, recordLocks } from './repo/scoped.js';
import type { RecordInstance } from './schemas.js';
import type { RecordInstanceRow, RecordsTables, RecordTypeRow, StoredSchema } from './tables.js';

/** A record write, as the hooks of other packages see it inside the record's transaction. */
export type RecordWrite = {
  event: 'record.created' | 'record.updated';
  /** After the write (data by field name, version, assignee …). */
  record: RecordInstance;
  /** Before the write (null on create). */
  previous: RecordInstance | null;
  /** Names of the fields whose value changed (on create: the fields that have a value). */
  changedFields: string[];
  recordType: { id: string; key: string; projectId: string; slaConfig: SlaConfig | null };
  ctx: RequestContext;
  workflowExecutionId: string | null;
};

/**
 * Runs inside the record's transaction after its row is written; a throw rolls the write back. `trx`
 * is a handle on the caller's database (tables of other packages included), typed by the service.
 */
export type RecordWriteHook<DB extends RecordsTables = RecordsTables> = {
  (trx: Transaction<DB>, write: RecordWrite): Promise<void>;
  /**
   * Says, before a create, that the hook has nothing to do for a record of this type: `true` (idle),
   * `false` (it has work), or a SQL condition that the create's own statement evaluates, true when
   * idle. When every hook of a create is idle, the create is that one statement, with no transaction
   * and no hook call; a hook without a probe always runs.
   */
  idleOnCreate?: CreateProbe;
};

/** A hook's idle check for a create of the given record type (see RecordWriteHook.idleOnCreate). */
export type CreateProbe = (
  tenantId: string,
  recordType: RecordWrite['recordType'],
) => boolean | RawBuilder<boolean>;

/** What the workflow engine reads and writes of record instances, inside its own transaction. */
export type RecordInstancesPort = {
  /** The record (404 NOT_FOUND when the tenant has none with this id). */
  getRecord(recordId: string): Promise<RecordInstance>;
  /** Merges `data` into the record exactly as PATCH does: validation, row lock, hooks, events. */
  updateRecord(
    recordId: string,
    data: RecordData,
    options: { workflowExecutionId: string | null },
  ): Promise<RecordInstance>;
  /** Sets the assignee (a value left out stays, null clears); emits record.assigned when it changed. */
  assignRecord(
    recordId: string,
    assignment: { assignedTo?: string | null; assignedGroup?: string | null },
    options: { workflowExecutionId: string | null },
  ): Promise<RecordInstance>;
  /**
   * Assigns the record by its type's assignment configuration, resolved on the record's current data
   * (409 CONFLICT when the type has none, or when no rule and no default match).
   */
  assignRecordByRule(
    recordId: string,
    options: { workflowExecutionId: string | null },
  ): Promise<RecordInstance>;
};

/** How a package receives the port (the gateway passes `records.recordInstancesPort`). */
export type RecordInstancesPortOf = <DB extends RecordsTables>(
  trx: Transaction<DB>,
  ctx: RequestContext,
) => RecordInstancesPort;

export type ListRecordsQuery = {
  recordTypeId: string;
  /** Equality filters, each `field:value`. */
  filter?: readonly string[];
  /** `createdAt`, `updatedAt` or a field name; a leading `-` sorts descending. Default `createdAt`. */
  sort?: string;
  limit: number;
  cursor?: string;
};

type InstancesDeps = {
  db: Kysely<RecordsTables>;
  clock: Clock;
  events?: EventBus;
  /** Typed on the records tables; the caller's handle is narrowed once, where the service is made. */
  hooks: readonly RecordWriteHook[];
};

type Trx = Transaction<RecordsTables>;
/** A record type as record writes see it: its row, its effective fields, and the versions they come from. */
type TypeContext = {
  /**
   * Until when (epoch ms) creates skip the one-statement attempt: set when a hook's SQL probe last
   * found work for this type, so busy types do not pay for an attempt that cannot succeed.
   */
  hooksBusyUntil?: number;
  row: RecordTypeRow;
  fields: EffectiveField[];
  /** The type and its base chain, each with the version its fields were read at. */
  chain: { id: string; version: number }[];
};

// Effective schemas of recently used record types, per process. An entry is only a guess: every write
// that relies on one checks the versions it was read at in its own statement, and a read checks the
// type's version, so a schema changed by another process is never applied.
const MAX_CACHED_TYPES = 1_000;
/** How long creates of a type go straight to the transaction after a hook's probe found work. */
const BUSY_HINT_MS = 5_000;

const ownFields = (row: RecordTypeRow) => (row.schema as unknown as StoredSchema).fields;

const effectiveFields = (rows: readonly RecordTypeRow[], key: string): EffectiveField[] =>
  resolveEffectiveFields(
    key,
    new Map(rows.map((r) => [r.key, { key: r.key, baseType: r.base_type, fields: ownFields(r) }])),
  );

const recordTypeOf = (row: RecordTypeRow): RecordWrite['recordType'] => ({
  id: row.id,
  key: row.key,
  projectId: row.project_id,
  slaConfig: (row.sla_config as SlaConfig | null) ?? null,
});

const toRecord = (row: RecordInstanceRow, fields: readonly EffectiveField[]): RecordInstance => ({
  id: row.id,
  recordTypeId: row.record_type_id,
  data: dataByName(fields, row.data as unknown as Record<string, unknown>),
  version: row.version,
  createdBy: row.created_by,
  assignedTo: row.assigned_to,
  assignedGroup: row.assigned_group,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const recordInvalid = (issues: readonly DataIssue[]) =>
  new DomainError(
    RecordsErrorCodes.RECORD_INVALID,
    `the record's data does not fit its record type: ${issues.map((i) => i.message).join('; ')}`,
    issues.map((i) => ({
      in: 'body',
      path: `/data/${i.field}`,
      message: i.message,
      params: { field: i.field, reason: i.reason },
    })),
  );

const queryInvalid = (path: string, message: string) =>
  invalid(message, [{ in: 'querystring', path, message }]);

// Lists page on (sort value, id). A time sort carries a timestamp, a field sort the field's stored
// value; each is checked when decoded, so a forged cursor is a 400 and never reaches SQL.
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/;
const isSortValue = (v: unknown) =>
  v === null ||
  typeof v === 'boolean' ||
  (typeof v === 'string' && v.length <= MAX_STRING) ||
  (typeof v === 'number' && Number.isFinite(v));

const encodeCursor = (value: unknown, id: string) =>
  Buffer.from(JSON.stringify([value ?? null, id])).toString('base64url');

const decodeCursor = (raw: string, order: InstanceOrder): { value: unknown; id: string } => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string' && isUuid(parsed[1])) {
    const [value, id] = parsed as [unknown, string];
    const fits =
      order.by === 'field'
        ? isSortValue(value)
        : typeof value === 'string' && TIMESTAMP_RE.test(value) && !Number.isNaN(Date.parse(value));
    if (fits) return { value, id };
  }
  throw queryInvalid(
    '/cursor',
    "cursor is malformed; pass the value of the previous page's x-next-cursor header",
  );
};

/** Record instances: create, read, list, update and assign, with their write hooks and events. */
export const createRecordInstances = ({ db, clock, events, hooks }: InstancesDeps) => {
  const cache = new Map<string, TypeContext>();
  const cacheKey = (tenantId: string, recordTypeId: string) => `${tenantId}/${recordTypeId}`;
  const remember = (tenantId: string, type: TypeContext): TypeContext => {
    const key = cacheKey(tenantId, type.row.id);
    cache.delete(key);
    if (cache.size >= MAX_CACHED_TYPES) cache.delete(cache.keys().next().value as string);
    cache.set(key, type);
    return type;
  };
  const contextOf = (rows: readonly RecordTypeRow[]): TypeContext => ({
    row: rows[0]!,
    fields: effectiveFields(rows, rows[0]!.key),
    chain: rows.map((r) => ({ id: r.id, version: r.version })),
  });

  /** The type's effective fields, reading the base chain unlocked. */
  const typeContext = async (reader: Kysely<RecordsTables> | Trx, tenantId: string, row: RecordTypeRow) => {
    const chain = row.base_type
      ? await forTenant(reader, tenantId).findChain(row.project_id, row.base_type)
      : [];
    return remember(tenantId, contextOf([row, ...chain]));
  };

  /** The type FOR SHARE with its base chain FOR SHARE: its schema and status hold until the write commits. */
  const sharedTypeContext = async (
    trx: Trx,
    tenantId: string,
    recordTypeId: string,
  ): Promise<TypeContext> => {
    const row = await instanceLocks(trx, tenantId).shareRecordType(recordTypeId);
    if (!row) throw notFound('record type', recordTypeId);
    const chain = row.base_type
      ? await recordLocks(trx, tenantId).shareChain(row.project_id, row.base_type)
      : [];
    return remember(tenantId, contextOf([row, ...chain]));
  };

  /** Checks data against the type, looking up choice and reference values; throws every issue at once. */
  const checkData = async (
    reader: Trx,
    tenantId: string,
    type: TypeContext,
    input: RecordData,
    mode: 'create' | 'update',
  ): Promise<CheckedData> => {
    const checked = checkRecordData(type.fields, input, mode);
    const repo = instancesFor(reader, tenantId);
    const [active, referenced] = await Promise.all([
      repo.activeChoiceValues(checked.choices),
      repo.referencedRecords(
        type.row.project_id,
        checked.references.map((r) => r.recordId),
      ),
    ]);
    for (const c of checked.choices) {
      if (!active.has(`${c.choiceListId}\u0000${c.value}`)) {
        checked.issues.push({
          field: c.field,
          reason: 'choice',
          message: `"${c.field}": "${c.value}" is not an active value of its choice list`,
        });
      }
    }
    for (const r of checked.references) {
      if (!referenced.get(r.recordId)?.has(r.recordTypeKey)) {
        checked.issues.push({
          field: r.field,
          reason: 'reference',
          message: `"${r.field}": no record ${r.recordId} of record type "${r.recordTypeKey}" (or of a type based on it) exists`,
        });
      }
    }
    if (checked.issues.length > 0) throw recordInvalid(checked.issues);
    return checked;
  };

  const runHooks = async (trx: Trx, write: RecordWrite) => {
    for (const hook of hooks) await hook(trx, write);
  };

  const emitAll = (ctx: RequestContext, list: readonly DomainEvent[]) => {
    for (const event of list) events?.emit(ctx, event);
  };

  const writeEvents = (write: RecordWrite): DomainEvent[] => {
    const { record, previous } = write;
    const affected = {
      recordId: record.id,
      recordTypeId: write.recordType.id,
      recordTypeKey: write.recordType.key,
      version: record.version,
      changedFields: write.changedFields,
      workflowExecutionId: write.workflowExecutionId,
    };
    const list: DomainEvent[] = [
      { type: write.event, status: 'succeeded', entityId: record.id, affectedRecords: affected },
    ];
    const assigned =
      record.assignedTo !== (previous?.assignedTo ?? null) ||
      record.assignedGroup !== (previous?.assignedGroup ?? null);
    if (assigned) {
      list.push({
        type: 'record.assigned',
        status: 'succeeded',
        entityId: record.id,
        affectedRecords: {
          ...affected,
          assignedTo: record.assignedTo,
          assignedGroup: record.assignedGroup,
          previousAssignedTo: previous?.assignedTo ?? null,
          previousAssignedGroup: previous?.assignedGroup ?? null,
        },
      });
    }
    return list;
  };

  const createdWrite = (
    type: TypeContext,
    record: RecordInstance,
    ctx: RequestContext,
    workflowExecutionId: string | null,
  ): RecordWrite => ({
    event: 'record.created',
    record,
    previous: null,
    changedFields: Object.keys(record.data),
    recordType: recordTypeOf(type.row),
    ctx,
    workflowExecutionId,
  });

  const create = async (
    trx: Trx,
    ctx: RequestContext,
    input: { recordTypeId: string; data: RecordData },
    workflowExecutionId: string | null,
  ) => {
    const type = await sharedTypeContext(trx, ctx.tenantId, input.recordTypeId);
    if (type.row.status !== 'active') {
      throw new DomainError(
        RecordsErrorCodes.RECORD_TYPE_NOT_ACTIVE,
        `record type "${type.row.key}" is ${type.row.status}: only active record types take records`,
        { status: type.row.status },
      );
    }
    const checked = await checkData(trx, ctx.tenantId, type, input.data, 'create');
    const byName = Object.fromEntries(checked.values);
    const assignment = resolveAssignment(type.row.assignment_config as AssignmentConfig | null, byName);
    const row = await instancesFor(trx, ctx.tenantId).insertInstance({
      id: newId(),
      recordTypeId: type.row.id,
      data: mergeStored(type.fields, {}, checked.values),
      createdBy: actorOf(ctx).actorId,
      assignedTo: assignment?.assignedTo ?? null,
      assignedGroup: assignment?.assignedGroup ?? null,
      now: clock.now(),
    });
    const write = createdWrite(type, toRecord(row, type.fields), ctx, workflowExecutionId);
    await runHooks(trx, write);
    return { record: write.record, events: writeEvents(write) };
  };

  /**
   * The one update path of a record (PATCH, the workflow port's update and assign): the row is locked
   * FOR UPDATE, the version compared, the data checked and merged, the assignment resolved again when
   * the type says so, the next version written and the hooks run, all in the caller's transaction.
   */
  const update = async (
    trx: Trx,
    ctx: RequestContext,
    recordId: string,
    change: {
      data: RecordData;
      version?: number;
      /** An assignee to set, or 'rule': the type's assignment configuration resolved on the new data. */
      assign?: { assignedTo?: string | null; assignedGroup?: string | null } | 'rule';
    },
    workflowExecutionId: string | null,
  ) => {
    const locked = await instanceLocks(trx, ctx.tenantId).lockInstance(recordId);
    if (!locked) throw notFound('record', recordId);
    // Under the row lock: a lock taken before this update committed is seen here.
    await assertRecordWritable(trx, ctx.tenantId, recordId, workflowExecutionId);
    if (change.version !== undefined && change.version !== locked.version) {
      throw new DomainError(
        RecordsErrorCodes.RECORD_VERSION_CONFLICT,
        `the record is at version ${locked.version}, not ${change.version}: read it again and reapply the change`,
        { expected: change.version, actual: locked.version },
      );
    }
    const type = await sharedTypeContext(trx, ctx.tenantId, locked.record_type_id);
    const previous = toRecord(locked, type.fields);
    const checked = await checkData(trx, ctx.tenantId, type, change.data, 'update');
    const stored = mergeStored(
      type.fields,
      locked.data as unknown as Record<string, unknown>,
      checked.values,
    );
    const after = dataByName(type.fields, stored);
    const changedFields = changedFieldNames(type.fields, previous.data, after);
    let assignment: Assignment = { assignedTo: locked.assigned_to, assignedGroup: locked.assigned_group };
    const config = type.row.assignment_config as AssignmentConfig | null;
    if (reassignsOn(config, changedFields)) assignment = resolveAssignment(config, after) ?? assignment;
    if (change.assign === 'rule') {
      const resolved = config ? resolveAssignment(config, after) : null;
      if (!resolved) {
        throw conflict(
          config
            ? `no rule of record type "${type.row.key}"'s assignment configuration matches the record, and it has no default`
            : `record type "${type.row.key}" has no assignment configuration to assign by`,
          { recordTypeId: type.row.id },
        );
      }
      assignment = resolved;
    } else if (change.assign) {
      assignment = {
        assignedTo: change.assign.assignedTo === undefined ? assignment.assignedTo : change.assign.assignedTo,
        assignedGroup:
          change.assign.assignedGroup === undefined ? assignment.assignedGroup : change.assign.assignedGroup,
      };
    }
    const unchanged =
      changedFields.length === 0 &&
      assignment.assignedTo === locked.assigned_to &&
      assignment.assignedGroup === locked.assigned_group;
    // Nothing to write: the record stays at its version and nobody is told.
    if (unchanged) return { record: previous, events: [] };
    const row = await instancesFor(trx, ctx.tenantId).updateInstance(recordId, {
      data: stored,
      assignedTo: assignment.assignedTo,
      assignedGroup: assignment.assignedGroup,
      now: clock.now(),
    });
    const record = toRecord(row, type.fields);
    const write: RecordWrite = {
      event: 'record.updated',
      record,
      previous,
      changedFields,
      recordType: recordTypeOf(type.row),
      ctx,
      workflowExecutionId,
    };
    await runHooks(trx, write);
    return { record, events: writeEvents(write) };
  };

  const getRecord = async (reader: Kysely<RecordsTables> | Trx, ctx: RequestContext, recordId: string) => {
    const found = await instancesFor(reader, ctx.tenantId).findInstanceWithTypeVersion(recordId);
    if (!found) throw notFound('record', recordId);
    const { type_version, type_base, ...record } = found;
    const cached = cache.get(cacheKey(ctx.tenantId, record.record_type_id));
    // A type without a base type is current when its version is: no other row shapes its fields.
    if (
      cached &&
      type_base === null &&
      cached.chain.length === 1 &&
      cached.chain[0]!.version === type_version
    ) {
      return toRecord(record, cached.fields);
    }
    const typeRow = await forTenant(reader, ctx.tenantId).findRecordType(record.record_type_id);
    if (!typeRow) throw notFound('record', recordId);
    return toRecord(record, (await typeContext(reader, ctx.tenantId, typeRow)).fields);
  };

  /**
   * The SQL conditions under which no hook has anything to do for a create of this type, or null when
   * some hook has work (or no probe) and the create needs its transaction.
   */
  const idleProbes = (ctx: RequestContext, type: TypeContext): RawBuilder<boolean>[] | null => {
    const conditions: RawBuilder<boolean>[] = [];
    const recordType = recordTypeOf(type.row);
    for (const hook of hooks) {
      const idle = hook.idleOnCreate?.(ctx.tenantId, recordType) ?? false;
      if (idle === false) return null;
      if (idle !== true) conditions.push(idle);
    }
    return conditions;
  };

  /**
   * Creates the record in one statement against a (possibly cached) schema, when the data passes every
   * check that needs no database; the statement itself confirms the rest (see insertIfCurrent). Null
   * when that does not hold: the caller then takes the locked path, which names what is wrong.
   */
  const tryCreate = async (
    writer: Kysely<RecordsTables> | Trx,
    ctx: RequestContext,
    type: TypeContext,
    data: RecordData,
    idle: readonly RawBuilder<boolean>[] = [],
  ): Promise<RecordInstance | null> => {
    if (type.row.status !== 'active') return null;
    const checked = checkRecordData(type.fields, data, 'create');
    if (checked.issues.length > 0) return null;
    const assignment = resolveAssignment(
      type.row.assignment_config as AssignmentConfig | null,
      Object.fromEntries(checked.values),
    );
    const unique = <T>(items: readonly T[], keyOf: (item: T) => string) => [
      ...new Map(items.map((i) => [keyOf(i), i])).values(),
    ];
    const row = await instancesFor(writer, ctx.tenantId).insertIfCurrent(
      {
        id: newId(),
        recordTypeId: type.row.id,
        data: mergeStored(type.fields, {}, checked.values),
        createdBy: actorOf(ctx).actorId,
        assignedTo: assignment?.assignedTo ?? null,
        assignedGroup: assignment?.assignedGroup ?? null,
        now: clock.now(),
      },
      {
        chain: type.chain,
        projectId: type.row.project_id,
        assignmentConfig: type.row.assignment_config,
        slaConfig: type.row.sla_config,
        choices: unique(checked.choices, (c) => `${c.choiceListId}\u0000${c.value}`),
        references: unique(checked.references, (r) => `${r.recordId}\u0000${r.recordTypeKey}`),
        idle,
      },
    );
    return row ? toRecord(row, type.fields) : null;
  };

  /** The order and the equality filters of a list, by storage key; unknown fields are a 400. */
  const listPlan = (fields: readonly EffectiveField[], query: ListRecordsQuery) => {
    const byName = new Map(fields.map((f) => [f.name, f]));
    const sort = query.sort ?? 'createdAt';
    const descending = sort.startsWith('-');
    const sortName = descending ? sort.slice(1) : sort;
    let order: InstanceOrder;
    if (sortName === 'createdAt') order = { by: 'created_at', descending };
    else if (sortName === 'updatedAt') order = { by: 'updated_at', descending };
    else {
      const field = byName.get(sortName);
      if (!field)
        throw queryInvalid('/sort', `cannot sort by "${sortName}": not createdAt, updatedAt or a field`);
      if (field.type === 'text') throw queryInvalid('/sort', `cannot sort by the text field "${sortName}"`);
      order = { by: 'field', storageKey: storageKeyOf(field), descending };
    }
    const contains: Record<string, unknown> = {};
    for (const [i, f] of (query.filter ?? []).entries()) {
      const at = f.indexOf(':');
      const name = at < 0 ? f : f.slice(0, at);
      const field = byName.get(name);
      const path = `/filter/${i}`;
      if (at < 0 || !field)
        throw queryInvalid(path, `filter "${f}" must be field:value, with a field of the record type`);
      const raw = f.slice(at + 1);
      let value: unknown = raw;
      if (field.type === 'number') value = raw.trim() === '' ? Number.NaN : Number(raw);
      if (field.type === 'boolean') value = raw === 'true' ? true : raw === 'false' ? false : raw;
      const coerced = coerceValue(field, value);
      if ('error' in coerced)
        throw queryInvalid(path, `filter on "${name}" (${field.type}): ${coerced.error}`);
      const key = storageKeyOf(field);
      if (Object.hasOwn(contains, key) && contains[key] !== coerced.value) {
        throw queryInvalid(path, `"${name}" is filtered twice with different values`);
      }
      contains[key] = coerced.value;
    }
    return { order, contains: Object.keys(contains).length > 0 ? contains : null };
  };

  const inScope = <T>(fn: (trx: Trx) => Promise<{ record: T; events: DomainEvent[] }>, ctx: RequestContext) =>
    inTransaction(db, fn).then(({ record, events: list }) => {
      // Told once the write has committed: a rolled-back write is never announced.
      emitAll(ctx, list);
      return record;
    });

  return {
    /**
     * Creates a record of an active record type: data checked against the effective schema (every
     * issue listed), defaults applied, the assignment resolved, the hooks run, in one transaction;
     * record.created (and record.assigned) follow the commit.
     */
    createRecord: async (
      ctx: RequestContext,
      input: { recordTypeId: string; data: RecordData },
      options: { workflowExecutionId?: string | null; permission?: DeferredCheck | null } = {},
    ): Promise<RecordInstance> => {
      const workflowExecutionId = options.workflowExecutionId ?? null;
      // A permission decided on cached grants: the one statement confirms them, or it is decided
      // again before anything else happens (and before any other error is told). Settled once: `held`
      // when the statement ran under its condition (or failed outright), else decided again.
      let permission = options.permission ?? null;
      const settlePermission = async (held: boolean) => {
        const pending = permission;
        permission = null;
        if (held) pending?.confirm();
        else await pending?.verify();
      };
      const cached = cache.get(cacheKey(ctx.tenantId, input.recordTypeId));
      if (cached) {
        // Every hook idle: the one statement is the whole write (its probes are part of it).
        const idle = (cached.hooksBusyUntil ?? 0) > Date.now() ? null : idleProbes(ctx, cached);
        let alone: RecordInstance | null = null;
        try {
          alone = idle
            ? await tryCreate(
                db,
                ctx,
                cached,
                input.data,
                permission ? [...idle, permission.condition] : idle,
              )
            : null;
        } catch (error) {
          // The statement failed outright (the database, not the condition): the decision stands as made.
          await settlePermission(true);
          throw error;
        }
        await settlePermission(alone !== null);
        // Otherwise the hooks join the statement's transaction.
        const fast = alone
          ? { record: alone, events: writeEvents(createdWrite(cached, alone, ctx, workflowExecutionId)) }
          : idle?.length === 0
            ? null // nothing but the statement would have run: the locked path names what is wrong
            : await inTransaction(db, async (trx) => {
                const record = await tryCreate(trx, ctx, cached, input.data);
                if (!record) return null;
                const write = createdWrite(cached, record, ctx, workflowExecutionId);
                await runHooks(trx, write);
                return { record, events: writeEvents(write) };
              });
        if (fast) {
          // A probe found work where the statement alone could not write: skip the attempt for a while.
          if (idle && idle.length > 0 && !alone) cached.hooksBusyUntil = Date.now() + BUSY_HINT_MS;
          emitAll(ctx, fast.events);
          return fast.record;
        }
        cache.delete(cacheKey(ctx.tenantId, input.recordTypeId));
      }
      await settlePermission(false);
      return inScope((trx) => create(trx, ctx, input, workflowExecutionId), ctx);
    },

    getRecord: (ctx: RequestContext, recordId: string): Promise<RecordInstance> =>
      getRecord(db, ctx, recordId),

    /**
     * One page of a type's records in the asked order (ending with the id, so it is total), with
     * equality filters on fields, and the cursor of the next page (null on the last).
     */
    listRecords: async (ctx: RequestContext, query: ListRecordsQuery): Promise<Page<RecordInstance>> => {
      const typeRow = await forTenant(db, ctx.tenantId).findRecordType(query.recordTypeId);
      if (!typeRow) throw notFound('record type', query.recordTypeId);
      const type = await typeContext(db, ctx.tenantId, typeRow);
      const { order, contains } = listPlan(type.fields, query);
      const after = query.cursor ? decodeCursor(query.cursor, order) : null;
      const rows = await instancesFor(db, ctx.tenantId).listInstances(typeRow.id, {
        order,
        contains,
        after,
        limit: query.limit + 1,
      });
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      const nextCursor =
        rows.length > query.limit && last
          ? encodeCursor(
              order.by === 'field'
                ? (last.data as unknown as Record<string, unknown>)[order.storageKey]
                : (last.sort_key ?? last[order.by].toISOString()),
              last.id,
            )
          : null;
      return { items: items.map((r) => toRecord(r, type.fields)), nextCursor };
    },

    /**
     * Merges `data` into the record (null clears an optional field) under its row lock, refusing a
     * stale `version` (409 RECORD_VERSION_CONFLICT); record.updated (and record.assigned) follow the commit.
     */
    updateRecord: (
      ctx: RequestContext,
      recordId: string,
      input: { data: RecordData; version?: number },
      options: { workflowExecutionId?: string | null } = {},
    ): Promise<RecordInstance> =>
      inScope((trx) => update(trx, ctx, recordId, input, options.workflowExecutionId ?? null), ctx),

    /**
     * The record instances port on the caller's transaction: the same paths as the routes, inside the
     * caller's transaction; their events are told at the caller's commit, never if it rolls back.
     */
    recordInstancesPort: (<DB extends RecordsTables>(
      trx: Transaction<DB>,
      ctx: RequestContext,
    ): RecordInstancesPort => {
      const own = trx as unknown as Trx;
      const run = async (result: Promise<{ record: RecordInstance; events: DomainEvent[] }>) => {
        const { record, events: list } = await result;
        emitAll(ctx, list);
        return record;
      };
      return {
        getRecord: (recordId) => getRecord(own, ctx, recordId),
        updateRecord: (recordId, data, { workflowExecutionId }) =>
          run(update(own, ctx, recordId, { data }, workflowExecutionId)),
        assignRecord: (recordId, assignment, { workflowExecutionId }) =>
          run(update(own, ctx, recordId, { data: {}, assign: assignment }, workflowExecutionId)),
        assignRecordByRule: (recordId, { workflowExecutionId }) =>
          run(update(own, ctx, recordId, { data: {}, assign: 'rule' }, workflowExecutionId)),
      };
    }) satisfies RecordInstancesPortOf,
  };
};

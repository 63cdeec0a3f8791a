import type { DeferredCheck } from '@ec3l/db';
import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordWriteHook } from './instances.js';
import { recordsMigrations } from './migrations/index.js';
import { createRecordsService } from './service.js';
import type { RecordsTables } from './tables.js';

// Hooks with idle probes: creates of a type for which every hook is idle are one statement and call no
// hook; a probe that finds work (in SQL, evaluated by that statement, or in JS) makes the hooks run in
// the write's transaction.
let database: TestDatabase;
let records: ReturnType<typeof createRecordsService<RecordsTables>>;
let acme: RequestContext;
let project: string;
const calls = { sql: 0, js: 0 };
// The SQL probe's switch: a row for a record type means its hook has work (and refuses "stop").
const BUSY_TABLE = 'probe_busy_types';
// The JS probe's switch.
const jsBusy = new Set<string>();

const sqlProbed: RecordWriteHook = Object.assign(
  async (trx: Parameters<RecordWriteHook>[0], write: Parameters<RecordWriteHook>[1]) => {
    calls.sql++;
    const { rows } =
      await sql`select 1 from probe_busy_types where record_type_id = ${write.recordType.id}`.execute(trx);
    if (rows.length > 0 && write.record.data.title === 'stop') throw new Error('refused by the busy hook');
  },
  {
    idleOnCreate: (tenantId: string, recordType: { id: string }) =>
      sql<boolean>`not exists (select 1 from probe_busy_types where tenant_id = ${tenantId}
                     and record_type_id = ${recordType.id})`,
  },
);
const jsProbed: RecordWriteHook = Object.assign(
  async () => {
    calls.js++;
  },
  { idleOnCreate: (_tenantId: string, recordType: { id: string }) => !jsBusy.has(recordType.id) },
);

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations]);
  await sql`create table ${sql.table(BUSY_TABLE)} (tenant_id uuid not null, record_type_id uuid not null)`.execute(
    database.ownerDb,
  );
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  records = createRecordsService<RecordsTables>({
    db: database.ownerDb,
    requireProject: tenancy.requireProject,
    onRecordWrite: [sqlProbed, jsProbed],
  });
  await tenancy.ensureTenant({ slug: 'acme' });
  const a = (await tenancy.resolveTenant('acme'))!;
  acme = { ...systemContext(a.id, a.slug), isSystem: false, userId: 'alice' };
  project = (await tenancy.createProject(acme, { name: 'Desk' })).id;
});
afterAll(() => database.destroy());

let keys = 0;
const activeType = async () => {
  const rt = await records.createRecordType(acme, {
    projectId: project,
    key: `probe_${++keys}`,
    name: `Probe ${keys}`,
    fields: [{ name: 'title', type: 'string', required: true }],
  });
  return records.setLifecycle(acme, rt.id, 'activate');
};
const create = (recordTypeId: string, title: string) =>
  records.createRecord(acme, { recordTypeId, data: { title } });
const countOf = async (recordTypeId: string) =>
  Number(
    (
      await database.ownerDb
        .selectFrom('record_instances')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('record_type_id', '=', recordTypeId)
        .executeTakeFirstOrThrow()
    ).n,
  );
const reset = () => {
  calls.sql = 0;
  calls.js = 0;
};

describe('record-write hooks with idle probes', () => {
  it('creates of a type whose hooks are all idle call no hook once the type is known', async () => {
    const rt = await activeType();
    await create(rt.id, 'first'); // reads the type: the locked path, which always runs the hooks
    reset();
    for (const title of ['a', 'b', 'c']) await create(rt.id, title);
    expect(calls).toMatchObject({ sql: 0, js: 0 });
    expect(await countOf(rt.id)).toBe(4);
  });

  it('a SQL probe that finds work, even for a type already known, runs the hooks in the write transaction', async () => {
    const rt = await activeType();
    await create(rt.id, 'first');
    await create(rt.id, 'warm');
    await database.ownerDb
      .insertInto(BUSY_TABLE as never)
      .values({ tenant_id: acme.tenantId, record_type_id: rt.id } as never)
      .execute();
    reset();
    await create(rt.id, 'seen');
    expect(calls).toMatchObject({ sql: 1, js: 1 });
    // The hook's refusal rolls the write back: the statement did not write on its own.
    await expect(create(rt.id, 'stop')).rejects.toThrow('refused by the busy hook');
    expect(await countOf(rt.id)).toBe(3);
    // Work gone again: the hooks go quiet (after the busy hint lapses, the one statement is back).
    await database.ownerDb
      .deleteFrom(BUSY_TABLE as never)
      .where('record_type_id' as never, '=', rt.id as never)
      .execute();
    await create(rt.id, 'stop');
    expect(await countOf(rt.id)).toBe(4);
  });

  it('a JS probe that finds work runs the hooks; another type stays idle', async () => {
    const busy = await activeType();
    const quiet = await activeType();
    for (const rt of [busy, quiet]) await create(rt.id, 'first');
    jsBusy.add(busy.id);
    reset();
    await create(busy.id, 'x');
    await create(quiet.id, 'y');
    expect(calls).toMatchObject({ sql: 1, js: 1 });
    jsBusy.delete(busy.id);
  });

  it('a hook without a probe runs on every create', async () => {
    let plain = 0;
    const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
    const service = createRecordsService<RecordsTables>({
      db: database.ownerDb,
      requireProject: tenancy.requireProject,
      onRecordWrite: [
        jsProbed,
        async () => {
          plain++;
        },
      ],
    });
    const rt = await activeType();
    for (const title of ['a', 'b', 'c'])
      await service.createRecord(acme, { recordTypeId: rt.id, data: { title } });
    expect(plain).toBe(3);
  });
});

describe('a create carrying a deferred permission check', () => {
  const check = (condition: RawBuilder<boolean>) => {
    const settled: string[] = [];
    const permission: DeferredCheck = {
      condition,
      confirm: () => {
        settled.push('confirm');
      },
      verify: async () => {
        settled.push('verify');
      },
    };
    return { settled, permission };
  };
  const createWith = (recordTypeId: string, title: string, permission: DeferredCheck) =>
    records.createRecord(acme, { recordTypeId, data: { title } }, { permission });

  it.each([
    ['confirms it when the one statement held under its condition', sql<boolean>`true`, ['confirm']],
    [
      'verifies it before the locked path when the condition does not hold, which then writes',
      sql<boolean>`false`,
      ['verify'],
    ],
  ])('%s', async (_name, condition, settled) => {
    const rt = await activeType();
    await create(rt.id, 'cache the type');
    const deferred = check(condition);
    await createWith(rt.id, 'with a deferred check', deferred.permission);
    expect(deferred.settled).toEqual(settled);
    expect(await countOf(rt.id)).toBe(2);
  });

  it('verifies it before telling a validation error, and a refusal stops the create', async () => {
    const rt = await activeType();
    await create(rt.id, 'cache the type');
    const invalid = check(sql<boolean>`true`);
    await expect(
      records.createRecord(acme, { recordTypeId: rt.id, data: {} }, { permission: invalid.permission }),
    ).rejects.toMatchObject({ code: 'RECORD_INVALID' });
    expect(invalid.settled).toEqual(['verify']);
    const refusing: DeferredCheck = {
      condition: sql<boolean>`false`,
      confirm: () => {},
      verify: async () => {
        throw new Error('forbidden now');
      },
    };
    await expect(createWith(rt.id, 'refused', refusing)).rejects.toThrow('forbidden now');
    expect(await countOf(rt.id)).toBe(1);
  });

  it('confirms it when the statement fails outright, and the error reaches the caller', async () => {
    const rt = await activeType();
    await create(rt.id, 'cache the type');
    const failing = check(sql<boolean>`(select 1 / 0) = 1`);
    await expect(createWith(rt.id, 'failing', failing.permission)).rejects.toMatchObject({ code: '22012' });
    expect(failing.settled).toEqual(['confirm']);
    expect(await countOf(rt.id)).toBe(1);
  });
});

import { createTestDatabase, type TestDatabase, walkPages } from '@ec3l/db/testing';
import { createEventBus, newId, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordLocks, lockRecord, releaseLocksOf } from './locks.js';
import { recordsMigrations } from './migrations/index.js';
import { createRecordsService } from './service.js';
import type { RecordsTables } from './tables.js';

const N = 20;

let database: TestDatabase;
let records: ReturnType<typeof createRecordsService<RecordsTables>>;
let locks: ReturnType<typeof createRecordLocks>;
let acme: RequestContext;
let globex: RequestContext;
let project: string;

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  records = createRecordsService<RecordsTables>({
    db: database.ownerDb,
    requireProject: tenancy.requireProject,
  });
  locks = createRecordLocks({ db: database.ownerDb });
  for (const slug of ['acme', 'globex']) await tenancy.ensureTenant({ slug });
  const a = (await tenancy.resolveTenant('acme'))!;
  const g = (await tenancy.resolveTenant('globex'))!;
  acme = { ...systemContext(a.id, a.slug), isSystem: false, userId: 'alice' };
  globex = { ...systemContext(g.id, g.slug), isSystem: false, userId: 'gus' };
  project = (await tenancy.createProject(acme, { name: 'Locks' })).id;
});
afterAll(() => database.destroy());

let keys = 0;
const newRecord = async () => {
  const rt = await records.createRecordType(acme, {
    projectId: project,
    key: `case_${++keys}`,
    name: `Case ${keys}`,
    fields: [
      { name: 'title', type: 'string' },
      { name: 'counter', type: 'number' },
    ],
  });
  await records.setLifecycle(acme, rt.id, 'activate');
  return records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'first' } });
};

const lock = (recordId: string, workflowExecutionId: string | null, ctx = acme) =>
  database.ownerDb
    .transaction()
    .execute((trx) =>
      lockRecord(trx, ctx, recordId, { workflowExecutionId, lockedBy: 'workflow', reason: 'approval' }),
    );

const lockRows = (recordId: string) =>
  database.ownerDb.selectFrom('record_locks').selectAll().where('record_id', '=', recordId).execute();

describe('record locks', () => {
  it('locks a record for one execution, idempotently, and refuses another execution with 409 RECORD_LOCKED', async () => {
    const record = await newRecord();
    const execution = newId();
    const first = await lock(record.id, execution);
    expect(first).toMatchObject({
      recordId: record.id,
      recordTypeId: record.recordTypeId,
      workflowExecutionId: execution,
    });
    expect(await lock(record.id, execution)).toEqual(first);
    const other = newId();
    await expect(lock(record.id, other)).rejects.toMatchObject({
      code: 'RECORD_LOCKED',
      details: { recordId: record.id, workflowExecutionId: execution },
    });
    expect(await lockRows(record.id)).toHaveLength(1);
  });

  it('answers 404 for a record the tenant does not have', async () => {
    const record = await newRecord();
    await expect(lock(record.id, newId(), globex)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(locks.checkLock(globex, record.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await locks.checkLock(acme, record.id)).toEqual({ locked: false });
    expect(await lockRows(record.id)).toEqual([]);
  });

  it('a locked record refuses updates from anyone but the lock’s execution, until released', async () => {
    const record = await newRecord();
    const execution = newId();
    await lock(record.id, execution);
    await expect(
      records.updateRecord(acme, record.id, { data: { title: 'user edit' } }),
    ).rejects.toMatchObject({
      code: 'RECORD_LOCKED',
    });
    await expect(
      records.updateRecord(
        acme,
        record.id,
        { data: { title: 'other run' } },
        { workflowExecutionId: newId() },
      ),
    ).rejects.toMatchObject({ code: 'RECORD_LOCKED' });
    expect((await records.getRecord(acme, record.id)).data.title).toBe('first');
    const updated = await records.updateRecord(
      acme,
      record.id,
      { data: { title: 'holder edit' } },
      { workflowExecutionId: execution },
    );
    expect(updated).toMatchObject({ version: 2, data: { title: 'holder edit' } });
    expect(await locks.checkLock(acme, record.id)).toMatchObject({
      locked: true,
      lock: { workflowExecutionId: execution },
    });
    const released = await database.ownerDb
      .transaction()
      .execute((trx) => releaseLocksOf(trx, acme.tenantId, execution));
    expect(released).toBe(1);
    expect(await locks.checkLock(acme, record.id)).toEqual({ locked: false });
    expect(await records.updateRecord(acme, record.id, { data: { title: 'user again' } })).toMatchObject({
      version: 3,
    });
  });

  it(`exactly one of ${N} executions locking a record at once wins`, async () => {
    const record = await newRecord();
    const results = await Promise.allSettled(Array.from({ length: N }, () => lock(record.id, newId())));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(N - 1);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'RECORD_LOCKED' });
    expect(await lockRows(record.id)).toHaveLength(1);
  });

  it(`${N} updates racing a lock either land before it or are refused; nothing is half-written`, async () => {
    const record = await newRecord();
    const execution = newId();
    const updates = Array.from({ length: N }, (_, i) =>
      records.updateRecord(acme, record.id, { data: { counter: i + 1, title: `edit ${i + 1}` } }),
    );
    const locking = lock(record.id, execution);
    const results = await Promise.allSettled(updates);
    await locking;
    const landed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'RECORD_LOCKED' });
    expect(landed.length + refused.length).toBe(N);
    const stored = await records.getRecord(acme, record.id);
    // Every landed update bumped the version once; the stored data is one update's whole data.
    expect(stored.version).toBe(1 + landed.length);
    if (landed.length > 0) expect(stored.data.title).toBe(`edit ${stored.data.counter}`);
    else expect(stored.data).toEqual({ title: 'first' });
    // An update after the lock is refused.
    await expect(records.updateRecord(acme, record.id, { data: { title: 'late' } })).rejects.toMatchObject({
      code: 'RECORD_LOCKED',
    });
  });

  it('lists locks by (createdAt, id), filtered by record type and record, page by page', async () => {
    const made = [];
    for (let i = 0; i < 4; i++) {
      const record = await newRecord();
      await lock(record.id, newId());
      made.push(record);
    }
    const all = await walkPages((page) => locks.listLocks(acme, {}, page), 100);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const limit of [1, 2, 3])
      expect(await walkPages((page) => locks.listLocks(acme, {}, page), limit)).toEqual(all);
    const target = made[2]!;
    expect(await locks.listLocks(acme, { recordId: target.id }, { limit: 10 })).toMatchObject({
      items: [{ recordId: target.id }],
      nextCursor: null,
    });
    expect(
      (await locks.listLocks(acme, { recordTypeId: target.recordTypeId }, { limit: 10 })).items,
    ).toHaveLength(1);
    expect((await locks.listLocks(globex, {}, { limit: 10 })).items).toEqual([]);
    await expect(locks.listLocks(globex, { recordId: target.id }, { limit: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      locks.listLocks(globex, { recordTypeId: target.recordTypeId }, { limit: 10 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(locks.listLocks(acme, {}, { limit: 1, cursor: 'bogus' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
    });
  });
});

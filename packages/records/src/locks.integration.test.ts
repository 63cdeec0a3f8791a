import { createTestDatabase, type TestDatabase, walkPages } from '@ec3l/db/testing';
import { createEventBus, newId, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
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

  it('pages locks created within one millisecond by their stored microseconds, each once', async () => {
    // One record type of its own, five records, locks written with explicit created_at: all in the same
    // millisecond, apart by microseconds (two share one), with ids in the opposite order of their times.
    const rt = await records.createRecordType(acme, {
      projectId: project,
      key: `same_ms_${++keys}`,
      name: 'Same millisecond',
      fields: [{ name: 'title', type: 'string' }],
    });
    await records.setLifecycle(acme, rt.id, 'activate');
    const micros = ['123100', '123200', '123200', '123300', '123999'];
    const ids = micros
      .map(() => newId())
      .sort()
      .reverse();
    const expected: string[] = [];
    for (const [i, us] of micros.entries()) {
      const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: `r${i}` } });
      await database.ownerDb
        .insertInto('record_locks')
        .values({
          tenant_id: acme.tenantId,
          id: ids[i]!,
          record_type_id: rt.id,
          record_id: record.id,
          locked_by: 'workflow',
          workflow_execution_id: newId(),
          reason: null,
          created_at: sql`${`2026-03-01T10:00:00.${us}Z`}::timestamptz`,
        })
        .execute();
    }
    // The list's order: by time, then id (the two locks at .123200 in id order).
    const [tieLow, tieHigh] = [ids[1]!, ids[2]!].sort();
    expected.push(ids[0]!, tieLow!, tieHigh!, ids[3]!, ids[4]!);

    for (const limit of [1, 2]) {
      // Walk at most twice as many pages as there are locks, counting how often each lock comes back.
      const seen = new Map<string, number>();
      const order: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 2 * micros.length; pages++) {
        const page = await locks.listLocks(
          acme,
          { recordTypeId: rt.id },
          { limit, ...(cursor ? { cursor } : {}) },
        );
        expect(page.items.length).toBeLessThanOrEqual(limit);
        for (const item of page.items) {
          seen.set(item.id, (seen.get(item.id) ?? 0) + 1);
          order.push(item.id);
        }
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(Object.fromEntries(seen), `limit ${limit}`).toEqual(
        Object.fromEntries(expected.map((id) => [id, 1])),
      );
      expect(order).toEqual(expected);
    }
  });
});

import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type DomainEvent, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlaConfig } from './config.js';
import { recordsMigrations } from './migrations/index.js';
import { createRecordsService } from './service.js';
import type { RecordsTables } from './tables.js';
import { createSlaTimers } from './timers.js';

const MINUTE = 60_000;
const N = 20;

let database: TestDatabase;
let records: ReturnType<typeof createRecordsService<RecordsTables>>;
let timers: ReturnType<typeof createSlaTimers>;
let acme: RequestContext;
let globex: RequestContext;
let project: string;
let globexProject: string;
const events: DomainEvent[] = [];
// The records' clock: each test sets it where its history happens.
let now = new Date('2026-11-30T10:00:00Z');
const clock = { now: () => now };

const sla: SlaConfig = {
  durationMinutes: 60,
  warningPercent: 50,
  pauseWhen: { field: 'status', values: ['on_hold'] },
  completeWhen: { field: 'status', values: ['resolved'] },
};

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  const bus = createEventBus();
  bus.subscribe('*', (_ctx, event) => {
    events.push(event);
  });
  timers = createSlaTimers({
    db: database.ownerDb,
    events: bus,
    clock: { now: () => new Date('2030-01-01T00:00:00Z') },
  });
  records = createRecordsService<RecordsTables>({
    db: database.ownerDb,
    requireProject: tenancy.requireProject,
    events: bus,
    clock,
    onRecordWrite: [timers.onRecordWrite],
  });
  for (const slug of ['acme', 'globex']) await tenancy.ensureTenant({ slug });
  const a = (await tenancy.resolveTenant('acme'))!;
  const g = (await tenancy.resolveTenant('globex'))!;
  acme = { ...systemContext(a.id, a.slug), isSystem: false, userId: 'alice' };
  globex = { ...systemContext(g.id, g.slug), isSystem: false, userId: 'gus' };
  project = (await tenancy.createProject(acme, { name: 'Service desk' })).id;
  globexProject = (await tenancy.createProject(globex, { name: 'Globex desk' })).id;
});
afterAll(() => database.destroy());

let keys = 0;
const ticketType = async (ctx = acme, slaConfig: SlaConfig | null = sla) => {
  const key = `ticket_${++keys}`;
  const rt = await records.createRecordType(ctx, {
    projectId: ctx === acme ? project : globexProject,
    key,
    name: `Ticket ${keys}`,
    fields: [
      { name: 'title', type: 'string' },
      { name: 'status', type: 'string' },
    ],
    ...(slaConfig ? { slaConfig } : {}),
  });
  return records.setLifecycle(ctx, rt.id, 'activate');
};

const timerRows = (recordId: string) =>
  database.ownerDb.selectFrom('record_timers').selectAll().where('record_id', '=', recordId).execute();

const eventsOf = (type: string, timerId: string) =>
  events.filter((e) => e.type === type && e.entityId === timerId);

describe('timers follow record writes', () => {
  it('starts a timer in the record’s transaction and emits record.sla.created', async () => {
    const rt = await ticketType();
    now = new Date('2026-11-30T10:00:00Z');
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    const [row, ...more] = await timerRows(record.id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ status: 'pending', tenant_id: acme.tenantId });
    expect(row?.due_at.toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(row?.warn_at?.toISOString()).toBe('2026-11-30T10:30:00.000Z');
    expect(eventsOf('record.sla.created', row!.id)).toHaveLength(1);
  });

  it('starts no timer for a type without an SLA', async () => {
    const rt = await ticketType(acme, null);
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    expect(await timerRows(record.id)).toEqual([]);
  });

  it('rolls the timer back with a record write that fails', async () => {
    const rt = await ticketType();
    const before = await database.ownerDb
      .selectFrom('record_timers')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    await sql`create function fail_record_insert() returns trigger language plpgsql as $$
      begin raise exception 'late failure'; end $$`.execute(database.ownerDb);
    await sql`create trigger fail_after_timer after insert on record_timers for each row execute function fail_record_insert()`.execute(
      database.ownerDb,
    );
    try {
      await expect(
        records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } }),
      ).rejects.toThrow(/late failure/);
    } finally {
      await sql`drop trigger fail_after_timer on record_timers`.execute(database.ownerDb);
      await sql`drop function fail_record_insert()`.execute(database.ownerDb);
    }
    const after = await database.ownerDb
      .selectFrom('record_timers')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const orphans = await database.ownerDb
      .selectFrom('record_instances')
      .select('id')
      .where('record_type_id', '=', rt.id)
      .execute();
    expect(orphans).toEqual([]);
  });

  it('pauses and resumes through record updates: a pause of 1 h moves the due time by 1 h', async () => {
    const rt = await ticketType();
    now = new Date('2026-11-30T10:00:00Z');
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    now = new Date('2026-11-30T10:20:00Z');
    await records.updateRecord(acme, record.id, { data: { status: 'on_hold' } });
    const [paused] = await timerRows(record.id);
    expect(paused).toMatchObject({ status: 'paused' });
    expect(paused?.paused_at?.toISOString()).toBe('2026-11-30T10:20:00.000Z');
    now = new Date('2026-11-30T11:20:00Z');
    await records.updateRecord(acme, record.id, { data: { status: 'open' } });
    const [resumed] = await timerRows(record.id);
    expect(resumed).toMatchObject({ status: 'pending', paused_at: null });
    expect(Number(resumed?.paused_ms)).toBe(60 * MINUTE);
    expect(resumed?.due_at.toISOString()).toBe('2026-11-30T12:00:00.000Z');
    const listed = await timers.listRecordTimers(acme, record.id);
    expect(listed).toMatchObject([
      { status: 'pending', pausedMs: 60 * MINUTE, businessElapsedMs: 20 * MINUTE },
    ]);
  });

  it('completes on the configured value and ignores later updates', async () => {
    const rt = await ticketType();
    now = new Date('2026-11-30T10:00:00Z');
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    now = new Date('2026-11-30T10:40:00Z');
    await records.updateRecord(acme, record.id, { data: { status: 'resolved' } });
    now = new Date('2026-11-30T12:00:00Z');
    await records.updateRecord(acme, record.id, { data: { status: 'open' } });
    const [row] = await timerRows(record.id);
    expect(row).toMatchObject({ status: 'completed' });
    expect(row?.completed_at?.toISOString()).toBe('2026-11-30T10:40:00.000Z');
    await timers.processDueTimers({
      now: new Date('2026-12-31T00:00:00Z'),
      tenantId: acme.tenantId,
      limit: 1000,
    });
    expect((await timerRows(record.id))[0]).toMatchObject({ status: 'completed', breached_at: null });
  });

  it('answers 404 for another tenant’s record, and the owner sees its timers', async () => {
    const rt = await ticketType();
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    expect(await timers.listRecordTimers(acme, record.id)).toHaveLength(1);
    await expect(timers.listRecordTimers(globex, record.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('processing due timers', () => {
  it('emits record.sla.warning once when the warning time passes, then record.sla.breached once', async () => {
    const rt = await ticketType();
    now = new Date('2026-11-30T10:00:00Z');
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    const [timer] = await timerRows(record.id);
    const scan = (iso: string) =>
      timers.processDueTimers({ now: new Date(iso), tenantId: acme.tenantId, limit: 1000 });
    await scan('2026-11-30T10:29:59Z');
    expect(eventsOf('record.sla.warning', timer!.id)).toEqual([]);
    await scan('2026-11-30T10:30:00Z');
    await scan('2026-11-30T10:45:00Z');
    expect(eventsOf('record.sla.warning', timer!.id)).toHaveLength(1);
    expect((await timerRows(record.id))[0]).toMatchObject({ status: 'pending' });
    await scan('2026-11-30T11:00:00Z');
    await scan('2026-11-30T12:00:00Z');
    expect(eventsOf('record.sla.breached', timer!.id)).toHaveLength(1);
    const [row] = await timerRows(record.id);
    expect(row?.status).toBe('breached');
    expect(row?.breached_at?.toISOString()).toBe('2026-11-30T11:00:00.000Z');
  });

  it('a breached timer stays breached when the record is resolved later', async () => {
    const rt = await ticketType();
    now = new Date('2026-11-30T10:00:00Z');
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    await timers.processDueTimers({
      now: new Date('2026-11-30T11:30:00Z'),
      tenantId: acme.tenantId,
      limit: 1000,
    });
    now = new Date('2026-11-30T12:00:00Z');
    await records.updateRecord(acme, record.id, { data: { status: 'resolved' } });
    const [row] = await timerRows(record.id);
    expect(row).toMatchObject({ status: 'breached' });
    expect(row?.completed_at?.toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it('a clock that ran out between scans is breached by the next scan, even after a later update', async () => {
    const rt = await ticketType();
    now = new Date('2026-11-30T10:00:00Z');
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } });
    const [timer] = await timerRows(record.id);
    // Due at 11:00; the record is put on hold at 11:30 before any scan ran: the breach stands.
    now = new Date('2026-11-30T11:30:00Z');
    await records.updateRecord(acme, record.id, { data: { status: 'on_hold' } });
    expect((await timerRows(record.id))[0]).toMatchObject({ status: 'pending' });
    await timers.processDueTimers({
      now: new Date('2026-11-30T11:31:00Z'),
      tenantId: acme.tenantId,
      limit: 1000,
    });
    expect((await timerRows(record.id))[0]).toMatchObject({ status: 'breached' });
    expect(eventsOf('record.sla.breached', timer!.id)).toHaveLength(1);
  });

  it('O3: each due timer is breached exactly once', async () => {
    const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
    await tenancy.ensureTenant({ slug: 'o3' });
    const t = (await tenancy.resolveTenant('o3'))!;
    const ctx = { ...systemContext(t.id, t.slug), isSystem: false, userId: 'olga' };
    const p = (await tenancy.createProject(ctx, { name: 'O3' })).id;
    const created = await records.createRecordType(ctx, {
      projectId: p,
      key: 'incident',
      name: 'Incident',
      fields: [{ name: 'status', type: 'string' }],
      slaConfig: sla,
    });
    const rt = await records.setLifecycle(ctx, created.id, 'activate');
    now = new Date('2026-11-30T08:00:00Z');
    const COUNT = 300;
    for (let i = 0; i < COUNT; i++)
      await records.createRecord(ctx, { recordTypeId: rt.id, data: { status: 'open' } });
    const ids = (
      await database.ownerDb.selectFrom('record_timers').select('id').where('tenant_id', '=', t.id).execute()
    ).map((r) => r.id);
    expect(ids).toHaveLength(COUNT);
    const results = await Promise.allSettled(
      Array.from({ length: N }, () =>
        timers.processDueTimers({ now: new Date('2026-11-30T12:00:00Z'), tenantId: t.id, limit: 100 }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    // Whatever the first round left (each call claims at most 100), a second round takes.
    await timers.processDueTimers({ now: new Date('2026-11-30T12:00:00Z'), tenantId: t.id, limit: COUNT });
    const answered = results.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value.breached : 0), 0);
    expect(answered).toBeGreaterThan(0);
    const rows = await database.ownerDb
      .selectFrom('record_timers')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .where('tenant_id', '=', t.id)
      .groupBy('status')
      .execute();
    expect(rows).toEqual([{ status: 'breached', n: COUNT }]);
    const breachEvents = events.filter((e) => e.type === 'record.sla.breached' && ids.includes(e.entityId));
    expect(breachEvents).toHaveLength(COUNT);
    expect(new Set(breachEvents.map((e) => e.entityId)).size).toBe(COUNT);
    const warnEvents = events.filter((e) => e.type === 'record.sla.warning' && ids.includes(e.entityId));
    expect(warnEvents).toHaveLength(COUNT);
  });

  it('isolates a timer whose processing fails: the others are breached, it stays due', async () => {
    const rt = await ticketType();
    now = new Date('2026-11-30T08:00:00Z');
    const made = [];
    for (let i = 0; i < 4; i++)
      made.push(await records.createRecord(acme, { recordTypeId: rt.id, data: { status: 'open' } }));
    const [bad] = await timerRows(made[0]!.id);
    await sql
      .raw(`create function fail_one_timer() returns trigger language plpgsql as $$
      begin if new.id = '${bad!.id}' then raise exception 'cannot breach this one'; end if; return new; end $$`)
      .execute(database.ownerDb);
    await sql`create trigger fail_one before update on record_timers for each row execute function fail_one_timer()`.execute(
      database.ownerDb,
    );
    const reported: string[] = [];
    const isolated = createSlaTimers({ db: database.ownerDb, onTimerError: (_e, t) => reported.push(t.id) });
    try {
      const result = await isolated.processDueTimers({
        now: new Date('2026-11-30T09:30:00Z'),
        tenantId: acme.tenantId,
        limit: 1000,
      });
      expect(result).toMatchObject({ failed: 1 });
      expect(result.breached).toBeGreaterThanOrEqual(3);
    } finally {
      await sql`drop trigger fail_one on record_timers`.execute(database.ownerDb);
      await sql`drop function fail_one_timer()`.execute(database.ownerDb);
    }
    expect(reported).toEqual([bad!.id]);
    const statuses = await Promise.all(made.map(async (r) => (await timerRows(r.id))[0]?.status));
    expect(statuses).toEqual(['pending', 'breached', 'breached', 'breached']);
  });

  it('processes only the caller’s tenant and refuses a clock later than the server’s', async () => {
    const rt = await ticketType(globex);
    now = new Date('2026-11-30T08:00:00Z');
    const record = await records.createRecord(globex, { recordTypeId: rt.id, data: { status: 'open' } });
    await timers.processTenantTimers(acme, { now: '2029-01-01T00:00:00Z' });
    expect((await timerRows(record.id))[0]).toMatchObject({ status: 'pending' });
    await expect(timers.processTenantTimers(globex, { now: '2031-01-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [expect.objectContaining({ path: '/now' })],
    });
    expect((await timerRows(record.id))[0]).toMatchObject({ status: 'pending' });
    expect(await timers.processTenantTimers(globex, {})).toMatchObject({ breached: 1 });
    expect((await timerRows(record.id))[0]).toMatchObject({ status: 'breached' });
  });
});

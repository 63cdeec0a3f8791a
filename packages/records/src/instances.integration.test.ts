import { inTransaction } from '@ec3l/db';
import { createTestDatabase, type TestDatabase, walkPages } from '@ec3l/db/testing';
import { createEventBus, type DomainEvent, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordWrite } from './instances.js';
import { recordsMigrations } from './migrations/index.js';
import { recordsPort } from './port.js';
import { createRecordsService, ownFieldsOf } from './service.js';
import type { RecordsTables } from './tables.js';

let database: TestDatabase;
let records: ReturnType<typeof createRecordsService<RecordsTables>>;
let acme: RequestContext;
let globex: RequestContext;
let project: string;
let listId: string;
const events: DomainEvent[] = [];
const writes: RecordWrite[] = [];
// A hook that fails the write when the record's data says so, to prove hooks run in its transaction.
const FAIL = 'hook-fails';

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  const bus = createEventBus();
  bus.subscribe('*', (_ctx, event) => {
    events.push(event);
  });
  records = createRecordsService<RecordsTables>({
    db: database.ownerDb,
    requireProject: tenancy.requireProject,
    events: bus,
    onRecordWrite: [
      async (trx, write) => {
        // The row is already written in this transaction.
        const row = await trx
          .selectFrom('record_instances')
          .select('version')
          .where('tenant_id', '=', write.ctx.tenantId)
          .where('id', '=', write.record.id)
          .executeTakeFirst();
        if (row?.version !== write.record.version) throw new Error('hook ran before the write');
        if (write.record.data.title === FAIL) throw new Error('refused by a hook');
        writes.push(write);
      },
    ],
  });
  for (const slug of ['acme', 'globex']) await tenancy.ensureTenant({ slug });
  const a = (await tenancy.resolveTenant('acme'))!;
  const g = (await tenancy.resolveTenant('globex'))!;
  acme = { ...systemContext(a.id, a.slug), isSystem: false, userId: 'alice' };
  globex = { ...systemContext(g.id, g.slug), isSystem: false, userId: 'gus' };
  project = (await tenancy.createProject(acme, { name: 'Service desk' })).id;
  listId = (
    await records.createChoiceList(acme, {
      name: 'Priorities',
      items: [{ value: 'p1' }, { value: 'p2' }, { value: 'p3' }],
    })
  ).id;
  await database.ownerDb
    .updateTable('choice_items')
    .set({ is_active: false })
    .where('choice_list_id', '=', listId)
    .where('value', '=', 'p3')
    .execute();
});
afterAll(() => database.destroy());

let keys = 0;
const activeType = async (input: Partial<Parameters<typeof records.createRecordType>[1]> = {}) => {
  const key = `type_${++keys}`;
  const rt = await records.createRecordType(acme, {
    projectId: project,
    key,
    name: `Type ${keys}`,
    fields: [
      { name: 'title', type: 'string', required: true },
      { name: 'priority', type: 'choice', choiceListId: listId, defaultValue: 'p2' },
      { name: 'estimate', type: 'number' },
      { name: 'urgent', type: 'boolean' },
    ],
    ...input,
  });
  return records.setLifecycle(acme, rt.id, 'activate');
};

const stored = (id: string) =>
  database.ownerDb.selectFrom('record_instances').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('creating records', () => {
  it('a reference to a base type takes a record of the type or of any type based on it, and no other', async () => {
    const task = await activeType();
    const incident = await activeType({ baseType: task.key, fields: [{ name: 'impact', type: 'string' }] });
    const major = await activeType({ baseType: incident.key, fields: [{ name: 'bridge', type: 'string' }] });
    const unrelated = await activeType();
    const linker = await activeType({
      fields: [{ name: 'about', type: 'reference', referenceRecordTypeKey: task.key }],
    });
    const recordOf = async (rt: { id: string }) =>
      (await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'x' } })).id;
    const link = (about: string) => records.createRecord(acme, { recordTypeId: linker.id, data: { about } });
    // Twice each: the first create reads the type, the next ones take the one-statement path.
    for (const target of [task, incident, major]) {
      const id = await recordOf(target);
      for (let i = 0; i < 2; i++) await expect(link(id)).resolves.toMatchObject({ data: { about: id } });
    }
    const stranger = await recordOf(unrelated);
    for (let i = 0; i < 2; i++) {
      await expect(link(stranger)).rejects.toMatchObject({
        code: 'RECORD_INVALID',
        details: [{ params: { field: 'about', reason: 'reference' } }],
      });
    }
  });

  it('lists every refused field in one RECORD_INVALID', async () => {
    const other = await activeType();
    const rt = await activeType({
      fields: [
        { name: 'title', type: 'string', required: true },
        { name: 'body', type: 'text' },
        { name: 'estimate', type: 'number' },
        { name: 'urgent', type: 'boolean' },
        { name: 'due', type: 'date' },
        { name: 'at', type: 'datetime' },
        { name: 'priority', type: 'choice', choiceListId: listId },
        { name: 'parent', type: 'reference', referenceRecordTypeKey: other.key },
      ],
    });
    const otherRecord = await records.createRecord(acme, { recordTypeId: other.id, data: { title: 'x' } });
    const ownRecord = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'mine' } });
    const attempt = records.createRecord(acme, {
      recordTypeId: rt.id,
      data: {
        body: 42,
        estimate: 'three',
        urgent: 'yes',
        due: '2026-02-31',
        at: '2026-01-01',
        priority: 'p3',
        parent: ownRecord.id,
        colour: 'red',
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'RECORD_INVALID' });
    const error = await attempt.catch((e: { details: { params: { field: string; reason: string } }[] }) => e);
    const reasons = Object.fromEntries(
      (error as { details: { params: { field: string; reason: string } }[] }).details.map((d) => [
        d.params.field,
        d.params.reason,
      ]),
    );
    expect(reasons).toEqual({
      colour: 'unknown',
      title: 'required',
      body: 'type',
      estimate: 'type',
      urgent: 'type',
      due: 'type',
      at: 'type',
      priority: 'choice',
      parent: 'reference',
    });
    // The same values, right, go through.
    const ok = await records.createRecord(acme, {
      recordTypeId: rt.id,
      data: {
        title: 't',
        body: 'long',
        estimate: 3,
        urgent: true,
        due: '2026-02-28',
        at: '2026-01-01T10:00:00+02:00',
        priority: 'p1',
        parent: otherRecord.id,
      },
    });
    expect(ok.data).toMatchObject({ at: '2026-01-01T08:00:00.000Z', parent: otherRecord.id, priority: 'p1' });
    expect(ok).toMatchObject({ version: 1, createdBy: 'alice' });
  });

  it('applies defaults and stores values under storage keys, not names', async () => {
    const rt = await activeType();
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'Printer' } });
    expect(record.data).toEqual({ title: 'Printer', priority: 'p2' });
    const row = await stored(record.id);
    const data = row.data as unknown as Record<string, unknown>;
    expect(Object.keys(data)).toHaveLength(2);
    expect(Object.keys(data).every((k) => k.startsWith('~'))).toBe(true);
    expect(Object.values(data).sort()).toEqual(['Printer', 'p2']);
  });

  it('needs an active record type: draft and retired ones answer RECORD_TYPE_NOT_ACTIVE', async () => {
    const draft = await records.createRecordType(acme, {
      projectId: project,
      key: 'draft_only',
      name: 'Draft only',
    });
    await expect(records.createRecord(acme, { recordTypeId: draft.id, data: {} })).rejects.toMatchObject({
      code: 'RECORD_TYPE_NOT_ACTIVE',
      details: { status: 'draft' },
    });
    const retired = await activeType();
    await records.setLifecycle(acme, retired.id, 'retire');
    await expect(
      records.createRecord(acme, { recordTypeId: retired.id, data: { title: 'x' } }),
    ).rejects.toMatchObject({ code: 'RECORD_TYPE_NOT_ACTIVE', details: { status: 'retired' } });
  });

  it('T2: another tenant sees neither the record nor the record type', async () => {
    const rt = await activeType();
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'a' } });
    await expect(records.getRecord(acme, record.id)).resolves.toMatchObject({ id: record.id });
    await expect(records.getRecord(globex, record.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      records.createRecord(globex, { recordTypeId: rt.id, data: { title: 'a' } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(records.updateRecord(globex, record.id, { data: { title: 'b' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await records.getRecord(acme, record.id)).data.title).toBe('a');
  });

  it("stores a child type's values of inherited fields under the base field's key", async () => {
    const base = await records.createRecordType(acme, {
      projectId: project,
      key: 'base_task',
      name: 'Base task',
      fields: [{ name: 'number', type: 'string' }],
    });
    const child = await records.createRecordType(acme, {
      projectId: project,
      key: 'child_incident',
      name: 'Child incident',
      baseType: 'base_task',
      fields: [{ name: 'severity', type: 'number' }],
    });
    await records.setLifecycle(acme, child.id, 'activate');
    const record = await records.createRecord(acme, {
      recordTypeId: child.id,
      data: { number: 'INC1', severity: 2 },
    });
    expect(record.data).toEqual({ number: 'INC1', severity: 2 });
    const [baseRow] = await database.ownerDb
      .selectFrom('record_types')
      .select('schema')
      .where('id', '=', base.id)
      .execute();
    const baseKey = (baseRow!.schema as unknown as { fields: { storageKey: string }[] }).fields[0]!
      .storageKey;
    expect((await stored(record.id)).data).toMatchObject({ [baseKey]: 'INC1' });
  });
});

describe('hooks and events', () => {
  it('runs the hooks in the write transaction and emits after the commit', async () => {
    const rt = await activeType({ assignmentConfig: { type: 'static_group', value: 'desk' } });
    writes.length = 0;
    events.length = 0;
    const record = await records.createRecord(acme, {
      recordTypeId: rt.id,
      data: { title: 'a', estimate: 1 },
    });
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({
      event: 'record.created',
      previous: null,
      changedFields: ['title', 'priority', 'estimate'],
      recordType: { id: rt.id, key: rt.key, projectId: project, slaConfig: null },
      workflowExecutionId: null,
    });
    expect(record).toMatchObject({ assignedGroup: 'desk', assignedTo: null });
    expect(events.map((e) => e.type)).toEqual(['record.created', 'record.assigned']);
    // A failing hook rolls the write back, and nothing is announced.
    events.length = 0;
    await expect(records.createRecord(acme, { recordTypeId: rt.id, data: { title: FAIL } })).rejects.toThrow(
      'refused by a hook',
    );
    const count = await database.ownerDb
      .selectFrom('record_instances')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('record_type_id', '=', rt.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    expect(events).toEqual([]);
  });
});

describe('updating records', () => {
  it('merges data, clears with null, bumps the version and names the changed fields', async () => {
    const rt = await activeType();
    const record = await records.createRecord(acme, {
      recordTypeId: rt.id,
      data: { title: 'a', estimate: 3, urgent: false },
    });
    writes.length = 0;
    const updated = await records.updateRecord(acme, record.id, {
      data: { estimate: null, urgent: true },
      version: 1,
    });
    expect(updated).toMatchObject({ version: 2, data: { title: 'a', priority: 'p2', urgent: true } });
    expect(updated.data).not.toHaveProperty('estimate');
    expect(writes[0]).toMatchObject({
      event: 'record.updated',
      changedFields: ['estimate', 'urgent'],
      previous: { version: 1, data: { estimate: 3, urgent: false } },
    });
  });

  it('refuses a stale version, a cleared required field and bad values, writing nothing', async () => {
    const rt = await activeType();
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'a' } });
    await records.updateRecord(acme, record.id, { data: { title: 'b' } });
    await expect(
      records.updateRecord(acme, record.id, { data: { title: 'c' }, version: 1 }),
    ).rejects.toMatchObject({
      code: 'RECORD_VERSION_CONFLICT',
      details: { expected: 1, actual: 2 },
    });
    const attempt = records.updateRecord(acme, record.id, { data: { title: null, estimate: 'x', nope: 1 } });
    await expect(attempt).rejects.toMatchObject({
      code: 'RECORD_INVALID',
      details: [
        { path: '/data/nope', params: { reason: 'unknown' } },
        { path: '/data/title', params: { reason: 'required' } },
        { path: '/data/estimate', params: { reason: 'type' } },
      ],
    });
    expect(await records.getRecord(acme, record.id)).toMatchObject({ version: 2, data: { title: 'b' } });
  });

  it('leaves an update that changes nothing at its version, unannounced', async () => {
    const rt = await activeType();
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'a' } });
    events.length = 0;
    const same = await records.updateRecord(acme, record.id, { data: { title: 'a' }, version: 1 });
    expect(same.version).toBe(1);
    expect(events).toEqual([]);
  });

  it('reassigns on update when the config says so and the field changed', async () => {
    const rt = await activeType({
      assignmentConfig: {
        type: 'field_match',
        field: 'priority',
        rules: [{ equals: 'p1', assignTo: { type: 'group', value: 'major' } }],
        default: { type: 'user', value: 'triage' },
        reassignOnUpdate: true,
      },
    });
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'a' } });
    expect(record).toMatchObject({ assignedTo: 'triage', assignedGroup: null });
    events.length = 0;
    const updated = await records.updateRecord(acme, record.id, { data: { priority: 'p1' } });
    expect(updated).toMatchObject({ assignedTo: null, assignedGroup: 'major' });
    expect(events.map((e) => e.type)).toEqual(['record.updated', 'record.assigned']);
    events.length = 0;
    await records.updateRecord(acme, record.id, { data: { title: 'b' } });
    expect(events.map((e) => e.type)).toEqual(['record.updated']);
  });
});

describe('the record instances port', () => {
  it("updates and assigns inside the caller's transaction through the same path", async () => {
    const rt = await activeType();
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'a' } });
    writes.length = 0;
    events.length = 0;
    await expect(
      inTransaction(database.ownerDb, async (trx) => {
        const port = records.recordInstancesPort(trx, acme);
        await expect(port.getRecord(record.id)).resolves.toMatchObject({ version: 1 });
        await port.updateRecord(record.id, { estimate: 5 }, { workflowExecutionId: 'exec-1' });
        await expect(
          port.updateRecord(record.id, { estimate: 'five' }, { workflowExecutionId: 'exec-1' }),
        ).rejects.toMatchObject({ code: 'RECORD_INVALID' });
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    // The caller's transaction rolled back: so did the port's write inside it.
    expect(await records.getRecord(acme, record.id)).toMatchObject({ version: 1 });
    // ... and a rolled-back write is never announced.
    expect(events).toEqual([]);
    await inTransaction(database.ownerDb, async (trx) => {
      const port = records.recordInstancesPort(trx, acme);
      await port.updateRecord(record.id, { estimate: 5 }, { workflowExecutionId: 'exec-2' });
      await port.assignRecord(record.id, { assignedTo: 'bob' }, { workflowExecutionId: 'exec-2' });
      // Told at the caller's commit, not before.
      expect(events).toEqual([]);
    });
    expect(events.map((e) => e.type)).toEqual(['record.updated', 'record.updated', 'record.assigned']);
    expect(await records.getRecord(acme, record.id)).toMatchObject({
      version: 3,
      assignedTo: 'bob',
      data: { estimate: 5 },
    });
    expect(writes.map((w) => [w.workflowExecutionId, w.changedFields])).toEqual([
      ['exec-1', ['estimate']],
      ['exec-2', ['estimate']],
      ['exec-2', []],
    ]);
    await expect(
      records.recordInstancesPort(database.ownerDb as never, globex).getRecord(record.id),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('assignment by rule through the port', () => {
  it("assigns by the type's configuration on the record's current data, and refuses without one", async () => {
    const rt = await activeType({
      assignmentConfig: {
        type: 'field_match',
        field: 'priority',
        rules: [{ equals: 'p1', assignTo: { type: 'group', value: 'major' } }],
      },
    });
    const record = await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'a' } });
    // p2 (the default value) matches no rule and there is no default: unassigned.
    expect(record).toMatchObject({ assignedTo: null, assignedGroup: null });
    await database.ownerDb.transaction().execute(async (trx) => {
      const port = records.recordInstancesPort(trx, acme);
      await expect(
        port.assignRecordByRule(record.id, { workflowExecutionId: 'exec-r' }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      // Assigning sets someone else by hand; by rule, after the data changed, the rule decides again.
      await port.assignRecord(record.id, { assignedTo: 'bob' }, { workflowExecutionId: 'exec-r' });
      await port.updateRecord(record.id, { priority: 'p1' }, { workflowExecutionId: 'exec-r' });
      await expect(
        port.assignRecordByRule(record.id, { workflowExecutionId: 'exec-r' }),
      ).resolves.toMatchObject({
        assignedTo: null,
        assignedGroup: 'major',
      });
    });
    expect(await records.getRecord(acme, record.id)).toMatchObject({
      assignedTo: null,
      assignedGroup: 'major',
    });

    const plain = await activeType();
    const other = await records.createRecord(acme, { recordTypeId: plain.id, data: { title: 'b' } });
    await expect(
      database.ownerDb
        .transaction()
        .execute((trx) =>
          records.recordInstancesPort(trx, acme).assignRecordByRule(other.id, { workflowExecutionId: null }),
        ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('no assignment configuration'),
    });
  });
});

describe('listing records', () => {
  it('walks pages at limit 1, 2 and 3 equal to the unpaged list, in every order, with filters', async () => {
    const rt = await activeType();
    for (const [i, p] of ['p1', 'p2', 'p1', 'p2', 'p1', 'p2', 'p1'].entries()) {
      await records.createRecord(acme, {
        recordTypeId: rt.id,
        data: { title: `r${i % 3}`, priority: p, ...(i % 2 === 0 ? { estimate: 10 - i } : {}) },
      });
    }
    for (const sort of ['createdAt', '-createdAt', 'updatedAt', 'title', '-title', 'estimate', '-estimate']) {
      for (const filter of [[], ['priority:p1'], ['priority:p1', 'title:r0']]) {
        const all = (await records.listRecords(acme, { recordTypeId: rt.id, sort, filter, limit: 200 }))
          .items;
        expect(all.length).toBeGreaterThan(0);
        for (const limit of [1, 2, 3]) {
          const walked = await walkPages(
            (page) => records.listRecords(acme, { recordTypeId: rt.id, sort, filter, ...page }),
            limit,
          );
          expect(walked.map((r) => r.id)).toEqual(all.map((r) => r.id));
        }
      }
    }
    const p1 = (await records.listRecords(acme, { recordTypeId: rt.id, filter: ['priority:p1'], limit: 200 }))
      .items;
    expect(p1.map((r) => r.data.priority)).toEqual(['p1', 'p1', 'p1', 'p1']);
    const byEstimate = (
      await records.listRecords(acme, { recordTypeId: rt.id, sort: '-estimate', limit: 200 })
    ).items;
    expect(byEstimate.map((r) => r.data.estimate ?? null)).toEqual([10, 8, 6, 4, null, null, null]);
    const numeric = (
      await records.listRecords(acme, { recordTypeId: rt.id, filter: ['estimate:8'], limit: 200 })
    ).items;
    expect(numeric.map((r) => r.data.estimate)).toEqual([8]);
  });

  it('refuses forged cursors, unknown sorts and filters with 400', async () => {
    const rt = await activeType();
    const list = (q: Partial<Parameters<typeof records.listRecords>[1]>) =>
      records.listRecords(acme, { recordTypeId: rt.id, limit: 10, ...q });
    for (const cursor of [
      'x',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('["nope","00000000-0000-0000-0000-000000000000"]').toString('base64url'),
    ]) {
      await expect(list({ cursor })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    }
    await expect(list({ sort: 'colour' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(list({ filter: ['colour:red'] })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(list({ filter: ['estimate:many'] })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(list({ filter: ['title'] })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    await expect(records.listRecords(globex, { recordTypeId: rt.id, limit: 10 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('schemas cached by one process', () => {
  it('are never applied once another process changed the record type', async () => {
    const other = createRecordsService<RecordsTables>({
      db: database.ownerDb,
      requireProject: async () => {},
    });
    const rt = await activeType();
    const first = await records.createRecord(acme, {
      recordTypeId: rt.id,
      data: { title: 'a', estimate: 1 },
    });
    // Another process renames a field (as a merged change does) …
    const [row] = await database.ownerDb
      .selectFrom('record_types')
      .selectAll()
      .where('id', '=', rt.id)
      .execute();
    const fields = ownFieldsOf(row as Parameters<typeof ownFieldsOf>[0]).map((f) =>
      f.name === 'estimate' ? { ...f, name: 'effort' } : f,
    );
    await database.ownerDb
      .transaction()
      .execute((trx) => recordsPort(trx, acme.tenantId).writeSchemas([{ id: rt.id, fields }], new Date()));
    // … this one reads and writes by the new name at once.
    expect((await records.getRecord(acme, first.id)).data).toMatchObject({ effort: 1 });
    await expect(
      records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'b', estimate: 2 } }),
    ).rejects.toMatchObject({ code: 'RECORD_INVALID', details: [{ path: '/data/estimate' }] });
    await expect(
      records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'b', effort: 2 } }),
    ).resolves.toMatchObject({ data: { effort: 2 } });
    // Another process retires the type: this one takes no more records of it.
    await other.setLifecycle(acme, rt.id, 'retire');
    await expect(
      records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'c' } }),
    ).rejects.toMatchObject({ code: 'RECORD_TYPE_NOT_ACTIVE' });
  });

  it('are never applied once a choice item was deactivated or a referenced record is missing', async () => {
    const rt = await activeType();
    await records.createRecord(acme, { recordTypeId: rt.id, data: { title: 'a', priority: 'p1' } });
    const list = await records.createChoiceList(acme, {
      name: `Levels ${++keys}`,
      items: [{ value: 'low' }],
    });
    const levelled = await activeType({
      fields: [
        { name: 'title', type: 'string' },
        { name: 'level', type: 'choice', choiceListId: list.id },
        { name: 'parent', type: 'reference', referenceRecordTypeKey: rt.key },
      ],
    });
    await records.createRecord(acme, { recordTypeId: levelled.id, data: { level: 'low' } });
    await database.ownerDb
      .updateTable('choice_items')
      .set({ is_active: false })
      .where('choice_list_id', '=', list.id)
      .execute();
    await expect(
      records.createRecord(acme, { recordTypeId: levelled.id, data: { level: 'low' } }),
    ).rejects.toMatchObject({ code: 'RECORD_INVALID', details: [{ params: { reason: 'choice' } }] });
    await expect(
      records.createRecord(acme, {
        recordTypeId: levelled.id,
        data: { parent: '00000000-0000-4000-8000-000000000000' },
      }),
    ).rejects.toMatchObject({ code: 'RECORD_INVALID', details: [{ params: { reason: 'reference' } }] });
  });
});

describe('filtered lists over many records', () => {
  it('give the same pages whether the value is common, rare or absent', async () => {
    const rt = await activeType();
    const [row] = await database.ownerDb
      .selectFrom('record_types')
      .selectAll()
      .where('id', '=', rt.id)
      .execute();
    const key = Object.fromEntries(
      ownFieldsOf(row as Parameters<typeof ownFieldsOf>[0]).map((f) => [f.name, f.storageKey]),
    );
    // 3,000 records with microsecond timestamps (as SQL writes them): priority p2 on every third,
    // estimate 7 on five of them, far apart.
    await sql`
      insert into record_instances (tenant_id, id, record_type_id, data, created_at, updated_at)
      select ${acme.tenantId}, gen_random_uuid(), ${rt.id},
             jsonb_build_object(${key.title}::text, 'r' || n, ${key.priority}::text, 'p' || (1 + n % 3),
                                ${key.estimate}::text, case when n % 600 = 0 then 7 else 1000 + n end),
             now() - n * interval '1 second', now() - n * interval '1 second'
      from generate_series(1, 3000) n`.execute(database.ownerDb);
    const all = (await records.listRecords(acme, { recordTypeId: rt.id, sort: '-createdAt', limit: 200 }))
      .items;
    expect(all).toHaveLength(200);
    for (const [filter, expected] of [
      ['', 3000],
      ['priority:p2', 1000],
      ['estimate:7', 5],
      ['estimate:-1', 0],
    ] as const) {
      for (const sort of ['createdAt', '-createdAt']) {
        const walked = await walkPages(
          (page) =>
            records.listRecords(acme, { recordTypeId: rt.id, filter: filter ? [filter] : [], sort, ...page }),
          50,
          100,
        );
        expect(walked, `${filter} ${sort}`).toHaveLength(expected);
        const [name, value] = filter.split(':') as [string, string];
        if (filter) expect(walked.every((r) => String(r.data[name]) === value)).toBe(true);
        const times = walked.map((r) => r.createdAt);
        expect(times).toEqual(
          [...times].sort((a, b) => (sort === 'createdAt' ? a.localeCompare(b) : b.localeCompare(a))),
        );
        expect(new Set(walked.map((r) => r.id)).size).toBe(expected);
      }
    }
  });
});

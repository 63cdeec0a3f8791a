import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type RequestContext } from '@ec3l/kernel';
import { createRecordsService, recordsMigrations } from '@ec3l/records';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeEngineMigrations } from './migrations/index.js';
import { createChangeService } from './service.js';

// Many requests truly in flight on a pool of several connections. Every effect persists or is refused:
// counts are read back from the database, never taken from the answers alone.
const N = 20;
const TRIALS = 5;

let database: TestDatabase;
let changes: ReturnType<typeof createChangeService>;
let records: ReturnType<typeof createRecordsService>;
let acme: RequestContext;
let project: string;
let n = 0;

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations, changeEngineMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  records = createRecordsService({ db: database.ownerDb, requireProject: tenancy.requireProject });
  changes = createChangeService({
    db: database.ownerDb,
    events: createEventBus(),
    requireProject: tenancy.requireProject,
    projectParts: async () => ({ moduleIds: [], environmentIds: [] }),
  });
  await tenancy.ensureTenant({ slug: 'acme' });
  const t = (await tenancy.resolveTenant('acme'))!;
  acme = { tenantId: t.id, tenantSlug: 'acme', userId: 'alice', agentId: null };
  project = (await tenancy.createProject(acme, { name: 'Concurrency' })).id;
});
afterAll(() => database.destroy());

const recordType = async (status: 'draft' | 'active') => {
  const key = `type_${++n}`;
  const rt = await records.createRecordType(acme, {
    projectId: project,
    key,
    name: `Type ${n}`,
    fields: [{ name: 'existing', type: 'string' }],
  });
  if (status === 'active') await records.setLifecycle(acme, rt.id, 'activate');
  return { id: rt.id, key };
};

const draftChange = async (key: string) => {
  const change = await changes.createChange(acme, { projectId: project, title: `Change ${++n}` });
  const target = await changes.addTarget(acme, change.id, {
    type: 'record_type',
    selector: { recordTypeKey: key },
  });
  return { id: change.id, targetId: target.id };
};

const addField = (changeId: string, targetId: string, name: string) =>
  changes.addOp(acme, changeId, {
    targetId,
    opType: 'add_field',
    payload: { field: { name, type: 'string' } },
  });

const stored = async (recordTypeId: string) => {
  const row = await database.ownerDb
    .selectFrom('record_types')
    .select(['schema', 'version'])
    .where('tenant_id', '=', acme.tenantId)
    .where('id', '=', recordTypeId)
    .executeTakeFirstOrThrow();
  const definitions = await database.ownerDb
    .selectFrom('field_definitions')
    .select('name')
    .where('tenant_id', '=', acme.tenantId)
    .where('record_type_id', '=', recordTypeId)
    .orderBy('order_index')
    .execute();
  return {
    fields: (row.schema as { fields: { name: string }[] }).fields.map((f) => f.name),
    definitions: definitions.map((d) => d.name),
    version: row.version,
  };
};

const opsOf = (changeId: string) =>
  database.ownerDb
    .selectFrom('change_patch_ops')
    .select(['id', 'op_type', 'executed_at'])
    .where('tenant_id', '=', acme.tenantId)
    .where('change_id', '=', changeId)
    .execute();

const statusOf = async (changeId: string) =>
  (
    await database.ownerDb
      .selectFrom('change_records')
      .select('status')
      .where('tenant_id', '=', acme.tenantId)
      .where('id', '=', changeId)
      .executeTakeFirstOrThrow()
  ).status;

const rejected = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);

describe('schema writes of one record type', () => {
  it(`keeps a merged field and ${N} fields added directly at the same time (${TRIALS} trials)`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const rt = await recordType('draft');
      const change = await draftChange(rt.key);
      await addField(change.id, change.targetId, 'merged');
      expect((await changes.checkin(acme, change.id)).status).toBe('Ready');
      const [merge, ...adds] = await Promise.allSettled([
        changes.merge(acme, change.id),
        ...Array.from({ length: N }, (_, i) =>
          records.addField(acme, rt.id, { name: `direct_${i}`, type: 'string' }),
        ),
      ]);
      expect(merge!.status).toBe('fulfilled');
      expect(rejected(adds)).toEqual([]);
      const after = await stored(rt.id);
      expect([...after.fields].sort()).toEqual(
        ['existing', 'merged', ...Array.from({ length: N }, (_, i) => `direct_${i}`)].sort(),
      );
      expect(after.definitions).toEqual(after.fields);
      expect(after.version).toBe(1 + N + 1);
      // Schema and op stamps agree: the op is stamped and its field is in the schema.
      expect((await opsOf(change.id)).map((o) => o.executed_at !== null)).toEqual([true]);
    }
  });

  it(`merges of ${N} changes adding distinct fields to one record type at once all land`, async () => {
    const rt = await recordType('active');
    const ready = [];
    for (let i = 0; i < N; i++) {
      const change = await draftChange(rt.key);
      await addField(change.id, change.targetId, `from_change_${i}`);
      expect((await changes.checkin(acme, change.id)).status).toBe('Ready');
      ready.push(change.id);
    }
    const results = await Promise.allSettled(ready.map((id) => changes.merge(acme, id)));
    expect(rejected(results)).toEqual([]);
    const after = await stored(rt.id);
    expect(after.fields).toHaveLength(1 + N);
    expect(after.definitions).toEqual(after.fields);
    expect(after.version).toBe(1 + N);
  });
});

describe('a change being checked in', () => {
  it(`takes no op that fails validation while it becomes Ready (${TRIALS} trials of ${N} adds beside a checkin)`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const rt = await recordType('active');
      const change = await draftChange(rt.key);
      await addField(change.id, change.targetId, 'valid');
      // Each of these fails validation: it removes a field the record type does not have.
      const [checkin, ...adds] = await Promise.allSettled([
        changes.checkin(acme, change.id),
        ...Array.from({ length: N }, (_, i) =>
          changes.addOp(acme, change.id, {
            targetId: change.targetId,
            opType: 'remove_field',
            payload: { fieldName: `missing_${i}` },
          }),
        ),
      ]);
      expect(checkin!.status).toBe('fulfilled');
      for (const reason of rejected(adds)) expect(reason).toMatchObject({ code: 'CONFLICT' });
      const ops = await opsOf(change.id);
      const removals = ops.filter((o) => o.op_type === 'remove_field').length;
      expect(removals).toBe(adds.filter((r) => r.status === 'fulfilled').length);
      // Ready only if every op present was validated; otherwise the bad ops made it fail.
      expect(await statusOf(change.id)).toBe(removals === 0 ? 'Ready' : 'ValidationFailed');
    }
  });

  it(`merges exactly the ops present at checkin: ${N} adds beside checkin and merge`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const rt = await recordType('active');
      const change = await draftChange(rt.key);
      await addField(change.id, change.targetId, 'first');
      const checkedIn = changes.checkin(acme, change.id);
      const adds = Array.from({ length: N }, (_, i) => addField(change.id, change.targetId, `late_${i}`));
      const merged = checkedIn.then(() => changes.merge(acme, change.id));
      const results = await Promise.allSettled([checkedIn, merged, ...adds]);
      expect(results[0]!.status).toBe('fulfilled');
      expect(results[1]!.status).toBe('fulfilled');
      for (const reason of rejected(results.slice(2))) expect(reason).toMatchObject({ code: 'CONFLICT' });
      const ops = await opsOf(change.id);
      // Every op of a merged change was executed, and every executed op's field is in the schema.
      expect(ops.filter((o) => o.executed_at === null)).toEqual([]);
      expect((await stored(rt.id)).fields).toHaveLength(1 + ops.length);
      expect(await statusOf(change.id)).toBe('Merged');
    }
  });

  it(`keeps ops and targets of a Ready change: deletes and adds beside a checkin land first or get 409`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const rt = await recordType('active');
      const change = await draftChange(rt.key);
      const ops = [];
      for (let i = 0; i < N / 2; i++) ops.push(await addField(change.id, change.targetId, `kept_${i}`));
      const [checkin, ...writes] = await Promise.allSettled([
        changes.checkin(acme, change.id),
        ...ops.map((op) => changes.deleteOp(acme, change.id, op.id)),
        changes.addTarget(acme, change.id, { type: 'file', selector: { path: 'README.md' } }),
      ]);
      expect(checkin!.status).toBe('fulfilled');
      for (const reason of rejected(writes)) expect(reason).toMatchObject({ code: 'CONFLICT' });
      const left = await opsOf(change.id);
      expect(left).toHaveLength(
        ops.length - writes.slice(0, -1).filter((w) => w.status === 'fulfilled').length,
      );
      // A change checked in with no ops left fails validation (NO_OPS); with ops it is Ready.
      expect(await statusOf(change.id)).toBe(left.length === 0 ? 'ValidationFailed' : 'Ready');
    }
  });
});

describe('one change, many executors', () => {
  it(`of ${N} concurrent checkins one wins, the rest 409`, async () => {
    const rt = await recordType('active');
    const change = await draftChange(rt.key);
    await addField(change.id, change.targetId, 'once');
    const results = await Promise.allSettled(
      Array.from({ length: N }, () => changes.checkin(acme, change.id)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected(results).map((r) => r.code)).toEqual(Array(N - 1).fill('CONFLICT'));
    const moves = await database.ownerDb
      .selectFrom('change_events')
      .select('payload')
      .where('tenant_id', '=', acme.tenantId)
      .where('change_id', '=', change.id)
      .where('event_type', '=', 'change_status_changed')
      .execute();
    expect(moves.filter((m) => (m.payload as { to: string }).to === 'Ready')).toHaveLength(1);
  });

  it(`of ${N} concurrent merges one wins, the rest 409; one snapshot and one schema version`, async () => {
    const rt = await recordType('active');
    const change = await draftChange(rt.key);
    await addField(change.id, change.targetId, 'once');
    await changes.checkin(acme, change.id);
    const results = await Promise.allSettled(Array.from({ length: N }, () => changes.merge(acme, change.id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected(results).map((r) => r.code)).toEqual(Array(N - 1).fill('CONFLICT'));
    const snapshots = await database.ownerDb
      .selectFrom('record_type_snapshots')
      .select('id')
      .where('tenant_id', '=', acme.tenantId)
      .where('change_id', '=', change.id)
      .execute();
    expect(snapshots).toHaveLength(1);
    expect(await stored(rt.id)).toMatchObject({ fields: ['existing', 'once'], version: 2 });
  });

  it(`of ${N} concurrent reverts of one merged change one creates the revert, the rest 409`, async () => {
    const rt = await recordType('active');
    const change = await draftChange(rt.key);
    await addField(change.id, change.targetId, 'undone');
    await changes.checkin(acme, change.id);
    await changes.merge(acme, change.id);
    const results = await Promise.allSettled(
      Array.from({ length: N }, () => changes.revert(acme, change.id)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected(results).map((r) => r.code)).toEqual(Array(N - 1).fill('CONFLICT'));
    const reverts = await database.ownerDb
      .selectFrom('change_records')
      .select('id')
      .where('tenant_id', '=', acme.tenantId)
      .where('reverts_change_id', '=', change.id)
      .execute();
    expect(reverts).toHaveLength(1);
  });

  it(`checkin, status moves and merge racing on one change: the history is one legal path`, async () => {
    const rt = await recordType('active');
    const change = await draftChange(rt.key);
    await addField(change.id, change.targetId, 'raced');
    await changes.checkin(acme, change.id);
    const results = await Promise.allSettled([
      ...Array.from({ length: N / 2 }, () => changes.merge(acme, change.id)),
      ...Array.from({ length: N / 2 }, () => changes.setStatus(acme, change.id, 'Implementing')),
    ]);
    for (const reason of rejected(results)) expect(reason).toMatchObject({ code: 'CONFLICT' });
    const status = await statusOf(change.id);
    const merged = results.slice(0, N / 2).filter((r) => r.status === 'fulfilled').length;
    const reopened = results.slice(N / 2).filter((r) => r.status === 'fulfilled').length;
    expect(merged).toBeLessThanOrEqual(1);
    expect(reopened).toBeLessThanOrEqual(1);
    // Either merged first (and nothing reopened it), or reopened first (and nothing merged it).
    expect(merged + reopened).toBe(1);
    expect(status).toBe(merged === 1 ? 'Merged' : 'Implementing');
    const ops = await opsOf(change.id);
    expect(ops.every((o) => (o.executed_at !== null) === (merged === 1))).toBe(true);
  });
});

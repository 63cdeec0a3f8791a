import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMigrations } from './migrations/index.js';
import { createRecordsService } from './service.js';

// Many requests truly in flight on a pool of several connections: each write of a record type's schema
// or status must either persist or be refused, never be lost.
const N = 20;

let database: TestDatabase;
let records: ReturnType<typeof createRecordsService>;
let acme: RequestContext;
let project: string;

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  records = createRecordsService({ db: database.ownerDb, requireProject: tenancy.requireProject });
  await tenancy.ensureTenant({ slug: 'acme' });
  const a = (await tenancy.resolveTenant('acme'))!;
  acme = systemContext(a.id, a.slug);
  project = (await tenancy.createProject(acme, { name: 'Concurrency' })).id;
});
afterAll(() => database.destroy());

const fieldRows = (recordTypeId: string) =>
  database.ownerDb
    .selectFrom('field_definitions')
    .select(['name', 'order_index'])
    .where('tenant_id', '=', acme.tenantId)
    .where('record_type_id', '=', recordTypeId)
    .orderBy('order_index')
    .execute();

const storedSchema = async (recordTypeId: string) =>
  (await database.ownerDb
    .selectFrom('record_types')
    .select(['schema', 'version', 'status'])
    .where('tenant_id', '=', acme.tenantId)
    .where('id', '=', recordTypeId)
    .executeTakeFirstOrThrow()) as {
    schema: { fields: { name: string }[] };
    version: number;
    status: string;
  };

describe('concurrent writes of one record type', () => {
  it(`keeps every one of ${N} distinct fields added at once`, async () => {
    const rt = await records.createRecordType(acme, { projectId: project, key: 'ticket', name: 'Ticket' });
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) => records.addField(acme, rt.id, { name: `f${i}`, type: 'string' })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const names = Array.from({ length: N }, (_, i) => `f${i}`).sort();
    const stored = await storedSchema(rt.id);
    expect(stored.schema.fields.map((f) => f.name).sort()).toEqual(names);
    expect(stored.version).toBe(1 + N);
    const rows = await fieldRows(rt.id);
    expect(rows.map((r) => r.name).sort()).toEqual(names);
    // field_definitions mirrors the schema's order exactly.
    expect(rows.map((r) => r.name)).toEqual(stored.schema.fields.map((f) => f.name));
  });

  it(`answers exactly one of ${N} adds of the same name, the rest 409 DUPLICATE_FIELD`, async () => {
    const rt = await records.createRecordType(acme, { projectId: project, key: 'problem', name: 'Problem' });
    const results = await Promise.allSettled(
      Array.from({ length: N }, () => records.addField(acme, rt.id, { name: 'impact', type: 'number' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(N - 1);
    for (const r of refused)
      expect(r.reason).toMatchObject({ code: 'FIELD_EXISTS', details: { field: 'impact' } });
    expect((await fieldRows(rt.id)).map((r) => r.name)).toEqual(['impact']);
    expect((await storedSchema(rt.id)).schema.fields.map((f) => f.name)).toEqual(['impact']);
  });

  it('refuses a field on a base type that a type inheriting from it, added at the same time, already has', async () => {
    const base = await records.createRecordType(acme, { projectId: project, key: 'asset', name: 'Asset' });
    const results = await Promise.allSettled([
      ...Array.from({ length: N / 2 }, (_, i) =>
        records.createRecordType(acme, {
          projectId: project,
          key: `asset_${i}`,
          name: `Asset ${i}`,
          baseType: 'asset',
          fields: [{ name: 'serial', type: 'string' }],
        }),
      ),
      records.addField(acme, base.id, { name: 'serial', type: 'string' }),
    ]);
    const baseFields = (await storedSchema(base.id)).schema.fields.map((f) => f.name);
    const children = await database.ownerDb
      .selectFrom('record_types')
      .select(['key', 'schema'])
      .where('tenant_id', '=', acme.tenantId)
      .where('base_type', '=', 'asset')
      .execute();
    // Along every chain the name is defined once: either on the base, or on the children created first.
    if (baseFields.includes('serial')) {
      expect(children).toEqual([]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    } else {
      expect(children.length).toBeGreaterThan(0);
      expect(results.at(-1)).toMatchObject({
        status: 'rejected',
        reason: { code: 'FIELD_EXISTS' },
      });
    }
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(
      children.length + (baseFields.includes('serial') ? 1 : 0),
    );
  });

  it(`moves a record type through its lifecycle once when ${N} activations race`, async () => {
    const rt = await records.createRecordType(acme, { projectId: project, key: 'change_task', name: 'CT' });
    const results = await Promise.allSettled(
      Array.from({ length: N }, () => records.setLifecycle(acme, rt.id, 'activate')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
    ).toEqual(Array(N - 1).fill('CONFLICT'));
    expect((await storedSchema(rt.id)).status).toBe('active');
  });

  it('never adds a field to a record type activated at the same time: each add lands before or is refused', async () => {
    const rt = await records.createRecordType(acme, { projectId: project, key: 'request', name: 'Request' });
    const adds = Array.from({ length: N }, (_, i) =>
      records.addField(acme, rt.id, { name: `r${i}`, type: 'text' }),
    );
    const [activation, ...results] = await Promise.allSettled([
      records.setLifecycle(acme, rt.id, 'activate'),
      ...adds,
    ]);
    expect(activation!.status).toBe('fulfilled');
    const kept = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ code: 'CONFLICT', details: { status: 'active' } });
    const stored = await storedSchema(rt.id);
    expect(stored.schema.fields).toHaveLength(kept);
    expect(await fieldRows(rt.id)).toHaveLength(kept);
  });
});

describe('concurrent additions to one choice list', () => {
  it(`gives each of ${N} items added at once its own position`, async () => {
    const list = await records.createChoiceList(acme, { name: 'Priorities' });
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) => records.addChoiceItem(acme, list.id, { value: `p${i}` })),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await database.ownerDb
      .selectFrom('choice_items')
      .select(['value', 'order_index'])
      .where('tenant_id', '=', acme.tenantId)
      .where('choice_list_id', '=', list.id)
      .orderBy('order_index')
      .execute();
    expect(rows).toHaveLength(N);
    expect(rows.map((r) => r.order_index)).toEqual(Array.from({ length: N }, (_, i) => i));
  });

  it(`keeps exactly one of ${N} items with the same value, the rest 409`, async () => {
    const list = await records.createChoiceList(acme, { name: 'Impacts' });
    const results = await Promise.allSettled(
      Array.from({ length: N }, () => records.addChoiceItem(acme, list.id, { value: 'high' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ code: 'CONFLICT', details: { field: 'value' } });
    const rows = await database.ownerDb
      .selectFrom('choice_items')
      .select('value')
      .where('tenant_id', '=', acme.tenantId)
      .where('choice_list_id', '=', list.id)
      .execute();
    expect(rows).toEqual([{ value: 'high' }]);
  });

  it(`of ${N} configuration edits racing an activation, each lands before it or is refused after it (409)`, async () => {
    const rt = await records.createRecordType(acme, {
      projectId: project,
      key: 'routed',
      name: 'Routed',
      fields: [{ name: 'state', type: 'string' }],
    });
    const edits = Array.from({ length: N }, (_, i) =>
      records.updateConfig(acme, rt.id, { slaConfig: { durationMinutes: i + 1 } }),
    );
    const results = await Promise.allSettled([
      ...edits.slice(0, N / 2),
      records.setLifecycle(acme, rt.id, 'activate'),
      ...edits.slice(N / 2),
    ]);
    const activation = results[N / 2]!;
    expect(activation.status).toBe('fulfilled');
    const editResults = results.filter((_, i) => i !== N / 2);
    const landed = editResults.filter((r) => r.status === 'fulfilled').length;
    const refused = editResults.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const r of refused)
      expect(r.reason).toMatchObject({ code: 'CONFLICT', details: { status: 'active' } });
    expect(landed + refused.length).toBe(N);
    const stored = await database.ownerDb
      .selectFrom('record_types')
      .select(['version', 'status', 'sla_config'])
      .where('tenant_id', '=', acme.tenantId)
      .where('id', '=', rt.id)
      .executeTakeFirstOrThrow();
    // Every edit that answered 200 bumped the version once; none was lost, none slipped in after activation.
    expect(stored).toMatchObject({ status: 'active', version: 1 + landed });
    expect(stored.sla_config).toEqual(landed === 0 ? null : { durationMinutes: expect.any(Number) });
  });
});

import { createTestDatabase, type TestDatabase, walkPages } from '@ec3l/db/testing';
import { createEventBus, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMigrations } from './migrations/index.js';
import { createRecordsService } from './service.js';

let database: TestDatabase;
let records: ReturnType<typeof createRecordsService>;
let acme: RequestContext;
let globex: RequestContext;
let projectA: string;
let projectB: string;
let globexProject: string;

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  records = createRecordsService({ db: database.ownerDb, requireProject: tenancy.requireProject });
  for (const slug of ['acme', 'globex']) await tenancy.ensureTenant({ slug });
  const a = (await tenancy.resolveTenant('acme'))!;
  const g = (await tenancy.resolveTenant('globex'))!;
  acme = systemContext(a.id, a.slug);
  globex = systemContext(g.id, g.slug);
  projectA = (await tenancy.createProject(acme, { name: 'A' })).id;
  projectB = (await tenancy.createProject(acme, { name: 'B' })).id;
  globexProject = (await tenancy.createProject(globex, { name: 'G' })).id;
});
afterAll(() => database.destroy());

describe('record types', () => {
  it("inherit their base type's fields, marked as inherited", async () => {
    await records.createRecordType(acme, {
      projectId: projectA,
      key: 'task',
      name: 'Task',
      fields: [{ name: 'number', type: 'string', required: true }],
    });
    const incident = await records.createRecordType(acme, {
      projectId: projectA,
      key: 'incident',
      name: 'Incident',
      baseType: 'task',
      fields: [{ name: 'severity', type: 'number' }],
    });
    expect(incident).toMatchObject({ status: 'draft', version: 1, baseType: 'task' });
    expect(incident.schema.fields.map((f) => [f.name, f.inherited, f.inheritedFrom])).toEqual([
      ['number', true, 'task'],
      ['severity', false, null],
    ]);
  });

  it('D1/P3: need an existing project of the tenant', async () => {
    await expect(
      records.createRecordType(acme, { projectId: globexProject, key: 'x', name: 'X' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      database.ownerDb
        .insertInto('record_types')
        .values({
          tenant_id: acme.tenantId,
          id: crypto.randomUUID(),
          project_id: null,
          key: 'k',
          name: 'N',
          schema: '{"fields":[]}',
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23502' });
  });

  it('D2: keys are unique per project, not per tenant', async () => {
    await expect(
      records.createRecordType(acme, { projectId: projectA, key: 'task', name: 'Task 2' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(
      records.createRecordType(acme, { projectId: projectB, key: 'task', name: 'Task B' }),
    ).resolves.toMatchObject({
      key: 'task',
    });
  });

  it('D3: names are unique per tenant', async () => {
    await expect(
      records.createRecordType(acme, { projectId: projectB, key: 'other', name: 'Incident' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('named "Incident"'),
    });
    await expect(
      records.createRecordType(globex, { projectId: globexProject, key: 'incident', name: 'Incident' }),
    ).resolves.toMatchObject({ projectId: globexProject, key: 'incident', name: 'Incident' });
  });

  it('P6: a base type must belong to the same project', async () => {
    await records.createRecordType(acme, { projectId: projectB, key: 'b_only', name: 'B only' });
    await expect(
      records.createRecordType(acme, {
        projectId: projectA,
        key: 'child',
        name: 'Child',
        baseType: 'b_only',
      }),
    ).rejects.toMatchObject({ code: 'BASE_TYPE_CROSS_PROJECT', details: { field: 'baseType' } });
    await expect(
      records.createRecordType(acme, {
        projectId: projectA,
        key: 'child',
        name: 'Child',
        baseType: 'nowhere',
      }),
    ).rejects.toMatchObject({ code: 'ORPHAN_BASE_TYPE', details: { field: 'baseType' } });
  });

  it('D8: field types are constrained, in the API and in the database', async () => {
    await expect(
      records.createRecordType(acme, {
        projectId: projectA,
        key: 'bad',
        name: 'Bad',
        fields: [{ name: 'x', type: 'money' as never }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    const [task] = await database.ownerDb
      .selectFrom('record_types')
      .select('id')
      .where('key', '=', 'task')
      .execute();
    await expect(
      sql`insert into field_definitions (tenant_id, id, record_type_id, name, field_type, order_index)
          values (${acme.tenantId}, gen_random_uuid(), ${task!.id}, 'money', 'money', 9)`.execute(
        database.ownerDb,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('refuses redefining an inherited field, duplicate fields and missing binding targets', async () => {
    const base = { projectId: projectA, name: 'Sub', baseType: 'task' };
    await expect(
      records.createRecordType(acme, { ...base, key: 'sub', fields: [{ name: 'number', type: 'text' }] }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_FIELD', details: { field: 'number' } });
    await expect(
      records.createRecordType(acme, {
        ...base,
        key: 'sub',
        fields: [
          { name: 'a', type: 'text' },
          { name: 'a', type: 'text' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'DUPLICATE_FIELD', details: { field: 'a' } });
    await expect(
      records.createRecordType(acme, {
        ...base,
        key: 'sub',
        fields: [{ name: 'owner', type: 'reference', referenceRecordTypeKey: 'person' }],
      }),
    ).rejects.toMatchObject({ code: 'BINDING_TARGET_MISSING', details: { field: 'owner' } });
    await expect(
      records.createRecordType(acme, {
        ...base,
        key: 'sub',
        fields: [{ name: 'state', type: 'choice', choiceListId: '7b7c5a52-6a8e-4c51-9e36-1b1c6f0e6a11' }],
      }),
    ).rejects.toMatchObject({ code: 'BINDING_TARGET_MISSING', details: { field: 'state' } });
  });

  it('change directly only while draft; the schema and the field definitions always agree', async () => {
    const rt = await records.createRecordType(acme, { projectId: projectA, key: 'asset', name: 'Asset' });
    const list = await records.createChoiceList(acme, {
      name: 'Asset states',
      items: [{ value: 'new' }, { value: 'retired' }],
    });
    const updated = await records.addField(acme, rt.id, {
      name: 'state',
      type: 'choice',
      choiceListId: list.id,
    });
    expect(updated.version).toBe(2);
    const names = await database.ownerDb
      .selectFrom('field_definitions')
      .select('name')
      .where('record_type_id', '=', rt.id)
      .orderBy('order_index')
      .execute();
    expect(names.map((n) => n.name)).toEqual(updated.schema.fields.map((f) => f.name));
    await records.setLifecycle(acme, rt.id, 'activate');
    await expect(records.addField(acme, rt.id, { name: 'owner', type: 'string' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('change record'),
    });
    await expect(records.setLifecycle(acme, rt.id, 'activate')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await records.setLifecycle(acme, rt.id, 'retire')).status).toBe('retired');
  });

  it('T2: another tenant sees none of it', async () => {
    const mine = (await records.listRecordTypes(acme, {})).items;
    await expect(records.getRecordType(globex, mine[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await records.listRecordTypes(globex, {})).items.map((r) => r.key)).toEqual(['incident']);
    const lists = (await records.listChoiceLists(acme)).items;
    await expect(records.listChoiceItems(globex, lists[0]!.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('choice lists', () => {
  it('have names unique per tenant and items unique per list', async () => {
    const list = await records.createChoiceList(acme, {
      name: 'Priorities',
      items: [{ value: 'p1', label: 'High' }],
    });
    await expect(records.createChoiceList(acme, { name: 'Priorities' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await records.addChoiceItem(acme, list.id, { value: 'p2', label: 'Low' });
    await expect(records.addChoiceItem(acme, list.id, { value: 'p2' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      (await records.listChoiceItems(acme, list.id)).map((i) => [i.value, i.label, i.orderIndex]),
    ).toEqual([
      ['p1', 'High', 0],
      ['p2', 'Low', 1],
    ]);
  });
});

describe('paged lists', () => {
  it('a walk over record types returns each exactly once in (project, key) order, with inherited fields', async () => {
    // A chain whose base sorts last, so on small pages the derived types come before their base.
    await records.createRecordType(acme, {
      projectId: projectA,
      key: 'zz_base',
      name: 'Paged base',
      fields: [{ name: 'shared', type: 'string' }],
    });
    await records.createRecordType(acme, {
      projectId: projectA,
      key: 'yy_mid',
      name: 'Paged mid',
      baseType: 'zz_base',
    });
    await records.createRecordType(acme, {
      projectId: projectA,
      key: 'aa_leaf',
      name: 'Paged leaf',
      baseType: 'yy_mid',
      fields: [{ name: 'own', type: 'string' }],
    });
    const all = (await records.listRecordTypes(acme, {}, { limit: 200 })).items;
    expect(all.length).toBeGreaterThan(3);
    // Projects in uuid order (keys follow the database's collation within each).
    const projects = all.map((r) => r.projectId);
    expect(projects).toEqual([...projects].sort());
    for (const limit of [1, 2, 3]) {
      expect(await walkPages((page) => records.listRecordTypes(acme, {}, page), limit)).toEqual(all);
    }
    const inA = await walkPages((page) => records.listRecordTypes(acme, { projectId: projectA }, page), 1);
    expect(inA).toEqual(all.filter((r) => r.projectId === projectA));
    const leaf = inA.find((r) => r.key === 'aa_leaf')!;
    expect(leaf.schema.fields.map((f) => [f.name, f.inherited])).toEqual(
      expect.arrayContaining([
        ['shared', true],
        ['own', false],
      ]),
    );
    const one = await records.listRecordTypes(acme, {}, { limit: 1 });
    expect(one.items).toEqual([all[0]]);
    expect(one.nextCursor).toEqual(expect.any(String));
  });

  it('a walk over choice lists returns each exactly once by name; another tenant sees none of them', async () => {
    for (const name of ['Paged c', 'Paged a', 'Paged b', 'paged d', 'Paged é']) {
      await records.createChoiceList(acme, { name });
    }
    const all = (await records.listChoiceLists(acme, { limit: 200 })).items;
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    for (const limit of [1, 2]) {
      expect(await walkPages((page) => records.listChoiceLists(acme, page), limit)).toEqual(all);
    }
    const theirs = await walkPages((page) => records.listChoiceLists(globex, page), 1);
    expect(theirs.filter((l) => all.some((m) => m.id === l.id))).toEqual([]);
  });

  it('a forged cursor is a validation error', async () => {
    const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
    for (const cursor of ['x', forge(['not-a-uuid', 'key']), forge([projectA]), forge([projectA, 1])]) {
      await expect(records.listRecordTypes(acme, {}, { limit: 5, cursor })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
    }
    for (const cursor of ['x', forge([1]), forge(['a\u0000'])]) {
      await expect(records.listChoiceLists(acme, { limit: 5, cursor })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
    }
  });
});

describe('assignment and SLA configuration', () => {
  const sla = {
    durationMinutes: 240,
    warningPercent: 75,
    pauseWhen: { field: 'state', values: ['on_hold'] },
  };

  const draft = (key: string) =>
    records.createRecordType(acme, {
      projectId: projectB,
      key,
      name: `Config ${key}`,
      fields: [
        { name: 'state', type: 'string' },
        { name: 'priority', type: 'string' },
      ],
    });

  it('is set and cleared directly on a draft, each part alone, and bumps the version', async () => {
    const rt = await draft('cfg_draft');
    const routed = await records.updateConfig(acme, rt.id, {
      assignmentConfig: { type: 'static_group', value: 'support' },
    });
    expect(routed).toMatchObject({
      assignmentConfig: { type: 'static_group', value: 'support' },
      slaConfig: null,
      version: 2,
    });
    const timed = await records.updateConfig(acme, rt.id, { slaConfig: sla });
    expect(timed).toMatchObject({ assignmentConfig: { value: 'support' }, slaConfig: sla, version: 3 });
    const cleared = await records.updateConfig(acme, rt.id, { assignmentConfig: null });
    expect(cleared).toMatchObject({ assignmentConfig: null, slaConfig: sla });
    const row = await database.ownerDb
      .selectFrom('record_types')
      .select(['assignment_config', 'sla_config'])
      .where('id', '=', rt.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ assignment_config: null, sla_config: sla });
  });

  it('on an active type is refused (409, naming the status), and nothing is written', async () => {
    const rt = await draft('cfg_active');
    await records.setLifecycle(acme, rt.id, 'activate');
    await expect(records.updateConfig(acme, rt.id, { slaConfig: sla })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('is active'),
      details: { status: 'active' },
    });
    expect((await records.getRecordType(acme, rt.id)).slaConfig).toBeNull();
  });

  it('must name fields of the effective schema, inherited ones included', async () => {
    const base = await draft('cfg_base');
    const child = await records.createRecordType(acme, {
      projectId: projectB,
      key: 'cfg_child',
      name: 'Config child',
      baseType: base.key,
    });
    await expect(
      records.updateConfig(acme, child.id, {
        slaConfig: { durationMinutes: 5, completeWhen: { field: 'nope', values: ['x'] } },
      }),
    ).rejects.toMatchObject({
      code: 'CONFIG_FIELD_MISSING',
      details: { field: 'slaConfig.completeWhen.field', fieldName: 'nope' },
    });
    await expect(
      records.updateConfig(acme, child.id, {
        assignmentConfig: { type: 'field_match', field: 'priority', rules: [] },
      }),
    ).resolves.toMatchObject({ assignmentConfig: { field: 'priority' } });
    await expect(
      records.createRecordType(acme, {
        projectId: projectB,
        key: 'cfg_bad_create',
        name: 'Config bad',
        assignmentConfig: { type: 'static_user', value: '   ' },
      }),
    ).rejects.toMatchObject({ code: 'CONFIG_INVALID', details: { field: 'assignmentConfig.value' } });
  });

  it("T2: another tenant's edit of the configuration is NOT_FOUND and changes nothing", async () => {
    const rt = await draft('cfg_tenant');
    await expect(records.updateConfig(globex, rt.id, { slaConfig: sla })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await records.getRecordType(acme, rt.id)).slaConfig).toBeNull();
  });
});

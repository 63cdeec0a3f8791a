import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type RequestContext, systemContext } from '@ec3l/kernel';
import { createRecordsService, type RecordsTables, recordsMigrations } from '@ec3l/records';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formsMigrations } from './migrations/index.js';
import { createFormsService } from './service.js';

let database: TestDatabase;
let forms: ReturnType<typeof createFormsService>;
let records: ReturnType<typeof createRecordsService<RecordsTables>>;
let acme: RequestContext;
let project: string;
let counter = 0;

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations, formsMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  forms = createFormsService({ db: database.ownerDb });
  records = createRecordsService<RecordsTables>({
    db: database.ownerDb,
    requireProject: tenancy.requireProject,
    events: createEventBus(),
    onRecordWrite: [forms.checkRecordWrite],
  });
  await tenancy.ensureTenant({ slug: 'acme' });
  const a = (await tenancy.resolveTenant('acme'))!;
  acme = { ...systemContext(a.id, a.slug), isSystem: false, userId: 'alice' };
  project = (await tenancy.createProject(acme, { name: 'Desk' })).id;
});
afterAll(() => database.destroy());

/** An active type (title required by its definition, status, owner) with an active form placing all three. */
const setup = async () => {
  const n = ++counter;
  const type = await records.createRecordType(acme, {
    projectId: project,
    key: `case_${n}`,
    name: `Case ${n}`,
    fields: [
      { name: 'title', type: 'string', required: true },
      { name: 'status', type: 'string' },
      { name: 'owner', type: 'string' },
    ],
  });
  await records.setLifecycle(acme, type.id, 'activate');
  const definition = await forms.createDefinition(acme, { recordTypeId: type.id, name: 'default' });
  const section = await forms.addSection(acme, definition.id, { title: 'Main' });
  for (const field of ['title', 'status', 'owner']) await forms.addPlacement(acme, section.id, { field });
  await forms.moveDefinition(acme, definition.id, 'active');
  return { type, definition, names: { recordTypeName: type.name, formName: 'default' } };
};

describe('the forms service for other flows', () => {
  it('validateFormPatch lists every problem in op order and writes nothing', async () => {
    const { names } = await setup();
    const problems = await forms.validateFormPatch(acme, {
      ...names,
      ops: [
        { op: 'toggleRequired', field: 'title', value: false },
        { op: 'moveField', field: 'ghost', orderIndex: 0 },
        { op: 'changeSection', field: 'owner', section: 'Nowhere' },
        { op: 'toggleReadOnly', field: 'status', value: true },
      ],
    });
    expect(problems.map((p) => [p.index, p.code])).toEqual([
      [0, 'REQUIRED_FIELD'],
      [1, 'FIELD_NOT_ON_FORM'],
      [2, 'SECTION_UNKNOWN'],
    ]);
    expect(await forms.listOverrides(acme, names.recordTypeName, names.formName)).toEqual([]);
  });

  it('createFormOverride from a proposal, activated at once, retires the active version and holds on the next write', async () => {
    const { names, type } = await setup();
    const first = await forms.createFormOverride(acme, {
      ...names,
      ops: [{ op: 'toggleRequired', field: 'status', value: true }],
      summary: 'status required',
      source: { kind: 'human' },
      activate: true,
    });
    await expect(
      records.createRecord(acme, { recordTypeId: type.id, data: { title: 'A' } }),
    ).rejects.toMatchObject({
      code: 'FORM_RULE_VIOLATION',
      details: { violations: [{ field: 'status', rule: 'required' }] },
    });
    const second = await forms.createFormOverride(acme, {
      ...names,
      ops: [{ op: 'toggleRequired', field: 'owner', value: true }],
      summary: 'owner required instead',
      source: { kind: 'proposal', id: 'proposal-7' },
      activate: true,
    });
    expect(second).toMatchObject({
      version: 2,
      status: 'active',
      source: { kind: 'proposal', id: 'proposal-7' },
    });
    const listed = await forms.listOverrides(acme, names.recordTypeName, names.formName);
    expect(listed.map((o) => [o.id, o.status])).toEqual([
      [second.id, 'active'],
      [first.id, 'retired'],
    ]);
    // The cache saw the new version: status is optional again, owner is required.
    await expect(
      records.createRecord(acme, { recordTypeId: type.id, data: { title: 'B', status: 'new' } }),
    ).rejects.toMatchObject({ details: { violations: [{ field: 'owner', rule: 'required' }] } });
    await expect(
      records.createRecord(acme, { recordTypeId: type.id, data: { title: 'C', owner: 'ops' } }),
    ).resolves.toMatchObject({ data: { owner: 'ops' } });
  });

  it('createFormOverride refuses a definition-required field made optional with FORM_REQUIRED_FIELD and stores nothing', async () => {
    const { names } = await setup();
    await expect(
      forms.createFormOverride(acme, {
        ...names,
        ops: [{ op: 'toggleRequired', field: 'title', value: false }],
        summary: null,
        source: { kind: 'vibe' },
      }),
    ).rejects.toMatchObject({ code: 'FORM_REQUIRED_FIELD' });
    expect(await forms.listOverrides(acme, names.recordTypeName, names.formName)).toEqual([]);
  });

  it('F8: 20 overrides activated at once leave exactly one active, with distinct versions', async () => {
    const { names } = await setup();
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        forms.createFormOverride(acme, {
          ...names,
          ops: [{ op: 'toggleReadOnly', field: 'owner', value: i % 2 === 0 }],
          summary: `v${i}`,
          source: { kind: 'human' },
          activate: true,
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 'fulfilled')).toHaveLength(20);
    const rows = await database.ownerDb
      .selectFrom('form_overrides as o')
      .innerJoin('form_definitions as d', 'd.id', 'o.form_definition_id')
      .innerJoin('record_types as t', 't.id', 'd.record_type_id')
      .select(['o.version', 'o.status'])
      .where('t.name', '=', names.recordTypeName)
      .execute();
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.version)).size).toBe(20);
    expect(rows.filter((r) => r.status === 'active')).toHaveLength(1);
  });
});

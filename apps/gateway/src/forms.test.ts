import corpus from '@ec3l/form-rules/conformance/corpus.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Who } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const globexAdmin = { tenant: 'globex', user: 'admin' };
const agent = { tenant: 'acme', agent: 'filer' };
let project = '';
let counter = 0;

const call = async <T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  status = 200,
  who: Who = admin,
): Promise<T> => {
  const res = await h.call(method, url, { ...who, ...(body === undefined ? {} : { body }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return (res.body ? res.json() : undefined) as T;
};

type Definition = { id: string; name: string; version: number; status: string; recordTypeId: string };
type Rule = { id: string };
type Provenance = { layer: string; ruleId?: string; overrideVersion?: number };
type CompiledField = {
  name: string;
  section: string;
  visible: boolean;
  required: boolean;
  readOnly: boolean;
  provenance: Record<'visible' | 'required' | 'readOnly', Provenance>;
};
type Compiled = {
  version: number;
  override: { version: number } | null;
  sections: { title: string; placements: { field: string }[] }[];
  fields: CompiledField[];
};
type Override = { id: string; version: number; status: string };

/** An active record type with these fields (text unless given), named uniquely. */
const recordType = async (fields: { name: string; type?: string; required?: boolean }[], base?: string) => {
  const n = ++counter;
  const rt = await call<{ id: string; name: string; key: string }>(
    'POST',
    '/api/record-types',
    {
      projectId: project,
      key: `form_type_${n}`,
      name: `Form type ${n}`,
      fields: fields.map((f) => ({ type: 'text', ...f })),
      ...(base ? { baseType: base } : {}),
    },
    201,
  );
  await call('POST', `/api/record-types/${rt.id}/activate`);
  return rt;
};

/** A form on the type with one section holding these fields. */
const form = async (recordTypeId: string, fields: string[], name = 'default') => {
  const definition = await call<Definition>('POST', '/api/form-definitions', { recordTypeId, name }, 201);
  const section = await call<{ id: string }>(
    'POST',
    `/api/form-definitions/${definition.id}/sections`,
    { title: 'Main' },
    201,
  );
  for (const field of fields)
    await call('POST', `/api/form-sections/${section.id}/placements`, { field }, 201);
  return { definition, section };
};

const rule = (definitionId: string, body: Record<string, unknown>) =>
  call<Rule>('POST', `/api/form-definitions/${definitionId}/rules`, body, 201);

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  project = (await call<{ id: string }>('POST', '/api/projects', { name: 'Forms' }, 201)).id;
  const roles = await call<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
  const editor = roles.find((r) => r.name === 'Editor')?.id;
  await call('POST', '/api/rbac/agents/filer/roles', { roleId: editor }, 201);
});
afterAll(() => h.close());

describe('form definitions, sections, placements and rules', () => {
  it('creates a draft form; a second form of the same name on the type is 409 FORM_NAME_TAKEN', async () => {
    const rt = await recordType([{ name: 'title' }]);
    const definition = await call<Definition>(
      'POST',
      '/api/form-definitions',
      { recordTypeId: rt.id, name: 'Intake' },
      201,
    );
    expect(definition).toMatchObject({ name: 'Intake', status: 'draft', version: 1, recordTypeId: rt.id });
    const again = await h.call('POST', '/api/form-definitions', {
      ...admin,
      body: { recordTypeId: rt.id, name: 'Intake' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FORM_NAME_TAKEN');
    const listed = await call<Definition[]>('GET', `/api/form-definitions?recordTypeId=${rt.id}`);
    expect(listed.map((d) => d.id)).toEqual([definition.id]);
  });

  it('places own and inherited fields; a field not on the type is 400 FORM_FIELD_UNKNOWN, placing one twice 409 FORM_FIELD_PLACED', async () => {
    const base = await recordType([{ name: 'shared' }]);
    const child = await recordType([{ name: 'own' }], base.key);
    const { definition, section } = await form(child.id, ['own', 'shared']);
    const unknown = await h.call('POST', `/api/form-sections/${section.id}/placements`, {
      ...admin,
      body: { field: 'ghost' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'FORM_FIELD_UNKNOWN', details: { fields: ['ghost'] } });
    const twice = await h.call('POST', `/api/form-sections/${section.id}/placements`, {
      ...admin,
      body: { field: 'own' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('FORM_FIELD_PLACED');
    const placements = await call<{ field: string }[]>('GET', `/api/form-sections/${section.id}/placements`);
    expect(placements.map((p) => p.field)).toEqual(['own', 'shared']);
    // Every edit bumped the definition's version: one section, two placements.
    expect((await call<Definition>('GET', `/api/form-definitions/${definition.id}`)).version).toBe(4);
  });

  it('refuses a rule whose target or condition names a field not on the type, and a comparison without a value', async () => {
    const rt = await recordType([{ name: 'status' }, { name: 'reason' }]);
    const { definition } = await form(rt.id, ['status', 'reason']);
    const target = await h.call('POST', `/api/form-definitions/${definition.id}/rules`, {
      ...admin,
      body: { ruleType: 'required', targetField: 'nope', condition: null, value: true },
    });
    expect(target.json()).toMatchObject({
      statusCode: 400,
      code: 'FORM_FIELD_UNKNOWN',
      details: { fields: ['nope'] },
    });
    const reads = await h.call('POST', `/api/form-definitions/${definition.id}/rules`, {
      ...admin,
      body: {
        ruleType: 'required',
        targetField: 'reason',
        condition: { field: 'phase', op: 'eq', value: 1 },
        value: true,
      },
    });
    expect(reads.json()).toMatchObject({
      statusCode: 400,
      code: 'FORM_FIELD_UNKNOWN',
      details: { fields: ['phase'] },
    });
    const valueless = await h.call('POST', `/api/form-definitions/${definition.id}/rules`, {
      ...admin,
      body: {
        ruleType: 'required',
        targetField: 'reason',
        condition: { field: 'status', op: 'gt' },
        value: true,
      },
    });
    expect(valueless.json()).toMatchObject({ statusCode: 400, code: 'FORM_CONDITION_INVALID' });
    const tooDeep = await h.call('POST', `/api/form-definitions/${definition.id}/rules`, {
      ...admin,
      body: {
        ruleType: 'required',
        targetField: 'reason',
        condition: { not: { not: { not: { not: { not: { field: 'status', op: 'empty' } } } } } },
        value: true,
      },
    });
    expect(tooDeep.statusCode).toBe(400);
    expect(await call<Rule[]>('GET', `/api/form-definitions/${definition.id}/rules`)).toEqual([]);
  });

  it('activate and retire move draft → active → retired; other moves and edits of a retired form are 409', async () => {
    const rt = await recordType([{ name: 'title' }]);
    const { definition, section } = await form(rt.id, ['title']);
    expect((await call<Definition>('POST', `/api/form-definitions/${definition.id}/activate`)).status).toBe(
      'active',
    );
    const twice = await h.call('POST', `/api/form-definitions/${definition.id}/activate`, admin);
    expect(twice.json()).toMatchObject({ statusCode: 409, code: 'FORM_STATE_CONFLICT' });
    expect((await call<Definition>('POST', `/api/form-definitions/${definition.id}/retire`)).status).toBe(
      'retired',
    );
    const edit = await h.call('PATCH', `/api/form-sections/${section.id}`, {
      ...admin,
      body: { title: 'Other' },
    });
    expect(edit.json()).toMatchObject({ statusCode: 409, code: 'FORM_STATE_CONFLICT' });
  });

  it('F5: concurrent edits of one form serialize on its row: every section lands and the version counts each edit', async () => {
    const rt = await recordType([{ name: 'title' }]);
    const definition = await call<Definition>(
      'POST',
      '/api/form-definitions',
      { recordTypeId: rt.id, name: 'Race' },
      201,
    );
    const answers = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        h.call('POST', `/api/form-definitions/${definition.id}/sections`, {
          ...admin,
          body: { title: `S${i}` },
        }),
      ),
    );
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value.statusCode : 0))).toEqual(
      Array(20).fill(201),
    );
    const rows = await h.database.ownerDb
      .selectFrom('form_sections')
      .select('title')
      .where('form_definition_id', '=', definition.id)
      .execute();
    expect(rows).toHaveLength(20);
    const stored = await h.database.ownerDb
      .selectFrom('form_definitions')
      .select('version')
      .where('id', '=', definition.id)
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(21);
  });
});

describe('compiled forms and overrides', () => {
  it('compiles fields with the layer that set each flag: definition, override version, rule', async () => {
    const rt = await recordType([{ name: 'title', required: true }, { name: 'status' }, { name: 'notes' }]);
    const { definition } = await form(rt.id, ['title', 'status', 'notes']);
    await call('POST', `/api/form-definitions/${definition.id}/sections`, { title: 'Extra' }, 201);
    const always = await rule(definition.id, {
      ruleType: 'readOnly',
      targetField: 'status',
      condition: null,
      value: true,
    });
    await rule(definition.id, {
      ruleType: 'required',
      targetField: 'notes',
      condition: { field: 'status', op: 'eq', value: 'closed' },
      value: true,
    });
    const override = await call<Override>(
      'POST',
      `/api/forms/${encodeURIComponent(rt.name)}/default/overrides`,
      {
        ops: [
          { op: 'toggleVisible', field: 'notes', value: false },
          { op: 'changeSection', field: 'notes', section: 'Extra' },
          { op: 'moveField', field: 'status', orderIndex: 0 },
        ],
        summary: 'Tidy up',
      },
      201,
    );
    expect(override).toMatchObject({ version: 1, status: 'draft' });
    await call('POST', `/api/form-overrides/${override.id}/activate`);
    const compiled = await call<Compiled>(
      'GET',
      `/api/forms/${encodeURIComponent(rt.name)}/default/compiled`,
    );
    expect(compiled.override?.version).toBe(1);
    expect(compiled.sections.map((s) => [s.title, s.placements.map((p) => p.field)])).toEqual([
      ['Main', ['status', 'title']],
      ['Extra', ['notes']],
    ]);
    const byName = Object.fromEntries(compiled.fields.map((f) => [f.name, f]));
    expect(byName.title).toMatchObject({ required: true, provenance: { required: { layer: 'definition' } } });
    expect(byName.status).toMatchObject({
      readOnly: true,
      provenance: { readOnly: { layer: 'rule', ruleId: always.id } },
    });
    expect(byName.notes).toMatchObject({
      visible: false,
      section: 'Extra',
      provenance: { visible: { layer: 'override', overrideVersion: 1 } },
    });
  });

  it('F6: an override cannot make a definition-required field optional (409 FORM_REQUIRED_FIELD); ops on fields not on the form are 400', async () => {
    const rt = await recordType([{ name: 'title', required: true }, { name: 'other' }]);
    await form(rt.id, ['title']);
    const path = `/api/forms/${encodeURIComponent(rt.name)}/default/overrides`;
    const optional = await h.call('POST', path, {
      ...admin,
      body: { ops: [{ op: 'toggleRequired', field: 'title', value: false }] },
    });
    expect(optional.statusCode).toBe(409);
    expect(optional.json()).toMatchObject({
      code: 'FORM_REQUIRED_FIELD',
      details: { problems: [{ index: 0, field: 'title' }] },
    });
    const off = await h.call('POST', path, {
      ...admin,
      body: {
        ops: [
          { op: 'toggleReadOnly', field: 'other', value: true },
          { op: 'changeSection', field: 'title', section: 'Nowhere' },
        ],
      },
    });
    expect(off.statusCode).toBe(400);
    expect(off.json()).toMatchObject({
      code: 'FORM_PATCH_INVALID',
      details: {
        problems: [
          { index: 0, code: 'FIELD_NOT_ON_FORM' },
          { index: 1, code: 'SECTION_UNKNOWN' },
        ],
      },
    });
    expect(await call<Override[]>('GET', path)).toEqual([]);
  });

  it('activating an override retires the active one: one active override per form', async () => {
    const rt = await recordType([{ name: 'title' }]);
    await form(rt.id, ['title']);
    const path = `/api/forms/${encodeURIComponent(rt.name)}/default/overrides`;
    const ops = [{ op: 'toggleReadOnly', field: 'title', value: true }];
    const first = await call<Override>('POST', path, { ops }, 201);
    const second = await call<Override>('POST', path, { ops }, 201);
    expect([first.version, second.version]).toEqual([1, 2]);
    await call('POST', `/api/form-overrides/${first.id}/activate`);
    await call('POST', `/api/form-overrides/${second.id}/activate`);
    const listed = await call<Override[]>('GET', path);
    expect(listed.map((o) => [o.version, o.status])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ]);
    const again = await h.call('POST', `/api/form-overrides/${first.id}/activate`, admin);
    expect(again.json()).toMatchObject({ statusCode: 409, code: 'FORM_STATE_CONFLICT' });
  });

  it('analysis reports a field that can be required while hidden and a cycle between rules', async () => {
    const rt = await recordType([{ name: 'a' }, { name: 'b' }]);
    const { definition } = await form(rt.id, ['a', 'b']);
    await rule(definition.id, {
      ruleType: 'required',
      targetField: 'a',
      condition: { field: 'b', op: 'empty' },
      value: true,
    });
    await rule(definition.id, {
      ruleType: 'visible',
      targetField: 'b',
      condition: { field: 'a', op: 'empty' },
      value: false,
    });
    await rule(definition.id, { ruleType: 'visible', targetField: 'a', condition: null, value: false });
    const problems = await call<{ kind: string; fields: string[] }[]>(
      'GET',
      `/api/form-definitions/${definition.id}/analysis`,
    );
    expect(problems.map((p) => [p.kind, p.fields])).toEqual([
      ['hiddenButRequired', ['a']],
      ['cycle', ['a', 'b']],
    ]);
  });
});

describe('T2: another tenant cannot see or touch a form', () => {
  it('answers the owner 200 and globex 404 on the same URLs, and refused writes change nothing', async () => {
    const rt = await recordType([{ name: 'title' }]);
    const { definition, section } = await form(rt.id, ['title']);
    const r = await rule(definition.id, {
      ruleType: 'readOnly',
      targetField: 'title',
      condition: null,
      value: true,
    });
    const placement = (await call<{ id: string }[]>('GET', `/api/form-sections/${section.id}/placements`))[0]
      ?.id;
    const named = `/api/forms/${encodeURIComponent(rt.name)}/default`;
    const override = await call<Override>(
      'POST',
      `${named}/overrides`,
      { ops: [{ op: 'toggleVisible', field: 'title', value: false }] },
      201,
    );
    const reads = [
      `/api/form-definitions/${definition.id}`,
      `/api/form-definitions/${definition.id}/sections`,
      `/api/form-definitions/${definition.id}/rules`,
      `/api/form-definitions/${definition.id}/analysis`,
      `/api/form-sections/${section.id}/placements`,
      `${named}/compiled`,
      `${named}/overrides`,
    ];
    for (const url of reads) {
      expect((await h.call('GET', url, admin)).statusCode, url).toBe(200);
      expect((await h.call('GET', url, globexAdmin)).statusCode, url).toBe(404);
    }
    const writes: [string, string, unknown][] = [
      ['POST', `/api/form-definitions/${definition.id}/activate`, undefined],
      ['POST', `/api/form-definitions/${definition.id}/sections`, { title: 'X' }],
      ['PATCH', `/api/form-sections/${section.id}`, { title: 'Y' }],
      ['POST', `/api/form-sections/${section.id}/placements`, { field: 'title' }],
      ['PATCH', `/api/form-placements/${placement}`, { column: 2 }],
      ['DELETE', `/api/form-placements/${placement}`, undefined],
      ['PATCH', `/api/form-rules/${r.id}`, { value: false }],
      ['DELETE', `/api/form-rules/${r.id}`, undefined],
      ['DELETE', `/api/form-sections/${section.id}`, undefined],
      ['POST', `${named}/overrides`, { ops: [{ op: 'toggleVisible', field: 'title', value: true }] }],
      ['POST', `/api/form-overrides/${override.id}/activate`, undefined],
      ['POST', `/api/form-overrides/${override.id}/retire`, undefined],
      ['POST', `${named}/evaluate`, { data: {} }],
      ['POST', '/api/form-definitions', { recordTypeId: rt.id, name: 'Stolen' }],
    ];
    for (const [method, url, body] of writes) {
      const res = await h.call(method as 'POST', url, {
        ...globexAdmin,
        ...(body === undefined ? {} : { body }),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await call<Definition>('GET', `/api/form-definitions/${definition.id}`)).version).toBe(
      definition.version + 4,
    );
    expect(
      await call<unknown[]>(
        'GET',
        `/api/form-definitions?recordTypeId=${rt.id}`,
        undefined,
        200,
        globexAdmin,
      ),
    ).toEqual([]);
    expect((await h.call('POST', `${named}/evaluate`, { ...admin, body: { data: {} } })).statusCode).toBe(
      200,
    );
    expect((await call<Override[]>('GET', `${named}/overrides`)).map((o) => o.status)).toEqual(['draft']);
  });
});

describe('F7: record writes hold to the rules of every active form of their type', () => {
  const ticket = async () => {
    const rt = await recordType([
      { name: 'title', required: true },
      { name: 'status' },
      { name: 'reason' },
      { name: 'priority' },
    ]);
    const { definition } = await form(rt.id, ['title', 'status', 'reason', 'priority']);
    await rule(definition.id, {
      ruleType: 'required',
      targetField: 'reason',
      condition: { field: 'status', op: 'eq', value: 'rejected' },
      value: true,
    });
    await rule(definition.id, {
      ruleType: 'readOnly',
      targetField: 'priority',
      condition: { field: 'status', op: 'eq', value: 'closed' },
      value: true,
    });
    return { rt, definition };
  };
  const count = async (recordTypeId: string) =>
    (
      await h.database.ownerDb
        .selectFrom('record_instances')
        .select('id')
        .where('record_type_id', '=', recordTypeId)
        .execute()
    ).length;

  it('a create without a conditionally required field is 400 FORM_RULE_VIOLATION with the violation, and writes nothing; a draft form does not hold', async () => {
    const { rt, definition } = await ticket();
    const body = { recordTypeId: rt.id, data: { title: 'Refund', status: 'rejected' } };
    // Draft: not enforced yet.
    await call('POST', '/api/record-instances', body, 201);
    await call('POST', `/api/form-definitions/${definition.id}/activate`);
    const refused = await h.call('POST', '/api/record-instances', { ...admin, body });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'FORM_RULE_VIOLATION',
      details: { violations: [{ field: 'reason', rule: 'required', message: 'reason is required' }] },
    });
    expect(await count(rt.id)).toBe(1);
    const byAgent = await h.call('POST', '/api/record-instances', { ...agent, body });
    expect(byAgent.json()).toMatchObject({ statusCode: 400, code: 'FORM_RULE_VIOLATION' });
    await call(
      'POST',
      '/api/record-instances',
      { recordTypeId: rt.id, data: { ...body.data, reason: 'Duplicate' } },
      201,
    );
    expect(await count(rt.id)).toBe(2);
    await call('POST', `/api/form-definitions/${definition.id}/retire`);
    await call('POST', '/api/record-instances', body, 201);
    expect(await count(rt.id)).toBe(3);
  });

  it('a read-only-when field cannot be changed while the condition holds; the stored record stays as it was', async () => {
    const { rt, definition } = await ticket();
    await call('POST', `/api/form-definitions/${definition.id}/activate`);
    const record = await call<{ id: string; version: number }>(
      'POST',
      '/api/record-instances',
      { recordTypeId: rt.id, data: { title: 'Laptop', status: 'open', priority: 'low' } },
      201,
    );
    const closed = await call<{ version: number }>('PATCH', `/api/record-instances/${record.id}`, {
      data: { status: 'closed' },
    });
    const refused = await h.call('PATCH', `/api/record-instances/${record.id}`, {
      ...admin,
      body: { data: { priority: 'high' } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'FORM_RULE_VIOLATION',
      details: { violations: [{ field: 'priority', rule: 'readOnly' }] },
    });
    const stored = await call<{ data: Record<string, unknown>; version: number }>(
      'GET',
      `/api/record-instances/${record.id}`,
    );
    expect(stored).toMatchObject({ version: closed.version, data: { priority: 'low', status: 'closed' } });
    await call('PATCH', `/api/record-instances/${record.id}`, { data: { status: 'open', priority: 'high' } });
  });

  it('the rules of every active form hold, and a rule edit applies to the next write', async () => {
    const { rt, definition } = await ticket();
    await call('POST', `/api/form-definitions/${definition.id}/activate`);
    const second = await call<Definition>(
      'POST',
      '/api/form-definitions',
      { recordTypeId: rt.id, name: 'Triage' },
      201,
    );
    const section = await call<{ id: string }>(
      'POST',
      `/api/form-definitions/${second.id}/sections`,
      { title: 'Main' },
      201,
    );
    await call('POST', `/api/form-sections/${section.id}/placements`, { field: 'priority' }, 201);
    const r = await rule(second.id, {
      ruleType: 'required',
      targetField: 'priority',
      condition: null,
      value: true,
    });
    await call('POST', `/api/form-definitions/${second.id}/activate`);
    const refused = await h.call('POST', '/api/record-instances', {
      ...admin,
      body: { recordTypeId: rt.id, data: { title: 'A', status: 'rejected' } },
    });
    expect(refused.json().details.violations.map((v: { field: string }) => v.field)).toEqual([
      'reason',
      'priority',
    ]);
    await call('PATCH', `/api/form-rules/${r.id}`, { status: 'disabled' });
    await call(
      'POST',
      '/api/record-instances',
      { recordTypeId: rt.id, data: { title: 'A', status: 'rejected', reason: 'x' } },
      201,
    );
  });

  it("a workflow's record_mutation step is refused by the rules too: the execution fails and the record keeps its data", async () => {
    const { rt, definition } = await ticket();
    await call('POST', `/api/form-definitions/${definition.id}/activate`);
    const record = await call<{ id: string }>(
      'POST',
      '/api/record-instances',
      { recordTypeId: rt.id, data: { title: 'Chair', status: 'new' } },
      201,
    );
    const workflow = await call<{ id: string }>(
      'POST',
      '/api/workflow-definitions',
      { projectId: project, name: `Reject ${rt.key}`, triggerType: 'manual' },
      201,
    );
    await call(
      'POST',
      `/api/workflow-definitions/${workflow.id}/steps`,
      { stepType: 'record_mutation', config: { updates: { status: 'rejected' } } },
      201,
    );
    await call('POST', `/api/workflow-definitions/${workflow.id}/activate`);
    const res = await h.call('POST', `/api/workflow-definitions/${workflow.id}/execute`, {
      ...admin,
      body: { recordId: record.id },
    });
    const execution = res.json() as { status: string; error: string | null };
    expect(execution.status, res.body).toBe('failed');
    expect(execution.error).toMatch(/reason is required/);
    const stored = await call<{ data: Record<string, unknown> }>('GET', `/api/record-instances/${record.id}`);
    expect(stored.data.status).toBe('new');
  });
});

type CorpusCase = {
  name: string;
  form: {
    fields: {
      name: string;
      visible: boolean;
      required: boolean;
      readOnly: boolean;
      requiredByDefinition?: boolean;
    }[];
    rules: {
      ruleType: string;
      targetField: string;
      condition: unknown;
      value: boolean;
      orderIndex: number;
      status: string;
    }[];
  };
  data: Record<string, unknown>;
  previous?: Record<string, unknown>;
  expected: { violations: { field: string; rule: string }[]; states?: Record<string, unknown> };
};

const fieldsRead = (condition: unknown): string[] => {
  if (!condition || typeof condition !== 'object') return [];
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return c.all.flatMap(fieldsRead);
  if (Array.isArray(c.any)) return c.any.flatMap(fieldsRead);
  if ('not' in c) return fieldsRead(c.not);
  return typeof c.field === 'string' ? [c.field] : [];
};

describe('the conformance corpus through the server', () => {
  it('every case stored as a real form gives the corpus verdict on the evaluate route (100%)', async () => {
    const cases = corpus.cases as unknown as CorpusCase[];
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const mismatches: string[] = [];
    for (const c of cases) {
      // Fields the case only reads or targets exist on the type but stay off the form.
      const names = new Set([
        ...c.form.fields.map((f) => f.name),
        ...c.form.rules.flatMap((r) => [r.targetField, ...fieldsRead(r.condition)]),
      ]);
      const byName = new Map(c.form.fields.map((f) => [f.name, f]));
      const rt = await recordType(
        [...names].map((name) => ({ name, required: byName.get(name)?.requiredByDefinition === true })),
      );
      const { definition } = await form(
        rt.id,
        c.form.fields.map((f) => f.name),
      );
      for (const r of c.form.rules) await rule(definition.id, r);
      const ops = c.form.fields.flatMap((f) => [
        ...(f.visible ? [] : [{ op: 'toggleVisible', field: f.name, value: false }]),
        ...(f.required && !f.requiredByDefinition
          ? [{ op: 'toggleRequired', field: f.name, value: true }]
          : []),
        ...(f.readOnly ? [{ op: 'toggleReadOnly', field: f.name, value: true }] : []),
      ]);
      const named = `/api/forms/${encodeURIComponent(rt.name)}/default`;
      if (ops.length > 0) {
        const override = await call<Override>('POST', `${named}/overrides`, { ops }, 201);
        await call('POST', `/api/form-overrides/${override.id}/activate`);
      }
      const verdict = await call<{
        states: Record<string, unknown>;
        violations: { field: string; rule: string }[];
      }>('POST', `${named}/evaluate`, { data: c.data, ...(c.previous ? { previous: c.previous } : {}) });
      const got = verdict.violations.map(({ field, rule }) => ({ field, rule }));
      const statesAgree = Object.entries(c.expected.states ?? {}).every(
        ([field, state]) => JSON.stringify(verdict.states[field]) === JSON.stringify(state),
      );
      if (JSON.stringify(got) !== JSON.stringify(c.expected.violations) || !statesAgree)
        mismatches.push(c.name);
    }
    expect(mismatches).toEqual([]);
  }, 240_000);
});

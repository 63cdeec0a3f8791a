import { diffSnapshots, type GraphSnapshot, readGraphSnapshot } from '@ec3l/graph';
import type { GraphPackage } from '@ec3l/graph-packages';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Who } from './testing-only/harness.js';
import { helpdesk, helpdeskUpgrade } from './testing-only/packages.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const outsider = { tenant: 'globex', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
const agentAdmin = { tenant: 'acme', agent: 'bot-admin' };
let tenantId: string;
let n = 0;

const json = async <T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; json(): unknown; body: string }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};

type Result = {
  status: string;
  checksum: string;
  installId: string | null;
  environmentId: string;
  diff: {
    summary: Record<string, number>;
    objects: { objectType: string; key: string; disposition: string }[];
  };
};

const newProject = async () =>
  (
    await json<{ id: string }>(
      h.call('POST', '/api/projects', { ...admin, body: { name: `Pkg ${++n}` } }),
      201,
    )
  ).id;

const install = (
  projectId: string,
  pkg: GraphPackage,
  extra: Record<string, unknown> = {},
  who: Who = admin,
) => h.call('POST', '/api/admin/graph/install', { ...who, body: { projectId, package: pkg, ...extra } });

const installed = async (projectId: string, pkg: GraphPackage, extra: Record<string, unknown> = {}) =>
  json<Result>(install(projectId, pkg, extra));

const db = () => h.database.ownerDb;

/** The project's graph as stored (the owner's handle reads past row-level security). */
const graphOf = async (projectId: string): Promise<GraphSnapshot> =>
  readGraphSnapshot(db(), { tenantId, tenantSlug: 'acme', userId: null, agentId: null }, projectId);

const count = async (table: string, where: Record<string, unknown>) => {
  let q = db()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'));
  for (const [k, v] of Object.entries(where)) q = q.where(k, '=', v);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const typeId = async (projectId: string, key: string) =>
  (
    await db()
      .selectFrom('record_types')
      .select('id')
      .where('project_id', '=', projectId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow()
  ).id as string;

const createRecord = async (recordTypeId: string, data: Record<string, unknown>) =>
  json(h.call('POST', '/api/record-instances', { ...admin, body: { recordTypeId, data } }), 201);

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
  tenantId = (
    await db().selectFrom('tenants').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow()
  ).id as string;
  const roles = await json<{ id: string; name: string }[]>(h.call('GET', '/api/rbac/roles', admin));
  const roleId = (name: string) => roles.find((r) => r.name === name)!.id;
  await json(
    h.call('POST', '/api/rbac/users/vera/roles', { ...admin, body: { roleId: roleId('Viewer') } }),
    201,
  );
  await json(
    h.call('POST', '/api/rbac/agents/bot-admin/roles', { ...admin, body: { roleId: roleId('Admin') } }),
    201,
  );
});
afterAll(() => h.close());

describe('package install', () => {
  it('O13: creates the record types base types first, active, with their choice list, SLA, assignment and workflow', async () => {
    const p = await newProject();
    const result = await installed(p, helpdesk('1.0.0', ` ${n}`));
    expect(result.status).toBe('installed');
    const rows = await db()
      .selectFrom('record_types')
      .select(['key', 'base_type', 'status', 'sla_config', 'assignment_config', 'created_at'])
      .where('project_id', '=', p)
      .orderBy('created_at')
      .execute();
    expect(rows.map((r) => [r.key, r.status])).toEqual([
      ['hd_task', 'active'],
      ['hd_ticket', 'active'],
    ]);
    expect(rows[1]?.sla_config).toEqual({ durationMinutes: 240 });
    const ticket = await json<{ schema: { fields: { name: string; choiceListId: string | null }[] } }>(
      h.call('GET', `/api/record-types/${await typeId(p, 'hd_ticket')}`, admin),
    );
    expect(ticket.schema.fields.map((f) => f.name)).toEqual(['state', 'priority', 'summary']);
    expect(ticket.schema.fields[1]?.choiceListId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count('workflow_definitions', { project_id: p, status: 'active' })).toBe(1);
    expect(await count('graph_package_objects', { project_id: p, package_key: 'test.helpdesk' })).toBe(4);
  });

  it('O14: the same checksum again is a noop: nothing written, the installed install answered', async () => {
    const p = await newProject();
    const pkg = helpdesk('1.0.0', ` ${n}`);
    const first = await installed(p, pkg);
    const reordered = { ...pkg, recordTypes: [...pkg.recordTypes].reverse() };
    const again = await installed(p, JSON.parse(JSON.stringify(pkg)));
    expect(again).toMatchObject({ status: 'noop', installId: first.installId });
    expect(await count('graph_package_installs', { project_id: p })).toBe(1);
    expect(await count('environment_package_installs', { project_id: p })).toBe(1);
    // Another order of record types is other content (array order is content), not a noop.
    expect((await installed(p, reordered, { preview: true })).status).toBe('previewed');
  });

  it('O15: a lower version is refused with PACKAGE_DOWNGRADE unless allowDowngrade', async () => {
    const p = await newProject();
    await installed(p, helpdesk('2.0.0', ` ${n}`));
    const res = await install(p, helpdesk('1.0.0', ` ${n}`));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PACKAGE_DOWNGRADE', details: { installedVersion: '2.0.0' } });
    expect((await installed(p, helpdesk('1.0.0', ` ${n}`), { allowDowngrade: true })).status).toBe(
      'installed',
    );
  });

  it('O16: a package may not change objects another package owns: 409 naming the owner', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    await installed(p, helpdesk('1.0.0', tag));
    const rival = { ...helpdesk('1.0.0', `${tag} rival`), key: 'rival.desk' };
    const res = await install(p, rival);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('PACKAGE_OWNERSHIP_CONFLICT');
    expect(res.json().message).toContain('test.helpdesk');
    expect(res.json().details.conflicts).toContainEqual({
      objectType: 'record_type',
      key: 'hd_ticket',
      owner: 'test.helpdesk',
    });
  });

  it('O17: every graph validator runs on the projection: 422 PACKAGE_GRAPH_INVALID, nothing written', async () => {
    const p = await newProject();
    const elsewhere = await newProject();
    // The package is valid on its own; the project it lands in lacks its bound base type, which only
    // another project of the tenant has.
    await json(
      h.call('POST', '/api/record-types', {
        ...admin,
        body: { projectId: elsewhere, key: 'hd_base', name: `Help desk base ${n}` },
      }),
      201,
    );
    const pkg = helpdesk('1.0.0', ` ${n}`);
    pkg.bindings = { recordTypes: ['hd_base'] };
    pkg.recordTypes[1]!.baseType = 'hd_base';
    const res = await install(p, pkg);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('PACKAGE_GRAPH_INVALID');
    expect(res.json().details.errors.map((e: { code: string }) => e.code)).toEqual([
      'BASE_TYPE_CROSS_PROJECT',
      'BINDING_TARGET_MISSING',
    ]);
    expect(await count('record_types', { project_id: p })).toBe(0);
    expect(await count('graph_package_installs', { project_id: p })).toBe(0);
  });

  it('O18: dropping a field that holds data is refused unless allowDataLoss; records are never deleted', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    await installed(p, helpdesk('1.0.0', tag));
    const ticket = await typeId(p, 'hd_ticket');
    await createRecord(ticket, { summary: 'printer on fire', priority: 'high' });
    const v2 = helpdesk('1.1.0', tag);
    v2.recordTypes[0]!.fields = v2.recordTypes[0]!.fields.filter((f) => f.name !== 'summary');
    const res = await install(p, v2);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'PACKAGE_DATA_LOSS',
      details: { fields: [{ key: 'hd_ticket.summary', records: 1 }] },
    });
    const preview = await json<Result>(install(p, v2, { preview: true, allowDataLoss: true }));
    expect(preview.diff.objects.find((o) => o.key === 'hd_ticket.summary')?.disposition).toBe(
      'delete_with_data',
    );
    await installed(p, v2, { allowDataLoss: true });
    expect(await count('record_instances', { record_type_id: ticket })).toBe(1);
  });

  it('O19: a preview writes nothing and answers the diff the install then applies', async () => {
    const p = await newProject();
    const pkg = helpdesk('1.0.0', ` ${n}`);
    const before = await count('change_records', { project_id: p });
    const preview = await installed(p, pkg, { preview: true });
    expect(preview).toMatchObject({ status: 'previewed', installId: null });
    expect(await count('record_types', { project_id: p })).toBe(0);
    expect(await count('graph_package_installs', { project_id: p })).toBe(0);
    expect(await count('environment_package_installs', { project_id: p })).toBe(0);
    expect(await count('change_records', { project_id: p })).toBe(before);
    const applied = await installed(p, pkg);
    expect(applied.diff).toEqual(preview.diff);
    const stored = await json<{ diff: unknown; package: unknown }>(
      h.call('GET', `/api/admin/graph/packages/${applied.installId}`, admin),
    );
    expect(stored.diff).toEqual(applied.diff);
    expect(stored.package).toEqual(pkg);
  });

  it('O20: an install that fails in phase 7 writes nothing (all or nothing)', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    // The last write of the install (its workflow) fails as a lost serialization would, after the choice
    // list and the record types were written: the whole install rolls back.
    await sql`create function refuse_triage() returns trigger language plpgsql as $$
      begin
        if new.name like 'Help desk triage%' then
          raise exception 'injected failure' using errcode = '40001';
        end if;
        return new;
      end $$`.execute(db());
    await sql`create trigger refuse_triage before insert on workflow_definitions
      for each row execute function refuse_triage()`.execute(db());
    const lists = await count('choice_lists', {});
    const res = await install(p, helpdesk('1.0.0', tag)).finally(async () => {
      await sql`drop trigger refuse_triage on workflow_definitions`.execute(db());
      await sql`drop function refuse_triage()`.execute(db());
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(await count('record_types', { project_id: p })).toBe(0);
    expect(await count('workflow_definitions', { project_id: p })).toBe(0);
    expect(await count('choice_lists', {})).toBe(lists);
    expect(await count('graph_package_installs', { project_id: p })).toBe(0);
    expect(await count('graph_package_objects', { project_id: p })).toBe(0);
  });

  it('O21: concurrent installs of the same package have one effect; the others are noops', async () => {
    const p = await newProject();
    const pkg = helpdesk('1.0.0', ` ${n}`);
    const answers = await Promise.all(Array.from({ length: 12 }, () => install(p, pkg)));
    const statuses = answers.map((a) => (a.statusCode === 200 ? a.json().status : a.statusCode));
    expect(statuses.filter((s) => s === 'installed')).toHaveLength(1);
    expect(statuses.every((s) => s === 'installed' || s === 'noop' || s === 409)).toBe(true);
    expect(await count('graph_package_installs', { project_id: p })).toBe(1);
    expect(await count('environment_package_installs', { project_id: p })).toBe(1);
    expect(await count('record_types', { project_id: p })).toBe(2);
    expect(await count('workflow_definitions', { project_id: p })).toBe(1);
  });

  it('O22: an upgrade edits owned record types through one merged change with snapshots', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    await installed(p, helpdesk('1.0.0', tag));
    const up = await installed(p, helpdeskUpgrade(tag));
    const row = await db()
      .selectFrom('graph_package_installs')
      .select(['change_id', 'previous_install_id'])
      .where('id', '=', up.installId)
      .executeTakeFirstOrThrow();
    expect(row.previous_install_id).not.toBeNull();
    const change = await json<{ status: string }>(h.call('GET', `/api/changes/${row.change_id}`, admin));
    expect(change.status).toBe('Merged');
    const snapshots = await json<{ recordTypeKey: string }[]>(
      h.call('GET', `/api/changes/${row.change_id}/snapshots`, admin),
    );
    expect(snapshots.map((s) => s.recordTypeKey).sort()).toEqual(['hd_task', 'hd_ticket']);
    const ticket = (await graphOf(p)).recordTypes.find((t) => t.key === 'hd_ticket')!;
    expect(ticket.fields.map((f) => f.name)).toEqual(['priority', 'summary', 'impact']);
    expect(ticket.slaConfig).toEqual({ durationMinutes: 60 });
  });
});

describe('package uninstall', () => {
  it('O23: reverting an upgrade brings every touched type, SLA, assignment and workflow back exactly', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    await installed(p, helpdesk('1.0.0', tag));
    const before = await graphOf(p);
    const up = await installed(p, helpdeskUpgrade(tag));
    expect(diffSnapshots(before, await graphOf(p)).summary.modified).toBe(2);
    const reverted = await json<{ status: string }>(
      h.call('POST', `/api/admin/graph/packages/${up.installId}/revert`, admin),
    );
    expect(reverted.status).toBe('reverted');
    const diff = diffSnapshots(before, await graphOf(p));
    expect(diff.addedRecordTypes).toEqual([]);
    expect(diff.removedRecordTypes).toEqual([]);
    expect(diff.modifiedRecordTypes).toEqual([]);
    // The same version installs again over the restored 1.0.0.
    expect((await installed(p, helpdeskUpgrade(tag))).status).toBe('installed');
  });

  it('O23: reverting a first install removes what it created: the graph is as before', async () => {
    const p = await newProject();
    const before = await graphOf(p);
    const lists = await count('choice_lists', {});
    const first = await installed(p, helpdesk('1.0.0', ` ${n}`));
    await json(h.call('POST', `/api/admin/graph/packages/${first.installId}/revert`, admin));
    expect(diffSnapshots(before, await graphOf(p)).summary).toMatchObject({
      added: 0,
      removed: 0,
      modified: 0,
    });
    expect(await count('choice_lists', {})).toBe(lists);
    expect(await count('workflow_definitions', { project_id: p, status: 'active' })).toBe(0);
    expect(await count('graph_package_objects', { project_id: p })).toBe(0);
    // Uninstalled, the package installs afresh.
    expect((await installed(p, helpdesk('1.0.0', ` ${n}`))).status).toBe('installed');
  });

  it('O24: an uninstall that would drop records is refused with PACKAGE_REVERT_BLOCKED naming them', async () => {
    const p = await newProject();
    const first = await installed(p, helpdesk('1.0.0', ` ${n}`));
    await createRecord(await typeId(p, 'hd_task'), { state: 'open' });
    const res = await h.call('POST', `/api/admin/graph/packages/${first.installId}/revert`, admin);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'PACKAGE_REVERT_BLOCKED',
      details: { recordTypes: [{ key: 'hd_task', records: 1 }] },
    });
    expect(await count('record_types', { project_id: p })).toBe(2);
    expect(await count('graph_package_installs', { project_id: p, status: 'installed' })).toBe(1);
  });

  it('O24: an uninstall that would leave another package without its base type is refused', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    const base = await installed(p, helpdesk('1.0.0', tag));
    const extension: GraphPackage = {
      key: 'test.extension',
      version: '1.0.0',
      name: 'Extension',
      bindings: { recordTypes: ['hd_task'] },
      recordTypes: [{ key: 'hd_problem', name: `Help desk problem${tag}`, baseType: 'hd_task', fields: [] }],
    };
    await installed(p, extension);
    const res = await h.call('POST', `/api/admin/graph/packages/${base.installId}/revert`, admin);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'PACKAGE_REVERT_BLOCKED',
      details: { dependents: [{ key: 'hd_problem', uses: 'hd_task', as: 'baseType' }] },
    });
    expect(await count('record_types', { project_id: p })).toBe(3);
  });

  it('O25: only the latest install can be reverted, and only once', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    const first = await installed(p, helpdesk('1.0.0', tag));
    const up = await installed(p, helpdeskUpgrade(tag));
    const early = await h.call('POST', `/api/admin/graph/packages/${first.installId}/revert`, admin);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('PACKAGE_ALREADY_REVERTED');
    await json(h.call('POST', `/api/admin/graph/packages/${up.installId}/revert`, admin));
    const twice = await h.call('POST', `/api/admin/graph/packages/${up.installId}/revert`, admin);
    expect(twice.statusCode, twice.body).toBe(409);
    expect(twice.json().code).toBe('PACKAGE_ALREADY_REVERTED');
  });

  it('O25: concurrent reverts of one install: one reverts, the others 409', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    await installed(p, helpdesk('1.0.0', tag));
    const up = await installed(p, helpdeskUpgrade(tag));
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.call('POST', `/api/admin/graph/packages/${up.installId}/revert`, admin),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(7);
    expect(await count('environment_package_installs', { project_id: p, source: 'uninstall' })).toBe(1);
  });

  it('O26: ownership follows the installs: an upgrade replaces the workflow, an uninstall hands the old one back', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    const first = await installed(p, helpdesk('1.0.0', tag));
    const owners = async () =>
      db()
        .selectFrom('graph_package_objects')
        .select(['object_type', 'object_key', 'object_id', 'install_id'])
        .where('project_id', '=', p)
        .orderBy('object_type')
        .orderBy('object_key')
        .execute();
    const owned1 = await owners();
    expect(owned1.every((o) => o.install_id === first.installId)).toBe(true);
    const v2 = helpdeskUpgrade(tag);
    v2.workflows![0]!.steps.push({
      stepType: 'notification',
      config: { channel: 'email', template: 'Again' },
    });
    const up = await installed(p, v2);
    const owned2 = await owners();
    expect(owned2.every((o) => o.install_id === up.installId)).toBe(true);
    const wf1 = owned1.find((o) => o.object_type === 'workflow')!.object_id;
    const wf2 = owned2.find((o) => o.object_type === 'workflow')!.object_id;
    expect(wf2).not.toBe(wf1);
    const status = async (id: string) =>
      (
        await db()
          .selectFrom('workflow_definitions')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status(wf1)).toBe('retired');
    await json(h.call('POST', `/api/admin/graph/packages/${up.installId}/revert`, admin));
    const owned3 = await owners();
    expect(owned3.filter((o) => o.object_type !== 'workflow')).toEqual(
      owned1.filter((o) => o.object_type !== 'workflow'),
    );
    expect(await status(wf2)).toBe('retired');
    const restored = owned3.find((o) => o.object_type === 'workflow')!.object_id;
    expect(await status(restored)).toBe('active');
    expect(await count('workflow_steps', { workflow_definition_id: restored })).toBe(1);
  });

  it("O27: each install records the environment's package state; an uninstall records source uninstall", async () => {
    const p = await newProject();
    const envs = await json<{ id: string; name: string; isDefault: boolean }[]>(
      h.call('GET', `/api/projects/${p}/environments`, admin),
    );
    const dflt = envs.find((e) => e.isDefault)!;
    const other = envs.find((e) => !e.isDefault)!;
    const tag = ` ${n}`;
    const first = await installed(p, helpdesk('1.0.0', tag));
    expect(first.environmentId).toBe(dflt.id);
    const up = await installed(p, helpdeskUpgrade(tag), { environmentId: other.id });
    expect(up.environmentId).toBe(other.id);
    await json(h.call('POST', `/api/admin/graph/packages/${up.installId}/revert`, admin));
    const rows = await db()
      .selectFrom('environment_package_installs')
      .select(['environment_id', 'version', 'source', 'graph_install_id'])
      .where('project_id', '=', p)
      .orderBy('installed_at')
      .execute();
    expect(rows).toEqual([
      { environment_id: dflt.id, version: '1.0.0', source: 'install', graph_install_id: first.installId },
      { environment_id: other.id, version: '1.1.0', source: 'install', graph_install_id: up.installId },
      { environment_id: other.id, version: '1.1.0', source: 'uninstall', graph_install_id: up.installId },
    ]);
    const missing = await install(p, helpdesk('3.0.0', tag), {
      environmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode, missing.body).toBe(404);
  });
});

describe('package routes', () => {
  it('lists the install history newest first, paged, and diffs two installed versions', async () => {
    const p = await newProject();
    const tag = ` ${n}`;
    await installed(p, helpdesk('1.0.0', tag));
    await installed(p, helpdeskUpgrade(tag));
    const page = await h.call('GET', `/api/admin/graph/packages?projectId=${p}&limit=1`, admin);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().map((i: { version: string }) => i.version)).toEqual(['1.1.0']);
    const next = await json<{ version: string }[]>(
      h.call(
        'GET',
        `/api/admin/graph/packages?projectId=${p}&limit=1&cursor=${page.headers['x-next-cursor']}`,
        admin,
      ),
    );
    expect(next.map((i) => i.version)).toEqual(['1.0.0']);
    const diff = await json<Result['diff']>(
      h.call(
        'GET',
        `/api/admin/graph/packages/diff?projectId=${p}&packageKey=test.helpdesk&fromVersion=1.0.0&toVersion=1.1.0`,
        admin,
      ),
    );
    expect(
      diff.objects.filter((o) => o.disposition !== 'same').map((o) => `${o.key}:${o.disposition}`),
    ).toEqual(['hd_task.state:update', 'hd_ticket.impact:insert', 'hd_ticket:update']);
    const none = await h.call(
      'GET',
      `/api/admin/graph/packages/diff?projectId=${p}&packageKey=test.helpdesk&fromVersion=1.0.0&toVersion=9.0.0`,
      admin,
    );
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('PACKAGE_INSTALL_NOT_FOUND');
  });

  it('O28: another tenant sees none of it: 404 on every package route', async () => {
    const p = await newProject();
    const first = await installed(p, helpdesk('1.0.0', ` ${n}`));
    const calls: [string, string, unknown?][] = [
      ['POST', '/api/admin/graph/install', { projectId: p, package: helpdesk('1.0.0', ' x') }],
      ['GET', `/api/admin/graph/packages?projectId=${p}`],
      ['GET', `/api/admin/graph/packages/${first.installId}`],
      [
        'GET',
        `/api/admin/graph/packages/diff?projectId=${p}&packageKey=test.helpdesk&fromVersion=1.0.0&toVersion=1.0.0`,
      ],
      ['POST', `/api/admin/graph/packages/${first.installId}/revert`],
      ['POST', '/api/hr-lite/install', { projectId: p, preview: true }],
    ];
    for (const [method, url, body] of calls) {
      const res = await h.call(method as 'GET', url, { ...outsider, ...(body ? { body } : {}) });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
    }
    expect(await count('graph_package_installs', { project_id: p, status: 'installed' })).toBe(1);
  });

  it('O29: a Viewer previews nothing and installs nothing (403); an agent may preview but not apply (AGENT_FORBIDDEN)', async () => {
    const p = await newProject();
    const pkg = helpdesk('1.0.0', ` ${n}`);
    const denied = await install(p, pkg, {}, viewer);
    expect(denied.statusCode, denied.body).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
    const agent = await install(p, pkg, {}, agentAdmin);
    expect(agent.statusCode, agent.body).toBe(403);
    expect(agent.json().code).toBe('AGENT_FORBIDDEN');
    expect((await json<Result>(install(p, pkg, { preview: true }, agentAdmin))).status).toBe('previewed');
    const first = await installed(p, pkg);
    for (const who of [viewer, agentAdmin]) {
      const res = await h.call('POST', `/api/admin/graph/packages/${first.installId}/revert`, who);
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(await count('graph_package_installs', { project_id: p })).toBe(1);
  });

  it('refuses a package that does not fit the format with 400, and one with a broken reference with PACKAGE_INVALID', async () => {
    const p = await newProject();
    const res = await install(p, { ...helpdesk(), version: 'one' } as GraphPackage);
    expect(res.statusCode, res.body).toBe(400);
    const broken = helpdesk('1.0.0', ` ${n}`);
    broken.recordTypes[0]!.fields[0]!.choiceListKey = 'no_such_list';
    const invalid = await install(p, broken);
    expect(invalid.statusCode, invalid.body).toBe(400);
    expect(invalid.json().code).toBe('PACKAGE_INVALID');
    expect(invalid.json().details.problems[0]).toMatch(/^\/recordTypes\/0\/fields\/0\/choiceListKey /);
    expect(await count('graph_package_installs', { project_id: p })).toBe(0);
  });

  it('lists the built-ins and installs HR Lite and ITSM Lite into one project', async () => {
    const p = await newProject();
    const builtIns = await json<{ key: string; checksum: string; counts: { recordTypes: number } }[]>(
      h.call('GET', '/api/admin/graph/built-in', admin),
    );
    expect(builtIns.map((b) => b.key).sort()).toEqual(['hr.lite', 'itsm.lite']);
    const preview = await json<Result>(
      h.call('POST', '/api/hr-lite/install', { ...admin, body: { projectId: p, preview: true } }),
    );
    expect(preview.status).toBe('previewed');
    const hr = await json<Result>(
      h.call('POST', '/api/hr-lite/install', { ...admin, body: { projectId: p } }),
    );
    expect(hr.checksum).toBe(builtIns.find((b) => b.key === 'hr.lite')!.checksum);
    // A working app at once: a new employee is routed, and its onboarding approval reaches someone
    // though nobody holds hr-managers yet (the escalation's Admin holders are asked).
    const employee = await json<{ id: string; assignedGroup: string | null; data: Record<string, unknown> }>(
      h.call('POST', '/api/record-instances', {
        ...admin,
        body: {
          recordTypeId: await typeId(p, 'employee'),
          data: { full_name: 'Ada L', email: 'ada@example.com' },
        },
      }),
      201,
    );
    expect(employee).toMatchObject({ assignedGroup: 'hr-ops', data: { status: 'onboarding' } });
    await json(h.call('POST', '/api/workflow-intents/dispatch', { ...admin, body: {} }));
    const approvals = await json<{ approvers: string[]; status: string }[]>(
      h.call('GET', '/api/workflow-approvals?status=pending', admin),
    );
    expect(approvals.some((a) => a.approvers.includes('admin'))).toBe(true);
    const itsm = await json<Result>(
      h.call('POST', '/api/admin/graph/install-built-in', {
        ...admin,
        body: { projectId: p, packageKey: 'itsm.lite' },
      }),
    );
    expect(itsm.status).toBe('installed');
    expect(await count('record_types', { project_id: p })).toBe(
      builtIns.reduce((sum, b) => sum + b.counts.recordTypes, 0),
    );
    const unknown = await h.call('POST', '/api/admin/graph/install-built-in', {
      ...admin,
      body: { projectId: p, packageKey: 'no.such' },
    });
    expect(unknown.statusCode, unknown.body).toBe(404);
  });

  it('installs a package into a second project of the tenant, naming its new objects after that project', async () => {
    const [first, second] = [await newProject(), await newProject()];
    const installItsm = (projectId: string) =>
      json<Result>(
        h.call('POST', '/api/admin/graph/install-built-in', {
          ...admin,
          body: { projectId, packageKey: 'itsm.lite' },
        }),
      );
    expect((await installItsm(first)).status).toBe('installed');
    const again = await installItsm(second);
    expect(again.status).toBe('installed');
    const names = async (projectId: string) =>
      (
        await db()
          .selectFrom('record_types')
          .select(['key', 'name'])
          .where('project_id', '=', projectId)
          .where('key', '=', 'incident')
          .execute()
      ).map((r) => r.name);
    const secondName = (
      await db().selectFrom('projects').select('name').where('id', '=', second).executeTakeFirstOrThrow()
    ).name as string;
    const [firstName] = await names(first);
    const [secondTypeName] = await names(second);
    expect(secondTypeName).not.toBe(firstName);
    expect(secondTypeName).toMatch(new RegExp(`^Incident.* \\(${secondName}\\)$`));
    // Both apps work: each project's incidents take records of their own.
    const incident = await typeId(second, 'incident');
    await createRecord(incident, { short_description: 'VPN down', category: 'network' });
    // And the second uninstalls on its own, leaving the first project's app alone.
    const revert = await h.call('POST', `/api/admin/graph/packages/${again.installId}/revert`, admin);
    expect(revert.statusCode, revert.body).toBe(409); // it holds a record now: never dropped
    expect(await count('record_types', { project_id: first })).toBeGreaterThan(0);
  });
});

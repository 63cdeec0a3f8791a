import { TEMPLATE_PACKAGES } from '@ec3l/graph-packages';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Who } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const outsider = { tenant: 'globex', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
const agentAdmin = { tenant: 'acme', agent: 'bot-admin' };
let n = 0;

type Template = {
  id: string;
  key: string;
  version: string;
  isLatest: boolean;
  packageKey: string;
  packageVersion: string;
};
type TemplateModule = {
  id: string;
  moduleName: string;
  metadata: { config: Record<string, unknown>; recordTypes: string[]; workflows: string[]; rules: string[] };
};
type InstalledModule = {
  id: string;
  moduleId: string;
  moduleName: string;
  moduleVersion: string;
  isOverride: boolean;
};
type AppDetail = {
  id: string;
  projectId: string;
  templateVersion: string;
  latestVersion: string;
  status: string;
  packageInstallId: string | null;
  modules: InstalledModule[];
  events: { eventType: string; details: Record<string, unknown> }[];
};
type Override = { id: string; version: number; status: string; targetRef: string };

const json = async <T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; json(): unknown; body: string }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};

const db = () => h.database.ownerDb;
const tenantIdOf = async (slug: string) =>
  (await db().selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirstOrThrow())
    .id as string;
const count = async (table: string, where: Record<string, unknown>) => {
  let q = db()
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'));
  for (const [k, v] of Object.entries(where)) q = q.where(k, '=', v);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const newProject = async (who: Who = admin) =>
  (
    await json<{ id: string }>(
      h.call('POST', '/api/projects', { ...who, body: { name: `Apps ${++n}` } }),
      201,
    )
  ).id;

let templates: Template[];
const template = (key: string, version = '1.0.0') =>
  templates.find((t) => t.key === key && t.version === version)!;
const install = (templateId: string, projectId: string, who: Who = admin) =>
  h.call('POST', `/api/templates/${templateId}/install`, { ...who, body: { projectId } });

/** The tenant's HR app, installed at 1.0.0 into a fresh project unless the tenant has it (one per tenant). */
const hrAppOf = async (who: Who): Promise<AppDetail> => {
  const apps = await json<{ id: string; templateKey: string }[]>(h.call('GET', '/api/installed-apps', who));
  const found = apps.find((a) => a.templateKey === 'hr');
  if (found) return json<AppDetail>(h.call('GET', `/api/installed-apps/${found.id}`, who));
  return json<AppDetail>(install(template('hr').id, await newProject(who), who), 201);
};

beforeAll(async () => {
  h = await createHarness([
    'acme',
    'globex',
    'initech',
    'hooli',
    'umbrella',
    'stark',
    'wayne',
    'lex',
    'oscorp',
  ]);
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
  templates = await json<Template[]>(h.call('GET', '/api/templates', admin));
});
afterAll(() => h.close());

describe('template catalog', () => {
  it('lists every version of the six domains, HR twice, and marks the newest', async () => {
    expect(templates.map((t) => `${t.key}@${t.version}`).sort()).toEqual([
      'custom@1.0.0',
      'facilities@1.0.0',
      'finance@1.0.0',
      'hr@1.0.0',
      'hr@1.1.0',
      'itsm@1.0.0',
      'legal@1.0.0',
    ]);
    expect(template('hr').isLatest).toBe(false);
    expect(template('hr', '1.1.0').isLatest).toBe(true);
  });

  it('every template installs a known package, and its modules govern only parts of that package', async () => {
    expect(templates.length).toBeGreaterThan(0);
    for (const t of templates) {
      const pkg = TEMPLATE_PACKAGES[`${t.packageKey}@${t.packageVersion}`];
      expect(pkg, `${t.key}@${t.version}`).toBeDefined();
      const modules = await json<TemplateModule[]>(h.call('GET', `/api/templates/${t.id}/modules`, admin));
      expect(modules.length).toBeGreaterThan(0);
      const types = new Set(pkg!.recordTypes.map((r) => r.key));
      const workflows = new Set((pkg!.workflows ?? []).map((w) => w.key));
      const rules = new Set([
        ...(pkg!.assignmentRules ?? []).map((r) => `assignment:${r.recordTypeKey}`),
        ...(pkg!.slaPolicies ?? []).map((r) => `sla:${r.recordTypeKey}`),
      ]);
      for (const m of modules) {
        for (const r of m.metadata.recordTypes) expect(types, `${m.moduleName} ${r}`).toContain(r);
        for (const w of m.metadata.workflows) expect(workflows, `${m.moduleName} ${w}`).toContain(w);
        for (const r of m.metadata.rules) expect(rules, `${m.moduleName} ${r}`).toContain(r);
      }
    }
  });

  it('answers one template with its modules, and 404 for an unknown id', async () => {
    const hr = await json<{ key: string; modules: TemplateModule[] }>(
      h.call('GET', `/api/templates/${template('hr').id}`, admin),
    );
    expect(hr.key).toBe('hr');
    expect(hr.modules.map((m) => m.moduleName)).toEqual(['hr-core', 'hr-onboarding']);
    await json(h.call('GET', '/api/templates/00000000-0000-4000-8000-000000000000', admin), 404);
  });
});

describe('template install', () => {
  it('A1: creates the app, a module per template module, the package and the install events in one go', async () => {
    const who = { tenant: 'wayne', user: 'admin' };
    const never = { tenant: 'lex', user: 'admin' };
    const projectId = await newProject(who);
    const app = await json<AppDetail>(install(template('hr').id, projectId, who), 201);
    expect(app).toMatchObject({
      projectId,
      templateVersion: '1.0.0',
      latestVersion: '1.1.0',
      status: 'installed',
    });
    expect(app.modules.map((m) => [m.moduleName, m.moduleVersion])).toEqual([
      ['hr-core', '1.0.0'],
      ['hr-onboarding', '1.0.0'],
    ]);
    expect(app.events.map((e) => e.eventType)).toEqual(['install_started', 'install_completed']);
    expect(await count('record_types', { project_id: projectId, key: 'employee' })).toBe(1);
    expect(await count('modules', { project_id: projectId, name: 'hr-core' })).toBe(1);
    expect(await count('graph_package_installs', { id: app.packageInstallId })).toBe(1);
    // The owner reads it; another tenant gets 404 on the same URL, and does not list it.
    await json(h.call('GET', `/api/installed-apps/${app.id}`, who));
    await json(h.call('GET', `/api/installed-apps/${app.id}`, never), 404);
    expect(
      (await json<{ id: string }[]>(h.call('GET', '/api/installed-apps', who))).map((a) => a.id),
    ).toEqual([app.id]);
    expect(await json<unknown[]>(h.call('GET', '/api/installed-apps', never))).toEqual([]);
  });

  it('A2: one app per tenant and template: a second install is 409 APP_ALREADY_INSTALLED and writes nothing', async () => {
    await hrAppOf(admin);
    const projectId = await newProject();
    const before = await count('installed_apps', {});
    const r = await install(template('hr').id, projectId);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json()).toMatchObject({ code: 'APP_ALREADY_INSTALLED' });
    expect(await count('installed_apps', {})).toBe(before);
    expect(await count('modules', { project_id: projectId, name: 'hr-core' })).toBe(0);
    expect(await count('record_types', { project_id: projectId })).toBe(0);
  });

  it('A2: of 20 concurrent installs of one template exactly one lands', async () => {
    const tenantId = await tenantIdOf('hooli');
    const who = { tenant: 'hooli', user: 'admin' };
    const projectId = await newProject(who);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => install(template('legal').id, projectId, who)),
    );
    const codes = results.map((r) => (r.status === 'fulfilled' ? r.value.statusCode : 0));
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(await count('installed_apps', { tenant_id: tenantId })).toBe(1);
    expect(await count('installed_modules', { tenant_id: tenantId })).toBe(2);
    expect(await count('record_types', { tenant_id: tenantId, key: 'contract' })).toBe(1);
  });

  it('A3: a project of another tenant is 404, and a Viewer or an agent installs nothing', async () => {
    const projectId = await newProject();
    await json(install(template('finance').id, projectId, outsider), 404);
    expect((await install(template('finance').id, projectId, viewer)).statusCode).toBe(403);
    expect((await install(template('finance').id, projectId, agentAdmin)).json()).toMatchObject({
      code: 'AGENT_FORBIDDEN',
    });
    expect(await count('modules', { project_id: projectId, name: 'finance-expenses' })).toBe(0);
  });

  it('A4: a failure at the last statement leaves nothing of the install and records install_failed', async () => {
    const tenantId = await tenantIdOf('initech');
    const who = { tenant: 'initech', user: 'admin' };
    const projectId = await newProject(who);
    const modulesBefore = await count('modules', { project_id: projectId });
    // Fails the install_completed event, the install's last statement, only once everything before it is
    // written: the app, its module, the package's record types and its install.
    await sql`create function fail_install_completed() returns trigger language plpgsql as $$
      begin
        if new.event_type = 'install_completed'
          and (select count(*) from installed_modules where installed_app_id = new.installed_app_id) = 1
          and (select count(*) from record_types where project_id = new.project_id and key = 'site') = 1
          and (select count(*) from graph_package_installs where project_id = new.project_id) = 1
        then raise exception 'install refused after its writes'; end if;
        return new;
      end $$`.execute(db());
    await sql`create trigger fail_install_completed before insert on installed_app_events
      for each row execute function fail_install_completed()`.execute(db());
    try {
      const r = await install(template('facilities').id, projectId, who);
      expect(r.statusCode, r.body).toBe(500);
    } finally {
      await sql`drop trigger fail_install_completed on installed_app_events`.execute(db());
      await sql`drop function fail_install_completed()`.execute(db());
    }
    expect(await count('installed_apps', { tenant_id: tenantId })).toBe(0);
    expect(await count('installed_modules', { tenant_id: tenantId })).toBe(0);
    expect(await count('modules', { project_id: projectId })).toBe(modulesBefore);
    expect(await count('record_types', { project_id: projectId })).toBe(0);
    expect(await count('graph_package_installs', { project_id: projectId })).toBe(0);
    const events = await db()
      .selectFrom('installed_app_events')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .execute();
    expect(events).toMatchObject([
      {
        event_type: 'install_failed',
        installed_app_id: null,
        project_id: projectId,
        error_details: { code: 'INTERNAL_ERROR' },
      },
    ]);
    const listed = await json<{ eventType: string }[]>(
      h.call('GET', '/api/admin/app-events?eventType=install_failed', who),
    );
    expect(listed.map((e) => e.eventType)).toEqual(['install_failed']);
    // Without the trigger the same install lands: the failure was the trigger's alone.
    await json(install(template('facilities').id, projectId, who), 201);
  });
});

describe('app upgrade', () => {
  it('A5: upgrades HR 1.0.0 to 1.1.0 through the install engine, adding the new module and fields', async () => {
    const who = { tenant: 'umbrella', user: 'admin' };
    // HR Lite in another project first: the app's record types get names qualified by their project
    // (names are unique in the tenant), which the upgrade keeps.
    await json(
      h.call('POST', '/api/hr-lite/install', { ...who, body: { projectId: await newProject(who) } }),
    );
    const projectId = await newProject(who);
    const app = await json<AppDetail>(install(template('hr').id, projectId, who), 201);
    expect(await count('record_types', { project_id: projectId, name: `Employee (Apps ${n})` })).toBe(1);
    const upgraded = await json<AppDetail>(
      h.call('POST', `/api/installed-apps/${app.id}/upgrade`, { ...who, body: {} }),
    );
    expect(upgraded).toMatchObject({ templateVersion: '1.1.0', status: 'installed' });
    expect(upgraded.modules.map((m) => [m.moduleName, m.moduleVersion])).toEqual([
      ['hr-core', '1.1.0'],
      ['hr-onboarding', '1.1.0'],
      ['hr-directory', '1.1.0'],
    ]);
    expect(upgraded.modules[0]!.id).toBe(app.modules[0]!.id);
    expect(upgraded.events.map((e) => [e.eventType, e.details.kind])).toEqual([
      ['install_started', 'install'],
      ['install_completed', 'install'],
      ['install_started', 'upgrade'],
      ['install_completed', 'upgrade'],
    ]);
    const employee = await db()
      .selectFrom('record_types')
      .select('id')
      .where('project_id', '=', projectId)
      .where('key', '=', 'employee')
      .executeTakeFirstOrThrow();
    expect(await count('field_definitions', { record_type_id: employee.id, name: 'phone' })).toBe(1);
    const again = await h.call('POST', `/api/installed-apps/${app.id}/upgrade`, { ...who, body: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'APP_UPGRADE_INVALID',
      details: { currentVersion: '1.1.0', targetVersion: '1.1.0' },
    });
    await json(h.call('POST', `/api/installed-apps/${app.id}/upgrade`, { ...outsider, body: {} }), 404);
  });

  it('A7: a failed upgrade leaves the app at its version, status failed, with install_failed; it can be upgraded again', async () => {
    const who = { tenant: 'stark', user: 'admin' };
    const tenantId = await tenantIdOf('stark');
    const projectId = await newProject(who);
    const app = await json<AppDetail>(install(template('hr').id, projectId, who), 201);
    await sql`create function fail_upgrade_completed() returns trigger language plpgsql as $$
      begin
        if new.event_type = 'install_completed' and new.details->>'kind' = 'upgrade'
          and (select count(*) from installed_modules where installed_app_id = new.installed_app_id) = 3
        then raise exception 'upgrade refused after its writes'; end if;
        return new;
      end $$`.execute(db());
    await sql`create trigger fail_upgrade_completed before insert on installed_app_events
      for each row execute function fail_upgrade_completed()`.execute(db());
    try {
      const r = await h.call('POST', `/api/installed-apps/${app.id}/upgrade`, { ...who, body: {} });
      expect(r.statusCode, r.body).toBe(500);
    } finally {
      await sql`drop trigger fail_upgrade_completed on installed_app_events`.execute(db());
      await sql`drop function fail_upgrade_completed()`.execute(db());
    }
    const failed = await json<AppDetail>(h.call('GET', `/api/installed-apps/${app.id}`, who));
    expect(failed).toMatchObject({ status: 'failed', templateVersion: '1.0.0' });
    expect(failed.modules).toHaveLength(2);
    expect(failed.events.map((e) => [e.eventType, e.details.kind])).toEqual([
      ['install_started', 'install'],
      ['install_completed', 'install'],
      ['install_failed', 'upgrade'],
    ]);
    expect(await count('graph_package_installs', { tenant_id: tenantId })).toBe(1);
    const upgraded = await json<AppDetail>(
      h.call('POST', `/api/installed-apps/${app.id}/upgrade`, { ...who, body: {} }),
    );
    expect(upgraded).toMatchObject({ status: 'installed', templateVersion: '1.1.0' });
  });

  it('A6: of 20 concurrent upgrades of one app exactly one applies, the others are 409', async () => {
    const who = { tenant: 'globex', user: 'admin' };
    const tenantId = await tenantIdOf('globex');
    const projectId = await newProject(who);
    const app = await json<AppDetail>(install(template('hr').id, projectId, who), 201);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        h.call('POST', `/api/installed-apps/${app.id}/upgrade`, {
          ...who,
          body: { templateId: template('hr', '1.1.0').id },
        }),
      ),
    );
    const answers = results.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
    expect(answers.filter((r) => r?.statusCode === 200)).toHaveLength(1);
    const refused = answers.filter((r) => r?.statusCode === 409);
    expect(refused).toHaveLength(19);
    for (const r of refused)
      expect(['APP_UPGRADE_IN_PROGRESS', 'APP_UPGRADE_INVALID']).toContain(
        (r!.json() as { code: string }).code,
      );
    expect(
      await db()
        .selectFrom('installed_app_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('event_type', '=', 'install_completed')
        .where(sql`details->>'kind'`, '=', 'upgrade')
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: '1' });
    expect(await count('installed_modules', { tenant_id: tenantId })).toBe(3);
    expect(await count('graph_package_installs', { project_id: projectId })).toBe(2);
  });
});

describe('module overrides', () => {
  let core: InstalledModule;
  let onboarding: InstalledModule;

  beforeAll(async () => {
    const hr = await hrAppOf(admin);
    core = hr.modules.find((m) => m.moduleName === 'hr-core')!;
    onboarding = hr.modules.find((m) => m.moduleName === 'hr-onboarding')!;
  });

  const create = (body: Record<string, unknown>, who: Who = admin) =>
    h.call('POST', '/api/overrides', { ...who, body: { installedModuleId: core.id, ...body } });
  const config = (targetRef: string, value: unknown) => ({
    overrideType: 'config',
    targetRef,
    patch: { value },
  });
  const resolve = (moduleId: string, who: Who = admin) =>
    json<{
      config: Record<string, unknown>;
      values: { key: string; source: string; overrideId: string | null; overrideVersion: number | null }[];
    }>(h.call('GET', `/api/installed-modules/${moduleId}/resolve`, who));

  it('OV5: a draft is versioned per target; resolve shows the active value with its override and version', async () => {
    // A tenant of its own: its module starts at the template defaults, whatever else ran before.
    const who = { tenant: 'oscorp', user: 'admin' };
    const mine = (await hrAppOf(who)).modules.find((m) => m.moduleName === 'hr-core')!;
    const createHere = (body: Record<string, unknown>) =>
      h.call('POST', '/api/overrides', { ...who, body: { installedModuleId: mine.id, ...body } });
    const v1 = await json<Override>(createHere(config('probationDays', 120)), 201);
    const v2 = await json<Override>(createHere(config('probationDays', 180)), 201);
    const other = await json<Override>(createHere(config('employeeIdPrefix', 'STAFF')), 201);
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    expect([v1.status, v2.status]).toEqual(['draft', 'draft']);
    expect((await resolve(mine.id, who)).config.probationDays).toBe(90);

    await json(h.call('POST', `/api/overrides/${v1.id}/activate`, who));
    let resolved = await resolve(mine.id, who);
    expect(resolved.config).toMatchObject({
      probationDays: 120,
      employeeIdPrefix: 'EMP',
      allowContractors: true,
    });
    expect(resolved.values.find((v) => v.key === 'probationDays')).toMatchObject({
      source: 'override',
      overrideId: v1.id,
      overrideVersion: 1,
    });
    expect(resolved.values.find((v) => v.key === 'employeeIdPrefix')).toMatchObject({ source: 'template' });

    // OV1: activating v2 retires v1.
    await json(h.call('POST', `/api/overrides/${v2.id}/activate`, who));
    expect((await json<Override>(h.call('GET', `/api/overrides/${v1.id}`, who))).status).toBe('retired');
    resolved = await resolve(mine.id, who);
    expect(resolved.values.find((v) => v.key === 'probationDays')).toMatchObject({
      source: 'override',
      overrideId: v2.id,
      overrideVersion: 2,
    });

    // OV2: retired is final; retiring the active one gives the template value back.
    const again = await h.call('POST', `/api/overrides/${v1.id}/activate`, who);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'OVERRIDE_STATE_CONFLICT', details: { status: 'retired' } });
    await json(h.call('POST', `/api/overrides/${v2.id}/retire`, who));
    expect((await resolve(mine.id, who)).config.probationDays).toBe(90);
    expect(
      (await json<{ isOverride: boolean }[]>(h.call('GET', '/api/admin/modules', who))).find(
        (m) => (m as unknown as InstalledModule).id === mine.id,
      ),
    ).toMatchObject({ isOverride: false });
  });

  it('OV3: a target the module does not have, or a value of another JSON type, is a 400 naming it', async () => {
    const before = await count('module_overrides', {});
    const unknownKey = await create(config('noSuchKey', 1));
    expect(unknownKey.statusCode).toBe(400);
    expect(unknownKey.json()).toMatchObject({
      code: 'OVERRIDE_TARGET_INVALID',
      details: { field: 'targetRef' },
    });
    const wrongType = await create(config('probationDays', 'ninety'));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ code: 'OVERRIDE_PATCH_INVALID' });
    const workflow = await create({ overrideType: 'workflow', targetRef: 'employee_onboarding', patch: {} });
    expect(workflow.json()).toMatchObject({ code: 'OVERRIDE_TARGET_INVALID' });
    expect(await count('module_overrides', {})).toBe(before);
    // The onboarding module has that workflow.
    await json(
      h.call('POST', '/api/overrides', {
        ...admin,
        body: {
          installedModuleId: onboarding.id,
          overrideType: 'workflow',
          targetRef: 'employee_onboarding',
          patch: { deadlineMinutes: 1440 },
        },
      }),
      201,
    );
  });

  it('OV1: of 20 concurrent activations of drafts of one target exactly one override ends active', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        json<Override>(create(config('allowContractors', i % 2 === 0)), 201),
      ),
    );
    expect(new Set(drafts.map((d) => d.version)).size).toBe(20);
    const results = await Promise.allSettled(
      drafts.map((d) => h.call('POST', `/api/overrides/${d.id}/activate`, admin)),
    );
    expect(results.every((r) => r.status === 'fulfilled' && r.value.statusCode === 200)).toBe(true);
    const rows = await db()
      .selectFrom('module_overrides')
      .select(['id', 'status'])
      .where('installed_module_id', '=', core.id)
      .where('target_ref', '=', 'allowContractors')
      .execute();
    // One active for the target, and it is one of the twenty; the other nineteen are retired.
    expect(rows.filter((r) => r.status === 'active')).toHaveLength(1);
    const ours = rows.filter((r) => drafts.some((d) => d.id === r.id));
    expect(ours.filter((r) => r.status === 'active')).toHaveLength(1);
    expect(ours.filter((r) => r.status === 'retired')).toHaveLength(19);
  });

  it('OV2: of 20 concurrent activations of one draft one succeeds and 19 are 409', async () => {
    const draft = await json<Override>(create(config('employeeIdPrefix', 'P')), 201);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => h.call('POST', `/api/overrides/${draft.id}/activate`, admin)),
    );
    const codes = results.map((r) => (r.status === 'fulfilled' ? r.value.statusCode : 0));
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(await count('module_overrides', { id: draft.id, status: 'active' })).toBe(1);
  });

  it('an agent holding Admin may create an override but not activate it; a Viewer may do neither', async () => {
    const draft = await json<Override>(create(config('probationDays', 30), agentAdmin), 201);
    expect((await h.call('POST', `/api/overrides/${draft.id}/activate`, agentAdmin)).json()).toMatchObject({
      code: 'AGENT_FORBIDDEN',
    });
    expect((await create(config('probationDays', 30), viewer)).statusCode).toBe(403);
    expect((await h.call('POST', `/api/overrides/${draft.id}/retire`, viewer)).statusCode).toBe(403);
    expect((await json<Override>(h.call('GET', `/api/overrides/${draft.id}`, admin))).status).toBe('draft');
  });

  it("T2: another tenant's override and module answer 404 where the owner's answer 200", async () => {
    const draft = await json<Override>(create(config('probationDays', 45)), 201);
    for (const url of [
      `/api/overrides/${draft.id}`,
      `/api/installed-modules/${core.id}/overrides`,
      `/api/installed-modules/${core.id}/resolve`,
    ]) {
      await json(h.call('GET', url, admin));
      await json(h.call('GET', url, outsider), 404);
    }
    await json(h.call('POST', `/api/overrides/${draft.id}/activate`, outsider), 404);
    await json(h.call('POST', `/api/overrides/${draft.id}/retire`, outsider), 404);
    await json(create(config('probationDays', 1), outsider), 404);
    expect((await json<Override>(h.call('GET', `/api/overrides/${draft.id}`, admin))).status).toBe('draft');
  });

  it('lists overrides by status newest first, paged, and the module overrides by target', async () => {
    const own = await json<Override>(create(config('allowContractors', false)), 201);
    await json(h.call('POST', `/api/overrides/${own.id}/activate`, admin));
    const active = await json<Override[]>(h.call('GET', '/api/admin/overrides?status=active', admin));
    expect(active.map((o) => o.id)).toContain(own.id);
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((o) => o.status === 'active')).toBe(true);
    const all = await json<Override[]>(h.call('GET', '/api/overrides?limit=200', admin));
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await h.call('GET', `/api/overrides?limit=3${cursor ? `&cursor=${cursor}` : ''}`, admin);
      expect(r.statusCode).toBe(200);
      walked.push(...(r.json() as Override[]).map((o) => o.id));
      cursor = r.headers['x-next-cursor'] as string | undefined;
    } while (cursor);
    expect(walked).toEqual(all.map((o) => o.id));
    expect((await h.call('GET', '/api/overrides?cursor=forged', admin)).statusCode).toBe(400);
    const ofModule = await json<Override[]>(
      h.call('GET', `/api/installed-modules/${core.id}/overrides`, admin),
    );
    expect(ofModule.map((o) => o.targetRef)).toEqual([...ofModule.map((o) => o.targetRef)].sort());
  });
});

describe('admin panels', () => {
  it('apps with modules and events, modules, and 403 for a caller without admin.view', async () => {
    await hrAppOf(admin);
    const apps = await json<AppDetail[]>(h.call('GET', '/api/admin/apps', admin));
    expect(apps.length).toBeGreaterThan(0);
    expect(apps.every((a) => a.modules.length > 0 && a.events.length >= 2)).toBe(true);
    expect((await h.call('GET', '/api/admin/apps', { tenant: 'acme', user: 'nobody' })).statusCode).toBe(403);
    const modules = await json<{ id: string }[]>(h.call('GET', '/api/admin/modules', admin));
    expect(modules.map((m) => m.id).sort()).toEqual(apps.flatMap((a) => a.modules.map((m) => m.id)).sort());
    expect(
      await json<unknown[]>(h.call('GET', '/api/admin/modules', { tenant: 'lex', user: 'admin' })),
    ).toEqual([]);
  });

  it('changes by status and date range, paged', async () => {
    const projectId = await newProject();
    const created: string[] = [];
    for (let i = 0; i < 4; i++)
      created.push(
        (
          await json<{ id: string }>(
            h.call('POST', '/api/changes', { ...admin, body: { projectId, title: `Change ${i}` } }),
            201,
          )
        ).id,
      );
    const all = await json<{ id: string; status: string }[]>(
      h.call('GET', `/api/admin/changes?projectId=${projectId}`, admin),
    );
    expect(all.map((c) => c.id)).toEqual([...created].reverse());
    const drafts = await json<{ status: string }[]>(
      h.call('GET', `/api/admin/changes?projectId=${projectId}&status=Draft`, admin),
    );
    expect(drafts).toHaveLength(4);
    expect(
      await json(h.call('GET', `/api/admin/changes?projectId=${projectId}&status=Merged`, admin)),
    ).toEqual([]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(
      await json(h.call('GET', `/api/admin/changes?projectId=${projectId}&from=${future}`, admin)),
    ).toEqual([]);
    expect(
      await json<unknown[]>(h.call('GET', `/api/admin/changes?projectId=${projectId}&to=${future}`, admin)),
    ).toHaveLength(4);
    const first = await h.call('GET', `/api/admin/changes?projectId=${projectId}&limit=1`, admin);
    expect(first.json()).toHaveLength(1);
    const next = await json<{ id: string }[]>(
      h.call(
        'GET',
        `/api/admin/changes?projectId=${projectId}&limit=3&cursor=${first.headers['x-next-cursor']}`,
        admin,
      ),
    );
    expect(next.map((c) => c.id)).toEqual(all.slice(1).map((c) => c.id));
    await json(h.call('GET', `/api/admin/changes?projectId=${projectId}`, outsider), 404);
  });
});

import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphPackage } from '@ec3l/graph-packages';
import { packageChecksum } from '@ec3l/graph-packages';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

const SECRET = `whsec_${Buffer.from('the promotion receiver secret!!!').toString('base64')}`;

let h: Harness;
let receiver: Server;
let receiverPort: number;
const admin = { tenant: 'acme', user: 'admin' };
const viewer = { tenant: 'acme', user: 'vera' };
const agentAdmin = { tenant: 'acme', agent: 'bot-admin' };
const outsider = { tenant: 'globex', user: 'admin' };
let tenantId: string;
let n = 0;

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
/** How the receiver answers each path: a status, or a delay before 204. */
const behaviour = new Map<string, { status?: number; delayMs?: number }>();
/** Names the stubbed DNS answers for host names (real lookups never run in this file). */
const dns = new Map<string, string>();
const lookups: string[] = [];

const json = async <T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; json(): unknown; body: string }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      const how = behaviour.get(req.url ?? '') ?? {};
      setTimeout(() => {
        res.statusCode = how.status ?? 204;
        res.end();
      }, how.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverPort = (receiver.address() as AddressInfo).port;
  h = await createHarness(['acme', 'globex'], {
    webhooks: {
      secret: SECRET,
      allowlist: '127.0.0.1',
      timeoutMs: 3_000,
      deliveryWaitMs: 1_000,
      lookup: async (host) => {
        lookups.push(host);
        const address = dns.get(host);
        if (!address) throw new Error(`no stubbed answer for ${host}`);
        return [{ address, family: address.includes(':') ? 6 : 4 }];
      },
    },
  });
  tenantId = (
    await h.database.ownerDb
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', 'acme')
      .executeTakeFirstOrThrow()
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
afterAll(async () => {
  await h.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

// Record type names are unique per tenant: each project's packages name their types after it.
const deskPackage = (version: string, extraField = false, label = ''): GraphPackage => ({
  key: 'test.desk',
  version,
  name: 'Test desk',
  recordTypes: [
    {
      key: 'desk_ticket',
      name: `Desk ticket ${label}`.trim(),
      fields: [
        { name: 'summary', type: 'string', required: true },
        ...(extraField ? [{ name: 'impact', type: 'number' as const }] : []),
      ],
    },
  ],
});
const hrPackage = (label = ''): GraphPackage => ({
  key: 'hr.lite',
  version: '1.0.0',
  name: 'HR lite',
  recordTypes: [
    { key: 'hr_case', name: `HR case ${label}`.trim(), fields: [{ name: 'subject', type: 'string' }] },
  ],
});

type Envs = { project: string; dev: string; test: string; prod: string };

/** A fresh project and its environment ids. */
const freshProject = async (): Promise<Envs> => {
  const project = (
    await json<{ id: string }>(
      h.call('POST', '/api/projects', { ...admin, body: { name: `Promo ${++n}` } }),
      201,
    )
  ).id;
  const envs = await json<{ id: string; name: string }[]>(
    h.call('GET', `/api/projects/${project}/environments`, admin),
  );
  const id = (name: string) => envs.find((e) => e.name === name)!.id;
  return { project, dev: id('dev'), test: id('test'), prod: id('prod') };
};

/** Records that an environment holds a package version (what an install into it writes). */
const seed = async (envs: Envs, environmentId: string, pkg: GraphPackage) => {
  await h.database.ownerDb
    .insertInto('environment_package_installs')
    .values({
      tenant_id: tenantId,
      id: crypto.randomUUID(),
      project_id: envs.project,
      environment_id: environmentId,
      package_key: pkg.key,
      version: pkg.version,
      checksum: packageChecksum(pkg),
      installed_by: 'admin',
      source: 'install',
      diff: JSON.stringify({}),
      package_contents: JSON.stringify(pkg),
    })
    .execute();
  // Rows of one environment must order by time: the newest state wins.
  await new Promise((resolve) => setTimeout(resolve, 5));
};

const stateRows = async (environmentId: string) =>
  h.database.ownerDb
    .selectFrom('environment_package_installs')
    .select(['package_key', 'version', 'source', 'promotion_intent_id'])
    .where('environment_id', '=', environmentId)
    .orderBy('installed_at')
    .execute();

const countOf = async (table: string, where: { column: string; value: string }) =>
  Number(
    (
      await sql<{
        n: string;
      }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(where.column)} = ${where.value}`.execute(
        h.database.ownerDb,
      )
    ).rows[0]!.n,
  );

const packagesOf = (environmentId: string) =>
  json<{ packageKey: string; version: string }[]>(
    h.call('GET', `/api/environments/${environmentId}/packages`, admin),
  );

const createIntent = async (envs: Envs, from = envs.dev, to = envs.test) =>
  json<{ id: string; status: string }>(
    h.call('POST', '/api/admin/environments/promotions', {
      ...admin,
      body: { projectId: envs.project, fromEnvironmentId: from, toEnvironmentId: to },
    }),
    201,
  );

const act = (id: string, action: string, who: Record<string, string> = admin, body?: unknown) =>
  h.call('POST', `/api/admin/environments/promotions/${id}/${action}`, {
    ...who,
    ...(body === undefined ? {} : { body }),
  });

const setEnvironment = (environmentId: string, body: Record<string, unknown>) =>
  h.call('PATCH', `/api/environments/${environmentId}`, { ...admin, body });

/** A project whose dev holds desk 1.1.0 (with a new field) and hr.lite; test holds desk 1.0.0. */
const promotableProject = async () => {
  const envs = await freshProject();
  const label = envs.project.slice(0, 8);
  await seed(envs, envs.dev, deskPackage('1.0.0', false, label));
  await seed(envs, envs.test, deskPackage('1.0.0', false, label));
  await seed(envs, envs.dev, deskPackage('1.1.0', true, label));
  await seed(envs, envs.dev, hrPackage(label));
  return { ...envs, label };
};

const approvedIntent = async (envs: Envs) => {
  const intent = await createIntent(envs);
  await json(act(intent.id, 'preview'));
  await json(act(intent.id, 'approve'));
  return intent.id;
};

const waitFor = async <T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('environment package state and diff', () => {
  it('lists what each environment holds and diffs them per package and per object', async () => {
    const envs = await promotableProject();
    await seed(envs, envs.test, { ...hrPackage(), key: 'only.test', name: 'Only in test' });
    expect(await packagesOf(envs.dev)).toEqual([
      { packageKey: 'hr.lite', version: '1.0.0', checksum: packageChecksum(hrPackage(envs.label)) },
      {
        packageKey: 'test.desk',
        version: '1.1.0',
        checksum: packageChecksum(deskPackage('1.1.0', true, envs.label)),
      },
    ]);
    const diff = await json<{
      summary: Record<string, number>;
      packages: {
        packageKey: string;
        status: string;
        diff: { objects: { objectType: string; key: string; disposition: string }[] } | null;
      }[];
    }>(
      h.call(
        'GET',
        `/api/admin/environments/diff?fromEnvironmentId=${envs.dev}&toEnvironmentId=${envs.test}`,
        admin,
      ),
    );
    expect(diff.summary).toEqual({ missing: 1, outdated: 1, same: 0, extra: 1 });
    expect(diff.packages.map((p) => [p.packageKey, p.status])).toEqual([
      ['hr.lite', 'missing'],
      ['only.test', 'extra'],
      ['test.desk', 'outdated'],
    ]);
    const desk = diff.packages.find((p) => p.packageKey === 'test.desk')!;
    expect(desk.diff!.objects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ objectType: 'field', key: 'desk_ticket.impact', disposition: 'insert' }),
      ]),
    );
    const hr = diff.packages.find((p) => p.packageKey === 'hr.lite')!;
    expect(hr.diff!.objects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ objectType: 'record_type', key: 'hr_case', disposition: 'insert' }),
      ]),
    );
  });

  it('refuses a diff of one environment with itself, or across projects, with 400', async () => {
    const a = await freshProject();
    const b = await freshProject();
    for (const [from, to] of [
      [a.dev, a.dev],
      [a.dev, b.test],
    ]) {
      const res = await h.call(
        'GET',
        `/api/admin/environments/diff?fromEnvironmentId=${from}&toEnvironmentId=${to}`,
        admin,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('PROMOTION_ENVIRONMENTS_INVALID');
    }
  });
});

describe('direct promotion', () => {
  it('applies the missing and outdated packages, records a deployment between releases, and then has nothing left', async () => {
    const envs = await promotableProject();
    const body = { projectId: envs.project, fromEnvironmentId: envs.dev, toEnvironmentId: envs.test };
    const result = await json<{
      promoted: { packageKey: string; version: string }[];
      skipped: unknown[];
      deploymentId: string;
      releaseId: string;
    }>(h.call('POST', '/api/admin/environments/promote', { ...admin, body }));
    expect(result.promoted.map((p) => [p.packageKey, p.version])).toEqual([
      ['hr.lite', '1.0.0'],
      ['test.desk', '1.1.0'],
    ]);
    expect(await packagesOf(envs.test)).toEqual(await packagesOf(envs.dev));
    expect((await stateRows(envs.test)).filter((r) => r.source === 'promote')).toHaveLength(2);
    const deployments = await json<
      { id: string; environmentId: string; releaseId: string; promotedFromReleaseId: string }[]
    >(h.call('GET', `/api/projects/${envs.project}/deployments`, admin));
    expect(deployments).toEqual([
      expect.objectContaining({
        id: result.deploymentId,
        environmentId: envs.test,
        releaseId: result.releaseId,
      }),
    ]);
    const [testRelease] = await json<{ id: string; packages: { packageKey: string }[] }[]>(
      h.call('GET', `/api/environments/${envs.test}/releases`, admin),
    );
    expect(testRelease!.id).toBe(result.releaseId);
    expect(testRelease!.packages.map((p) => p.packageKey)).toEqual(['hr.lite', 'test.desk']);
    const [devRelease] = await json<{ id: string }[]>(
      h.call('GET', `/api/environments/${envs.dev}/releases`, admin),
    );
    expect(deployments[0]!.promotedFromReleaseId).toBe(devRelease!.id);

    const again = await json<{ promoted: unknown[]; skipped: { status: string }[] }>(
      h.call('POST', '/api/admin/environments/promote', { ...admin, body }),
    );
    expect(again.promoted).toEqual([]);
    expect(again.skipped.map((s) => s.status)).toEqual(['same', 'same']);
    expect((await stateRows(envs.test)).filter((r) => r.source === 'promote')).toHaveLength(2);
  });

  it('O31: a target that requires promotion approval refuses direct promotion with 409 and nothing is written', async () => {
    const envs = await promotableProject();
    await json(setEnvironment(envs.test, { requiresPromotionApproval: true }));
    const before = await stateRows(envs.test);
    const res = await h.call('POST', '/api/admin/environments/promote', {
      ...admin,
      body: { projectId: envs.project, fromEnvironmentId: envs.dev, toEnvironmentId: envs.test },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'PROMOTION_APPROVAL_REQUIRED',
      details: { environmentId: envs.test },
    });
    expect(await stateRows(envs.test)).toEqual(before);
    expect(await countOf('environment_deployments', { column: 'project_id', value: envs.project })).toBe(0);
    // The governed path still works into that environment.
    const id = await approvedIntent(envs);
    expect((await json<{ status: string }>(act(id, 'execute'))).status).toBe('executed');
  });
});

describe('governed promotion', () => {
  it('O30: draft → previewed → approved → executed, each step only from its state; rejected is terminal', async () => {
    const envs = await promotableProject();
    const intent = await createIntent(envs);
    expect(intent.status).toBe('draft');
    for (const action of ['approve', 'execute']) {
      const res = await act(intent.id, action);
      expect(res.statusCode, action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'PROMOTION_STATE_CONFLICT', details: { status: 'draft' } });
    }
    const previewed = await json<{
      status: string;
      previewStateHash: string;
      diff: { summary: Record<string, number> };
    }>(act(intent.id, 'preview'));
    expect(previewed).toMatchObject({ status: 'previewed', diff: { summary: { missing: 1, outdated: 1 } } });
    expect(previewed.previewStateHash).toMatch(/^sha256:/);
    expect((await json<{ status: string }>(act(intent.id, 'approve'))).status).toBe('approved');
    const executed = await json<{ status: string; result: { promoted: unknown[] } }>(
      act(intent.id, 'execute'),
    );
    expect(executed.status).toBe('executed');
    expect(executed.result.promoted).toHaveLength(2);
    const rows = (await stateRows(envs.test)).filter((r) => r.source === 'promote');
    expect(rows.map((r) => r.promotion_intent_id)).toEqual([intent.id, intent.id]);
    // The install flow brought the project's graph to the promoted versions.
    const types = await h.database.ownerDb
      .selectFrom('record_types')
      .select('key')
      .where('project_id', '=', envs.project)
      .orderBy('key')
      .execute();
    expect(types.map((t) => t.key)).toEqual(['desk_ticket', 'hr_case']);
    for (const action of ['preview', 'approve', 'reject']) {
      const res = await act(intent.id, action, admin, action === 'reject' ? {} : undefined);
      expect(res.statusCode, action).toBe(409);
    }

    const other = await createIntent(envs);
    await json(act(other.id, 'preview'));
    const rejected = await json<{ status: string; reason: string; rejectedBy: string }>(
      act(other.id, 'reject', admin, { reason: 'not this week' }),
    );
    expect(rejected).toMatchObject({ status: 'rejected', reason: 'not this week', rejectedBy: 'admin' });
    expect((await act(other.id, 'preview')).statusCode).toBe(409);
    expect((await act(other.id, 'approve')).statusCode).toBe(409);
  });

  it('O32: approval needs a human holding environment.promote: an agent holding Admin and a Viewer are refused', async () => {
    const envs = await promotableProject();
    const intent = await createIntent(envs);
    await json(act(intent.id, 'preview'));
    const byAgent = await act(intent.id, 'approve', agentAdmin);
    expect(byAgent.statusCode).toBe(403);
    expect(byAgent.json().code).toBe('AGENT_FORBIDDEN');
    const byViewer = await act(intent.id, 'approve', viewer);
    expect(byViewer.statusCode).toBe(403);
    expect(byViewer.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('environment.promote'),
    });
    const read = await json<{ status: string; approvedBy: string | null }>(
      h.call('GET', `/api/admin/environments/promotions/${intent.id}`, admin),
    );
    expect(read).toMatchObject({ status: 'previewed', approvedBy: null });
    expect((await json<{ approvedBy: string }>(act(intent.id, 'approve'))).approvedBy).toBe('admin');
  });

  it('O33: every step of an intent is recorded on it (who and when) and in telemetry', async () => {
    const envs = await promotableProject();
    const id = await approvedIntent(envs);
    const intent = await json<Record<string, unknown>>(act(id, 'execute'));
    expect(intent).toMatchObject({
      createdBy: 'admin',
      previewedBy: 'admin',
      approvedBy: 'admin',
      executedBy: 'admin',
    });
    for (const at of ['previewedAt', 'approvedAt', 'executedAt'])
      expect(intent[at]).toEqual(expect.any(String));
    await h.events.drain();
    const types = (
      await h.database.ownerDb
        .selectFrom('execution_telemetry_events')
        .select('event_type')
        .where('execution_id', '=', id)
        .orderBy('timestamp')
        .execute()
    ).map((e) => e.event_type);
    expect(types).toEqual(
      expect.arrayContaining([
        'graph.promotion_intent_created',
        'graph.promotion_intent_previewed',
        'graph.promotion_intent_approved',
        'graph.promotion_intent_executed',
        'graph.package_promoted',
      ]),
    );
  });

  it('O34: execute refuses with 409 PROMOTION_DRIFT when the target changed since the preview, writes nothing, and runs after a re-preview', async () => {
    const envs = await promotableProject();
    const id = await approvedIntent(envs);
    // Someone installs into the target after the preview.
    await seed(envs, envs.test, { ...hrPackage(), key: 'late.arrival', name: 'Late' });
    const before = await stateRows(envs.test);
    const res = await act(id, 'execute');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROMOTION_DRIFT', details: { drifted: ['target'] } });
    expect(await stateRows(envs.test)).toEqual(before);
    expect(await countOf('environment_deployments', { column: 'project_id', value: envs.project })).toBe(0);
    const still = await json<{ status: string; version: number }>(
      h.call('GET', `/api/admin/environments/promotions/${id}`, admin),
    );
    expect(still.status).toBe('approved');
    // A re-preview records the new state and needs a new approval.
    expect((await json<{ status: string; approvedBy: null }>(act(id, 'preview'))).approvedBy).toBeNull();
    expect((await act(id, 'execute')).statusCode).toBe(409);
    await json(act(id, 'approve'));
    expect((await json<{ status: string }>(act(id, 'execute'))).status).toBe('executed');
  });

  it('O34: a change of the source since the preview is drift too: what was approved is what is applied', async () => {
    const envs = await promotableProject();
    const id = await approvedIntent(envs);
    await seed(envs, envs.dev, deskPackage('1.2.0'));
    const res = await act(id, 'execute');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'PROMOTION_DRIFT', details: { drifted: ['source'] } });
  });

  it('O35: executing an executed intent answers it unchanged and writes nothing', async () => {
    const envs = await promotableProject();
    const id = await approvedIntent(envs);
    const first = await json(act(id, 'execute'));
    const rows = await stateRows(envs.test);
    const second = await json(act(id, 'execute'));
    expect(second).toEqual(first);
    expect(await stateRows(envs.test)).toEqual(rows);
    expect(await countOf('environment_deployments', { column: 'project_id', value: envs.project })).toBe(1);
  });

  it('O35: 50 concurrent approvals make one approval; 50 concurrent executions make one promotion', async () => {
    const envs = await promotableProject();
    const intent = await createIntent(envs);
    await json(act(intent.id, 'preview'));
    const approvals = await Promise.all(Array.from({ length: 50 }, () => act(intent.id, 'approve')));
    expect(approvals.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(approvals.filter((r) => r.statusCode === 409)).toHaveLength(49);
    const executions = await Promise.all(Array.from({ length: 50 }, () => act(intent.id, 'execute')));
    expect(executions.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    expect(new Set(executions.map((r) => r.json().result.deploymentId)).size).toBe(1);
    expect((await stateRows(envs.test)).filter((r) => r.source === 'promote')).toHaveLength(2);
    expect(await countOf('environment_deployments', { column: 'project_id', value: envs.project })).toBe(1);
    const row = await h.database.ownerDb
      .selectFrom('promotion_intents')
      .select(['status', 'version'])
      .where('id', '=', intent.id)
      .executeTakeFirstOrThrow();
    // created (1), previewed, approved, executed: three transitions.
    expect(row).toEqual({ status: 'executed', version: 4 });
  });

  it('O36: an execution that fails at its last write leaves every row as it was', async () => {
    const envs = await promotableProject();
    const id = await approvedIntent(envs);
    const snapshot = async () => ({
      state: await stateRows(envs.test),
      releases: await countOf('environment_releases', { column: 'project_id', value: envs.project }),
      recordTypes: await countOf('record_types', { column: 'project_id', value: envs.project }),
      installs: await countOf('graph_package_installs', { column: 'project_id', value: envs.project }),
      intent: await h.database.ownerDb
        .selectFrom('promotion_intents')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    });
    const before = await snapshot();
    const db = h.database.ownerDb;
    await sql`create function refuse_deployment() returns trigger language plpgsql as $$
      begin
        raise exception 'refused after % state rows', (select count(*) from environment_package_installs
          where environment_id = new.environment_id and source = 'promote');
      end $$`.execute(db);
    await sql`create trigger refuse_deployment before insert on environment_deployments
      for each row execute function refuse_deployment()`.execute(db);
    try {
      const res = await act(id, 'execute');
      expect(res.statusCode).toBe(500);
    } finally {
      await sql`drop trigger refuse_deployment on environment_deployments`.execute(db);
      await sql`drop function refuse_deployment()`.execute(db);
    }
    expect(await snapshot()).toEqual(before);
    expect((await json<{ status: string }>(act(id, 'execute'))).status).toBe('executed');
  });
});

describe('environment settings and releases', () => {
  it('PATCH edits approval and the webhook URL; a refused URL is a 400 and changes nothing', async () => {
    const envs = await freshProject();
    const url = `http://127.0.0.1:${receiverPort}/settings`;
    const env = await json<{ requiresPromotionApproval: boolean; promotionWebhookUrl: string }>(
      setEnvironment(envs.prod, { requiresPromotionApproval: true, promotionWebhookUrl: url }),
    );
    expect(env).toMatchObject({ requiresPromotionApproval: true, promotionWebhookUrl: url });
    for (const bad of [
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.1/hook',
      'https://[::ffff:192.168.1.1]/hook',
      'http://hooks.example.com/hook',
      'https://user:secret@hooks.example.com/hook',
    ]) {
      const res = await setEnvironment(envs.prod, { promotionWebhookUrl: bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code, bad).toBe('WEBHOOK_URL_REFUSED');
    }
    expect(await json(h.call('GET', `/api/environments/${envs.prod}`, admin))).toMatchObject({
      promotionWebhookUrl: url,
    });
    const cleared = await json<{ promotionWebhookUrl: null }>(
      setEnvironment(envs.prod, { promotionWebhookUrl: null }),
    );
    expect(cleared.promotionWebhookUrl).toBeNull();
    expect((await setEnvironment(envs.prod, {})).statusCode).toBe(400);
  });

  it('a release freezes the package state; later installs do not change it', async () => {
    const envs = await freshProject();
    await seed(envs, envs.dev, deskPackage('1.0.0'));
    const release = await json<{
      id: string;
      stateHash: string;
      packages: { packageKey: string; version: string }[];
    }>(h.call('POST', `/api/environments/${envs.dev}/release`, admin), 201);
    expect(release.packages).toEqual([
      expect.objectContaining({ packageKey: 'test.desk', version: '1.0.0' }),
    ]);
    await seed(envs, envs.dev, deskPackage('2.0.0'));
    const [listed] = await json<{ id: string; packages: { version: string }[]; stateHash: string }[]>(
      h.call('GET', `/api/environments/${envs.dev}/releases?limit=1`, admin),
    );
    expect(listed).toMatchObject({
      id: release.id,
      stateHash: release.stateHash,
      packages: [{ version: '1.0.0' }],
    });
  });
});

describe('promotion webhooks', () => {
  const hookUrl = (name: string) => `http://127.0.0.1:${receiverPort}/${name}`;
  const deliveriesOf = (id: string) =>
    json<
      {
        status: string;
        attempts: number;
        lastStatusCode: number | null;
        lastError: string | null;
        webhookId: string;
        eventType: string;
      }[]
    >(h.call('GET', `/api/admin/environments/promotions/${id}/deliveries`, admin));
  const intentOf = (id: string) =>
    json<{
      status: string;
      notificationStatus: string | null;
      notificationLastError: string | null;
      notificationLastAttemptAt: string | null;
    }>(h.call('GET', `/api/admin/environments/promotions/${id}`, admin));

  it('O94: preview into an approval-gated environment sends a signed promotion.approval_required, tracked on the intent and in the delivery log', async () => {
    const envs = await promotableProject();
    const path = `/hook-${++n}`;
    await json(
      setEnvironment(envs.test, {
        requiresPromotionApproval: true,
        promotionWebhookUrl: hookUrl(path.slice(1)),
      }),
    );
    const intent = await createIntent(envs);
    await json(act(intent.id, 'preview'));
    const read = await waitFor(
      () => intentOf(intent.id),
      (i) => i.notificationStatus !== 'pending',
    );
    expect(read).toMatchObject({
      status: 'previewed',
      notificationStatus: 'sent',
      notificationLastError: null,
    });
    expect(read.notificationLastAttemptAt).toEqual(expect.any(String));
    const got = received.filter((r) => r.path === path);
    expect(got).toHaveLength(1);
    const payload = new Webhook(SECRET).verify(got[0]!.body, got[0]!.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(payload).toMatchObject({
      type: 'promotion.approval_required',
      data: {
        intentId: intent.id,
        projectId: envs.project,
        fromEnvironment: 'dev',
        toEnvironment: 'test',
        createdBy: 'admin',
      },
    });
    const [delivery] = await deliveriesOf(intent.id);
    expect(delivery).toMatchObject({
      eventType: 'promotion.approval_required',
      status: 'sent',
      attempts: 1,
      lastStatusCode: 204,
      webhookId: got[0]!.headers['webhook-id'],
    });

    await json(act(intent.id, 'approve'));
    await json(act(intent.id, 'execute'));
    await waitFor(
      () => deliveriesOf(intent.id),
      (d) => d.length === 2 && d[1]!.status !== 'pending',
    );
    const executed = received.filter((r) => r.path === path);
    expect(executed).toHaveLength(2);
    expect(JSON.parse(executed[1]!.body)).toMatchObject({
      type: 'promotion.executed',
      data: { promoted: 2, skipped: 0 },
    });
  });

  it('O93: a failing receiver never fails or rolls back the lifecycle; retries back off until the last attempt fails', async () => {
    const envs = await promotableProject();
    const path = `/hook-${++n}`;
    behaviour.set(path, { status: 500 });
    await json(
      setEnvironment(envs.test, {
        requiresPromotionApproval: true,
        promotionWebhookUrl: hookUrl(path.slice(1)),
      }),
    );
    const intent = await createIntent(envs);
    expect((await json<{ status: string }>(act(intent.id, 'preview'))).status).toBe('previewed');
    const pending = await waitFor(
      () => intentOf(intent.id),
      (i) => i.notificationLastError !== null,
    );
    expect(pending).toMatchObject({
      status: 'previewed',
      notificationStatus: 'pending',
      notificationLastError: 'the receiver answered 500',
    });
    const [first] = await deliveriesOf(intent.id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    // Not due yet: the on-demand pass attempts nothing.
    expect(await json(h.call('POST', '/api/admin/webhooks/deliveries/process', admin))).toMatchObject({
      attempted: 0,
    });
    for (let attempt = 2; attempt <= 5; attempt++) {
      await h.database.ownerDb
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: new Date(Date.now() - 1_000) })
        .where('subject_id', '=', intent.id)
        .execute();
      const counts = await json<{ attempted: number; failed: number; retrying: number }>(
        h.call('POST', '/api/admin/webhooks/deliveries/process', admin),
      );
      expect(counts).toMatchObject(attempt < 5 ? { attempted: 1, retrying: 1 } : { attempted: 1, failed: 1 });
    }
    const [last] = await deliveriesOf(intent.id);
    expect(last).toMatchObject({ status: 'failed', attempts: 5, lastError: 'the receiver answered 500' });
    expect(await intentOf(intent.id)).toMatchObject({ status: 'previewed', notificationStatus: 'failed' });
    expect(received.filter((r) => r.path === path)).toHaveLength(5);
    // The lifecycle goes on whatever the notifications did.
    await json(act(intent.id, 'approve'));
    expect((await json<{ status: string }>(act(intent.id, 'execute'))).status).toBe('executed');
  });

  it('O92: a slow receiver delays the request by the short bound at most; the attempt completes afterwards', async () => {
    const envs = await promotableProject();
    const path = `/hook-${++n}`;
    behaviour.set(path, { delayMs: 2_000 });
    await json(
      setEnvironment(envs.test, {
        requiresPromotionApproval: true,
        promotionWebhookUrl: hookUrl(path.slice(1)),
      }),
    );
    const intent = await createIntent(envs);
    const started = Date.now();
    const res = await act(intent.id, 'preview');
    const took = Date.now() - started;
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'previewed', notificationStatus: 'pending' });
    expect(took).toBeLessThan(1_900);
    const done = await waitFor(
      () => intentOf(intent.id),
      (i) => i.notificationStatus !== 'pending',
      6_000,
    );
    expect(done.notificationStatus).toBe('sent');
  });

  it('O95: each delivery outcome is in telemetry: sent, failed with a retry to come, failed for good', async () => {
    const ok = await promotableProject();
    const failing = await promotableProject();
    const okPath = `/hook-${++n}`;
    const failPath = `/hook-${++n}`;
    behaviour.set(failPath, { status: 503 });
    await json(
      setEnvironment(ok.test, {
        requiresPromotionApproval: true,
        promotionWebhookUrl: hookUrl(okPath.slice(1)),
      }),
    );
    await json(
      setEnvironment(failing.test, {
        requiresPromotionApproval: true,
        promotionWebhookUrl: hookUrl(failPath.slice(1)),
      }),
    );
    dns.set('refused-for-good.test', '192.168.7.7');
    const refused = await promotableProject();
    await json(
      setEnvironment(refused.test, {
        requiresPromotionApproval: true,
        promotionWebhookUrl: 'https://refused-for-good.test/x',
      }),
    );
    const ids = [];
    for (const envs of [ok, failing, refused]) {
      const intent = await createIntent(envs);
      await json(act(intent.id, 'preview'));
      await waitFor(
        () => deliveriesOf(intent.id),
        (d) => (d[0]?.attempts === 1 && d[0].lastError !== null) || d[0]?.status === 'sent',
      );
      ids.push(intent.id);
    }
    await h.events.drain();
    const events = await h.database.ownerDb
      .selectFrom('execution_telemetry_events')
      .select(['execution_id', 'event_type', 'status', 'error_message'])
      .where('event_type', 'in', ['graph.promotion_notification_sent', 'graph.promotion_notification_failed'])
      .where('execution_id', 'in', ids)
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        {
          execution_id: ids[0],
          event_type: 'graph.promotion_notification_sent',
          status: 'sent',
          error_message: null,
        },
        {
          execution_id: ids[1],
          event_type: 'graph.promotion_notification_failed',
          status: 'retrying',
          error_message: 'the receiver answered 503',
        },
        {
          execution_id: ids[2],
          event_type: 'graph.promotion_notification_failed',
          status: 'failed',
          error_message: 'refused: 192.168.7.7 is private',
        },
      ]),
    );
    expect(events).toHaveLength(3);
  });

  it('SSRF: a host resolving to a private or metadata address is refused at delivery; the receiver sees nothing', async () => {
    for (const [host, address, reason] of [
      ['rebind-private.test', '10.0.0.5', 'private'],
      ['rebind-metadata.test', '169.254.169.254', 'metadata'],
      ['rebind-mapped.test', '::ffff:127.0.0.2', 'loopback'],
    ] as const) {
      dns.set(host, address);
      const envs = await promotableProject();
      await json(
        setEnvironment(envs.test, {
          requiresPromotionApproval: true,
          promotionWebhookUrl: `https://${host}/hook`,
        }),
      );
      const intent = await createIntent(envs);
      const before = received.length;
      await json(act(intent.id, 'preview'));
      const read = await waitFor(
        () => intentOf(intent.id),
        (i) => i.notificationStatus !== 'pending',
      );
      expect(read, host).toMatchObject({
        status: 'previewed',
        notificationStatus: 'failed',
        notificationLastError: `refused: ${address} is ${reason}`,
      });
      expect(lookups).toContain(host);
      expect(received.length).toBe(before);
      const [delivery] = await deliveriesOf(intent.id);
      expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null });
    }
  });
});

describe('tenant isolation', () => {
  it('T2: another tenant gets 404 on every promotion route where the owner gets 200', async () => {
    const envs = await promotableProject();
    const intent = await createIntent(envs);
    await json(act(intent.id, 'preview'));
    const reads = [
      `/api/environments/${envs.dev}/packages`,
      `/api/admin/environments/diff?fromEnvironmentId=${envs.dev}&toEnvironmentId=${envs.test}`,
      `/api/admin/environments/promotions/${intent.id}`,
      `/api/admin/environments/promotions/${intent.id}/deliveries`,
      `/api/environments/${envs.dev}/releases`,
      `/api/projects/${envs.project}/deployments`,
    ];
    for (const url of reads) {
      expect((await h.call('GET', url, admin)).statusCode, url).toBe(200);
      const res = await h.call('GET', url, outsider);
      expect(res.statusCode, url).toBe(404);
    }
    const listed = await json<{ id: string }[]>(
      h.call('GET', '/api/admin/environments/promotions', outsider),
    );
    expect(listed.map((i) => i.id)).not.toContain(intent.id);
    const writes: [string, string, unknown?][] = [
      ['POST', `/api/admin/environments/promotions/${intent.id}/approve`],
      ['POST', `/api/admin/environments/promotions/${intent.id}/preview`],
      ['POST', `/api/admin/environments/promotions/${intent.id}/execute`],
      ['POST', `/api/admin/environments/promotions/${intent.id}/reject`, {}],
      [
        'POST',
        '/api/admin/environments/promote',
        { projectId: envs.project, fromEnvironmentId: envs.dev, toEnvironmentId: envs.test },
      ],
      [
        'POST',
        '/api/admin/environments/promotions',
        { projectId: envs.project, fromEnvironmentId: envs.dev, toEnvironmentId: envs.test },
      ],
      ['PATCH', `/api/environments/${envs.test}`, { requiresPromotionApproval: true }],
      ['POST', `/api/environments/${envs.dev}/release`],
    ];
    for (const [method, url, body] of writes) {
      const res = await h.call(method as 'POST', url, {
        ...outsider,
        ...(body === undefined ? {} : { body }),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Nothing the outsider sent changed the owner's data.
    expect(await json(h.call('GET', `/api/admin/environments/promotions/${intent.id}`, admin))).toMatchObject(
      {
        status: 'previewed',
      },
    );
    expect(await json(h.call('GET', `/api/environments/${envs.test}`, admin))).toMatchObject({
      requiresPromotionApproval: false,
    });
    expect(await json(h.call('GET', `/api/environments/${envs.dev}/releases`, admin))).toEqual([]);
    expect(await stateRows(envs.test)).toHaveLength(1);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const outsider = { tenant: 'globex', user: 'admin' };
let n = 0;

type Draft = {
  id: string;
  projectId: string;
  status: string;
  currentVersion: number;
  package: { key: string; recordTypes: { key: string; fields: { name: string }[] }[] };
  lastPreviewDiff: unknown;
  lastGeneration?: { outcome: string; attempts: unknown[] };
};

const json = async <T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; json(): unknown; body: string }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};
const post = <T = Draft>(url: string, body?: unknown, status = 200, who = admin) =>
  json<T>(h.call('POST', url, { ...who, ...(body === undefined ? {} : { body }) }), status);
const freshProject = async () =>
  (await post<{ id: string }>('/api/projects', { name: `Vibe ${++n}` }, 201)).id;
const freshDraft = async (prompt = 'an asset register for laptops') =>
  post('/api/vibe/drafts', { projectId: await freshProject(), prompt, appName: `Assets ${++n}` }, 201);

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
});
afterAll(() => h.close());

describe('vibe drafts', () => {
  it('O49: a draft from a prompt holds a valid vibe package as version 1 (reason create), and its generation is logged', async () => {
    const draft = await freshDraft();
    expect(draft).toMatchObject({
      status: 'draft',
      currentVersion: 1,
      lastGeneration: { outcome: 'succeeded' },
    });
    expect(draft.package.key).toMatch(/^vibe\./);
    expect(draft.package.recordTypes.map((t) => t.key)).toEqual(['vibe_asset']);
    const versions = await json<{ versionNumber: number; reason: string }[]>(
      h.call('GET', `/api/vibe/drafts/${draft.id}/versions`, admin),
    );
    expect(versions.map((v) => [v.versionNumber, v.reason])).toEqual([[1, 'create']]);
    const logged = await sql<{ kind: string; adapter: string; outcome: string; draft_id: string }>`
      select kind, adapter, outcome, draft_id from vibe_generations where draft_id = ${draft.id}`.execute(
      h.database.ownerDb,
    );
    expect(logged.rows).toEqual([
      { kind: 'generate', adapter: 'stub', outcome: 'succeeded', draft_id: draft.id },
    ]);
  });

  it('O52: the lifecycle: patch → draft, preview → previewed, install only when previewed, then installed is terminal', async () => {
    const draft = await freshDraft();
    const refused = await h.call('POST', `/api/vibe/drafts/${draft.id}/install`, admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'VIBE_DRAFT_STATE_CONFLICT' });

    const previewed = await post(`/api/vibe/drafts/${draft.id}/preview`);
    expect(previewed.status).toBe('previewed');
    expect(previewed.lastPreviewDiff).toMatchObject({ summary: { insert: expect.any(Number) } });

    const patched = await post(`/api/vibe/drafts/${draft.id}/patch`, {
      ops: [{ op: 'add_field', recordTypeKey: 'vibe_asset', field: { name: 'serial', type: 'string' } }],
    });
    expect(patched).toMatchObject({ status: 'draft', currentVersion: 2, lastPreviewDiff: null });

    await post(`/api/vibe/drafts/${draft.id}/preview`);
    const installed = await post<{
      draft: Draft;
      install: { status: string; installId: string; changeId: string };
    }>(`/api/vibe/drafts/${draft.id}/install`);
    expect(installed.draft.status).toBe('installed');
    // A first install only creates types: its change (edits of installed types) comes with upgrades.
    expect(installed.install).toMatchObject({
      status: 'installed',
      installId: expect.any(String),
      changeId: null,
    });
    const types = await sql<{ key: string }>`
      select key from record_types where project_id = ${draft.projectId} order by key`.execute(
      h.database.ownerDb,
    );
    expect(types.rows.map((r) => r.key)).toEqual(['vibe_asset']);

    for (const action of ['patch', 'refine', 'preview', 'discard', 'install']) {
      const body =
        action === 'patch'
          ? { ops: [{ op: 'set_sla', recordTypeKey: 'vibe_asset', durationMinutes: 5 }] }
          : action === 'refine'
            ? { prompt: 'add a colour field' }
            : undefined;
      const res = await h.call('POST', `/api/vibe/drafts/${draft.id}/${action}`, {
        ...admin,
        ...(body ? { body } : {}),
      });
      expect(res.statusCode, action).toBe(409);
      expect(res.json()).toMatchObject({ code: 'VIBE_DRAFT_STATE_CONFLICT' });
    }
  });

  it('O53: the installed draft is a merged change that the package revert undoes', async () => {
    const draft = await freshDraft();
    await post(`/api/vibe/drafts/${draft.id}/preview`);
    const { install } = await post<{ install: { installId: string } }>(
      `/api/vibe/drafts/${draft.id}/install`,
    );
    await post(`/api/admin/graph/packages/${install.installId}/revert`);
    const types = await sql<{ key: string }>`
      select key from record_types where project_id = ${draft.projectId}`.execute(h.database.ownerDb);
    expect(types.rows).toEqual([]);
  });

  it('O55: patch ops are re-validated; the last field of a type is never removed; a refused patch writes no version', async () => {
    const draft = await freshDraft();
    const fields = draft.package.recordTypes[0]!.fields.map((f) => f.name);
    expect(fields.length).toBeGreaterThan(1);
    const removeAll = fields.map((fieldName) => ({
      op: 'remove_field',
      recordTypeKey: 'vibe_asset',
      fieldName,
    }));
    const last = await h.call('POST', `/api/vibe/drafts/${draft.id}/patch`, {
      ...admin,
      body: { ops: removeAll },
    });
    expect(last.statusCode).toBe(400);
    expect(last.json()).toMatchObject({ code: 'VIBE_PATCH_INVALID' });
    // Renaming the status field the SLA watches is followed through; a duplicate name is refused.
    const dup = await h.call('POST', `/api/vibe/drafts/${draft.id}/patch`, {
      ...admin,
      body: { ops: [{ op: 'rename_field', recordTypeKey: 'vibe_asset', from: 'model', to: 'asset_tag' }] },
    });
    expect(dup.json()).toMatchObject({ code: 'VIBE_PATCH_INVALID', details: { reason: 'FIELD_EXISTS' } });
    const renamed = await post(`/api/vibe/drafts/${draft.id}/patch`, {
      ops: [
        { op: 'rename_field', recordTypeKey: 'vibe_asset', from: 'status', to: 'state' },
        { op: 'set_assignment_group', recordTypeKey: 'vibe_asset', groupKey: 'it-assets' },
      ],
    });
    expect(renamed.currentVersion).toBe(2);
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from vibe_package_draft_versions where draft_id = ${draft.id}`.execute(
      h.database.ownerDb,
    );
    expect(rows.rows[0]!.n).toBe(2);
  });

  it('O57: restore makes an earlier version current as a new version; versions diff is read-only', async () => {
    const draft = await freshDraft();
    await post(`/api/vibe/drafts/${draft.id}/patch`, {
      ops: [{ op: 'add_field', recordTypeKey: 'vibe_asset', field: { name: 'owner', type: 'string' } }],
    });
    const diff = await post<{ diff: { objects: { key: string; disposition: string }[] } }>(
      `/api/vibe/drafts/${draft.id}/versions/diff`,
      { fromVersion: 1, toVersion: 2 },
    );
    expect(diff.diff.objects.filter((o) => o.disposition === 'insert').map((o) => o.key)).toEqual([
      'vibe_asset.owner',
    ]);
    const restored = await post(`/api/vibe/drafts/${draft.id}/restore`, { versionNumber: 1 });
    expect(restored.currentVersion).toBe(3);
    expect(restored.package.recordTypes[0]!.fields.map((f) => f.name)).not.toContain('owner');
    const missing = await h.call('POST', `/api/vibe/drafts/${draft.id}/restore`, {
      ...admin,
      body: { versionNumber: 9 },
    });
    expect(missing.json()).toMatchObject({ code: 'VIBE_VERSION_NOT_FOUND' });
    const versions = await json<{ reason: string }[]>(
      h.call('GET', `/api/vibe/drafts/${draft.id}/versions?limit=2`, admin),
    );
    expect(versions.map((v) => v.reason)).toEqual(['create', 'patch']);
  });

  it('O50: refine writes a version (reason refine) with the change the prompt asks for', async () => {
    const draft = await freshDraft();
    const refined = await post(`/api/vibe/drafts/${draft.id}/refine`, { prompt: 'add a warranty field' });
    expect(refined.currentVersion).toBe(2);
    expect(refined.package.recordTypes[0]!.fields.map((f) => f.name)).toContain('warranty');
  });

  it('O60: variants are generated 1–5 at once, differ by index, and are never stored', async () => {
    const projectId = await freshProject();
    const before = await sql<{ n: number }>`select count(*)::int as n from vibe_package_drafts`.execute(
      h.database.ownerDb,
    );
    const { variants } = await post<{
      variants: { index: number; status: string; checksum: string; package: unknown }[];
    }>('/api/vibe/generate-multi', { projectId, prompt: 'vendor management', count: 3 });
    expect(variants.map((v) => [v.index, v.status])).toEqual([
      [0, 'ok'],
      [1, 'ok'],
      [2, 'ok'],
    ]);
    expect(new Set(variants.map((v) => v.checksum)).size).toBe(3);
    const after = await sql<{ n: number }>`select count(*)::int as n from vibe_package_drafts`.execute(
      h.database.ownerDb,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    const six = await h.call('POST', '/api/vibe/generate-multi', {
      ...admin,
      body: { projectId, prompt: 'x', count: 6 },
    });
    expect(six.statusCode).toBe(400);

    const [a, b] = variants;
    const compared = await post<{ diff: { summary: { insert: number } } }>('/api/vibe/variants/diff', {
      projectId,
      packageA: a!.package,
      packageB: b!.package,
    });
    expect(compared.diff.summary.insert).toBeGreaterThan(0);
    const adopted = await post(
      '/api/vibe/drafts/from-variant',
      { projectId, prompt: 'vendor management', package: b!.package },
      201,
    );
    expect(adopted.currentVersion).toBe(1);
    const again = await post(`/api/vibe/drafts/${adopted.id}/adopt-variant`, { package: a!.package });
    expect(again.currentVersion).toBe(2);
  });

  it('O41: a caller-supplied package outside the vibe namespace is refused and nothing is stored', async () => {
    const draft = await freshDraft();
    const foreign = { ...draft.package, key: 'hr.lite' };
    const refused = await h.call('POST', `/api/vibe/drafts/${draft.id}/adopt-variant`, {
      ...admin,
      body: { package: foreign },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VIBE_NAMESPACE_VIOLATION' });
    const install = await h.call('POST', '/api/vibe/install', {
      ...admin,
      body: {
        projectId: draft.projectId,
        package: { ...draft.package, recordTypes: [{ ...draft.package.recordTypes[0]!, key: 'incident' }] },
      },
    });
    expect(install.statusCode).toBe(400);
    const got = await json<Draft>(h.call('GET', `/api/vibe/drafts/${draft.id}`, admin));
    expect(got.currentVersion).toBe(1);
  });

  it('T2: another tenant gets 404 for a draft the owner reads, and its writes change nothing', async () => {
    const draft = await freshDraft();
    expect((await h.call('GET', `/api/vibe/drafts/${draft.id}`, admin)).statusCode).toBe(200);
    expect((await h.call('GET', `/api/vibe/drafts/${draft.id}`, outsider)).statusCode).toBe(404);
    for (const [action, body] of [
      ['preview', undefined],
      ['discard', undefined],
      ['refine', { prompt: 'x' }],
      ['restore', { versionNumber: 1 }],
      ['patch', { ops: [{ op: 'set_sla', recordTypeKey: 'vibe_asset', durationMinutes: 5 }] }],
    ] as const) {
      const res = await h.call('POST', `/api/vibe/drafts/${draft.id}/${action}`, {
        ...outsider,
        ...(body ? { body } : {}),
      });
      expect(res.statusCode, action).toBe(404);
    }
    expect((await h.call('GET', `/api/vibe/drafts/${draft.id}/versions`, outsider)).statusCode).toBe(404);
    expect((await h.call('GET', `/api/vibe/drafts/${draft.id}/generations`, admin)).statusCode).toBe(200);
    expect((await h.call('GET', `/api/vibe/drafts/${draft.id}/generations`, outsider)).statusCode).toBe(404);
    const theirs = await h.call('POST', '/api/vibe/drafts', {
      ...outsider,
      body: { projectId: draft.projectId, prompt: 'x' },
    });
    expect(theirs.statusCode).toBe(404);
    const list = await json<Draft[]>(h.call('GET', `/api/vibe/drafts?projectId=${draft.projectId}`, admin));
    expect(list.map((d) => d.id)).toEqual([draft.id]);
    expect((await h.call('GET', `/api/vibe/drafts?projectId=${draft.projectId}`, outsider)).statusCode).toBe(
      404,
    );
    const after = await json<Draft>(h.call('GET', `/api/vibe/drafts/${draft.id}`, admin));
    expect(after).toMatchObject({ status: 'draft', currentVersion: 1 });
  });

  it('lists drafts newest first, paged with a cursor', async () => {
    const projectId = await freshProject();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await post('/api/vibe/drafts', { projectId, prompt: `expense claims ${i}` }, 201)).id);
    const walked: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await h.call(
        'GET',
        `/api/vibe/drafts?projectId=${projectId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        admin,
      );
      walked.push(...(res.json() as Draft[]).map((d) => d.id));
      cursor = res.headers['x-next-cursor'] as string | undefined;
    } while (cursor);
    expect(walked).toEqual([...ids].reverse());
    expect((await h.call('GET', '/api/vibe/drafts?cursor=forged', admin)).statusCode).toBe(400);
  });
});

import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };
const PROMPT = 'Facilities maintenance requests for our office buildings';
const RECORD_TYPE = 'vibe_facility_request';

/** The rendered text of a locator, as the user sees it. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
};

type RecordType = { key: string };
type Draft = {
  id: string;
  status: string;
  currentVersion: number;
  package: { recordTypes: { key: string; fields: { name: string }[] }[] };
};

/**
 * Vibe Studio on the stub model (the default adapter, slowed down so a stream can be watched): a prompt
 * streams tokens, three variants are compared and one becomes a draft, another is adopted into it, a
 * field is renamed inline, the draft is previewed and installed behind the confirm dialog, and the
 * install is reverted from the packages page.
 */
describe.skipIf(!hasChromium && !inCi)('Vibe Studio in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let projectId = '';
  let draftId = '';

  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await page.request.fetch(path, {
      method,
      headers: { ...admin, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { data: body } : {}),
    });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  const recordTypeKeys = async () =>
    (await api<RecordType[]>('GET', `/api/record-types?projectId=${projectId}&limit=200`)).map((t) => t.key);
  const draft = () => page.getByTestId('draft');
  const waitForDraftStatus = (status: string) =>
    page.locator(`[data-testid="draft"][data-status="${status}"]`).waitFor();

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium`);
    stack = await startStack({ gatewayEnv: { EC3L_VIBE_STUB_CHUNK_DELAY_MS: '15' } });
    page = stack.page;
    await page.goto('/');
    projectId = (await api<{ id: string }>('POST', '/api/projects', { name: 'Campus' })).id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('streams the tokens of a preview into the panel before the generation completes', async () => {
    await page.goto(`/vibe-studio?projectId=${projectId}`);
    await page.getByTestId('drafts-empty').waitFor();
    await page.getByLabel('Prompt', { exact: true }).fill(PROMPT);
    expect(await page.getByLabel('Token stream').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Stream a preview' }).click();
    const panel = page.getByTestId('stream-panel');
    // Seen while streaming: some output and a current stage, before the complete event.
    await page.locator('[data-testid="stream-panel"][data-status="streaming"]').waitFor();
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="stream-panel"]');
      const out = p?.querySelector('[data-testid="stream-tokens"]')?.textContent ?? '';
      return p?.getAttribute('data-status') === 'streaming' && out.length > 0;
    });
    const partial = (await panel.getByTestId('stream-tokens').textContent()) ?? '';
    await page.locator('[data-testid="stream-panel"][data-status="complete"]').waitFor({ timeout: 60_000 });
    const full = (await panel.getByTestId('stream-tokens').textContent()) ?? '';
    expect(full.length).toBeGreaterThan(partial.length);
    expect(full.startsWith(partial)).toBe(true);
    expect(JSON.parse(full)).toMatchObject({ key: expect.stringMatching(/^vibe\./) });
    const stages = panel.getByTestId('stream-stages');
    for (const stage of ['generation', 'validate_schema', 'projection', 'diff', 'complete'])
      expect(await stages.locator(`[data-stage="${stage}"]`).getAttribute('data-state')).toBe('done');
    expect(await stages.locator('[data-stage="repair"]').getAttribute('data-state')).toBe('skipped');
    // Streaming stores nothing.
    expect(await api<unknown[]>('GET', `/api/vibe/drafts?projectId=${projectId}`)).toEqual([]);
    expect(await textOf(page.getByRole('table', { name: 'Contents of the streamed package' }))).toContain(
      RECORD_TYPE,
    );
  });

  it('compares three variants side by side, makes a draft of one and adopts another into it', async () => {
    await page.getByLabel('App name (optional)').fill('Site Care');
    await page.getByLabel('Variants', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Compare variants' }).click();
    const variants = page.getByTestId('variants');
    await variants.getByTestId('variant').nth(2).waitFor();
    expect(await variants.getByTestId('variant').count()).toBe(3);
    expect(await variants.locator('[data-testid="variant"][data-status="ok"]').count()).toBe(3);
    // Variants differ: each index adds a field.
    const counts = await variants.getByTestId('variant-counts').allInnerTexts();
    expect(new Set(counts).size).toBe(3);
    const compare = variants.getByTestId('variant-compare');
    await compare.getByTestId('package-diff').waitFor();
    expect(await textOf(compare.getByTestId('package-diff'))).toContain(`${RECORD_TYPE}.notes`);
    // Adopting needs a selected draft first.
    expect(await variants.getByRole('button', { name: 'Adopt into draft: variant 2' }).isDisabled()).toBe(
      true,
    );

    await variants.getByRole('button', { name: 'New draft from variant 1' }).click();
    await waitForDraftStatus('draft');
    expect(await textOf(draft().getByTestId('draft-prompt'))).toBe(PROMPT);
    await page.getByTestId('draft-row').first().waitFor();
    const drafts = await api<Draft[]>('GET', `/api/vibe/drafts?projectId=${projectId}`);
    expect(drafts.length).toBe(1);
    draftId = drafts[0]?.id ?? '';

    await variants.getByRole('button', { name: 'Adopt into draft: variant 3' }).click();
    await variants.getByTestId('variant-adopted').waitFor();
    const adopted = await api<Draft>('GET', `/api/vibe/drafts/${draftId}`);
    expect(adopted.currentVersion).toBe(2);
    expect(adopted.package.recordTypes[0]?.fields.map((f) => f.name)).toContain('reference_code');
  });

  it('renames a field inline, refuses a taken name on its input, and restores an earlier version after a confirm', async () => {
    await draft().getByRole('tab', { name: 'Edit' }).click();
    const edit = draft().getByTestId('draft-edit');
    await edit.getByLabel('Edit', { exact: true }).selectOption('rename_field');
    await edit.getByLabel('Record type', { exact: true }).selectOption(RECORD_TYPE);
    await edit.getByLabel('Field', { exact: true }).selectOption('visit_at');
    await edit.getByLabel('New name').fill('location');
    await edit.getByRole('button', { name: 'Apply edit' }).click();
    expect(await textOf(edit.getByTestId('patch-new-name-error'))).toContain('has a field location already');
    expect(await edit.getByLabel('New name').evaluate((el) => el === document.activeElement)).toBe(true);

    await edit.getByLabel('New name').fill('visit_time');
    await edit.getByRole('button', { name: 'Apply edit' }).click();
    expect(await textOf(edit.getByTestId('patch-done'))).toBe(
      `Rename ${RECORD_TYPE}.visit_at to visit_time.`,
    );
    await draft().getByRole('tab', { name: 'Contents' }).click();
    await draft().locator('[data-testid="contents-field"][data-field="visit_time"]').waitFor();
    expect(await draft().locator('[data-testid="contents-field"][data-field="visit_at"]').count()).toBe(0);

    await draft().getByRole('tab', { name: 'Versions' }).click();
    const history = draft().getByTestId('draft-history');
    await history.locator('[data-testid="version-row"][data-version="3"]').waitFor();
    expect(await textOf(history.locator('[data-testid="version-row"][data-version="3"]'))).toContain('patch');
    expect(await textOf(history.locator('[data-testid="version-row"][data-version="2"]'))).toContain(
      'adopt variant',
    );
    const diff = history.getByTestId('version-diff');
    expect(await diff.getByLabel('From version').inputValue()).toBe('2');
    expect(await diff.getByLabel('To version').inputValue()).toBe('3');
    await diff.getByTestId('package-diff').waitFor();
    expect(await textOf(diff.getByTestId('package-diff'))).toContain(`${RECORD_TYPE}.visit_time`);

    // Restore v2 (visit_at back), then v3 again: each restore is a new version.
    await history.getByRole('button', { name: 'Restore version 2' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Restore version 2?' });
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await history.locator('[data-testid="version-row"][data-version="4"]').waitFor();
    let now = await api<Draft>('GET', `/api/vibe/drafts/${draftId}`);
    expect(now.package.recordTypes[0]?.fields.map((f) => f.name)).toContain('visit_at');
    await history.getByRole('button', { name: 'Restore version 3' }).click();
    await page
      .getByRole('alertdialog', { name: 'Restore version 3?' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await history.locator('[data-testid="version-row"][data-version="5"]').waitFor();
    now = await api<Draft>('GET', `/api/vibe/drafts/${draftId}`);
    expect(now.package.recordTypes[0]?.fields.map((f) => f.name)).toContain('visit_time');
  });

  it('refines the draft with a prompt into a new version with the next package version', async () => {
    await draft().getByLabel('Refine with a prompt').fill('Also add a cost field');
    await draft().getByRole('button', { name: 'Refine' }).click();
    expect(await textOf(draft().getByTestId('draft-refined'))).toBe('Refined: now version 6.');
    await draft().getByRole('tab', { name: 'Contents' }).click();
    await draft().locator('[data-testid="contents-field"][data-field="cost"]').waitFor();
    expect(await textOf(draft().getByTestId('draft-title-key'))).toContain('vibe.site_care 0.1.1');
  });

  it('previews the draft and installs it behind the confirm dialog naming what it creates', async () => {
    // Install waits for a preview of the draft as it is now.
    expect(await draft().getByTestId('install-draft').isDisabled()).toBe(true);
    await draft().getByRole('button', { name: 'Preview', exact: true }).click();
    await waitForDraftStatus('previewed');
    const preview = draft().getByTestId('draft-preview');
    expect(await textOf(preview.getByTestId('package-diff-summary'))).toMatch(
      /^not installed → 0\.1\.1: \d+ inserts/,
    );
    expect(await textOf(preview.getByRole('table', { name: /^Preview diff of / }))).toContain(
      `${RECORD_TYPE}.visit_time`,
    );
    expect(await recordTypeKeys()).not.toContain(RECORD_TYPE);

    await draft().getByTestId('install-draft').click();
    const dialog = page.getByRole('alertdialog', { name: 'Install Site Care?' });
    expect(await textOf(dialog.getByTestId('install-impact'))).toContain(
      `Creates 1 record type: ${RECORD_TYPE}`,
    );
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    const installed = draft().getByTestId('draft-installed');
    expect(await textOf(installed)).toContain('Installed vibe.site_care 0.1.1');
    await waitForDraftStatus('installed');
    expect(await recordTypeKeys()).toContain(RECORD_TYPE);
    // Installed is terminal: no more edits, previews or discards.
    expect(await draft().getByRole('button', { name: 'Discard' }).isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="draft-row"][data-status="installed"]').count()).toBe(1);
    // A first install only creates record types: no change carries it, the install itself is reverted.
    expect(await installed.getByRole('link', { name: 'Open the change' }).count()).toBe(0);
  });

  it('reverts the install from the packages page, and the record type is gone', async () => {
    await draft().getByTestId('install-history-link').click();
    await page.waitForURL(/\/packages\?projectId=/);
    const row = page.locator('[data-testid="install-row"][data-key="vibe.site_care"]');
    expect(await row.getAttribute('data-status')).toBe('installed');
    await page.getByRole('button', { name: 'Uninstall vibe.site_care 0.1.1' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Uninstall vibe.site_care 0.1.1?' });
    await dialog.getByLabel('Type vibe.site_care to confirm').fill('vibe.site_care');
    await dialog.getByRole('button', { name: 'Uninstall', exact: true }).click();
    await page
      .locator('[data-testid="install-row"][data-key="vibe.site_care"][data-status="reverted"]')
      .waitFor();
    expect(await recordTypeKeys()).not.toContain(RECORD_TYPE);
  });

  it('holds the studio with variants, a stream and a draft at 1024 and 768 px, with no serious axe violation', async () => {
    await page.goto(`/vibe-studio?projectId=${projectId}&draftId=${draftId}`);
    await page.getByLabel('Prompt', { exact: true }).fill(PROMPT);
    await page.getByRole('button', { name: 'Compare variants' }).click();
    await page.getByTestId('variant').nth(2).waitFor();
    await page.getByRole('button', { name: 'Stream a preview' }).click();
    await page.locator('[data-testid="stream-panel"][data-status="complete"]').waitFor({ timeout: 60_000 });
    await draft().waitFor();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
    const overflowing: string[] = [];
    for (const width of [1024, 768]) {
      await page.setViewportSize({ width, height: 800 });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) overflowing.push(`${width}: ${scrollWidth} > ${innerWidth}`);
    }
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(overflowing).toEqual([]);
  });

  it('holds back authoring and install from a Viewer, saying which permission each needs', async () => {
    const roles = await api<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
    const viewer = roles.find((r) => r.name === 'Viewer');
    expect(viewer).toBeDefined();
    await api('POST', '/api/rbac/users/vic/roles', { roleId: viewer?.id });
    await page.goto(`/vibe-studio?projectId=${projectId}&draftId=${draftId}`);
    const field = page.getByTestId('user-id');
    await field.fill('vic');
    await field.press('Enter');
    await page
      .getByTestId('actor-id')
      .filter({ hasText: /^\s*vic\s*$/ })
      .waitFor();
    const sidebar = page.getByRole('navigation', { name: 'Navigation' });
    expect(await sidebar.getByRole('link', { name: 'Vibe Studio' }).count()).toBe(0);
    const reason = (permission: string) => `Needs the ${permission} permission, which user vic does not have`;
    const create = page.getByRole('button', { name: 'Create draft' });
    await create.and(page.locator('[aria-describedby]')).waitFor();
    expect(await create.isDisabled()).toBe(true);
    expect(await textOf(page.getByTestId('vibe-compose').getByTestId('permission-note'))).toContain(
      `Create draft, Compare variants and Stream a preview are disabled: ${reason('vibe.author')}`,
    );
    const notes = await textOf(draft().getByTestId('permission-note'));
    expect(notes).toContain(`Refine, Preview and Discard are disabled: ${reason('vibe.author')}`);
    expect(notes).toContain(`Install is disabled: ${reason('package.install')}`);
    await field.fill('admin');
    await field.press('Enter');
    await page
      .getByTestId('actor-id')
      .filter({ hasText: /^\s*admin\s*$/ })
      .waitFor();
  });

  it('creates a draft straight from the prompt and discards it after a confirm', async () => {
    await page.goto(`/vibe-studio?projectId=${projectId}`);
    await page.getByTestId('draft-row').first().waitFor();
    await page.getByLabel('Prompt', { exact: true }).fill('Expense claims with receipts');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await waitForDraftStatus('draft');
    expect(await textOf(draft().getByTestId('draft-prompt'))).toBe('Expense claims with receipts');
    const drafts = await api<Draft[]>('GET', `/api/vibe/drafts?projectId=${projectId}`);
    expect(drafts.length).toBe(2);
    const created = drafts.find((d) => d.id !== draftId);
    expect(created?.currentVersion).toBe(1);

    await draft().getByRole('button', { name: 'Discard' }).click();
    const dialog = page.getByRole('alertdialog', { name: /^Discard .+\?$/ });
    expect(await textOf(dialog)).toContain('can no longer be edited or installed');
    await dialog.getByRole('button', { name: 'Discard', exact: true }).click();
    await waitForDraftStatus('discarded');
    expect((await api<Draft>('GET', `/api/vibe/drafts/${created?.id}`)).status).toBe('discarded');
    await page.locator('[data-testid="draft-row"][data-status="discarded"]').waitFor();
    expect(await draft().getByRole('button', { name: 'Preview', exact: true }).isDisabled()).toBe(true);
  });

  it("Form Studio's Suggest with AI proposes ops for review, saves them as a draft override, or discards them", async () => {
    const recordType = await api<{ id: string }>('POST', '/api/record-types', {
      projectId,
      key: 'site_visit',
      name: 'Site visit',
      fields: [
        { name: 'site', type: 'string' },
        { name: 'notes', type: 'string' },
      ],
    });
    await api('POST', `/api/record-types/${recordType.id}/activate`);
    const form = await api<{ id: string }>('POST', '/api/form-definitions', {
      recordTypeId: recordType.id,
      name: 'default',
    });
    const section = await api<{ id: string }>('POST', `/api/form-definitions/${form.id}/sections`, {
      title: 'Visit',
    });
    await api('POST', `/api/form-sections/${section.id}/placements`, { field: 'site' });
    await api('POST', `/api/form-sections/${section.id}/placements`, { field: 'notes' });
    const overrides = () =>
      api<{ version: number; status: string; ops: unknown[] }[]>(
        'GET',
        `/api/forms/${encodeURIComponent('Site visit')}/default/overrides`,
      );

    await page.goto(`/studio/forms?recordTypeId=${recordType.id}&formDefinitionId=${form.id}`);
    await page.getByRole('table', { name: 'Where each flag comes from' }).waitFor();
    const card = page.getByTestId('suggest-form-patch');
    await card.getByLabel('Change', { exact: true }).fill('Make notes required and hide site');
    await card.getByRole('button', { name: 'Suggest' }).and(page.locator(':enabled')).waitFor();
    await card.getByRole('button', { name: 'Suggest' }).click();
    const suggestion = card.getByTestId('suggestion');
    await suggestion.waitFor();
    expect(await suggestion.getAttribute('data-valid')).toBe('true');
    expect(await suggestion.getByTestId('suggested-op').allInnerTexts()).toEqual([
      'notes required',
      'site hidden',
    ]);
    // Proposed only: nothing is saved yet.
    expect(await overrides()).toEqual([]);
    await suggestion.getByRole('button', { name: 'Save as override' }).click();
    expect(await textOf(card.getByTestId('suggestion-saved'))).toContain('Saved as override v1 (a draft)');
    const saved = await overrides();
    expect(saved.map((o) => [o.version, o.status, o.ops.length])).toEqual([[1, 'draft', 2]]);

    await card.getByLabel('Change', { exact: true }).fill('Make the notes read-only');
    await card.getByRole('button', { name: 'Suggest' }).click();
    await suggestion.getByTestId('suggested-op').filter({ hasText: 'notes read-only' }).waitFor();
    await suggestion.getByRole('button', { name: 'Discard' }).click();
    await card.getByTestId('suggestion').waitFor({ state: 'detached' });
    expect((await overrides()).length).toBe(1);
  });

  it('raised no uncaught errors in the page', () => {
    expect(stack?.pageErrors).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };
const AUDITOR = 'audra';
const reasonFor = (permission: string) =>
  `Needs the ${permission} permission, which user ${AUDITOR} does not have`;

/** The rendered text of a locator, as the user sees it. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
};

type Environment = { id: string; name: string };

/**
 * ITSM Lite installed into dev from the packages page with its preview, then promoted to test through
 * an intent (preview, approve as admin, execute); a change in test in between makes the drift gate
 * refuse, and a second preview and approval let the execution through.
 */
describe.skipIf(!hasChromium && !inCi)('graph packages and promotion in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let projectId = '';
  let environments: Environment[] = [];

  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await page.request.fetch(path, {
      method,
      headers: { ...admin, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { data: body } : {}),
    });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  const envId = (name: string) => {
    const found = environments.find((e) => e.name === name);
    if (!found) throw new Error(`no ${name} environment`);
    return found.id;
  };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium`);
    stack = await startStack();
    page = stack.page;
    await page.goto('/');
    projectId = (await api<{ id: string }>('POST', '/api/projects', { name: 'Service Desk' })).id;
    environments = await api<Environment[]>('GET', `/api/projects/${projectId}/environments`);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const intent = () => page.getByTestId('intent-detail');
  const intentStatus = () => intent().getByTestId('intent-status');
  const waitForStatus = (status: string) =>
    intentStatus()
      .filter({ hasText: new RegExp(`^\\s*${status}\\s*$`) })
      .waitFor();

  it('previews ITSM Lite object by object, then installs it into dev behind the confirm dialog', async () => {
    await page.goto(`/packages?projectId=${projectId}`);
    const row = page
      .getByTestId('built-in-row')
      .filter({ has: page.getByText('itsm.lite', { exact: true }) });
    expect(await textOf(row)).toContain('ITSM Lite');
    await page.getByTestId('history-empty').waitFor();
    await row.getByRole('button', { name: 'Preview install of ITSM Lite' }).click();

    const preview = page.getByTestId('install-preview');
    expect(await textOf(preview.getByTestId('preview-status'))).toBe('previewed');
    expect(await textOf(preview.getByTestId('package-diff-summary'))).toMatch(
      /^not installed → 1\.0\.0: \d+ inserts/,
    );
    const inserted = preview.locator('[data-testid="diff-object"][data-disposition="insert"]');
    expect(await inserted.count()).toBeGreaterThan(3);
    expect(await textOf(preview.getByRole('table', { name: 'Diff of itsm.lite' }))).toContain('incident');
    // A preview writes nothing.
    expect(await api<unknown[]>('GET', `/api/admin/graph/packages?projectId=${projectId}`)).toEqual([]);

    await preview.getByTestId('apply-install').click();
    const dialog = page.getByRole('alertdialog', { name: 'Install itsm.lite 1.0.0?' });
    expect(await textOf(dialog)).toContain('records it in dev');
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    expect(await textOf(page.getByTestId('install-applied'))).toBe('Installed itsm.lite 1.0.0.');

    const history = page.locator('[data-testid="install-row"][data-key="itsm.lite"]');
    expect(await history.getAttribute('data-status')).toBe('installed');
    expect(await textOf(history)).toMatch(/itsm\.lite 1\.0\.0 installed dev sha256:[0-9a-f]{12} admin/);
    const dev = await api<{ packageKey: string; version: string }[]>(
      'GET',
      `/api/environments/${envId('dev')}/packages`,
    );
    expect(dev.map((p) => `${p.packageKey}@${p.version}`)).toEqual(['itsm.lite@1.0.0']);
  });

  it('shows dev and test side by side with the package missing in test and its objects', async () => {
    await page.goto(`/promotion?projectId=${projectId}`);
    const state = page.getByTestId('environment-state');
    await state.getByRole('heading', { name: 'dev → test' }).waitFor();
    const row = state.locator('[data-testid="package-state-row"][data-key="itsm.lite"]');
    expect(await row.getAttribute('data-status')).toBe('missing');
    expect(await textOf(row.getByTestId('package-state'))).toBe('missing');
    await row.getByRole('button', { name: 'Objects' }).click();
    expect(
      await state.getByRole('table', { name: 'Drift of itsm.lite' }).getByTestId('diff-object').count(),
    ).toBeGreaterThan(3);
    await page.getByTestId('intents-empty').waitFor();
  });

  it('promotes to test through an intent: preview, approve, refused on drift after a change in test, preview and approve again, execute', async () => {
    await page.getByTestId('create-intent').click();
    await waitForStatus('draft');
    expect(await textOf(intent())).toContain('Not previewed yet');
    expect(await intent().locator('[data-step="draft"]').getAttribute('data-state')).toBe('current');

    await intent().getByTestId('intent-preview').click();
    await waitForStatus('previewed');
    expect(await textOf(intent().getByTestId('intent-package'))).toContain('itsm.lite missing');
    await intent().getByTestId('intent-approve').click();
    await waitForStatus('approved');
    expect(await textOf(intent().locator('[data-step="approved"]'))).toContain('admin');

    // Someone changes test after the approval: HR Lite goes straight into it.
    await api('POST', '/api/admin/graph/install-built-in', {
      projectId,
      environmentId: envId('test'),
      packageKey: 'hr.lite',
    });

    await intent().getByTestId('intent-execute').click();
    const execute = page.getByRole('alertdialog', { name: 'Execute the promotion dev → test?' });
    await execute.getByRole('button', { name: 'Execute', exact: true }).click();
    const refusal = intent().getByTestId('intent-refusal');
    expect(await textOf(refusal)).toContain('PROMOTION_DRIFT');
    expect(await textOf(refusal.getByTestId('intent-refusal-details'))).toContain(
      'the target environment changed since the preview',
    );
    expect(await textOf(intent().getByTestId('drift-explained'))).toContain('The drift gate refused');
    await waitForStatus('approved');

    await intent().getByTestId('drift-repreview').click();
    await waitForStatus('previewed');
    // The new preview sees HR Lite in test, which dev does not hold.
    expect(await textOf(intent())).toContain('hr.lite extra');
    await intent().getByTestId('intent-approve').click();
    await waitForStatus('approved');
    await intent().getByTestId('intent-execute').click();
    await page
      .getByRole('alertdialog', { name: 'Execute the promotion dev → test?' })
      .getByRole('button', { name: 'Execute', exact: true })
      .click();
    await waitForStatus('executed');
    expect(await textOf(intent().getByTestId('intent-executed'))).toMatch(
      /^Promoted 1 package into test, 1 skipped; release [0-9a-f]{8}\.$/,
    );
    expect(await intent().locator('[data-step="executed"]').getAttribute('data-state')).toBe('done');
    expect(await textOf(intent().getByTestId('notification-status'))).toBe('none');

    const row = page.locator('[data-testid="package-state-row"][data-key="itsm.lite"]');
    await page
      .locator('[data-testid="package-state-row"][data-key="itsm.lite"][data-status="same"]')
      .waitFor();
    expect(await textOf(row)).toMatch(/itsm\.lite 1\.0\.0 .*1\.0\.0 .*same/);
    const test = await api<{ packageKey: string; version: string }[]>(
      'GET',
      `/api/environments/${envId('test')}/packages`,
    );
    expect(test.map((p) => `${p.packageKey}@${p.version}`).sort()).toEqual([
      'hr.lite@1.0.0',
      'itsm.lite@1.0.0',
    ]);
  });

  it("shows each environment's packages and releases on the project page, and creates a release", async () => {
    await page.goto(`/projects/${projectId}`);
    const test = page.locator('[data-testid="environment-section"][data-environment="test"]');
    await test.getByTestId('environment-package').first().waitFor();
    expect(await textOf(test.getByRole('table', { name: 'Packages in test' }))).toContain('itsm.lite');
    // The executed promotion recorded a release of test, deployed from a release of dev.
    await test.getByTestId('release-row').first().waitFor();
    expect(await test.getByTestId('release-row').count()).toBe(1);
    expect(await textOf(test.getByTestId('release-row'))).toContain('hr.lite 1.0.0, itsm.lite 1.0.0');

    const dev = page.locator('[data-testid="environment-section"][data-environment="dev"]');
    await dev.getByTestId('release-row').first().waitFor();
    expect(await dev.getByTestId('release-row').count()).toBe(1);
    await dev.getByRole('button', { name: 'Create release of dev' }).click();
    await dev.getByTestId('release-row').nth(1).waitFor();
    expect(await textOf(dev.getByTestId('release-row').first())).toContain('itsm.lite 1.0.0');
    const prod = page.locator('[data-testid="environment-section"][data-environment="prod"]');
    expect(await textOf(prod.getByTestId('releases-empty'))).toBe('No releases yet.');
    expect(await textOf(prod.getByTestId('environment-packages-empty'))).toBe('No packages.');
  });

  it('installs a pasted package, refuses an invalid one with its problems, diffs two versions and uninstalls behind the typed confirmation', async () => {
    await page.goto(`/packages?projectId=${projectId}`);
    const form = page.getByRole('form', { name: 'Install your own package' });
    const previewPasted = async (pkg: unknown) => {
      await form.getByLabel('Package JSON').fill(JSON.stringify(pkg));
      await form.getByRole('button', { name: 'Preview install', exact: true }).click();
    };
    // Not of the package's shape: the request's schema refuses it, naming what is missing.
    await previewPasted({ key: 'lab.notes' });
    const refusal = form.getByTestId('own-refusal');
    expect(await textOf(refusal)).toContain('VALIDATION_ERROR');
    expect(await textOf(refusal.getByTestId('own-refusal-details'))).toContain(
      "must have required property 'recordTypes'",
    );
    // Of the shape, but naming a choice list it does not hold: PACKAGE_INVALID with the problem's path.
    await previewPasted({
      key: 'lab.notes',
      version: '1.0.0',
      name: 'Lab notes',
      recordTypes: [
        {
          key: 'lab_note',
          name: 'Lab note',
          fields: [{ name: 'kind', type: 'choice', choiceListKey: 'nope' }],
        },
      ],
    });
    await refusal.filter({ hasText: 'PACKAGE_INVALID' }).waitFor();
    expect(await textOf(refusal.getByTestId('own-refusal-details'))).toContain('/recordTypes/0/fields/0');

    const notes = (version: string, fields: { name: string; type: 'string' }[]) => ({
      key: 'lab.notes',
      version,
      name: 'Lab notes',
      recordTypes: [{ key: 'lab_note', name: 'Lab note', fields }],
    });
    const install = async (title: string) => {
      const preview = page.getByTestId('install-preview');
      await preview.getByRole('heading', { name: `Preview: ${title}` }).waitFor();
      await preview.getByTestId('apply-install').click();
      await page
        .getByRole('alertdialog', { name: `Install ${title}?` })
        .getByRole('button', { name: 'Install', exact: true })
        .click();
      await page.getByTestId('install-applied').waitFor();
    };
    await previewPasted(notes('1.0.0', [{ name: 'title', type: 'string' }]));
    await install('lab.notes 1.0.0');
    await previewPasted(
      notes('1.1.0', [
        { name: 'title', type: 'string' },
        { name: 'body', type: 'string' },
      ]),
    );
    const upgrade = page.getByTestId('install-preview');
    await upgrade.getByRole('heading', { name: 'Preview: lab.notes 1.1.0' }).waitFor();
    expect(await textOf(upgrade.getByTestId('package-diff-summary'))).toMatch(/^1\.0\.0 → 1\.1\.0: /);
    expect(
      await textOf(upgrade.locator('[data-testid="diff-object"][data-disposition="insert"]').first()),
    ).toContain('lab_note.body');
    await install('lab.notes 1.1.0');

    const diff = page.getByTestId('version-diff');
    await diff.getByLabel('Package to compare').selectOption('lab.notes');
    expect(await diff.getByLabel('From version').inputValue()).toBe('1.0.0');
    expect(await diff.getByLabel('To version').inputValue()).toBe('1.1.0');
    expect(await textOf(diff.getByTestId('diff-object').filter({ hasText: 'lab_note.body' }))).toContain(
      'insert',
    );

    await page.getByRole('button', { name: 'Uninstall lab.notes 1.1.0' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Uninstall lab.notes 1.1.0?' });
    const confirmButton = dialog.getByRole('button', { name: 'Uninstall', exact: true });
    expect(await confirmButton.isDisabled()).toBe(true);
    await dialog.getByLabel('Type lab.notes to confirm').fill('lab.notes');
    await confirmButton.click();
    await page
      .locator('[data-testid="install-row"][data-key="lab.notes"][data-status="reverted"]')
      .filter({ hasText: '1.1.0' })
      .waitFor();
  });

  it('installs an older version and drops a field holding data only when the admin overrides the refusal deliberately', async () => {
    await page.goto(`/packages?projectId=${projectId}`);
    const form = page.getByRole('form', { name: 'Install your own package' });
    const refusal = form.getByTestId('own-refusal');
    const overrideButton = form.getByTestId('install-override');
    const preview = page.getByTestId('install-preview');
    const notes = (version: string, fields: string[]) => ({
      key: 'lab.notes',
      version,
      name: 'Lab notes',
      recordTypes: [
        { key: 'lab_note', name: 'Lab note', fields: fields.map((name) => ({ name, type: 'string' })) },
      ],
    });
    const previewPasted = async (pkg: unknown) => {
      await form.getByLabel('Package JSON').fill(JSON.stringify(pkg));
      await form.getByRole('button', { name: 'Preview install', exact: true }).click();
    };
    const installedVersion = async () =>
      (
        await api<{ packageKey: string; version: string }[]>(
          'GET',
          `/api/environments/${envId('dev')}/packages`,
        )
      ).find((p) => p.packageKey === 'lab.notes')?.version;

    // 1.1.0 again (the uninstall above restored 1.0.0), then 1.0.0: a downgrade.
    await previewPasted(notes('1.1.0', ['title', 'body']));
    await preview.getByRole('heading', { name: 'Preview: lab.notes 1.1.0' }).waitFor();
    await preview.getByTestId('apply-install').click();
    await page
      .getByRole('alertdialog', { name: 'Install lab.notes 1.1.0?' })
      .getByRole('button', { name: 'Install', exact: true })
      .click();
    await page.getByTestId('install-applied').waitFor();
    expect(await installedVersion()).toBe('1.1.0');

    await previewPasted(notes('1.0.0', ['title']));
    await refusal.filter({ hasText: 'PACKAGE_DOWNGRADE' }).waitFor();
    expect(await textOf(overrideButton)).toBe('Install the older version anyway');
    await overrideButton.click();
    await preview.getByRole('heading', { name: 'Preview: lab.notes 1.0.0' }).waitFor();
    expect(await textOf(preview.getByTestId('package-diff-summary'))).toMatch(/^1\.1\.0 → 1\.0\.0: /);
    // The preview writes nothing: 1.1.0 is still what dev holds.
    expect(await installedVersion()).toBe('1.1.0');
    await preview.getByTestId('apply-install').click();
    const downgrade = page.getByRole('alertdialog', { name: 'Install lab.notes 1.0.0?' });
    expect(await textOf(downgrade.getByTestId('override-impact-downgrade'))).toBe(
      'Replaces the installed 1.1.0 with the older 1.0.0.',
    );
    await downgrade.getByRole('button', { name: 'Install', exact: true }).click();
    expect(await textOf(page.getByTestId('install-applied'))).toBe('Installed lab.notes 1.0.0.');
    expect(await installedVersion()).toBe('1.0.0');

    // A record holds a title; 1.2.0 drops the field.
    const types = await api<{ id: string; key: string }[]>(
      'GET',
      `/api/record-types?projectId=${projectId}&limit=100`,
    );
    const labNote = types.find((t) => t.key === 'lab_note');
    if (!labNote) throw new Error('no lab_note record type');
    await api('POST', '/api/record-instances', { recordTypeId: labNote.id, data: { title: 'centrifuge' } });
    await previewPasted(notes('1.2.0', ['body']));
    await refusal.filter({ hasText: 'PACKAGE_DATA_LOSS' }).waitFor();
    expect(await textOf(refusal.getByTestId('own-refusal-details'))).toBe(
      'field lab_note.title holds data in 1 records',
    );
    expect(await textOf(overrideButton)).toBe('Drop the data and install');
    await overrideButton.click();
    await preview.getByRole('heading', { name: 'Preview: lab.notes 1.2.0' }).waitFor();
    expect(
      await textOf(preview.locator('[data-testid="diff-object"][data-disposition="delete_with_data"]')),
    ).toContain('lab_note.title');
    await preview.getByTestId('apply-install').click();
    const dataLoss = page.getByRole('alertdialog', { name: 'Install lab.notes 1.2.0?' });
    expect(await textOf(dataLoss.getByTestId('override-impact-data_loss'))).toBe(
      'lab_note.title: 1 record holds a value that will no longer be shown',
    );
    const confirmButton = dataLoss.getByRole('button', { name: 'Install', exact: true });
    expect(await confirmButton.isDisabled()).toBe(true);
    await dataLoss.getByLabel('Type lab.notes to confirm').fill('lab.notes');
    await confirmButton.click();
    expect(await textOf(page.getByTestId('install-applied'))).toBe('Installed lab.notes 1.2.0.');
    expect(await installedVersion()).toBe('1.2.0');
    const fields = await api<{ name: string }[]>('GET', `/api/record-types/${labNote.id}/fields`);
    expect(fields.map((f) => f.name)).toEqual(['body']);
  });

  it('holds the packages, promotion and project pages at 1024 px with their data: nothing scrolls sideways', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    const intents = await api<{ id: string }[]>(
      'GET',
      `/api/admin/environments/promotions?projectId=${projectId}`,
    );
    const views = [
      { path: `/packages?projectId=${projectId}`, ready: () => page.getByTestId('install-row').first() },
      {
        path: `/promotion?projectId=${projectId}&intentId=${intents[0]?.id ?? ''}`,
        ready: () => page.getByTestId('intent-package').first(),
      },
      { path: `/projects/${projectId}`, ready: () => page.getByTestId('release-row').first() },
    ];
    const overflowing: string[] = [];
    for (const { path, ready } of views) {
      await page.goto(path);
      await ready().waitFor();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
        innerWidth: window.innerWidth,
      }));
      if (scrollWidth > innerWidth) overflowing.push(`${path}: ${scrollWidth} > ${innerWidth}`);
    }
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(overflowing).toEqual([]);
  });

  it('holds back install, uninstall, promotion, settings and releases from a user with admin.view only, saying why', async () => {
    const role = await api<{ id: string }>('POST', '/api/rbac/roles', {
      name: 'Package auditor',
      permissions: ['admin.view'],
    });
    await api('POST', `/api/rbac/users/${AUDITOR}/roles`, { roleId: role.id });
    await page.goto(`/packages?projectId=${projectId}`);
    const field = page.getByTestId('user-id');
    await field.fill(AUDITOR);
    await field.press('Enter');
    await page
      .getByTestId('actor-id')
      .filter({ hasText: new RegExp(`^\\s*${AUDITOR}\\s*$`) })
      .waitFor();

    // Previews are reads: offered. Installing is not.
    const row = page.getByTestId('built-in-row').filter({ has: page.getByText('hr.lite', { exact: true }) });
    await row.getByRole('button', { name: 'Preview install of HR Lite' }).click();
    const preview = page.getByTestId('install-preview');
    expect(await textOf(preview.getByTestId('permission-note'))).toContain(
      `Install is disabled: ${reasonFor('package.install')}.`,
    );
    expect(await preview.getByTestId('apply-install').isDisabled()).toBe(true);
    expect(await textOf(page.getByTestId('install-history').getByTestId('permission-note'))).toContain(
      `Uninstall is disabled: ${reasonFor('package.install')}.`,
    );
    // A refused downgrade is shown, but overriding it is an install: held back, saying why.
    const form = page.getByRole('form', { name: 'Install your own package' });
    await form.getByLabel('Package JSON').fill(
      JSON.stringify({
        key: 'lab.notes',
        version: '1.0.0',
        name: 'Lab notes',
        recordTypes: [{ key: 'lab_note', name: 'Lab note', fields: [{ name: 'title', type: 'string' }] }],
      }),
    );
    await form.getByRole('button', { name: 'Preview install', exact: true }).click();
    await form.getByTestId('own-refusal').filter({ hasText: 'PACKAGE_DOWNGRADE' }).waitFor();
    expect(await form.getByTestId('install-override').isDisabled()).toBe(true);
    expect(await textOf(form.getByTestId('permission-reason'))).toContain(reasonFor('package.install'));

    await page.goto(`/promotion?projectId=${projectId}`);
    const state = page.getByTestId('environment-state');
    await state.locator('[data-testid="package-state-row"][data-key="itsm.lite"]').waitFor();
    expect(await textOf(state.getByTestId('permission-note'))).toContain(
      `Create promotion intent and Promote directly are disabled: ${reasonFor('environment.promote')}.`,
    );
    expect(await page.getByTestId('create-intent').isDisabled()).toBe(true);
    expect(await textOf(page.getByTestId('environment-settings').getByTestId('permission-note'))).toContain(
      `Save is disabled: ${reasonFor('environment.manage')}.`,
    );

    await page.goto(`/projects/${projectId}`);
    const release = page.getByRole('button', { name: 'Create release of prod' });
    await release.and(page.locator('[aria-describedby]')).waitFor();
    expect(await release.isDisabled()).toBe(true);
    const reason = page.locator(`[id="${await release.getAttribute('aria-describedby')}"]`);
    expect(await textOf(reason)).toContain(reasonFor('environment.release_create'));
  });

  it('raised no uncaught errors in the page', () => {
    expect(stack?.pageErrors).toEqual([]);
  });
});

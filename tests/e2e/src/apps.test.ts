import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };
const VIEWER = 'vera';

/** The rendered text of a locator, as the user sees it. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
};

/**
 * The HR template installed from the catalog into a project, its app and modules in Admin → Apps, an
 * override of a module's configuration created and activated in Admin → Overrides, the resolved value
 * shown with its provenance; and a Viewer shown the install held back, with the reason.
 */
describe.skipIf(!hasChromium && !inCi)('apps, modules and overrides in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let projectId = '';

  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await page.request.fetch(path, {
      method,
      headers: { ...admin, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { data: body } : {}),
    });
    expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium`);
    stack = await startStack();
    page = stack.page;
    await page.goto('/');
    projectId = (await api<{ id: string }>('POST', '/api/projects', { name: 'People Ops' })).id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const hrCard = () => page.locator('[data-testid="template-card"][data-key="hr"]');

  it('installs the HR template into a project from the catalog, behind a confirm naming what it creates', async () => {
    await page.goto('/templates');
    const install = hrCard().getByRole('button', { name: 'Install HR' });
    await hrCard().getByRole('list', { name: 'Modules of HR' }).waitFor();
    expect(await install.isDisabled()).toBe(true);
    await page.getByLabel('Project').selectOption(projectId);
    await install.click();
    const dialog = page.getByRole('alertdialog', { name: 'Install HR 1.1.0?' });
    const impact = await textOf(dialog);
    expect(impact).toContain('Creates the app HR in People Ops, with 3 modules');
    expect(await textOf(dialog.getByTestId('install-impact-modules'))).toBe(
      'hr-core (schema) hr-onboarding (workflow) hr-directory (ui)',
    );
    expect(impact).toContain('Installs the package hr.lite 1.1.0');
    await dialog.getByRole('button', { name: 'Install', exact: true }).click();
    expect(await textOf(page.getByTestId('template-installed'))).toContain('HR 1.1.0 is installed.');
    const installed = await hrCard().getByTestId('permission-reason').count();
    expect(installed).toBe(0);
    expect(await hrCard().getByRole('button', { name: 'Install HR' }).getAttribute('title')).toBe(
      'Installed already (1.1.0)',
    );
  });

  it('shows the app with its modules, versions, status and events under Admin → Apps', async () => {
    await page.goto('/admin/apps');
    const app = page.locator('[data-testid="installed-app"][data-key="hr"]');
    expect(await textOf(app.getByRole('heading', { level: 3 }))).toBe('HR 1.1.0');
    expect(await textOf(app.getByText('installed', { exact: true }))).toBe('installed');
    const modules = app.getByTestId('installed-module');
    expect(await modules.count()).toBe(3);
    expect(await textOf(app.locator('[data-testid="installed-module"][data-name="hr-core"]'))).toBe(
      'hr-core schema 1.1.0 CODE_MODULE_DEFAULT template defaults',
    );
    expect(await app.getByRole('button', { name: 'Upgrade HR' }).getAttribute('title')).toBe(
      'Already at the newest version (1.1.0)',
    );
    await app.getByText('2 install events').click();
    expect(await textOf(app.getByRole('list', { name: 'Install events of HR' }))).toMatch(
      /install_started .* install 1\.1\.0 install_completed .* install 1\.1\.0/,
    );
  });

  it('creates an override of a module config value, activates it, and resolves it with its provenance', async () => {
    await page.goto('/admin/overrides');
    await page.getByTestId('overrides-empty').waitFor();
    await page.getByLabel('Installed module').selectOption({ label: 'hr-core (1.1.0)' });
    const probation = page.locator('[data-testid="resolved-value"][data-key="probationDays"]');
    expect(await textOf(probation)).toBe('probationDays 90 template 90');

    const form = page.getByRole('form', { name: 'New config override' });
    await form.getByLabel('Configuration key').selectOption('probationDays');
    await form.getByLabel('New value').fill('many');
    await form.getByRole('button', { name: 'Create draft override' }).click();
    expect(await textOf(form.getByText('Enter a number'))).toBe('Enter a number');
    await form.getByLabel('New value').fill('120');
    await form.getByRole('button', { name: 'Create draft override' }).click();
    expect(await textOf(page.getByTestId('override-created'))).toBe(
      'Draft v1 of probationDays created; activate it in the list below.',
    );

    const row = page.locator('[data-testid="override-row"][data-target="probationDays"][data-version="1"]');
    expect(await textOf(row)).toContain('draft');
    await row.getByRole('button', { name: 'Activate probationDays v1' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Activate probationDays v1?' });
    expect(await textOf(dialog)).toContain('the active override of the same target, if any, is retired');
    await dialog.getByRole('button', { name: 'Activate', exact: true }).click();
    await row.getByText('active', { exact: true }).waitFor();
    await probation.getByText('override v1').waitFor();
    expect(await textOf(probation)).toBe('probationDays 120 override v1 90');

    await row.getByRole('button', { name: 'Details of probationDays v1' }).click();
    expect(await textOf(page.getByText('{"value":120}'))).toBe('{"value":120}');
    const resolved = await api<{ values: { key: string; overrideVersion: number | null }[] }>(
      'GET',
      `/api/installed-modules/${(await api<{ id: string; moduleName: string }[]>('GET', '/api/admin/modules')).find((m) => m.moduleName === 'hr-core')!.id}/resolve`,
    );
    expect(resolved.values.find((v) => v.key === 'probationDays')?.overrideVersion).toBe(1);
  });

  it('shows a Viewer the install held back, with the reason', async () => {
    const roles = await api<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
    await api('POST', `/api/rbac/users/${VIEWER}/roles`, {
      roleId: roles.find((r) => r.name === 'Viewer')!.id,
    });
    await page.goto('/templates');
    const field = page.getByTestId('user-id');
    await field.fill(VIEWER);
    await field.press('Enter');
    await page
      .getByTestId('actor-id')
      .filter({ hasText: new RegExp(`^\\s*${VIEWER}\\s*$`) })
      .waitFor();
    const itsm = page.locator('[data-testid="template-card"][data-key="itsm"]');
    await page.getByLabel('Project').selectOption(projectId);
    const install = itsm.getByRole('button', { name: 'Install IT Service Management' });
    expect(await install.isDisabled()).toBe(true);
    expect(await textOf(itsm.getByTestId('permission-reason'))).toBe(
      `Needs the package.install permission, which user ${VIEWER} does not have`,
    );
  });
});

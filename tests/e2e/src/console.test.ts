import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);
if (!hasChromium && !inCi) {
  console.warn(
    `[e2e] Skipping the console browser tests: ${CHROMIUM_PATH} is missing ` +
      '(install it with `apt-get install -y chromium`; never `playwright install`).',
  );
}

const PROJECT = 'Payroll Platform';

/** Waits for the locator, then returns its trimmed text. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  return (await locator.textContent())?.trim() ?? '';
};

describe.skipIf(!hasChromium && !inCi)('the admin console in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium`);
    stack = await startStack();
    page = stack.page;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const tenantSwitcher = () => page.getByTestId('tenant-switcher');
  const projectsTable = () => page.getByRole('table', { name: 'Projects' });
  const form = () => page.getByRole('form', { name: 'Create project' });

  const switchTenant = async (slug: string) => {
    await tenantSwitcher().selectOption(slug);
    await page.locator(`[data-testid="tenant-switcher"]:enabled`).waitFor();
    expect(await tenantSwitcher().inputValue()).toBe(slug);
  };

  const openProjects = async () => {
    await page
      .getByRole('navigation', { name: 'Navigation' })
      .getByRole('link', { name: 'Projects' })
      .click();
    await page.waitForURL('**/projects');
    await page.getByRole('button', { name: 'New project' }).waitFor();
  };

  /** New project opens the form in a slide-over panel. */
  const openForm = async () => {
    if ((await form().count()) === 0) await page.getByRole('button', { name: 'New project' }).click();
    await form().waitFor();
  };

  const submitProject = async (name: string, expectedStatus: number) => {
    await openForm();
    await form().getByLabel('Name').fill(name);
    const response = page.waitForResponse(
      (r) => r.url().endsWith('/api/projects') && r.request().method() === 'POST',
    );
    await form().getByRole('button', { name: 'Create project' }).click();
    expect((await response).status()).toBe(expectedStatus);
  };

  it('loads with a title containing EC3L and the tenant switcher showing default', async () => {
    await page.goto('/');
    // The title comes with the streamed metadata, which may land after the page's content.
    await expect.poll(() => page.title()).toContain('EC3L');
    await page.locator('[data-testid="tenant-switcher"]:enabled').waitFor();
    expect(await tenantSwitcher().inputValue()).toBe('default');
    expect(
      await tenantSwitcher().evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text),
    ).toBe('default');
    expect(await page.getByTestId('user-id').inputValue()).toBe('admin');
  });

  it('creates a project through the form, lists it and opens it with dev, test and prod environments', async () => {
    await openProjects();
    // The title comes with the streamed metadata, which may land after the page's content.
    await expect.poll(() => page.title()).toContain('EC3L');
    await page.getByTestId('projects-empty').waitFor();

    await openForm();
    await form().getByLabel('Description').fill('Pays everyone on time');
    await form().getByLabel('GitHub repository').fill('acme/payroll');
    await submitProject(PROJECT, 201);

    const link = projectsTable().getByRole('link', { name: PROJECT });
    await link.waitFor();
    const row = projectsTable()
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: PROJECT }) });
    expect(await textOf(row)).toContain('Pays everyone on time');
    expect(await textOf(row)).toContain('main');
    expect(await textOf(page.getByTestId('project-form-success'))).toContain(PROJECT);

    if (process.env.E2E_SCREENSHOT_DIR) {
      await page.screenshot({
        path: join(process.env.E2E_SCREENSHOT_DIR, 'console-projects.png'),
        fullPage: true,
      });
    }

    // The panel is modal: Escape closes it and gives the list back.
    await page.keyboard.press('Escape');
    await form().waitFor({ state: 'detached' });
    await link.click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(PROJECT);
    // The title comes with the streamed metadata, which may land after the page's content.
    await expect.poll(() => page.title()).toContain('EC3L');

    const environments = page.getByRole('table', { name: 'Environments' });
    await environments.waitFor();
    const names = await environments.getByTestId('environment-name').allTextContents();
    expect(names.map((name) => name.trim())).toEqual(['dev', 'test', 'prod']);
    expect(await environments.getByText('default', { exact: true }).count()).toBe(1);

    await page.getByRole('tab', { name: /Modules/ }).click();
    const modules = page.getByRole('table', { name: 'Modules' });
    await modules.waitFor();
    expect(await modules.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('shows the 409 conflict for a taken name and validation errors for a blank or too long name', async () => {
    await openProjects();
    await projectsTable().getByRole('link', { name: PROJECT }).waitFor();

    await submitProject(PROJECT, 409);
    expect(await textOf(page.getByTestId('project-form-error'))).toMatch(/already exists/);

    // The client's own check: nothing is sent for a blank name.
    await form().getByLabel('Name').fill('   ');
    await form().getByRole('button', { name: 'Create project' }).click();
    expect(await textOf(page.getByTestId('project-name-error'))).toBe('Name is required');
    expect(await form().getByLabel('Name').getAttribute('aria-invalid')).toBe('true');

    // The server's validation details land next to the field they name.
    await submitProject('x'.repeat(121), 400);
    expect(await textOf(page.getByTestId('project-name-error'))).toMatch(/more than 120 characters/);
    // Focus lands on the field the server named.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('project-name');

    expect(await projectsTable().getByRole('row').count()).toBe(2); // header + the one project
    await page.keyboard.press('Escape');
    await form().waitFor({ state: 'detached' });
  });

  it('switching the tenant to acme hides the project of the default tenant', async () => {
    await openProjects();
    await projectsTable().getByRole('link', { name: PROJECT }).waitFor();

    await switchTenant('acme');
    expect(await textOf(page.getByTestId('projects-empty'))).toContain('Tenant acme has no projects');
    expect(await page.getByRole('link', { name: PROJECT }).count()).toBe(0);

    // The choice survives a reload (localStorage), and the default tenant's project is not found here.
    await page.reload();
    await page.locator('[data-testid="tenant-switcher"]:enabled').waitFor();
    expect(await tenantSwitcher().inputValue()).toBe('acme');
    await page.getByTestId('projects-empty').waitFor();
  });

  it("opening another tenant's project shows that it is not found in the current tenant", async () => {
    await switchTenant('default');
    const href = await projectsTable().getByRole('link', { name: PROJECT }).getAttribute('href');
    expect(href).toMatch(/^\/projects\//);
    await switchTenant('acme');
    await page.getByTestId('projects-empty').waitFor();

    await page.goto(href!);
    expect(await textOf(page.getByTestId('project-not-found'))).toContain('Project not found in tenant acme');
  });

  it('the dashboard shows the project and environment counts of the selected tenant', async () => {
    await page
      .getByRole('navigation', { name: 'Navigation' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await page.waitForURL((url) => url.pathname === '/');
    // The title comes with the streamed metadata, which may land after the page's content.
    await expect.poll(() => page.title()).toContain('EC3L');
    expect(await textOf(page.getByTestId('stat-projects'))).toBe('0');
    expect(await textOf(page.getByTestId('stat-environments'))).toBe('0');

    await switchTenant('default');
    await page.getByTestId('stat-projects').filter({ hasText: /^1$/ }).waitFor();
    expect(await textOf(page.getByTestId('stat-environments'))).toBe('3');
  });

  it('raised no uncaught errors in the page', () => {
    expect(stack?.pageErrors).toEqual([]);
  });
});

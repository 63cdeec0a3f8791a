import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const ROLE = 'Release managers';

/** Waits for the locator, then returns its trimmed text. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  return (await locator.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
};

describe.skipIf(!hasChromium && !inCi)('the admin pages in a browser', () => {
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

  const sidebar = () => page.getByRole('navigation', { name: 'Navigation' });
  const sections = () => page.getByRole('navigation', { name: 'Admin sections' });
  const rolesTable = () => page.getByRole('table', { name: 'Roles' });
  const roleRow = () => rolesTable().getByRole('row').filter({ hasText: ROLE });
  const roleForm = () => page.getByRole('form', { name: 'Create role' });

  /** Types a user id into the header field and waits until the sidebar shows the gateway acting as that user. */
  const actAs = async (user: string) => {
    const field = page.getByTestId('user-id');
    await field.fill(user);
    await field.press('Enter');
    await page
      .getByTestId('actor-id')
      .filter({ hasText: new RegExp(`^\\s*${user}\\s*$`) })
      .waitFor();
  };

  /** Clicks a button and returns the status of the API call it makes. */
  const statusOf = async (path: string, method: string, click: () => Promise<void>) => {
    const response = page.waitForResponse(
      (r) => new URL(r.url()).pathname.startsWith(path) && r.request().method() === method,
    );
    await click();
    return (await response).status();
  };

  const openSection = async (label: string, path: string) => {
    await sections().getByRole('link', { name: label }).click();
    await page.waitForURL(`**${path}`);
  };

  it('opens /admin as admin on the tenants section, with the current tenant highlighted', async () => {
    await page.goto('/admin');
    await page.waitForURL('**/admin/tenants');
    // The title comes with the streamed metadata, which may land after the page's content.
    await expect.poll(() => page.title()).toContain('EC3L');
    await sidebar().getByRole('link', { name: 'Admin' }).waitFor();

    const current = page.getByRole('table', { name: 'Tenants' }).locator('tr[aria-current="true"]');
    expect(await textOf(current)).toContain('default');
    expect(await textOf(current)).toContain('Current tenant');
    await page.getByRole('button', { name: 'Switch to acme' }).waitFor();
  });

  it('creates the role Release managers with form.view and refuses a second role of that name', async () => {
    await openSection('Access', '/admin/access');
    await page.getByRole('button', { name: 'New role' }).click();
    await roleForm().getByLabel('Name').fill(ROLE);
    await roleForm().getByLabel('Description').fill('Cut releases of every environment');
    await roleForm()
      .getByRole('checkbox', { name: /^form\.view/ })
      .check();
    expect(
      await statusOf('/api/rbac/roles', 'POST', () =>
        roleForm().getByRole('button', { name: 'Create role' }).click(),
      ),
    ).toBe(201);

    expect(await textOf(page.getByTestId('role-form-success'))).toContain(
      `Created role ${ROLE} with form.view`,
    );
    expect(await textOf(roleRow())).toContain('Active');
    const chips = roleRow().getByRole('list', { name: `Permissions of ${ROLE}` });
    expect((await chips.getByTestId('permission-chip').allTextContents()).map((t) => t.trim())).toEqual([
      'form.view',
    ]);

    await roleForm().getByLabel('Name').fill(ROLE);
    expect(
      await statusOf('/api/rbac/roles', 'POST', () =>
        roleForm().getByRole('button', { name: 'Create role' }).click(),
      ),
    ).toBe(409);
    expect(await textOf(page.getByTestId('role-form-error'))).toMatch(/already exists/);
    expect(await rolesTable().getByRole('row').filter({ hasText: ROLE }).count()).toBe(1);

    // Editing the name withdraws the server's answer about the old one.
    await roleForm().getByLabel('Name').fill('');
    expect(await page.getByTestId('role-form-error').count()).toBe(0);
    await page.keyboard.press('Escape');
    await roleForm().waitFor({ state: 'detached' });
  });

  it('grants the role environment.release_create from the roles table', async () => {
    await roleRow().getByLabel(`Permission to grant to ${ROLE}`).selectOption('environment.release_create');
    expect(
      await statusOf('/api/rbac/roles/', 'POST', () =>
        roleRow().getByRole('button', { name: 'Grant' }).click(),
      ),
    ).toBe(201);

    const chips = roleRow().getByRole('list', { name: `Permissions of ${ROLE}` });
    await chips.getByTestId('permission-chip').filter({ hasText: 'environment.release_create' }).waitFor();
    expect((await chips.getByTestId('permission-chip').allTextContents()).map((t) => t.trim())).toEqual([
      'environment.release_create',
      'form.view',
    ]);
  });

  it('assigns the role to rita, who had none', async () => {
    const lookUp = page.getByRole('form', { name: 'Look up user' });
    await lookUp.getByLabel('User ID').fill('rita');
    await lookUp.getByRole('button', { name: 'Show roles' }).click();
    expect(await textOf(page.getByTestId('user-roles-empty'))).toContain('rita has no roles in default');

    const assign = page.getByRole('form', { name: 'Assign a role to rita' });
    await assign.getByLabel('Role to assign').selectOption({ label: ROLE });
    expect(
      await statusOf('/api/rbac/users/rita/roles', 'POST', () =>
        assign.getByRole('button', { name: 'Assign role' }).click(),
      ),
    ).toBe(201);

    const ritaRoles = page.getByRole('table', { name: 'Roles of rita' });
    expect(await textOf(ritaRoles.getByRole('row').filter({ hasText: ROLE }))).toContain('Active');
  });

  it('explains that rita is allowed environment.release_create through the new role', async () => {
    const explain = page.getByRole('form', { name: 'Explain access' });
    await explain.getByLabel('User ID').fill('rita');
    await explain.getByLabel('Permission').selectOption('environment.release_create');
    await explain.getByRole('button', { name: 'Explain' }).click();

    const result = page.getByTestId('explain-result');
    expect(await textOf(result)).toContain('Allowed');
    expect(await textOf(result)).toContain('rita is allowed environment.release_create');
    expect(await textOf(page.getByTestId('explain-reason'))).toBe(
      `role ${ROLE} grants environment.release_create`,
    );
    expect(await textOf(result)).toContain(`Role ${ROLE} grants it`);

    if (process.env.E2E_SCREENSHOT_DIR) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: join(process.env.E2E_SCREENSHOT_DIR, 'console-admin-access.png'),
        fullPage: true,
      });
    }
  });

  it('as rita the sidebar has no Admin entry and /admin refuses with a message naming admin.view', async () => {
    await actAs('rita');
    expect(await textOf(page.getByTestId('actor-summary'))).toContain(ROLE);
    expect(await sidebar().getByRole('link', { name: 'Admin' }).count()).toBe(0);
    // The Access page she was looking at as admin is withdrawn at once.
    await page.getByTestId('forbidden').waitFor();
    expect(await rolesTable().count()).toBe(0);

    await page.goto('/admin');
    const refusal = page.getByTestId('forbidden');
    expect(await textOf(refusal)).toContain('You need the admin.view permission');
    expect(await textOf(refusal)).toContain('User rita cannot open the admin console in tenant default');
    expect(await textOf(refusal)).toContain('missing permission admin.view');
    expect(await sections().count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await sidebar().getByRole('link', { name: 'Admin' }).count()).toBe(0);
  });

  it('back as admin, the audit log filtered by actor rita shows her denied admin.view attempt', async () => {
    await actAs('admin');
    await sidebar().getByRole('link', { name: 'Admin' }).waitFor();
    await openSection('Audit log', '/admin/audit');

    const filters = page.getByRole('form', { name: 'Audit log filters' });
    await filters.getByLabel('Actor ID').fill('rita');
    await filters.getByRole('button', { name: 'Apply filters' }).click();

    const log = page.getByRole('table', { name: 'Audit log' });
    // One refusal when the Access page re-checked her, one for her visit to /admin.
    const denial = log.getByRole('row').filter({ hasText: 'missing permission admin.view' }).first();
    expect(await textOf(denial)).toContain('rita');
    expect(await textOf(denial)).toContain('admin.view');
    expect(await textOf(denial)).toContain('deny');
    const actors = await log.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors.map((actor) => actor.trim()))).toEqual(new Set(['rita']));
  });

  it('shows the unified audit feed and the execution telemetry of the tenant', async () => {
    await page.getByRole('tab', { name: 'Unified feed' }).click();
    await page.getByRole('table', { name: 'Audit feed' }).getByTestId('feed-row').first().waitFor();

    await openSection('Telemetry', '/admin/telemetry');
    const events = page.getByRole('table', { name: 'Execution telemetry' });
    expect(await textOf(events.getByRole('row').filter({ hasText: 'tenant.created' }))).toContain(
      'succeeded',
    );
  });

  it('switches the console to acme from the tenants section, which then highlights acme', async () => {
    await openSection('Tenants', '/admin/tenants');
    await page.getByRole('button', { name: 'Switch to acme' }).click();

    const current = page.getByRole('table', { name: 'Tenants' }).locator('tr[aria-current="true"]');
    await current.filter({ hasText: 'acme' }).waitFor();
    expect(await textOf(current)).toContain('Current tenant');
    expect(await page.getByTestId('tenant-switcher').inputValue()).toBe('acme');
    await page.getByRole('button', { name: 'Switch to default' }).waitFor();
  });

  it('raised no uncaught errors in the page', () => {
    expect(stack?.pageErrors).toEqual([]);
  });
});

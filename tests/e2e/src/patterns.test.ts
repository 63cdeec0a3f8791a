import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const VIEWER = 'vic';
const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  return collapse(await locator.innerText());
};

/**
 * The console's shared patterns: the confirm dialog, a Viewer's disabled actions with their reasons,
 * the layout at 1024 and 768 px, and an axe check of every page.
 */
describe.skipIf(!hasChromium && !inCi)('console patterns in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let projectId = '';
  let recordTypeId = '';
  let changeId = '';
  let activeTypeId = '';
  let workflowId = '';
  let formId = '';

  /** A call to the gateway through the console's /api proxy, as admin unless told otherwise. */
  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown, user = 'admin'): Promise<T> => {
    const response = await page.request.fetch(path, {
      method,
      headers: { ...admin, 'x-user-id': user, ...(body ? { 'content-type': 'application/json' } : {}) },
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
    const project = await api<{ id: string }>('POST', '/api/projects', { name: 'Field Service' });
    projectId = project.id;
    const recordType = await api<{ id: string }>('POST', '/api/record-types', {
      projectId,
      key: 'work_order',
      name: 'Work order',
      fields: [{ name: 'title', type: 'string' }],
    });
    recordTypeId = recordType.id;
    const change = await api<{ id: string }>('POST', '/api/changes', { projectId, title: 'Add a due date' });
    changeId = change.id;
    await api('POST', `/api/changes/${changeId}/targets`, {
      type: 'record_type',
      selector: { recordTypeKey: 'work_order' },
    });
    // An active record type with one record, for the Records page.
    const siteVisit = await api<{ id: string }>('POST', '/api/record-types', {
      projectId,
      key: 'site_visit',
      name: 'Site visit',
      fields: [{ name: 'site', type: 'string', required: true }],
      slaConfig: { durationMinutes: 120 },
    });
    activeTypeId = siteVisit.id;
    await api('POST', `/api/record-types/${activeTypeId}/activate`);
    const workflow = await api<{ id: string }>('POST', '/api/workflow-definitions', {
      projectId,
      name: 'Dispatch site visits',
    });
    workflowId = workflow.id;
    await api('POST', `/api/workflow-definitions/${workflowId}/steps`, {
      stepType: 'decision',
      config: { condition: { field: 'record.title', op: 'exists' }, onFalseStepIndex: 1 },
    });
    await api('POST', `/api/workflow-definitions/${workflowId}/steps`, {
      stepType: 'notification',
      config: { channel: 'email', template: 'Visit {{record.title}}' },
    });
    await api('POST', '/api/record-instances', { recordTypeId: activeTypeId, data: { site: 'Depot 4' } });
    // The Viewer: a new user id holding only the Viewer role (form.view).
    const roles = await api<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
    const viewerRole = roles.find((r) => r.name === 'Viewer');
    expect(viewerRole).toBeDefined();
    await api('POST', `/api/rbac/users/${VIEWER}/roles`, { roleId: viewerRole!.id });
    // A draft form of Site visit with a section, a placed field and a rule, for the Form Studio.
    formId = (
      await api<{ id: string }>('POST', '/api/form-definitions', {
        recordTypeId: activeTypeId,
        name: 'default',
      })
    ).id;
    const section = await api<{ id: string }>('POST', `/api/form-definitions/${formId}/sections`, {
      title: 'Visit',
    });
    await api('POST', `/api/form-sections/${section.id}/placements`, { field: 'site' });
    await api('POST', `/api/form-definitions/${formId}/rules`, {
      ruleType: 'readOnly',
      targetField: 'site',
      condition: { field: 'site', op: 'eq', value: 'Depot 4' },
      value: true,
    });
    // The gateway compiles a route's schemas on its first use; the forms' (the condition language) take
    // seconds, so they are compiled here rather than while a page is measured.
    for (const path of [
      `/api/form-definitions/${formId}/rules`,
      `/api/form-definitions/${formId}/analysis`,
      '/api/forms/Site%20visit/default/compiled',
      '/api/forms/Site%20visit/default/overrides',
    ])
      await api('GET', path);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const actAs = async (user: string) => {
    const field = page.getByTestId('user-id');
    await field.fill(user);
    await field.press('Enter');
    await page
      .getByTestId('actor-id')
      .filter({ hasText: new RegExp(`^\\s*${user}\\s*$`) })
      .waitFor();
  };

  const pages = () => [
    {
      name: 'dashboard',
      path: '/',
      ready: () => page.getByTestId('recent-changes').getByRole('link').first(),
    },
    { name: 'projects', path: '/projects', ready: () => page.getByRole('table', { name: 'Projects' }) },
    {
      name: 'project detail',
      path: `/projects/${projectId}`,
      ready: () => page.getByRole('table', { name: 'Environments' }),
    },
    {
      name: 'record types tab',
      path: `/projects/${projectId}?tab=record-types`,
      ready: () => page.getByRole('table', { name: 'Record types' }),
    },
    {
      name: 'record type',
      path: `/projects/${projectId}/record-types/${recordTypeId}`,
      ready: () => page.getByRole('table', { name: 'Fields' }),
    },
    { name: 'changes', path: '/changes', ready: () => page.getByRole('table', { name: 'Changes' }) },
    {
      name: 'records',
      path: `/records?recordTypeId=${activeTypeId}`,
      ready: () => page.getByRole('table', { name: 'Site visit records' }),
    },
    {
      name: 'change detail',
      path: `/changes/${changeId}`,
      ready: () => page.getByRole('table', { name: 'Targets' }),
    },
    {
      name: 'admin tenants',
      path: '/admin/tenants',
      ready: () => page.getByRole('table', { name: 'Tenants' }),
    },
    { name: 'admin users', path: '/admin/users', ready: () => page.getByRole('table', { name: 'Users' }) },
    { name: 'admin access', path: '/admin/access', ready: () => page.getByRole('table', { name: 'Roles' }) },
    {
      name: 'admin choice lists',
      path: '/admin/choice-lists',
      ready: () => page.getByTestId('choice-lists-empty'),
    },
    {
      name: 'admin audit log',
      path: '/admin/audit',
      ready: () => page.getByRole('table', { name: 'Audit log' }),
    },
    {
      name: 'admin telemetry',
      path: '/admin/telemetry',
      ready: () => page.getByRole('table', { name: 'Execution telemetry' }),
    },
    {
      name: 'workflows',
      path: '/workflows',
      ready: () => page.getByRole('table', { name: 'Workflow definitions' }),
    },
    {
      name: 'workflow builder',
      path: `/workflows/${workflowId}`,
      ready: () => page.getByTestId('branch-diagram'),
    },
    {
      name: 'workflow monitor',
      path: '/workflow-monitor',
      ready: () => page.getByRole('button', { name: 'Dispatch pending now' }),
    },
    {
      name: 'admin workflows',
      path: '/admin/workflows',
      ready: () => page.getByRole('table', { name: 'Workflow definitions' }),
    },
    {
      name: 'packages',
      path: `/packages?projectId=${projectId}`,
      ready: () => page.getByRole('table', { name: 'Built-in packages' }),
    },
    {
      name: 'promotion',
      path: `/promotion?projectId=${projectId}`,
      ready: () => page.getByTestId('intents-empty'),
    },
    {
      name: 'admin approvals',
      path: '/admin/approvals',
      ready: () => page.getByText('Nothing awaits a decision'),
    },
    {
      name: 'agent skills',
      path: '/skills',
      ready: () => page.getByTestId('skills-empty'),
    },
    {
      name: 'runner',
      path: '/runner',
      ready: () => page.getByTestId('runner-no-change'),
    },
    { name: 'templates', path: '/templates', ready: () => page.getByTestId('template-card').first() },
    { name: 'admin apps', path: '/admin/apps', ready: () => page.getByTestId('apps-empty') },
    { name: 'admin overrides', path: '/admin/overrides', ready: () => page.getByTestId('overrides-empty') },
    {
      name: 'admin changes',
      path: '/admin/changes',
      ready: () => page.getByTestId('admin-change-row').first(),
    },
    {
      name: 'form studio',
      path: `/studio/forms?recordTypeId=${activeTypeId}&formDefinitionId=${formId}`,
      ready: () => page.getByRole('list', { name: 'Sections' }),
    },
    {
      name: 'vibe studio',
      path: `/vibe-studio?projectId=${projectId}`,
      ready: () => page.getByTestId('drafts-empty'),
    },
  ];

  it('offers a skip link to the main content as the first stop of the keyboard', async () => {
    await page.goto('/projects');
    await page.getByRole('table', { name: 'Projects' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await textOf(focused)).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('keeps the current tenant in the sticky top bar', async () => {
    await page.goto('/changes');
    await page.getByTestId('current-tenant').filter({ hasText: 'Tenant default' }).waitFor();
    const position = await page
      .locator('header')
      .filter({ has: page.getByTestId('current-tenant') })
      .evaluate((el) => getComputedStyle(el).position);
    expect(position).toBe('sticky');
  });

  // Every page of the console, each scanned by axe: more than the time one flow is given.
  it('has no serious or critical axe violations on any page', async () => {
    const failures: string[] = [];
    // Colours are checked at rest: no transition half-way between a disabled and an enabled button.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const { name, path, ready } of pages()) {
      await page.goto(path);
      await ready().waitFor();
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        const nodes = v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ');
        failures.push(`${name}: ${v.id} (${v.impact}) ${nodes}`);
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    // Every page is loaded and analysed in turn: minutes on a shared machine.
  }, 240_000);

  it('holds the layout at 1024 and 768 px wide: no page scrolls sideways', async () => {
    const overflowing: string[] = [];
    for (const width of [1024, 768]) {
      await page.setViewportSize({ width, height: 800 });
      for (const { name, path, ready } of pages()) {
        await page.goto(path);
        await ready().waitFor();
        const { scrollWidth, innerWidth, widest } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
          innerWidth: window.innerWidth,
          // What sticks out, to say where to look when it fails.
          widest: Array.from(document.querySelectorAll('body *'))
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
            .filter((el) => {
              // Content of a box that scrolls or clips its overflow does not widen the page.
              for (let up = el.parentElement; up; up = up.parentElement) {
                if (getComputedStyle(up).overflowX !== 'visible') return false;
              }
              return true;
            })
            .slice(0, 4)
            .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 5).join('.')}`),
        }));
        if (scrollWidth > innerWidth) {
          overflowing.push(`${name} at ${width}px: ${scrollWidth} > ${innerWidth} (${widest.join(', ')})`);
        }
      }
    }
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(overflowing, overflowing.join('\n')).toEqual([]);
    // Every page at two widths, in turn.
  }, 240_000);

  it('collapses the sidebar to icons and back', async () => {
    await page.goto('/projects');
    const sidebar = page.getByTestId('sidebar');
    const wide = await sidebar.evaluate((el) => el.getBoundingClientRect().width);
    await page.getByTestId('sidebar-toggle').click();
    await expect.poll(() => sidebar.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThan(wide);
    // The links keep their names for screen readers while only icons show.
    await page
      .getByRole('navigation', { name: 'Navigation' })
      .getByRole('link', { name: 'Changes' })
      .waitFor();
    await page.getByTestId('sidebar-toggle').click();
    await expect.poll(() => sidebar.evaluate((el) => el.getBoundingClientRect().width)).toBe(wide);
  });

  it('opens New project in a slide-over dialog that Escape closes', async () => {
    await page.goto('/projects');
    await page.getByRole('button', { name: 'New project' }).click();
    const panel = page.getByRole('dialog', { name: 'New project' });
    await panel.getByRole('form', { name: 'Create project' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('project-name');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search projects' }).fill('no such project');
    await page.getByTestId('projects-no-match').waitFor();
    await page.getByRole('searchbox', { name: 'Search projects' }).fill('field');
    await page
      .getByRole('table', { name: 'Projects' })
      .getByRole('link', { name: 'Field Service' })
      .waitFor();
  });

  it('unassigning a role in Users asks first: Cancel keeps it, Remove role takes it away', async () => {
    await api('POST', '/api/rbac/users/uma/roles', {
      roleId: (await api<{ id: string; name: string }[]>('GET', '/api/rbac/roles')).find(
        (r) => r.name === 'Editor',
      )!.id,
    });
    await page.goto('/admin/users');
    const row = page.getByRole('table', { name: 'Users' }).getByTestId('user-row').filter({ hasText: 'uma' });
    await row.waitFor();
    const unassign = row.getByRole('button', { name: 'Unassign Editor from uma' });

    await unassign.click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove Editor from uma?' });
    expect(await textOf(dialog)).toContain('uma loses every permission Editor grants');
    // Focus starts on Cancel and stays inside the dialog.
    expect(await textOf(page.locator(':focus'))).toBe('Cancel');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Unassign Editor from uma',
    );
    const stillHeld = await api<{ roleName: string }[]>('GET', '/api/rbac/users/uma/roles');
    expect(stillHeld.map((r) => r.roleName)).toEqual(['Editor']);

    await unassign.click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await api<unknown[]>('GET', '/api/rbac/users/uma/roles')).length).toBe(1);

    await unassign.click();
    const removed = page.waitForResponse(
      (r) => r.url().includes('/api/rbac/users/uma/roles/') && r.request().method() === 'DELETE',
    );
    await dialog.getByRole('button', { name: 'Remove role' }).click();
    expect((await removed).status()).toBe(204);
    await row.waitFor({ state: 'detached' });
    expect(await api<unknown[]>('GET', '/api/rbac/users/uma/roles')).toEqual([]);
  });

  describe('as a Viewer', () => {
    const reasonFor = (permission: string) =>
      `Needs the ${permission} permission, which user ${VIEWER} does not have`;

    /** The button is disabled, and the reason it points at is on the page and takes keyboard focus. */
    const expectHeldBack = async (button: Locator, permission: string) => {
      // Until the actor's permissions are known the button is disabled without a reason to point at.
      await button.and(page.locator('[aria-describedby]')).waitFor();
      expect(await button.isDisabled()).toBe(true);
      const describedBy = await button.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      const reason = page.locator(`[id="${describedBy}"]`);
      expect(await reason.isVisible()).toBe(true);
      expect(await textOf(reason)).toContain(reasonFor(permission));
      await reason.focus();
      expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    };

    it('sees no Admin entry and every create action disabled with its reason', async () => {
      await page.goto('/projects');
      await actAs(VIEWER);
      expect(await textOf(page.getByTestId('actor-summary'))).toContain('Viewer');
      const sidebar = page.getByRole('navigation', { name: 'Navigation' });
      expect(await sidebar.getByRole('link', { name: 'Admin' }).count()).toBe(0);
      await expectHeldBack(page.getByRole('button', { name: 'New project' }), 'project.edit');

      await page.goto('/changes');
      await expectHeldBack(page.getByRole('button', { name: 'New change' }), 'change.edit');

      await page.goto(`/projects/${projectId}?tab=record-types`);
      await expectHeldBack(page.getByRole('button', { name: 'New record type' }), 'schema.edit');

      await page.goto(`/projects/${projectId}/record-types/${recordTypeId}`);
      await expectHeldBack(page.getByRole('button', { name: 'Activate', exact: true }), 'schema.edit');
      await expectHeldBack(page.getByRole('button', { name: 'Retire', exact: true }), 'schema.edit');
      await expectHeldBack(page.getByRole('button', { name: 'Add field', exact: true }), 'schema.edit');
    });

    it('sees the change actions disabled, with one note naming each permission', async () => {
      await page.goto(`/changes/${changeId}`);
      await page.getByRole('table', { name: 'Targets' }).waitFor();
      await expectHeldBack(page.getByRole('button', { name: 'Move to Implementing' }), 'change.edit');
      await expectHeldBack(page.getByRole('button', { name: 'Check in', exact: true }), 'change.approve');
      const note = await textOf(page.getByTestId('permission-note'));
      expect(note).toContain(`Move to Implementing and Dry run are disabled: ${reasonFor('change.edit')}.`);
      expect(note).toContain(`Check in is disabled: ${reasonFor('change.approve')}.`);
      expect(await page.getByRole('button', { name: 'Add target' }).isDisabled()).toBe(true);
      expect(await textOf(page.getByTestId('op-form-disabled'))).toContain(reasonFor('change.edit'));
      // Never offered: the change is not merged.
      expect(await page.getByRole('button', { name: 'Revert' }).count()).toBe(0);
    });

    it('cannot open the admin console, and sees no recent denials on the dashboard', async () => {
      await page.goto('/admin/users');
      expect(await textOf(page.getByTestId('forbidden'))).toContain('You need the admin.view permission');
      await page.goto('/');
      await page.getByTestId('recent-changes').getByRole('link', { name: 'Add a due date' }).waitFor();
      expect(await page.getByTestId('recent-denials').count()).toBe(0);
    });

    it('as admin again, the dashboard lists the denial', async () => {
      await actAs('admin');
      const denials = page.getByTestId('recent-denials');
      await denials.getByTestId('denial-row').first().waitFor();
      expect(await textOf(denials.getByTestId('denial-row').first())).toContain(VIEWER);
    });
  });

  it('raised no uncaught errors in the page', () => {
    expect(stack?.pageErrors).toEqual([]);
  });
});

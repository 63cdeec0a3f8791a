import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const PROJECT = 'Service Desk';
const CHANGE = 'Add priority and summary to incidents';
const APPROVE_REASON = 'Needs the change.approve permission, which user vera does not have';

/** Rendered text (table cells and blocks apart) with runs of white space collapsed. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Waits for the locator, then returns its rendered text. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text keeps table cells and blocks apart as the user sees them
  return collapse(await locator.innerText());
};

/** Waits for the first match, then returns the rendered text of every match. */
const textsOf = async (locator: Locator): Promise<string[]> => {
  await locator.first().waitFor();
  return (await locator.allInnerTexts()).map(collapse);
};

describe.skipIf(!hasChromium && !inCi)('change records in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  /** Paths of pages the flow comes back to. */
  let recordTypePath = '';
  let changePath = '';

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium`);
    stack = await startStack();
    page = stack.page;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const status = () => page.getByTestId('change-status');
  const opForm = () => page.getByRole('form', { name: 'Add patch op' });
  const fieldNames = () => textsOf(page.getByRole('table', { name: 'Fields' }).getByTestId('field-name'));

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

  /** Clicks and returns the status of the API call the click makes. */
  const statusOf = async (path: RegExp, method: string, click: () => Promise<void>) => {
    const response = page.waitForResponse(
      (r) => path.test(new URL(r.url()).pathname) && r.request().method() === method,
    );
    await click();
    return (await response).status();
  };

  /** Waits until the change shows `expected` as its status. */
  const waitForStatus = async (expected: string) => {
    await status()
      .filter({ hasText: new RegExp(`^${expected}$`) })
      .waitFor();
  };

  /** With E2E_SCREENSHOT_DIR set, saves the whole page as console-<name>.png there. */
  const shoot = async (name: string) => {
    if (!process.env.E2E_SCREENSHOT_DIR) return;
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: join(process.env.E2E_SCREENSHOT_DIR, `console-${name}.png`),
      fullPage: true,
    });
  };

  const addFieldOp = async (name: string, type: string) => {
    await opForm().getByLabel('Field name').fill(name);
    await opForm().getByLabel('Type', { exact: true }).selectOption(type);
    expect(
      await statusOf(/\/patch-ops$/, 'POST', () => opForm().getByRole('button', { name: 'Add op' }).click()),
    ).toBe(201);
    await page
      .getByTestId('op-description')
      .filter({ hasText: `Add field ${name} ` })
      .waitFor();
  };

  it('lists Changes after Projects in the sidebar', async () => {
    await page.goto('/');
    const links = page.getByRole('navigation', { name: 'Navigation' }).getByRole('link');
    await links.filter({ hasText: 'Changes' }).waitFor();
    expect((await textsOf(links)).slice(0, 3)).toEqual(['Dashboard', 'Projects', 'Changes']);
  });

  it('creates a project and, on its Record types tab, a draft record type Incident with one field', async () => {
    await page
      .getByRole('navigation', { name: 'Navigation' })
      .getByRole('link', { name: 'Projects' })
      .click();
    await page.getByRole('button', { name: 'New project' }).click();
    const projectForm = page.getByRole('form', { name: 'Create project' });
    await projectForm.getByLabel('Name').fill(PROJECT);
    await projectForm.getByRole('button', { name: 'Create project' }).click();
    await page.getByTestId('project-form-success').getByRole('link', { name: PROJECT }).click();
    await page.getByRole('heading', { name: PROJECT, exact: true }).waitFor();

    await page.getByRole('tab', { name: /Record types/ }).click();
    expect(await textOf(page.getByTestId('record-types-empty'))).toContain('No record types yet');
    await button('New record type').click();
    const form = page.getByRole('form', { name: 'Create record type' });
    await form.getByLabel('Key', { exact: true }).fill('incident');
    await form.getByLabel('Name', { exact: true }).fill('Incident');
    await form.getByRole('button', { name: 'Add field' }).click();
    await form.getByRole('group', { name: 'Field 1' }).getByLabel('Field name').fill('title');
    expect(
      await statusOf(/^\/api\/record-types$/, 'POST', () =>
        form.getByRole('button', { name: 'Create record type' }).click(),
      ),
    ).toBe(201);

    expect(await textOf(page.getByTestId('record-type-form-success'))).toContain(
      'Created Incident as a draft with 1 field',
    );
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Record types' }).getByTestId('record-type-row');
    expect(await textOf(row)).toMatch(/^incident Incident — draft v1 1$/);
    await shoot('record-types');
  });

  it('activates Incident, after which its schema changes only through change records', async () => {
    await page.getByRole('table', { name: 'Record types' }).getByRole('link', { name: 'incident' }).click();
    await page.getByRole('heading', { name: 'Incident', exact: true }).waitFor();
    recordTypePath = new URL(page.url()).pathname;
    expect(await fieldNames()).toEqual(['title']);
    await page.getByRole('form', { name: 'Add field' }).waitFor();

    await button('Activate').click();
    await page.getByTestId('record-type-status').filter({ hasText: 'active' }).waitFor();
    expect(await textOf(page.getByTestId('schema-locked'))).toContain(
      'This schema is active: active schemas change through change records.',
    );
    expect(await page.getByRole('form', { name: 'Add field' }).count()).toBe(0);
    expect(await button('Activate').isDisabled()).toBe(true);
    await shoot('record-type');
  });

  it('creates a change in the project from the record type, which opens as a Draft', async () => {
    await page.getByRole('link', { name: 'Create a change' }).click();
    await page.waitForURL('**/changes?projectId=*');
    await page.getByTestId('changes-empty').waitFor();
    await button('New change').click();
    const form = page.getByRole('form', { name: 'Create change' });
    expect(
      await form
        .getByLabel('Project')
        .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text),
    ).toBe(PROJECT);
    await form.getByLabel('Title').fill(CHANGE);
    await form.getByLabel('Description').fill('Triage needs a priority and a one-line summary.');
    await form.getByRole('button', { name: 'Create change' }).click();

    await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    changePath = new URL(page.url()).pathname;
    expect(await textOf(page.getByTestId('change-title'))).toBe(CHANGE);
    await waitForStatus('Draft');
    expect(await textOf(page.getByRole('list', { name: 'Timeline' }))).toContain('Created as Draft');
  });

  it('adds incident as a record_type target and two add_field ops, priority (number) and summary (text)', async () => {
    await page.getByLabel('Record type to target').selectOption({ label: 'Incident (incident)' });
    expect(await statusOf(/\/targets$/, 'POST', () => button('Add target').click())).toBe(201);
    expect(await textOf(page.getByRole('table', { name: 'Targets' }).getByTestId('target-row'))).toContain(
      'incident',
    );

    await addFieldOp('priority', 'number');
    await addFieldOp('summary', 'text');
    expect(await textsOf(page.getByTestId('op-description'))).toEqual([
      'Add field priority (number) at the end',
      'Add field summary (text) at the end',
    ]);
    expect(
      await textsOf(page.getByRole('table', { name: 'Patch ops' }).locator('tbody tr td:nth-child(4)')),
    ).toEqual(['Pending', 'Pending']);
    const timeline = await textOf(page.getByRole('list', { name: 'Timeline' }));
    expect(timeline).toContain('Target added record type incident');
    expect(timeline).toContain('Op added Add field summary (text) at the end');
  });

  it('lists the error of a dry run that would fail, which deleting the offending op clears', async () => {
    await opForm().getByLabel('Operation').selectOption('remove_field');
    await opForm().getByLabel('Field to remove').fill('severity');
    expect(
      await statusOf(/\/patch-ops$/, 'POST', () => opForm().getByRole('button', { name: 'Add op' }).click()),
    ).toBe(201);
    await page.getByTestId('op-description').filter({ hasText: 'Remove field severity' }).waitFor();

    expect(await statusOf(/\/execute$/, 'POST', () => button('Dry run').click())).toBe(422);
    const result = page.getByTestId('dry-run-result');
    expect(await textOf(result.getByRole('heading', { level: 2 }))).toBe('Dry run: the change would fail');
    const error = await textOf(result.getByTestId('execution-error'));
    expect(error).toContain('FIELD_NOT_FOUND');
    expect(error).toContain('incident.severity');
    expect(error).toContain('Op: Remove field severity');

    // Delete asks first: Cancel leaves the op, the dialog's Delete op removes it.
    const remove = page.getByRole('button', { name: 'Delete op 3: Remove field severity' });
    const dialog = page.getByRole('alertdialog', { name: 'Delete op 3?' });
    await remove.click();
    expect(await textOf(dialog)).toContain('“Remove field severity” is removed from the change');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('op-row').count()).toBe(3);
    await remove.click();
    expect(
      await statusOf(/\/patch-ops\//, 'DELETE', () =>
        dialog.getByRole('button', { name: 'Delete op' }).click(),
      ),
    ).toBe(204);
    await result.waitFor({ state: 'detached' });
    // The form's "Added" note named the op that is gone now.
    expect(await page.getByTestId('op-form-success').count()).toBe(0);
    expect(await textsOf(page.getByTestId('op-description'))).toEqual([
      'Add field priority (number) at the end',
      'Add field summary (text) at the end',
    ]);
    expect(await textOf(page.getByRole('list', { name: 'Timeline' }))).toContain('Op deleted');
  });

  it('as vera, who has no roles, shows Check in disabled with the reason, and enables it again as admin', async () => {
    await actAs('vera');
    await page.locator('button:disabled', { hasText: 'Check in' }).waitFor();
    expect(await button('Check in').getAttribute('title')).toBe(APPROVE_REASON);
    const note = await textOf(page.getByTestId('permission-note'));
    expect(note).toContain(`Check in is disabled: ${APPROVE_REASON}.`);
    expect(note).toContain(
      'Move to Implementing and Dry run are disabled: Needs the change.edit permission, which user vera does not have.',
    );
    await shoot('change-viewer');
    expect(await button('Dry run').isDisabled()).toBe(true);

    await actAs('admin');
    await page.locator('button:enabled', { hasText: 'Check in' }).waitFor();
    expect(await page.getByTestId('permission-note').count()).toBe(0);
  });

  it('dry-runs the change: the diff viewer shows priority and summary as fields added to incident', async () => {
    expect(await statusOf(/\/execute$/, 'POST', () => button('Dry run').click())).toBe(200);
    const result = page.getByTestId('dry-run-result');
    expect(await textOf(result.getByRole('heading', { level: 2 }))).toBe('Dry run: the change would apply');
    const incident = result.getByRole('region', { name: 'Changes to incident' });
    expect(await textsOf(incident.getByTestId('diff-added-field').getByTestId('diff-field'))).toEqual([
      'priority number',
      'summary text',
    ]);
    expect(await incident.getByTestId('diff-removed-field').count()).toBe(0);
    expect(await textOf(result.getByRole('list', { name: 'Diff summary' }))).toBe(
      '1 record type modified 2 fields added',
    );
    await waitForStatus('Draft');

    if (process.env.E2E_SCREENSHOT_DIR) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: join(process.env.E2E_SCREENSHOT_DIR, 'console-change.png'),
        fullPage: true,
      });
    }
  });

  it('checks the change in (Ready) and merges it (Merged), after which its ops are executed', async () => {
    expect(await statusOf(/\/checkin$/, 'POST', () => button('Check in').click())).toBe(200);
    await waitForStatus('Ready');
    expect(await textOf(page.getByTestId('action-success'))).toBe(
      'Checked in: the change is Ready to merge.',
    );

    // Checked in straight from Draft: the lifecycle shows Implementing skipped, not done.
    expect(await page.getByTestId('step-Implementing').getAttribute('data-state')).toBe('skipped');
    expect(await page.getByTestId('step-Draft').getAttribute('data-state')).toBe('done');

    // Merge asks first, with the diff it would write; adding fields needs no typed key.
    await button('Merge').click();
    const dialog = page.getByRole('alertdialog', { name: `Merge “${CHANGE}”?` });
    expect(await textOf(dialog.getByTestId('merge-impact'))).toContain('incident: 2 fields added');
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForStatus('Ready');
    await button('Merge').click();
    expect(
      await statusOf(/\/merge$/, 'POST', () => dialog.getByRole('button', { name: 'Merge' }).click()),
    ).toBe(200);
    await waitForStatus('Merged');
    expect(await textOf(page.getByTestId('action-success'))).toBe('Merged. incident: 2 fields added.');
    expect(
      await textsOf(
        page.getByTestId('merged-diff').getByTestId('diff-added-field').getByTestId('diff-field'),
      ),
    ).toEqual(['priority number', 'summary text']);
    const states = page.getByRole('table', { name: 'Patch ops' }).locator('tbody tr td:nth-child(4)');
    await states.first().filter({ hasText: 'Executed' }).waitFor();
    expect((await textsOf(states)).every((text) => text.startsWith('Executed'))).toBe(true);
    const remove = page.getByRole('button', { name: /^Delete op 1/ });
    expect(await remove.isDisabled()).toBe(true);
    expect(await remove.getAttribute('title')).toMatch(/executed op can never be deleted/);
    expect(await page.getByTestId('op-form-disabled').count()).toBe(1);
    expect(await button('Check in').isDisabled()).toBe(true);
    expect(await button('Revert').isEnabled()).toBe(true);
    await shoot('change-merged');
  });

  it('shows priority and summary among the fields of Incident, now at version 2', async () => {
    await page.getByRole('table', { name: 'Targets' }).getByRole('link', { name: 'Incident' }).click();
    await page.waitForURL(`**${recordTypePath}`);
    await page.getByRole('table', { name: 'Fields' }).getByText('summary', { exact: true }).waitFor();
    expect(await fieldNames()).toEqual(['title', 'priority', 'summary']);
    expect(
      await textOf(page.getByRole('heading', { name: 'Incident', exact: true }).locator('..')),
    ).toContain('v2');
  });

  it('reverts the merged change, which opens a new Draft change that restores the schema', async () => {
    await page.goBack();
    await page.waitForURL(`**${changePath}`);
    await waitForStatus('Merged');
    expect(await statusOf(/\/revert$/, 'POST', () => button('Revert').click())).toBe(201);

    await page.waitForURL(
      (url) => /^\/changes\/[0-9a-f-]{36}$/.test(url.pathname) && url.pathname !== changePath,
    );
    expect(await textOf(page.getByTestId('change-title'))).toBe(`Revert: ${CHANGE}`);
    await waitForStatus('Draft');
    expect(await textOf(page.getByTestId('reverts-link'))).toBe(`reverts ${CHANGE}`);
    // With this revert open, the merged change offers no second one.
    const revertPath = new URL(page.url()).pathname;
    await page.goto(changePath);
    await waitForStatus('Merged');
    await page.getByTestId('reverted-by').waitFor();
    expect(await button('Revert').count()).toBe(0);
    await page.goto(revertPath);
    await waitForStatus('Draft');
    await page.getByTestId('op-description').first().waitFor();
    expect(await textsOf(page.getByTestId('op-description'))).toEqual([
      'Remove field priority',
      'Remove field summary',
    ]);
  });

  it('checks the revert in and merges it', async () => {
    await page.locator('button:enabled', { hasText: 'Check in' }).waitFor();
    expect(await statusOf(/\/checkin$/, 'POST', () => button('Check in').click())).toBe(200);
    await waitForStatus('Ready');
    // The revert removes fields: the merge is confirmed by typing the record-type key.
    await button('Merge').click();
    const dialog = page.getByRole('alertdialog', { name: `Merge “Revert: ${CHANGE}”?` });
    expect(await textOf(dialog.getByTestId('merge-removals'))).toContain(
      'incident: fields priority, summary',
    );
    const confirm = dialog.getByRole('button', { name: 'Merge' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type incident to confirm').fill('incidents');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Type incident to confirm').fill('incident');
    expect(await statusOf(/\/merge$/, 'POST', () => confirm.click())).toBe(200);
    await waitForStatus('Merged');
    expect(
      await textsOf(
        page.getByTestId('merged-diff').getByTestId('diff-removed-field').getByTestId('diff-field'),
      ),
    ).toEqual(['priority number', 'summary text']);
  });

  it('shows Incident without priority and summary again, at version 3', async () => {
    await page.getByRole('table', { name: 'Targets' }).getByRole('link', { name: 'Incident' }).click();
    await page.waitForURL(`**${recordTypePath}`);
    await page
      .getByRole('heading', { name: 'Incident', exact: true })
      .locator('..')
      .filter({ hasText: 'v3' })
      .waitFor();
    expect(await fieldNames()).toEqual(['title']);
  });

  it('links the first change to the revert that undid it, and lists both changes of the project', async () => {
    await page.goto(changePath);
    expect(await textOf(page.getByTestId('reverted-by'))).toBe(`Revert: ${CHANGE} Merged`);

    await page.getByRole('navigation', { name: 'Navigation' }).getByRole('link', { name: 'Changes' }).click();
    await page.waitForURL('**/changes');
    const rows = page.getByRole('table', { name: 'Changes' }).getByTestId('change-row');
    await rows.nth(1).waitFor();
    expect(await textsOf(rows.locator('td:first-child a'))).toEqual([`Revert: ${CHANGE}`, CHANGE]);
    expect(await textsOf(rows.locator('td:nth-child(2)'))).toEqual([PROJECT, PROJECT]);
    await shoot('changes');

    await page.getByLabel('Filter by status').selectOption('Draft');
    await page.getByTestId('changes-empty').waitFor();
    expect(page.url()).toMatch(/\/changes\?status=Draft$/);
  });

  it('pages a long change list: the first 50 changes, and the rest behind Load more', async () => {
    const headers = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };
    const projects = await (await page.request.get('/api/projects', { headers })).json();
    const projectId = projects.find((p: { name: string }) => p.name === PROJECT).id;
    for (let i = 1; i <= 50; i += 1) {
      const created = await page.request.post('/api/changes', {
        headers,
        data: { projectId, title: `Bulk change ${String(i).padStart(2, '0')}` },
      });
      expect(created.status()).toBe(201);
    }
    await page.goto('/changes');
    const rows = page.getByRole('table', { name: 'Changes' }).getByTestId('change-row');
    await rows.nth(49).waitFor();
    expect(await rows.count()).toBe(50);
    await button('Load more').click();
    await rows.nth(51).waitFor();
    expect(await rows.count()).toBe(52);
    expect(await textsOf(rows.locator('td:first-child a'))).toContain(CHANGE);
    await expect(button('Load more').count()).resolves.toBe(0);
  });

  it('creates the choice list Priorities with two items in the admin console, then adds a third', async () => {
    await page.goto('/admin/choice-lists');
    await button('New choice list').click();
    const form = page.getByRole('form', { name: 'Create choice list' });
    await form.getByLabel('Name').fill('Priorities');
    await form.getByLabel('Items').fill('p1 = Critical\np2 = High');
    expect(
      await statusOf(/^\/api\/choice-lists$/, 'POST', () =>
        form.getByRole('button', { name: 'Create choice list' }).click(),
      ),
    ).toBe(201);
    expect(await textOf(page.getByTestId('choice-list-form-success'))).toBe(
      'Created Priorities with 2 items.',
    );

    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    const list = page.getByRole('listitem', { name: 'Choice list Priorities' });
    expect(await textsOf(list.getByTestId('choice-item'))).toEqual(['p1 Critical', 'p2 High']);
    await list.getByLabel('Value of the new item of Priorities').fill('p3');
    await list.getByRole('button', { name: 'Add item' }).click();
    await list.getByTestId('choice-item').nth(2).waitFor();
    expect(await textsOf(list.getByTestId('choice-item'))).toEqual(['p1 Critical', 'p2 High', 'p3']);
    await shoot('choice-lists');
  });

  it('raised no uncaught errors in the page', () => {
    expect(stack?.pageErrors).toEqual([]);
  });
});

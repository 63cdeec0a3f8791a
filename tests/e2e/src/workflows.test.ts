import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };
const WORKFLOW = 'Approve urgent incidents';
/** The machine is shared and slow: lists refetch on a click, a few seconds apart. */
const POLL = { timeout: 60_000, interval: 2_000 };

/** The rendered text of a locator, as the user sees it. */
const textOf = (locator: Locator): Promise<string> =>
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  locator.innerText();

type Record_ = { id: string; data: Record<string, unknown>; assignedTo: string | null };

/**
 * A workflow built in the console, triggered by a record write: it decides on the record's priority,
 * pauses on an approval that the admin gives in the monitor, then writes the record.
 */
describe.skipIf(!hasChromium && !inCi)('workflows in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let projectId = '';
  let recordTypeId = '';

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
    projectId = (await api<{ id: string }>('POST', '/api/projects', { name: 'Service Desk' })).id;
    recordTypeId = (
      await api<{ id: string }>('POST', '/api/record-types', {
        projectId,
        key: 'incident',
        name: 'Incident',
        fields: [
          { name: 'title', type: 'string', required: true },
          { name: 'priority', type: 'string' },
          { name: 'status', type: 'string' },
        ],
        assignmentConfig: { type: 'static_user', value: 'alice' },
        slaConfig: { durationMinutes: 240 },
      })
    ).id;
    await api('POST', `/api/record-types/${recordTypeId}/activate`);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const stepForm = () => page.getByRole('form', { name: 'Add step' });
  const steps = () => page.getByTestId('workflow-step');

  const addStep = async (type: string, fill: () => Promise<void>, count: number) => {
    await stepForm().getByLabel('Step type').selectOption({ label: type });
    await fill();
    await stepForm().getByRole('button', { name: 'Add step' }).click();
    await steps()
      .nth(count - 1)
      .waitFor();
  };

  it('builds a workflow with a decision, an approval and a record mutation, triggered on record create, and activates it', async () => {
    await page.goto('/workflows');
    await page.getByTestId('workflows-empty').waitFor();
    await button('New workflow').click();
    const panel = page.getByRole('dialog', { name: 'New workflow' });
    await panel.getByLabel('Project').selectOption({ label: 'Service Desk' });
    await panel.getByLabel('Name').fill(WORKFLOW);
    await panel.getByLabel('Trigger type').selectOption({ label: 'Record event' });
    await panel.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: WORKFLOW }).waitFor();
    await page.getByTestId('steps-empty').waitFor();

    await addStep(
      'Decision',
      async () => {
        await stepForm().getByLabel('Condition 1 field').fill('record.priority');
        await stepForm().getByLabel('Condition 1 operator').selectOption('eq');
        await stepForm().getByLabel('Condition 1 value').fill('high');
        await stepForm().getByLabel('When false, go to step (blank: next)').fill('3');
      },
      1,
    );
    await addStep(
      'Approval',
      async () => {
        await stepForm().getByLabel('User ids (comma-separated)').fill('admin');
      },
      2,
    );
    await addStep(
      'Record mutation',
      async () => {
        await stepForm().getByLabel('Field 1').fill('status');
        await stepForm().getByLabel('Value 1').fill('approved');
      },
      3,
    );
    expect(await textOf(steps().nth(0))).toContain('If record.priority = "high"');
    // The branches are drawn and listed as text.
    await page.getByTestId('branch-diagram').waitFor();
    const branches = await page.getByRole('list', { name: 'Decision branches' }).allInnerTexts();
    expect(branches.join('\n')).toContain('Step 1, when false, goes to step 3');
    expect(branches.join('\n')).toContain('Step 1, when true, goes to step 2');

    // A step added at the end and moved up one: the decision's jump follows the record mutation to step 4.
    await addStep(
      'Notification',
      async () => {
        await stepForm().getByLabel('Channel').fill('email');
        await stepForm().getByLabel('Template').fill('Heads up');
      },
      4,
    );
    await page.getByRole('button', { name: 'Move step 4 up' }).click();
    await expect
      .poll(async () =>
        (await page.getByRole('list', { name: 'Decision branches' }).allInnerTexts()).join('\n'),
      )
      .toContain('Step 1, when false, goes to step 4');
    // The jump's target cannot be removed; the notification can, behind the confirm dialog.
    await page.getByRole('button', { name: 'Remove step 4' }).click();
    await page
      .getByRole('alertdialog', { name: 'Remove step 4?' })
      .getByRole('button', { name: 'Remove step' })
      .click();
    await page.getByText('The step was not changed').waitFor();
    await page.getByRole('button', { name: 'Remove step 3' }).click();
    await page
      .getByRole('alertdialog', { name: 'Remove step 3?' })
      .getByRole('button', { name: 'Remove step' })
      .click();
    await expect.poll(async () => steps().count()).toBe(3);
    await expect
      .poll(async () =>
        (await page.getByRole('list', { name: 'Decision branches' }).allInnerTexts()).join('\n'),
      )
      .toContain('Step 1, when false, goes to step 3');

    const triggerForm = page.getByRole('form', { name: 'Add trigger' });
    await triggerForm.getByLabel('New trigger').selectOption({ label: 'Record event' });
    await triggerForm.getByLabel('Event').selectOption({ label: 'Record created' });
    await triggerForm.getByLabel('Record type key').fill('incident');
    await triggerForm.getByRole('button', { name: 'Add trigger' }).click();
    await page.getByTestId('trigger-row').filter({ hasText: 'On record.created of incident' }).waitFor();

    await page.getByTestId('activate-workflow').click();
    const dialog = page.getByRole('alertdialog', { name: 'Activate this workflow?' });
    await dialog.getByRole('button', { name: 'Activate' }).click();
    await page
      .getByText('Steps can only be changed while the definition is a draft; this one is active')
      .waitFor();
    // Steps are frozen once active: the form says why.
    expect(await stepForm().getByRole('button', { name: 'Add step' }).isDisabled()).toBe(true);
  }, 180_000);

  it('a new record is assigned and timed, its execution pauses for approval, and approving it completes the execution and mutates the record', async () => {
    const record = await api<Record_>('POST', '/api/record-instances', {
      recordTypeId,
      data: { title: 'Printer on fire', priority: 'high' },
    });
    expect(record.assignedTo).toBe('alice');
    const timers = await api<{ status: string }[]>('GET', `/api/record-instances/${record.id}/timers`);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.status).toBe('pending');

    await page.goto('/workflow-monitor');
    await button('Dispatch pending now').click();
    const paused = page.locator('[data-testid="execution-row"][data-status="paused"]');
    const executionsCard = page.getByRole('region', { name: 'Executions' });
    await expect
      .poll(async () => {
        if ((await paused.count()) === 0)
          await executionsCard.getByRole('button', { name: 'Refresh' }).click();
        return paused.count();
      }, POLL)
      .toBe(1);

    const approvals = page.getByTestId('approval-row');
    const approvalsCard = page.getByRole('region', { name: 'Your approvals' });
    await expect
      .poll(async () => {
        if ((await approvals.count()) === 0)
          await approvalsCard.getByRole('button', { name: 'Refresh' }).click();
        return approvals.count();
      }, POLL)
      .toBe(1);
    await approvals.first().getByLabel('Comment (optional)').fill('Go ahead');
    await approvals.first().getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('approvals-empty').waitFor();

    // The execution ended: open its timeline.
    const completed = page.locator('[data-testid="execution-row"][data-status="completed"]');
    await completed.first().waitFor();
    await completed.first().getByRole('button').first().click();
    const timeline = page.getByTestId('execution-timeline');
    await timeline.getByTestId('execution-status').filter({ hasText: 'completed' }).waitFor();
    await timeline.getByTestId('timeline-step').nth(2).waitFor();
    expect(await timeline.getByTestId('timeline-step').count()).toBe(3);
    expect(await textOf(timeline)).toContain('Record mutation');

    const after = await api<Record_>('GET', `/api/record-instances/${record.id}`);
    expect(after.data.status).toBe('approved');
  }, 180_000);
});

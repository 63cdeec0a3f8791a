import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };
const builder = { 'x-tenant-id': 'default', 'x-agent-id': 'builder' };

/** The rendered text of a locator, as the user sees it. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
};

/**
 * A skill registered in the console; an agent proposes a workflow change through the API, a human
 * submits it and an admin accepts it from the approvals queue and opens the change it created; a run's
 * log lines appear live on the Runner page.
 */
describe.skipIf(!hasChromium && !inCi)('agent proposals, skills and runs in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let projectId = '';

  const api = async <T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = admin,
  ): Promise<T> => {
    const response = await page.request.fetch(path, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
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
    projectId = (await api<{ id: string }>('POST', '/api/projects', { name: 'Agent desk' })).id;
    const type = await api<{ id: string }>('POST', '/api/record-types', {
      projectId,
      key: 'ticket',
      name: 'Ticket',
      fields: [{ name: 'title', type: 'string' }],
    });
    await api('POST', `/api/record-types/${type.id}/activate`);
    const roles = await api<{ id: string; name: string }[]>('GET', '/api/rbac/roles');
    const editor = roles.find((r) => r.name === 'Editor');
    await api('POST', '/api/rbac/agents/builder/roles', { roleId: editor?.id });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('registers a skill from the Agent skills page', async () => {
    await page.goto('/skills');
    await page.getByTestId('skills-empty').waitFor();
    await page.getByTestId('new-skill').click();
    const form = page.getByTestId('skill-form');
    await form.getByLabel('Name').fill('ticket triage');
    await form.getByLabel('Description').fill('Reads a ticket and proposes fields');
    await form
      .getByLabel('Input schema (JSON Schema)')
      .fill(JSON.stringify({ type: 'object', properties: { ticketId: { type: 'string' } } }));
    await form.getByTestId('save-skill').click();
    const row = page.getByTestId('skill-ticket triage');
    expect(await textOf(row)).toContain('active');
    expect(await textOf(row)).toContain('ticketId');
  });

  it('an agent proposes, a human submits, an admin accepts it in the queue and opens the change', async () => {
    const proposal = await api<{ id: string; status: string }>(
      'POST',
      '/api/agent-proposals',
      {
        proposalType: 'workflow_change',
        summary: 'Tickets need a priority',
        payload: {
          projectId,
          title: 'Ticket priority',
          ops: [
            {
              recordTypeKey: 'ticket',
              opType: 'add_field',
              payload: { field: { name: 'priority', type: 'number' } },
            },
          ],
        },
      },
      builder,
    );
    expect(proposal.status).toBe('draft');
    await api('POST', `/api/agent-proposals/${proposal.id}/submit`);

    await page.goto('/admin/approvals');
    const row = page.getByTestId(`queue-${proposal.id}`);
    expect(await textOf(row)).toContain('Tickets need a priority');
    expect(await textOf(row)).toContain('agent builder');
    await row.getByRole('button', { name: 'Review' }).click();
    const review = page.getByTestId('proposal-review');
    expect(await textOf(review.getByTestId('proposal-diff'))).toContain(
      'ticket: add field priority (number)',
    );
    await review.getByTestId('accept-proposal').click();
    const dialog = page.getByRole('alertdialog', { name: 'Accept this proposal?' });
    expect(await textOf(dialog)).toContain('A Draft change opens with the proposed ops');
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await review.getByTestId('proposal-applied').waitFor();
    await review.getByTestId('opened-change').click();
    await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Ticket priority' }).waitFor();
  });

  it('shows a run’s skills and its log lines live on the Runner page', async () => {
    const change = await api<{ id: string }>('POST', '/api/changes', { projectId, title: 'Agent work' });
    const run = await api<{ id: string }>(
      'POST',
      `/api/changes/${change.id}/agent-run`,
      { intent: 'Triage the queue', skillsUsed: ['ticket triage'] },
      builder,
    );
    await api('POST', `/api/agent-runs/${run.id}/status`, { status: 'Running' }, builder);
    await api('POST', `/api/agent-runs/${run.id}/logs`, { lines: [{ message: 'reading tickets' }] }, builder);

    await page.goto(`/runner?changeId=${change.id}&runId=${run.id}`);
    const detail = page.getByTestId('run-detail');
    expect(await textOf(detail.getByTestId('run-skills'))).toContain('ticket triage');
    await detail.getByTestId('stream-phase').filter({ hasText: 'Following the log live' }).waitFor();
    await detail.getByTestId('run-log').filter({ hasText: 'reading tickets' }).waitFor();

    await api(
      'POST',
      `/api/agent-runs/${run.id}/logs`,
      { lines: [{ message: 'proposed a priority field' }] },
      builder,
    );
    await detail.getByTestId('run-log').filter({ hasText: 'proposed a priority field' }).waitFor();
    await api('POST', `/api/agent-runs/${run.id}/status`, { status: 'Passed' }, builder);
    await detail.getByTestId('stream-phase').filter({ hasText: 'The run has ended' }).waitFor();
    expect(await textOf(detail)).toContain('Passed');
  });

  it('raised no page errors', () => {
    expect(stack?.pageErrors ?? []).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);
const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  return collapse(await locator.innerText());
};

describe.skipIf(!hasChromium && !inCi)('records and record type configuration in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let projectId = '';
  let ticketTypeId = '';
  let draftTypeId = '';
  let laptopId = '';

  const api = async <T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> => {
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
    projectId = (await api<{ id: string }>('POST', '/api/projects', { name: 'Help Desk' })).id;
    const priorities = await api<{ id: string }>('POST', '/api/choice-lists', {
      name: 'Ticket priorities',
      items: [
        { value: 'high', label: 'High' },
        { value: 'low', label: 'Low' },
      ],
    });
    const asset = await api<{ id: string }>('POST', '/api/record-types', {
      projectId,
      key: 'asset',
      name: 'Asset',
      fields: [{ name: 'tag', type: 'string', required: true }],
    });
    await api('POST', `/api/record-types/${asset.id}/activate`);
    laptopId = (
      await api<{ id: string }>('POST', '/api/record-instances', {
        recordTypeId: asset.id,
        data: { tag: 'LAPTOP-7' },
      })
    ).id;
    const ticket = await api<{ id: string }>('POST', '/api/record-types', {
      projectId,
      key: 'ticket',
      name: 'Ticket',
      fields: [
        { name: 'title', type: 'string', required: true },
        { name: 'estimate', type: 'number' },
        { name: 'urgent', type: 'boolean' },
        { name: 'priority', type: 'choice', choiceListId: priorities.id },
        { name: 'asset', type: 'reference', referenceRecordTypeKey: 'asset' },
      ],
    });
    ticketTypeId = ticket.id;
    await api('PATCH', `/api/record-types/${ticketTypeId}`, {
      assignmentConfig: { type: 'static_group', value: 'service-desk' },
      slaConfig: { durationMinutes: 480, warningPercent: 75 },
    });
    await api('POST', `/api/record-types/${ticketTypeId}/activate`);
    draftTypeId = (
      await api<{ id: string }>('POST', '/api/record-types', {
        projectId,
        key: 'request',
        name: 'Request',
        fields: [{ name: 'state', type: 'string' }],
      })
    ).id;
  });

  afterAll(async () => {
    await stack?.close();
  });

  const button = (name: string) => page.getByRole('button', { name, exact: true });

  it('edits the routing and SLA of a draft record type in a slide-over', async () => {
    await page.goto(`/projects/${projectId}/record-types/${draftTypeId}`);
    expect(await textOf(page.getByTestId('config-sla'))).toBe('No SLA');
    await page.getByTestId('edit-config').click();
    const panel = page.getByTestId('config-panel');
    await panel.getByLabel('Strategy').selectOption('static_group');
    await panel.getByLabel('Group').fill('triage');
    await panel.getByTestId('config-sla-enabled').check();
    await panel.getByLabel('Time to resolve (minutes)').fill('90');
    await panel.getByLabel('Pause while field').selectOption('state');
    await panel.getByLabel('is one of').first().fill('on_hold');
    await panel.getByTestId('save-config').click();
    await panel.waitFor({ state: 'detached' });
    expect(await textOf(page.getByTestId('config-assignment'))).toBe('Group triage');
    expect(await textOf(page.getByTestId('config-sla'))).toBe('1 h 30 min, paused while state is on_hold');
  });

  it('creates a record through the form generated from the schema, shows it in the table, and edits it', async () => {
    await page.goto(`/records?recordTypeId=${ticketTypeId}`);
    await page.getByTestId('records-empty').waitFor();
    await page.getByTestId('new-record').click();
    const form = page.getByRole('form', { name: 'New Ticket record' });
    await form.getByTestId('save-record').click();
    expect(await textOf(form.getByTestId('record-title-error'))).toBe('title is required');
    await form.getByLabel('title *').fill('Screen flickers');
    await form.getByLabel('estimate').fill('2');
    await form.getByLabel('urgent').check();
    await form.getByLabel('priority').selectOption('high');
    await form.getByLabel('asset').selectOption(laptopId);
    await form.getByTestId('save-record').click();
    const panel = page.getByTestId('record-panel');
    expect(await textOf(panel.getByTestId('record-value-title'))).toBe('Screen flickers');
    expect(await textOf(panel.getByTestId('record-value-priority'))).toBe('high');
    expect(await textOf(panel.getByTestId('record-value-urgent'))).toBe('Yes');
    expect(await textOf(panel)).toContain('group service-desk');
    await page.keyboard.press('Escape');
    const row = page.getByTestId('record-row');
    expect(await textOf(row.getByTestId('record-cell-title'))).toBe('Screen flickers');
    expect(await textOf(row)).toContain('group service-desk');
    expect(await textOf(row.getByTestId('sla-badge'))).toBe('On time');

    // Edit, while someone else saves the same record: the stale write is refused and the form reloads.
    await row.getByRole('button', { name: /^Open record/ }).click();
    await panel.getByTestId('edit-record').click();
    const editForm = panel.getByRole('form', { name: /^Edit record/ });
    await editForm.getByLabel('title *').fill('Screen flickers at startup');
    const [record] = await api<{ id: string }[]>('GET', `/api/record-instances?recordTypeId=${ticketTypeId}`);
    await api('PATCH', `/api/record-instances/${record!.id}`, { data: { estimate: 5 } });
    await editForm.getByTestId('save-record').click();
    await panel.getByTestId('record-stale').waitFor();
    await button('Reload the record').click();
    await panel.getByTestId('record-stale').waitFor({ state: 'detached' });
    expect(await panel.getByLabel('estimate').inputValue()).toBe('5');
    await panel.getByLabel('title *').fill('Screen flickers at startup');
    await panel.getByTestId('save-record').click();
    expect(await textOf(panel.getByTestId('record-value-title'))).toBe('Screen flickers at startup');
    expect(await textOf(panel.getByTestId('record-value-estimate'))).toBe('5');
  });

  it('filters the table by field equality', async () => {
    await api('POST', '/api/record-instances', {
      recordTypeId: ticketTypeId,
      data: { title: 'Printer jam' },
    });
    await page.goto(`/records?recordTypeId=${ticketTypeId}`);
    await expect.poll(async () => page.getByTestId('record-row').count()).toBe(2);
    await page.getByLabel('Filter field').selectOption('title');
    await page.getByLabel('Filter value').fill('Printer jam');
    await button('Add filter').click();
    await expect.poll(async () => page.getByTestId('record-row').count()).toBe(1);
    expect(await textOf(page.getByTestId('record-cell-title'))).toBe('Printer jam');
    await page.getByTestId('process-timers').click();
    expect(await textOf(page.getByTestId('process-timers-result'))).toBe('No timers were due.');
    expect(stack?.pageErrors).toEqual([]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness.js';
import { type Stack, startStack } from './stack.js';

const hasChromium = existsSync(CHROMIUM_PATH);
const inCi = Boolean(process.env.CI);

type Verdict = { violations: { field: string; rule: string }[]; states: Record<string, unknown> };
type Case = {
  name: string;
  form: unknown;
  data: unknown;
  previous?: unknown;
  expected: { violations: { field: string; rule: string }[]; states?: Record<string, unknown> };
};

const require = createRequire(import.meta.url);
const admin = { 'x-tenant-id': 'default', 'x-user-id': 'admin' };

/** The rendered text of a locator, as the user sees it. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; the rendered text is what the user sees
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
};

/**
 * A form built in the Studio (a section, two placements, a rule making Reason required when Priority is
 * "high"), its preview reacting as sample data is typed, fields reordered by keyboard and by drag and
 * drop, then activated: a record created through it without Reason and the same write through the API
 * are both refused with the same FORM_RULE_VIOLATION.
 */
describe.skipIf(!hasChromium && !inCi)('the Form Studio and records through a form in a browser', () => {
  let stack: Stack | undefined;
  let page: Page;
  let recordTypeId = '';
  let formId = '';

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const response = await page.request.fetch(path, {
      method,
      headers: { ...admin, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { data: body } : {}),
    });
    return { status: response.status(), body: (await response.json()) as unknown };
  };
  const api = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const answer = await call(method, path, body);
    expect(answer.status, `${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`).toBeLessThan(
      300,
    );
    return answer.body as T;
  };
  /** The form's fields in the order its section holds them, read back from the API. */
  const placedOrder = async (): Promise<string[]> => {
    const [section] = await api<{ id: string }[]>('GET', `/api/form-definitions/${formId}/sections`);
    const placements = await api<{ field: string; orderIndex: number }[]>(
      'GET',
      `/api/form-sections/${section!.id}/placements`,
    );
    return [...placements].sort((a, b) => a.orderIndex - b.orderIndex).map((p) => p.field);
  };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium`);
    stack = await startStack();
    page = stack.page;
    await page.goto('/');
    const project = await api<{ id: string }>('POST', '/api/projects', { name: 'Service Desk' });
    recordTypeId = (
      await api<{ id: string }>('POST', '/api/record-types', {
        projectId: project.id,
        key: 'incident',
        name: 'Incident',
        fields: [
          { name: 'priority', type: 'string', label: 'Priority' },
          { name: 'reason', type: 'string', label: 'Reason' },
        ],
      })
    ).id;
    await api('POST', `/api/record-types/${recordTypeId}/activate`);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const preview = () => page.getByTestId('preview-card');
  const layout = () => page.getByTestId('layout-card');

  it('creates a form with a section and two placed fields', async () => {
    await page.goto(`/studio/forms?recordTypeId=${recordTypeId}`);
    await page.getByTestId('studio-no-form').waitFor();
    await page.getByTestId('new-form').click();
    await page.getByLabel('Name').fill('default');
    await page.getByTestId('create-form').click();
    expect(await textOf(page.getByTestId('form-status'))).toBe('draft');
    formId = new URL(page.url()).searchParams.get('formDefinitionId') ?? '';
    expect(formId).not.toBe('');

    await layout().getByTestId('layout-empty').waitFor();
    await layout().getByLabel('New section').fill('Details');
    await layout().getByTestId('add-section').click();
    await layout().locator('[data-testid="sort-group"][data-group="Details"]').waitFor();
    for (const field of ['Priority', 'Reason']) {
      await layout().getByLabel('Field', { exact: true }).selectOption({ label: field });
      await layout().getByTestId('add-placement').click();
      await layout().locator(`[data-testid="sort-item"][data-item="${field}"]`).waitFor();
    }
    expect(await placedOrder()).toEqual(['priority', 'reason']);
  });

  it('adds a rule making Reason required when Priority is high, and the preview follows what is typed', async () => {
    await page.getByTestId('new-rule').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByLabel('Field', { exact: true }).selectOption({ label: 'Reason' });
    await editor.getByLabel('Sets').selectOption('required');
    await editor.getByRole('button', { name: 'Add a condition' }).click();
    await editor.getByLabel('Field of condition 1').selectOption({ label: 'Priority' });
    await editor.getByLabel('Operator of condition 1').selectOption('eq');
    await editor.getByLabel('Value of condition 1').fill('high');
    await editor.getByTestId('save-rule').click();
    const row = page.locator('[data-testid="rule-row"][data-target="reason"]');
    expect(await textOf(row.getByTestId('rule-condition'))).toBe('Priority equals "high"');
    await page.getByTestId('analysis-clean').waitFor();

    const reason = preview().locator('[data-testid="form-field"][data-field="reason"]');
    await reason.waitFor();
    expect(await reason.getAttribute('data-required')).toBe('false');
    await preview().getByLabel('Priority').fill('high');
    await preview()
      .locator('[data-testid="form-field"][data-field="reason"][data-required="true"]')
      .waitFor();
    expect(await textOf(preview().getByTestId('preview-violation'))).toBe('Reason is required');
    await preview().getByLabel('Reason *').fill('Customer escalation');
    expect(await textOf(preview().getByTestId('preview-verdict'))).toBe(
      'A record with this data would be accepted.',
    );
    await preview().getByLabel('Priority').fill('low');
    await preview()
      .locator('[data-testid="form-field"][data-field="reason"][data-required="false"]')
      .waitFor();
  });

  it('reorders fields by keyboard and by drag and drop, announcing each move', async () => {
    const handle = layout().getByRole('button', { name: 'Reorder Reason' });
    await handle.focus();
    await page.keyboard.press('ArrowUp');
    expect(await textOf(layout().getByTestId('sort-announcement'))).toBe(
      'Moved Reason to position 1 of 2 in Details.',
    );
    await expect.poll(placedOrder).toEqual(['reason', 'priority']);
    // Focus stays on the moved field's handle, so the next key moves it again.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Reorder Reason');
    await page.keyboard.press('End');
    await expect.poll(placedOrder).toEqual(['priority', 'reason']);

    const priority = layout().locator('[data-testid="sort-item"][data-item="Priority"]');
    const reasonItem = layout().locator('[data-testid="sort-item"][data-item="Reason"]');
    await reasonItem.dragTo(priority, { targetPosition: { x: 10, y: 2 } });
    await expect.poll(placedOrder).toEqual(['reason', 'priority']);
  });

  it('refuses a record without the conditionally required field, through the form and through the API alike', async () => {
    await page.getByTestId('activate-form').click();
    await page
      .getByTestId('form-status')
      .filter({ hasText: /^\s*active\s*$/ })
      .waitFor();

    await page.goto(`/records?recordTypeId=${recordTypeId}`);
    await page.getByTestId('new-record').click();
    const form = page.locator('[data-testid="record-form"][data-form="default"]');
    await form.locator('[data-testid="form-section"][data-section="Details"]').waitFor();
    await form.getByLabel('Priority').fill('high');
    await form.locator('[data-testid="form-field"][data-field="reason"][data-required="true"]').waitFor();
    await form.getByTestId('save-record').click();
    const shown = await textOf(form.getByTestId('record-reason-error'));

    const refused = await call('POST', '/api/record-instances', { recordTypeId, data: { priority: 'high' } });
    expect(refused.status).toBe(400);
    const body = refused.body as {
      code: string;
      details: { violations: { field: string; rule: string; message: string }[] };
    };
    expect(body.code).toBe('FORM_RULE_VIOLATION');
    expect(body.details.violations).toEqual([{ field: 'reason', rule: 'required', message: shown }]);
    expect(await api<unknown[]>('GET', `/api/record-instances?recordTypeId=${recordTypeId}`)).toEqual([]);

    await form.getByLabel('Reason *').fill('Customer escalation');
    await form.getByTestId('save-record').click();
    await page.getByTestId('record-panel').waitFor();
    const saved = await api<{ data: Record<string, unknown> }[]>(
      'GET',
      `/api/record-instances?recordTypeId=${recordTypeId}`,
    );
    expect(saved.map((r) => r.data)).toEqual([{ priority: 'high', reason: 'Customer escalation' }]);
  });

  it('raised no uncaught errors in the page', () => {
    expect(stack?.pageErrors).toEqual([]);
  });
});

/**
 * The shared evaluator as the browser runs it: `@ec3l/form-rules` (the build the console imports)
 * bundled for the browser, exposed as `formRules`.
 */
const bundleFormRules = async (): Promise<string> => {
  const result = await build({
    stdin: {
      contents: "export { checkRecord, evaluateForm } from '@ec3l/form-rules';",
      resolveDir: dirname(fileURLToPath(import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'formRules',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
};

/**
 * The conformance corpus the server asserts, run through the same evaluator inside Chromium: every
 * case's violations (field and rule, in order) and expected field states must be what the corpus says.
 */
describe.skipIf(!hasChromium && !inCi)('form-rule conformance in a browser', () => {
  let browser: Browser | undefined;
  const corpus = JSON.parse(
    readFileSync(require.resolve('@ec3l/form-rules/conformance/corpus.json'), 'utf8'),
  ) as { cases: Case[] };

  beforeAll(async () => {
    if (!hasChromium) throw new Error(`CI is set but ${CHROMIUM_PATH} is missing: install Debian's chromium`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('gives the verdict the corpus expects for 100% of its cases', async () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(60);
    const page = await browser!.newPage();
    await page.setContent('<!doctype html><title>conformance</title>');
    await page.addScriptTag({ content: await bundleFormRules() });
    const verdicts = await page.evaluate((cases: Case[]): Verdict[] => {
      const rules = (globalThis as unknown as { formRules: Record<string, (...args: unknown[]) => unknown> })
        .formRules;
      return cases.map((c) => ({
        violations: (
          rules.checkRecord!(c.form, { data: c.data, ...(c.previous ? { previous: c.previous } : {}) }) as {
            field: string;
            rule: string;
          }[]
        ).map(({ field, rule }) => ({ field, rule })),
        states: rules.evaluateForm!(c.form, c.data) as Record<string, unknown>,
      }));
    }, corpus.cases);
    await page.close();

    expect(verdicts).toHaveLength(corpus.cases.length);
    const differing = corpus.cases.flatMap((c, i) => {
      const got = verdicts[i]!;
      const statesDiffer = Object.entries(c.expected.states ?? {}).some(
        ([field, state]) => JSON.stringify(got.states[field]) !== JSON.stringify(state),
      );
      const violationsDiffer = JSON.stringify(got.violations) !== JSON.stringify(c.expected.violations);
      return statesDiffer || violationsDiffer ? [{ name: c.name, expected: c.expected, got }] : [];
    });
    expect(differing).toEqual([]);
  });
});

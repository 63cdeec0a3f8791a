import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness.js';

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

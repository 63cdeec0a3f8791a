import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const document = join(here, '..', '..', 'packages', 'sdk', 'openapi.json');
const bin = (name: string) => join(here, 'node_modules', '.bin', name);

/** Runs a linter CLI; a non-zero exit is returned, not thrown, so its output reaches the assertion. */
const lint = async (command: string, args: string[]) => {
  try {
    const { stdout, stderr } = await run(bin(command), args, {
      cwd: here,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
};

describe('the published OpenAPI document (packages/sdk/openapi.json)', () => {
  it('passes Redocly lint with the recommended rules: no errors, no warnings', async () => {
    const { code, output } = await lint('redocly', ['lint', '--extends=recommended', document]);
    expect(output).toContain('Your API description is valid');
    expect(output).not.toMatch(/\d+ warnings?\b/);
    expect(code, output).toBe(0);
  });

  it('passes Spectral with spectral:oas: no problems of any severity', async () => {
    const { code, output } = await lint('spectral', [
      'lint',
      '--ruleset',
      join(here, '.spectral.yaml'),
      '--fail-severity',
      'hint',
      document,
    ]);
    expect(output, output).toMatch(/No results with a severity of 'hint' or higher found/);
    expect(code, output).toBe(0);
  });
});

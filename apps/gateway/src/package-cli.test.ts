import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_PACKAGES, packageChecksum } from '@ec3l/graph-packages';
import { describe, expect, it } from 'vitest';
import { runNode } from './testing-only/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'ec3l-packages-'));
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
};
const hr = BUILT_IN_PACKAGES['hr.lite']!;

describe('ec3l package validate (the built CLI, offline)', () => {
  it('exits 0 on a valid file and prints its key, version and checksum', async () => {
    const file = write('hr.json', hr);
    const run = await runNode('cli.js', ['package', 'validate', file], {});
    expect(run.output).toContain(`valid package hr.lite@1.0.0 ${packageChecksum(hr)}`);
    expect(run.code).toBe(0);
  }, 60_000);

  it('exits 2 on an invalid package, one problem per line with its path', async () => {
    const broken = structuredClone(hr) as unknown as {
      version: string;
      recordTypes: { baseType?: string }[];
    };
    broken.recordTypes[0]!.baseType = 'org_unit';
    const file = write('broken.json', broken);
    const run = await runNode('cli.js', ['package', 'validate', file], {});
    expect(run.code).toBe(2);
    expect(run.output).toMatch(/^\/recordTypes\/0\/baseType BASE_TYPE_MISSING .*"org_unit"/m);
    const schema = write('schema.json', { ...hr, version: 'latest', extra: 1 });
    const bad = await runNode('cli.js', ['package', 'validate', schema], {});
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/^\/version SCHEMA_INVALID /m);
    expect(bad.output).toMatch(/^\/extra SCHEMA_INVALID /m);
  }, 60_000);

  it('exits 2 on a file that is not JSON or not there, and 3 on a usage error', async () => {
    const notJson = await runNode('cli.js', ['package', 'validate', write('x.json', '{ nope')], {});
    expect(notJson.code).toBe(2);
    expect(notJson.output).toMatch(/^\/ UNREADABLE .* is not JSON/m);
    const missing = await runNode('cli.js', ['package', 'validate', join(dir, 'absent.json')], {});
    expect(missing.code).toBe(2);
    expect(missing.output).toMatch(/^\/ UNREADABLE cannot read/m);
    const usage = await runNode('cli.js', ['package', 'validate'], {});
    expect(usage.code).toBe(3);
    expect(usage.output).toContain('Usage: ec3l package');
  }, 60_000);
});

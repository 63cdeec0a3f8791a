import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_PACKAGES, type GraphPackage, packageChecksum } from '@ec3l/graph-packages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPackageCommand } from './package-cli.js';
import { createHarness, type Harness } from './testing-only/harness.js';
import { freePort, runNode } from './testing-only/processes.js';

// The CLI against the real gateway listening on an ephemeral port, over HTTP through the SDK.
let h: Harness;
let url: string;
let projectId: string;
const dir = mkdtempSync(join(tmpdir(), 'ec3l-package-cli-'));
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content, null, 2));
  return file;
};
const hr = BUILT_IN_PACKAGES['hr.lite']!;
const itsm = BUILT_IN_PACKAGES['itsm.lite']!;

const cli = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await runPackageCommand(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: {},
  });
  return { code, stdout, stderr };
};
const at = (...rest: string[]) => ['--url', url, '--tenant', 'acme', '--user', 'admin', ...rest];

beforeAll(async () => {
  h = await createHarness();
  url = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const res = await h.call('POST', '/api/projects', {
    tenant: 'acme',
    user: 'admin',
    body: { name: 'Shop' },
  });
  expect(res.statusCode).toBe(201);
  projectId = res.json().id;
});
afterAll(async () => {
  await h?.close();
});

const installsOf = async () =>
  (
    await h.call('GET', `/api/admin/graph/packages?projectId=${projectId}`, { tenant: 'acme', user: 'admin' })
  ).json() as {
    packageKey: string;
    status: string;
  }[];

describe('ec3l package diff / push / pull against a running gateway', () => {
  it('diff and push --preview exit 1 on a package the environment lacks, and write nothing', async () => {
    const file = write('hr.json', hr);
    const diff = await cli('diff', file, ...at('--project', 'Shop', '--env', 'dev'));
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^insert record_type employee$/m);
    expect(diff.stdout).toContain('hr.lite@1.0.0: differs from dev');
    const preview = await cli('push', file, ...at('--project', projectId, '--env', 'dev', '--preview'));
    expect(preview.code).toBe(1);
    expect(await installsOf()).toEqual([]);
  });

  it('push exits 0 once applied, then diff exits 0 (same), and pull writes the same package back', async () => {
    const file = write('hr.json', hr);
    const push = await cli('push', file, ...at('--project', 'Shop', '--env', 'dev'));
    expect(push.stderr).toBe('');
    expect(push.code).toBe(0);
    expect(push.stdout).toContain('hr.lite@1.0.0: installed in dev');
    expect((await installsOf()).map((i) => [i.packageKey, i.status])).toEqual([['hr.lite', 'installed']]);

    const same = await cli('diff', file, ...at('--project', 'Shop', '--env', 'dev'));
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('dev has the same package');

    const out = join(dir, 'pulled');
    const pull = await cli('pull', ...at('--project', 'Shop', '--env', 'dev', '--out', out));
    expect(pull.code).toBe(0);
    const pulled = JSON.parse(readFileSync(join(out, 'hr.lite.json'), 'utf8')) as GraphPackage;
    expect(packageChecksum(pulled)).toBe(packageChecksum(hr));
    expect(
      (await cli('diff', join(out, 'hr.lite.json'), ...at('--project', 'Shop', '--env', 'dev'))).code,
    ).toBe(0);

    // Another environment of the project has nothing recorded.
    const test = await cli(
      'pull',
      ...at('--project', 'Shop', '--env', 'test', '--out', join(dir, 'test-env')),
    );
    expect(test.code).toBe(0);
    expect(test.stdout).toContain('no packages installed in test');
  });

  it('a changed file differs (exit 1) and names the changed objects', async () => {
    const changed = structuredClone(hr) as GraphPackage;
    changed.version = '1.1.0';
    changed.recordTypes[2]!.fields.push({ name: 'nickname', type: 'string' });
    const diff = await cli('diff', write('hr-1.1.json', changed), ...at('--project', 'Shop', '--env', 'dev'));
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^insert field employee\.nickname$/m);
    expect(diff.stdout).not.toMatch(/record_type department/);
  });

  it('exits 2 when the gateway finds the package invalid for the project, 3 on a refused downgrade', async () => {
    const renamed = structuredClone(hr) as GraphPackage;
    renamed.version = '1.2.0';
    renamed.recordTypes[0]!.name = 'Departments';
    const invalid = await cli(
      'push',
      write('hr-renamed.json', renamed),
      ...at('--project', 'Shop', '--env', 'dev'),
    );
    expect(invalid.stderr).toMatch(/^PACKAGE_INVALID \(400\)/);
    expect(invalid.stdout).toMatch(/^\/recordTypes\/0\/name PACKAGE_INVALID .*cannot rename/m);
    expect(invalid.code).toBe(2);
    const older = { ...structuredClone(hr), version: '0.9.0' };
    const downgrade = await cli(
      'push',
      write('hr-0.9.json', older),
      ...at('--project', 'Shop', '--env', 'dev'),
    );
    expect(downgrade.stderr).toMatch(/^PACKAGE_DOWNGRADE \(409\)/);
    expect(downgrade.code).toBe(3);
    expect((await installsOf()).map((i) => i.packageKey)).toEqual(['hr.lite']);
  });

  it('an invalid file exits 2 before any call, with its problems one per line', async () => {
    const broken = {
      ...structuredClone(hr),
      workflows: [{ key: 'w', name: 'W', recordTypeKey: 'intern', steps: [] }],
    };
    const push = await cli('push', write('broken.json', broken), ...at('--project', 'Shop', '--env', 'dev'));
    expect(push.code).toBe(2);
    expect(push.stdout).toMatch(/^\/workflows\/0\/recordTypeKey RECORD_TYPE_MISSING /m);
  });

  it('exits 3 on an unknown project or environment, another tenant, a caller without permission, no gateway', async () => {
    const file = write('hr.json', hr);
    const noProject = await cli('diff', file, ...at('--project', 'Nope', '--env', 'dev'));
    expect(noProject.code).toBe(3);
    expect(noProject.stderr).toContain('no project "Nope"');
    const noEnv = await cli('diff', file, ...at('--project', 'Shop', '--env', 'staging'));
    expect(noEnv.code).toBe(3);
    expect(noEnv.stderr).toContain('it has dev, test, prod');
    // Tenant isolation: globex does not see acme's project, by name or by id.
    for (const project of ['Shop', projectId]) {
      const other = await cli(
        'diff',
        file,
        '--url',
        url,
        '--tenant',
        'globex',
        '--user',
        'admin',
        '--project',
        project,
        '--env',
        'dev',
      );
      expect(other.code).toBe(3);
    }
    const nobody = await cli(
      'push',
      write('itsm.json', itsm),
      '--url',
      url,
      '--tenant',
      'acme',
      '--user',
      'nobody',
      '--project',
      projectId,
      '--env',
      'dev',
    );
    expect(nobody.code).toBe(3);
    const closed = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await cli('diff', file, '--url', closed, '--project', 'Shop', '--env', 'dev');
    expect(unreachable.code).toBe(3);
    const usage = await cli('push', ...at('--project', 'Shop', '--env', 'dev'));
    expect(usage.code).toBe(3);
    expect(usage.stderr).toContain('Usage: ec3l package');
  });

  it('the built CLI process answers the same exit codes (diff 0 same, 1 differs)', async () => {
    const env = { GATEWAY_URL: url, EC3L_TENANT: 'acme', EC3L_USER: 'admin' };
    const same = await runNode(
      'cli.js',
      ['package', 'diff', write('hr.json', hr), '--project', 'Shop', '--env', 'dev'],
      env,
    );
    expect(same.output).toContain('dev has the same package');
    expect(same.code).toBe(0);
    const differs = await runNode(
      'cli.js',
      ['package', 'diff', write('itsm.json', itsm), '--project', 'Shop', '--env', 'dev'],
      env,
    );
    expect(differs.code).toBe(1);
  }, 60_000);

  it('itsm.lite pushed to a project gives working record types: incidents inherit task and are routed by category', async () => {
    const created = await h.call('POST', '/api/projects', {
      tenant: 'acme',
      user: 'admin',
      body: { name: 'Service desk' },
    });
    const sd = created.json().id as string;
    const push = await cli('push', write('itsm.json', itsm), ...at('--project', sd, '--env', 'dev'));
    expect(push.stderr).toBe('');
    expect(push.code).toBe(0);
    const type = await h.call('GET', `/api/projects/${sd}/record-types/incident`, {
      tenant: 'acme',
      user: 'admin',
    });
    expect(type.statusCode).toBe(200);
    const record = await h.call('POST', '/api/record-instances', {
      tenant: 'acme',
      user: 'admin',
      body: {
        recordTypeId: type.json().id,
        data: { short_description: 'VPN down', category: 'network', priority: 'p2' },
      },
    });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json()).toMatchObject({ assignedGroup: 'network-ops', data: { status: 'new' } });
  });

  it('hr.lite pushed to a fresh tenant gives working record types: employees default to onboarding, routed to hr-ops', async () => {
    const created = await h.call('POST', '/api/projects', {
      tenant: 'globex',
      user: 'admin',
      body: { name: 'People' },
    });
    const people = created.json().id as string;
    const push = await cli(
      'push',
      write('hr.json', hr),
      '--url',
      url,
      '--tenant',
      'globex',
      '--user',
      'admin',
      '--project',
      people,
      '--env',
      'dev',
    );
    expect(push.stderr).toBe('');
    expect(push.code).toBe(0);
    const type = await h.call('GET', `/api/projects/${people}/record-types/employee`, {
      tenant: 'globex',
      user: 'admin',
    });
    const record = await h.call('POST', '/api/record-instances', {
      tenant: 'globex',
      user: 'admin',
      body: { recordTypeId: type.json().id, data: { full_name: 'Ada Lovelace', email: 'ada@example.com' } },
    });
    expect(record.statusCode, record.body).toBe(201);
    expect(record.json()).toMatchObject({ assignedGroup: 'hr-ops', data: { status: 'onboarding' } });
  });
});

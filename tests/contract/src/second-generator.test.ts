import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { allMigrations, buildApp, provisionTenant } from '@ec3l/gateway';
import { createEventBus } from '@ec3l/kernel';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(here, 'src', 'second-generator');
const bin = (name: string) => join(here, 'node_modules', '.bin', name);

let database: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  // Generated fresh from the committed document on every run, so the check follows the document.
  await rm(join(folder, 'generated'), { recursive: true, force: true });
  await run(bin('openapi-ts'), [
    '-i',
    join(here, '..', '..', 'packages', 'sdk', 'openapi.json'),
    '-o',
    join(folder, 'generated'),
    '-c',
    '@hey-api/client-fetch',
  ]);
  database = await createTestDatabase(allMigrations);
  const events = createEventBus();
  await provisionTenant({ database, events }, { slug: 'acme', admins: ['admin'] });
  app = await buildApp({ database, events });
  await app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe('a client from a second generator (@hey-api/openapi-ts)', () => {
  it('type-checks with TypeScript 5.9 against the generated code', async () => {
    const result = await run(bin('tsc'), ['-p', join(folder, 'tsconfig.json')]).then(
      () => ({ code: 0, output: '' }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? '' }),
    );
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('creates a project, record type and change, adds an op, checks in and merges through the real gateway', async () => {
    // Imported by a computed specifier: the scenario compiles only against code generated at test time,
    // so the package's own type check must not follow it.
    const scenario = './second-generator/scenario.js';
    const { runScenario } = (await import(scenario)) as {
      runScenario(baseUrl: string, tenant: string, user: string): Promise<Record<string, unknown>>;
    };
    const result = await runScenario(baseUrl, 'acme', 'admin');
    expect(result.mergedStatus).toBe('Merged');
    expect(result.fieldNames).toEqual(['title', 'priority']);
    expect(result.firstPage).toBe(1);
    expect(result.nextCursor).toEqual(expect.any(String));
    expect(result.conflict).toBe('CONFLICT');
  });
});

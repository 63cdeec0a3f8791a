import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChangeEngineErrorCodes } from '@ec3l/change-engine';
import { ErrorCodes } from '@ec3l/kernel';
import { RecordsErrorCodes } from '@ec3l/records';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { API_ERROR_CODES, STATUS_BY_CODE } from './plugins/errors.js';
import { createLazyCompilers } from './plugins/lazy-compilers.js';
import { createHarness, type Harness } from './testing-only/harness.js';

type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  requestBody?: unknown;
  'x-permission'?: string;
  responses: Record<string, { $ref?: string; headers?: Record<string, unknown> }>;
};

let h: Harness;
let doc: {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
};
const admin = { tenant: 'acme', user: 'admin' };
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ ...op, path, method })),
  );

beforeAll(async () => {
  h = await createHarness(['acme']);
  doc = (await h.call('GET', '/openapi.json')).json();
});
afterAll(() => h.close());

describe('error codes', () => {
  it('every code a package declares has a status in the one table and is in the published enum', () => {
    const declared = [
      ...Object.values(ErrorCodes),
      ...Object.values(RecordsErrorCodes),
      ...Object.values(ChangeEngineErrorCodes),
    ];
    const published = doc.components.schemas.ErrorResponse?.properties?.code?.enum ?? [];
    for (const code of declared) {
      expect(STATUS_BY_CODE[code as keyof typeof STATUS_BY_CODE], code).toBeGreaterThanOrEqual(400);
      expect(published, code).toContain(code);
    }
    expect([...published].sort()).toEqual([...API_ERROR_CODES].sort());
  });

  it('each status schema narrows the code to the codes of that status', () => {
    const of = (name: string) => doc.components.schemas[name]?.properties?.code?.enum ?? [];
    expect(of('ValidationErrorResponse')).toEqual(
      expect.arrayContaining(['VALIDATION_ERROR', 'DUPLICATE_FIELD']),
    );
    expect(of('ValidationErrorResponse')).not.toContain('NOT_FOUND');
    expect(of('ForbiddenErrorResponse').sort()).toEqual([
      'AGENT_FORBIDDEN',
      'FORBIDDEN',
      'NOT_AN_APPROVER',
      'PROMOTION_HUMAN_REQUIRED',
    ]);
    expect(of('UnprocessableErrorResponse')).toEqual(expect.arrayContaining(['NO_OPS', 'EXECUTION_FAILED']));
  });

  it('docs/api-errors.md lists every code with its status', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    const text = await readFile(join(root, 'docs', 'api-errors.md'), 'utf8');
    for (const code of API_ERROR_CODES) {
      expect(text, code).toMatch(new RegExp(`\\| \`${code}\`\\s+\\| ${STATUS_BY_CODE[code]} `));
    }
  });
});

describe('the route schemas', () => {
  it('every request and response schema compiles: without lazy compilers the app compiles them all when ready', async () => {
    const app = await buildApp({ database: h.database, events: h.events });
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });

  it('lazy compilers leave every schema pending until used, and compile each of them without error', async () => {
    const compilers = createLazyCompilers();
    const app = await buildApp({ database: h.database, events: h.events, compilers });
    await app.ready();
    const routes = compilers.pending;
    expect(routes).toBeGreaterThan(500);
    compilers.compilePending();
    expect(compilers.pending).toBe(0);
    await app.close();
  });
});

describe('the OpenAPI document', () => {
  it('every operation has a summary, a description and x-request-id on every answer', () => {
    const responses = (doc as unknown as { components: { responses: Record<string, { headers?: object }> } })
      .components.responses;
    for (const op of operations()) {
      expect(op.summary, op.operationId).toBeTruthy();
      expect(op.description, op.operationId).toBeTruthy();
      for (const [status, response] of Object.entries(op.responses)) {
        expect((response as { description?: string }).description ?? 'ref', op.operationId).not.toBe(
          'Default Response',
        );
        const resolved = response.$ref ? responses[response.$ref.split('/').pop() ?? ''] : response;
        expect(resolved?.headers, `${op.operationId} ${status}`).toHaveProperty('x-request-id');
      }
    }
  });

  it('tenant operations name the tenant and an actor header or a bearer token; the tenant list needs only the token in JWT mode, the probes nothing', () => {
    for (const op of operations()) {
      if (!op.path.startsWith('/api/')) {
        expect(op.security, op.operationId).toEqual([]);
        continue;
      }
      if (op.operationId === 'listTenants') {
        expect(op.security, op.operationId).toEqual([{}, { bearer: [] }]);
        continue;
      }
      expect(op.security, op.operationId).toEqual([
        { tenant: [], user: [] },
        { tenant: [], agent: [] },
        { tenant: [], bearer: [] },
      ]);
      for (const status of ['400', '401', '404']) expect(op.responses, op.operationId).toHaveProperty(status);
      if (op.requestBody) {
        expect(op.responses, op.operationId).toHaveProperty('413');
        expect(op.responses, op.operationId).toHaveProperty('415');
      }
    }
  });

  it("guarded operations publish the guard's permission as x-permission, in the description, and a 403", () => {
    const guarded = operations().filter((op) => op['x-permission']);
    expect(guarded.find((op) => op.operationId === 'checkinChange')?.['x-permission']).toBe('change.approve');
    expect(guarded.find((op) => op.operationId === 'createRole')?.['x-permission']).toBe('rbac.manage');
    for (const op of guarded) {
      expect(op.description, op.operationId).toContain(`\`${op['x-permission']}\``);
      expect(op.responses, op.operationId).toHaveProperty('403');
    }
    for (const op of operations().filter((o) => !o['x-permission'])) {
      expect(op.responses, op.operationId).not.toHaveProperty('403');
    }
  });

  it('unions of literals are published as plain string enums', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"anyOf":\[\{"type":"string","enum":\["[^"]*"\]\}/);
    expect(doc.components.schemas.Change?.properties?.status?.enum).toContain('Merged');
  });
});

describe('discriminated patch ops', () => {
  let changeId: string;
  let targetId: string;

  beforeAll(async () => {
    const project = (await h.call('POST', '/api/projects', { ...admin, body: { name: 'Ops' } })).json();
    await h.call('POST', '/api/record-types', {
      ...admin,
      body: { projectId: project.id, key: 'task', name: 'Task', fields: [{ name: 'title', type: 'string' }] },
    });
    changeId = (
      await h.call('POST', '/api/changes', { ...admin, body: { projectId: project.id, title: 'c' } })
    ).json().id;
    targetId = (
      await h.call('POST', `/api/changes/${changeId}/targets`, {
        ...admin,
        body: { type: 'record_type', selector: { recordTypeKey: 'task' } },
      })
    ).json().id;
  });

  it('a dry run of a change without ops answers 422 NO_OPS', async () => {
    const res = await h.call('POST', `/api/changes/${changeId}/execute`, admin);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'NO_OPS',
      details: { errors: [{ code: 'NO_OPS', phase: 'load' }] },
    });
  });

  it('a payload that does not fit its opType answers 400 and stores nothing; one that fits is stored', async () => {
    for (const body of [
      { targetId, opType: 'remove_field', payload: { fieldNme: 'title' } },
      { targetId, opType: 'rename_field', payload: { from: 'title' } },
      { targetId, opType: 'add_field', payload: { fieldName: 'title' } },
      { targetId, opType: 'drop_field', payload: { fieldName: 'title' } },
    ]) {
      const res = await h.call('POST', `/api/changes/${changeId}/patch-ops`, { ...admin, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_ERROR');
    }
    expect((await h.call('GET', `/api/changes/${changeId}/patch-ops`, admin)).json()).toEqual([]);
    const ok = await h.call('POST', `/api/changes/${changeId}/patch-ops`, {
      ...admin,
      body: { targetId, opType: 'remove_field', payload: { fieldName: 'title' } },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ opType: 'remove_field', payload: { fieldName: 'title' } });
  });

  it('a selector that does not fit its target type answers 400', async () => {
    const res = await h.call('POST', `/api/changes/${changeId}/targets`, {
      ...admin,
      body: { type: 'form', selector: { recordTypeKey: 'task' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_ERROR');
  });
});

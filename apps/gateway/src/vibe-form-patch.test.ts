import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
const outsider = { tenant: 'globex', user: 'admin' };
let n = 0;

const json = async <T = Record<string, unknown>>(
  res: Promise<{ statusCode: number; json(): unknown; body: string }>,
  status = 200,
): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
};
const created = async (url: string, body: unknown) =>
  (await json<{ id: string }>(h.call('POST', url, { ...admin, body }), 201)).id;

/** An active record type with a required title, a due date and notes, and a form placing all three. */
const freshForm = async () => {
  const projectId = await created('/api/projects', { name: `Forms ${++n}` });
  const name = `Request ${n}`;
  const recordTypeId = await created('/api/record-types', {
    projectId,
    key: `request_${n}`,
    name,
    fields: [
      { name: 'title', type: 'string', required: true },
      { name: 'due_date', type: 'date' },
      { name: 'notes', type: 'text' },
    ],
  });
  await json(h.call('POST', `/api/record-types/${recordTypeId}/activate`, admin));
  const formDefinitionId = await created('/api/form-definitions', { recordTypeId, name: 'default' });
  const sectionId = await created(`/api/form-definitions/${formDefinitionId}/sections`, { title: 'Main' });
  for (const field of ['title', 'due_date', 'notes'])
    await created(`/api/form-sections/${sectionId}/placements`, { field });
  return `/api/forms/${encodeURIComponent(name)}/default`;
};

beforeAll(async () => {
  h = await createHarness(['acme', 'globex']);
});
afterAll(() => h.close());

describe('form vibe patches', () => {
  it('proposes form patch ops from the prompt, validated by the forms service, and applies nothing', async () => {
    const form = await freshForm();
    const before = await json<{ fields: { name: string; required: boolean; visible: boolean }[] }>(
      h.call('GET', `${form}/compiled`, admin),
    );
    const proposal = await json<{
      ops: unknown[];
      problems: unknown[];
      valid: boolean;
      generationId: string;
    }>(
      h.call('POST', `${form}/vibePatch`, {
        ...admin,
        body: { prompt: 'make due date required and hide notes' },
      }),
    );
    expect(proposal).toMatchObject({
      ops: [
        { op: 'toggleRequired', field: 'due_date', value: true },
        { op: 'toggleVisible', field: 'notes', value: false },
      ],
      problems: [],
      valid: true,
    });
    const after = await json(h.call('GET', `${form}/compiled`, admin));
    expect(after).toEqual(before);
    const overrides = await json<unknown[]>(h.call('GET', `${form}/overrides`, admin));
    expect(overrides).toEqual([]);
    const logged = await sql<{ kind: string; project_id: string | null }>`
      select kind, project_id from vibe_generations where id = ${proposal.generationId}`.execute(
      h.database.ownerDb,
    );
    expect(logged.rows).toEqual([{ kind: 'form_patch', project_id: null }]);
  });

  it('reports the problems of ops that would not apply: a definition-required field made optional', async () => {
    const form = await freshForm();
    const proposal = await json<{ problems: { code: string; field: string }[]; valid: boolean }>(
      h.call('POST', `${form}/vibePatch`, { ...admin, body: { prompt: 'make title optional' } }),
    );
    expect(proposal.valid).toBe(false);
    expect(proposal.problems).toMatchObject([{ code: 'REQUIRED_FIELD', field: 'title' }]);
  });

  it("T2: another tenant's form is a 404 on the same URL", async () => {
    const form = await freshForm();
    const body = { prompt: 'make notes required' };
    expect((await h.call('POST', `${form}/vibePatch`, { ...admin, body })).statusCode).toBe(200);
    expect((await h.call('POST', `${form}/vibePatch`, { ...outsider, body })).statusCode).toBe(404);
  });
});

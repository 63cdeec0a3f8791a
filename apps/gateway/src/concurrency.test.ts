import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

// Requests truly in flight through the real gateway; counts are read back from PostgreSQL.
const N = 20;
let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };
let project: string;

beforeAll(async () => {
  h = await createHarness(['acme']);
  const res = await h.call('POST', '/api/projects', { ...admin, body: { name: 'Concurrency' } });
  project = res.json().id;
});
afterAll(() => h.close());

const createType = async (key: string) => {
  const res = await h.call('POST', '/api/record-types', {
    ...admin,
    body: { projectId: project, key, name: key },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

const fieldNames = async (recordTypeId: string) =>
  (
    await h.database.ownerDb
      .selectFrom('field_definitions')
      .select('name')
      .where('record_type_id', '=', recordTypeId)
      .orderBy('order_index')
      .execute()
  ).map((r) => r.name);

describe('POST /api/record-types/:id/fields in flight', () => {
  it(`answers 201 to ${N} distinct fields at once and keeps every one`, async () => {
    const id = await createType('ticket');
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        h.call('POST', `/api/record-types/${id}/fields`, {
          ...admin,
          body: { name: `f${i}`, type: 'string' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(N).fill(201));
    expect((await fieldNames(id)).sort()).toEqual(Array.from({ length: N }, (_, i) => `f${i}`).sort());
  });

  it(`answers one 201 and ${N - 1} 409 FIELD_EXISTS to the same name ${N} times`, async () => {
    const id = await createType('problem');
    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        h.call('POST', `/api/record-types/${id}/fields`, {
          ...admin,
          body: { name: 'impact', type: 'number' },
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.statusCode !== 201);
    expect(refused.map((a) => a.statusCode)).toEqual(Array(N - 1).fill(409));
    for (const a of refused) expect(a.json()).toMatchObject({ code: 'FIELD_EXISTS' });
    expect(await fieldNames(id)).toEqual(['impact']);
  });

  it(`answers 409 to every merge but one of ${N} at once, and the change is merged once`, async () => {
    await createType('request');
    const change = (
      await h.call('POST', '/api/changes', { ...admin, body: { projectId: project, title: 'Once' } })
    ).json();
    const target = (
      await h.call('POST', `/api/changes/${change.id}/targets`, {
        ...admin,
        body: { type: 'record_type', selector: { recordTypeKey: 'request' } },
      })
    ).json();
    await h.call('POST', `/api/changes/${change.id}/patch-ops`, {
      ...admin,
      body: { targetId: target.id, opType: 'add_field', payload: { field: { name: 'once', type: 'text' } } },
    });
    expect((await h.call('POST', `/api/changes/${change.id}/checkin`, admin)).json().status).toBe('Ready');
    const answers = await Promise.all(
      Array.from({ length: N }, () => h.call('POST', `/api/changes/${change.id}/merge`, admin)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, ...Array(N - 1).fill(409)]);
    const snapshots = await h.database.ownerDb
      .selectFrom('record_type_snapshots')
      .select('id')
      .where('change_id', '=', change.id)
      .execute();
    expect(snapshots).toHaveLength(1);
  });
});

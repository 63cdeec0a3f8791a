import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing-only/harness.js';

// A graceful stop (app.close, as on SIGTERM) waits for the handlers still at work, so none is cut off
// from the database halfway, and the events of what they wrote are stored.
let h: Harness;
const admin = { tenant: 'acme', user: 'admin' };

beforeAll(async () => {
  h = await createHarness(['acme']);
});
afterAll(async () => {
  await h.events.drain();
  await h.database.destroy();
});

describe('graceful stop', () => {
  it('waits for a request still running, which then commits and has its event stored', async () => {
    const project = (await h.call('POST', '/api/projects', { ...admin, body: { name: 'Stop' } })).json();
    const type = (
      await h.call('POST', '/api/record-types', {
        ...admin,
        body: {
          projectId: project.id,
          key: 'note',
          name: 'Note',
          fields: [{ name: 'title', type: 'string' }],
        },
      })
    ).json();
    expect((await h.call('POST', `/api/record-types/${type.id}/activate`, admin)).statusCode).toBe(200);

    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // Another session holds the record type: the create waits for it inside its transaction.
    const holder = h.database.ownerDb.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      await sql`select 1 from record_types where id = ${type.id} for update`.execute(conn);
      locked();
      await released;
      await sql`commit`.execute(conn);
    });
    await isLocked;
    const create = h.call('POST', '/api/record-instances', {
      ...admin,
      body: { recordTypeId: type.id, data: { title: 'written during the stop' } },
    });
    // The create is at work (waiting on the lock) when the stop begins.
    await expect
      .poll(
        async () =>
          (
            await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`.execute(h.database.ownerDb)
          ).rows[0]?.n,
        { timeout: 10_000 },
      )
      .toBe(1);
    let stopped = false;
    const stop = h.app.close().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false);
    release();
    await holder;
    const res = await create;
    await stop;
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json();
    await h.events.drain();
    const { rows } = await sql<{ event_type: string }>`
      select event_type from execution_telemetry_events where execution_id = ${record.id}
      order by event_type`.execute(h.database.ownerDb);
    expect(rows.map((r) => r.event_type)).toContain('record.created');
    const stored = await sql<{
      n: number;
    }>`select count(*)::int as n from record_instances where id = ${record.id}`.execute(h.database.ownerDb);
    expect(stored.rows[0]?.n).toBe(1);
  });
});

import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toErrorReply } from './plugins/errors.js';
import { createHarness, type Harness } from './testing-only/harness.js';

// PostgreSQL resolves a deadlock by cancelling one side (SQLSTATE 40P01) and refuses a transaction that
// cannot be serialised (40001). Either rolls the request's transaction back: the answer is a 409 asking
// for a retry, never a 500. The errors here are PostgreSQL's own, produced on a real server.
describe.runIf(process.env.TEST_DATABASE_URL)('transaction conflicts', () => {
  let h: Harness;
  const admin = { tenant: 'acme', user: 'admin' };
  let project: string;

  const ok = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await h.call(method, url, { ...admin, ...(body === undefined ? {} : { body }) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  /** A second session on the test database, outside the gateway's pool. */
  const rivalSession = async () => {
    const client = new pg.Client({ connectionString: h.database.url! });
    await client.connect();
    return client;
  };

  /** Resolves once some session waits for a lock that session `pid` holds. */
  const blockedBy = async (pid: number) => {
    for (let polls = 0; polls < 500; polls++) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`.execute(
        h.database.ownerDb,
      );
      if (rows[0]!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no session ever waited for session ${pid}`);
  };

  beforeAll(async () => {
    h = await createHarness(['acme']);
    project = (await ok('POST', '/api/projects', { name: 'Conflicts' })).id;
  });
  afterAll(() => h.close());

  it('a merge PostgreSQL cancels to break a deadlock answers 409 CONFLICT asking for a retry, and the retry merges', async () => {
    const recordType = await ok('POST', '/api/record-types', {
      projectId: project,
      key: 'ledger',
      name: 'Ledger',
    });
    await ok('POST', `/api/record-types/${recordType.id}/activate`);
    const change = await ok('POST', '/api/changes', { projectId: project, title: 'Add amount' });
    const target = await ok('POST', `/api/changes/${change.id}/targets`, {
      type: 'record_type',
      selector: { recordTypeKey: 'ledger' },
    });
    await ok('POST', `/api/changes/${change.id}/patch-ops`, {
      targetId: target.id,
      opType: 'add_field',
      payload: { field: { name: 'amount', type: 'number' } },
    });
    expect((await ok('POST', `/api/changes/${change.id}/checkin`)).status).toBe('Ready');

    // A merge locks the change, then the record types it touches. The rival takes the record type
    // first, lets the merge lock the change and queue behind it, then asks for the change: a cycle.
    const rival = await rivalSession();
    try {
      await rival.query('begin');
      // The rival waits out the cycle; the merge's session (server default, 1 s) detects and breaks it.
      await rival.query(`set local deadlock_timeout = '1min'`);
      const { rows } = await rival.query<{ pid: number }>('select pg_backend_pid() as pid');
      await rival.query('select id from record_types where id = $1 for update', [recordType.id]);
      const merging = h.call('POST', `/api/changes/${change.id}/merge`, admin);
      await blockedBy(rows[0]!.pid);
      await rival.query('select id from change_records where id = $1 for update', [change.id]);
      const res = await merging;
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toEqual({
        statusCode: 409,
        code: 'CONFLICT',
        error: 'Conflict',
        message: 'The request was rolled back because of a deadlock with a concurrent transaction; retry it',
        details: { reason: 'DEADLOCK', sqlstate: '40P01' },
      });
      await rival.query('rollback');
    } finally {
      await rival.end();
    }
    // Nothing of the cancelled merge stayed, and sending it again succeeds.
    const snapshots = await h.database.ownerDb
      .selectFrom('record_type_snapshots')
      .select('id')
      .where('change_id', '=', change.id)
      .execute();
    expect(snapshots).toEqual([]);
    expect((await ok('GET', `/api/changes/${change.id}`)).status).toBe('Ready');
    expect((await ok('POST', `/api/changes/${change.id}/merge`)).change.status).toBe('Merged');
  });

  it('a serialization failure (40001) raised by PostgreSQL answers 409 CONFLICT asking for a retry', async () => {
    const first = await rivalSession();
    const second = await rivalSession();
    let failure: unknown;
    try {
      await first.query('begin isolation level repeatable read');
      await first.query('select id from projects where id = $1', [project]);
      await second.query(`update projects set description = 'moved on' where id = $1`, [project]);
      failure = await first
        .query(`update projects set description = 'too late' where id = $1`, [project])
        .then(
          () => null,
          (error: unknown) => error,
        );
      await first.query('rollback');
    } finally {
      await first.end();
      await second.end();
    }
    expect(failure).toMatchObject({ code: '40001' });
    expect(toErrorReply(failure)).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        code: 'CONFLICT',
        error: 'Conflict',
        message:
          'The request was rolled back because of a concurrent transaction that changed the same data; retry it',
        details: { reason: 'SERIALIZATION_FAILURE', sqlstate: '40001' },
      },
      unexpected: false,
    });
  });
});

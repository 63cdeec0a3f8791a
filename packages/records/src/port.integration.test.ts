import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type RequestContext, systemContext } from '@ec3l/kernel';
import { createTenancyService, tenancyMigrations } from '@ec3l/tenancy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsMigrations } from './migrations/index.js';
import { recordsLockPort, recordsPort } from './port.js';
import type { RecordsTables } from './tables.js';

// The inheritance scope a schema merge reads and locks: complete, and read by key however large the
// project is (a tenant with thousands of record types, on a table that has no statistics yet).
const TYPES = 2_000;

let database: TestDatabase;
let acme: RequestContext;
let other: RequestContext;
let project: string;
let otherProject: string;

/** Inserts record types by key with their base types, in one statement. */
const insertTypes = (ctx: RequestContext, projectId: string, types: readonly [string, string | null][]) =>
  sql`
    insert into record_types (tenant_id, id, project_id, key, name, base_type, schema, status)
    select ${ctx.tenantId}::uuid, gen_random_uuid(), ${projectId}::uuid, t.key, ${projectId}::text || '/' || t.key,
           t.base, '{"fields": []}'::jsonb, 'active'
    from unnest(${types.map((t) => t[0])}::text[], ${types.map((t) => t[1])}::text[]) as t(key, base)`.execute(
    database.ownerDb,
  );

beforeAll(async () => {
  database = await createTestDatabase([tenancyMigrations, recordsMigrations]);
  const tenancy = createTenancyService({ db: database.ownerDb, events: createEventBus() });
  for (const slug of ['acme', 'globex']) await tenancy.ensureTenant({ slug });
  const a = (await tenancy.resolveTenant('acme'))!;
  const g = (await tenancy.resolveTenant('globex'))!;
  acme = systemContext(a.id, a.slug);
  other = systemContext(g.id, g.slug);
  project = (await tenancy.createProject(acme, { name: 'Scope' })).id;
  otherProject = (await tenancy.createProject(acme, { name: 'Elsewhere' })).id;
  const globexProject = (await tenancy.createProject(other, { name: 'Scope' })).id;
  // Filler: a tenth of the types inherit from the one before, as in a realistic dictionary.
  await insertTypes(
    acme,
    project,
    Array.from(
      { length: TYPES },
      (_, i) => [`t${i}`, i % 10 === 9 ? `t${i - 1}` : null] as [string, string | null],
    ),
  );
  // task → ticket → incident → {major_incident → p1, minor_incident}; problem beside; a ↔ b a cycle.
  await insertTypes(acme, project, [
    ['task', null],
    ['ticket', 'task'],
    ['incident', 'ticket'],
    ['major_incident', 'incident'],
    ['p1', 'major_incident'],
    ['minor_incident', 'incident'],
    ['problem', 'task'],
    ['cycle_a', 'cycle_b'],
    ['cycle_b', 'cycle_a'],
  ]);
  // The same keys elsewhere must never join the scope.
  await insertTypes(acme, otherProject, [
    ['incident', null],
    ['escalation', 'incident'],
  ]);
  await insertTypes(other, globexProject, [['incident', null]]);
});
afterAll(() => database.destroy());

const db = () => database.ownerDb as import('kysely').Kysely<RecordsTables>;
const keysOf = (rows: readonly { key: string }[]) => rows.map((r) => r.key);

describe('the inheritance scope of a schema edit', () => {
  it('holds the edited types, every descendant and every base chain, in key order', async () => {
    const rows = await recordsPort(db(), acme.tenantId).findInheritanceScope(project, ['incident']);
    expect(keysOf(rows)).toEqual(['incident', 'major_incident', 'minor_incident', 'p1', 'task', 'ticket']);
    expect(rows.every((r) => r.project_id === project && r.tenant_id === acme.tenantId)).toBe(true);
  });

  it('joins the scopes of several keys once each, and ignores keys that name no type', async () => {
    const rows = await recordsPort(db(), acme.tenantId).findInheritanceScope(project, [
      'p1',
      'problem',
      'no_such_type',
    ]);
    expect(keysOf(rows)).toEqual(['incident', 'major_incident', 'p1', 'problem', 'task', 'ticket']);
    expect(await recordsPort(db(), acme.tenantId).findInheritanceScope(project, [])).toEqual([]);
  });

  it('ends on a cyclic chain', async () => {
    const rows = await recordsPort(db(), acme.tenantId).findInheritanceScope(project, ['cycle_a']);
    expect(keysOf(rows)).toEqual(['cycle_a', 'cycle_b']);
  });

  // Another connection is needed to see the locks: PostgreSQL only (the embedded database has one).
  it.runIf(process.env.TEST_DATABASE_URL)(
    'locks the same scope, and its rows stay locked until the transaction ends',
    async () => {
      const tryLock = (key: string) =>
        sql`select key from record_types where tenant_id = ${acme.tenantId} and project_id = ${project}
            and key = ${key} for update nowait`.execute(database.ownerDb);
      await db()
        .transaction()
        .execute(async (trx) => {
          const rows = await recordsLockPort(trx, acme.tenantId).lockInheritanceScope(project, ['ticket']);
          // The children of every held type are held too (the base chain's other branches included).
          expect(keysOf(rows)).toEqual([
            'incident',
            'major_incident',
            'minor_incident',
            'p1',
            'problem',
            'task',
            'ticket',
          ]);
          for (const key of keysOf(rows)) await expect(tryLock(key)).rejects.toMatchObject({ code: '55P03' });
          await expect(tryLock('t5')).resolves.toMatchObject({ rows: [{ key: 't5' }] });
        });
      await expect(tryLock('ticket')).resolves.toMatchObject({ rows: [{ key: 'ticket' }] });
    },
  );

  it(`reads only the scope's rows in a project of ${TYPES} types that has no statistics`, async () => {
    const analysed = await sql<{ n: number }>`
      select count(*)::int as n from pg_stats where tablename = 'record_types'`.execute(db());
    expect(analysed.rows[0]?.n).toBe(0);
    await db()
      .transaction()
      .execute(async (trx) => {
        // Rows fetched from record_types by any scan, as counted by this connection (not yet flushed).
        const fetched = async () =>
          (
            await sql<{ n: number }>`
              select (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::int as n
              from pg_stat_xact_user_tables where relname = 'record_types'`.execute(trx)
          ).rows[0]?.n ?? 0;
        const before = await fetched();
        const rows = await recordsLockPort(trx, acme.tenantId).lockInheritanceScope(project, [
          't1238',
          't1239',
        ]);
        expect(keysOf(rows)).toEqual(['t1238', 't1239']);
        const read = (await fetched()) - before;
        expect(read).toBeGreaterThan(0);
        expect(read).toBeLessThan(20);
      });
  });
});

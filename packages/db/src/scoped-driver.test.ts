import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';
import { type MigrationModule, migrateToLatest } from './migrate.js';
import { APP_ROLE } from './scoped-driver.js';
import { assertTenantScope, currentTenantId, perTenant, withTenant } from './tenant-scope.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const notes: MigrationModule = {
  name: 'notes',
  rank: 10,
  migrations: {
    '0001_notes': {
      up: async (db) => {
        await sql`create table notes (tenant_id uuid not null, id serial, body text not null,
                  primary key (tenant_id, id))`.execute(db);
        await sql`alter table notes enable row level security`.execute(db);
        await sql`alter table notes force row level security`.execute(db);
        await sql`create policy tenant_isolation on notes
          using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
          with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
      },
    },
  },
};

type Note = { tenant_id: string; body: string };

const tenantsSeen = async (database: Database): Promise<string[]> => {
  const rows = await database.db.selectFrom('notes').select('tenant_id').distinct().execute();
  return rows.map((r) => r.tenant_id as string).sort();
};

/** The same checks on every kind of database the gateway runs on. */
const behaves = (open: () => Promise<{ database: Database; done: () => Promise<void> }>) => {
  let database: Database;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ database, done } = await open());
    await database.ownerDb
      .insertInto('notes')
      .values([
        { tenant_id: A, body: 'a1' },
        { tenant_id: A, body: 'a2' },
        { tenant_id: B, body: 'b1' },
      ])
      .execute();
  });
  afterAll(() => done());

  it('runs application statements as the role that owns nothing and cannot bypass row-level security', async () => {
    const { rows } = await sql<{ who: string; bypass: boolean; owned: string }>`
      select current_user as who, r.rolbypassrls or r.rolsuper as bypass,
             (select count(*) from pg_class where relowner = r.oid)::text as owned
      from pg_roles r where r.rolname = current_user`.execute(database.db);
    expect(rows).toEqual([{ who: APP_ROLE, bypass: false, owned: '0' }]);
  });

  it('runs every statement without JIT compilation, in a tenant scope and outside one', async () => {
    const jit = async (db: typeof database.db) =>
      (await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(db)).rows[0]?.jit;
    expect(await jit(database.db)).toBe('off');
    expect(await withTenant(A, () => jit(database.db))).toBe('off');
    expect(await jit(database.ownerDb)).toBe('off');
  });

  it('outside any tenant scope the application handle sees no tenant rows; the owner handle sees all', async () => {
    expect(currentTenantId()).toBeNull();
    expect(await tenantsSeen(database)).toEqual([]);
    const all = await database.ownerDb.selectFrom('notes').select('body').orderBy('body').execute();
    expect(all.map((r) => r.body)).toEqual(['a1', 'a2', 'b1']);
  });

  it('a query without a tenant filter sees only the rows of the scope’s tenant', async () => {
    expect(await withTenant(A, () => tenantsSeen(database))).toEqual([A]);
    expect(await withTenant(B, () => tenantsSeen(database))).toEqual([B]);
    const updated = await withTenant(A, () =>
      database.db.updateTable('notes').set({ body: sql`body` }).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(2n);
  });

  it('refuses to write a row of another tenant than the scope’s', async () => {
    await expect(
      withTenant(A, () => database.db.insertInto('notes').values({ tenant_id: B, body: 'sneaky' }).execute()),
    ).rejects.toThrow(/row-level security/);
    await expect(
      database.db.insertInto('notes').values({ tenant_id: A, body: 'no scope' }).execute(),
    ).rejects.toThrow(/row-level security/);
  });

  it('after a rolled-back transaction that switched tenants, the next statement sees the right tenant', async () => {
    await withTenant(A, async () => {
      await expect(
        database.db.transaction().execute(async (trx) => {
          // Switches the session to B inside the transaction; the rollback reverts it to A.
          expect(await withTenant(B, () => tenantsSeen({ ...database, db: trx }))).toEqual([B]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
    });
    expect(await withTenant(B, () => tenantsSeen(database))).toEqual([B]);
    expect(await tenantsSeen(database)).toEqual([]);
  });

  it('statements of two tenants issued in the same turn each see only their tenant', async () => {
    const tenants = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? A : B));
    const seen = await Promise.all(tenants.map((t) => withTenant(t, () => tenantsSeen(database))));
    expect(seen).toEqual(tenants.map((t) => [t]));
  });

  it('an application statement never runs inside a transaction of the owner handle', async () => {
    let inserted!: Promise<unknown>;
    await expect(
      withTenant(A, () =>
        database.ownerDb.transaction().execute(async (trx) => {
          await trx.insertInto('notes').values({ tenant_id: A, body: 'rolled back' }).execute();
          inserted = withTenant(B, () =>
            database.db.insertInto('notes').values({ tenant_id: B, body: 'kept' }).execute(),
          );
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new Error('roll back');
        }),
      ),
    ).rejects.toThrow('roll back');
    await inserted;
    const kept = await database.ownerDb
      .selectFrom('notes')
      .select('body')
      .where('body', 'in', ['kept', 'rolled back'])
      .execute();
    expect(kept).toEqual([{ body: 'kept' }]);
    await database.ownerDb.deleteFrom('notes').where('body', '=', 'kept').execute();
  });

  it('many statements and transactions of two tenants in flight at once never see each other’s rows', async () => {
    const work = Array.from({ length: 60 }, (_, i) => {
      const tenant = i % 2 === 0 ? A : B;
      return withTenant(tenant, async () => {
        if (i % 3 === 0) {
          await database.db.transaction().execute(async (trx) => {
            await trx
              .insertInto('notes')
              .values({ tenant_id: tenant, body: `t${i}` })
              .execute();
            await new Promise((resolve) => setImmediate(resolve));
            const seen = await trx.selectFrom('notes').select('tenant_id').distinct().execute();
            expect(seen.map((r) => r.tenant_id)).toEqual([tenant]);
          });
        } else {
          await database.db
            .insertInto('notes')
            .values({ tenant_id: tenant, body: `s${i}` })
            .execute();
        }
        return tenantsSeen(database);
      });
    });
    const seen = await Promise.all(work);
    expect(seen).toEqual(work.map((_, i) => [i % 2 === 0 ? A : B]));
    const counts = await database.ownerDb
      .selectFrom('notes')
      .select(['tenant_id', sql<string>`count(*)::text`.as('n')])
      .groupBy('tenant_id')
      .orderBy('tenant_id')
      .execute();
    expect(counts).toEqual([
      { tenant_id: A, n: '32' },
      { tenant_id: B, n: '31' },
    ]);
  });
};

describe.runIf(process.env.TEST_DATABASE_URL)('tenant scope on PostgreSQL, one pooled connection', () => {
  behaves(async () => {
    const test: TestDatabase = await createTestDatabase([notes]);
    // A single connection serves every tenant in turn: whatever a statement leaves behind, the next sees.
    const database = await openDatabase({ kind: 'postgres', url: test.url!, poolSize: 1 });
    return {
      database,
      done: async () => {
        await database.close();
        await test.destroy();
      },
    };
  });
});

describe('tenant scope on the embedded database', () => {
  behaves(async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory' });
    await migrateToLatest(database.ownerDb, [notes]);
    return { database, done: () => database.close() };
  });
});

describe('tenant scope helpers', () => {
  it('assertTenantScope refuses a query built for another tenant than the scope’s', () => {
    expect(() => withTenant(A, () => assertTenantScope(B))).toThrow(
      `query for tenant ${B} inside the scope of tenant ${A}`,
    );
    expect(() => withTenant(A, () => assertTenantScope(A))).not.toThrow();
    expect(() => assertTenantScope(A)).not.toThrow();
  });

  it('perTenant writes each tenant’s rows in that tenant’s scope', async () => {
    const writes: { scope: string | null; rows: Note[] }[] = [];
    const rows: Note[] = [
      { tenant_id: A, body: '1' },
      { tenant_id: B, body: '2' },
      { tenant_id: A, body: '3' },
    ];
    await perTenant(
      rows,
      (r) => r.tenant_id,
      async (group) => void writes.push({ scope: currentTenantId(), rows: group }),
    );
    expect(writes).toEqual([
      { scope: A, rows: [rows[0], rows[2]] },
      { scope: B, rows: [rows[1]] },
    ]);
  });
});

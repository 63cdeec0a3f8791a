import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCursor, type Cursor, pageOf } from './cursor.js';
import type { MigrationModule } from './migrate.js';
import { createTestDatabase, type TestDatabase } from './testing.js';
import { lockRowById } from './transaction.js';

type Tables = { items: { tenant_id: string; id: string; created_at: Date; name: string } };

const items: MigrationModule = {
  name: 'row_queries_sample',
  rank: 10,
  migrations: {
    '0001_items': {
      up: async (db) => {
        await db.schema
          .createTable('items')
          .addColumn('tenant_id', 'uuid', (c) => c.notNull())
          .addColumn('id', 'uuid', (c) => c.notNull())
          .addColumn('created_at', 'timestamptz', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('items_pk', ['tenant_id', 'id'])
          .execute();
      },
    },
  },
};

const tenant = randomUUID();
const otherTenant = randomUUID();
let test: TestDatabase;
let db: Kysely<Tables>;

beforeAll(async () => {
  test = await createTestDatabase([items]);
  db = test.ownerDb as unknown as Kysely<Tables>;
  // Nine rows over four instants: ties on the time are broken by the id.
  const base = Date.parse('2026-03-01T10:00:00.000Z');
  await db
    .insertInto('items')
    .values(
      Array.from({ length: 9 }, (_, i) => ({
        tenant_id: tenant,
        id: randomUUID(),
        created_at: new Date(base + (i % 4) * 1_000),
        name: `item ${i}`,
      })),
    )
    .execute();
}, 60_000);

afterAll(async () => {
  await test?.destroy();
});

const cursorOf = (row: { created_at: Date; id: string }): Cursor => ({
  createdAt: row.created_at.toISOString(),
  id: row.id,
});

describe('afterCursor', () => {
  const walk = async (order: 'asc' | 'desc', limit: number, qualified: boolean) => {
    const ids: string[] = [];
    let after: Cursor | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const rows = await db
        .selectFrom('items as i')
        .selectAll('i')
        .where('i.tenant_id', '=', tenant)
        .where(afterCursor(after, qualified ? { order, column: 'i.created_at', id: 'i.id' } : { order }))
        .orderBy('i.created_at', order)
        .orderBy('i.id', order)
        .limit(limit + 1)
        .execute();
      const page = pageOf(rows, limit, cursorOf);
      ids.push(...page.items.map((r) => r.id));
      if (!page.nextCursor) return ids;
      after = { createdAt: page.items.at(-1)!.created_at.toISOString(), id: page.items.at(-1)!.id };
    }
    throw new Error('the walk did not end');
  };

  it('pages newest first (the default) and oldest first through every row once, in the order of the list', async () => {
    for (const order of ['desc', 'asc'] as const) {
      const all = await db
        .selectFrom('items')
        .select('id')
        .where('tenant_id', '=', tenant)
        .orderBy('created_at', order)
        .orderBy('id', order)
        .execute();
      expect(all).toHaveLength(9);
      for (const limit of [1, 2, 3]) {
        expect(await walk(order, limit, false)).toEqual(all.map((r) => r.id));
        expect(await walk(order, limit, true)).toEqual(all.map((r) => r.id));
      }
    }
  });

  it('without a cursor, keeps every row', async () => {
    const rows = await db.selectFrom('items').select('id').where(afterCursor(undefined)).execute();
    expect(rows).toHaveLength(9);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('lockRowById', () => {
  // A second connection, to see what the lock holds off.
  let other: Kysely<Tables>;
  beforeAll(() => {
    other = new Kysely<Tables>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: test.url!, max: 1 }) }),
    });
  });
  afterAll(async () => {
    await other?.destroy();
  });

  const tryLock = (id: string, mode: 'update' | 'share') =>
    sql`select id from items where id = ${id} for ${mode === 'update' ? sql`update` : sql`share`} nowait`
      .execute(other)
      .then(
        () => 'taken',
        (error: { code?: string }) => error.code,
      );

  const anyRow = () =>
    db.selectFrom('items').selectAll().where('tenant_id', '=', tenant).limit(1).executeTakeFirstOrThrow();

  it('holds the row FOR UPDATE until the transaction ends, or FOR SHARE when asked', async () => {
    const row = await anyRow();
    await db.transaction().execute(async (trx) => {
      expect(await lockRowById(trx, 'items', tenant, row.id)).toEqual(row);
      // 55P03: lock_not_available
      expect(await tryLock(row.id, 'share')).toBe('55P03');
      expect(await tryLock(row.id, 'update')).toBe('55P03');
    });
    await db.transaction().execute(async (trx) => {
      expect(await lockRowById(trx, 'items', tenant, row.id, 'share')).toEqual(row);
      expect(await tryLock(row.id, 'share')).toBe('taken');
      expect(await tryLock(row.id, 'update')).toBe('55P03');
    });
    expect(await tryLock(row.id, 'update')).toBe('taken');
  });

  it("answers undefined for an unknown id and for another tenant's row, locking nothing", async () => {
    const row = await anyRow();
    await db.transaction().execute(async (trx) => {
      expect(await lockRowById(trx, 'items', otherTenant, row.id)).toBeUndefined();
      expect(await lockRowById(trx, 'items', tenant, randomUUID())).toBeUndefined();
      expect(await tryLock(row.id, 'update')).toBe('taken');
    });
  });
});

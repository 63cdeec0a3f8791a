import { openDatabase } from '@ec3l/db';
import { createTestDatabase, type TestDatabase } from '@ec3l/db/testing';
import { createEventBus, type EventBus } from '@ec3l/kernel';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMigrations } from './migrations.js';
import { bootstrapTenants } from './runtime.js';

// The start-time provisioning of the configured tenants: it makes the configured state true on every
// start, and on a restart with nothing to do it only reads.
let database: TestDatabase;
let events: EventBus;

beforeAll(async () => {
  database = await createTestDatabase(allMigrations);
  events = createEventBus();
});
afterAll(() => database.destroy());

/** Every row provisioning writes, by table, for the tenant with this slug. */
const provisioned = async (slug: string) => {
  const { rows } = await sql<{ what: string; n: number; at: Date | null }>`
    with t as (select id from tenants where slug = ${slug})
    select 'tenants' as what, count(*)::int as n, null::timestamptz as at from tenants where slug = ${slug}
    union all select 'admins', count(*)::int, max(created_at) from tenant_bootstrap_admins where tenant_id in (select id from t)
    union all select 'roles', count(*)::int, max(created_at) from rbac_roles where tenant_id in (select id from t)
    union all select 'role permissions', count(*)::int, null from rbac_role_permissions where tenant_id in (select id from t)
    union all select 'user roles', count(*)::int, max(created_at) from rbac_user_roles where tenant_id in (select id from t)
    union all select 'audit', count(*)::int, max(timestamp) from rbac_audit_logs where tenant_id in (select id from t)
    order by what`.execute(database.ownerDb);
  return Object.fromEntries(rows.map((r) => [r.what, { n: r.n, at: r.at?.toISOString() ?? null }]));
};

/** The users holding Admin in the tenant with this slug. */
const adminsOf = async (slug: string) => {
  const { rows } = await sql<{ user_id: string }>`
    select ur.user_id from rbac_user_roles ur
    join rbac_roles r on r.tenant_id = ur.tenant_id and r.id = ur.role_id
    join tenants t on t.id = ur.tenant_id
    where t.slug = ${slug} and r.name = 'Admin' and ur.holder_type = 'user'
    order by ur.user_id`.execute(database.ownerDb);
  return rows.map((r) => r.user_id);
};

describe('bootstrap of the configured tenants on start', () => {
  it('creates the tenant, its default roles and its admins on the first start', async () => {
    await bootstrapTenants({ database, events }, { bootstrapTenants: ['first'], bootstrapAdmins: ['ada'] });
    const state = await provisioned('first');
    expect(state.tenants?.n).toBe(1);
    expect(state.roles?.n).toBeGreaterThan(0);
    expect(state['role permissions']?.n).toBeGreaterThan(0);
    expect(await adminsOf('first')).toEqual(['ada']);
  });

  it('writes nothing on a restart with the same configuration', async () => {
    const config = { bootstrapTenants: ['steady'], bootstrapAdmins: ['ada', 'bob'] };
    await bootstrapTenants({ database, events }, config);
    const before = await provisioned('steady');
    expect(before['user roles']?.n).toBe(2);
    // Provisioning returns once its audit (the default roles it created) is stored.
    expect(before.audit?.n).toBe(3);
    await bootstrapTenants({ database, events }, config);
    expect(await provisioned('steady')).toEqual(before);
  });

  // A read-only database refuses any write, even one that would change nothing.
  it.runIf(process.env.TEST_DATABASE_URL)('only reads on a restart with the same configuration', async () => {
    const config = { bootstrapTenants: ['reads'], bootstrapAdmins: ['ada'] };
    await bootstrapTenants({ database, events }, config);
    const name = new URL(database.url!).pathname.slice(1);
    await sql`alter database ${sql.id(name)} set default_transaction_read_only = on`.execute(
      database.ownerDb,
    );
    const readOnly = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 1 });
    try {
      await expect(sql`create table refused (id int)`.execute(readOnly.ownerDb)).rejects.toMatchObject({
        code: '25006',
      });
      await expect(bootstrapTenants({ database: readOnly, events }, config).then(() => 'done')).resolves.toBe(
        'done',
      );
      await expect(
        bootstrapTenants({ database: readOnly, events }, { ...config, bootstrapAdmins: ['new'] }),
      ).rejects.toMatchObject({ code: '25006' });
    } finally {
      await readOnly.close();
      await sql`alter database ${sql.id(name)} reset default_transaction_read_only`.execute(database.ownerDb);
    }
  });

  it('adds a newly configured admin, and keeps the ones configured before', async () => {
    await bootstrapTenants({ database, events }, { bootstrapTenants: ['grows'], bootstrapAdmins: ['ada'] });
    await bootstrapTenants({ database, events }, { bootstrapTenants: ['grows'], bootstrapAdmins: ['cy'] });
    expect(await adminsOf('grows')).toEqual(['ada', 'cy']);
  });

  it('gives a recorded admin back the Admin role it lost, and recreates a deleted default role', async () => {
    const config = { bootstrapTenants: ['heals'], bootstrapAdmins: ['ada'] };
    await bootstrapTenants({ database, events }, config);
    const rolesBefore = (await provisioned('heals')).roles?.n;
    await sql`delete from rbac_user_roles where tenant_id = (select id from tenants where slug = 'heals')`.execute(
      database.ownerDb,
    );
    expect(await adminsOf('heals')).toEqual([]);
    await bootstrapTenants({ database, events }, config);
    expect(await adminsOf('heals')).toEqual(['ada']);
    await sql`delete from rbac_roles where tenant_id = (select id from tenants where slug = 'heals')
      and name <> 'Admin'`.execute(database.ownerDb);
    expect((await provisioned('heals')).roles?.n).toBe(1);
    await bootstrapTenants({ database, events }, config);
    expect((await provisioned('heals')).roles?.n).toBe(rolesBefore);
  });
});

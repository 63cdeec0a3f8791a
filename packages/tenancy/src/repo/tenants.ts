import type { Kysely, Transaction } from 'kysely';
import type { TenancyTables, TenantRow } from '../tables.js';

type Db = Kysely<TenancyTables> | Transaction<TenancyTables>;

/** Tenants are the one global table: these queries are not tenant-scoped by design. */
export const listTenantRows = (db: Db): Promise<TenantRow[]> =>
  db.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('slug').execute();

export const findTenantRowBySlug = (db: Db, slug: string): Promise<TenantRow | undefined> =>
  db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();

/** Inserts the tenant unless its slug exists; returns the stored row and whether it was created. */
export const insertTenantIfAbsent = async (
  db: Db,
  row: { id: string; slug: string; name: string; plan?: string },
): Promise<{ row: TenantRow; created: boolean }> => {
  const inserted = await db
    .insertInto('tenants')
    .values(row)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const existing = await findTenantRowBySlug(db, row.slug);
  if (!existing) throw new Error(`tenant ${row.slug} vanished during insert`);
  return { row: existing, created: false };
};

export const recordBootstrapAdmins = async (
  db: Db,
  tenantId: string,
  userIds: readonly string[],
): Promise<void> => {
  if (userIds.length === 0) return;
  await db
    .insertInto('tenant_bootstrap_admins')
    .values(userIds.map((userId) => ({ tenant_id: tenantId, user_id: userId })))
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doNothing())
    .execute();
};

export const listBootstrapAdmins = async (db: Db, tenantId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('tenant_bootstrap_admins')
      .select('user_id')
      .where('tenant_id', '=', tenantId)
      .orderBy('user_id')
      .execute()
  ).map((r) => r.user_id);

import { type Kysely, sql } from 'kysely';

const TABLES = ['rbac_roles', 'rbac_role_permissions', 'rbac_user_roles', 'rbac_policies'];

/**
 * A per-tenant counter that moves with every change to roles, their permissions, assignments or
 * policies, in the same transaction (triggers: no writer can forget it). Decisions cache a user's
 * grants under the counter's value and re-read them as soon as it moves.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('rbac_grant_versions')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`
    create function rbac_bump_grant_version() returns trigger language plpgsql as $$
    begin
      insert into rbac_grant_versions (tenant_id, version)
      values (coalesce(new.tenant_id, old.tenant_id), 1)
      on conflict (tenant_id) do update set version = rbac_grant_versions.version + 1;
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`create trigger ${sql.raw(`${table}_bump_grant_version`)}
      after insert or update or delete on ${sql.table(table)}
      for each row execute function rbac_bump_grant_version()`.execute(db);
  }
};

export const down = async (db: Kysely<any>): Promise<void> => {
  for (const table of TABLES) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_grant_version`)} on ${sql.table(table)}`.execute(
      db,
    );
  }
  await sql`drop function if exists rbac_bump_grant_version()`.execute(db);
  await db.schema.dropTable('rbac_grant_versions').ifExists().execute();
};

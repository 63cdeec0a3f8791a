import { type Kysely, sql } from 'kysely';

/**
 * The role the application's queries run as (ec3l_app): no login, owns nothing, cannot bypass
 * row-level security. Roles belong to the whole server while grants belong to each database, so the
 * role is created only when missing (tolerating another database's migration creating it at the same
 * moment) and the grants are made here, per database. Default privileges cover every table and
 * sequence the migrating user creates later.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'ec3l_app') then
        create role ec3l_app nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
      end if;
    exception
      when duplicate_object or unique_violation then null;
    end $$`.execute(db);
  // The connecting user switches to the role with SET ROLE, which needs membership with the SET option
  // (PostgreSQL 16 split it from membership: a role's creator holds only ADMIN on it).
  await sql`
    do $$
    begin
      if current_setting('server_version_num')::int >= 160000 then
        if not pg_has_role(current_user, 'ec3l_app', 'SET') then
          execute format('grant ec3l_app to %I with set true', current_user);
        end if;
      elsif not pg_has_role(current_user, 'ec3l_app', 'MEMBER') then
        execute format('grant ec3l_app to %I', current_user);
      end if;
    exception
      when duplicate_object or unique_violation then null;
    end $$`.execute(db);
  await sql`grant usage on schema public to ec3l_app`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to ec3l_app`.execute(db);
  await sql`grant usage, select on all sequences in schema public to ec3l_app`.execute(db);
  await sql`alter default privileges in schema public
    grant select, insert, update, delete on tables to ec3l_app`.execute(db);
  await sql`alter default privileges in schema public grant usage, select on sequences to ec3l_app`.execute(
    db,
  );
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await sql`alter default privileges in schema public revoke all on sequences from ec3l_app`.execute(db);
  await sql`alter default privileges in schema public revoke all on tables from ec3l_app`.execute(db);
  await sql`revoke all on all sequences in schema public from ec3l_app`.execute(db);
  await sql`revoke all on all tables in schema public from ec3l_app`.execute(db);
  await sql`revoke usage on schema public from ec3l_app`.execute(db);
};

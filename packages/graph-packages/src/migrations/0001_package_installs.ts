import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

/**
 * Graph package installs: the install history of a project (one row per applied install, with the
 * package as installed, its diff and the merged change that carries it, so an uninstall can revert it),
 * the objects each package owns in a project (the ownership check and upgrades find them by key), and
 * each environment's package state (which version every environment holds, and whether it got there by
 * an install or a promotion).
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('graph_package_installs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('environment_id', 'uuid', (c) => c.notNull())
    .addColumn('package_key', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('installed'))
    .addColumn('installed_by', 'text')
    .addColumn('installed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('diff', 'jsonb', (c) => c.notNull())
    .addColumn('package_contents', 'jsonb', (c) => c.notNull())
    .addColumn('change_id', 'uuid')
    .addColumn('created_objects', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('previous_install_id', 'uuid')
    .addColumn('reverted_by', 'text')
    .addColumn('reverted_at', 'timestamptz')
    .addPrimaryKeyConstraint('graph_package_installs_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'graph_package_installs_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'graph_package_installs_environment_fk',
      ['tenant_id', 'environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'graph_package_installs_change_fk',
      ['tenant_id', 'change_id'],
      'change_records',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint('graph_package_installs_status_check', sql`status in ('installed', 'reverted')`)
    .execute();
  await sql`create index graph_package_installs_project_idx
    on graph_package_installs (tenant_id, project_id, package_key, installed_at desc, id desc)`.execute(db);
  await rls(db, 'graph_package_installs');

  await db.schema
    .createTable('graph_package_objects')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_key', 'text', (c) => c.notNull())
    .addColumn('object_id', 'uuid', (c) => c.notNull())
    .addColumn('package_key', 'text', (c) => c.notNull())
    .addColumn('install_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('graph_package_objects_pk', [
      'tenant_id',
      'project_id',
      'object_type',
      'object_key',
    ])
    .addForeignKeyConstraint(
      'graph_package_objects_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'graph_package_objects_install_fk',
      ['tenant_id', 'install_id'],
      'graph_package_installs',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint(
      'graph_package_objects_type_check',
      sql`object_type in ('record_type', 'choice_list', 'workflow')`,
    )
    .execute();
  await sql`create index graph_package_objects_package_idx
    on graph_package_objects (tenant_id, project_id, package_key)`.execute(db);
  await rls(db, 'graph_package_objects');

  await db.schema
    .createTable('environment_package_installs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('environment_id', 'uuid', (c) => c.notNull())
    .addColumn('package_key', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('installed_by', 'text')
    .addColumn('installed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('diff', 'jsonb', (c) => c.notNull())
    .addColumn('package_contents', 'jsonb', (c) => c.notNull())
    .addColumn('graph_install_id', 'uuid')
    .addColumn('promotion_intent_id', 'uuid')
    .addPrimaryKeyConstraint('environment_package_installs_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'environment_package_installs_environment_fk',
      ['tenant_id', 'environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'environment_package_installs_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'environment_package_installs_install_fk',
      ['tenant_id', 'graph_install_id'],
      'graph_package_installs',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint(
      'environment_package_installs_source_check',
      sql`source in ('install', 'promote', 'uninstall')`,
    )
    .execute();
  await sql`create index environment_package_installs_state_idx
    on environment_package_installs (tenant_id, environment_id, package_key, installed_at desc, id desc)`.execute(
    db,
  );
  await rls(db, 'environment_package_installs');
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('environment_package_installs').ifExists().execute();
  await db.schema.dropTable('graph_package_objects').ifExists().execute();
  await db.schema.dropTable('graph_package_installs').ifExists().execute();
};

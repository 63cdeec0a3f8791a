import { type Kysely, sql } from 'kysely';

const rls = async (db: Kysely<any>, table: string) => {
  await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
  await sql`alter table ${sql.table(table)} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${sql.table(table)}
    using (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)
    with check (tenant_id = nullif(current_setting('ec3l.tenant_id', true), '')::uuid)`.execute(db);
};

/**
 * Promotion: governed promotion intents (with the hashes of both environments' package state taken at
 * preview, which execution compares against: the drift gate, and a version for optimistic locking), the
 * webhook delivery log (an outbox: the lifecycle step inserts the row in its transaction, the sender
 * delivers it after commit and on retries), and the package state each release froze.
 */
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('promotion_intents')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('project_id', 'uuid', (c) => c.notNull())
    .addColumn('from_environment_id', 'uuid', (c) => c.notNull())
    .addColumn('to_environment_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('previewed_by', 'text')
    .addColumn('previewed_at', 'timestamptz')
    .addColumn('preview_state_hash', 'text')
    .addColumn('preview_source_hash', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('executed_by', 'text')
    .addColumn('executed_at', 'timestamptz')
    .addColumn('rejected_by', 'text')
    .addColumn('rejected_at', 'timestamptz')
    .addColumn('reason', 'text')
    .addColumn('diff', 'jsonb')
    .addColumn('result', 'jsonb')
    .addColumn('notification_status', 'text')
    .addColumn('notification_last_error', 'text')
    .addColumn('notification_last_attempt_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('promotion_intents_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'promotion_intents_project_fk',
      ['tenant_id', 'project_id'],
      'projects',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'promotion_intents_from_fk',
      ['tenant_id', 'from_environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'promotion_intents_to_fk',
      ['tenant_id', 'to_environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint(
      'promotion_intents_status_check',
      sql`status in ('draft', 'previewed', 'approved', 'executed', 'rejected')`,
    )
    .addCheckConstraint(
      'promotion_intents_notification_check',
      sql`notification_status is null or notification_status in ('pending', 'sent', 'failed')`,
    )
    .addCheckConstraint('promotion_intents_envs_check', sql`from_environment_id <> to_environment_id`)
    .execute();
  await sql`create index promotion_intents_list_idx
    on promotion_intents (tenant_id, created_at desc, id desc)`.execute(db);
  await rls(db, 'promotion_intents');

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('last_status_code', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('webhook_deliveries_webhook_id_unique', ['tenant_id', 'webhook_id'])
    .addForeignKeyConstraint(
      'webhook_deliveries_intent_fk',
      ['tenant_id', 'subject_id'],
      'promotion_intents',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('webhook_deliveries_subject_check', sql`subject_type in ('promotion_intent')`)
    .addCheckConstraint('webhook_deliveries_status_check', sql`status in ('pending', 'sent', 'failed')`)
    .execute();
  // The scheduler's pass reads only due pending rows: cheap when nothing is due.
  await sql`create index webhook_deliveries_due_idx
    on webhook_deliveries (tenant_id, next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create index webhook_deliveries_subject_idx
    on webhook_deliveries (tenant_id, subject_id, created_at, id)`.execute(db);
  await rls(db, 'webhook_deliveries');

  await db.schema
    .createTable('environment_release_packages')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('release_id', 'uuid', (c) => c.notNull())
    .addColumn('environment_id', 'uuid', (c) => c.notNull())
    .addColumn('state_hash', 'text', (c) => c.notNull())
    .addColumn('packages', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('environment_release_packages_pk', ['tenant_id', 'release_id'])
    .addForeignKeyConstraint(
      'environment_release_packages_release_fk',
      ['tenant_id', 'release_id'],
      'environment_releases',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'environment_release_packages_environment_fk',
      ['tenant_id', 'environment_id'],
      'environments',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await rls(db, 'environment_release_packages');
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await db.schema.dropTable('environment_release_packages').ifExists().execute();
  await db.schema.dropTable('webhook_deliveries').ifExists().execute();
  await db.schema.dropTable('promotion_intents').ifExists().execute();
};

import { type Kysely, sql } from 'kysely';

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

// The event types of change_events as of this migration (frozen in time).
const BEFORE = [
  'change_status_changed',
  'change_target_added',
  'change_target_deleted',
  'patch_op_added',
  'patch_op_deleted',
  'environment_release_created',
  'environment_deployed',
];

/** Dry runs go on the change's timeline: change_dry_run joins the event types. */
export const up = async (db: Kysely<any>): Promise<void> => {
  await sql`alter table change_events drop constraint change_events_type_check`.execute(db);
  await sql`alter table change_events add constraint change_events_type_check
    check (event_type in (${inList([...BEFORE, 'change_dry_run'])}))`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await sql`delete from change_events where event_type = 'change_dry_run'`.execute(db);
  await sql`alter table change_events drop constraint change_events_type_check`.execute(db);
  await sql`alter table change_events add constraint change_events_type_check
    check (event_type in (${inList(BEFORE)}))`.execute(db);
};

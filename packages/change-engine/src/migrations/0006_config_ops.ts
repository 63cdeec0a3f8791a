import { type Kysely, sql } from 'kysely';

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

// The op types of change_patch_ops as of this migration (frozen in time).
const BEFORE = ['add_field', 'set_field', 'remove_field', 'rename_field'];

/** Changes set a record type's assignment and SLA configuration: set_assignment and set_sla join the op types. */
export const up = async (db: Kysely<any>): Promise<void> => {
  await sql`alter table change_patch_ops drop constraint change_patch_ops_type_check`.execute(db);
  await sql`alter table change_patch_ops add constraint change_patch_ops_type_check
    check (op_type in (${inList([...BEFORE, 'set_assignment', 'set_sla'])}))`.execute(db);
};

export const down = async (db: Kysely<any>): Promise<void> => {
  await sql`delete from change_patch_ops where op_type in ('set_assignment', 'set_sla')`.execute(db);
  await sql`alter table change_patch_ops drop constraint change_patch_ops_type_check`.execute(db);
  await sql`alter table change_patch_ops add constraint change_patch_ops_type_check
    check (op_type in (${inList(BEFORE)}))`.execute(db);
};

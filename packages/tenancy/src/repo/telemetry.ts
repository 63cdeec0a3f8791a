import { type Cursor, perTenant, prepared } from '@ec3l/db';
import type { TelemetryRecord } from '@ec3l/kernel';
import { type Kysely, sql } from 'kysely';
import type { TenancyTables } from '../tables.js';

/**
 * Stores many domain events, of any tenants, in one statement per tenant (one parameter, however many),
 * each inside its tenant's scope.
 */
export const insertTelemetryRecords = async (
  db: Kysely<TenancyTables>,
  records: readonly { id: string; record: TelemetryRecord }[],
): Promise<void> => {
  const rows = records.map(({ id, record }) => ({ id, ...record }));
  await perTenant(
    rows,
    (row) => row.tenantId,
    (group) => insertTenantTelemetry(db, group),
  );
};

const insertTenantTelemetry = async (
  db: Kysely<TenancyTables>,
  rows: readonly ({ id: string } & TelemetryRecord)[],
): Promise<void> => {
  await sql`${prepared}
    insert into execution_telemetry_events (tenant_id, id, event_type, timestamp, module_id, execution_type, workflow_id,
                                            workflow_step_id, execution_id, actor_type, actor_id, status, error_code,
                                            error_message, affected_record_ids)
    select r."tenantId", r.id, r."eventType", r.timestamp, r."moduleId", r."executionType", r."workflowId",
           r."workflowStepId", r."executionId", r."actorType", r."actorId", r.status, r."errorCode",
           r."errorMessage", r."affectedRecordIds"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(
      "tenantId" uuid, id uuid, "eventType" text, timestamp timestamptz, "moduleId" text, "executionType" text,
      "workflowId" text, "workflowStepId" text, "executionId" text, "actorType" text, "actorId" text, status text,
      "errorCode" text, "errorMessage" text, "affectedRecordIds" jsonb)`.execute(db);
};

export type TelemetryFilter = { from?: Date; to?: Date; eventType?: string };

/** A tenant's events, newest first; `before` continues after the previous page's last entry. */
export const listTelemetryRows = (
  db: Kysely<TenancyTables>,
  tenantId: string,
  filter: TelemetryFilter,
  page: { limit: number; before?: Cursor },
) => {
  let query = db.selectFrom('execution_telemetry_events').selectAll().where('tenant_id', '=', tenantId);
  if (filter.from) query = query.where('timestamp', '>=', filter.from);
  if (filter.to) query = query.where('timestamp', '<', filter.to);
  if (filter.eventType) query = query.where('event_type', '=', filter.eventType);
  if (page.before) {
    const at = new Date(page.before.createdAt);
    const id = page.before.id;
    query = query.where((eb) =>
      eb.or([eb('timestamp', '<', at), eb.and([eb('timestamp', '=', at), eb('id', '<', id)])]),
    );
  }
  return query.orderBy('timestamp', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
};

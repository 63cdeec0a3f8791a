import type { Cursor } from '@ec3l/db';
import type { TelemetryRecord } from '@ec3l/kernel';
import type { Kysely } from 'kysely';
import type { TenancyTables } from '../tables.js';

/** Stores one domain event in execution_telemetry_events. */
export const insertTelemetryRecord = async (
  db: Kysely<TenancyTables>,
  id: string,
  record: TelemetryRecord,
): Promise<void> => {
  await db
    .insertInto('execution_telemetry_events')
    .values({
      tenant_id: record.tenantId,
      id,
      event_type: record.eventType,
      timestamp: record.timestamp,
      module_id: record.moduleId,
      execution_type: record.executionType,
      workflow_id: record.workflowId,
      workflow_step_id: record.workflowStepId,
      execution_id: record.executionId,
      actor_type: record.actorType,
      actor_id: record.actorId,
      status: record.status,
      error_code: record.errorCode,
      error_message: record.errorMessage,
      affected_record_ids:
        record.affectedRecordIds === null ? null : JSON.stringify(record.affectedRecordIds),
    })
    .execute();
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

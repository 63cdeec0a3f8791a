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

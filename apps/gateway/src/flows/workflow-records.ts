import { DomainError, type RequestContext, systemContext } from '@ec3l/kernel';
import type { RbacService } from '@ec3l/rbac';
import { lockRecord, type RecordsService, type RecordWrite, releaseLocksOf } from '@ec3l/records';
import type { RecordEvent, TriggersService, WorkflowRecordsPort, WorkflowService } from '@ec3l/workflow';
import type { Transaction } from 'kysely';
import type { StartExecution } from './workflow-dispatch.js';

/** A record write as the trigger matcher sees it. */
export const recordEventOf = (write: RecordWrite): RecordEvent => ({
  event: write.event,
  recordId: write.record.id,
  version: write.record.version,
  recordType: { id: write.recordType.id, key: write.recordType.key, projectId: write.recordType.projectId },
  data: write.record.data,
  previousData: write.previous?.data ?? null,
  changedFields: write.changedFields,
});

/**
 * The workflow engine's record steps on the records package, inside the execution's transaction:
 * reads, updates and assignments through the record's one write path, and its locks.
 */
export const workflowRecordsPort =
  (records: () => Pick<RecordsService, 'recordInstancesPort'>) =>
  // biome-ignore lint/suspicious/noExplicitAny: one transaction on the shared handle holds every package's tables
  (trx: Transaction<any>, ctx: RequestContext): WorkflowRecordsPort => {
    const port = records().recordInstancesPort(trx, ctx);
    return {
      getRecord: async (recordId) => {
        try {
          return await port.getRecord(recordId);
        } catch (error) {
          if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
          throw error;
        }
      },
      updateRecord: (recordId, data, options) => port.updateRecord(recordId, data, options),
      assignRecord: (recordId, target, options) => port.assignRecord(recordId, target, options),
      lockRecord: (recordId, options) => lockRecord(trx, ctx, recordId, options),
      releaseLocksOf: (workflowExecutionId) => releaseLocksOf(trx, ctx.tenantId, workflowExecutionId),
    };
  };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Intents start executions through the engine, in the dispatch transaction, as the platform. */
export const engineStartExecution =
  (workflows: () => { engine: Pick<WorkflowService['engine'], 'startExecution'> }): StartExecution =>
  async (trx, intent) => {
    const execution = await workflows().engine.startExecution(
      trx as never,
      systemContext(intent.tenantId, ''),
      {
        workflowDefinitionId: intent.workflowDefinitionId,
        intentId: intent.id,
        recordId: intent.recordId,
        input: isObject(intent.payload) ? intent.payload : {},
      },
    );
    return { executionId: execution.id, status: execution.status, error: execution.error };
  };

/** Queues, in the record write's transaction, the intents of the record-event triggers it matches. */
export const queueRecordIntents =
  (triggers: () => Pick<TriggersService, 'recordEventIntents'>) =>
  // biome-ignore lint/suspicious/noExplicitAny: one transaction on the shared handle holds every package's tables
  async (trx: Transaction<any>, write: RecordWrite): Promise<void> => {
    await triggers().recordEventIntents(trx, write.ctx.tenantId, recordEventOf(write));
  };

/** The users holding an active role of this name (approvers named by role). */
export const roleHoldersOf =
  (rbac: Pick<RbacService, 'listUserRoles'>) =>
  async (ctx: RequestContext, role: string): Promise<string[]> =>
    (await rbac.listUserRoles(ctx))
      .filter((r) => r.roleName === role && r.roleStatus === 'active')
      .map((r) => r.userId);

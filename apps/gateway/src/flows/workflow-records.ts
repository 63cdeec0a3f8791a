import type { Database } from '@ec3l/db';
import type { FormsService } from '@ec3l/forms';
import type { EventBus, RequestContext } from '@ec3l/kernel';
import {
  createRecordsService,
  lockRecord,
  type RecordsService,
  releaseLocksOf,
  type SlaTimers,
} from '@ec3l/records';
import type { TriggersService, WorkflowRecordsPort } from '@ec3l/workflow';
import type { Kysely, Transaction } from 'kysely';
import { recordEventIntents } from './workflow-dispatch.js';

type SharedTables = Database['db'] extends Kysely<infer Tables> ? Tables : never;

/**
 * The workflow engine's record steps on the records package, inside the execution's transaction: the
 * records paths (validation, locks, hooks, events) and the record's locks.
 */
export const workflowRecordsPort =
  (records: () => Pick<RecordsService, 'recordInstancesPort'>) =>
  (trx: Transaction<SharedTables>, ctx: RequestContext): WorkflowRecordsPort => ({
    ...records().recordInstancesPort(trx, ctx),
    lockRecord: (recordId, request) => lockRecord(trx, ctx, recordId, request),
    releaseLocksOf: (workflowExecutionId) => releaseLocksOf(trx, ctx.tenantId, workflowExecutionId),
  });

/**
 * The records service of a process that runs workflows: in each record write's transaction, the
 * rules of the record type's active forms are checked first (a violation refuses the write), then SLA
 * timers start and advance and the matching record-event triggers queue their intents. Every write
 * passes here: the API's creates and updates, workflows' record_mutation steps, agents' writes.
 */
export const createWorkflowRecords = (deps: {
  database: Pick<Database, 'db'>;
  events: EventBus;
  requireProject: (ctx: RequestContext, projectId: string) => Promise<void>;
  triggers: TriggersService;
  timers: SlaTimers;
  forms: Pick<FormsService, 'checkRecordWrite'>;
}): RecordsService =>
  createRecordsService({
    db: deps.database.db,
    requireProject: deps.requireProject,
    events: deps.events,
    onRecordWrite: [
      deps.forms.checkRecordWrite,
      deps.timers.onRecordWrite,
      recordEventIntents(deps.triggers),
    ],
  });

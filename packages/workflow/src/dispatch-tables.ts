import type { ColumnType, Generated, Selectable } from 'kysely';
import type { WorkflowTables } from './tables.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

type WorkflowTriggersTable = {
  tenant_id: string;
  id: string;
  workflow_definition_id: string;
  trigger_type: string;
  trigger_config: unknown;
  status: Generated<string>;
  schedule_evaluated_at: Date | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

type WorkflowExecutionIntentsTable = {
  tenant_id: string;
  id: string;
  workflow_definition_id: string;
  trigger_id: string | null;
  trigger_type: string;
  trigger_payload: unknown;
  record_id: string | null;
  idempotency_key: string;
  status: Generated<string>;
  attempt: Generated<number>;
  max_attempts: Generated<number>;
  available_at: Timestamp;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  execution_id: string | null;
  error: string | null;
  created_at: Timestamp;
  dispatched_at: Date | null;
  completed_at: Date | null;
};

/** Triggers and intents, composed with the engine's tables (definitions, executions). */
export type WorkflowDispatchTables = WorkflowTables & {
  workflow_triggers: WorkflowTriggersTable;
  workflow_execution_intents: WorkflowExecutionIntentsTable;
};

export type TriggerRow = Selectable<WorkflowTriggersTable>;
export type IntentRow = Selectable<WorkflowExecutionIntentsTable>;

import type { ColumnType, Selectable } from 'kysely';
import type { ApprovalStatus, DefinitionStatus, ExecutionStatus, StepType } from './schemas.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Versioned = ColumnType<number, number | undefined, number>;

/** The tables of the workflow package. */
export type WorkflowTables = {
  workflow_definitions: {
    tenant_id: string;
    id: string;
    project_id: string;
    name: string;
    description: string | null;
    trigger_type: 'record_event' | 'schedule' | 'manual';
    trigger_config: Json<Record<string, unknown>>;
    version: Versioned;
    status: DefinitionStatus;
    change_id: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  workflow_steps: {
    tenant_id: string;
    id: string;
    workflow_definition_id: string;
    step_type: StepType;
    name: string | null;
    config: Json<unknown>;
    order_index: number;
    created_at: Timestamp;
  };
  workflow_executions: {
    tenant_id: string;
    id: string;
    workflow_definition_id: string;
    definition_version: number;
    intent_id: string | null;
    status: ExecutionStatus;
    input: Json<Record<string, unknown>>;
    accumulated_input: Json<Record<string, unknown>>;
    current_step_index: number | null;
    steps_run: Versioned;
    paused_at_step_id: string | null;
    error: string | null;
    record_id: string | null;
    started_by: string | null;
    started_at: Timestamp;
    completed_at: Timestamp | null;
    version: Versioned;
  };
  workflow_step_executions: {
    tenant_id: string;
    id: string;
    workflow_execution_id: string;
    workflow_step_id: string;
    step_index: number;
    sequence: number;
    status: 'pending' | 'awaiting_approval' | 'completed' | 'failed';
    output: Json<unknown> | null;
    error: string | null;
    started_at: Timestamp;
    executed_at: Timestamp | null;
  };
  workflow_approvals: {
    tenant_id: string;
    id: string;
    workflow_execution_id: string;
    workflow_definition_id: string;
    step_execution_id: string;
    workflow_step_id: string;
    status: ApprovalStatus;
    rule: Json<unknown>;
    deadline_at: Timestamp | null;
    escalation: Json<unknown> | null;
    escalated_at: Timestamp | null;
    closed_reason: string | null;
    closed_by: string | null;
    closed_comment: ColumnType<string | null, string | null | undefined, string | null>;
    closed_at: Timestamp | null;
    created_at: Timestamp;
  };
  workflow_approval_approvers: {
    tenant_id: string;
    approval_id: string;
    approver_id: string;
    added_at: Timestamp;
  };
  workflow_approval_decisions: {
    tenant_id: string;
    id: string;
    approval_id: string;
    approver_id: string;
    decision: 'approve' | 'reject';
    comment: string | null;
    decided_at: Timestamp;
  };
  workflow_approval_comments: {
    tenant_id: string;
    id: string;
    approval_id: string;
    author_type: 'user' | 'agent' | 'system';
    author_id: string | null;
    body: string;
    proposal_id: string | null;
    created_at: Timestamp;
  };
};

export type DefinitionRow = Selectable<WorkflowTables['workflow_definitions']>;
export type StepRow = Selectable<WorkflowTables['workflow_steps']>;
export type ExecutionRow = Selectable<WorkflowTables['workflow_executions']>;
export type StepExecutionRow = Selectable<WorkflowTables['workflow_step_executions']>;
export type ApprovalRow = Selectable<WorkflowTables['workflow_approvals']>;
export type DecisionRow = Selectable<WorkflowTables['workflow_approval_decisions']>;
export type ApprovalCommentRow = Selectable<WorkflowTables['workflow_approval_comments']>;

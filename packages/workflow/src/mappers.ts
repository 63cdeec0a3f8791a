import type {
  Approval,
  ApprovalRule,
  StepExecution,
  StepType,
  WorkflowDefinition,
  WorkflowExecution,
  WorkflowStep,
} from './schemas.js';
import type {
  ApprovalCommentRow,
  ApprovalRow,
  DecisionRow,
  DefinitionRow,
  ExecutionRow,
  StepExecutionRow,
  StepRow,
} from './tables.js';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export const toDefinition = (row: DefinitionRow): WorkflowDefinition => ({
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  description: row.description,
  triggerType: row.trigger_type,
  triggerConfig: row.trigger_config,
  version: row.version,
  status: row.status,
  changeId: row.change_id,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const toStep = (row: StepRow): WorkflowStep =>
  ({
    id: row.id,
    workflowDefinitionId: row.workflow_definition_id,
    stepType: row.step_type,
    name: row.name,
    config: row.config,
    orderIndex: row.order_index,
    createdAt: row.created_at.toISOString(),
  }) as WorkflowStep;

export const toExecution = (row: ExecutionRow): WorkflowExecution => ({
  id: row.id,
  workflowDefinitionId: row.workflow_definition_id,
  definitionVersion: row.definition_version,
  intentId: row.intent_id,
  status: row.status,
  input: row.input,
  accumulatedInput: row.accumulated_input,
  currentStepIndex: row.current_step_index,
  pausedAtStepId: row.paused_at_step_id,
  error: row.error,
  recordId: row.record_id,
  startedBy: row.started_by,
  startedAt: row.started_at.toISOString(),
  completedAt: iso(row.completed_at),
  version: row.version,
});

export const toStepExecution = (row: StepExecutionRow, stepType: StepType): StepExecution => ({
  id: row.id,
  workflowExecutionId: row.workflow_execution_id,
  workflowStepId: row.workflow_step_id,
  stepType,
  stepIndex: row.step_index,
  sequence: row.sequence,
  status: row.status,
  output: row.output ?? null,
  error: row.error,
  startedAt: row.started_at.toISOString(),
  executedAt: iso(row.executed_at),
});

export const toApproval = (
  row: ApprovalRow,
  approvers: string[],
  decisions: DecisionRow[],
  comments: ApprovalCommentRow[],
): Approval => ({
  id: row.id,
  workflowExecutionId: row.workflow_execution_id,
  workflowDefinitionId: row.workflow_definition_id,
  workflowStepId: row.workflow_step_id,
  stepExecutionId: row.step_execution_id,
  status: row.status,
  rule: row.rule as ApprovalRule,
  approvers,
  decisions: decisions.map((d) => ({
    approverId: d.approver_id,
    decision: d.decision,
    comment: d.comment,
    decidedAt: d.decided_at.toISOString(),
  })),
  comments: comments.map((c) => ({
    id: c.id,
    authorType: c.author_type,
    authorId: c.author_id,
    body: c.body,
    proposalId: c.proposal_id,
    createdAt: c.created_at.toISOString(),
  })),
  deadlineAt: iso(row.deadline_at),
  escalatedAt: iso(row.escalated_at),
  closedReason: row.closed_reason,
  closedBy: row.closed_by,
  closedComment: row.closed_comment,
  closedAt: iso(row.closed_at),
  createdAt: row.created_at.toISOString(),
});

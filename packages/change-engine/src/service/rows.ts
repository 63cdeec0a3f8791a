import type { AgentRun, Change, ChangeEvent, PatchOp, Snapshot, Target, Workspace } from '../schemas.js';
import type {
  AgentRunRow,
  ChangeEventRow,
  ChangeRow,
  OpRow,
  SnapshotRow,
  TargetRow,
  WorkspaceRow,
} from '../tables.js';

/** Rows of the change engine's tables as the API shows them. */

export const toChange = (row: ChangeRow): Change => ({
  id: row.id,
  projectId: row.project_id,
  title: row.title,
  description: row.description,
  moduleId: row.module_id,
  environmentId: row.environment_id,
  status: row.status,
  revertsChangeId: row.reverts_change_id,
  validationErrors: (row.validation_errors as Change['validationErrors']) ?? null,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  mergedAt: row.merged_at ? row.merged_at.toISOString() : null,
});

export const toTarget = (row: TargetRow): Target => ({
  id: row.id,
  changeId: row.change_id,
  projectId: row.project_id,
  type: row.type,
  selector: row.selector,
  createdAt: row.created_at.toISOString(),
});

export const toOp = (row: OpRow): PatchOp => ({
  id: row.id,
  changeId: row.change_id,
  targetId: row.target_id,
  opType: row.op_type,
  payload: row.payload,
  executedAt: row.executed_at ? row.executed_at.toISOString() : null,
  previousSnapshot: row.previous_snapshot ?? null,
  createdAt: row.created_at.toISOString(),
});

export const toEvent = (row: ChangeEventRow): ChangeEvent => ({
  id: row.id,
  eventType: row.event_type,
  payload: row.payload,
  actorType: row.actor_type,
  actorId: row.actor_id,
  createdAt: row.created_at.toISOString(),
});

export const toSnapshot = (row: SnapshotRow): Snapshot => ({
  id: row.id,
  changeId: row.change_id,
  projectId: row.project_id,
  recordTypeKey: row.record_type_key,
  schema: row.schema,
  createdAt: row.created_at.toISOString(),
});

export const toWorkspace = (row: WorkspaceRow): Workspace => ({
  id: row.id,
  changeId: row.change_id,
  containerId: row.container_id,
  previewUrl: row.preview_url,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const toAgentRun = (row: AgentRunRow): AgentRun => ({
  id: row.id,
  changeId: row.change_id,
  agentId: row.agent_id,
  intent: row.intent,
  skillsUsed: row.skills_used,
  logs: row.logs as AgentRun['logs'],
  status: row.status,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  endedAt: row.ended_at ? row.ended_at.toISOString() : null,
});

import type { RecordsTables } from '@ec3l/records';
import type { ColumnType, Selectable } from 'kysely';
import type { AgentRunStatus } from './core/agent-runs.js';
import type { ChangeStatus } from './core/lifecycle.js';
import type { OpType } from './core/ops.js';
import type { ProposalStatus, ProposalType } from './core/proposals.js';
import type { TargetType } from './core/selectors.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type ChangeEngineTables = {
  change_records: {
    tenant_id: string;
    id: string;
    project_id: string;
    title: string;
    description: string | null;
    base_sha: string | null;
    module_path: string | null;
    module_id: string | null;
    status: ChangeStatus;
    branch_name: string | null;
    environment_id: string | null;
    reverts_change_id: string | null;
    validation_errors: Json<unknown> | null;
    merge_diff: Json<unknown> | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    merged_at: Date | null;
  };
  change_targets: {
    tenant_id: string;
    id: string;
    project_id: string;
    change_id: string;
    type: TargetType;
    selector: Json<Record<string, unknown>>;
    created_at: Timestamp;
  };
  change_patch_ops: {
    tenant_id: string;
    id: string;
    change_id: string;
    target_id: string;
    op_type: OpType;
    payload: Json<Record<string, unknown>>;
    previous_snapshot: Json<unknown> | null;
    executed_at: Date | null;
    seq: ColumnType<string, never, never>;
    created_at: Timestamp;
  };
  change_events: {
    tenant_id: string;
    id: string;
    project_id: string;
    change_id: string;
    event_type: string;
    payload: Json<Record<string, unknown>>;
    actor_type: 'user' | 'agent' | 'system';
    actor_id: string | null;
    seq: ColumnType<string, never, never>;
    created_at: Timestamp;
  };
  workspaces: {
    tenant_id: string;
    id: string;
    change_id: string;
    container_id: string | null;
    preview_url: string | null;
    status: 'Pending' | 'Running' | 'Stopped' | 'Failed';
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  agent_runs: {
    tenant_id: string;
    id: string;
    change_id: string;
    agent_id: string | null;
    intent: string;
    skills_used: Json<string[]>;
    logs: Json<unknown[]>;
    status: AgentRunStatus;
    created_at: Timestamp;
    updated_at: Timestamp;
    ended_at: Date | null;
  };
  agent_proposals: {
    tenant_id: string;
    id: string;
    change_id: string | null;
    agent_id: string | null;
    created_by: string | null;
    proposal_type: ProposalType;
    target_ref: string;
    payload: Json<Record<string, unknown>>;
    summary: string;
    status: ProposalStatus;
    submitted_by: string | null;
    submitted_at: Date | null;
    reviewed_by: string | null;
    review_comment: string | null;
    reviewed_at: Date | null;
    applied_kind: string | null;
    applied_id: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  agent_skills: {
    tenant_id: string;
    id: string;
    name: string;
    description: string | null;
    input_schema: Json<Record<string, unknown>>;
    status: 'active' | 'disabled';
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  record_type_snapshots: {
    tenant_id: string;
    id: string;
    project_id: string;
    record_type_key: string;
    change_id: string;
    schema: Json<unknown>;
    created_at: Timestamp;
  };
};

/**
 * The tables the change engine's handle sees: its own and the data dictionary's, which a merge reads
 * and writes through the records port (`recordsPort`, `recordsLockPort`) in the same transaction.
 */
export type ChangeEngineDatabase = ChangeEngineTables & RecordsTables;

export type ChangeRow = Selectable<ChangeEngineTables['change_records']>;
export type TargetRow = Selectable<ChangeEngineTables['change_targets']>;
export type OpRow = Selectable<ChangeEngineTables['change_patch_ops']>;
export type ChangeEventRow = Selectable<ChangeEngineTables['change_events']>;
export type SnapshotRow = Selectable<ChangeEngineTables['record_type_snapshots']>;
export type WorkspaceRow = Selectable<ChangeEngineTables['workspaces']>;
export type AgentRunRow = Selectable<ChangeEngineTables['agent_runs']>;
export type ProposalRow = Selectable<ChangeEngineTables['agent_proposals']>;
export type SkillRow = Selectable<ChangeEngineTables['agent_skills']>;

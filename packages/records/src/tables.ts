import type { ColumnType, Selectable } from 'kysely';
import type { FieldType, RecordTypeStatus } from './core/fields.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type StoredSchema = { fields: import('./core/fields.js').FieldDefinition[] };

export type RecordsTables = RecordTimerTables & {
  choice_lists: {
    tenant_id: string;
    id: string;
    name: string;
    status: 'active' | 'disabled';
    created_at: Timestamp;
  };
  choice_items: {
    tenant_id: string;
    id: string;
    choice_list_id: string;
    value: string;
    label: string;
    order_index: number;
    is_active: boolean;
  };
  record_types: {
    tenant_id: string;
    id: string;
    project_id: string;
    key: string;
    name: string;
    base_type: string | null;
    schema: Json<StoredSchema>;
    assignment_config: Json<unknown> | null;
    sla_config: Json<unknown> | null;
    version: ColumnType<number, number | undefined, number>;
    status: RecordTypeStatus;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  field_definitions: {
    tenant_id: string;
    id: string;
    record_type_id: string;
    name: string;
    label: string | null;
    field_type: FieldType;
    is_required: boolean;
    default_value: Json<unknown> | null;
    choice_list_id: string | null;
    reference_record_type_key: string | null;
    order_index: number;
  };
  record_instances: {
    tenant_id: string;
    id: string;
    record_type_id: string;
    /** Values by field storage key (see core/values.ts). */
    data: Json<Record<string, unknown>>;
    version: ColumnType<number, number | undefined, number>;
    created_by: string | null;
    assigned_to: string | null;
    assigned_group: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
};

export type RecordTypeRow = Selectable<RecordsTables['record_types']>;
export type ChoiceListRow = Selectable<RecordsTables['choice_lists']>;
export type ChoiceItemRow = Selectable<RecordsTables['choice_items']>;
export type RecordInstanceRow = Selectable<RecordsTables['record_instances']>;

/** SLA timers and record locks (migrations 0004, 0005). */
type RecordTimerTables = {
  record_timers: {
    tenant_id: string;
    id: string;
    record_id: string;
    type: 'sla';
    status: TimerRowStatus;
    due_at: Timestamp;
    warn_at: Timestamp | null;
    warned_at: Timestamp | null;
    paused_at: Timestamp | null;
    paused_ms: ColumnType<string, number, number>;
    breached_at: Timestamp | null;
    completed_at: Timestamp | null;
    state: Json<unknown>;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  record_locks: {
    tenant_id: string;
    id: string;
    record_type_id: string;
    record_id: string;
    locked_by: string;
    workflow_execution_id: string | null;
    reason: string | null;
    created_at: Timestamp;
  };
};

export type TimerRowStatus = 'pending' | 'paused' | 'breached' | 'completed';
export type RecordTimerRow = Selectable<RecordsTables['record_timers']>;
export type RecordLockRow = Selectable<RecordsTables['record_locks']>;

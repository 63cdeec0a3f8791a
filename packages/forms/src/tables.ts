import type { RecordsTables } from '@ec3l/records';
import type { ColumnType, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Generated<T> = ColumnType<T, T | undefined, T>;

type FormStatus = 'draft' | 'active' | 'retired';

/** The forms tables, beside the records tables they refer to (record types are read by name). */
export type FormsTables = RecordsTables & {
  form_definitions: {
    tenant_id: string;
    id: string;
    record_type_id: string;
    name: string;
    description: string | null;
    version: Generated<number>;
    status: Generated<FormStatus>;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  form_sections: {
    tenant_id: string;
    id: string;
    form_definition_id: string;
    title: string;
    order_index: number;
  };
  form_field_placements: {
    tenant_id: string;
    id: string;
    form_definition_id: string;
    form_section_id: string;
    field_name: string;
    column: Generated<number>;
    order_index: number;
  };
  form_behavior_rules: {
    tenant_id: string;
    id: string;
    form_definition_id: string;
    rule_type: 'visible' | 'required' | 'readOnly';
    target_field: string;
    condition: Json<unknown> | null;
    value: boolean;
    order_index: number;
    status: Generated<'active' | 'disabled'>;
    created_at: Timestamp;
  };
  form_overrides: {
    tenant_id: string;
    id: string;
    form_definition_id: string;
    version: number;
    ops: Json<unknown>;
    summary: string | null;
    status: Generated<FormStatus>;
    source_kind: 'human' | 'proposal' | 'vibe';
    source_id: string | null;
    created_by: string | null;
    created_at: Timestamp;
    activated_at: Date | null;
    retired_at: Date | null;
  };
};

export type DefinitionRow = Selectable<FormsTables['form_definitions']>;
export type SectionRow = Selectable<FormsTables['form_sections']>;
export type PlacementRow = Selectable<FormsTables['form_field_placements']>;
export type RuleRow = Selectable<FormsTables['form_behavior_rules']>;
export type OverrideRow = Selectable<FormsTables['form_overrides']>;

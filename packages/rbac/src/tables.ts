import type { ColumnType, Selectable } from 'kysely';
import type { ResourceType } from './core/catalog.js';

export type RoleHolderType = 'user' | 'agent';

/** decision: on a write; read: on a read-only request; change: an access-control change itself. */
export type AuditKind = 'decision' | 'read' | 'change';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type RbacTables = {
  rbac_grant_versions: { tenant_id: string; version: ColumnType<string, string | number, string | number> };
  rbac_permissions: { id: ColumnType<string, string | undefined, never>; name: string; description: string };
  rbac_roles: {
    tenant_id: string;
    id: string;
    name: string;
    description: string | null;
    status: 'active' | 'disabled';
    created_at: CreatedAt;
  };
  rbac_role_permissions: { tenant_id: string; role_id: string; permission_id: string };
  rbac_user_roles: {
    tenant_id: string;
    /** Who holds the role: a user or an agent (ids of the two never mix). */
    holder_type: ColumnType<RoleHolderType, RoleHolderType | undefined, never>;
    user_id: string;
    role_id: string;
    created_at: CreatedAt;
  };
  rbac_policies: {
    tenant_id: string;
    id: string;
    role_id: string;
    resource_type: ResourceType;
    resource_id: string | null;
    effect: 'allow' | 'deny';
    created_at: CreatedAt;
  };
  rbac_audit_logs: {
    tenant_id: string;
    id: string;
    actor_type: 'user' | 'agent' | 'system';
    actor_id: string | null;
    permission: string;
    resource_type: string | null;
    resource_id: string | null;
    outcome: 'allow' | 'deny';
    reason: string;
    timestamp: Date;
    kind: AuditKind;
  };
};

export type RoleRow = Selectable<RbacTables['rbac_roles']>;
export type PolicyRow = Selectable<RbacTables['rbac_policies']>;
export type AuditLogRow = Selectable<RbacTables['rbac_audit_logs']>;
export type PermissionRow = Selectable<RbacTables['rbac_permissions']>;

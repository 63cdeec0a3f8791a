import { Name, Nullable, Text, Uuid } from '@ec3l/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { PERMISSION_NAMES, RESOURCE_TYPES } from './core/catalog.js';

const Timestamp = Type.String({ format: 'date-time' });

export const USER_ID_PATTERN = '^[A-Za-z0-9._:@-]{1,200}$';

export const PermissionSchema = Type.Object(
  { id: Uuid(), name: Type.String(), description: Type.String() },
  { $id: 'Permission' },
);
export type Permission = Static<typeof PermissionSchema>;

export const RoleSchema = Type.Object(
  {
    id: Uuid(),
    name: Type.String(),
    description: Nullable(Type.String()),
    status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    permissions: Type.Array(Type.String(), { description: 'Names of the permissions the role grants' }),
    createdAt: Timestamp,
  },
  { $id: 'Role' },
);
export type Role = Static<typeof RoleSchema>;

export const CreateRoleBodySchema = Type.Object(
  {
    name: Name({ maxLength: 100, description: 'Unique within the tenant' }),
    description: Type.Optional(Nullable(Text({ maxLength: 500 }))),
    permissions: Type.Optional(
      Type.Array(Type.Union(PERMISSION_NAMES.map((p) => Type.Literal(p))), { uniqueItems: true }),
    ),
  },
  { $id: 'CreateRoleBody', additionalProperties: false },
);
export type CreateRoleBody = Static<typeof CreateRoleBodySchema>;

export const AddRolePermissionBodySchema = Type.Object(
  {
    permissionId: Text({
      minLength: 1,
      maxLength: 200,
      description: "The permission's id or its name, e.g. change.approve",
    }),
  },
  { $id: 'AddRolePermissionBody', additionalProperties: false },
);

export const UserRoleSchema = Type.Object(
  {
    userId: Type.String(),
    roleId: Uuid(),
    roleName: Type.String(),
    roleStatus: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    assignedAt: Timestamp,
  },
  { $id: 'UserRole' },
);
export type UserRole = Static<typeof UserRoleSchema>;

export const AgentRoleSchema = Type.Object(
  {
    agentId: Type.String(),
    roleId: Uuid(),
    roleName: Type.String(),
    roleStatus: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
    assignedAt: Timestamp,
  },
  { $id: 'AgentRole' },
);
export type AgentRole = Static<typeof AgentRoleSchema>;

export const AssignRoleBodySchema = Type.Object(
  { roleId: Uuid() },
  { $id: 'AssignRoleBody', additionalProperties: false },
);

const ResourceTypeSchema = Type.Union(RESOURCE_TYPES.map((t) => Type.Literal(t)));

export const PolicySchema = Type.Object(
  {
    id: Uuid(),
    roleId: Uuid(),
    roleName: Type.String(),
    resourceType: ResourceTypeSchema,
    resourceId: Nullable(Type.String({ description: 'null: every resource of the type' })),
    effect: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
    createdAt: Timestamp,
  },
  { $id: 'Policy' },
);
export type Policy = Static<typeof PolicySchema>;

export const CreatePolicyBodySchema = Type.Object(
  {
    roleId: Uuid(),
    resourceType: ResourceTypeSchema,
    resourceId: Type.Optional(Nullable(Text({ minLength: 1, maxLength: 200 }))),
    effect: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
  },
  { $id: 'CreatePolicyBody', additionalProperties: false },
);
export type CreatePolicyBody = Static<typeof CreatePolicyBodySchema>;

export const AuditLogSchema = Type.Object(
  {
    id: Uuid(),
    actorType: Type.Union([Type.Literal('user'), Type.Literal('agent'), Type.Literal('system')]),
    actorId: Nullable(Type.String()),
    permission: Type.String(),
    resourceType: Nullable(Type.String()),
    resourceId: Nullable(Type.String()),
    outcome: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
    reason: Type.String(),
    kind: Type.Union([Type.Literal('decision'), Type.Literal('read'), Type.Literal('change')], {
      description:
        'decision: an authorization decision on a write; read: one on a read-only request (allows are ' +
        'hidden unless includeReads=true); change: an access-control change (role, permission, assignment, ' +
        'policy), whose permission field names the action, e.g. role.disable',
    }),
    timestamp: Timestamp,
  },
  { $id: 'AuditLog' },
);
export type AuditLog = Static<typeof AuditLogSchema>;

const DecisionRuleSchema = Type.Object(
  {
    kind: Type.Union(
      [
        'system',
        'agent_guard',
        'anonymous',
        'deny_policy',
        'role_permission',
        'allow_policy',
        'no_grant',
      ].map((k) => Type.Literal(k)),
    ),
    roleId: Type.Optional(Type.String()),
    roleName: Type.Optional(Type.String()),
    policyId: Type.Optional(Type.String()),
  },
  { description: 'The rule that produced the decision' },
);

export const ExplanationSchema = Type.Object(
  {
    userId: Type.String(),
    permission: Type.String(),
    resourceType: Nullable(Type.String()),
    resourceId: Nullable(Type.String()),
    outcome: Type.Union([Type.Literal('allow'), Type.Literal('deny')]),
    code: Nullable(Type.String()),
    reason: Type.String(),
    rule: DecisionRuleSchema,
  },
  { $id: 'Explanation' },
);
export type Explanation = Static<typeof ExplanationSchema>;

export const MeSchema = Type.Object(
  {
    actorType: Type.Union([Type.Literal('user'), Type.Literal('agent'), Type.Literal('anonymous')]),
    actorId: Nullable(Type.String()),
    roles: Type.Array(Type.Object({ id: Uuid(), name: Type.String(), status: Type.String() })),
    permissions: Type.Array(Type.String(), { description: 'Effective permissions (active roles only)' }),
    agentForbidden: Type.Array(Type.String(), {
      description: 'Actions refused to agents whatever their roles',
    }),
  },
  { $id: 'Me' },
);
export type Me = Static<typeof MeSchema>;

export {
  ADMIN_ACCESS,
  AGENT_GUARDED_ACTIONS,
  type AgentGuardedAction,
  DEFAULT_ROLES,
  isAgentGuarded,
  isPermissionName,
  PERMISSION_NAMES,
  PERMISSIONS,
  type PermissionName,
  RESOURCE_TYPES,
  type ResourceType,
} from './core/catalog.js';
export {
  type Decision,
  type DecisionRule,
  decide,
  effectivePermissions,
  type GrantedPolicy,
  type GrantedRole,
  type Grants,
  type Resource,
} from './core/decide.js';
export { rbacMigrations } from './migrations/index.js';
export type { AuditFilter, RoleHolder } from './repo/scoped.js';
export * from './schemas.js';
export { createRbacService, LAST_ADMIN_MESSAGE, type RbacDeps, type RbacService } from './service.js';
export type { RbacTables } from './tables.js';

export {
  isAgentGuarded,
  PERMISSION_NAMES,
  type PermissionName,
  RESOURCE_TYPES,
} from './core/catalog.js';
export type { Resource } from './core/decide.js';
export { rbacMigrations } from './migrations/index.js';

export * from './schemas.js';
export { createRbacService, type RbacService } from './service.js';

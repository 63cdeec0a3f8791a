export { workflowMigrations } from './migrations/index.js';

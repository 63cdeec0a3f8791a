import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_definitions.js';
import * as m0002 from './0002_executions.js';

export const workflowMigrations: MigrationModule = {
  name: 'workflow',
  rank: 600,
  migrations: { '0001_definitions': m0001, '0002_executions': m0002 },
};

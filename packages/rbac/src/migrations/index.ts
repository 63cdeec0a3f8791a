import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_grant_versions.js';
import * as m0003 from './0003_row_level_security.js';

export const rbacMigrations: MigrationModule = {
  name: 'rbac',
  rank: 200,
  migrations: { '0001_init': m0001, '0002_grant_versions': m0002, '0003_row_level_security': m0003 },
};

import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_row_level_security.js';

export const tenancyMigrations: MigrationModule = {
  name: 'tenancy',
  rank: 100,
  migrations: { '0001_init': m0001, '0002_row_level_security': m0002 },
};

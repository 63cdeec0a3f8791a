import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_init.js';

export const changeEngineMigrations: MigrationModule = {
  name: 'change-engine',
  rank: 500,
  migrations: { '0001_init': m0001 },
};

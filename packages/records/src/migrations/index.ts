import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_init.js';

export const recordsMigrations: MigrationModule = {
  name: 'records',
  rank: 300,
  migrations: { '0001_init': m0001 },
};

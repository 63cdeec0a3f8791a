import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_apps.js';

export const appsMigrations: MigrationModule = {
  name: 'apps',
  rank: 1000,
  migrations: {
    '0001_apps': m0001,
  },
};

import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_row_level_security.js';
import * as m0003 from './0003_record_instances.js';
import * as m0004 from './0004_record_timers.js';
import * as m0005 from './0005_record_locks.js';

export const recordsMigrations: MigrationModule = {
  name: 'records',
  rank: 300,
  migrations: {
    '0001_init': m0001,
    '0002_row_level_security': m0002,
    '0003_record_instances': m0003,
    '0004_record_timers': m0004,
    '0005_record_locks': m0005,
  },
};

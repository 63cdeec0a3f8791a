import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_vibe.js';

export const vibeMigrations: MigrationModule = {
  name: 'vibe',
  rank: 1100,
  migrations: {
    '0001_vibe': m0001,
  },
};

import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_forms.js';

export const formsMigrations: MigrationModule = {
  name: 'forms',
  rank: 900,
  migrations: {
    '0001_forms': m0001,
  },
};

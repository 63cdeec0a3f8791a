import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_promotion.js';

export const promotionMigrations: MigrationModule = {
  name: 'promotion',
  rank: 800,
  migrations: {
    '0001_promotion': m0001,
  },
};

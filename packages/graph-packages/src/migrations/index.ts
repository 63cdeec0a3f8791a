import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_package_installs.js';
import * as m0002 from './0002_install_previous_objects.js';

export const graphPackagesMigrations: MigrationModule = {
  name: 'graph-packages',
  rank: 700,
  migrations: {
    '0001_package_installs': m0001,
    '0002_install_previous_objects': m0002,
  },
};

import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_grant_versions.js';
import * as m0003 from './0003_write_permissions.js';
import * as m0004 from './0004_agent_roles_and_audit_kinds.js';
import * as m0005 from './0005_row_level_security.js';
import * as m0006 from './0006_runtime_permissions.js';
import * as m0007 from './0007_package_permissions.js';
import * as m0008 from './0008_app_agent_vibe_permissions.js';

export const rbacMigrations: MigrationModule = {
  name: 'rbac',
  rank: 200,
  migrations: {
    '0001_init': m0001,
    '0002_grant_versions': m0002,
    '0003_write_permissions': m0003,
    '0004_agent_roles_and_audit_kinds': m0004,
    '0005_row_level_security': m0005,
    '0006_runtime_permissions': m0006,
    '0007_package_permissions': m0007,
    '0008_app_agent_vibe_permissions': m0008,
  },
};

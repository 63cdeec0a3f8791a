import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_init.js';
import * as m0002 from './0002_workspaces_agent_runs.js';
import * as m0003 from './0003_change_indexes.js';
import * as m0004 from './0004_row_level_security.js';
import * as m0005 from './0005_dry_run_events.js';
import * as m0006 from './0006_config_ops.js';
import * as m0007 from './0007_agent_proposals.js';
import * as m0008 from './0008_agent_skills.js';
import * as m0009 from './0009_agent_run_progress.js';
import * as m0010 from './0010_revert_index.js';

export const changeEngineMigrations: MigrationModule = {
  name: 'change-engine',
  rank: 500,
  migrations: {
    '0001_init': m0001,
    '0002_workspaces_agent_runs': m0002,
    '0003_change_indexes': m0003,
    '0004_row_level_security': m0004,
    '0005_dry_run_events': m0005,
    '0006_config_ops': m0006,
    '0007_agent_proposals': m0007,
    '0008_agent_skills': m0008,
    '0009_agent_run_progress': m0009,
    '0010_revert_index': m0010,
  },
};

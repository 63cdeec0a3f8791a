import type { MigrationModule } from '@ec3l/db';
import * as m0001 from './0001_definitions.js';
import * as m0002 from './0002_executions.js';
import * as m0003 from './0003_triggers_intents.js';
import * as m0004 from './0004_approval_closing_comment.js';
import * as m0005 from './0005_approval_comments.js';

export const workflowMigrations: MigrationModule = {
  name: 'workflow',
  rank: 600,
  migrations: {
    '0001_definitions': m0001,
    '0002_executions': m0002,
    '0003_triggers_intents': m0003,
    '0004_approval_closing_comment': m0004,
    '0005_approval_comments': m0005,
  },
};

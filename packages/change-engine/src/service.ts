import { changeRecords } from './service/changes.js';
import { type ChangeEngineDeps, changeServiceContext } from './service/context.js';
import { executor } from './service/executor.js';
import { snapshotsAndRevert } from './service/revert.js';
import { targetsAndOps } from './service/targets-ops.js';
import { workspacesAndRuns } from './service/workspaces.js';

/**
 * Change records, their targets and ops, the three-phase executor, exact revert, workspaces and agent
 * runs: one service composed of its parts (`src/service/`), which share the dependencies and the
 * change's common writes (`changeServiceContext`).
 */
export const createChangeService = (deps: ChangeEngineDeps) => {
  const context = changeServiceContext(deps);
  return {
    ...changeRecords(context),
    ...targetsAndOps(context),
    ...executor(context),
    ...snapshotsAndRevert(context),
    ...workspacesAndRuns(context),
  };
};

export type ChangeService = ReturnType<typeof createChangeService>;

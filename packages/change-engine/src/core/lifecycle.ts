/** Change record statuses (reference section 3). */
export const CHANGE_STATUSES = [
  'Draft',
  'Implementing',
  'WorkspaceRunning',
  'Validating',
  'ValidationFailed',
  'Ready',
  'Merged',
] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** Targets are declared while drafting only. */
export const canAddTargets = (status: ChangeStatus): boolean => status === 'Draft';

/** Ops may be added or removed while the change is being worked on (reference section 5). */
export const canEditOps = (status: ChangeStatus): boolean =>
  status === 'Draft' ||
  status === 'Implementing' ||
  status === 'WorkspaceRunning' ||
  status === 'ValidationFailed';

/**
 * Moves the status route may make. Ready and Merged are reached only through checkin and merge;
 * Merged is terminal (E1).
 */
const MANUAL_TRANSITIONS: Readonly<Record<ChangeStatus, readonly ChangeStatus[]>> = {
  Draft: ['Implementing'],
  Implementing: ['WorkspaceRunning', 'Draft'],
  WorkspaceRunning: ['Implementing'],
  Validating: ['Implementing'],
  ValidationFailed: ['Implementing'],
  Ready: ['Implementing'],
  Merged: [],
};

/** Why a manual move from one status to another is refused, or null when it is allowed. */
export const refuseManualTransition = (from: ChangeStatus, to: ChangeStatus): string | null => {
  if (from === 'Merged') return 'a merged change is immutable';
  if (to === 'Ready') return 'a change becomes Ready only by checking it in (POST /api/changes/:id/checkin)';
  if (to === 'Merged') return 'a change is Merged only by merging it (POST /api/changes/:id/merge)';
  if (from === to) return `the change is already ${to}`;
  return MANUAL_TRANSITIONS[from].includes(to) ? null : `a ${from} change cannot move to ${to}`;
};

/** Checkin validates from these states. */
export const canCheckin = (status: ChangeStatus): boolean =>
  status === 'Draft' ||
  status === 'Implementing' ||
  status === 'WorkspaceRunning' ||
  status === 'ValidationFailed';

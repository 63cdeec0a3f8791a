import type { Schemas } from '@ec3l/sdk';
import { type GraphDiff, summaryCounts } from './diff';
import { type ActionGate, ALLOWED } from './permissions';

/**
 * Change records: which actions a change's state allows (mirroring the change engine's lifecycle, so a
 * button is offered only when the API would accept it), status names and the timeline (pure, no DOM).
 */

export type Change = Schemas['Change'];
export type ChangeStatus = Change['status'];
export type ChangeEvent = Schemas['ChangeEvent'];
export type ExecutionError = Schemas['ExecutionError'];

export const CHANGE_STATUSES: readonly ChangeStatus[] = [
  'Draft',
  'Implementing',
  'WorkspaceRunning',
  'Validating',
  'ValidationFailed',
  'Ready',
  'Merged',
];

export const isChangeStatus = (value: string): value is ChangeStatus =>
  (CHANGE_STATUSES as readonly string[]).includes(value);

const LABELS: Partial<Record<ChangeStatus, string>> = {
  WorkspaceRunning: 'Workspace running',
  ValidationFailed: 'Validation failed',
};

/** `ValidationFailed` → `Validation failed`. */
export const statusLabel = (status: ChangeStatus): string => LABELS[status] ?? status;

export type StatusTone = 'neutral' | 'sky' | 'amber' | 'rose' | 'indigo' | 'emerald';

export const STATUS_TONES: Record<ChangeStatus, StatusTone> = {
  Draft: 'neutral',
  Implementing: 'sky',
  WorkspaceRunning: 'sky',
  Validating: 'amber',
  ValidationFailed: 'rose',
  Ready: 'indigo',
  Merged: 'emerald',
};

type ChangeActionKey =
  | 'dryRun'
  | 'checkin'
  | 'merge'
  | 'revert'
  | 'toImplementing'
  | 'toDraft'
  | 'addTarget'
  | 'editOps';

export type ChangeActions = Record<ChangeActionKey, ActionGate>;

const allow: ActionGate = { allowed: true, reason: undefined };
const refuse = (reason: string): ActionGate => ({ allowed: false, reason });

const MERGED = 'A merged change is final; revert it to undo it';
const CHECKIN_FROM: readonly ChangeStatus[] = [
  'Draft',
  'Implementing',
  'WorkspaceRunning',
  'ValidationFailed',
];
const OPS_EDITABLE: readonly ChangeStatus[] = [
  'Draft',
  'Implementing',
  'WorkspaceRunning',
  'ValidationFailed',
];
const TO_IMPLEMENTING_FROM: readonly ChangeStatus[] = [
  'Draft',
  'WorkspaceRunning',
  'Validating',
  'ValidationFailed',
  'Ready',
];

/**
 * Each action on a change, allowed or refused with the sentence its button shows. State comes first (what
 * the change engine would refuse with 409), then the actor's permissions: `approve` (change.approve) for
 * checkin and merge, `edit` (change.edit, allowed when not given) for every other action; then an empty
 * change (a check-in or dry run without ops can only fail; `opCount` null: not loaded yet). Revert also
 * needs `openRevert` false: a merged change with an open (unmerged) revert cannot be reverted again
 * (null: not known yet).
 */
export const changeActions = (
  status: ChangeStatus,
  {
    approve,
    edit = ALLOWED,
    opCount,
    openRevert = false,
  }: { approve: ActionGate; edit?: ActionGate; opCount: number | null; openRevert?: boolean | null },
): ChangeActions => {
  const merged = status === 'Merged';
  const noOps =
    opCount === null
      ? refuse('Loading the patch ops…')
      : opCount === 0
        ? refuse('Add a patch op first: there is nothing to execute')
        : allow;
  const editThen = (gate: ActionGate): ActionGate => (edit.allowed ? gate : edit);

  const dryRun = merged ? refuse('A merged change has run; its diff is shown below') : editThen(noOps);

  let checkin: ActionGate;
  if (merged) checkin = refuse(MERGED);
  else if (status === 'Ready') checkin = refuse('Already checked in: the change is Ready to merge');
  else if (!CHECKIN_FROM.includes(status))
    checkin = refuse(`A ${statusLabel(status)} change cannot be checked in`);
  else if (!approve.allowed) checkin = approve;
  else checkin = noOps;

  let merge: ActionGate;
  if (merged) merge = refuse('Already merged');
  else if (status !== 'Ready') merge = refuse(`Only a Ready change can be merged: check it in first`);
  else merge = approve;

  let revert: ActionGate;
  if (!merged) revert = refuse('Only a merged change can be reverted');
  else if (openRevert === null) revert = refuse('Looking for an open revert of this change…');
  else if (openRevert) revert = refuse('A revert of this change is already open: finish or merge it');
  else revert = edit;

  let toImplementing: ActionGate;
  if (merged) toImplementing = refuse(MERGED);
  else if (status === 'Implementing') toImplementing = refuse('The change is already Implementing');
  else
    toImplementing = TO_IMPLEMENTING_FROM.includes(status) ? edit : refuse(`Not from ${statusLabel(status)}`);

  const toDraft =
    status === 'Implementing' ? edit : refuse('Only an Implementing change can go back to Draft');

  const addTarget =
    status === 'Draft'
      ? edit
      : refuse(
          merged
            ? 'Targets are declared while the change is Draft; this one is merged'
            : `Targets are declared while the change is Draft; this one is ${statusLabel(status)}`,
        );

  let editOps: ActionGate;
  if (OPS_EDITABLE.includes(status)) editOps = edit;
  else if (merged) editOps = refuse('A merged change is final: its ops have run');
  else if (status === 'Ready')
    editOps = refuse('The change is Ready: move it to Implementing to edit its ops');
  else editOps = refuse(`Ops cannot be edited while the change is ${statusLabel(status)}`);

  return { dryRun, checkin, merge, revert, toImplementing, toDraft, addTarget, editOps };
};

/**
 * True when one of `changes` reverts `changeId` and has not merged yet. Feed it the reverts of the change
 * (GET /api/changes?revertsChangeId=); a change naming another change is not counted.
 */
export const hasOpenRevert = (
  changeId: string,
  changes: readonly Pick<Change, 'revertsChangeId' | 'status'>[],
): boolean => changes.some((c) => c.revertsChangeId === changeId && c.status !== 'Merged');

/** Revert is offered at all only for a merged change known to have no open revert. */
export const revertOffered = (status: ChangeStatus, openRevert: boolean | null): boolean =>
  status === 'Merged' && openRevert === false;

const LIFECYCLE_STEPS = ['Draft', 'Implementing', 'Ready', 'Merged'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];
export type StepState = 'done' | 'current' | 'skipped' | 'upcoming';

/** Where each status sits on the main path; the side states (validation, workspace) sit on Implementing. */
const STEP_OF: Record<ChangeStatus, number> = {
  Draft: 0,
  Implementing: 1,
  WorkspaceRunning: 1,
  Validating: 1,
  ValidationFailed: 1,
  Ready: 2,
  Merged: 3,
};

/**
 * The lifecycle stepper: each step done, current, skipped or upcoming. A step before the current one is
 * done only when the recorded events show the change in it: a change checked in straight from Draft
 * never was Implementing, so that step is skipped. A merged change's last step is done. Without events
 * (not loaded), earlier steps count as done except Implementing, which needs an event.
 */
export const lifecycleSteps = (
  status: ChangeStatus,
  events: readonly Pick<ChangeEvent, 'eventType' | 'payload'>[] | undefined,
): { step: LifecycleStep; label: string; state: StepState; here: boolean }[] => {
  const current = STEP_OF[status];
  const visited = new Set<number>([0]);
  for (const event of events ?? []) {
    if (event.eventType !== 'change_status_changed') continue;
    const to = event.payload.to;
    if (typeof to === 'string' && isChangeStatus(to)) visited.add(STEP_OF[to]);
  }
  return LIFECYCLE_STEPS.map((step, index) => {
    const here = index === current;
    let state: StepState;
    if (here) state = status === 'Merged' ? 'done' : 'current';
    else if (index > current) state = 'upcoming';
    else state = visited.has(index) || (events === undefined && index !== 1) ? 'done' : 'skipped';
    const label = here && step !== status ? statusLabel(status) : step;
    return { step, label, state, here };
  });
};

/** One line of a change's timeline. */
export type TimelineEntry = {
  id: string;
  at: string;
  actor: string | null;
  title: string;
  detail?: string | undefined;
  tone: StatusTone;
};

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The change's timeline, oldest first. The gateway records no event for a change's creation (only for a
 * revert's), so a "Created" entry is made from the change itself when none says so. `describeOp` names an
 * op by id (ops deleted since are named by their type).
 */
const isSummary = (value: unknown): value is GraphDiff['summary'] =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((n) => typeof n === 'number' || n === undefined);

/** A recorded dry run: valid with its diff summary, or invalid with its error count and first error. */
const dryRunEntry = (p: Record<string, unknown>): Pick<TimelineEntry, 'tone' | 'title' | 'detail'> => {
  if (p.valid === true) {
    const counts = isSummary(p.summary) ? summaryCounts(p.summary) : [];
    return {
      tone: 'emerald',
      title: 'Dry run: valid',
      detail: counts.length > 0 ? counts.map((c) => c.label).join(', ') : 'No schema changes',
    };
  }
  const errors = Array.isArray(p.errors) ? p.errors : [];
  const first = errors[0] as { message?: unknown } | undefined;
  const n = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`;
  return {
    tone: 'rose',
    title: 'Dry run: invalid',
    detail: typeof first?.message === 'string' ? `${n}: ${first.message}` : n,
  };
};

export const timelineOf = (
  change: Pick<Change, 'id' | 'createdAt' | 'createdBy' | 'status'>,
  events: ChangeEvent[],
  describeOpById: (opId: string) => string | undefined,
): TimelineEntry[] => {
  const entries: TimelineEntry[] = events.map((event) => {
    const p = event.payload;
    const base = { id: event.id, at: event.createdAt, actor: event.actorId };
    switch (event.eventType) {
      case 'change_status_changed': {
        const to = str(p.to);
        const from = str(p.from);
        const tone = to && isChangeStatus(to) ? STATUS_TONES[to] : 'neutral';
        if (!from) {
          return {
            ...base,
            tone,
            title: `Created as ${to ?? 'Draft'}`,
            detail: str(p.reverts) ? 'To revert a merged change' : undefined,
          };
        }
        const label = (s: string) => (isChangeStatus(s) ? statusLabel(s) : s);
        return { ...base, tone, title: `${label(from)} → ${to ? label(to) : '?'}` };
      }
      case 'change_target_added': {
        const selector = p.selector as Record<string, unknown> | undefined;
        const key = str(selector?.recordTypeKey);
        return {
          ...base,
          tone: 'sky',
          title: 'Target added',
          detail: key ? `record type ${key}` : (str(p.type) ?? undefined),
        };
      }
      case 'patch_op_added': {
        const opId = str(p.opId);
        return {
          ...base,
          tone: 'indigo',
          title: 'Op added',
          detail: (opId && describeOpById(opId)) || str(p.opType) || undefined,
        };
      }
      case 'patch_op_deleted': {
        const opId = str(p.opId);
        return {
          ...base,
          tone: 'amber',
          title: 'Op deleted',
          detail: (opId && describeOpById(opId)) || undefined,
        };
      }
      case 'change_dry_run':
        return { ...base, ...dryRunEntry(p) };
      default:
        return { ...base, tone: 'neutral', title: event.eventType.replace(/_/g, ' ') };
    }
  });
  const created = events.some((e) => e.eventType === 'change_status_changed' && e.payload.from === null);
  if (!created) {
    entries.unshift({
      id: `${change.id}:created`,
      at: change.createdAt,
      actor: change.createdBy,
      title: 'Created as Draft',
      tone: 'neutral',
    });
  }
  return entries;
};

/** The errors of a dry run's or merge's 422 (`details.errors`), or null when the body is not one. */
export const executionErrorsOf = (details: unknown): ExecutionError[] | null => {
  if (typeof details !== 'object' || details === null) return null;
  const errors = (details as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return null;
  return errors.filter(
    (e): e is ExecutionError =>
      typeof e === 'object' && e !== null && typeof e.message === 'string' && typeof e.code === 'string',
  );
};

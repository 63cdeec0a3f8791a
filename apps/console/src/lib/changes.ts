import type { Schemas } from '@ec3l/sdk';
import type { ActionGate } from './permissions';

/**
 * Change records: which actions a change's state allows (mirroring the change engine's lifecycle, so a
 * button is offered only when the API would accept it), status names and the timeline (pure, no DOM).
 */

export type Change = Schemas['Change'];
export type ChangeStatus = Change['status'];
export type ChangeEvent = Schemas['ChangeEvent'];
export type ExecutionError = Schemas['ExecutionError'];

/** The permission checkin and merge ask for (on the change, so policies on resource type change apply). */
export const CHANGE_APPROVE = 'change.approve';

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

export type ChangeActionKey =
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
 * the change engine would refuse with 409), then `approve` (the actor's change.approve, for checkin and
 * merge), then an empty change (a check-in or dry run without ops can only fail; `opCount` null: not
 * loaded yet).
 */
export const changeActions = (
  status: ChangeStatus,
  { approve, opCount }: { approve: ActionGate; opCount: number | null },
): ChangeActions => {
  const merged = status === 'Merged';
  const noOps =
    opCount === null
      ? refuse('Loading the patch ops…')
      : opCount === 0
        ? refuse('Add a patch op first: there is nothing to execute')
        : allow;

  const dryRun = merged ? refuse('A merged change has run; its diff is shown below') : noOps;

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

  const revert = merged ? allow : refuse('Only a merged change can be reverted');

  let toImplementing: ActionGate;
  if (merged) toImplementing = refuse(MERGED);
  else if (status === 'Implementing') toImplementing = refuse('The change is already Implementing');
  else
    toImplementing = TO_IMPLEMENTING_FROM.includes(status)
      ? allow
      : refuse(`Not from ${statusLabel(status)}`);

  const toDraft =
    status === 'Implementing' ? allow : refuse('Only an Implementing change can go back to Draft');

  const addTarget =
    status === 'Draft'
      ? allow
      : refuse(
          merged
            ? 'Targets are declared while the change is Draft; this one is merged'
            : `Targets are declared while the change is Draft; this one is ${statusLabel(status)}`,
        );

  let editOps: ActionGate;
  if (OPS_EDITABLE.includes(status)) editOps = allow;
  else if (merged) editOps = refuse('A merged change is final: its ops have run');
  else if (status === 'Ready')
    editOps = refuse('The change is Ready: move it to Implementing to edit its ops');
  else editOps = refuse(`Ops cannot be edited while the change is ${statusLabel(status)}`);

  return { dryRun, checkin, merge, revert, toImplementing, toDraft, addTarget, editOps };
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

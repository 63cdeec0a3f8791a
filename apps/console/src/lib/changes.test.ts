import { describe, expect, it } from 'vitest';
import {
  CHANGE_STATUSES,
  type Change,
  type ChangeEvent,
  type ChangeStatus,
  changeActions,
  executionErrorsOf,
  hasOpenRevert,
  lifecycleSteps,
  revertOffered,
  timelineOf,
} from './changes';
import type { ActionGate } from './permissions';

const APPROVER: ActionGate = { allowed: true, reason: undefined };
const VIEWER: ActionGate = {
  allowed: false,
  reason: 'Needs the change.approve permission, which user vera does not have',
};

const allowedIn = (key: keyof ReturnType<typeof changeActions>, approve = APPROVER, opCount = 2) =>
  CHANGE_STATUSES.filter((status) => changeActions(status, { approve, opCount })[key].allowed);

describe('changeActions', () => {
  it('offers each action only in the states the change engine accepts it', () => {
    expect(allowedIn('checkin')).toEqual(['Draft', 'Implementing', 'WorkspaceRunning', 'ValidationFailed']);
    expect(allowedIn('merge')).toEqual(['Ready']);
    expect(allowedIn('revert')).toEqual(['Merged']);
    expect(allowedIn('addTarget')).toEqual(['Draft']);
    expect(allowedIn('editOps')).toEqual(['Draft', 'Implementing', 'WorkspaceRunning', 'ValidationFailed']);
    expect(allowedIn('toImplementing')).toEqual([
      'Draft',
      'WorkspaceRunning',
      'Validating',
      'ValidationFailed',
      'Ready',
    ]);
    expect(allowedIn('toDraft')).toEqual(['Implementing']);
    expect(allowedIn('dryRun')).toEqual(CHANGE_STATUSES.filter((s) => s !== 'Merged'));
  });

  it('holds check-in and merge back from an actor without change.approve, saying why', () => {
    expect(allowedIn('checkin', VIEWER)).toEqual([]);
    expect(allowedIn('merge', VIEWER)).toEqual([]);
    expect(changeActions('Draft', { approve: VIEWER, opCount: 2 }).checkin).toEqual(VIEWER);
    expect(changeActions('Ready', { approve: VIEWER, opCount: 2 }).merge).toEqual(VIEWER);
    // Revert and the dry run need no approval.
    expect(changeActions('Merged', { approve: VIEWER, opCount: 2 }).revert.allowed).toBe(true);
    expect(changeActions('Draft', { approve: VIEWER, opCount: 2 }).dryRun.allowed).toBe(true);
  });

  it('gives the state as the reason before the permission', () => {
    expect(changeActions('Merged', { approve: VIEWER, opCount: 2 }).checkin.reason).toBe(
      'A merged change is final; revert it to undo it',
    );
    expect(changeActions('Draft', { approve: VIEWER, opCount: 2 }).merge.reason).toBe(
      'Only a Ready change can be merged: check it in first',
    );
  });

  it('holds back the dry run and check-in of a change without ops, and while its ops load', () => {
    const empty = changeActions('Draft', { approve: APPROVER, opCount: 0 });
    expect(empty.dryRun).toEqual({
      allowed: false,
      reason: 'Add a patch op first: there is nothing to execute',
    });
    expect(empty.checkin.allowed).toBe(false);
    const loading = changeActions('Draft', { approve: APPROVER, opCount: null });
    expect(loading.dryRun.reason).toBe('Loading the patch ops…');
  });

  it('explains why targets are closed once the change left Draft', () => {
    expect(changeActions('Ready', { approve: APPROVER, opCount: 1 }).addTarget.reason).toBe(
      'Targets are declared while the change is Draft; this one is Ready',
    );
    expect(changeActions('ValidationFailed', { approve: APPROVER, opCount: 1 }).addTarget.reason).toBe(
      'Targets are declared while the change is Draft; this one is Validation failed',
    );
  });
});

const change = (overrides: Partial<Change> = {}): Change => ({
  id: 'c1',
  projectId: 'p1',
  title: 'Add priority',
  description: null,
  moduleId: null,
  environmentId: null,
  status: 'Draft' as ChangeStatus,
  revertsChangeId: null,
  validationErrors: null,
  createdBy: 'admin',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  mergedAt: null,
  ...overrides,
});

const event = (id: string, eventType: string, payload: Record<string, unknown>): ChangeEvent => ({
  id,
  eventType,
  payload,
  actorType: 'user',
  actorId: 'admin',
  createdAt: '2026-11-25T10:05:00.000Z',
});

describe('timelineOf', () => {
  it('starts with the creation, then tells each event in words', () => {
    const entries = timelineOf(
      change(),
      [
        event('e1', 'change_target_added', { type: 'record_type', selector: { recordTypeKey: 'incident' } }),
        event('e2', 'patch_op_added', { opId: 'op1', opType: 'add_field' }),
        event('e3', 'patch_op_deleted', { opId: 'op2' }),
        event('e4', 'change_status_changed', { from: 'Draft', to: 'ValidationFailed' }),
      ],
      (opId) => (opId === 'op1' ? 'Add field priority (number) at the end' : undefined),
    );
    expect(entries.map(({ title, detail, tone }) => ({ title, detail, tone }))).toEqual([
      { title: 'Created as Draft', detail: undefined, tone: 'neutral' },
      { title: 'Target added', detail: 'record type incident', tone: 'sky' },
      { title: 'Op added', detail: 'Add field priority (number) at the end', tone: 'indigo' },
      { title: 'Op deleted', detail: undefined, tone: 'amber' },
      { title: 'Draft → Validation failed', detail: undefined, tone: 'rose' },
    ]);
    expect(entries[0]).toMatchObject({ at: '2026-11-25T10:00:00.000Z', actor: 'admin' });
  });

  it('tells a recorded dry run: valid with its diff summary, invalid with its error count', () => {
    const entries = timelineOf(
      change(),
      [
        event('e1', 'change_dry_run', {
          valid: true,
          summary: {
            added: 0,
            removed: 0,
            modified: 1,
            fieldsAdded: 2,
            fieldsRemoved: 0,
            fieldsModified: 0,
            fieldsRenamed: 0,
          },
        }),
        event('e2', 'change_dry_run', {
          valid: false,
          errors: [
            { phase: 'transform', code: 'FIELD_NOT_FOUND', message: 'field "x" does not exist' },
            { phase: 'graph', code: 'DUPLICATE_FIELD', message: 'duplicate' },
          ],
        }),
        event('e3', 'change_dry_run', {
          valid: true,
          summary: {
            added: 0,
            removed: 0,
            modified: 0,
            fieldsAdded: 0,
            fieldsRemoved: 0,
            fieldsModified: 0,
            fieldsRenamed: 0,
          },
        }),
      ],
      () => undefined,
    );
    expect(entries.slice(1).map(({ title, detail, tone }) => ({ title, detail, tone }))).toEqual([
      { title: 'Dry run: valid', detail: '1 record type modified, 2 fields added', tone: 'emerald' },
      { title: 'Dry run: invalid', detail: '2 errors: field "x" does not exist', tone: 'rose' },
      { title: 'Dry run: valid', detail: 'No schema changes', tone: 'emerald' },
    ]);
  });

  it('uses the revert’s own creation event instead of making one up', () => {
    const entries = timelineOf(
      change({ revertsChangeId: 'c0' }),
      [event('e1', 'change_status_changed', { from: null, to: 'Draft', reverts: 'c0' })],
      () => undefined,
    );
    expect(entries.map((e) => [e.title, e.detail])).toEqual([
      ['Created as Draft', 'To revert a merged change'],
    ]);
  });
});

describe('execution errors', () => {
  const error = {
    phase: 'transform' as const,
    code: 'FIELD_NOT_FOUND',
    message: 'field "nope" does not exist',
    recordTypeKey: 'incident',
    field: 'nope',
  };

  it('reads the errors of a 422 and ignores other bodies', () => {
    expect(executionErrorsOf({ errors: [error, { junk: true }] })).toEqual([error]);
    expect(executionErrorsOf({ message: 'x' })).toBeNull();
    expect(executionErrorsOf(undefined)).toBeNull();
  });
});

describe('change.edit on the other actions', () => {
  const NO_EDIT = {
    allowed: false,
    permission: 'change.edit',
    reason: 'Needs the change.edit permission, which user vera does not have',
  };
  it('refuses every non-approval action to an actor without change.edit, after the state rules', () => {
    const draft = changeActions('Draft', { approve: APPROVER, edit: NO_EDIT, opCount: 2 });
    expect(draft.dryRun).toEqual(NO_EDIT);
    expect(draft.toImplementing).toEqual(NO_EDIT);
    expect(draft.addTarget).toEqual(NO_EDIT);
    expect(draft.editOps).toEqual(NO_EDIT);
    expect(draft.checkin.allowed).toBe(true);
    expect(changeActions('Implementing', { approve: APPROVER, edit: NO_EDIT, opCount: 2 }).toDraft).toEqual(
      NO_EDIT,
    );
    expect(changeActions('Merged', { approve: APPROVER, edit: NO_EDIT, opCount: 2 }).revert).toEqual(NO_EDIT);
    // the state's own refusal comes first
    expect(changeActions('Ready', { approve: APPROVER, edit: NO_EDIT, opCount: 2 }).editOps.reason).toMatch(
      /Ready/,
    );
  });
});

describe('revert', () => {
  it('is refused while an open revert exists or is not known yet', () => {
    expect(
      changeActions('Merged', { approve: APPROVER, opCount: 1, openRevert: true }).revert.reason,
    ).toMatch(/already open/);
    expect(changeActions('Merged', { approve: APPROVER, opCount: 1, openRevert: null }).revert.allowed).toBe(
      false,
    );
  });

  it('is offered only for a merged change with no open revert', () => {
    expect(revertOffered('Merged', false)).toBe(true);
    expect(revertOffered('Merged', true)).toBe(false);
    expect(revertOffered('Merged', null)).toBe(false);
    for (const status of CHANGE_STATUSES.filter((s) => s !== 'Merged')) {
      expect(revertOffered(status, false)).toBe(false);
    }
  });

  it('counts only unmerged reverts of the same change as open', () => {
    expect(hasOpenRevert('a', [{ revertsChangeId: 'a', status: 'Draft' }])).toBe(true);
    expect(hasOpenRevert('a', [{ revertsChangeId: 'a', status: 'Merged' }])).toBe(false);
    expect(hasOpenRevert('a', [{ revertsChangeId: 'b', status: 'Draft' }])).toBe(false);
    expect(hasOpenRevert('a', [{ revertsChangeId: null, status: 'Draft' }])).toBe(false);
  });

  it('reads the reverts of a change, newest first, as the API lists them', () => {
    const merged = { revertsChangeId: 'a', status: 'Merged' } as const;
    expect(hasOpenRevert('a', [])).toBe(false);
    expect(hasOpenRevert('a', [merged, merged])).toBe(false);
    for (const status of CHANGE_STATUSES.filter((s) => s !== 'Merged')) {
      expect(hasOpenRevert('a', [{ revertsChangeId: 'a', status }, merged, merged])).toBe(true);
    }
  });
});

describe('lifecycleSteps', () => {
  const moved = (from: string | null, to: string) => ({
    eventType: 'change_status_changed',
    payload: { from, to },
  });
  const states = (status: Parameters<typeof lifecycleSteps>[0], events: ReturnType<typeof moved>[]) =>
    lifecycleSteps(status, events).map((s) => s.state);

  it('marks Implementing skipped for a change checked in straight from Draft', () => {
    const events = [moved(null, 'Draft'), moved('Draft', 'Ready')];
    expect(states('Ready', events)).toEqual(['done', 'skipped', 'current', 'upcoming']);
    expect(states('Merged', [...events, moved('Ready', 'Merged')])).toEqual([
      'done',
      'skipped',
      'done',
      'done',
    ]);
  });

  it('marks Implementing done when the change went through it or one of its side states', () => {
    expect(
      states('Ready', [moved(null, 'Draft'), moved('Draft', 'Implementing'), moved('Implementing', 'Ready')]),
    ).toEqual(['done', 'done', 'current', 'upcoming']);
    expect(
      states('Ready', [
        moved(null, 'Draft'),
        moved('Draft', 'ValidationFailed'),
        moved('ValidationFailed', 'Ready'),
      ]),
    ).toEqual(['done', 'done', 'current', 'upcoming']);
  });

  it('labels the current step with a side state and leaves later steps upcoming', () => {
    const steps = lifecycleSteps('ValidationFailed', [
      moved(null, 'Draft'),
      moved('Draft', 'ValidationFailed'),
    ]);
    expect(steps.map((s) => s.label)).toEqual(['Draft', 'Validation failed', 'Ready', 'Merged']);
    expect(steps[1]?.here).toBe(true);
    expect(states('Draft', [moved(null, 'Draft')])).toEqual(['current', 'upcoming', 'upcoming', 'upcoming']);
  });
});

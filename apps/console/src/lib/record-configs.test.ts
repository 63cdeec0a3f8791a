import { describe, expect, it } from 'vitest';
import { buildPatchOp, describeOp, emptyOpForm } from './patch-ops';
import {
  assignmentDraftOf,
  buildAssignment,
  buildSla,
  describeAssignment,
  describeSla,
  formatMinutes,
  slaDraftOf,
} from './record-configs';

const fieldTypes = new Map([
  ['priority', 'number'],
  ['state', 'string'],
]);

describe('assignment drafts', () => {
  it('round-trip a field_match configuration, rule values typed as the field holds them', () => {
    const config = {
      type: 'field_match' as const,
      field: 'priority',
      rules: [{ equals: 1, assignTo: { type: 'group' as const, value: 'tier2' } }],
      default: { type: 'user' as const, value: 'ann' },
    };
    expect(buildAssignment(assignmentDraftOf(config), fieldTypes)).toEqual({ ok: true, config });
  });

  it('name each problem by its configuration path', () => {
    const draft = {
      ...assignmentDraftOf(null),
      strategy: 'field_match' as const,
      field: 'category',
      rules: [{ equals: '', kind: 'user' as const, value: '' }],
      defaultKind: 'group' as const,
    };
    const built = buildAssignment(draft, fieldTypes);
    expect(built.ok ? null : Object.keys(built.errors).sort()).toEqual([
      'assignmentConfig.default.value',
      'assignmentConfig.field',
      'assignmentConfig.rules.0.assignTo.value',
      'assignmentConfig.rules.0.equals',
    ]);
    expect(
      buildAssignment({ ...draft, field: 'category', rules: [], defaultKind: 'none' }, fieldTypes, {
        fieldsKnown: false,
      }),
    ).toMatchObject({ ok: true });
  });

  it('build null when not routed and refuse a blank static user', () => {
    expect(buildAssignment(assignmentDraftOf(null), fieldTypes)).toEqual({ ok: true, config: null });
    expect(
      buildAssignment({ ...assignmentDraftOf(null), strategy: 'static_user', value: '  ' }, fieldTypes),
    ).toEqual({
      ok: false,
      errors: { 'assignmentConfig.value': 'A user is required' },
    });
  });
});

describe('SLA drafts', () => {
  it('round-trip a full SLA', () => {
    const config = {
      durationMinutes: 240,
      warningPercent: 80,
      pauseWhen: { field: 'state', values: ['on_hold', 'waiting'] },
      completeWhen: { field: 'state', values: ['closed'] },
      calendar: {
        timeZone: 'Europe/Berlin',
        weekly: [{ day: 1, start: '09:00', end: '17:00' }],
        holidays: ['2026-12-25'],
      },
    };
    expect(buildSla(slaDraftOf(config), new Set(fieldTypes.keys()))).toEqual({ ok: true, config });
    expect(buildSla(slaDraftOf(null), null)).toEqual({ ok: true, config: null });
  });

  it('refuse a bad duration, warning, missing field, reversed hours and malformed holidays', () => {
    const draft = {
      ...slaDraftOf({ durationMinutes: 1 }),
      durationMinutes: '0',
      warningPercent: '100',
      pauseField: 'hold',
      pauseValues: '',
      calendar: true,
      weekly: [{ day: '1', start: '17:00', end: '09:00' }],
      holidays: 'christmas',
    };
    const built = buildSla(draft, new Set(fieldTypes.keys()));
    expect(built.ok ? null : Object.keys(built.errors).sort()).toEqual([
      'slaConfig.calendar.holidays',
      'slaConfig.calendar.weekly.0',
      'slaConfig.durationMinutes',
      'slaConfig.pauseWhen.field',
      'slaConfig.pauseWhen.values',
      'slaConfig.warningPercent',
    ]);
  });
});

describe('descriptions', () => {
  it('say the configuration in one line', () => {
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(2880)).toBe('2 d');
    expect(describeAssignment(null)).toBe('Not routed');
    expect(describeAssignment({ type: 'static_group', value: 'desk' })).toBe('Group desk');
    expect(
      describeSla({
        durationMinutes: 60,
        warningPercent: 75,
        pauseWhen: { field: 'state', values: ['hold'] },
      }),
    ).toBe('1 h, warn at 75 %, paused while state is hold');
    expect(describeSla(null)).toBe('No SLA');
  });
});

describe('configuration ops in the op form', () => {
  it('builds set_sla and set_assignment bodies, and describes them', () => {
    const values = {
      ...emptyOpForm('t1'),
      opType: 'set_sla' as const,
      sla: { ...slaDraftOf(null), enabled: true, durationMinutes: '30' },
    };
    const built = buildPatchOp(values, fieldTypes);
    expect(built).toEqual({
      ok: true,
      body: { targetId: 't1', opType: 'set_sla', payload: { config: { durationMinutes: 30 } } },
    });
    expect(describeOp({ opType: 'set_sla', payload: { config: { durationMinutes: 30 } } })).toBe(
      'Set SLA: 30 min',
    );
    const cleared = buildPatchOp({ ...emptyOpForm('t1'), opType: 'set_assignment' }, fieldTypes);
    expect(cleared).toEqual({
      ok: true,
      body: { targetId: 't1', opType: 'set_assignment', payload: { config: null } },
    });
    expect(describeOp({ opType: 'set_assignment', payload: { config: null } })).toBe(
      'Set assignment: Not routed',
    );
  });

  it('a field_match naming a field another op adds passes the form; the executor decides', () => {
    const values = {
      ...emptyOpForm('t1'),
      opType: 'set_assignment' as const,
      assignment: { ...assignmentDraftOf(null), strategy: 'field_match' as const, field: 'queue' },
    };
    expect(buildPatchOp(values, fieldTypes)).toMatchObject({ ok: true });
  });
});

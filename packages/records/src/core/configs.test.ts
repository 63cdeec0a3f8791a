import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configProblems, sameConfig } from './configs.js';

const fields = new Set(['state', 'priority']);

describe('configProblems', () => {
  it('accepts a configuration whose fields exist and whose values are filled', () => {
    expect(
      configProblems(
        {
          assignmentConfig: {
            type: 'field_match',
            field: 'priority',
            rules: [{ equals: 'high', assignTo: { type: 'group', value: 'tier2' } }],
            default: { type: 'group', value: 'tier1' },
          },
          slaConfig: {
            durationMinutes: 60,
            pauseWhen: { field: 'state', values: ['on_hold'] },
            completeWhen: { field: 'state', values: ['resolved'] },
            calendar: { timeZone: 'Europe/Berlin', weekly: [{ day: 1, start: '09:00', end: '17:00' }] },
          },
        },
        fields,
      ),
    ).toEqual([]);
  });

  it('names every missing field with its path, and every blank or impossible value', () => {
    const problems = configProblems(
      {
        assignmentConfig: {
          type: 'field_match',
          field: 'category',
          rules: [{ equals: 1, assignTo: { type: 'user', value: ' ' } }],
        },
        slaConfig: {
          durationMinutes: 60,
          pauseWhen: { field: 'hold', values: ['x'] },
          completeWhen: { field: 'done', values: ['y'] },
          calendar: { timeZone: 'Mars/Olympus', weekly: [{ day: 2, start: '17:00', end: '09:00' }] },
        },
      },
      fields,
    );
    expect(problems.map((p) => [p.code, p.path, p.fieldName ?? null])).toEqual([
      ['CONFIG_FIELD_MISSING', 'assignmentConfig.field', 'category'],
      ['CONFIG_INVALID', 'assignmentConfig.rules.0.assignTo.value', null],
      ['CONFIG_FIELD_MISSING', 'slaConfig.pauseWhen.field', 'hold'],
      ['CONFIG_FIELD_MISSING', 'slaConfig.completeWhen.field', 'done'],
      ['CONFIG_INVALID', 'slaConfig.calendar.timeZone', null],
      ['CONFIG_INVALID', 'slaConfig.calendar.weekly.0', null],
    ]);
  });

  it('refuses a blank static user or group, and checks only values when fields are not given', () => {
    expect(
      configProblems({ assignmentConfig: { type: 'static_user', value: '\t' }, slaConfig: null }, fields),
    ).toEqual([expect.objectContaining({ code: 'CONFIG_INVALID', path: 'assignmentConfig.value' })]);
    expect(
      configProblems(
        { assignmentConfig: { type: 'field_match', field: 'anything', rules: [] }, slaConfig: null },
        null,
      ),
    ).toEqual([]);
  });

  it('a field_match or SLA field problem appears exactly when the field is missing (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('state', 'priority', 'other'), fc.boolean(), (field, asSla) => {
        const problems = asSla
          ? configProblems(
              {
                assignmentConfig: null,
                slaConfig: { durationMinutes: 1, pauseWhen: { field, values: ['a'] } },
              },
              fields,
            )
          : configProblems(
              { assignmentConfig: { type: 'field_match', field, rules: [] }, slaConfig: null },
              fields,
            );
        expect(problems.some((p) => p.code === 'CONFIG_FIELD_MISSING')).toBe(!fields.has(field));
      }),
    );
  });
});

describe('sameConfig', () => {
  it('ignores key order and reads undefined as null', () => {
    expect(sameConfig({ a: 1, b: [1, { c: 2, d: 3 }] }, { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameConfig(undefined, null)).toBe(true);
    expect(sameConfig({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameConfig(null, { a: 1 })).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignmentConfig } from '../config.js';
import { reassignsOn, resolveAssignment } from './assignment.js';

const principal = fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/);
const scalar = fc.oneof(fc.constantFrom('p1', 'p2', 'p3'), fc.integer({ min: 0, max: 3 }), fc.boolean());
const assignee = fc.record({ type: fc.constantFrom('user' as const, 'group' as const), value: principal });
const fieldMatch = fc.record(
  {
    type: fc.constant('field_match' as const),
    field: fc.constantFrom('priority', 'category'),
    rules: fc.array(fc.record({ equals: scalar, assignTo: assignee }), { maxLength: 6 }),
    default: assignee,
    reassignOnUpdate: fc.boolean(),
  },
  { requiredKeys: ['type', 'field', 'rules'] },
);
const config: fc.Arbitrary<AssignmentConfig> = fc.oneof(
  fc.record({ type: fc.constant('static_user' as const), value: principal }),
  fc.record({ type: fc.constant('static_group' as const), value: principal }),
  fieldMatch,
);
const data = fc.dictionary(fc.constantFrom('priority', 'category', 'title'), scalar);

describe('resolveAssignment', () => {
  it('O4: is pure: the same config and data always give the same assignment, and nothing is mutated', () => {
    fc.assert(
      fc.property(config, data, (c, d) => {
        const before = JSON.stringify([c, d]);
        expect(resolveAssignment(c, d)).toEqual(resolveAssignment(structuredClone(c), structuredClone(d)));
        expect(JSON.stringify([c, d])).toBe(before);
      }),
    );
  });

  it('assigns to exactly one of a user or a group, or to nobody', () => {
    fc.assert(
      fc.property(config, data, (c, d) => {
        const result = resolveAssignment(c, d);
        if (result)
          expect([result.assignedTo, result.assignedGroup].filter((v) => v !== null)).toHaveLength(1);
      }),
    );
  });

  it('static strategies always route to their value, whatever the data', () => {
    fc.assert(
      fc.property(principal, data, (value, d) => {
        expect(resolveAssignment({ type: 'static_user', value }, d)).toEqual({
          assignedTo: value,
          assignedGroup: null,
        });
        expect(resolveAssignment({ type: 'static_group', value }, d)).toEqual({
          assignedTo: null,
          assignedGroup: value,
        });
      }),
    );
  });

  it('field_match routes by the first rule equal to the value, else the default, else nobody', () => {
    fc.assert(
      fc.property(fieldMatch, data, (c, d) => {
        const value = d[c.field];
        const rule = c.rules.find((r) => value !== undefined && r.equals === value);
        const expected = rule?.assignTo ?? c.default;
        const result = resolveAssignment(c, d);
        if (!expected) expect(result).toBeNull();
        else
          expect(result).toEqual(
            expected.type === 'user'
              ? { assignedTo: expected.value, assignedGroup: null }
              : { assignedTo: null, assignedGroup: expected.value },
          );
      }),
    );
  });

  it('compares strictly: the number 1 does not match the text "1"', () => {
    const c: AssignmentConfig = {
      type: 'field_match',
      field: 'priority',
      rules: [{ equals: '1', assignTo: { type: 'group', value: 'text' } }],
    };
    expect(resolveAssignment(c, { priority: 1 })).toBeNull();
    expect(resolveAssignment(c, { priority: '1' })).toEqual({ assignedTo: null, assignedGroup: 'text' });
  });

  it('routes nowhere without a config', () => {
    expect(resolveAssignment(null, { priority: 'p1' })).toBeNull();
  });
});

describe('reassignsOn', () => {
  it('only for field_match with reassignOnUpdate, when its field changed', () => {
    const c: AssignmentConfig = { type: 'field_match', field: 'priority', rules: [], reassignOnUpdate: true };
    expect(reassignsOn(c, ['priority'])).toBe(true);
    expect(reassignsOn(c, ['title'])).toBe(false);
    expect(reassignsOn({ ...c, reassignOnUpdate: false }, ['priority'])).toBe(false);
    expect(reassignsOn({ type: 'static_user', value: 'u' }, ['priority'])).toBe(false);
  });
});

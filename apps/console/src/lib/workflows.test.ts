import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activationProblems,
  agentRefusal,
  type Branch,
  branchesOf,
  buildCondition,
  buildStep,
  buildTrigger,
  describeBranch,
  describeCondition,
  describeStep,
  emptyStepDraft,
  layoutArrows,
  parseJsonObject,
  parseList,
  parseValue,
  type StepDraft,
  stepEditReason,
  type WorkflowStep,
} from './workflows';

const draft = (overrides: Partial<StepDraft>): StepDraft => ({
  ...emptyStepDraft(overrides.stepType),
  ...overrides,
});

describe('step config forms → API bodies', () => {
  it('assignment to a user, a group, or by rule', () => {
    expect(buildStep(draft({ stepType: 'assignment', assignTarget: ' alice ' }), 1)).toEqual({
      ok: true,
      body: { stepType: 'assignment', config: { strategy: 'user', userId: 'alice' } },
    });
    expect(
      buildStep(draft({ stepType: 'assignment', assignStrategy: 'group', assignTarget: 'ops' }), 1),
    ).toEqual({ ok: true, body: { stepType: 'assignment', config: { strategy: 'group', group: 'ops' } } });
    expect(buildStep(draft({ stepType: 'assignment', assignStrategy: 'rule', name: 'Route' }), 1)).toEqual({
      ok: true,
      body: { name: 'Route', stepType: 'assignment', config: { strategy: 'rule' } },
    });
    expect(buildStep(draft({ stepType: 'assignment' }), 1)).toEqual({
      ok: false,
      errors: { assignTarget: 'Name the user' },
    });
  });

  it('approval: approvers, rule, deadline and escalation', () => {
    expect(
      buildStep(
        draft({
          stepType: 'approval',
          approvers: 'alice, bob, alice',
          rule: 'n_of_m',
          ruleNumber: '2',
          deadlineMinutes: '60',
          escalation: 'reassign',
          escalationApprovers: 'carol',
        }),
        1,
      ),
    ).toEqual({
      ok: true,
      body: {
        stepType: 'approval',
        config: {
          approvers: { users: ['alice', 'bob'] },
          rule: { type: 'n_of_m', n: 2 },
          deadlineMinutes: 60,
          escalation: { action: 'reassign', approvers: { users: ['carol'] } },
        },
      },
    });
    expect(
      buildStep(draft({ stepType: 'approval', approverMode: 'role', approvers: 'Manager', rule: 'all' }), 1),
    ).toEqual({
      ok: true,
      body: { stepType: 'approval', config: { approvers: { role: 'Manager' }, rule: { type: 'all' } } },
    });
  });

  it('approval refuses what the server would refuse, beside the field', () => {
    const built = buildStep(
      draft({ stepType: 'approval', rule: 'percentage', ruleNumber: '150', escalation: 'auto_approve' }),
      1,
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(Object.keys(built.errors).sort()).toEqual(['approvers', 'deadlineMinutes', 'ruleNumber']);
    expect(built.errors.deadlineMinutes).toBe('An escalation needs a deadline');
  });

  it('notification: channel, template and recipients', () => {
    expect(
      buildStep(draft({ stepType: 'notification', template: 'Hi {{record.title}}', recipients: 'a\nb' }), 1),
    ).toEqual({
      ok: true,
      body: {
        stepType: 'notification',
        config: { channel: 'email', template: 'Hi {{record.title}}', recipients: ['a', 'b'] },
      },
    });
    const bad = buildStep(draft({ stepType: 'notification', channel: 'E-mail' }), 1);
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['channel', 'template']);
  });

  it('decision: the condition and 1-based targets become step indexes', () => {
    expect(
      buildStep(
        draft({
          stepType: 'decision',
          condition: { join: 'all', rows: [{ field: 'record.priority', op: 'eq', value: 'high' }] },
          onTrue: '3',
          onFalse: '',
        }),
        1,
      ),
    ).toEqual({
      ok: true,
      body: {
        stepType: 'decision',
        config: { condition: { field: 'record.priority', op: 'eq', value: 'high' }, onTrueStepIndex: 2 },
      },
    });
    const bad = buildStep(draft({ stepType: 'decision', onTrue: '101', onFalse: '0' }), 3);
    expect(bad.ok ? [] : Object.keys(bad.errors).sort()).toEqual(['condition', 'onFalse', 'onTrue']);
    // A target may name a step added later; a decision may not go to itself.
    const ahead = buildStep(
      draft({
        stepType: 'decision',
        condition: { join: 'all', rows: [{ field: 'record.a', op: 'exists', value: '' }] },
        onFalse: '5',
      }),
      1,
    );
    expect(ahead.ok).toBe(true);
    const self = buildStep(
      draft({
        stepType: 'decision',
        condition: { join: 'all', rows: [{ field: 'record.a', op: 'exists', value: '' }] },
        onTrue: '2',
      }),
      2,
    );
    expect(self).toEqual({ ok: false, errors: { onTrue: 'A decision cannot go to itself' } });
  });

  it('record_mutation: field updates with typed values', () => {
    expect(
      buildStep(
        draft({
          stepType: 'record_mutation',
          updates: [
            { field: 'status', value: 'approved' },
            { field: 'score', value: '3' },
            { field: '', value: '' },
          ],
        }),
        1,
      ),
    ).toEqual({
      ok: true,
      body: { stepType: 'record_mutation', config: { updates: { status: 'approved', score: 3 } } },
    });
    expect(buildStep(draft({ stepType: 'record_mutation' }), 1)).toEqual({
      ok: false,
      errors: { updates: 'Set at least one field' },
    });
    const twice = buildStep(
      draft({
        stepType: 'record_mutation',
        updates: [
          { field: 'a', value: '1' },
          { field: 'a', value: '2' },
        ],
      }),
      1,
    );
    expect(twice).toEqual({ ok: false, errors: { updates: 'Each field is set once' } });
  });

  it('record_lock: optional id field and reason', () => {
    expect(buildStep(draft({ stepType: 'record_lock' }), 1)).toEqual({
      ok: true,
      body: { stepType: 'record_lock', config: {} },
    });
    expect(
      buildStep(draft({ stepType: 'record_lock', recordIdField: 'ticket', lockReason: 'review' }), 1),
    ).toEqual({
      ok: true,
      body: { stepType: 'record_lock', config: { recordIdField: 'ticket', reason: 'review' } },
    });
    expect(buildStep(draft({ stepType: 'record_lock', recordIdField: 'Bad Field' }), 1).ok).toBe(false);
  });
});

describe('condition builder', () => {
  it('one row stays a bare comparison; several join by all or any', () => {
    expect(
      buildCondition({ join: 'all', rows: [{ field: 'input.amount', op: 'gt', value: '100' }] }),
    ).toEqual({
      ok: true,
      condition: { field: 'input.amount', op: 'gt', value: 100 },
    });
    expect(
      buildCondition({
        join: 'any',
        rows: [
          { field: 'record.priority', op: 'in', value: '["high","urgent"]' },
          { field: 'record.owner', op: 'exists', value: 'ignored' },
        ],
      }),
    ).toEqual({
      ok: true,
      condition: {
        any: [
          { field: 'record.priority', op: 'in', value: ['high', 'urgent'] },
          { field: 'record.owner', op: 'exists' },
        ],
      },
    });
  });

  it('refuses paths outside input./record. and "in" without an array, naming the row', () => {
    expect(buildCondition({ join: 'all', rows: [{ field: 'priority', op: 'eq', value: '1' }] }).ok).toBe(
      false,
    );
    expect(
      buildCondition({
        join: 'all',
        rows: [
          { field: 'record.a', op: 'eq', value: '1' },
          { field: 'record.b', op: 'in', value: 'x' },
        ],
      }),
    ).toEqual({ ok: false, error: 'Row 2: For "in", the value is a JSON array, e.g. ["high", "urgent"]' });
    expect(buildCondition({ join: 'all', rows: [] })).toEqual({
      ok: false,
      error: 'Add at least one comparison',
    });
  });

  it('describes conditions as one line', () => {
    expect(
      describeCondition({
        all: [
          { field: 'record.priority', op: 'eq', value: 'high' },
          { any: [{ field: 'input.n', op: 'gte', value: 2 }, { not: { field: 'record.x', op: 'exists' } }] },
        ],
      }),
    ).toBe('record.priority = "high" and (input.n ≥ 2 or not record.x exists)');
  });

  it('values are JSON when they parse, text otherwise', () => {
    expect(parseValue('3')).toBe(3);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('high')).toBe('high');
    expect(parseValue('"3"')).toBe('3');
    expect(parseList(' a, b ,,a\nc ')).toEqual(['a', 'b', 'c']);
  });
});

const step = (stepType: WorkflowStep['stepType'], config: Record<string, unknown> = {}) =>
  ({ stepType, config }) as Pick<WorkflowStep, 'stepType' | 'config'>;

describe('branch arrows layout', () => {
  it('a decision has a true and a false branch; absent targets go to the next step or the end', () => {
    const steps = [
      step('decision', { condition: { field: 'record.a', op: 'exists' }, onTrueStepIndex: 2 }),
      step('approval'),
      step('decision', { condition: { field: 'record.a', op: 'exists' }, onFalseStepIndex: 0 }),
    ];
    expect(branchesOf(steps)).toEqual([
      { from: 0, to: 2, when: 'true' },
      { from: 0, to: 1, when: 'false' },
      { from: 2, to: 'end', when: 'true' },
      { from: 2, to: 0, when: 'false' },
    ]);
    expect(describeBranch({ from: 2, to: 'end', when: 'true' })).toBe('Step 3, when true, goes to the end');
  });

  it('disjoint arrows share a lane; overlapping ones do not', () => {
    const arrows = layoutArrows(
      [
        { from: 0, to: 1, when: 'true' },
        { from: 2, to: 3, when: 'true' },
        { from: 0, to: 3, when: 'false' },
      ],
      4,
    );
    const lane = (from: number, when: string) => arrows.find((a) => a.from === from && a.when === when)?.lane;
    expect(lane(0, 'true')).toBe(0);
    expect(lane(2, 'true')).toBe(0);
    expect(lane(0, 'false')).toBe(1);
  });

  it('property: arrows in one lane never overlap, and every branch gets one arrow', () => {
    const branch = fc.record({
      from: fc.integer({ min: 0, max: 9 }),
      to: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant('end' as const)),
      when: fc.constantFrom('true' as const, 'false' as const),
    });
    fc.assert(
      fc.property(fc.array(branch, { maxLength: 12 }), (branches: Branch[]) => {
        const arrows = layoutArrows(branches, 10);
        expect(arrows).toHaveLength(branches.length);
        for (const a of arrows)
          for (const b of arrows) {
            if (a === b || a.lane !== b.lane) continue;
            const [alo, ahi] = [Math.min(a.fromRow, a.toRow), Math.max(a.fromRow, a.toRow)];
            const [blo, bhi] = [Math.min(b.fromRow, b.toRow), Math.max(b.fromRow, b.toRow)];
            expect(ahi < blo || alo > bhi).toBe(true);
          }
      }),
    );
  });
});

describe('triggers, descriptions and gates', () => {
  const DEF = '6f1c1f3e-2f43-4a55-9d61-5c3f0a1b2c3d';
  it('builds record_event, schedule and manual trigger bodies', () => {
    expect(
      buildTrigger(DEF, {
        triggerType: 'record_event',
        event: 'record.created',
        recordTypeKey: 'incident',
        cron: '',
        timezone: '',
      }),
    ).toEqual({
      ok: true,
      body: {
        workflowDefinitionId: DEF,
        triggerType: 'record_event',
        triggerConfig: { event: 'record.created', recordTypeKey: 'incident' },
      },
    });
    expect(
      buildTrigger(DEF, {
        triggerType: 'schedule',
        event: 'record.created',
        recordTypeKey: '',
        cron: '0 9 * * 1',
        timezone: 'Europe/Oslo',
      }),
    ).toEqual({
      ok: true,
      body: {
        workflowDefinitionId: DEF,
        triggerType: 'schedule',
        triggerConfig: { cron: '0 9 * * 1', timezone: 'Europe/Oslo' },
      },
    });
    expect(
      buildTrigger(DEF, {
        triggerType: 'schedule',
        event: 'record.created',
        recordTypeKey: '',
        cron: '* *',
        timezone: '',
      }).ok,
    ).toBe(false);
  });

  it('describes steps in a line', () => {
    expect(
      describeStep({
        stepType: 'approval',
        config: {
          approvers: { users: ['a', 'b'] },
          rule: { type: 'all' },
          deadlineMinutes: 30,
          escalation: { action: 'auto_reject' },
        },
      } as unknown as WorkflowStep),
    ).toBe('Approval by a, b (all of them); deadline 30 min, then auto reject');
    expect(
      describeStep({
        stepType: 'record_mutation',
        config: { updates: { status: 'done' } },
      } as unknown as WorkflowStep),
    ).toBe('Set status = "done"');
  });

  it('steps are editable only on a draft, and agents are refused user-only actions', () => {
    expect(stepEditReason('draft')).toBeUndefined();
    expect(stepEditReason('active')).toMatch(/only .* draft; this one is active/);
    expect(agentRefusal('agent', 'decide approvals')).toBe('Agents may not decide approvals; a user must');
    expect(agentRefusal('user', 'decide approvals')).toBeUndefined();
  });

  it('reads JSON input and activation problems', () => {
    expect(parseJsonObject('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonObject('[1]').ok).toBe(false);
    expect(parseJsonObject('{').ok).toBe(false);
    expect(
      activationProblems({
        problems: [{ stepIndex: 1, message: 'no approvers' }, { message: 'no steps' }, 3],
      }),
    ).toEqual(['Step 2: no approvers', 'no steps']);
  });
});

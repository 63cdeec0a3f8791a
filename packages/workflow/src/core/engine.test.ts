import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle } from './approval.js';
import {
  definitionProblems,
  firstTransition,
  nextTransition,
  type StepOutcome,
  stepBudgetFor,
  type Transition,
} from './engine.js';

/** Runs a program of outcomes: each position answers the outcome the program gives it. */
const simulate = (stepCount: number, outcomeAt: (index: number, run: number) => StepOutcome) => {
  const visited: number[] = [];
  let t: Transition = firstTransition(stepCount);
  while (t.type === 'run') {
    visited.push(t.index);
    t = nextTransition(stepCount, t, outcomeAt(t.index, visited.length));
  }
  return { visited, end: t };
};

describe('step machine', () => {
  it('runs steps in order and completes; no steps completes at once', () => {
    expect(simulate(3, () => ({ kind: 'done' }))).toEqual({
      visited: [0, 1, 2],
      end: { type: 'complete', stepsRun: 3 },
    });
    expect(firstTransition(0)).toEqual({ type: 'complete', stepsRun: 0 });
  });

  it('pauses on a waiting approval without counting it, and fails on a rejection', () => {
    expect(nextTransition(3, { index: 1, stepsRun: 1 }, { kind: 'waiting' })).toEqual({
      type: 'pause',
      index: 1,
      stepsRun: 1,
    });
    expect(nextTransition(3, { index: 1, stepsRun: 1 }, { kind: 'rejected' })).toMatchObject({
      type: 'fail',
      stepsRun: 2,
    });
    expect(nextTransition(3, { index: 1, stepsRun: 1 }, { kind: 'failed', error: 'x' })).toEqual({
      type: 'fail',
      error: 'x',
      stepsRun: 2,
    });
  });

  it('a jump outside the steps fails with a clear error', () => {
    expect(nextTransition(2, { index: 0, stepsRun: 0 }, { kind: 'jump', to: 5 })).toMatchObject({
      type: 'fail',
      error: 'step 0 jumps to step 5, which does not exist',
    });
  });

  const programs = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(
        fc.oneof(
          fc.constant<StepOutcome>({ kind: 'done' }),
          fc.integer({ min: 0, max: n - 1 }).map<StepOutcome>((to) => ({ kind: 'jump', to })),
        ),
        { minLength: n, maxLength: n },
      ),
    ),
  );

  it('always terminates and never runs more steps than the budget', () => {
    fc.assert(
      fc.property(programs, ([n, outcomes]) => {
        const { visited, end } = simulate(n, (i) => outcomes[i]!);
        expect(['complete', 'fail']).toContain(end.type);
        expect(visited.length).toBeLessThanOrEqual(stepBudgetFor(n));
        expect(end.stepsRun).toBe(visited.length);
      }),
    );
  });

  it('respects the decision graph: every next position is the jump target or the following step', () => {
    fc.assert(
      fc.property(programs, ([n, outcomes]) => {
        const { visited } = simulate(n, (i) => outcomes[i]!);
        expect(visited[0]).toBe(0);
        for (let k = 1; k < visited.length; k++) {
          const previous = outcomes[visited[k - 1]!]!;
          expect(visited[k]).toBe(previous.kind === 'jump' ? previous.to : visited[k - 1]! + 1);
        }
      }),
    );
  });
});

describe('definition check', () => {
  it('finds missing steps, bad jump targets, self-jumps, deadlines without escalation and impossible n_of_m', () => {
    expect(definitionProblems([])).toHaveLength(1);
    expect(
      definitionProblems([
        {
          stepType: 'decision',
          config: { condition: { field: 'input.a', op: 'exists' }, onTrueStepIndex: 0, onFalseStepIndex: 4 },
        },
        {
          stepType: 'approval',
          config: {
            approvers: { users: ['a'] },
            rule: { type: 'n_of_m', n: 2 },
            escalation: { action: 'auto_approve' },
          },
        },
        { stepType: 'notification', config: { channel: 'email', template: 'x' } },
      ]).map((p) => p.stepIndex),
    ).toEqual([0, 0, 1, 1]);
  });
});

describe('approval rules', () => {
  const rules = fc.oneof(
    fc.constant({ type: 'any' as const }),
    fc.constant({ type: 'all' as const }),
    fc.integer({ min: 1, max: 10 }).map((n) => ({ type: 'n_of_m' as const, n })),
    fc.integer({ min: 1, max: 100 }).map((percent) => ({ type: 'percentage' as const, percent })),
  );
  const tallies = fc.integer({ min: 1, max: 12 }).chain((m) =>
    fc.tuple(
      fc.constant(m),
      fc
        .integer({ min: 0, max: m })
        .chain((a) => fc.tuple(fc.constant(a), fc.integer({ min: 0, max: m - a }))),
    ),
  );

  it('is settled once everyone decided, and a settlement never changes as more decide', () => {
    fc.assert(
      fc.property(rules, tallies, fc.boolean(), (rule, [m, [a, r]], approveNext) => {
        const now = settle(rule, { approvers: m, approvals: a, rejections: r });
        if (a + r === m) expect(now).not.toBe('pending');
        if (a + r < m && now !== 'pending') {
          const next = approveNext
            ? { approvals: a + 1, rejections: r }
            : { approvals: a, rejections: r + 1 };
          expect(settle(rule, { approvers: m, ...next })).toBe(now);
        }
      }),
    );
  });

  it('unanimous approval approves and unanimous rejection rejects, whatever the rule', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 1, max: 12 }), (rule, m) => {
        expect(settle(rule, { approvers: m, approvals: m, rejections: 0 })).toBe('approved');
        expect(settle(rule, { approvers: m, approvals: 0, rejections: m })).toBe('rejected');
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveStep, type OrderedStep, retargetJumps } from './steps.js';

const step = (id: string): OrderedStep => ({ id, stepType: 'notification', config: { message: id } });
const decision = (
  id: string,
  jumps: { onTrueStepIndex?: number; onFalseStepIndex?: number },
): OrderedStep => ({
  id,
  stepType: 'decision',
  config: { condition: { field: 'x', op: 'eq', value: 1 }, ...jumps },
});

describe('reordering steps', () => {
  it('a decision keeps jumping to the steps it named when they move', () => {
    const before = [decision('d', { onTrueStepIndex: 2, onFalseStepIndex: 1 }), step('a'), step('b')];
    const after = moveStep(before, 'b', 0);
    expect(after).toEqual(['b', 'd', 'a']);
    const result = retargetJumps(before, after);
    expect(result).toEqual({
      configs: new Map([
        ['d', { ...(before[0]!.config as object), onTrueStepIndex: 0, onFalseStepIndex: 2 }],
      ]),
    });
  });

  it('a new step shifts the jumps over it, and an unmoved target leaves the config alone', () => {
    const before = [decision('d', { onTrueStepIndex: 1 }), step('a'), step('b')];
    expect(retargetJumps(before, ['d', 'new', 'a', 'b'])).toEqual({
      configs: new Map([['d', { ...(before[0]!.config as object), onTrueStepIndex: 2 }]]),
    });
    expect(retargetJumps(before, ['d', 'a', 'new', 'b'])).toEqual({ configs: new Map() });
  });

  it('removing a step a decision jumps to is refused, naming both', () => {
    const before = [decision('d', { onFalseStepIndex: 2 }), step('a'), step('b')];
    expect(retargetJumps(before, ['d', 'a'])).toEqual({
      error: { decisionStepId: 'd', key: 'onFalseStepIndex', targetStepId: 'b' },
    });
  });

  it('for any reorder, every jump still names the same step id', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: undefined }), {
              minLength: n,
              maxLength: n,
            }),
            fc.integer({ min: 0, max: n - 1 }),
            fc.integer({ min: 0, max: n - 1 }),
          ),
        ),
        ([n, targets, from, to]) => {
          const before = Array.from({ length: n }, (_, i) =>
            targets[i] === undefined ? step(`s${i}`) : decision(`s${i}`, { onTrueStepIndex: targets[i] }),
          );
          const after = moveStep(before, `s${from}`, to);
          const result = retargetJumps(before, after);
          if ('error' in result) throw new Error('a move removes nothing');
          for (const [i, s] of before.entries()) {
            const target = targets[i];
            if (target === undefined) continue;
            const config = (result.configs.get(s.id) ?? s.config) as { onTrueStepIndex: number };
            expect(after[config.onTrueStepIndex]).toBe(`s${target}`);
          }
        },
      ),
    );
  });
});

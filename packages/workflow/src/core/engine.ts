import type { StepType } from '../schemas.js';
import { type Condition, conditionProblems } from './condition.js';

/**
 * The pure step machine. Steps run in `orderIndex` order (position i is the i-th step); a decision
 * jumps to a position; an approval pauses; a step budget ends a run that loops. The I/O edge runs
 * each step and feeds its outcome back here to learn what happens next.
 */

/** What running one step came to. */
export type StepOutcome =
  /** The step did its work: go on with the next step. */
  | { kind: 'done' }
  /** A decision chose where to go on. */
  | { kind: 'jump'; to: number }
  /** An approval is waiting for its approvers: pause here. */
  | { kind: 'waiting' }
  /** An approval was rejected: the execution fails. */
  | { kind: 'rejected' }
  /** The step could not do its work. */
  | { kind: 'failed'; error: string };

/** Where the execution goes next; `stepsRun` counts every step run so far, across pauses. */
export type Transition =
  | { type: 'run'; index: number; stepsRun: number }
  | { type: 'pause'; index: number; stepsRun: number }
  | { type: 'complete'; stepsRun: number }
  | { type: 'fail'; error: string; stepsRun: number };

/** How many step runs one execution may take: every step ten times over. */
export const stepBudgetFor = (stepCount: number): number => Math.max(10, stepCount * 10);

const runOrStop = (stepCount: number, index: number, stepsRun: number, budget: number): Transition => {
  if (index >= stepCount) return { type: 'complete', stepsRun };
  if (stepsRun >= budget)
    return {
      type: 'fail',
      stepsRun,
      error: `step budget of ${budget} runs exhausted: the decision steps loop without reaching the end`,
    };
  return { type: 'run', index, stepsRun };
};

/** The first transition of a new execution: run the first step, or complete at once when there is none. */
export const firstTransition = (stepCount: number, budget = stepBudgetFor(stepCount)): Transition =>
  runOrStop(stepCount, 0, 0, budget);

/**
 * The transition after the step at `index` came to `outcome`. The step counts as run, except a
 * waiting approval (it counts once, when it is decided).
 */
export const nextTransition = (
  stepCount: number,
  at: { index: number; stepsRun: number },
  outcome: StepOutcome,
  budget = stepBudgetFor(stepCount),
): Transition => {
  if (outcome.kind === 'waiting') return { type: 'pause', index: at.index, stepsRun: at.stepsRun };
  const stepsRun = at.stepsRun + 1;
  switch (outcome.kind) {
    case 'failed':
      return { type: 'fail', error: outcome.error, stepsRun };
    case 'rejected':
      return { type: 'fail', error: `the approval of step ${at.index} was rejected`, stepsRun };
    case 'jump':
      if (!Number.isInteger(outcome.to) || outcome.to < 0 || outcome.to >= stepCount)
        return {
          type: 'fail',
          error: `step ${at.index} jumps to step ${outcome.to}, which does not exist`,
          stepsRun,
        };
      return runOrStop(stepCount, outcome.to, stepsRun, budget);
    default:
      return runOrStop(stepCount, at.index + 1, stepsRun, budget);
  }
};

/** A step as the definition check sees it. */
export type StepShape = { stepType: StepType; config: unknown };

/** One problem of a definition, for the author: which step (when it is about one) and what. */
export type DefinitionProblem = { stepIndex: number | null; message: string };

/**
 * Everything that keeps a definition from running as written: no steps, a decision jumping to a
 * step that does not exist or to itself, a malformed condition, an approval's deadline without an
 * escalation (or the reverse), more approvals required than named approvers.
 */
export const definitionProblems = (steps: readonly StepShape[]): DefinitionProblem[] => {
  if (steps.length === 0) return [{ stepIndex: null, message: 'a definition needs at least one step' }];
  return steps.flatMap((step, index): DefinitionProblem[] => {
    const problems: string[] = [];
    if (step.stepType === 'decision') {
      const config = step.config as {
        condition: Condition;
        onTrueStepIndex?: number;
        onFalseStepIndex?: number;
      };
      for (const key of ['onTrueStepIndex', 'onFalseStepIndex'] as const) {
        const target = config[key];
        if (target === undefined) continue;
        if (target >= steps.length)
          problems.push(`${key} ${target} names no step (the definition has ${steps.length})`);
        else if (target === index) problems.push(`${key} jumps to the decision itself, which loops forever`);
      }
      problems.push(...conditionProblems(config.condition));
    }
    if (step.stepType === 'approval') {
      const config = step.config as {
        approvers: { users?: string[] };
        rule?: { type: string; n?: number };
        deadlineMinutes?: number;
        escalation?: unknown;
      };
      if (config.deadlineMinutes !== undefined && config.escalation === undefined)
        problems.push('a deadline needs an escalation (reassign, auto_approve or auto_reject)');
      if (config.escalation !== undefined && config.deadlineMinutes === undefined)
        problems.push('an escalation needs a deadline (deadlineMinutes)');
      const users = config.approvers.users;
      if (users && config.rule?.type === 'n_of_m' && (config.rule.n ?? 0) > users.length)
        problems.push(`the rule asks ${config.rule.n} approvals of ${users.length} named approvers`);
    }
    return problems.map((message) => ({ stepIndex: index, message }));
  });
};

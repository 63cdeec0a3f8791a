/** Agent run statuses (reference section 3). */
export const AGENT_RUN_STATUSES = ['Pending', 'Running', 'Passed', 'Failed'] as const;
export type AgentRunStatus = (typeof AGENT_RUN_STATUSES)[number];

const MOVES: Readonly<Record<AgentRunStatus, readonly AgentRunStatus[]>> = {
  Pending: ['Running', 'Failed'],
  Running: ['Passed', 'Failed'],
  Passed: [],
  Failed: [],
};

/** A run has ended once it passed or failed; nothing moves it again and it takes no more log lines. */
export const isRunEnded = (status: AgentRunStatus): boolean => status === 'Passed' || status === 'Failed';

/**
 * Why a run cannot move from one status to another, or null when it can: Pending → Running →
 * Passed | Failed, a Pending run may fail before it starts, and an ended run never moves (AR1).
 */
export const refuseRunMove = (from: AgentRunStatus, to: AgentRunStatus): string | null => {
  if (isRunEnded(from)) return `the run has ended (${from}) and can no longer move (AR1)`;
  if (from === to) return `the run is already ${to}`;
  return MOVES[from].includes(to) ? null : `a ${from} run cannot move to ${to}`;
};

/** At most this many log lines per run; appending past it is refused (AR2). */
export const MAX_RUN_LOG_LINES = 2000;

/** Why appending `adding` lines to a run holding `current` is refused, or null. */
export const refuseLogAppend = (status: AgentRunStatus, current: number, adding: number): string | null => {
  if (isRunEnded(status)) return `the run has ended (${status}); its log is closed (AR1)`;
  if (current + adding > MAX_RUN_LOG_LINES)
    return `a run's log holds at most ${MAX_RUN_LOG_LINES} lines (it has ${current}, ${adding} more were sent) (AR2)`;
  return null;
};

/** The skills a run names that the registry does not hold as active skills (AR3), in the order named. */
export const unusableSkills = (
  named: readonly string[],
  registry: readonly { name: string; status: 'active' | 'disabled' }[],
): string[] => {
  const active = new Set(registry.filter((s) => s.status === 'active').map((s) => s.name));
  return [...new Set(named)].filter((name) => !active.has(name));
};

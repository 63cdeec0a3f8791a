/** The statuses of a promotion intent (reference section 5, promotion intent lifecycle). */
export const INTENT_STATUSES = ['draft', 'previewed', 'approved', 'executed', 'rejected'] as const;
export type IntentStatus = (typeof INTENT_STATUSES)[number];

export type IntentAction = 'preview' | 'approve' | 'execute' | 'reject';

/** Where each action may start from; executed and rejected are terminal. */
const FROM: Record<IntentAction, readonly IntentStatus[]> = {
  // Previewing again (from previewed or approved) records a new state hash and clears the approval.
  preview: ['draft', 'previewed', 'approved'],
  approve: ['previewed'],
  execute: ['approved'],
  reject: ['draft', 'previewed', 'approved'],
};

const TO: Record<IntentAction, IntentStatus> = {
  preview: 'previewed',
  approve: 'approved',
  execute: 'executed',
  reject: 'rejected',
};

export type Transition =
  | { kind: 'move'; to: IntentStatus }
  /** The action already took effect (executing an executed intent): answer the intent as it is. */
  | { kind: 'noop' }
  | { kind: 'refused'; allowedFrom: readonly IntentStatus[] };

/** Decides what an action does to an intent in `status`: move it, leave it (repeat), or refuse it. */
export const transition = (status: IntentStatus, action: IntentAction): Transition => {
  if (action === 'execute' && status === 'executed') return { kind: 'noop' };
  if (action === 'reject' && status === 'rejected') return { kind: 'noop' };
  const allowedFrom = FROM[action];
  return allowedFrom.includes(status) ? { kind: 'move', to: TO[action] } : { kind: 'refused', allowedFrom };
};

export const isTerminal = (status: IntentStatus): boolean => status === 'executed' || status === 'rejected';

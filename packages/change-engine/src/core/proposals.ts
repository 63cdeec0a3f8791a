/** Agent proposal types and statuses (reference section 3). */
const PROPOSAL_TYPES = ['form_patch', 'workflow_change', 'approval_comment'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

export const PROPOSAL_STATUSES = ['draft', 'submitted', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export type ProposalAction = 'submit' | 'accept' | 'reject';

/** Who acts: a human user or an AI agent. */
export type ActorKind = 'user' | 'agent';

const NEXT: Readonly<Record<ProposalAction, { from: ProposalStatus; to: ProposalStatus }>> = {
  submit: { from: 'draft', to: 'submitted' },
  accept: { from: 'submitted', to: 'accepted' },
  reject: { from: 'submitted', to: 'rejected' },
};

/** Statuses no action leaves. */
export const isTerminalProposal = (status: ProposalStatus): boolean =>
  status === 'accepted' || status === 'rejected';

/**
 * Where an action takes a proposal, or why it is refused: agents can never submit or review (AP1),
 * and each action starts from exactly one status (draft → submitted → accepted | rejected).
 */
export const proposalTransition = (
  status: ProposalStatus,
  action: ProposalAction,
  actor: ActorKind,
): { to: ProposalStatus } | { refused: 'agent' | 'state'; reason: string } => {
  if (actor === 'agent') {
    return {
      refused: 'agent',
      reason: `an agent can never ${action === 'submit' ? 'submit' : 'review'} a proposal (AP1)`,
    };
  }
  const move = NEXT[action];
  if (status !== move.from) {
    return {
      refused: 'state',
      reason: `a ${status} proposal cannot be ${action === 'submit' ? 'submitted' : 'reviewed'} (it must be ${move.from})`,
    };
  }
  return { to: move.to };
};

/** The reference a proposal targets, derived from its payload so the two never disagree. */
export const targetRefOf = (
  proposal:
    | { proposalType: 'form_patch'; payload: { recordTypeName: string; formName: string } }
    | { proposalType: 'workflow_change'; payload: { projectId: string } }
    | { proposalType: 'approval_comment'; payload: { approvalId: string } },
): string => {
  switch (proposal.proposalType) {
    case 'form_patch':
      return `form:${proposal.payload.recordTypeName}/${proposal.payload.formName}`;
    case 'workflow_change':
      return `project:${proposal.payload.projectId}`;
    case 'approval_comment':
      return `workflow_approval:${proposal.payload.approvalId}`;
  }
};

import type { ApprovalRule } from '../schemas.js';

/** The decisions an approval has so far: how many approvers are asked, how many approved and rejected. */
export type Tally = { approvers: number; approvals: number; rejections: number };

export type Settlement = 'approved' | 'rejected' | 'pending';

/**
 * How many approvals settle an approval of `approvers` people: any → 1, all → all of them, n of m →
 * n (at most m), percentage → that share of them rounded up; never less than one.
 */
const requiredApprovals = (rule: ApprovalRule, approvers: number): number => {
  const required =
    rule.type === 'any'
      ? 1
      : rule.type === 'all'
        ? approvers
        : rule.type === 'n_of_m'
          ? Math.min(rule.n, approvers)
          : Math.ceil((rule.percent * approvers) / 100);
  return Math.max(1, required);
};

/**
 * Whether the decisions so far settle the approval: approved once enough approved, rejected as soon
 * as the approvers still undecided can no longer make up the difference (early decision), else pending.
 */
export const settle = (rule: ApprovalRule, tally: Tally): Settlement => {
  const required = requiredApprovals(rule, tally.approvers);
  if (tally.approvals >= required) return 'approved';
  const undecided = Math.max(0, tally.approvers - tally.approvals - tally.rejections);
  return tally.approvals + undecided < required ? 'rejected' : 'pending';
};

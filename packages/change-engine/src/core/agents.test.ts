import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGENT_RUN_STATUSES,
  isRunEnded,
  MAX_RUN_LOG_LINES,
  refuseLogAppend,
  refuseRunMove,
  unusableSkills,
} from './agent-runs.js';
import { isTerminalProposal, PROPOSAL_STATUSES, proposalTransition, targetRefOf } from './proposals.js';

const status = fc.constantFrom(...PROPOSAL_STATUSES);
const action = fc.constantFrom('submit' as const, 'accept' as const, 'reject' as const);
const runStatus = fc.constantFrom(...AGENT_RUN_STATUSES);

describe('proposal lifecycle', () => {
  it('AP1: an agent can never submit or review a proposal, whatever its status', () => {
    fc.assert(
      fc.property(status, action, (s, a) => {
        expect(proposalTransition(s, a, 'agent')).toMatchObject({ refused: 'agent' });
      }),
    );
  });

  it('AP3: a human moves draft → submitted → accepted | rejected, and nothing else', () => {
    expect(proposalTransition('draft', 'submit', 'user')).toEqual({ to: 'submitted' });
    expect(proposalTransition('submitted', 'accept', 'user')).toEqual({ to: 'accepted' });
    expect(proposalTransition('submitted', 'reject', 'user')).toEqual({ to: 'rejected' });
    fc.assert(
      fc.property(status, action, (s, a) => {
        const result = proposalTransition(s, a, 'user');
        const allowed = (s === 'draft' && a === 'submit') || (s === 'submitted' && a !== 'submit');
        expect('to' in result).toBe(allowed);
        if (isTerminalProposal(s)) expect(result).toMatchObject({ refused: 'state' });
      }),
    );
  });

  it('derives the target reference from the payload', () => {
    expect(
      targetRefOf({ proposalType: 'form_patch', payload: { recordTypeName: 'ticket', formName: 'default' } }),
    ).toBe('form:ticket/default');
    expect(targetRefOf({ proposalType: 'workflow_change', payload: { projectId: 'p1' } })).toBe('project:p1');
    expect(targetRefOf({ proposalType: 'approval_comment', payload: { approvalId: 'a1' } })).toBe(
      'workflow_approval:a1',
    );
  });
});

describe('agent run state machine', () => {
  it('AR1: an ended run never moves and takes no log lines', () => {
    fc.assert(
      fc.property(runStatus, runStatus, fc.nat(10), (from, to, n) => {
        if (isRunEnded(from)) {
          expect(refuseRunMove(from, to)).toMatch(/AR1/);
          expect(refuseLogAppend(from, 0, n)).toMatch(/AR1/);
        }
      }),
    );
  });

  it('moves Pending → Running → Passed | Failed, and a Pending run may fail', () => {
    expect(refuseRunMove('Pending', 'Running')).toBeNull();
    expect(refuseRunMove('Running', 'Passed')).toBeNull();
    expect(refuseRunMove('Running', 'Failed')).toBeNull();
    expect(refuseRunMove('Pending', 'Failed')).toBeNull();
    expect(refuseRunMove('Pending', 'Passed')).toMatch(/cannot move/);
    expect(refuseRunMove('Running', 'Pending')).toMatch(/cannot move/);
    expect(refuseRunMove('Running', 'Running')).toMatch(/already/);
  });

  it('AR2: a log never grows past its bound', () => {
    fc.assert(
      fc.property(fc.nat(MAX_RUN_LOG_LINES), fc.nat(200), (current, adding) => {
        const refusal = refuseLogAppend('Running', current, adding);
        expect(refusal === null).toBe(current + adding <= MAX_RUN_LOG_LINES);
      }),
    );
  });

  it('AR3: only registered, active skills are usable', () => {
    const registry = [
      { name: 'search', status: 'active' as const },
      { name: 'deploy', status: 'disabled' as const },
    ];
    expect(unusableSkills(['search', 'deploy', 'unknown', 'unknown'], registry)).toEqual([
      'deploy',
      'unknown',
    ]);
    expect(unusableSkills(['search'], registry)).toEqual([]);
  });
});

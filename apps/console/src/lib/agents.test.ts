import { describe, expect, it } from 'vitest';
import { parseEventStream, parseInputSchema, proposalDiffLines } from './agents';

describe('parseEventStream', () => {
  it('splits complete events, keeps the unfinished rest and drops heartbeats', () => {
    const { events, rest } = parseEventStream(
      ': heartbeat\n\nid: 0\nevent: log\ndata: {"message":"a"}\n\nevent: end\ndata: {"status":"Passed"}\n\nid: 1\nda',
    );
    expect(events).toEqual([
      { event: 'log', id: '0', data: '{"message":"a"}' },
      { event: 'end', id: null, data: '{"status":"Passed"}' },
    ]);
    expect(rest).toBe('id: 1\nda');
  });

  it('joins multi-line data and reads CRLF streams', () => {
    expect(parseEventStream('data: one\r\ndata: two\r\n\r\n').events).toEqual([
      { event: 'message', id: null, data: 'one\ntwo' },
    ]);
  });
});

describe('parseInputSchema', () => {
  it('accepts a JSON object and refuses other JSON or broken text', () => {
    expect(parseInputSchema('{"type":"object"}')).toEqual({ ok: true, value: { type: 'object' } });
    expect(parseInputSchema('[1]')).toMatchObject({ ok: false });
    expect(parseInputSchema('{')).toEqual({ ok: false, error: 'Enter valid JSON' });
  });
});

describe('proposalDiffLines', () => {
  const base = {
    id: 'p',
    changeId: null,
    agentId: 'bot',
    createdBy: null,
    targetRef: 't',
    summary: 's',
    status: 'submitted' as const,
    submittedBy: 'u',
    submittedAt: null,
    reviewedBy: null,
    reviewComment: null,
    reviewedAt: null,
    applied: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  it('describes change ops, form ops and a comment', () => {
    expect(
      proposalDiffLines({
        ...base,
        proposalType: 'workflow_change',
        payload: {
          projectId: 'x',
          title: 'T',
          ops: [
            {
              recordTypeKey: 'ticket',
              opType: 'add_field',
              payload: { field: { name: 'p', type: 'number' } },
            },
            { recordTypeKey: 'ticket', opType: 'rename_field', payload: { from: 'a', to: 'b' } },
          ],
        },
      }),
    ).toEqual({
      heading: 'Opens the change “T”',
      lines: [
        { key: 'op-0', text: 'ticket: add field p (number)' },
        { key: 'op-1', text: 'ticket: rename a to b' },
      ],
    });
    expect(
      proposalDiffLines({
        ...base,
        proposalType: 'form_patch',
        payload: {
          recordTypeName: 'ticket',
          formName: 'default',
          ops: [{ op: 'toggleRequired', field: 'title', value: true }],
        },
      }).lines.map((l) => l.text),
    ).toEqual(['Require title']);
    expect(
      proposalDiffLines({
        ...base,
        proposalType: 'approval_comment',
        payload: { approvalId: 'a', comment: 'Hi' },
      }).lines.map((l) => l.text),
    ).toEqual(['Hi']);
  });
});

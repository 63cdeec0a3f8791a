import type { Schemas } from '@ec3l/sdk';

/** Agent skills, proposals, runs and the approvals queue: rules the console shows (pure, no DOM). */

export type AgentSkill = Schemas['AgentSkill'];
export type AgentProposal = Schemas['AgentProposal'];
export type AgentRun = Schemas['AgentRun'];
export type AgentRunLogLine = Schemas['AgentRunLogLine'];
export type ApprovalQueueItem = Schemas['ApprovalQueueItem'];

/** One server-sent event: its name (`message` when unnamed), id and data. */
export type StreamEvent = { event: string; id: string | null; data: string };

/**
 * Splits an event-stream text into complete events and the unfinished rest (keep it and prepend it to
 * the next chunk). Comments (heartbeats) and fields other than event, id and data are dropped.
 */
export const parseEventStream = (text: string): { events: StreamEvent[]; rest: string } => {
  const normalized = text.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: StreamEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, id, data: data.join('\n') });
  }
  return { events, rest };
};

/** A skill's input schema typed as JSON text: the object, or why it is not one. */
export const parseInputSchema = (
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Enter valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'A JSON Schema is a JSON object, e.g. {"type": "object"}' };
  return { ok: true, value: value as Record<string, unknown> };
};

type FormPatchOp = Schemas['ProposalFormPatchOp'];
type ChangeOp = Schemas['ProposalChangeOp'];

const describeFormOp = (op: FormPatchOp): string => {
  switch (op.op) {
    case 'moveField':
      return `Move ${op.field} to position ${op.orderIndex}`;
    case 'changeSection':
      return `Move ${op.field} to section “${op.section}”${op.orderIndex === undefined ? '' : ` at ${op.orderIndex}`}`;
    case 'toggleRequired':
      return `${op.value ? 'Require' : 'Do not require'} ${op.field}`;
    case 'toggleReadOnly':
      return `Make ${op.field} ${op.value ? 'read-only' : 'editable'}`;
    case 'toggleVisible':
      return `${op.value ? 'Show' : 'Hide'} ${op.field}`;
  }
};

const describeChangeOp = (op: ChangeOp): string => {
  const payload = op.payload as Record<string, unknown>;
  const field = (payload.field ?? {}) as { name?: string; type?: string };
  switch (op.opType) {
    case 'add_field':
      return `${op.recordTypeKey}: add field ${field.name} (${field.type})`;
    case 'set_field':
      return `${op.recordTypeKey}: set field ${field.name} (${field.type})`;
    case 'remove_field':
      return `${op.recordTypeKey}: remove field ${String(payload.fieldName)}`;
    case 'rename_field':
      return `${op.recordTypeKey}: rename ${String(payload.from)} to ${String(payload.to)}`;
    case 'set_assignment':
      return `${op.recordTypeKey}: ${payload.config === null ? 'clear' : 'set'} the assignment configuration`;
    case 'set_sla':
      return `${op.recordTypeKey}: ${payload.config === null ? 'clear' : 'set'} the SLA configuration`;
  }
};

/** Lines keyed by their op's position in the proposal (the ops never reorder). */
const keyed = (lines: string[]) => lines.map((text, position) => ({ key: `op-${position}`, text }));

/** What a proposal would do, one line per op (or the comment), for its review. */
export const proposalDiffLines = (
  proposal: AgentProposal,
): { heading: string; lines: { key: string; text: string }[] } => {
  switch (proposal.proposalType) {
    case 'form_patch':
      return {
        heading: `Form ${proposal.payload.formName} of ${proposal.payload.recordTypeName}`,
        lines: keyed(proposal.payload.ops.map(describeFormOp)),
      };
    case 'workflow_change':
      return {
        heading: `Opens the change “${proposal.payload.title}”`,
        lines: keyed(proposal.payload.ops.map(describeChangeOp)),
      };
    case 'approval_comment':
      return { heading: 'Comment on a workflow approval', lines: keyed([proposal.payload.comment]) };
  }
};

const KIND_LABELS: Record<ApprovalQueueItem['kind'], string> = {
  workflow_approval: 'Workflow approval',
  change: 'Change to merge',
  promotion_intent: 'Promotion',
  agent_proposal: 'Agent proposal',
};

/** The queue item's kind as the console names it. */
export const approvalKindLabel = (kind: ApprovalQueueItem['kind']): string => KIND_LABELS[kind];

/** A run's status colour. */
export const runTone = (status: AgentRun['status']): 'neutral' | 'sky' | 'emerald' | 'rose' =>
  status === 'Passed' ? 'emerald' : status === 'Failed' ? 'rose' : status === 'Running' ? 'sky' : 'neutral';

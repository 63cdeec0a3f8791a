import type { Schemas } from '@ec3l/sdk';
import { IDENTIFIER_RE } from './identifiers';

/** Workflow definitions, steps, triggers and executions: form drafts → API bodies, labels, branch layout (pure, no DOM). */

export type WorkflowDefinition = Schemas['WorkflowDefinition'];
export type WorkflowStep = Schemas['WorkflowStep'];
export type AddStepBody = Schemas['AddWorkflowStepBody'];
export type WorkflowExecution = Schemas['WorkflowExecution'];
export type StepExecution = Schemas['WorkflowStepExecution'];
export type Approval = Schemas['WorkflowApproval'];
export type WorkflowTrigger = Schemas['WorkflowTrigger'];
export type CreateTriggerBody = Schemas['CreateWorkflowTriggerBody'];
type WorkflowIntent = Schemas['WorkflowIntent'];

export type DefinitionStatus = WorkflowDefinition['status'];
export type TriggerType = WorkflowDefinition['triggerType'];
export type StepType = WorkflowStep['stepType'];
export type ExecutionStatus = WorkflowExecution['status'];
export type IntentStatus = WorkflowIntent['status'];

export const DEFINITION_STATUSES: readonly DefinitionStatus[] = ['draft', 'active', 'retired'];
export const EXECUTION_STATUSES: readonly ExecutionStatus[] = ['running', 'paused', 'completed', 'failed'];
export const INTENT_STATUSES: readonly IntentStatus[] = [
  'pending',
  'running',
  'completed',
  'dispatched',
  'failed',
  'duplicate',
];

export const TRIGGER_TYPES: readonly { key: TriggerType; label: string; hint: string }[] = [
  { key: 'record_event', label: 'Record event', hint: 'Runs when a record is created or updated' },
  { key: 'schedule', label: 'Schedule', hint: 'Runs on a cron schedule' },
  { key: 'manual', label: 'Manual', hint: 'Runs when someone starts it' },
];

export const STEP_TYPES: readonly { key: StepType; label: string; hint: string }[] = [
  { key: 'assignment', label: 'Assignment', hint: "Assigns the execution's record to a user or group" },
  { key: 'approval', label: 'Approval', hint: 'Pauses until approvers decide' },
  { key: 'notification', label: 'Notification', hint: 'Sends a message on a channel' },
  { key: 'decision', label: 'Decision', hint: 'Branches on a condition' },
  { key: 'record_mutation', label: 'Record mutation', hint: "Writes field values to the execution's record" },
  { key: 'record_lock', label: 'Record lock', hint: 'Locks the record against other writers' },
];

const LABELS: Record<string, string> = {
  record_event: 'Record event',
  schedule: 'Schedule',
  manual: 'Manual',
  record_mutation: 'Record mutation',
  record_lock: 'Record lock',
  awaiting_approval: 'Awaiting approval',
};

/** `record_event` → `Record event`. */
export const labelOf = (value: string): string =>
  LABELS[value] ?? value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ');

type Tone = 'neutral' | 'indigo' | 'amber' | 'emerald' | 'rose' | 'sky';

/** The badge colour of any workflow status (definition, execution, step, approval, intent, trigger). */
export const statusTone = (status: string): Tone => {
  switch (status) {
    case 'active':
    case 'completed':
    case 'approved':
      return 'emerald';
    case 'paused':
    case 'awaiting_approval':
    case 'pending':
      return 'amber';
    case 'failed':
    case 'rejected':
      return 'rose';
    case 'running':
    case 'dispatched':
      return 'sky';
    case 'draft':
      return 'indigo';
    default:
      return 'neutral';
  }
};

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

export type FormErrors<F extends string> = Partial<Record<F | '_form', string>>;
type Built<T, F extends string> = { ok: true; body: T } | { ok: false; errors: FormErrors<F> };

const done = <T, F extends string>(errors: FormErrors<F>, body: () => T): Built<T, F> =>
  Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, body: body() };

/** A comma- or line-separated list of names, trimmed, blanks and repeats dropped. */
export const parseList = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  ),
];

/** A JSON object typed by the user, or the reason it is not one. */
export const parseJsonObject = (
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } => {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'Must be a JSON object, e.g. {"priority": "high"}' };
  return { ok: true, value: value as Record<string, unknown> };
};

/** A value typed in a form: JSON when it parses (numbers, booleans, null, arrays), else the text itself. */
export const parseValue = (text: string): unknown => {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    return JSON.parse(trimmed);
  } catch {
    return text;
  }
};

// ---------------------------------------------------------------------------------------------------
// Conditions (decision steps)

export const CONDITION_OPS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'exists'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];
const OP_TEXT: Record<ConditionOp, string> = {
  eq: '=',
  neq: '≠',
  in: 'in',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  exists: 'exists',
};
export const opLabel = (op: ConditionOp): string => OP_TEXT[op];

/** One row of the condition builder: a dotted path, an operator and the value typed. */
export type ComparisonDraft = { field: string; op: ConditionOp; value: string };
/** The builder: comparisons joined by all (and) or any (or). */
export type ConditionDraft = { join: 'all' | 'any'; rows: ComparisonDraft[] };

type Comparison = { field: string; op: ConditionOp; value?: unknown };
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const FIELD_PATH_RE = /^(input|record)(\.[A-Za-z0-9_]{1,63}){1,8}$/;

/** The problem with a comparison row, or null. */
const comparisonProblem = (row: ComparisonDraft): string | null => {
  if (!FIELD_PATH_RE.test(row.field.trim()))
    return 'Field must be a path starting with input. or record., e.g. record.priority';
  if (row.op === 'in' && !Array.isArray(parseValue(row.value)))
    return 'For "in", the value is a JSON array, e.g. ["high", "urgent"]';
  return null;
};

const comparisonOf = (row: ComparisonDraft): Comparison =>
  row.op === 'exists'
    ? { field: row.field.trim(), op: 'exists' }
    : { field: row.field.trim(), op: row.op, value: parseValue(row.value) };

/** The condition of the builder: a single comparison stays bare; several are joined by all / any. */
export const buildCondition = (
  draft: ConditionDraft,
): { ok: true; condition: Condition } | { ok: false; error: string } => {
  if (draft.rows.length === 0) return { ok: false, error: 'Add at least one comparison' };
  for (const [i, row] of draft.rows.entries()) {
    const problem = comparisonProblem(row);
    if (problem) return { ok: false, error: draft.rows.length > 1 ? `Row ${i + 1}: ${problem}` : problem };
  }
  const comparisons = draft.rows.map(comparisonOf);
  if (comparisons.length === 1) return { ok: true, condition: comparisons[0]! };
  return { ok: true, condition: draft.join === 'all' ? { all: comparisons } : { any: comparisons } };
};

const valueText = (value: unknown): string =>
  typeof value === 'string' ? `"${value}"` : JSON.stringify(value);

/** A condition as one line: `record.priority = "high" and input.amount > 100`. */
export const describeCondition = (condition: Condition): string => {
  if ('all' in condition)
    return condition.all.length === 0 ? 'always' : condition.all.map(nested).join(' and ');
  if ('any' in condition)
    return condition.any.length === 0 ? 'never' : condition.any.map(nested).join(' or ');
  if ('not' in condition) return `not ${nested(condition.not)}`;
  if (condition.op === 'exists') return `${condition.field} exists`;
  return `${condition.field} ${opLabel(condition.op)} ${valueText(condition.value)}`;
};
const nested = (c: Condition): string =>
  'all' in c || 'any' in c ? `(${describeCondition(c)})` : describeCondition(c);

// ---------------------------------------------------------------------------------------------------
// Step forms

type ApproverMode = 'users' | 'role';
type RuleType = 'any' | 'all' | 'n_of_m' | 'percentage';
type EscalationAction = '' | 'reassign' | 'auto_approve' | 'auto_reject';

/** Every field of the add-step form, whatever the type (the form shows those of the chosen type). */
export type StepDraft = {
  stepType: StepType;
  name: string;
  assignStrategy: 'user' | 'group' | 'rule';
  assignTarget: string;
  approverMode: ApproverMode;
  approvers: string;
  rule: RuleType;
  ruleNumber: string;
  deadlineMinutes: string;
  escalation: EscalationAction;
  escalationApprovers: string;
  channel: string;
  recipients: string;
  template: string;
  condition: ConditionDraft;
  onTrue: string;
  onFalse: string;
  updates: { field: string; value: string }[];
  recordIdField: string;
  lockReason: string;
};

export type StepField =
  | 'name'
  | 'assignTarget'
  | 'approvers'
  | 'ruleNumber'
  | 'deadlineMinutes'
  | 'escalationApprovers'
  | 'channel'
  | 'template'
  | 'condition'
  | 'onTrue'
  | 'onFalse'
  | 'updates'
  | 'recordIdField'
  | 'lockReason';

export const emptyStepDraft = (stepType: StepType = 'notification'): StepDraft => ({
  stepType,
  name: '',
  assignStrategy: 'user',
  assignTarget: '',
  approverMode: 'users',
  approvers: '',
  rule: 'any',
  ruleNumber: '',
  deadlineMinutes: '',
  escalation: '',
  escalationApprovers: '',
  channel: 'email',
  recipients: '',
  template: '',
  condition: { join: 'all', rows: [{ field: 'record.', op: 'eq', value: '' }] },
  onTrue: '',
  onFalse: '',
  updates: [{ field: '', value: '' }],
  recordIdField: '',
  lockReason: '',
});

const positiveInt = (text: string, max: number): number | null => {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= max ? n : null;
};

/** Most steps a definition holds. */
const MAX_STEPS = 100;

/**
 * A step index typed as its 1-based position ("3" → 2); blank is "the next step". A target may name a
 * step not added yet (activation checks that it exists).
 */
const stepTarget = (text: string): number | null | 'bad' => {
  if (text.trim() === '') return null;
  const position = positiveInt(text, MAX_STEPS);
  return position === null ? 'bad' : position - 1;
};

const approversOf = (mode: ApproverMode, text: string): { users: string[] } | { role: string } =>
  mode === 'role' ? { role: text.trim() } : { users: parseList(text) };

/**
 * The body of POST /api/workflow-definitions/{id}/steps for the form, or the problems beside its fields.
 * `stepCount` is how many steps the definition will have with this one (this step is the last).
 */
export const buildStep = (draft: StepDraft, stepCount: number): Built<AddStepBody, StepField> => {
  const errors: FormErrors<StepField> = {};
  const name = draft.name.trim() ? { name: draft.name.trim() } : {};
  switch (draft.stepType) {
    case 'assignment': {
      if (draft.assignStrategy !== 'rule' && draft.assignTarget.trim() === '')
        errors.assignTarget = draft.assignStrategy === 'user' ? 'Name the user' : 'Name the group';
      const target = draft.assignTarget.trim();
      return done(errors, () => ({
        ...name,
        stepType: 'assignment',
        config:
          draft.assignStrategy === 'user'
            ? { strategy: 'user', userId: target }
            : draft.assignStrategy === 'group'
              ? { strategy: 'group', group: target }
              : { strategy: 'rule' },
      }));
    }
    case 'approval': {
      const approvers = approversOf(draft.approverMode, draft.approvers);
      if ('users' in approvers && approvers.users.length === 0)
        errors.approvers = 'Name at least one approver';
      if ('role' in approvers && approvers.role === '')
        errors.approvers = 'Name the role whose holders approve';
      let rule:
        | { type: 'any' }
        | { type: 'all' }
        | { type: 'n_of_m'; n: number }
        | {
            type: 'percentage';
            percent: number;
          } = { type: draft.rule === 'all' ? 'all' : 'any' };
      if (draft.rule === 'n_of_m') {
        const n = positiveInt(draft.ruleNumber, 50);
        if (n === null) errors.ruleNumber = 'How many approvals: a whole number from 1 to 50';
        rule = { type: 'n_of_m', n: n ?? 1 };
      } else if (draft.rule === 'percentage') {
        const percent = positiveInt(draft.ruleNumber, 100);
        if (percent === null) errors.ruleNumber = 'A percentage from 1 to 100';
        rule = { type: 'percentage', percent: percent ?? 1 };
      }
      const deadline =
        draft.deadlineMinutes.trim() === '' ? null : positiveInt(draft.deadlineMinutes, 525_600);
      if (draft.deadlineMinutes.trim() !== '' && deadline === null)
        errors.deadlineMinutes = 'Minutes: a whole number from 1 to 525600';
      if (draft.escalation !== '' && deadline === null && !errors.deadlineMinutes)
        errors.deadlineMinutes = 'An escalation needs a deadline';
      const reassignTo = parseList(draft.escalationApprovers);
      if (draft.escalation === 'reassign' && reassignTo.length === 0)
        errors.escalationApprovers = 'Name who is asked instead';
      return done(errors, () => ({
        ...name,
        stepType: 'approval',
        config: {
          approvers,
          rule,
          ...(deadline !== null ? { deadlineMinutes: deadline } : {}),
          ...(draft.escalation === 'reassign'
            ? { escalation: { action: 'reassign' as const, approvers: { users: reassignTo } } }
            : draft.escalation !== ''
              ? { escalation: { action: draft.escalation } }
              : {}),
        },
      }));
    }
    case 'notification': {
      if (!IDENTIFIER_RE.test(draft.channel.trim()))
        errors.channel = 'A channel name in lower case, e.g. email, slack, in_app';
      if (draft.template.trim() === '') errors.template = 'Write the message';
      const recipients = parseList(draft.recipients);
      return done(errors, () => ({
        ...name,
        stepType: 'notification',
        config: {
          channel: draft.channel.trim(),
          template: draft.template,
          ...(recipients.length > 0 ? { recipients } : {}),
        },
      }));
    }
    case 'decision': {
      const condition = buildCondition(draft.condition);
      if (!condition.ok) errors.condition = condition.error;
      const onTrue = stepTarget(draft.onTrue);
      const onFalse = stepTarget(draft.onFalse);
      const targetHint = `A step number from 1 to ${MAX_STEPS}, or blank for the next step`;
      if (onTrue === 'bad') errors.onTrue = targetHint;
      if (onFalse === 'bad') errors.onFalse = targetHint;
      if (onTrue === stepCount - 1) errors.onTrue = 'A decision cannot go to itself';
      if (onFalse === stepCount - 1) errors.onFalse = 'A decision cannot go to itself';
      return done(errors, () => ({
        ...name,
        stepType: 'decision',
        config: {
          condition: (condition as { condition: Condition }).condition as never,
          ...(typeof onTrue === 'number' ? { onTrueStepIndex: onTrue } : {}),
          ...(typeof onFalse === 'number' ? { onFalseStepIndex: onFalse } : {}),
        },
      }));
    }
    case 'record_mutation': {
      const rows = draft.updates.filter((u) => u.field.trim() !== '' || u.value.trim() !== '');
      if (rows.length === 0) errors.updates = 'Set at least one field';
      const bad = rows.find((u) => !IDENTIFIER_RE.test(u.field.trim()));
      if (bad) errors.updates = `"${bad.field}" is not a field name (lower case, digits, _)`;
      const names = rows.map((u) => u.field.trim());
      if (new Set(names).size !== names.length) errors.updates = 'Each field is set once';
      return done(errors, () => ({
        ...name,
        stepType: 'record_mutation',
        config: { updates: Object.fromEntries(rows.map((u) => [u.field.trim(), parseValue(u.value)])) },
      }));
    }
    case 'record_lock': {
      if (draft.recordIdField.trim() !== '' && !IDENTIFIER_RE.test(draft.recordIdField.trim()))
        errors.recordIdField = 'An input field name (lower case, digits, _), or blank';
      return done(errors, () => ({
        ...name,
        stepType: 'record_lock',
        config: {
          ...(draft.recordIdField.trim() ? { recordIdField: draft.recordIdField.trim() } : {}),
          ...(draft.lockReason.trim() ? { reason: draft.lockReason.trim() } : {}),
        },
      }));
    }
  }
};

const approversText = (approvers: { users: string[] } | { role: string }): string =>
  'role' in approvers ? `holders of role ${approvers.role}` : approvers.users.join(', ');

/** A step's configuration as one line, for the step list. */
export const describeStep = (step: WorkflowStep): string => {
  switch (step.stepType) {
    case 'assignment': {
      const c = step.config;
      return c.strategy === 'user'
        ? `Assign to user ${c.userId}`
        : c.strategy === 'group'
          ? `Assign to group ${c.group}`
          : "Assign by the record type's rules";
    }
    case 'approval': {
      const c = step.config;
      const rule = c.rule ?? { type: 'any' as const };
      const ruleText =
        rule.type === 'n_of_m'
          ? `${rule.n} of them`
          : rule.type === 'percentage'
            ? `${rule.percent}% of them`
            : rule.type === 'all'
              ? 'all of them'
              : 'any one';
      const deadline = c.deadlineMinutes ? `; deadline ${c.deadlineMinutes} min` : '';
      const escalation = c.escalation
        ? c.escalation.action === 'reassign'
          ? `, then ask ${approversText(c.escalation.approvers)}`
          : `, then ${labelOf(c.escalation.action).toLowerCase()}`
        : '';
      return `Approval by ${approversText(c.approvers)} (${ruleText})${deadline}${escalation}`;
    }
    case 'notification':
      return `${step.config.channel}: ${step.config.template}`;
    case 'decision':
      return `If ${describeCondition(step.config.condition as Condition)}`;
    case 'record_mutation':
      return `Set ${Object.entries(step.config.updates)
        .map(([k, v]) => `${k} = ${valueText(v)}`)
        .join(', ')}`;
    case 'record_lock':
      return `Lock the record${step.config.reason ? `: ${step.config.reason}` : ''}`;
  }
};

// ---------------------------------------------------------------------------------------------------
// Decision branches

/** Where a decision goes when true and when false: a step index, or `end` past the last step. */
export type Branch = { from: number; to: number | 'end'; when: 'true' | 'false' };

/** The branches of every decision step (absent targets go to the next step, or the end). */
export const branchesOf = (steps: readonly Pick<WorkflowStep, 'stepType' | 'config'>[]): Branch[] =>
  steps.flatMap((step, i) => {
    if (step.stepType !== 'decision') return [];
    const config = step.config as { onTrueStepIndex?: number; onFalseStepIndex?: number };
    const target = (index: number | undefined): number | 'end' => {
      const to = index ?? i + 1;
      return to >= steps.length ? 'end' : to;
    };
    return [
      { from: i, to: target(config.onTrueStepIndex), when: 'true' as const },
      { from: i, to: target(config.onFalseStepIndex), when: 'false' as const },
    ];
  });

/** An arrow of the branch diagram: from row to row, drawn in its own lane so arrows do not overlap. */
export type Arrow = Branch & { fromRow: number; toRow: number; lane: number };

/**
 * Lays out the branch arrows beside a list of `steps` rows (row `steps` is the end): each arrow takes
 * the first lane free over its span, so crossing arrows get distinct lanes; short spans go first.
 */
export const layoutArrows = (branches: readonly Branch[], steps: number): Arrow[] => {
  const spans = branches
    .map((b) => ({ ...b, fromRow: b.from, toRow: b.to === 'end' ? steps : b.to }))
    .sort((a, b) => Math.abs(a.toRow - a.fromRow) - Math.abs(b.toRow - b.fromRow) || a.fromRow - b.fromRow);
  const lanes: { lo: number; hi: number }[][] = [];
  return spans.map((span) => {
    const lo = Math.min(span.fromRow, span.toRow);
    const hi = Math.max(span.fromRow, span.toRow);
    let lane = lanes.findIndex((taken) => taken.every((t) => hi < t.lo || lo > t.hi));
    if (lane === -1) {
      lane = lanes.length;
      lanes.push([]);
    }
    lanes[lane]!.push({ lo, hi });
    return { ...span, lane };
  });
};

/** A branch as text for screen readers and the list: `Step 2, when true, goes to step 4`. */
export const describeBranch = (branch: Branch): string =>
  `Step ${branch.from + 1}, when ${branch.when}, goes to ${branch.to === 'end' ? 'the end' : `step ${branch.to + 1}`}`;

// ---------------------------------------------------------------------------------------------------
// Triggers

export type TriggerDraft = {
  triggerType: TriggerType;
  event: 'record.created' | 'record.updated';
  recordTypeKey: string;
  cron: string;
  timezone: string;
};
export type TriggerField = 'recordTypeKey' | 'cron' | 'timezone';

export const emptyTriggerDraft = (): TriggerDraft => ({
  triggerType: 'record_event',
  event: 'record.created',
  recordTypeKey: '',
  cron: '',
  timezone: '',
});

/** The body of POST /api/workflow-triggers for the form, or the problems beside its fields. */
export const buildTrigger = (
  workflowDefinitionId: string,
  draft: TriggerDraft,
): Built<CreateTriggerBody, TriggerField> => {
  const errors: FormErrors<TriggerField> = {};
  switch (draft.triggerType) {
    case 'record_event':
      if (!IDENTIFIER_RE.test(draft.recordTypeKey.trim()))
        errors.recordTypeKey = 'The key of the record type, e.g. incident';
      return done(errors, () => ({
        workflowDefinitionId,
        triggerType: 'record_event',
        triggerConfig: { event: draft.event, recordTypeKey: draft.recordTypeKey.trim() },
      }));
    case 'schedule': {
      const fields = draft.cron.trim().split(/\s+/).filter(Boolean).length;
      if (fields !== 5 && fields !== 6)
        errors.cron = 'Five cron fields (minute hour day month weekday), e.g. 0 9 * * 1';
      return done(errors, () => ({
        workflowDefinitionId,
        triggerType: 'schedule',
        triggerConfig: {
          cron: draft.cron.trim(),
          ...(draft.timezone.trim() ? { timezone: draft.timezone.trim() } : {}),
        },
      }));
    }
    case 'manual':
      return { ok: true, body: { workflowDefinitionId, triggerType: 'manual', triggerConfig: {} } };
  }
};

/** A trigger's configuration as one line. */
export const describeTrigger = (trigger: WorkflowTrigger): string => {
  switch (trigger.triggerType) {
    case 'record_event': {
      const c = trigger.triggerConfig;
      const target = c.recordTypeKey ?? c.recordTypeId ?? 'any record type';
      return `On ${c.event} of ${target}`;
    }
    case 'schedule':
      return `Cron ${trigger.triggerConfig.cron} (${trigger.triggerConfig.timezone ?? 'UTC'})`;
    case 'manual':
      return 'Fired by hand';
  }
};

// ---------------------------------------------------------------------------------------------------
// Gates that are not permissions

/** Steps are added only to a draft; the reason otherwise. */
export const stepEditReason = (status: DefinitionStatus): string | undefined =>
  status === 'draft'
    ? undefined
    : `Steps can only be changed while the definition is a draft; this one is ${status}`;

/** Why an agent may not take an action that only users take, or undefined for a user. */
export const agentRefusal = (actorType: string | undefined, action: string): string | undefined =>
  actorType === 'agent' ? `Agents may not ${action}; a user must` : undefined;

/** The problems a refused activation lists (409 WORKFLOW_DEFINITION_INVALID, `details.problems`), as lines. */
export const activationProblems = (details: unknown): string[] => {
  const problems = (details as { problems?: unknown } | null | undefined)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p) => {
    if (typeof p !== 'object' || p === null) return [];
    const { stepIndex, message } = p as { stepIndex?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    return [typeof stepIndex === 'number' ? `Step ${stepIndex + 1}: ${message}` : message];
  });
};

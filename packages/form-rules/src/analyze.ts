import { type Static, Type } from '@sinclair/typebox';
import { type Condition, conditionFields } from './condition.js';
import { type FormRule, type FormRulesView, orderedRules } from './form.js';
import { jsonEqual } from './values.js';

const RULE_PROBLEM_KINDS = ['hiddenButRequired', 'cycle', 'unknownField', 'contradiction'] as const;

export const RuleProblemSchema = Type.Object(
  {
    kind: Type.Union(RULE_PROBLEM_KINDS.map((k) => Type.Literal(k))),
    fields: Type.Array(Type.String(), { description: 'The fields concerned' }),
    rules: Type.Array(Type.Integer(), {
      description: "Positions of the rules concerned in the form's rule list",
    }),
    ruleIds: Type.Array(Type.String(), { description: 'Ids of the rules concerned, where they have one' }),
    message: Type.String(),
  },
  { $id: 'RuleProblem' },
);
/** Something wrong with a form's rules that evaluation alone would never report. */
export type RuleProblem = Static<typeof RuleProblemSchema>;

type Indexed = { rule: FormRule; index: number };

/**
 * Two conditions that can never hold on the same data: one negates the other, or both compare the same
 * field for equality with different values, or one asks for emptiness and the other for a value.
 * Conservative: false means "may hold together".
 */
const exclusive = (a: Condition | null, b: Condition | null): boolean => {
  if (a === null || b === null) return false;
  if ('not' in a && jsonEqual(a.not, b)) return true;
  if ('not' in b && jsonEqual(b.not, a)) return true;
  if ('field' in a && 'field' in b && a.field === b.field) {
    const ops = new Set([a.op, b.op]);
    if (a.op === 'eq' && b.op === 'eq') return !jsonEqual(a.value, b.value);
    if (ops.has('eq') && ops.has('neq')) return jsonEqual(a.value, b.value);
    if (ops.has('empty') && ops.has('notEmpty')) return true;
  }
  return false;
};

const problem = (
  kind: RuleProblem['kind'],
  fields: string[],
  rules: Indexed[],
  message: string,
): RuleProblem => ({
  kind,
  fields,
  rules: rules.map((r) => r.index),
  ruleIds: rules.flatMap((r) => (r.rule.id ? [r.rule.id] : [])),
  message,
});

/** Strongly connected groups of the "rule on A reads B" graph with at least two fields (Tarjan). */
const cyclesOf = (edges: Map<string, Set<string>>): string[][] => {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next))
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
};

/**
 * The problems of a form's active rules, in a stable order:
 * - unknownField: a rule targets, or its condition reads, a field the form does not hold;
 * - hiddenButRequired: a field can be required (by its definition, its flags or a rule) while hidden
 *   (by its flags or a rule whose condition can hold at the same time), so nobody can fill it in;
 * - cycle: rules on A read B while rules on B read A, directly or through other fields (a rule
 *   reading its own target is not a cycle: a write-once field is read-only when it is not empty);
 * - contradiction: a rule that can never take effect, because a later rule on the same flag with
 *   the same condition sets the opposite value, or because it makes a definition-required field optional.
 */
export const analyzeRules = (form: FormRulesView): RuleProblem[] => {
  const problems: RuleProblem[] = [];
  const fields = new Map(form.fields.map((f) => [f.name, f]));
  const positions = new Map(form.rules.map((rule, index) => [rule, index]));
  const active: Indexed[] = orderedRules(form.rules).map((rule) => ({
    rule,
    index: positions.get(rule) as number,
  }));

  for (const item of active) {
    if (!fields.has(item.rule.targetField))
      problems.push(
        problem(
          'unknownField',
          [item.rule.targetField],
          [item],
          `The rule targets ${item.rule.targetField}, which is not on the form`,
        ),
      );
    const unknown = conditionFields(item.rule.condition).filter((f) => !fields.has(f));
    if (unknown.length > 0)
      problems.push(
        problem(
          'unknownField',
          unknown,
          [item],
          `The rule's condition reads ${unknown.join(', ')}, not on the form`,
        ),
      );
  }

  for (const field of form.fields) {
    const on = active.filter((r) => r.rule.targetField === field.name);
    const requiring = on.filter((r) => r.rule.ruleType === 'required' && r.rule.value);
    const hiding = on.filter((r) => r.rule.ruleType === 'visible' && !r.rule.value);
    const alwaysRequired = field.requiredByDefinition === true || field.required;
    let involved: Indexed[] = [];
    if (alwaysRequired) involved = field.visible ? hiding : [];
    else if (!field.visible) involved = requiring;
    else
      involved = [...requiring, ...hiding].filter((r) =>
        (r.rule.ruleType === 'required' ? hiding : requiring).some(
          (other) => !exclusive(r.rule.condition, other.rule.condition),
        ),
      );
    if ((alwaysRequired && !field.visible) || involved.length > 0)
      problems.push(
        problem(
          'hiddenButRequired',
          [field.name],
          involved.sort((a, b) => a.index - b.index),
          `${field.label ?? field.name} can be required while it is hidden`,
        ),
      );
  }

  const edges = new Map<string, Set<string>>();
  for (const { rule } of active) {
    const reads = conditionFields(rule.condition).filter((f) => f !== rule.targetField);
    if (reads.length === 0) continue;
    const set = edges.get(rule.targetField) ?? new Set<string>();
    for (const f of reads) set.add(f);
    edges.set(rule.targetField, set);
  }
  for (const group of cyclesOf(edges)) {
    const members = new Set(group);
    const involved = active.filter(
      (r) => members.has(r.rule.targetField) && conditionFields(r.rule.condition).some((f) => members.has(f)),
    );
    problems.push(
      problem('cycle', group, involved, `Rules on ${group.join(', ')} depend on each other in a cycle`),
    );
  }

  active.forEach((item, position) => {
    const { rule } = item;
    const field = fields.get(rule.targetField);
    if (field?.requiredByDefinition && rule.ruleType === 'required' && !rule.value) {
      problems.push(
        problem(
          'contradiction',
          [rule.targetField],
          [item],
          `${field.label ?? field.name} is required by its definition; a rule cannot make it optional`,
        ),
      );
      return;
    }
    const overriding = active
      .slice(position + 1)
      .find(
        (later) =>
          later.rule.targetField === rule.targetField &&
          later.rule.ruleType === rule.ruleType &&
          later.rule.value !== rule.value &&
          jsonEqual(later.rule.condition, rule.condition),
      );
    if (overriding)
      problems.push(
        problem(
          'contradiction',
          [rule.targetField],
          [item, overriding],
          `A later rule with the same condition sets ${rule.ruleType} of ${rule.targetField} the other way: this rule never takes effect`,
        ),
      );
  });
  return problems;
};

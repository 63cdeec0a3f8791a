import { type Condition, MAX_CONDITION_DEPTH } from '@ec3l/form-rules';

/**
 * Editing a form rule's condition (the shared Condition language of @ec3l/form-rules) in the
 * condition builder: the operators it offers, edits at a path in the tree, values typed as text, and a
 * sentence describing a condition. Pure, no DOM.
 */

export type { Condition };
export type Comparison = Extract<Condition, { field: string }>;
export type ConditionOp = Comparison['op'];
type ConditionValue = Comparison['value'];
type Scalar = Exclude<ConditionValue, unknown[] | undefined>;

/** A field a condition can test, as the builder lists it. */
export type ConditionField = { name: string; label: string; type: string };

export const OPS: readonly { op: ConditionOp; label: string }[] = [
  { op: 'eq', label: 'equals' },
  { op: 'neq', label: 'does not equal' },
  { op: 'in', label: 'is one of' },
  { op: 'notIn', label: 'is none of' },
  { op: 'gt', label: 'is greater than' },
  { op: 'gte', label: 'is at least' },
  { op: 'lt', label: 'is less than' },
  { op: 'lte', label: 'is at most' },
  { op: 'contains', label: 'contains' },
  { op: 'empty', label: 'is empty' },
  { op: 'notEmpty', label: 'is not empty' },
];

const OP_LABEL = new Map(OPS.map((o) => [o.op, o.label]));

/** Whether an operator compares against a value (`empty`/`notEmpty` take none). */
export const needsValue = (op: ConditionOp): boolean => op !== 'empty' && op !== 'notEmpty';

/** Whether an operator's value is a list (`in`/`notIn`), typed as comma-separated text. */
export const isListOp = (op: ConditionOp): boolean => op === 'in' || op === 'notIn';

/** Steps from the root: the index of a child in an `all`/`any`, 0 for the inside of a `not`. */
export type Path = readonly number[];

const isGroup = (c: Condition): c is Extract<Condition, { all: Condition[] } | { any: Condition[] }> =>
  'all' in c || 'any' in c;

export const childrenOf = (c: Condition): readonly Condition[] =>
  'all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : [];

const withChildren = (c: Condition, children: Condition[]): Condition => {
  if ('all' in c) return { all: children };
  if ('any' in c) return { any: children };
  if ('not' in c && children[0]) return { not: children[0] };
  return c;
};

/** A new comparison on `field` (equals an empty value). */
export const newComparison = (field: ConditionField | undefined): Comparison => ({
  field: field?.name ?? '',
  op: 'eq',
  value: field?.type === 'boolean' ? true : '',
});

/** The node at `path`, or null when the path leads nowhere. */
export const conditionAt = (root: Condition, path: Path): Condition | null => {
  let node: Condition | undefined = root;
  for (const step of path) {
    node = node ? childrenOf(node)[step] : undefined;
    if (!node) return null;
  }
  return node ?? null;
};

/** The tree with the node at `path` replaced by `next`. */
export const replaceAt = (root: Condition, path: Path, next: Condition): Condition => {
  if (path.length === 0) return next;
  const [step, ...rest] = path as [number, ...number[]];
  const children = [...childrenOf(root)];
  const child = children[step];
  if (!child) return root;
  children[step] = replaceAt(child, rest, next);
  return withChildren(root, children);
};

/**
 * The tree without the node at `path`: removed from its group, or, inside a `not`, the `not` goes with
 * it. Removing the root (or the last child of the root group) answers null: the rule then always applies.
 */
export const removeAt = (root: Condition, path: Path): Condition | null => {
  if (path.length === 0) return null;
  const parentPath = path.slice(0, -1);
  const parent = conditionAt(root, parentPath);
  if (!parent) return root;
  if ('not' in parent) return removeAt(root, parentPath);
  const children = childrenOf(parent).filter((_, i) => i !== path[path.length - 1]);
  if (children.length === 0) return removeAt(root, parentPath);
  return replaceAt(root, parentPath, withChildren(parent, children));
};

/** The tree with `child` added at the end of the group at `path`. */
export const appendAt = (root: Condition, path: Path, child: Condition): Condition => {
  const group = conditionAt(root, path);
  if (!group || !isGroup(group)) return root;
  return replaceAt(root, path, withChildren(group, [...childrenOf(group), child]));
};

/** How deep `all` / `any` / `not` nest: a comparison alone is 0. */
export const nestingOf = (c: Condition): number =>
  'field' in c ? 0 : 1 + Math.max(0, ...childrenOf(c).map((child) => nestingOf(child)));

/** Whether a condition stays within the language's nesting bound (the builder offers nothing beyond it). */
export const fitsNesting = (c: Condition): boolean => nestingOf(c) <= MAX_CONDITION_DEPTH;

const scalarText = (value: Scalar | undefined): string =>
  value === undefined || value === null ? '' : String(value);

/** A comparison's value as its text box shows it (a list as comma-separated items). */
export const valueText = (value: ConditionValue): string =>
  Array.isArray(value) ? value.map((v) => scalarText(v)).join(', ') : scalarText(value);

const scalarOf = (text: string, fieldType: string): Scalar => {
  const trimmed = text.trim();
  if (fieldType === 'number' && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (fieldType === 'boolean' && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  return trimmed;
};

/**
 * A comparison's value from the text typed for it, typed as the field is: numbers for number fields,
 * booleans for boolean fields, a list for `in`/`notIn`, nothing for `empty`/`notEmpty`.
 */
export const parseValueText = (text: string, op: ConditionOp, fieldType: string): ConditionValue => {
  if (!needsValue(op)) return undefined;
  if (isListOp(op))
    return text
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => scalarOf(part, fieldType));
  return scalarOf(text, fieldType);
};

/** The comparison with another operator, its value carried over (to or from a list) as far as it fits. */
export const withOp = (c: Comparison, op: ConditionOp, fieldType: string): Comparison => {
  if (!needsValue(op)) return { field: c.field, op };
  return { field: c.field, op, value: parseValueText(valueText(c.value), op, fieldType) ?? '' };
};

const quote = (value: ConditionValue): string => {
  if (Array.isArray(value)) return `(${value.map((v) => quote(v)).join(', ')})`;
  return typeof value === 'string' ? `"${value}"` : scalarText(value);
};

/**
 * The condition in words: `Priority equals "high" and (Category is empty or not Impact is at least 3)`.
 * Null (no condition) reads "always".
 */
export const describeCondition = (c: Condition | null, labelOf: (field: string) => string): string => {
  if (c === null) return 'always';
  const inner = (node: Condition, nested: boolean): string => {
    if ('field' in node) {
      const op = OP_LABEL.get(node.op) ?? node.op;
      return needsValue(node.op)
        ? `${labelOf(node.field)} ${op} ${quote(node.value)}`
        : `${labelOf(node.field)} ${op}`;
    }
    if ('not' in node) return `not ${inner(node.not, true)}`;
    const joiner = 'all' in node ? ' and ' : ' or ';
    const parts = childrenOf(node).map((child) => inner(child, true));
    if (parts.length === 0) return 'all' in node ? 'always' : 'never';
    const text = parts.join(joiner);
    return nested && parts.length > 1 ? `(${text})` : text;
  };
  return inner(c, false);
};

import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { fieldValue, isEmptyValue, jsonEqual, type RecordData } from './values.js';

/** The comparison operators of a field condition. */
export const CONDITION_OPS = [
  'eq',
  'neq',
  'in',
  'notIn',
  'gt',
  'gte',
  'lt',
  'lte',
  'empty',
  'notEmpty',
  'contains',
] as const;
type ConditionOp = (typeof CONDITION_OPS)[number];

/** How deep `all` / `any` / `not` may nest (a field condition alone has depth 0). */
export const MAX_CONDITION_DEPTH = 4;
/** How many conditions an `all` or `any` may list. */
const MAX_CONDITION_ITEMS = 20;
/** How many nodes (combinators and field conditions) one condition may hold in all. */
const MAX_CONDITION_NODES = 100;
/** Longest field name a condition may read. */
const MAX_FIELD_NAME_LENGTH = 100;

// No NUL: conditions are stored as jsonb, which refuses it.
const TEXT_PATTERN = '^[^\\u0000]*$';
const FieldName = () =>
  Type.String({ minLength: 1, maxLength: MAX_FIELD_NAME_LENGTH, pattern: TEXT_PATTERN });
const Scalar = () =>
  Type.Union([
    Type.String({ maxLength: 1000, pattern: TEXT_PATTERN }),
    Type.Number(),
    Type.Boolean(),
    Type.Null(),
  ]);

/** Compared values: a scalar, or a list of scalars (for `in` / `notIn`). */
const ConditionValueSchema = Type.Union([Scalar(), Type.Array(Scalar(), { maxItems: 100 })]);

/** A comparison of one field of the record's data with a value. */
const FieldConditionSchema = Type.Object(
  {
    field: FieldName(),
    op: Type.Union(CONDITION_OPS.map((op) => Type.Literal(op))),
    value: Type.Optional(ConditionValueSchema),
  },
  { additionalProperties: false },
);

const levelOf = (depth: number): TSchema => {
  if (depth === 0) return FieldConditionSchema;
  const inner = levelOf(depth - 1);
  return Type.Union([
    FieldConditionSchema,
    Type.Object(
      { all: Type.Array(inner, { maxItems: MAX_CONDITION_ITEMS }) },
      { additionalProperties: false },
    ),
    Type.Object(
      { any: Type.Array(inner, { maxItems: MAX_CONDITION_ITEMS }) },
      { additionalProperties: false },
    ),
    Type.Object({ not: inner }, { additionalProperties: false }),
  ]);
};

/** A condition as data. `{ all: [] }` holds, `{ any: [] }` does not. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { field: string; op: ConditionOp; value?: Static<typeof ConditionValueSchema> };

/**
 * The condition language as a JSON schema, nesting bounded to MAX_CONDITION_DEPTH (written out level
 * by level, so validators and generators never follow a recursive reference). The API accepts exactly
 * this; `conditionProblems` adds the bound on the total size.
 */
export const ConditionSchema = Type.Unsafe<Condition>({
  ...levelOf(MAX_CONDITION_DEPTH),
  $id: 'Condition',
  description:
    'A condition: { all: [...] }, { any: [...] }, { not: c } or { field, op, value? } with op one of ' +
    `${CONDITION_OPS.join(', ')}; nested at most ${MAX_CONDITION_DEPTH} deep, ${MAX_CONDITION_NODES} nodes in all`,
});

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const compare = (left: unknown, right: unknown): number | undefined => {
  if (
    typeof left === 'number' &&
    typeof right === 'number' &&
    Number.isFinite(left) &&
    Number.isFinite(right)
  )
    return left - right;
  // Strings compare by code unit: ISO dates and times order correctly this way.
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return undefined;
};

const matches = (op: unknown, actual: unknown, expected: unknown): boolean => {
  switch (op) {
    case 'eq':
      return jsonEqual(actual, expected);
    case 'neq':
      return !jsonEqual(actual, expected);
    case 'in':
      return (Array.isArray(expected) ? expected : [expected]).some((v) => jsonEqual(actual, v));
    case 'notIn':
      return !(Array.isArray(expected) ? expected : [expected]).some((v) => jsonEqual(actual, v));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const order = compare(actual, expected);
      if (order === undefined) return false;
      if (op === 'gt') return order > 0;
      if (op === 'gte') return order >= 0;
      if (op === 'lt') return order < 0;
      return order <= 0;
    }
    case 'empty':
      return isEmptyValue(actual);
    case 'notEmpty':
      return !isEmptyValue(actual);
    case 'contains':
      if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
      if (Array.isArray(actual)) return actual.some((v) => jsonEqual(v, expected));
      return false;
    default:
      return false;
  }
};

const evaluate = (condition: unknown, data: RecordData, depth: number): boolean => {
  if (depth > MAX_CONDITION_DEPTH * 4 || !isObject(condition)) return false;
  if ('all' in condition)
    return Array.isArray(condition.all) && condition.all.every((c) => evaluate(c, data, depth + 1));
  if ('any' in condition)
    return Array.isArray(condition.any) && condition.any.some((c) => evaluate(c, data, depth + 1));
  if ('not' in condition) return isObject(condition.not) && !evaluate(condition.not, data, depth + 1);
  if (typeof condition.field !== 'string') return false;
  return matches(condition.op, fieldValue(data, condition.field), condition.value);
};

/**
 * Whether the condition holds on the data; `null` always holds. Total: any data and even a malformed
 * condition give an answer (a shape it does not know is false), never an exception. A missing field
 * reads as null; comparisons (gt/gte/lt/lte) hold only between two finite numbers or two strings.
 */
export const evaluateCondition = (condition: Condition | null, data: RecordData): boolean =>
  condition === null ? true : evaluate(condition, data, 0);

/** The field names a condition reads, each once, in first-seen order. */
export const conditionFields = (condition: Condition | null): string[] => {
  const seen = new Set<string>();
  const walk = (c: unknown, depth: number) => {
    if (depth > MAX_CONDITION_DEPTH * 4 || !isObject(c)) return;
    if (Array.isArray(c.all)) for (const item of c.all) walk(item, depth + 1);
    else if (Array.isArray(c.any)) for (const item of c.any) walk(item, depth + 1);
    else if ('not' in c) walk(c.not, depth + 1);
    else if (typeof c.field === 'string') seen.add(c.field);
  };
  walk(condition, 0);
  return [...seen];
};

/** What makes a schema-valid condition still unacceptable: too many nodes, or an operator without its value. */
export const conditionProblems = (condition: Condition | null): string[] => {
  if (condition === null) return [];
  const problems: string[] = [];
  let nodes = 0;
  const walk = (c: Condition) => {
    nodes += 1;
    if ('all' in c) for (const item of c.all) walk(item);
    else if ('any' in c) for (const item of c.any) walk(item);
    else if ('not' in c) walk(c.not);
    else if (c.op !== 'empty' && c.op !== 'notEmpty' && c.value === undefined)
      problems.push(`the ${c.op} comparison on ${c.field} needs a value`);
  };
  walk(condition);
  if (nodes > MAX_CONDITION_NODES)
    problems.unshift(`the condition has ${nodes} nodes; at most ${MAX_CONDITION_NODES} are allowed`);
  return problems;
};

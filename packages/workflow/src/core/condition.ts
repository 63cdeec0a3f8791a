import { Text } from '@ec3l/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * The condition language of decision steps: data, never code. A comparison names a field of the
 * execution's input (`input.…`) or of its record (`record.…`); `all`, `any` and `not` combine them.
 */
const CONDITION_OPS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'exists'] as const;
type ConditionOp = (typeof CONDITION_OPS)[number];

/** How deep `all` / `any` / `not` may nest (the schema is written out to this depth, without recursion). */
const MAX_CONDITION_DEPTH = 3;

const FIELD_PATTERN = '^(input|record)(\\.[A-Za-z0-9_]{1,63}){1,8}$';

const ComparisonSchema = Type.Object(
  {
    field: Text({
      pattern: FIELD_PATTERN,
      maxLength: 600,
      description: 'A dotted path starting with input. or record., e.g. record.priority',
    }),
    op: Type.Union(
      CONDITION_OPS.map((op) => Type.Literal(op)),
      { description: 'eq, neq, in (value is an array), gt/gte/lt/lte (numbers or strings), exists' },
    ),
    value: Type.Optional(Type.Unknown({ description: 'The value compared with; not used by exists' })),
  },
  { additionalProperties: false },
);

const group = (inner: TSchema) =>
  Type.Union([
    ComparisonSchema,
    Type.Object({ all: Type.Array(inner, { maxItems: 20 }) }, { additionalProperties: false }),
    Type.Object({ any: Type.Array(inner, { maxItems: 20 }) }, { additionalProperties: false }),
    Type.Object({ not: inner }, { additionalProperties: false }),
  ]);

const nested = (depth: number): TSchema => (depth === 0 ? ComparisonSchema : group(nested(depth - 1)));

type Comparison = Static<typeof ComparisonSchema>;

/** A condition: a comparison, or all / any / not of conditions. */
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** The schema of a condition, nesting at most MAX_CONDITION_DEPTH levels. */
export const ConditionSchema = Type.Unsafe<Condition>({
  ...nested(MAX_CONDITION_DEPTH),
  description:
    'A condition over input.* and record.*: { field, op, value } or { all: [...] }, { any: [...] }, { not: ... }',
});

/** What a condition reads: the execution's accumulated input and its record's data (when it has one). */
export type ConditionScope = { input: unknown; record: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path (`input.a.b`), or undefined when any step of it is missing. */
export const valueAt = (scope: ConditionScope, path: string): unknown => {
  const [root, ...rest] = path.split('.');
  let current: unknown = root === 'input' ? scope.input : root === 'record' ? scope.record : undefined;
  for (const key of rest) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
};

/** Structural equality of JSON values (object key order does not matter). */
export const jsonEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
};

const ordered = (left: unknown, right: unknown): number | null => {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return null;
};

const compare = (op: ConditionOp, left: unknown, right: unknown): boolean => {
  switch (op) {
    case 'eq':
      return left !== undefined && jsonEqual(left, right);
    case 'neq':
      return !(left !== undefined && jsonEqual(left, right));
    case 'in':
      return left !== undefined && Array.isArray(right) && right.some((item) => jsonEqual(left, item));
    case 'exists':
      return left !== undefined && left !== null;
    default: {
      const order = ordered(left, right);
      if (order === null) return false;
      if (op === 'gt') return order > 0;
      if (op === 'gte') return order >= 0;
      if (op === 'lt') return order < 0;
      return order <= 0;
    }
  }
};

/**
 * Evaluates a condition; total over every scope (a missing field is never equal to anything and
 * compares false). `all` of nothing is true, `any` of nothing is false.
 */
export const evaluateCondition = (condition: Condition, scope: ConditionScope): boolean => {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, scope));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, scope));
  if ('not' in condition) return !evaluateCondition(condition.not, scope);
  return compare(condition.op, valueAt(scope, condition.field), condition.value);
};

/** What is wrong with a condition beyond its schema (an `in` without an array, a comparison without a value). */
export const conditionProblems = (condition: Condition, at = 'condition'): string[] => {
  if ('all' in condition) return condition.all.flatMap((c, i) => conditionProblems(c, `${at}.all[${i}]`));
  if ('any' in condition) return condition.any.flatMap((c, i) => conditionProblems(c, `${at}.any[${i}]`));
  if ('not' in condition) return conditionProblems(condition.not, `${at}.not`);
  if (condition.op === 'in' && !Array.isArray(condition.value))
    return [`${at}: op "in" needs an array value`];
  if (condition.op !== 'exists' && condition.value === undefined)
    return [`${at}: op "${condition.op}" needs a value`];
  return [];
};

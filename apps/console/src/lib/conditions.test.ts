import { describe, expect, it } from 'vitest';
import {
  appendAt,
  type Condition,
  conditionAt,
  describeCondition,
  fitsNesting,
  nestingOf,
  parseValueText,
  removeAt,
  replaceAt,
  valueText,
  withOp,
} from './conditions';

const tree: Condition = {
  all: [
    { field: 'priority', op: 'eq', value: 'high' },
    { any: [{ field: 'category', op: 'empty' }, { not: { field: 'impact', op: 'gte', value: 3 } }] },
  ],
};
const label = (field: string) => field[0]!.toUpperCase() + field.slice(1);

describe('paths in a condition', () => {
  it('finds the node at a path, through groups and a not', () => {
    expect(conditionAt(tree, [1, 1, 0])).toEqual({ field: 'impact', op: 'gte', value: 3 });
    expect(conditionAt(tree, [1, 5])).toBeNull();
  });

  it('replaces a node and leaves the rest as it was', () => {
    const next = replaceAt(tree, [1, 0], { field: 'category', op: 'notEmpty' });
    expect(conditionAt(next, [1, 0])).toEqual({ field: 'category', op: 'notEmpty' });
    expect(conditionAt(next, [0])).toEqual(conditionAt(tree, [0]));
    expect(conditionAt(tree, [1, 0])).toEqual({ field: 'category', op: 'empty' });
  });

  it('removes a node from its group, takes a not with its inside, and empties to null', () => {
    expect(removeAt(tree, [0])).toEqual({ all: [tree.all[1]] } as Condition);
    expect(conditionAt(removeAt(tree, [1, 1, 0])!, [1])).toEqual({
      any: [{ field: 'category', op: 'empty' }],
    });
    expect(removeAt({ all: [{ field: 'a', op: 'empty' }] }, [0])).toBeNull();
    expect(removeAt(tree, [])).toBeNull();
  });

  it('appends to a group only', () => {
    const added = appendAt(tree, [1], { field: 'x', op: 'empty' });
    expect((conditionAt(added, [1]) as { any: Condition[] }).any).toHaveLength(3);
    expect(appendAt(tree, [0], { field: 'x', op: 'empty' })).toEqual(tree);
  });
});

describe('nesting', () => {
  it('counts combinators, a comparison alone being 0', () => {
    expect(nestingOf({ field: 'a', op: 'empty' })).toBe(0);
    expect(nestingOf(tree)).toBe(3);
  });

  it('refuses a condition nested deeper than the language allows', () => {
    let c: Condition = { field: 'a', op: 'empty' };
    for (let i = 0; i < 4; i += 1) c = { not: c };
    expect(fitsNesting(c)).toBe(true);
    expect(fitsNesting({ all: [c] })).toBe(false);
  });
});

describe('values typed as text', () => {
  it('types values as the field is, lists for in and notIn, nothing for empty', () => {
    expect(parseValueText(' 42 ', 'eq', 'number')).toBe(42);
    expect(parseValueText('4x', 'eq', 'number')).toBe('4x');
    expect(parseValueText('true', 'eq', 'boolean')).toBe(true);
    expect(parseValueText('a, b,,c ', 'in', 'string')).toEqual(['a', 'b', 'c']);
    expect(parseValueText('1, 2', 'notIn', 'number')).toEqual([1, 2]);
    expect(parseValueText('x', 'empty', 'string')).toBeUndefined();
  });

  it('shows values back as text', () => {
    expect(valueText(['a', 2, true])).toBe('a, 2, true');
    expect(valueText(null)).toBe('');
    expect(valueText(undefined)).toBe('');
  });

  it('carries the value over when the operator changes', () => {
    expect(withOp({ field: 'p', op: 'eq', value: 'high' }, 'in', 'string')).toEqual({
      field: 'p',
      op: 'in',
      value: ['high'],
    });
    expect(withOp({ field: 'p', op: 'in', value: [1, 2] }, 'empty', 'number')).toEqual({
      field: 'p',
      op: 'empty',
    });
  });
});

describe('describeCondition', () => {
  it('reads a condition as a sentence with groups in parentheses', () => {
    expect(describeCondition(tree, label)).toBe(
      'Priority equals "high" and (Category is empty or not Impact is at least 3)',
    );
    expect(describeCondition(null, label)).toBe('always');
    expect(describeCondition({ field: 'tags', op: 'in', value: ['a', 'b'] }, label)).toBe(
      'Tags is one of ("a", "b")',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseChoiceItems } from './choice-lists';

describe('parseChoiceItems', () => {
  it('reads one item per line, with an optional label after =, skipping blank lines', () => {
    expect(parseChoiceItems('p1 = Critical\n\n  p2=High \np3\n')).toEqual({
      ok: true,
      items: [{ value: 'p1', label: 'Critical' }, { value: 'p2', label: 'High' }, { value: 'p3' }],
    });
    expect(parseChoiceItems('')).toEqual({ ok: true, items: [] });
  });

  it('refuses a repeated value, a missing value and overlong parts, naming the line', () => {
    expect(parseChoiceItems('a\nb\na')).toEqual({
      ok: false,
      error: 'Line 3: the value "a" is listed twice',
    });
    expect(parseChoiceItems('= Label')).toEqual({
      ok: false,
      error: 'Line 1: the value before = is missing',
    });
    expect(parseChoiceItems(`x = ${'l'.repeat(201)}`)).toEqual({
      ok: false,
      error: 'Line 1: at most 200 characters',
    });
  });
});

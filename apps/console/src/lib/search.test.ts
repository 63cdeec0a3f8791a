import { describe, expect, it } from 'vitest';
import { filterByQuery, matchCount, matchesQuery } from './search';

describe('matchesQuery', () => {
  it('matches everything for an empty or blank query', () => {
    expect(matchesQuery('', ['a'])).toBe(true);
    expect(matchesQuery('   ', [])).toBe(true);
  });

  it('needs every word somewhere in the fields, ignoring case, accents and spacing', () => {
    expect(matchesQuery('pay  PLAT', ['Payroll Platform'])).toBe(true);
    expect(matchesQuery('payroll acme', ['Payroll', 'acme/payroll'])).toBe(true);
    expect(matchesQuery('cafe', ['Café orders'])).toBe(true);
    expect(matchesQuery('payroll hr', ['Payroll'])).toBe(false);
  });

  it('skips missing fields', () => {
    expect(matchesQuery('x', [null, undefined, 'box'])).toBe(true);
    expect(matchesQuery('x', [null, undefined])).toBe(false);
  });
});

describe('filterByQuery', () => {
  it('keeps the matching items in their order', () => {
    const items = [{ n: 'Beta' }, { n: 'Alpha' }, { n: 'Alphabet' }];
    expect(filterByQuery(items, 'alp', (i) => [i.n]).map((i) => i.n)).toEqual(['Alpha', 'Alphabet']);
  });
});

describe('matchCount', () => {
  it('says the total when nothing is filtered, else how many match', () => {
    expect(matchCount(1, 1, 'project')).toBe('1 project');
    expect(matchCount(3, 3, 'project')).toBe('3 projects');
    expect(matchCount(2, 5, 'project')).toBe('2 of 5 projects match');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freeNames } from './names.js';

describe('free names for installed objects', () => {
  it('keeps a free name, qualifies a taken one by the project, then numbers it', () => {
    const taken = new Set(['Incident', 'Problem', 'Problem (Desk)']);
    expect(freeNames(['Incident', 'Problem', 'Change'], taken, 'Desk')).toEqual(
      new Map([
        ['Incident', 'Incident (Desk)'],
        ['Problem', 'Problem (Desk) 2'],
        ['Change', 'Change'],
      ]),
    );
  });

  it('never answers a taken name, nor the same name for two wanted ones', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 12 }),
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 20 }),
        fc.string({ minLength: 1, maxLength: 4 }),
        (wanted, taken, qualifier) => {
          const chosen = [...freeNames(wanted, new Set(taken), qualifier).values()];
          expect(chosen.length).toBe(wanted.length);
          expect(new Set(chosen).size).toBe(chosen.length);
          for (const name of chosen) expect(taken).not.toContain(name);
        },
      ),
    );
  });
});

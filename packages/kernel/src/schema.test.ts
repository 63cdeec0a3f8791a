import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import {
  INT4_MAX,
  INT4_MIN,
  Int32,
  isBlankName,
  NAME_PATTERN,
  Name,
  normalizeName,
  TEXT_PATTERN,
  Text,
} from './schema.js';

const name = new RegExp(NAME_PATTERN, 'u');
const text = new RegExp(TEXT_PATTERN, 'u');
const INVISIBLE = [
  '',
  ' ',
  '\t',
  '\n',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u180E',
  '\u00AD',
  '\u00A0',
  '\u3000',
];

describe('name and text patterns', () => {
  it('a name needs a visible character and no NUL', () => {
    for (const blank of INVISIBLE) expect(name.test(blank.repeat(3)), JSON.stringify(blank)).toBe(false);
    for (const bad of ['a\u0000', '\u0000a', ' \u0000 ']) expect(name.test(bad)).toBe(false);
    for (const good of ['a', ' a ', '\u200Bx\uFEFF', 'Payroll 2026', '日本'])
      expect(name.test(good)).toBe(true);
  });

  it('the pattern and the normaliser agree for all strings', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.constantFrom('\u0000', ...INVISIBLE.slice(1)),
            fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
          ),
          maxLength: 30,
        }),
        (s) => {
          const clean = !s.includes('\u0000');
          expect(name.test(s)).toBe(clean && !isBlankName(s));
          expect(text.test(s)).toBe(clean);
          if (!isBlankName(s)) expect(normalizeName(s).length).toBeGreaterThan(0);
          else expect(() => normalizeName(s)).toThrow(DomainError);
        },
      ),
    );
  });

  it('matching stays linear on long hostile input', () => {
    const hostile = `${' '.repeat(200_000)}a${'b'.repeat(200_000)}\u0000`;
    const started = performance.now();
    expect(name.test(hostile)).toBe(false);
    expect(name.test(' '.repeat(400_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('normalizeName', () => {
  it('drops invisible characters at either end, keeps inner ones, and names the field when blank', () => {
    expect(normalizeName('\u200B Zero\u200Dwidth\uFEFF\u00AD')).toBe('Zero\u200Dwidth');
    expect(() => normalizeName('\u200B\uFEFF', 'title')).toThrow(/title must contain a visible character/);
  });
});

describe('schema helpers', () => {
  it('Text and Name carry their patterns; Int32 never widens beyond int4', () => {
    expect(Text({ maxLength: 5 })).toMatchObject({ type: 'string', pattern: TEXT_PATTERN, maxLength: 5 });
    expect(Name({ maxLength: 9 })).toMatchObject({ minLength: 1, maxLength: 9, pattern: NAME_PATTERN });
    expect(Int32()).toMatchObject({ type: 'integer', minimum: INT4_MIN, maximum: INT4_MAX });
    expect(Int32({ minimum: 0, maximum: 1e12 })).toMatchObject({ minimum: 0, maximum: INT4_MAX });
  });
});

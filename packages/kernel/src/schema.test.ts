import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { isUuid } from './ids.js';
import {
  Identifier,
  INT4_MAX,
  INT4_MIN,
  Int32,
  isBlankName,
  isIdentifier,
  NAME_PATTERN,
  Name,
  normalizeName,
  TEXT_PATTERN,
  Text,
  Uuid,
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

describe('identifiers and ids', () => {
  it('an identifier is lower snake case, starts with a letter and has at most 63 characters', () => {
    for (const ok of ['a', 'incident', 'due_at', 'a1_b2', `a${'b'.repeat(62)}`])
      expect(isIdentifier(ok)).toBe(true);
    for (const bad of ['', '1a', '_a', 'Due', 'due-at', 'due at', 'a\u0000', `a${'b'.repeat(63)}`, 'é']) {
      expect(isIdentifier(bad)).toBe(false);
    }
  });

  it('the Identifier schema carries the same rule as isIdentifier', () => {
    const schema = Identifier({ description: 'lower snake case' });
    expect(schema).toMatchObject({ type: 'string', description: 'lower snake case' });
    const pattern = new RegExp(schema.pattern!);
    fc.assert(fc.property(fc.string(), (value) => pattern.test(value) === isIdentifier(value)));
    expect(pattern.test('incident')).toBe(true);
  });

  it('Uuid is a string of format uuid, and isUuid accepts the canonical form only', () => {
    expect(Uuid()).toMatchObject({ type: 'string', format: 'uuid' });
    expect(isUuid('0b7e4c3a-5d1f-4a2b-9c8d-7e6f5a4b3c2d')).toBe(true);
    expect(isUuid('0B7E4C3A-5D1F-4A2B-9C8D-7E6F5A4B3C2D')).toBe(true);
    for (const bad of [
      '',
      'not-a-uuid',
      '0b7e4c3a5d1f4a2b9c8d7e6f5a4b3c2d',
      '{0b7e4c3a-5d1f-4a2b-9c8d-7e6f5a4b3c2d}',
    ]) {
      expect(isUuid(bad)).toBe(false);
    }
  });
});

import { DomainError } from '@ec3l/kernel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keysetCursor } from './cursor.js';

const byNameThenId = keysetCursor('text', 'uuid');
const bySeq = keysetCursor('seq');
const forge = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const text = fc.string({ maxLength: 500, unit: 'binary' }).filter((s) => !s.includes('\u0000'));
const seq = fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }).map(String);

describe('keyset cursors', () => {
  it('decode what they encoded, for any key of their kinds', () => {
    fc.assert(
      fc.property(text, fc.uuid(), seq, (name, id, n) => {
        expect(byNameThenId.decode(byNameThenId.encode([name, id]))).toEqual([name, id]);
        expect(bySeq.decode(bySeq.encode([n]))).toEqual([n]);
      }),
    );
  });

  it('answer any other input with a validation error, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map(forge)), (raw) => {
        let decoded: unknown;
        try {
          decoded = byNameThenId.decode(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe('VALIDATION_ERROR');
          return;
        }
        // Whatever got through is a key of the declared kinds.
        const [name, id] = decoded as [string, string];
        expect(name.includes('\u0000')).toBe(false);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      }),
    );
  });

  it('refuse forged keys before they reach SQL', () => {
    const id = '0b9f3c1e-5a4d-4c2b-9e8f-7a6b5c4d3e2f';
    for (const parts of [
      ['name'],
      ['name', 'zzz'],
      ['name', id, 'extra'],
      ['na\u0000me', id],
      ['x'.repeat(501), id],
      [42, id],
      { 0: 'name', 1: id },
    ]) {
      expect(() => byNameThenId.decode(forge(parts)), JSON.stringify(parts)).toThrow(DomainError);
    }
    for (const parts of [[-1], ['-1'], ['01'], ['1e3'], ['1'.repeat(19)], [1], ['1 '], []]) {
      expect(() => bySeq.decode(forge(parts)), JSON.stringify(parts)).toThrow(DomainError);
    }
    expect(() => bySeq.decode('not base64!')).toThrow(DomainError);
    expect(bySeq.decode(forge(['999999999999999999']))).toEqual(['999999999999999999']);
  });

  it('page: the first limit rows and, when there were more, the key of the last of them', () => {
    const rows = ['1', '2', '3'].map((n) => ({ n }));
    const full = bySeq.pageOf(rows, 2, (r) => [r.n]);
    expect(full.items).toEqual(rows.slice(0, 2));
    expect(bySeq.decode(full.nextCursor!)).toEqual(['2']);
    expect(bySeq.pageOf(rows, 3, (r) => [r.n])).toEqual({ items: rows, nextCursor: null });
  });
});

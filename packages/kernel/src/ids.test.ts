import { describe, expect, it } from 'vitest';
import { isTenantSlug, isUuid, parseList } from './ids.js';

describe('shared id rules', () => {
  it('accepts lower-case tenant slugs and rejects UUID-like upper case, blanks and symbols', () => {
    expect(isTenantSlug('acme')).toBe(true);
    expect(isTenantSlug('acme-2')).toBe(true);
    expect(isTenantSlug('')).toBe(false);
    expect(isTenantSlug('-acme')).toBe(false);
    expect(isTenantSlug('Acme')).toBe(false);
    expect(isTenantSlug('a'.repeat(63))).toBe(true);
    expect(isTenantSlug('a'.repeat(64))).toBe(false);
    expect(isTenantSlug('0b6f3a9e-4c1d-4b8a-9f2e-5d7c8a1b2c3d'.toUpperCase())).toBe(false);
    expect(isUuid('0b6f3a9e-4c1d-4b8a-9f2e-5d7c8a1b2c3d')).toBe(true);
  });

  it('parses comma-separated lists without blanks or duplicates', () => {
    expect(parseList(' default, acme,,default ')).toEqual(['default', 'acme']);
    expect(parseList(undefined)).toEqual([]);
  });
});

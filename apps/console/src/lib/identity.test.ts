import { describe, expect, it } from 'vitest';
import { pickTenant, userIdProblem } from './identity';

const tenants = (...slugs: string[]) => slugs.map((slug) => ({ slug }));

describe('pickTenant', () => {
  it('keeps the stored tenant when the gateway still lists it', () => {
    expect(pickTenant('acme', tenants('default', 'acme'))).toBe('acme');
  });

  it('rejects a stored tenant that is not listed and falls back to default', () => {
    expect(pickTenant('gone', tenants('acme', 'default'))).toBe('default');
  });

  it('falls back to the first tenant when there is no default', () => {
    expect(pickTenant(null, tenants('acme', 'globex'))).toBe('acme');
  });

  it('returns null when there are no tenants', () => {
    expect(pickTenant('acme', [])).toBeNull();
  });
});

describe('userIdProblem', () => {
  it('accepts what the gateway accepts in x-user-id', () => {
    for (const ok of ['admin', 'jane.doe@example.com', 'svc:deployer-1', 'a_b', ' padded ']) {
      expect(userIdProblem(ok)).toBeNull();
    }
  });

  it('rejects a blank user id', () => {
    expect(userIdProblem('   ')).toBe('User ID is required');
  });

  it('rejects spaces and other characters the header may not carry', () => {
    expect(userIdProblem('jane doe')).toMatch(/letters, digits/);
    expect(userIdProblem('jane/doe')).toMatch(/letters, digits/);
  });

  it('rejects more than 200 characters', () => {
    expect(userIdProblem('a'.repeat(201))).toMatch(/200/);
  });
});

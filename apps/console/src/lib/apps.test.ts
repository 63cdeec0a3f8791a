import { describe, expect, it } from 'vitest';
import { compareVersions, formatValue, latestTemplates, parseConfigValue, upgradeGate } from './apps';

describe('apps rules', () => {
  it('keeps the newest version of each template key', () => {
    const rows = [
      { key: 'hr', version: '1.0.0' },
      { key: 'hr', version: '1.10.0' },
      { key: 'hr', version: '1.9.0' },
      { key: 'itsm', version: '1.0.0' },
    ];
    expect(latestTemplates(rows)).toEqual([
      { key: 'hr', version: '1.10.0' },
      { key: 'itsm', version: '1.0.0' },
    ]);
    expect(compareVersions('2.0.0', '10.0.0')).toBeLessThan(0);
  });

  it('offers an upgrade only to a newer version and not while one runs', () => {
    expect(
      upgradeGate({ status: 'installed', templateVersion: '1.0.0', latestVersion: '1.1.0' }).allowed,
    ).toBe(true);
    expect(upgradeGate({ status: 'failed', templateVersion: '1.0.0', latestVersion: '1.1.0' }).allowed).toBe(
      true,
    );
    expect(upgradeGate({ status: 'installed', templateVersion: '1.1.0', latestVersion: '1.1.0' })).toEqual({
      allowed: false,
      reason: 'Already at the newest version (1.1.0)',
    });
    expect(
      upgradeGate({ status: 'upgrading', templateVersion: '1.0.0', latestVersion: '1.1.0' }).reason,
    ).toBe('An upgrade is running');
  });

  it('parses a typed config value into the JSON type of the default', () => {
    expect(parseConfigValue('120', 90)).toEqual({ ok: true, value: 120 });
    expect(parseConfigValue('abc', 90)).toEqual({ ok: false, error: 'Enter a number' });
    expect(parseConfigValue('', 90)).toEqual({ ok: false, error: 'Enter a number' });
    expect(parseConfigValue('false', true)).toEqual({ ok: true, value: false });
    expect(parseConfigValue('no', true)).toEqual({ ok: false, error: 'Enter true or false' });
    expect(parseConfigValue('STAFF', 'EMP')).toEqual({ ok: true, value: 'STAFF' });
    expect(parseConfigValue('["a"]', [])).toEqual({ ok: true, value: ['a'] });
    expect(parseConfigValue('{"a":1}', [])).toEqual({ ok: false, error: 'Enter JSON of type array' });
    expect(parseConfigValue('{', {})).toEqual({ ok: false, error: 'Enter JSON of type object' });
    expect(formatValue('EMP')).toBe('EMP');
    expect(formatValue(90)).toBe('90');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, nextAttemptDelayMs } from './backoff.js';
import { diffEnvironmentPackages, packagesToApply } from './env-diff.js';
import {
  INTENT_STATUSES,
  type IntentAction,
  type IntentStatus,
  isTerminal,
  transition,
} from './lifecycle.js';
import { isAllowlisted, parseAllowlist, refusalOf, urlProblem } from './ssrf.js';
import { environmentStateHash } from './state-hash.js';

const ACTIONS: IntentAction[] = ['preview', 'approve', 'execute', 'reject'];

describe('promotion intent lifecycle', () => {
  it('O30: draft → previewed → approved → executed is the only way to executed', () => {
    expect(transition('draft', 'preview')).toEqual({ kind: 'move', to: 'previewed' });
    expect(transition('previewed', 'approve')).toEqual({ kind: 'move', to: 'approved' });
    expect(transition('approved', 'execute')).toEqual({ kind: 'move', to: 'executed' });
    for (const from of ['draft', 'previewed', 'rejected'] as IntentStatus[])
      expect(transition(from, 'execute').kind).toBe('refused');
    expect(transition('draft', 'approve').kind).toBe('refused');
  });

  it('O30: any non-terminal status can be rejected; executed and rejected are terminal', () => {
    for (const from of ['draft', 'previewed', 'approved'] as IntentStatus[])
      expect(transition(from, 'reject')).toEqual({ kind: 'move', to: 'rejected' });
    expect(transition('executed', 'reject').kind).toBe('refused');
    expect(transition('rejected', 'preview').kind).toBe('refused');
    expect(transition('executed', 'preview').kind).toBe('refused');
  });

  it('O30: re-preview from previewed or approved returns to previewed; executing an executed intent is a noop', () => {
    expect(transition('approved', 'preview')).toEqual({ kind: 'move', to: 'previewed' });
    expect(transition('previewed', 'preview')).toEqual({ kind: 'move', to: 'previewed' });
    expect(transition('executed', 'execute')).toEqual({ kind: 'noop' });
  });

  it('O30: no sequence of actions leaves a terminal status or reaches executed without an approval', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 20 }), (actions) => {
        let status: IntentStatus = 'draft';
        let approvedSincePreview = false;
        for (const action of actions) {
          const before = status;
          const t = transition(status, action);
          if (t.kind !== 'move') continue;
          expect(isTerminal(before)).toBe(false);
          if (t.to === 'executed') expect(approvedSincePreview).toBe(true);
          if (t.to === 'previewed') approvedSincePreview = false;
          if (t.to === 'approved') approvedSincePreview = true;
          status = t.to;
        }
        expect(INTENT_STATUSES).toContain(status);
      }),
    );
  });
});

const pkg = fc.record({
  packageKey: fc.constantFrom('hr.lite', 'itsm.lite', 'a', 'b', 'c'),
  version: fc.constantFrom('1.0.0', '1.1.0', '2.0.0'),
  checksum: fc.constantFrom('sha256:aa', 'sha256:bb', 'sha256:cc'),
});
const uniquePkgs = fc.uniqueArray(pkg, { selector: (p) => p.packageKey, maxLength: 5 });

describe('environment state hash', () => {
  it('does not depend on the order rows are read in', () => {
    fc.assert(
      fc.property(uniquePkgs, (pkgs) => {
        expect(environmentStateHash([...pkgs].reverse())).toBe(environmentStateHash(pkgs));
      }),
    );
  });

  it('changes with any version or checksum of any package, and with a package added or removed', () => {
    const base = [
      { packageKey: 'hr.lite', version: '1.0.0', checksum: 'sha256:aa' },
      { packageKey: 'itsm.lite', version: '1.0.0', checksum: 'sha256:bb' },
    ];
    const hash = environmentStateHash(base);
    expect(hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(environmentStateHash([{ ...base[0]!, version: '1.0.1' }, base[1]!])).not.toBe(hash);
    expect(environmentStateHash([base[0]!, { ...base[1]!, checksum: 'sha256:cc' }])).not.toBe(hash);
    expect(environmentStateHash([base[0]!])).not.toBe(hash);
    expect(environmentStateHash([])).not.toBe(hash);
  });
});

describe('environment diff', () => {
  const withContents = (p: { packageKey: string; version: string; checksum: string }) => ({
    ...p,
    contents: p,
  });

  it('classifies each package as missing, outdated, same or extra, by checksum', () => {
    const diff = diffEnvironmentPackages(
      [
        withContents({ packageKey: 'a', version: '1.0.0', checksum: 'x' }),
        withContents({ packageKey: 'b', version: '2.0.0', checksum: 'y' }),
        withContents({ packageKey: 'c', version: '1.0.0', checksum: 'z' }),
      ],
      [
        withContents({ packageKey: 'b', version: '1.0.0', checksum: 'old' }),
        withContents({ packageKey: 'c', version: '1.0.0', checksum: 'z' }),
        withContents({ packageKey: 'd', version: '1.0.0', checksum: 'w' }),
      ],
      (before, after) => ({ before: before?.version ?? null, after: after.version }),
    );
    expect(diff.map((d) => [d.packageKey, d.status, d.diff])).toEqual([
      ['a', 'missing', { before: null, after: '1.0.0' }],
      ['b', 'outdated', { before: '1.0.0', after: '2.0.0' }],
      ['c', 'same', null],
      ['d', 'extra', null],
    ]);
    expect(packagesToApply(diff).map((d) => d.packageKey)).toEqual(['a', 'b']);
  });

  it('after applying what it names, the target holds every source package as the source does', () => {
    fc.assert(
      fc.property(uniquePkgs, uniquePkgs, (source, target) => {
        const diff = diffEnvironmentPackages(source.map(withContents), target.map(withContents), () => null);
        const applied = new Map<string, (typeof source)[number]>(target.map((p) => [p.packageKey, p]));
        for (const row of packagesToApply(diff))
          applied.set(row.packageKey, source.find((p) => p.packageKey === row.packageKey)!);
        for (const p of source) expect(applied.get(p.packageKey)?.checksum).toBe(p.checksum);
        const again = diffEnvironmentPackages(
          source.map(withContents),
          [...applied.values()].map(withContents),
          () => null,
        );
        expect(packagesToApply(again)).toEqual([]);
      }),
    );
  });
});

describe('SSRF address classifier', () => {
  it('refuses loopback, private, shared, link-local, metadata, multicast and reserved IPv4 addresses', () => {
    const cases: [string, string][] = [
      ['127.0.0.1', 'loopback'],
      ['127.255.0.9', 'loopback'],
      ['0.0.0.0', 'unspecified'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['100.64.0.1', 'shared'],
      ['169.254.1.1', 'link_local'],
      ['169.254.169.254', 'metadata'],
      ['224.0.0.1', 'multicast'],
      ['240.0.0.1', 'reserved'],
      ['255.255.255.255', 'reserved'],
    ];
    for (const [ip, reason] of cases) expect(refusalOf(ip), ip).toBe(reason);
  });

  it('refuses loopback, unique-local, link-local and multicast IPv6, and IPv6 forms carrying a refused IPv4', () => {
    const cases: [string, string][] = [
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fc00::1', 'private'],
      ['fd12:3456::1', 'private'],
      ['fe80::1', 'link_local'],
      ['ff02::1', 'multicast'],
      ['fd00:ec2::254', 'metadata'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:169.254.169.254', 'metadata'],
      ['::ffff:10.0.0.1', 'private'],
      ['64:ff9b::a9fe:a9fe', 'metadata'],
      ['2002:c0a8:0101::1', 'private'],
    ];
    for (const [ip, reason] of cases) expect(refusalOf(ip), ip).toBe(reason);
  });

  it('accepts public unicast addresses', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '::ffff:8.8.8.8',
    ])
      expect(refusalOf(ip), ip).toBeNull();
  });

  it('every address of a refused IPv4 range is refused, in its IPv4-mapped IPv6 form too', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(
        fc.constantFrom('10', '127', '192.168', '169.254'),
        octet,
        octet,
        octet,
        (prefix, a, b, c) => {
          const parts = [...prefix.split('.'), String(a), String(b), String(c)].slice(0, 4).join('.');
          expect(refusalOf(parts)).not.toBeNull();
          expect(refusalOf(`::ffff:${parts}`)).not.toBeNull();
        },
      ),
    );
  });

  it('the allowlist permits by host name or by address range, IPv4-mapped forms included', () => {
    const list = parseAllowlist(' hooks.internal , 127.0.0.1, 10.0.0.0/8 ');
    expect(isAllowlisted(list, 'HOOKS.internal', '192.168.1.1')).toBe(true);
    expect(isAllowlisted(list, 'x.example', '127.0.0.1')).toBe(true);
    expect(isAllowlisted(list, 'x.example', '::ffff:127.0.0.1')).toBe(true);
    expect(isAllowlisted(list, 'x.example', '10.9.9.9')).toBe(true);
    expect(isAllowlisted(list, 'x.example', '127.0.0.2')).toBe(false);
    expect(isAllowlisted(list, 'x.example', '169.254.169.254')).toBe(false);
    expect(() => parseAllowlist('ok.example, not a host!')).toThrow(/not a host name/);
    expect(parseAllowlist(undefined).hosts.size).toBe(0);
  });

  it('a webhook URL must be https, or http to an allowlisted host, and name no refused address', () => {
    const none = parseAllowlist('');
    const local = parseAllowlist('127.0.0.1');
    expect(urlProblem('https://hooks.example.com/x', none)).toBeNull();
    expect(urlProblem('http://hooks.example.com/x', none)).toMatch(/must be https/);
    expect(urlProblem('https://169.254.169.254/latest', none)).toMatch(/metadata/);
    expect(urlProblem('https://[::ffff:127.0.0.1]/', none)).toMatch(/loopback/);
    expect(urlProblem('https://0x7f000001/', none)).toMatch(/loopback/);
    expect(urlProblem('https://user:pw@hooks.example.com/', none)).toMatch(/credentials/);
    expect(urlProblem('ftp://hooks.example.com/', none)).toMatch(/must be https/);
    expect(urlProblem('not a url', none)).toBe('not a URL');
    expect(urlProblem('http://127.0.0.1:8080/hook', local)).toBeNull();
  });
});

describe('delivery backoff', () => {
  it('grows exponentially, is capped, and stops after the last attempt', () => {
    expect(nextAttemptDelayMs(1)).toBe(10_000);
    expect(nextAttemptDelayMs(2)).toBe(20_000);
    expect(nextAttemptDelayMs(3)).toBe(40_000);
    expect(nextAttemptDelayMs(MAX_DELIVERY_ATTEMPTS)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DELIVERY_ATTEMPTS - 2 }), (n) => {
        expect(nextAttemptDelayMs(n + 1)!).toBeGreaterThanOrEqual(nextAttemptDelayMs(n)!);
        expect(nextAttemptDelayMs(n)!).toBeLessThanOrEqual(15 * 60_000);
      }),
    );
  });
});

import ipaddr from 'ipaddr.js';

/** Why an address is refused as a webhook target. */
export type AddressRefusal =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link_local'
  | 'metadata'
  | 'multicast'
  | 'reserved'
  | 'invalid';

type Range = { cidr: [ipaddr.IPv4 | ipaddr.IPv6, number]; reason: AddressRefusal };

const range = (cidr: string, reason: AddressRefusal): Range => ({ cidr: ipaddr.parseCIDR(cidr), reason });

// Cloud metadata endpoints come first so they are named as such (they also sit in the ranges below).
const V4_RANGES: Range[] = [
  range('169.254.169.254/32', 'metadata'),
  range('100.100.100.200/32', 'metadata'),
  range('0.0.0.0/8', 'unspecified'),
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'shared'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link_local'),
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'reserved'),
  range('192.0.2.0/24', 'reserved'),
  range('192.88.99.0/24', 'reserved'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'reserved'),
  range('198.51.100.0/24', 'reserved'),
  range('203.0.113.0/24', 'reserved'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved'),
];

const V6_RANGES: Range[] = [
  range('fd00:ec2::254/128', 'metadata'),
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  // IPv4-compatible (deprecated) addresses, the discard prefix, Teredo, documentation.
  range('::/96', 'reserved'),
  range('100::/64', 'reserved'),
  range('2001::/32', 'reserved'),
  range('2001:db8::/32', 'reserved'),
  range('fc00::/7', 'private'),
  range('fe80::/10', 'link_local'),
  range('fec0::/10', 'link_local'),
  range('ff00::/8', 'multicast'),
];

const matchIn = (address: ipaddr.IPv4 | ipaddr.IPv6, ranges: Range[]): AddressRefusal | null => {
  for (const r of ranges) if (address.kind() === r.cidr[0].kind() && address.match(r.cidr)) return r.reason;
  return null;
};

/** The IPv4 address an IPv6 one carries (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16). */
const embeddedV4 = (address: ipaddr.IPv6): ipaddr.IPv4 | null => {
  if (address.isIPv4MappedAddress()) return address.toIPv4Address();
  const parts = address.parts;
  if (address.match(ipaddr.parseCIDR('64:ff9b::/96')))
    return ipaddr.fromByteArray(address.toByteArray().slice(12)) as ipaddr.IPv4;
  if (parts[0] === 0x2002) return ipaddr.fromByteArray(address.toByteArray().slice(2, 6)) as ipaddr.IPv4;
  return null;
};

/**
 * Classifies an IP address (text) as a webhook target: null when it is a public unicast address,
 * otherwise why it is refused. IPv6 forms that carry an IPv4 address are judged by that address.
 */
export const refusalOf = (ip: string): AddressRefusal | null => {
  if (!ipaddr.isValid(ip)) return 'invalid';
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return matchIn(address, V4_RANGES);
  const v6 = address as ipaddr.IPv6;
  const v4 = embeddedV4(v6);
  if (v4) return matchIn(v4, V4_RANGES);
  return matchIn(v6, V6_RANGES);
};

/** The operator's allowlist: host names (exact, case-insensitive) and addresses or CIDR ranges. */
export type Allowlist = {
  hosts: ReadonlySet<string>;
  ranges: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
};

export class AllowlistError extends Error {}

/** Parses `EC3L_WEBHOOK_ALLOWLIST` (comma-separated host names, addresses or CIDRs); throws on a bad entry. */
export const parseAllowlist = (value: string | undefined): Allowlist => {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry))
      hosts.add(entry);
    else throw new AllowlistError(`not a host name, address or CIDR: "${raw.trim()}"`);
  }
  return { hosts, ranges };
};

const unbracket = (host: string) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

/** Whether the allowlist permits `address` reached through the URL host `host`. */
export const isAllowlisted = (allowlist: Allowlist, host: string, address: string): boolean => {
  if (allowlist.hosts.has(unbracket(host).toLowerCase())) return true;
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return allowlist.ranges.some(([base, bits]) => parsed.kind() === base.kind() && parsed.match(base, bits));
};

/**
 * Why a URL cannot be a webhook target, checked without any lookup; null when it may be tried.
 * `httpChecked`: the caller checks plain http itself, against the resolved addresses.
 */
export const urlProblem = (value: string, allowlist: Allowlist, httpChecked = false): string | null => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const host = unbracket(url.hostname);
  const allowlisted =
    allowlist.hosts.has(host.toLowerCase()) || (ipaddr.isValid(host) && isAllowlisted(allowlist, host, host));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (allowlisted || httpChecked)))
    return 'the URL must be https (plain http only to an allowlisted host)';
  if (ipaddr.isValid(host) && !allowlisted) {
    const refusal = refusalOf(host);
    if (refusal) return `the address is refused (${refusal})`;
  }
  return null;
};

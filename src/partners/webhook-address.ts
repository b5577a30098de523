import { BlockList, isIP } from 'node:net';

/**
 * Where a partner's webhook may point (decision 029, SSRF): the checks that need no DNS. A webhook
 * makes the platform send requests chosen by an outsider, so an address inside our network
 * (loopback, RFC 1918, cloud metadata at 169.254.169.254…) is refused unless the operator allows
 * private addresses (tests, local development).
 */
const RANGES: ReadonlyArray<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['10.0.0.0', 8, 'ipv4', 'private (RFC 1918)'],
  ['172.16.0.0', 12, 'ipv4', 'private (RFC 1918)'],
  ['192.168.0.0', 16, 'ipv4', 'private (RFC 1918)'],
  ['100.64.0.0', 10, 'ipv4', 'shared (CGNAT)'],
  ['169.254.0.0', 16, 'ipv4', 'link-local (cloud metadata)'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['198.18.0.0', 15, 'ipv4', 'reserved'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'unique-local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['64:ff9b::', 96, 'ipv6', 'NAT64'],
  ['2002::', 16, 'ipv6', '6to4'],
  ['2001::', 32, 'ipv6', 'Teredo'],
  ['100::', 64, 'ipv6', 'discard'],
  ['fec0::', 10, 'ipv6', 'site-local (deprecated)'],
];

const lists = RANGES.map(([network, prefix, type, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { list, type, reason };
});

/**
 * The eight 16-bit groups of an IPv6 address, or null. Read from the WHATWG URL parser's canonical
 * form, which writes every spelling the same way: `::ffff:127.0.0.1`, `::ffff:7f00:1` and
 * `0:0:0:0:0:ffff:7f00:0001` are one address.
 */
function groups(ip: string): number[] | null {
  let canonical: string;
  try {
    canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head, tail] = canonical.includes('::') ? canonical.split('::') : [canonical, undefined];
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? 0 : 8 - front.length - back.length;
  const all = [...front, ...Array<string>(zeros).fill('0'), ...back].map((g) => parseInt(g, 16));
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

/**
 * An IPv6 address that carries an IPv4 one in its last 32 bits: IPv4-mapped (`::ffff:0:0/96`),
 * judged as the IPv4 address it is; IPv4-compatible (`::/96`, deprecated, but still routed to the
 * IPv4 address by some stacks), refused whatever it carries.
 */
function embeddedIpv4(ip: string): { ipv4: string; compatible: boolean } | null {
  const g = groups(ip);
  if (!g || g.slice(0, 5).some((x) => x !== 0)) return null;
  const ipv4 = `${g[6] >> 8}.${g[6] & 0xff}.${g[7] >> 8}.${g[7] & 0xff}`;
  if (g[5] === 0xffff) return { ipv4, compatible: false };
  // :: and ::1 are the unspecified and loopback addresses, listed as such.
  if (g[5] === 0 && (g[6] !== 0 || g[7] > 1)) return { ipv4, compatible: true };
  return null;
}

/** Why this IP address is not a public one (`loopback`, `private (RFC 1918)`…), or null when it is public. */
export function nonPublicReason(address: string): string | null {
  let ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  let family = isIP(ip);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const embedded = embeddedIpv4(ip);
    if (embedded?.compatible) return 'IPv4-compatible IPv6 (deprecated)';
    if (embedded) [ip, family] = [embedded.ipv4, 4];
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (type === 'ipv4' && ip === '255.255.255.255') return 'broadcast';
  return lists.find((l) => l.type === type && l.list.check(ip, type))?.reason ?? null;
}

export interface WebhookTarget {
  url: URL;
  /** The host to resolve: an IP literal without its brackets, or a name. */
  host: string;
}

/** The checks on the URL itself: http(s), no credentials, a host. Returns the problem in words, or the target. */
export function parseWebhookUrl(raw: string): WebhookTarget | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url must use https';
  if (url.username || url.password) return 'url must not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) return 'url has no host';
  return { url, host };
}

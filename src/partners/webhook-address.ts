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
];

const lists = RANGES.map(([network, prefix, type, reason]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return { list, type, reason };
});

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
function unmapped(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

/** Why this IP address is not a public one (`loopback`, `private (RFC 1918)`…), or null when it is public. */
export function nonPublicReason(address: string): string | null {
  const ip = unmapped(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  const family = isIP(ip);
  if (family === 0) return 'not an IP address';
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

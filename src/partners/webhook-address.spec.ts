import { nonPublicReason, parseWebhookUrl } from './webhook-address.js';

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'shared (CGNAT)'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local (cloud metadata)'],
    // The spellings the URL parser writes (an outside review got through with these).
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local (cloud metadata)'],
    ['::ffff:a00:1', 'private (RFC 1918)'],
    ['0:0:0:0:0:ffff:7f00:0001', 'loopback'],
    ['::FFFF:127.0.0.1', 'loopback'],
    ['::7f00:1', 'IPv4-compatible IPv6 (deprecated)'],
    ['::127.0.0.1', 'IPv4-compatible IPv6 (deprecated)'],
    ['::808:808', 'IPv4-compatible IPv6 (deprecated)'],
    ['fec0::1', 'site-local (deprecated)'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['localhost', 'not an IP address'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '192.169.0.1', '2a01:cb00::1', '::ffff:8.8.4.4', '::ffff:808:404', '2001:4860::8888'])(
    'accepts the public %s',
    (address) => {
      expect(nonPublicReason(address)).toBeNull();
    },
  );
});

describe('parseWebhookUrl', () => {
  it.each([
    ['ftp://example.org/hook', 'url must use https'],
    ['file:///etc/passwd', 'url must use https'],
    ['gopher://example.org', 'url must use https'],
    ['https://user:pw@example.org/hook', 'url must not carry a user name or password'],
    ['https://user@example.org/hook', 'url must not carry a user name or password'],
    ['not a url', 'url is not a valid URL'],
  ])('refuses %s', (raw, problem) => {
    expect(parseWebhookUrl(raw)).toBe(problem);
  });

  it('keeps the host to resolve, without the brackets of an IPv6 literal', () => {
    expect(parseWebhookUrl('https://[2a01:cb00::1]:8443/h')).toMatchObject({ host: '2a01:cb00::1' });
    expect(parseWebhookUrl('https://crm.cci.fr/h')).toMatchObject({ host: 'crm.cci.fr' });
  });
});

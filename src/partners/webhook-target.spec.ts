import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postToTarget, screenWebhookUrl, type Resolve } from './webhook-target.js';

const answering =
  (...addresses: string[]): Resolve =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('screenWebhookUrl', () => {
  it('keeps the checked address of a public host', async () => {
    await expect(screenWebhookUrl('https://crm.cci.fr/h', false, answering('203.0.113.9'))).resolves.toMatchObject({
      host: 'crm.cci.fr',
      address: '203.0.113.9',
      family: 4,
    });
  });

  it('refuses a name with one private address among public ones', async () => {
    await expect(screenWebhookUrl('https://crm.cci.fr/h', false, answering('203.0.113.9', '10.0.0.5'))).resolves.toBe(
      "url's host crm.cci.fr resolves to 10.0.0.5, a private (RFC 1918) address: webhooks must reach a public address",
    );
  });

  it('refuses plain http by default, and a host that does not resolve', async () => {
    await expect(screenWebhookUrl('http://crm.cci.fr/h', false, answering('203.0.113.9'))).resolves.toBe('url must use https');
    const failing: Resolve = () => Promise.reject(new Error('ENOTFOUND'));
    await expect(screenWebhookUrl('https://nowhere.invalid/h', false, failing)).resolves.toBe(
      "url's host nowhere.invalid cannot be resolved",
    );
  });

  it('lets private addresses and http through when the operator allows them', async () => {
    await expect(screenWebhookUrl('http://127.0.0.1:8080/h', true, answering('127.0.0.1'))).resolves.toMatchObject({
      address: '127.0.0.1',
    });
  });
});

describe('postToTarget', () => {
  let server: Server;
  let port: number;
  const seen: Array<{ host?: string; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ host: req.headers.host, body });
        res.statusCode = 202;
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('connects to the checked address, not to what the name resolves to now, and keeps the name in Host', async () => {
    // A name that resolves nowhere: only the pinned address can have been used.
    const target = {
      url: new URL(`http://hooks.example.invalid:${port}/h`),
      host: 'hooks.example.invalid',
      address: '127.0.0.1',
      family: 4 as const,
    };
    await expect(postToTarget(target, { 'content-type': 'application/json' }, '{"a":1}', 2000)).resolves.toBe(202);
    expect(seen.at(-1)).toEqual({ host: `hooks.example.invalid:${port}`, body: '{"a":1}' });
  });

  it('delivers to a screened name over plain http when private addresses are allowed', async () => {
    const target = await screenWebhookUrl(`http://localhost:${port}/h`, true, async () => [{ address: '127.0.0.1', family: 4 }]);
    if (typeof target === 'string') throw new Error(target);
    await expect(postToTarget(target, {}, 'x', 2000)).resolves.toBe(202);
  });
});

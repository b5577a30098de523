import { screenWebhookUrl, type Resolve } from './webhook-target.js';

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

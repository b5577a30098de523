import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { PARTNER_NEED_STATUS } from '../src/outbox/partner-topics.js';
import { createAdmin } from './support/auth.js';
import { apiKey, createPartnerKey } from './support/partners.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';

/** PARTNER_WEBHOOK_ALLOW_PRIVATE left at its default (false), as in production. */
describe('partner webhooks refuse addresses inside our network (SSRF), when set and when delivered', () => {
  let t: TestApp;
  let key: Awaited<ReturnType<typeof createPartnerKey>>;
  let server: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    t = await createTestApp();
    key = await createPartnerKey(t, await createAdmin(t));
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const put = (url: string) => request(t.server).put('/partner/webhook').set(apiKey(key.secret)).send({ url, secret: SECRET });

  it.each([
    ['https://127.0.0.1/hook', 'resolves to 127.0.0.1, a loopback address'],
    ['https://10.20.30.40/hook', 'resolves to 10.20.30.40, a private (RFC 1918) address'],
    ['https://192.168.1.10/hook', 'private (RFC 1918)'],
    ['https://169.254.169.254/latest/meta-data/', 'resolves to 169.254.169.254, a link-local (cloud metadata) address'],
    ['https://[::1]/hook', 'resolves to ::1, a loopback address'],
    ['https://[fd00::1]/hook', 'unique-local'],
    ['https://100.64.1.1/hook', 'shared (CGNAT)'],
    ['https://0.0.0.0/hook', 'unspecified'],
    ['https://localhost/hook', 'a loopback address'],
    // IPv4 in IPv6: the URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1 (an outside review got through).
    ['https://[::ffff:127.0.0.1]:18443/hook', 'a loopback address'],
    ['https://[::ffff:a9fe:a9fe]/latest/meta-data/', 'link-local (cloud metadata)'],
    ['https://[::ffff:10.0.0.1]/hook', 'private (RFC 1918)'],
    ['https://[::7f00:1]/hook', 'IPv4-compatible IPv6 (deprecated)'],
    ['http://203.0.113.9/hook', 'url must use https'],
    ['https://user:secret@203.0.113.9/hook', 'url must not carry a user name or password'],
  ])('refuses %s with a 400 saying why', async (url, why) => {
    const res = await put(url).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const messages = (res.body.details as Array<{ field: string; messages: string[] }>).find((d) => d.field === 'url')!.messages;
    expect(messages.join(' ')).toContain(why);
  });

  it('refuses a non-http scheme', async () => {
    const res = await put('ftp://203.0.113.9/hook').expect(400);
    expect(JSON.stringify(res.body.details)).toContain('url');
  });

  it('checks again at delivery: a stored URL now pointing at loopback gets no request, and the refusal is logged', async () => {
    // As if the name had resolved to a public address when it was set (DNS rebinding).
    await t.dataSource.query(
      `INSERT INTO partner_webhook (partner_id, url, secret) VALUES ($1, $2, $3)
       ON CONFLICT (partner_id) DO UPDATE SET url = EXCLUDED.url, enabled = true, consecutive_failures = 0`,
      [key.partnerId, `https://localhost:${port}/hook`, SECRET],
    );
    await t.dataSource.query('INSERT INTO outbox_event (topic, payload) VALUES ($1, $2)', [
      PARTNER_NEED_STATUS,
      JSON.stringify({ partnerId: key.partnerId, needId: randomUUID(), status: 'submitted' }),
    ]);
    await t.app.get(OutboxWorker).drain(1);
    expect(hits).toBe(0);
    const log = await request(t.server).get('/partner/webhook/deliveries').set(apiKey(key.secret)).expect(200);
    expect(log.body.items[0]).toMatchObject({ httpStatus: null });
    expect(log.body.items[0].error).toContain('refused');
    expect(log.body.items[0].error).toContain('loopback');
  });
});

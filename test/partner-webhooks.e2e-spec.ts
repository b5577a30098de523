import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { verifySignature } from '../src/partners/webhook-signature.js';
import { bearer, createAdmin, createCurator, registerBuyer, type TestSession } from './support/auth.js';
import { eligiblePair, proposeIntroduction } from './support/introductions.js';
import { auditActions } from './support/audit.js';
import { apiKey, createPartnerKey, partnerNeedBody } from './support/partners.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DISABLE_AFTER = 3;
const SECRET = 'whsec_0123456789abcdef0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

/** A real HTTP receiver: answers each request with the next queued status (200 once the queue is empty). */
async function startReceiver(): Promise<{ url: string; received: Received[]; answers: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body, path: req.url ?? '' });
      res.statusCode = answers.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, answers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('partner webhooks (issue 20): signed deliveries through the outbox, retries, switching off', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: TestSession;
  let curator: TestSession;

  const drain = () => t.app.get(OutboxWorker).drain();
  /** Makes failed events due now instead of after their backoff, so the test need not wait. */
  const retryNow = () => t.dataSource.query('UPDATE outbox_event SET available_at = now() WHERE processed_at IS NULL');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    receiver = await startReceiver();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, PARTNER_WEBHOOK_ALLOW_PRIVATE: 'true', PARTNER_WEBHOOK_DISABLE_AFTER: String(DISABLE_AFTER) },
    });
    admin = await createAdmin(t);
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await receiver?.close();
  });

  /** A partner with its webhook set on `path`, and a draft it brought, claimed and submitted by the buyer. */
  async function submittedPartnerNeed(path: string): Promise<{ secret: string; needId: string }> {
    const key = await createPartnerKey(t, admin);
    await request(t.server)
      .put('/partner/webhook')
      .set(apiKey(key.secret))
      .send({ url: `${receiver.url}${path}`, secret: SECRET })
      .expect(200);
    const body = partnerNeedBody();
    const needId = (await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201)).body.id as string;
    const token = /app\/invitations\/([A-Za-z0-9_-]{43})/.exec(smtp.to(body.contactEmail)[0].text ?? '')![1];
    const buyer = await registerBuyer(t, { email: body.contactEmail, organisation: { siren: body.company.siren } });
    await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server).post(`/needs/${needId}/submit`).set(bearer(buyer)).send({}).expect(200);
    return { secret: key.secret, needId };
  }

  const at = (path: string) => receiver.received.filter((r) => r.path === path);

  it('refuses a plain-http URL other than loopback, and a short secret', async () => {
    const key = await createPartnerKey(t, admin);
    const http = await request(t.server)
      .put('/partner/webhook')
      .set(apiKey(key.secret))
      .send({ url: 'http://crm.example.fr/hook', secret: SECRET });
    expect(http.status).toBe(400);
    expect(http.body.details).toEqual([expect.objectContaining({ field: 'url' })]);
    await request(t.server)
      .put('/partner/webhook')
      .set(apiKey(key.secret))
      .send({ url: 'https://crm.example.fr/hook', secret: 'short' })
      .expect(400);
    await request(t.server).get('/partner/webhook').set(apiKey(key.secret)).expect(404);
  });

  it('delivers a need’s state change, signed over timestamp and body, to the partner that brought it', async () => {
    const { secret, needId } = await submittedPartnerNeed('/signed');
    await drain();
    const [delivery] = at('/signed');
    expect(delivery).toBeDefined();
    const signature = String(delivery.headers['x-circuit-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, signature, delivery.body)).toBe(true);
    expect(verifySignature('another secret, long enough for 32', signature, delivery.body)).toBe(false);
    const event = JSON.parse(delivery.body);
    expect(event).toEqual({
      id: delivery.headers['x-circuit-delivery'],
      type: 'need.status_changed',
      createdAt: expect.any(String),
      data: { needId, status: 'submitted' },
    });
    expect(delivery.headers['x-circuit-event']).toBe('need.status_changed');

    const log = await request(t.server).get('/partner/webhook/deliveries').set(apiKey(secret)).expect(200);
    expect(log.body.items).toEqual([expect.objectContaining({ eventId: event.id, attempt: 1, status: 'delivered', httpStatus: 200 })]);
    await drain();
    expect(at('/signed')).toHaveLength(1); // delivered once, not again
  });

  it('retries after a 500 with the same event id, and logs both attempts', async () => {
    const { secret, needId } = await submittedPartnerNeed('/retry');
    receiver.answers.push(500);
    await drain();
    expect(at('/retry')).toHaveLength(1);
    await retryNow();
    await drain();
    const [first, second] = at('/retry');
    expect(second).toBeDefined();
    expect(second.headers['x-circuit-delivery']).toBe(first.headers['x-circuit-delivery']);
    expect(verifySignature(SECRET, String(second.headers['x-circuit-signature']), second.body)).toBe(true);
    const log = await request(t.server).get('/partner/webhook/deliveries').set(apiKey(secret)).expect(200);
    expect(
      log.body.items.map((d: { attempt: number; status: string; httpStatus: number }) => [d.attempt, d.status, d.httpStatus]).sort(),
    ).toEqual([
      [1, 'failed', 500],
      [2, 'delivered', 200],
    ]);
    const hook = await request(t.server).get('/partner/webhook').set(apiKey(secret)).expect(200);
    expect(hook.body).toEqual({ url: `${receiver.url}/retry`, enabled: true, consecutiveFailures: 0, disabledAt: null });

    // Publishing is delivered too.
    await request(t.server).post(`/needs/${needId}/publish`).set(bearer(curator)).send({}).expect(200);
    await drain();
    expect(JSON.parse(at('/retry')[2].body).data).toEqual({ needId, status: 'published' });
  });

  it(`switches the webhook off after ${DISABLE_AFTER} failures in a row, then stops sending until it is set again`, async () => {
    const { secret, needId } = await submittedPartnerNeed('/down');
    receiver.answers.push(...Array<number>(DISABLE_AFTER).fill(503));
    await drain();
    for (let i = 1; i < DISABLE_AFTER; i++) {
      await retryNow();
      await drain();
    }
    expect(at('/down')).toHaveLength(DISABLE_AFTER);
    const hook = await request(t.server).get('/partner/webhook').set(apiKey(secret)).expect(200);
    expect(hook.body).toMatchObject({ enabled: false, consecutiveFailures: DISABLE_AFTER, disabledAt: expect.any(String) });

    await request(t.server).post(`/needs/${needId}/publish`).set(bearer(curator)).send({}).expect(200);
    await retryNow();
    await drain();
    expect(at('/down')).toHaveLength(DISABLE_AFTER);
    const pending = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM outbox_event WHERE processed_at IS NULL AND topic LIKE 'partner.%'",
    );
    expect(pending[0].n).toBe(0);

    await request(t.server)
      .put('/partner/webhook')
      .set(apiKey(secret))
      .send({ url: `${receiver.url}/down`, secret: SECRET })
      .expect(200);
    await request(t.server).post(`/needs/${needId}/close`).set(bearer(curator)).send({ outcome: 'abandoned' }).expect(200);
    await drain();
    expect(JSON.parse(at('/down')[DISABLE_AFTER].body).data).toEqual({ needId, status: 'closed' });
  });

  it('delivers the state changes of the introductions on the partner’s need, naming no vendor', async () => {
    const { needId } = await submittedPartnerNeed('/introductions');
    await request(t.server).post(`/needs/${needId}/publish`).set(bearer(curator)).send({}).expect(200);
    const pair = await eligiblePair(t, curator);
    const intro = await proposeIntroduction(t, curator, { needId, offeringId: pair.offeringId });
    await request(t.server).post(`/introductions/${intro.id}/decline`).set(bearer(pair.vendor)).send({ reason: 'budget' }).expect(200);
    await drain();
    const events = at('/introductions').map((r) => JSON.parse(r.body) as { type: string; data: Record<string, string> });
    expect(events.filter((e) => e.type === 'introduction.status_changed').map((e) => e.data)).toEqual([
      { introductionId: intro.id, needId, status: 'proposed' },
      { introductionId: intro.id, needId, status: 'vendor_declined' },
    ]);
    expect(JSON.stringify(events)).not.toContain(pair.vendor.organisationId!);
  });

  it('replaces the secret with one chosen by the platform: the next delivery is signed with it, not the old one', async () => {
    const { secret } = await submittedPartnerNeed('/rotated');
    const webhookId = (
      (await t.dataSource.query('SELECT w.id FROM partner_webhook w WHERE w.url LIKE $1', ['%/rotated'])) as { id: string }[]
    )[0].id;
    const rotated = await request(t.server).post('/partner/webhook/secret').set(apiKey(secret)).expect(200);
    expect(rotated.body).toEqual({
      webhook: { url: `${receiver.url}/rotated`, enabled: true, consecutiveFailures: 0, disabledAt: null },
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });
    await drain();
    const [delivery] = at('/rotated');
    const signature = String(delivery.headers['x-circuit-signature']);
    expect(verifySignature(rotated.body.secret, signature, delivery.body)).toBe(true);
    expect(verifySignature(SECRET, signature, delivery.body)).toBe(false);
    // Never shown again.
    expect(JSON.stringify((await request(t.server).get('/partner/webhook').set(apiKey(secret)).expect(200)).body)).not.toContain(
      rotated.body.secret,
    );
    expect((await auditActions(t, admin, 'partner_webhook', webhookId)).sort()).toEqual([
      'partner_webhook.rotate_secret',
      'partner_webhook.set',
    ]);
  });

  it('removes the webhook: nothing pending is sent, the log goes, and it can be set again', async () => {
    const { secret } = await submittedPartnerNeed('/removed');
    await request(t.server).delete('/partner/webhook').set(apiKey(secret)).expect(204);
    await drain();
    expect(at('/removed')).toEqual([]);
    await request(t.server).get('/partner/webhook').set(apiKey(secret)).expect(404);
    await request(t.server).get('/partner/webhook/deliveries').set(apiKey(secret)).expect(404);
    // Nothing left to remove or rotate.
    await request(t.server).delete('/partner/webhook').set(apiKey(secret)).expect(404);
    await request(t.server).post('/partner/webhook/secret').set(apiKey(secret)).expect(404);
    await request(t.server)
      .put('/partner/webhook')
      .set(apiKey(secret))
      .send({ url: `${receiver.url}/removed`, secret: SECRET })
      .expect(200);
  });

  it('lets only a key of the partner with needs:read remove or rotate, and each partner only its own', async () => {
    const writer = await createPartnerKey(t, admin, ['needs:write']);
    await request(t.server).delete('/partner/webhook').expect(401);
    await request(t.server).post('/partner/webhook/secret').set(apiKey('cia_not-a-key')).expect(401);
    await request(t.server).delete('/partner/webhook').set(apiKey(writer.secret)).expect(403);
    await request(t.server).post('/partner/webhook/secret').set(apiKey(writer.secret)).expect(403);
    // Another partner's key sees no webhook of its own: the first partner's stays.
    const owner = await createPartnerKey(t, admin);
    await request(t.server)
      .put('/partner/webhook')
      .set(apiKey(owner.secret))
      .send({ url: `${receiver.url}/owned`, secret: SECRET })
      .expect(200);
    const stranger = await createPartnerKey(t, admin);
    await request(t.server).delete('/partner/webhook').set(apiKey(stranger.secret)).expect(404);
    await request(t.server).get('/partner/webhook').set(apiKey(owner.secret)).expect(200);
  });

  it('documents the payload and the signature in OpenAPI', async () => {
    const doc = (await request(t.server).get('/docs/openapi.json').expect(200)).body;
    expect(doc.components.schemas.WebhookEventDto).toBeDefined();
    expect(doc.components.schemas.WebhookEventDataDto).toBeDefined();
    expect(doc.paths['/partner/webhook'].put.description).toContain('HMAC-SHA256');
    // The POST a partner receives, as an OpenAPI callback of the operation that sets its URL.
    expect(
      doc.paths['/partner/webhook'].put.callbacks.partnerEvent['{$request.body#/url}'].post.requestBody.content['application/json'].schema,
    ).toEqual({
      $ref: '#/components/schemas/WebhookEventDto',
    });
    expect(Object.keys(doc.paths['/partner/webhook'])).toEqual(expect.arrayContaining(['put', 'get', 'delete']));
    expect(doc.paths['/partner/webhook/secret'].post.responses['200']).toBeDefined();
  });
});

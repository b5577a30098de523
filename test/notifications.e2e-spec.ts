import request from 'supertest';
import { MAIL_TRANSPORT, type MailTransport, type OutgoingMail } from '../src/notifications/mail-transport.js';
import { NOTIFICATION_KINDS } from '../src/notifications/notification-kinds.js';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { bearer, createCurator, registerBuyer, type RegisteredSession } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Records what would leave, and can be told to fail: the injected fault. */
class RecordingTransport implements MailTransport {
  readonly name = 'log' as const;
  sent: OutgoingMail[] = [];
  failing = false;
  async send(mail: OutgoingMail): Promise<void> {
    if (this.failing) throw new Error('SMTP 451 try again later');
    this.sent.push(mail);
  }
}

describe('notifications', () => {
  let t: TestApp;
  let service: NotificationsService;
  let alice: RegisteredSession;
  let bob: RegisteredSession;
  const transport = new RecordingTransport();
  const mails = (userId: string) =>
    t.dataSource.query('SELECT kind, status, to_address, subject FROM mail_log WHERE user_id = $1 ORDER BY created_at', [userId]);

  beforeAll(async () => {
    t = await createTestApp({ overrides: [{ provide: MAIL_TRANSPORT, useValue: transport }] });
    service = t.app.get(NotificationsService);
    alice = await registerBuyer(t);
    bob = await registerBuyer(t);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    transport.sent = [];
    transport.failing = false;
  });

  const publish = (eventKey: string, recipientIds: string[]) =>
    service.notify({ kind: 'need_published', eventKey, recipientIds, data: { title: 'Tri du courrier', path: '/app/besoins/1' } });

  it('sends one French e-mail per recipient, with an absolute link, and logs it', async () => {
    expect(await publish('evt-1', [alice.userId, bob.userId])).toBe(2);
    expect(transport.sent.map((m) => m.to).sort()).toEqual([alice.email, bob.email].sort());
    expect(transport.sent[0].text).toContain('http://localhost:3000/app/besoins/1');
    expect(await mails(alice.userId)).toEqual([
      { kind: 'need_published', status: 'sent', to_address: alice.email, subject: 'Votre besoin est publié : Tri du courrier' },
    ]);
  });

  it('never sends twice for a redelivered event', async () => {
    await publish('evt-2', [alice.userId]);
    await publish('evt-2', [alice.userId]);
    expect(transport.sent).toHaveLength(1);
  });

  it('sends nothing of a kind the user muted, and still sends the others', async () => {
    await request(t.server)
      .patch('/me/notifications')
      .set(bearer(alice))
      .send({ muted: ['need_published'] })
      .expect(200);
    await publish('evt-3', [alice.userId, bob.userId]);
    expect(transport.sent.map((m) => m.to)).toEqual([bob.email]);
    await service.notify({ kind: 'need_rejected', eventKey: 'evt-3b', recipientIds: [alice.userId], data: { title: 'x', path: '/' } });
    expect(transport.sent.map((m) => m.to)).toEqual([bob.email, alice.email]);
    await request(t.server).patch('/me/notifications').set(bearer(alice)).send({ muted: [] }).expect(200);
  });

  it('fails the delivery when the transport fails, then sends only what is missing on retry', async () => {
    transport.failing = true;
    await expect(publish('evt-4', [alice.userId, bob.userId])).rejects.toThrow(/failed/);
    const [{ status }] = await t.dataSource.query('SELECT status FROM mail_log WHERE dedupe_key = $1', [`evt-4:${alice.userId}`]);
    expect(status).toBe('failed');
    transport.failing = false;
    expect(await publish('evt-4', [alice.userId, bob.userId])).toBe(2);
    expect(await publish('evt-4', [alice.userId, bob.userId])).toBe(0);
  });

  it('shows and updates the caller’s settings', async () => {
    const before = await request(t.server).get('/me/notifications').set(bearer(bob)).expect(200);
    // Counted from the list, so kinds added by other features do not break this test.
    expect(before.body.kinds.map((k: { kind: string }) => k.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(before.body.kinds.map((k: { kind: string }) => k.kind)).toEqual(
      expect.arrayContaining(['claim_evidence_expiring', 'introduction_won']),
    );
    expect(before.body.kinds.every((k: { muted: boolean }) => !k.muted)).toBe(true);
    const after = await request(t.server)
      .patch('/me/notifications')
      .set(bearer(bob))
      .send({ muted: ['introduction_reminder'] })
      .expect(200);
    expect(after.body.kinds.find((k: { kind: string }) => k.kind === 'introduction_reminder')).toMatchObject({
      muted: true,
      label: expect.stringContaining('Rappel'),
    });
  });

  it.each([
    [{ muted: ['spam'] }],
    [{ muted: 'need_published' }],
    [{ muted: ['need_published', 'need_published'] }],
    [{}],
    [{ muted: [], extra: 1 }],
  ])('refuses %p with 400', async (body) => {
    const res = await request(t.server).patch('/me/notifications').set(bearer(bob)).send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('needs a signed-in user', async () => {
    await request(t.server).get('/me/notifications').expect(401);
    await request(t.server).patch('/me/notifications').send({ muted: [] }).expect(401);
  });

  it('exports the user’s e-mails and mutes, and erases addresses and bodies with the account', async () => {
    const carol = await registerBuyer(t);
    await publish('evt-5', [carol.userId]);
    await request(t.server)
      .patch('/me/notifications')
      .set(bearer(carol))
      .send({ muted: ['need_rejected'] })
      .expect(200);
    const exported = await request(t.server).get('/me/export').set(bearer(carol)).expect(200);
    expect(exported.body.notifications.muted).toEqual(['need_rejected']);
    expect(exported.body.notifications.mails).toEqual([expect.objectContaining({ kind: 'need_published', toAddress: carol.email })]);

    await request(t.server).delete('/me').set(bearer(carol)).expect(204);
    const rows = await t.dataSource.query('SELECT to_address, body, subject FROM mail_log WHERE user_id = $1', [carol.userId]);
    expect(rows).toEqual([{ to_address: null, body: null, subject: expect.any(String) }]);
    expect(await t.dataSource.query('SELECT * FROM notification_mute WHERE user_id = $1', [carol.userId])).toEqual([]);
    // An erased user gets nothing more.
    expect(await publish('evt-6', [carol.userId])).toBe(0);
  });
});

describe('need events become e-mails, in order', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('tells curators a need waits, then the buyer what became of it', async () => {
    const buyer = await registerBuyer(t);
    const curator = await createCurator(t);
    const created = await request(t.server)
      .post('/needs')
      .set(bearer(buyer))
      .send({
        title: 'Tri automatique des courriers entrants',
        description: 'Nous recevons 300 courriers par jour et voulons les router automatiquement.',
        useCases: ['DOC_PROCESSING'],
        reach: 'regional',
        dataSensitivity: 'personal',
        requirements: ['GDPR_DPA'],
      })
      .expect(201);
    const id = created.body.id;
    await request(t.server).post(`/needs/${id}/submit`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server)
      .post(`/needs/${id}/request-changes`)
      .set(bearer(curator))
      .send({ message: 'Précisez le volume mensuel.' })
      .expect(200);
    const current = await request(t.server).get(`/needs/${id}`).set(bearer(buyer)).expect(200);
    await request(t.server)
      .patch(`/needs/${id}`)
      .set(bearer(buyer))
      .send({ version: current.body.version, description: 'Environ 6 000 courriers par mois, à router vers 12 services.' })
      .expect(200);
    await request(t.server).post(`/needs/${id}/submit`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server).post(`/needs/${id}/publish`).set(bearer(curator)).send({}).expect(200);

    expect(await t.app.get(OutboxWorker).drain()).toMatchObject({ failed: 0 });
    const log: { kind: string; user_id: string; body: string }[] = await t.dataSource.query(
      'SELECT kind, user_id, body FROM mail_log ORDER BY created_at, kind',
    );
    const toCurator = log.filter((m) => m.user_id === curator.userId).map((m) => m.kind);
    const toBuyer = log.filter((m) => m.user_id === buyer.userId).map((m) => m.kind);
    expect(toCurator).toEqual(['need_submitted', 'need_submitted']);
    expect(toBuyer).toEqual(['need_changes_requested', 'need_published']);
    expect(log.find((m) => m.kind === 'need_changes_requested')?.body).toContain('Précisez le volume mensuel.');
    // Redelivery sends nothing more.
    await t.dataSource.query('UPDATE outbox_event SET processed_at = NULL, available_at = now()');
    await t.app.get(OutboxWorker).drain();
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM mail_log')).toEqual([{ n: log.length }]);
  });
});

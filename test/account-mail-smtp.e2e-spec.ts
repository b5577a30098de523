import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { loginAs, registerBuyer } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The reset e-mail received for real: the app is configured with SMTP_URL pointing at an SMTP
 * server this test runs, and the person follows the link found in the message they received.
 */
describe('Password reset through a real SMTP server', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: ParsedMail[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: 'Circuit IA <no-reply@circuit-ia.test>',
        APP_PUBLIC_URL: 'https://circuit-ia.test',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('delivers a French reset e-mail whose link sets the new password', async () => {
    const buyer = await registerBuyer(t);
    await request(t.server).post('/auth/password/forgot').send({ email: buyer.email }).expect(202);
    expect(await t.app.get(OutboxWorker).drain()).toMatchObject({ failed: 0 });

    const resets = received.filter((m) => m.subject === 'Choisir un nouveau mot de passe');
    expect(resets).toHaveLength(1);
    const [mail] = resets;
    expect(mail.from?.text).toContain('no-reply@circuit-ia.test');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(buyer.email);
    const link = /https:\/\/circuit-ia\.test\/app\/nouveau-mot-de-passe\?jeton=([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
    expect(link).not.toBeNull();

    await request(t.server).post('/auth/password/reset').send({ token: link?.[1], password: 'received by mail, then changed' }).expect(204);
    await loginAs(t, buyer.email, 'received by mail, then changed');
    const [row] = await t.dataSource.query("SELECT transport, status FROM mail_log WHERE user_id = $1 AND kind = 'password_reset'", [
      buyer.userId,
    ]);
    expect(row).toEqual({ transport: 'smtp', status: 'sent' });
  });
});

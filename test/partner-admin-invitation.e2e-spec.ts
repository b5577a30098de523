import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { bearer, createAdmin, loginAs, uniqueEmail, type TestSession } from './support/auth.js';
import { createPartner } from './support/partners.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A partner-admin's invitation (decision 029) received through a real SMTP server: its own wording
 * (not the reset e-mail's), a single-use link to choose the password, which expires.
 */
describe('partner-admin invitation e-mail (issue 20)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: TestSession;
  let partner: { id: string; name: string };

  const invite = async (email: string) =>
    (
      await request(t.server)
        .post(`/admin/partners/${partner.id}/members`)
        .set(bearer(admin))
        .send({ email, displayName: 'Claire Dupont' })
        .expect(201)
    ).body as { userId: string };
  const received = async (email: string) => {
    expect(await t.app.get(OutboxWorker).drain()).toMatchObject({ failed: 0 });
    const mails = smtp.to(email);
    expect(mails).toHaveLength(1);
    const token = /https:\/\/circuit-ia\.test\/app\/nouveau-mot-de-passe\?jeton=([A-Za-z0-9_-]{43})/.exec(mails[0].text ?? '')?.[1];
    expect(token).toBeDefined();
    return { mail: mails[0], token: token! };
  };
  const reset = (token: string, password = 'une phrase de passe bien à moi') =>
    request(t.server).post('/auth/password/reset').send({ token, password });

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url, APP_PUBLIC_URL: 'https://circuit-ia.test' } });
    admin = await createAdmin(t);
    partner = await createPartner(t, admin);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('invites in its own words, naming the partner; the link chooses the password once', async () => {
    const email = uniqueEmail('invitee');
    await invite(email);
    const { mail, token } = await received(email);
    expect(mail.subject).toBe(`Invitation à gérer l'espace partenaire de ${partner.name} sur Circuit IA`);
    expect(mail.text).toContain(`Vous êtes invité·e à gérer l'espace partenaire de ${partner.name} sur Circuit IA`);
    expect(mail.text).toContain('choisissez votre mot de passe');
    expect(mail.text).not.toContain('demandé à changer le mot de passe');
    const [log] = await t.dataSource.query('SELECT kind FROM mail_log WHERE to_address = $1', [email]);
    expect(log).toEqual({ kind: 'partner_invitation' });

    await reset(token).expect(204);
    expect((await loginAs(t, email, 'une phrase de passe bien à moi')).role).toBe('partner');
    expect((await reset(token, 'une autre phrase de passe').expect(400)).body.code).toBe('ACCOUNT_LINK_INVALID');
  });

  it('expires: an invitation link past its date is refused like an unknown one', async () => {
    const email = uniqueEmail('late');
    const { userId } = await invite(email);
    const { token } = await received(email);
    const [{ hours }] = await t.dataSource.query(
      "SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM account_token WHERE user_id = $1 AND purpose = 'password_reset'",
      [userId],
    );
    expect(hours).toBe(72);
    await t.dataSource.query("UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [userId]);
    expect((await reset(token).expect(400)).body.code).toBe('ACCOUNT_LINK_INVALID');
  });
});

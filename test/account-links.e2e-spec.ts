import request from 'supertest';
import { TERMS_VERSION } from '../src/account-links/terms.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import {
  bearer,
  confirmEmail,
  loginAs,
  registerBuyer,
  registerVendor,
  registrationBody,
  TEST_PASSWORD,
  uniqueEmail,
  type RegisteredSession,
} from './support/auth.js';
import { createOffering } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const NEW_PASSWORD = 'a brand new and unusual passphrase';

const completeNeed = {
  title: 'Tri automatique des courriers entrants',
  description: 'Nous recevons 300 courriers par jour et voulons les router automatiquement.',
  useCases: ['DOC_PROCESSING'],
  reach: 'regional',
  minBudgetEur: 5000,
  maxBudgetEur: 20000,
  desiredStart: '2027-01-15',
  deadline: '2027-06-30',
  dataSensitivity: 'personal',
  requirements: ['GDPR_DPA'],
};

describe('Account links: password reset, e-mail confirmation, consent (issue 23)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const forgot = (email: string) => request(t.server).post('/auth/password/forgot').send({ email });
  const reset = (token: string, password = NEW_PASSWORD) => request(t.server).post('/auth/password/reset').send({ token, password });
  /** The e-mails of a user once the outbox ran, with the token of the link each carries. */
  const mailsOf = async (userId: string, kind: string) => {
    await t.app.get(OutboxWorker).drain();
    const rows = (await t.dataSource.query('SELECT body FROM mail_log WHERE user_id = $1 AND kind = $2 ORDER BY created_at', [
      userId,
      kind,
    ])) as { body: string }[];
    return rows.map((r) => ({ body: r.body, token: /\?jeton=([A-Za-z0-9_-]+)/.exec(r.body)?.[1] ?? '' }));
  };
  const resetToken = async (who: RegisteredSession) => {
    await forgot(who.email).expect(202);
    const mails = await mailsOf(who.userId, 'password_reset');
    return mails[mails.length - 1].token;
  };
  /** Lets a minute pass for the link limits, by moving the account's links back in time. */
  const ageLinks = (userId: string) =>
    t.dataSource.query("UPDATE account_token SET created_at = created_at - interval '2 minutes' WHERE user_id = $1", [userId]);

  describe('forgotten password', () => {
    it('answers the same status and body for a known and an unknown address, and e-mails only the known one', async () => {
      const buyer = await registerBuyer(t);
      // Nor by its duration: both answers wait for the same moment (150 ms after the request came).
      const timed = async (email: string) => {
        const started = Date.now();
        const res = await forgot(email);
        return { res, ms: Date.now() - started };
      };
      const { res: known, ms: knownMs } = await timed(buyer.email.toUpperCase());
      const { res: unknown, ms: unknownMs } = await timed(uniqueEmail('nobody'));
      expect(Math.min(knownMs, unknownMs)).toBeGreaterThanOrEqual(145);
      expect(known.status).toBe(202);
      expect({ status: unknown.status, body: unknown.body }).toEqual({ status: known.status, body: known.body });
      const mails = await mailsOf(buyer.userId, 'password_reset');
      expect(mails).toHaveLength(1);
      expect(mails[0].body).toContain(`http://localhost:3000/app/nouveau-mot-de-passe?jeton=${mails[0].token}`);
      expect(mails[0].token).toHaveLength(43);
      const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM mail_log WHERE kind = 'password_reset'");
      expect(n).toBe(1);
    });

    it('stores only a hash of the token', async () => {
      const buyer = await registerBuyer(t);
      const token = await resetToken(buyer);
      const rows = await t.dataSource.query('SELECT token_hash FROM account_token WHERE user_id = $1', [buyer.userId]);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows as { token_hash: string }[]) expect(row.token_hash).not.toContain(token);
    });

    it('sets the new password once, revokes every session, and refuses the same link again', async () => {
      const buyer = await registerBuyer(t);
      const token = await resetToken(buyer);
      await reset(token).expect(204);

      await request(t.server).get('/me').set(bearer(buyer)).expect(401);
      await request(t.server).post('/auth/refresh').send({ refreshToken: buyer.refreshToken }).expect(401);
      await request(t.server).post('/auth/login').send({ email: buyer.email, password: TEST_PASSWORD }).expect(401);
      await loginAs(t, buyer.email, NEW_PASSWORD);

      const again = await reset(token, 'yet another unusual passphrase').expect(400);
      expect(again.body.code).toBe('ACCOUNT_LINK_INVALID');
      await loginAs(t, buyer.email, NEW_PASSWORD);
    });

    it('refuses an expired link with the same answer as an unknown one', async () => {
      const buyer = await registerBuyer(t);
      const token = await resetToken(buyer);
      await t.dataSource.query("UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE user_id = $1", [buyer.userId]);
      const expired = await reset(token).expect(400);
      const unknown = await reset('x'.repeat(43)).expect(400);
      expect(expired.body.code).toBe('ACCOUNT_LINK_INVALID');
      expect(expired.body.message).toBe(unknown.body.message);
      await loginAs(t, buyer.email, TEST_PASSWORD);
    });

    it('keeps the link usable when the new password is refused, naming the field', async () => {
      const buyer = await registerBuyer(t);
      const token = await resetToken(buyer);
      const weak = await reset(token, 'short').expect(400);
      expect(weak.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'password' }] });
      await reset(token).expect(204);
    });

    it('sends no second link within a minute, yet answers the same', async () => {
      const buyer = await registerBuyer(t);
      await forgot(buyer.email).expect(202);
      const second = await forgot(buyer.email).expect(202);
      expect(second.body.message).toMatch(/If an account uses this address/);
      expect(await mailsOf(buyer.userId, 'password_reset')).toHaveLength(1);
    });

    it('a newer reset ends the older links', async () => {
      const buyer = await registerBuyer(t);
      const first = await resetToken(buyer);
      await ageLinks(buyer.userId);
      const second = await resetToken(buyer);
      expect(second).not.toBe(first);
      await reset(second).expect(204);
      expect((await reset(first, 'yet another unusual passphrase').expect(400)).body.code).toBe('ACCOUNT_LINK_INVALID');
    });

    it('account e-mails cannot be muted: not in the settings, refused there, and sent despite a mute row', async () => {
      const buyer = await registerBuyer(t);
      const settings = await request(t.server).get('/me/notifications').set(bearer(buyer)).expect(200);
      const kinds = (settings.body.kinds as { kind: string }[]).map((k) => k.kind);
      expect(kinds).not.toContain('password_reset');
      expect(kinds).not.toContain('email_verification');
      await request(t.server)
        .patch('/me/notifications')
        .set(bearer(buyer))
        .send({ muted: ['password_reset'] })
        .expect(400);

      await t.dataSource.query("INSERT INTO notification_mute (user_id, kind) VALUES ($1, 'password_reset')", [buyer.userId]);
      await forgot(buyer.email).expect(202);
      expect(await mailsOf(buyer.userId, 'password_reset')).toHaveLength(1);
    });
  });

  describe('e-mail confirmation', () => {
    it('e-mails a link at sign-up; until it is followed, a buyer cannot submit a need (403 EMAIL_NOT_VERIFIED)', async () => {
      const buyer = await registerBuyer(t, { verify: false });
      const me = await request(t.server).get('/me').set(bearer(buyer)).expect(200);
      expect(me.body.emailVerified).toBe(false);

      const need = await request(t.server).post('/needs').set(bearer(buyer)).send(completeNeed).expect(201);
      const refused = await request(t.server).post(`/needs/${need.body.id}/submit`).set(bearer(buyer)).send({}).expect(403);
      expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');
      expect(refused.body.message).toMatch(/Confirm your e-mail address/);

      const [mail] = await mailsOf(buyer.userId, 'email_verification');
      expect(mail.body).toContain(`http://localhost:3000/app/verifier-email?jeton=${mail.token}`);
      await request(t.server).post('/auth/email/verify').send({ token: mail.token }).expect(204);
      expect((await request(t.server).get('/me').set(bearer(buyer)).expect(200)).body.emailVerified).toBe(true);
      await request(t.server).post(`/needs/${need.body.id}/submit`).set(bearer(buyer)).send({}).expect(200);

      expect((await request(t.server).post('/auth/email/verify').send({ token: mail.token }).expect(400)).body.code).toBe(
        'ACCOUNT_LINK_INVALID',
      );
    });

    it('keeps an unconfirmed vendor from publishing an offering', async () => {
      const vendor = await registerVendor(t, { verify: false });
      const offering = await createOffering(t, vendor);
      const refused = await request(t.server).post(`/offerings/${offering.id}/publish`).set(bearer(vendor)).expect(403);
      expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');
    });

    it('refuses an expired confirmation link', async () => {
      const buyer = await registerBuyer(t, { verify: false });
      await t.dataSource.query("UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1", [buyer.userId]);
      await expect(confirmEmail(t, buyer.userId)).rejects.toThrow(/400/);
    });

    it('resends a link at most once a minute (429 with Retry-After), and not to a confirmed address (409)', async () => {
      const buyer = await registerBuyer(t, { verify: false });
      const early = await request(t.server).post('/auth/email/resend').set(bearer(buyer)).expect(429);
      expect(early.body.code).toBe('RATE_LIMITED');
      expect(Number(early.headers['retry-after'])).toBeGreaterThan(0);
      await request(t.server).post('/auth/email/resend').expect(401);

      await ageLinks(buyer.userId);
      await request(t.server).post('/auth/email/resend').set(bearer(buyer)).expect(204);
      const mails = await mailsOf(buyer.userId, 'email_verification');
      expect(mails).toHaveLength(2);
      await request(t.server).post('/auth/email/verify').send({ token: mails[1].token }).expect(204);

      await ageLinks(buyer.userId);
      expect((await request(t.server).post('/auth/email/resend').set(bearer(buyer)).expect(409)).body.code).toBe('EMAIL_ALREADY_VERIFIED');
    });

    it('a password reset link also confirms the address (it reached the mailbox)', async () => {
      const buyer = await registerBuyer(t, { verify: false });
      await reset(await resetToken(buyer)).expect(204);
      const session = await loginAs(t, buyer.email, NEW_PASSWORD);
      expect((await request(t.server).get('/me').set(bearer(session)).expect(200)).body.emailVerified).toBe(true);
    });
  });

  describe('terms and privacy consent', () => {
    it.each([
      ['missing', undefined],
      ['false', false],
      ['a string', 'yes'],
    ])('refuses a sign-up whose acceptTerms is %s, naming the field', async (_, acceptTerms) => {
      const body = { ...registrationBody('buyer'), acceptTerms };
      const res = await request(t.server).post('/auth/register').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([{ field: 'acceptTerms', messages: [expect.stringContaining('acceptTerms')] }]);
    });

    it('records the date and version of the consent with the account', async () => {
      const before = Date.now();
      const buyer = await registerBuyer(t);
      const [row] = await t.dataSource.query('SELECT terms_accepted_at, terms_version FROM app_user WHERE id = $1', [buyer.userId]);
      expect(row.terms_version).toBe(TERMS_VERSION);
      expect(new Date(row.terms_accepted_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    });
  });
});

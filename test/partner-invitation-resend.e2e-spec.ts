import request from 'supertest';
import { bearer, createAdmin, registerBuyer, type TestSession } from './support/auth.js';
import { apiKey, createPartnerAdmin, createPartnerKey, partnerNeedBody } from './support/partners.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('resending a claim invitation (issue 20): a new link by e-mail, the old one dead, not too often, audited', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: TestSession;
  let key: Awaited<ReturnType<typeof createPartnerKey>>;
  let partnerAdmin: TestSession;

  /** The tokens of the invitation e-mails that reached this address, oldest first. */
  const tokensTo = (email: string): string[] => smtp.to(email).map((m) => /app\/invitations\/([A-Za-z0-9_-]{43})/.exec(m.text ?? '')![1]);
  /** As if the last invitation had gone out 10 minutes ago: past the resend interval without waiting. */
  const ageInvitations = (needId: string) =>
    t.dataSource.query("UPDATE need_invitation SET created_at = created_at - interval '10 minutes' WHERE need_id = $1", [needId]);
  const resendWithKey = (needId: string, secret = key.secret) =>
    request(t.server).post(`/partner/needs/${needId}/invitation`).set(apiKey(secret)).send({});

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    admin = await createAdmin(t);
    key = await createPartnerKey(t, admin);
    partnerAdmin = await createPartnerAdmin(t, admin, key.partnerId);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends a new link to the same address; the earlier link answers 410 and the new one works', async () => {
    const body = partnerNeedBody();
    const needId = (await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201)).body.id as string;
    const [first] = tokensTo(body.contactEmail);

    await ageInvitations(needId);
    const res = await resendWithKey(needId).expect(201);
    expect(res.body).toMatchObject({ needId, sentTo: body.contactEmail });
    const tokens = tokensTo(body.contactEmail);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).not.toBe(first);

    const old = await request(t.server).get(`/need-invitations/${first}`).expect(410);
    expect(old.body.code).toBe('INVITATION_REPLACED');
    await request(t.server).get(`/need-invitations/${tokens[1]}`).expect(200);
    const [audit] = await t.dataSource.query(
      "SELECT actor_id, actor_role, after FROM audit_event WHERE action = 'need_invitation.resend' AND entity_id = $1",
      [needId],
    );
    expect(audit).toMatchObject({ actor_id: key.keyId, actor_role: 'partner_key', after: { partnerId: key.partnerId, keyId: key.keyId } });

    // The buyer claims with the newest link.
    const buyer = await registerBuyer(t, { email: body.contactEmail, organisation: { siren: body.company.siren } });
    await request(t.server).post(`/need-invitations/${tokens[1]}/claim`).set(bearer(buyer)).send({}).expect(200);
    await ageInvitations(needId);
    const claimed = await resendWithKey(needId).expect(409);
    expect(claimed.body.code).toBe('INVITATION_NOT_RESENDABLE');
  });

  it('refuses a second resend within 5 minutes with 429 and Retry-After, and sends nothing', async () => {
    const body = partnerNeedBody();
    const needId = (await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201)).body.id as string;
    const res = await resendWithKey(needId).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(tokensTo(body.contactEmail)).toHaveLength(1);
  });

  it('lets the partner-admin resend from their account, audited with them as actor', async () => {
    const body = partnerNeedBody();
    const needId = (await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201)).body.id as string;
    await ageInvitations(needId);
    await request(t.server).post(`/partners/${key.partnerId}/needs/${needId}/invitation`).set(bearer(partnerAdmin)).send({}).expect(201);
    expect(tokensTo(body.contactEmail)).toHaveLength(2);
    const [audit] = await t.dataSource.query(
      "SELECT actor_id, actor_role FROM audit_event WHERE action = 'need_invitation.resend' AND entity_id = $1",
      [needId],
    );
    expect(audit).toEqual({ actor_id: partnerAdmin.userId, actor_role: 'partner' });
  });

  it("answers 404 for another partner's need, by key or by partner-admin", async () => {
    const body = partnerNeedBody();
    const needId = (await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201)).body.id as string;
    await ageInvitations(needId);
    const other = await createPartnerKey(t, admin);
    const otherAdmin = await createPartnerAdmin(t, admin, other.partnerId);
    expect((await resendWithKey(needId, other.secret).expect(404)).body.code).toBe('PARTNER_NEED_NOT_FOUND');
    await request(t.server).post(`/partners/${other.partnerId}/needs/${needId}/invitation`).set(bearer(otherAdmin)).send({}).expect(404);
    await request(t.server).post(`/partners/${key.partnerId}/needs/${needId}/invitation`).set(bearer(otherAdmin)).send({}).expect(404);
    expect(tokensTo(body.contactEmail)).toHaveLength(1);
  });
});

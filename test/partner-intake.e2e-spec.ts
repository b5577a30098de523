import request from 'supertest';
import { bearer, createAdmin, createCurator, registerBuyer, registerVendor, type TestSession } from './support/auth.js';
import { apiKey, createPartner, createPartnerKey, partnerNeedBody } from './support/partners.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { visibleText, WebClient, webSignIn } from './support/web.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const RATE_LIMIT = 30;
/** APP_PUBLIC_URL of the app under test: the e-mail's links start with it. */
let publicUrl = '';

/** The claim link's token, read from the invitation e-mail the test's SMTP server received. */
function tokenFrom(smtp: TestSmtp, to: string): string {
  const [mail] = smtp.to(to);
  if (!mail) throw new Error(`no invitation e-mail to ${to}`);
  const match = /(https?:\/\/[^/\s]+)\/app\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? '');
  if (!match) throw new Error(`no claim link in: ${mail.text}`);
  expect(match[1]).toBe(new URL(publicUrl).origin);
  return match[2];
}

describe('partner intake (issue 20): API keys, drafts brought by partners, the buyer’s claim', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: TestSession;
  let curator: TestSession;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, PARTNER_KEY_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) },
    });
    publicUrl = t.config.APP_PUBLIC_URL;
    admin = await createAdmin(t);
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await t.dataSource.query(sql, params)) as { n: number }[])[0].n;

  describe('API keys', () => {
    it('shows the secret once, stores only its hash, and lists the key by its prefix', async () => {
      const partner = await createPartner(t, admin, { kind: 'bpifrance', allowedOrigins: ['https://diag.bpifrance.fr/formulaire'] });
      const created = await request(t.server)
        .post(`/partners/${partner.id}/api-keys`)
        .set(bearer(admin))
        .send({ label: 'Serveur diagnostics', scopes: ['needs:write'], expiresAt: '2099-01-01T00:00:00Z' })
        .expect(201);
      expect(created.body.secret).toMatch(/^ciak_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
      expect(created.body.secret.startsWith(`${created.body.prefix}_`)).toBe(true);
      const stored = await t.dataSource.query('SELECT secret_hash FROM partner_api_key WHERE id = $1', [created.body.id]);
      expect(stored[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(created.body.secret);

      const listed = await request(t.server).get(`/partners/${partner.id}/api-keys`).set(bearer(admin)).expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, prefix: created.body.prefix, scopes: ['needs:write'] })]);
      expect(listed.body[0]).not.toHaveProperty('secret');
      const partners = await request(t.server).get('/admin/partners').set(bearer(admin)).expect(200);
      expect(partners.body).toContainEqual(expect.objectContaining({ id: partner.id, allowedOrigins: ['https://diag.bpifrance.fr'] }));
      expect(
        await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'partner_api_key.create' AND entity_id = $1`, [
          created.body.id,
        ]),
      ).toBe(1);
    });

    it('refuses embedding origins that are not https sites, naming the field', async () => {
      // `https://xn--a.com` passed validation and then broke the URL parser (a 500, an outside review).
      for (const origin of ['https://xn--a.com', 'https://[::1]', 'https://10.0.0.1', 'http://www.cci.fr', 'https://user@www.cci.fr']) {
        const res = await request(t.server)
          .post('/admin/partners')
          .set(bearer(admin))
          .send({ name: `Origine ${origin}`, kind: 'cci', allowedOrigins: [origin] })
          .expect(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'allowedOrigins' })]);
      }
      // A second partner of the same name (case aside): 409, as documented.
      await request(t.server).post('/admin/partners').set(bearer(admin)).send({ name: 'CCI Homonyme', kind: 'cci' }).expect(201);
      const twin = await request(t.server)
        .post('/admin/partners')
        .set(bearer(admin))
        .send({ name: 'cci homonyme', kind: 'cci' })
        .expect(409);
      expect(twin.body.code).toBe('ALREADY_EXISTS');
      // An expiry written as an ISO week date is refused too, not a 500.
      const partner = await createPartner(t, admin);
      await request(t.server)
        .post(`/partners/${partner.id}/api-keys`)
        .set(bearer(admin))
        .send({ label: 'semaine', scopes: ['needs:read'], expiresAt: '2030-W01-1' })
        .expect(400);
    });

    it('refuses a key created already expired, naming the field', async () => {
      const partner = await createPartner(t, admin);
      const res = await request(t.server)
        .post(`/partners/${partner.id}/api-keys`)
        .set(bearer(admin))
        .send({ label: 'old', scopes: ['needs:read'], expiresAt: '2020-01-01T00:00:00Z' })
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    });

    it('answers 403 to a key without the route’s scope', async () => {
      const reader = await createPartnerKey(t, admin, ['needs:read']);
      const res = await request(t.server).post('/partner/needs').set(apiKey(reader.secret)).send(partnerNeedBody()).expect(403);
      expect(res.body.code).toBe('API_KEY_SCOPE_MISSING');
      const writer = await createPartnerKey(t, admin, ['needs:write']);
      await request(t.server).get('/partner/needs').set(apiKey(writer.secret)).expect(403);
    });

    it('answers 401 to a revoked key, and the revocation is audited once', async () => {
      const key = await createPartnerKey(t, admin);
      await request(t.server).get('/partner/needs').set(apiKey(key.secret)).expect(200);
      const revoked = await request(t.server)
        .post(`/partners/${key.partnerId}/api-keys/${key.keyId}/revoke`)
        .set(bearer(admin))
        .expect(200);
      expect(revoked.body.revokedAt).not.toBeNull();
      await request(t.server).post(`/partners/${key.partnerId}/api-keys/${key.keyId}/revoke`).set(bearer(admin)).expect(200);
      const res = await request(t.server).get('/partner/needs').set(apiKey(key.secret)).expect(401);
      expect(res.body.code).toBe('API_KEY_INVALID');
      expect(
        await count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'partner_api_key.revoke' AND entity_id = $1`, [key.keyId]),
      ).toBe(1);
    });

    it('answers 401 to an expired key', async () => {
      const key = await createPartnerKey(t, admin);
      await request(t.server).get('/partner/needs').set(apiKey(key.secret)).expect(200);
      await t.dataSource.query("UPDATE partner_api_key SET expires_at = now() - interval '1 second' WHERE id = $1", [key.keyId]);
      const res = await request(t.server).get('/partner/needs').set(apiKey(key.secret)).expect(401);
      expect(res.body.code).toBe('API_KEY_INVALID');
    });

    it('answers 401 to no key, a malformed one, an unknown one, and to a user’s JWT', async () => {
      const key = await createPartnerKey(t, admin);
      const unknown = key.secret.slice(0, -4) + (key.secret.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      for (const headers of [{}, apiKey('not-a-key'), apiKey(unknown), bearer(admin), { Authorization: `Bearer ${key.secret}` }]) {
        await request(t.server).get('/partner/needs').set(headers).expect(401);
      }
    });

    it('records the last use of a key', async () => {
      const key = await createPartnerKey(t, admin);
      await request(t.server).get('/partner/needs').set(apiKey(key.secret)).expect(200);
      const listed = await request(t.server).get(`/partners/${key.partnerId}/api-keys`).set(bearer(admin)).expect(200);
      expect(listed.body[0].lastUsedAt).not.toBeNull();
    });

    it(`limits each key to PARTNER_KEY_RATE_LIMIT_PER_MINUTE requests, apart from other keys`, async () => {
      const busy = await createPartnerKey(t, admin);
      const other = await createPartnerKey(t, admin);
      for (let i = 0; i < RATE_LIMIT; i++) await request(t.server).get('/partner/needs').set(apiKey(busy.secret)).expect(200);
      const refused = await request(t.server).get('/partner/needs').set(apiKey(busy.secret)).expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      await request(t.server).get('/partner/needs').set(apiKey(other.secret)).expect(200);
    });
  });

  describe('drafts brought by a partner', () => {
    it('creates a draft for a new company, invisible to vendors and the curators’ queue, and invites the contact', async () => {
      const key = await createPartnerKey(t, admin);
      const body = partnerNeedBody();
      const created = await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201);
      expect(created.body).toEqual({ id: expect.any(String), status: 'draft', invitationExpiresAt: expect.any(String) });

      const [need] = await t.dataSource.query('SELECT status, source, partner_id, created_by FROM need WHERE id = $1', [created.body.id]);
      expect(need).toEqual({ status: 'draft', source: 'partner', partner_id: key.partnerId, created_by: null });
      const [org] = await t.dataSource.query(
        'SELECT verified_at, (SELECT count(*)::int FROM app_user u WHERE u.organisation_id = o.id) AS members FROM organisation o WHERE siren = $1',
        [body.company.siren],
      );
      expect(org).toEqual({ verified_at: null, members: 0 });
      const [audit] = await t.dataSource.query(
        "SELECT actor_id, actor_role FROM audit_event WHERE action = 'need.create' AND entity_id = $1",
        [created.body.id],
      );
      expect(audit).toEqual({ actor_id: key.keyId, actor_role: 'partner_key' });

      const vendor = await registerVendor(t);
      await request(t.server).get(`/needs/${created.body.id}`).set(bearer(vendor)).expect(403);
      const queue = await request(t.server).get('/needs?status=submitted&pageSize=100').set(bearer(curator)).expect(200);
      expect(queue.body.items.map((n: { id: string }) => n.id)).not.toContain(created.body.id);
      await request(t.server).post(`/needs/${created.body.id}/publish`).set(bearer(curator)).send({}).expect(409);

      const mail = smtp.to(body.contactEmail)[0];
      expect(mail.subject).toContain('a préparé un besoin pour');
      expect(mail.text).toContain(`« ${body.need.title as string} »`);
      const [logged] = await t.dataSource.query("SELECT body, user_id FROM mail_log WHERE kind = 'need_invitation' AND to_address = $1", [
        body.contactEmail,
      ]);
      expect(logged.user_id).toBeNull();
      expect(logged.body).not.toContain(tokenFrom(smtp, body.contactEmail));
    });

    it('lets the invited buyer register with the SIREN, claim once, review and submit: only then curators see it', async () => {
      const key = await createPartnerKey(t, admin);
      const body = partnerNeedBody();
      const created = await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201);
      const token = tokenFrom(smtp, body.contactEmail);

      const preview = await request(t.server).get(`/need-invitations/${token}`).expect(200);
      expect(preview.body).toMatchObject({ title: body.need.title, organisationName: body.company.name, siren: body.company.siren });

      const buyer = await registerBuyer(t, { email: body.contactEmail, organisation: { siren: body.company.siren } });
      expect(buyer.membershipStatus).toBe('pending');
      expect(buyer.organisationId).not.toBeNull();
      await request(t.server).post(`/need-invitations/${token}/claim`).send({}).expect(401);
      const claimed = await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(buyer)).send({}).expect(200);
      expect(claimed.body).toEqual({ needId: created.body.id, needIds: [created.body.id], status: 'draft', membershipActivated: true });
      const again = await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(buyer)).send({}).expect(409);
      expect(again.body.code).toBe('INVITATION_USED');
      await request(t.server).get(`/need-invitations/${token}`).expect(409);

      const review = await request(t.server).get(`/needs/${created.body.id}`).set(bearer(buyer)).expect(200);
      expect(review.body.status).toBe('draft');
      await request(t.server).post(`/needs/${created.body.id}/submit`).set(bearer(buyer)).send({}).expect(200);
      const queue = await request(t.server).get('/needs?status=submitted&pageSize=100').set(bearer(curator)).expect(200);
      expect(queue.body.items.map((n: { id: string }) => n.id)).toContain(created.body.id);

      const mine = await request(t.server).get('/partner/needs').set(apiKey(key.secret)).expect(200);
      expect(mine.body.total).toBe(1);
      expect(mine.body.items[0]).toEqual({
        id: created.body.id,
        title: body.need.title,
        status: 'submitted',
        siren: body.company.siren,
        createdAt: expect.any(String),
        claimedAt: expect.any(String),
        submittedAt: expect.any(String),
        publishedAt: null,
        closedAt: null,
        introductions: 0,
      });
    });

    it('lists only the needs the partner brought', async () => {
      const mine = await createPartnerKey(t, admin);
      const theirs = await createPartnerKey(t, admin);
      await request(t.server).post('/partner/needs').set(apiKey(theirs.secret)).send(partnerNeedBody()).expect(201);
      const own = await request(t.server).post('/partner/needs').set(apiKey(mine.secret)).send(partnerNeedBody()).expect(201);
      const direct = await registerBuyer(t);
      await request(t.server).post('/needs').set(bearer(direct)).send({ title: 'Direct' }).expect(201);
      const res = await request(t.server).get('/partner/needs').set(apiKey(mine.secret)).expect(200);
      expect(res.body.items.map((n: { id: string }) => n.id)).toEqual([own.body.id]);
    });

    it('attaches the draft to a known company without changing it', async () => {
      const key = await createPartnerKey(t, admin);
      const existing = await registerBuyer(t);
      const body = partnerNeedBody({ company: { siren: existing.organisation.siren, name: 'Autre nom', buyerType: undefined } });
      const created = await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201);
      const [row] = await t.dataSource.query(
        'SELECT n.organisation_id, o.name FROM need n JOIN organisation o ON o.id = n.organisation_id WHERE n.id = $1',
        [created.body.id],
      );
      expect(row.organisation_id).toBe(existing.organisationId);
      expect(row.name).not.toBe('Autre nom');
    });

    it('refuses the claim of a buyer of another company, leaving the link usable', async () => {
      const key = await createPartnerKey(t, admin);
      const body = partnerNeedBody();
      await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201);
      const token = tokenFrom(smtp, body.contactEmail);
      const stranger = await registerBuyer(t);
      const res = await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(stranger)).send({}).expect(403);
      expect(res.body.code).toBe('INVITATION_OTHER_ORGANISATION');
      await request(t.server).get(`/need-invitations/${token}`).expect(200);
    });

    it('keeps a pending member not named by the invitation pending', async () => {
      const key = await createPartnerKey(t, admin);
      const body = partnerNeedBody();
      await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201);
      const token = tokenFrom(smtp, body.contactEmail);
      const other = await registerBuyer(t, { organisation: { siren: body.company.siren } });
      await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(other)).send({}).expect(403);
      const [user] = await t.dataSource.query('SELECT membership_status FROM app_user WHERE id = $1', [other.userId]);
      expect(user.membership_status).toBe('pending');
    });

    it('answers 410 to an expired invitation and 404 to an unknown one', async () => {
      const key = await createPartnerKey(t, admin);
      const body = partnerNeedBody();
      const created = await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201);
      const token = tokenFrom(smtp, body.contactEmail);
      await t.dataSource.query("UPDATE need_invitation SET expires_at = now() - interval '1 second' WHERE need_id = $1", [created.body.id]);
      const buyer = await registerBuyer(t, { email: body.contactEmail, organisation: { siren: body.company.siren } });
      expect((await request(t.server).post(`/need-invitations/${token}/claim`).set(bearer(buyer)).send({}).expect(410)).body.code).toBe(
        'INVITATION_EXPIRED',
      );
      await request(t.server)
        .get(`/need-invitations/${'A'.repeat(43)}`)
        .expect(404);
    });

    it('refuses an invalid SIREN or a missing title naming the field, and writes nothing', async () => {
      const key = await createPartnerKey(t, admin);
      const before = await count('SELECT count(*)::int AS n FROM need');
      const badSiren = await request(t.server)
        .post('/partner/needs')
        .set(apiKey(key.secret))
        .send(partnerNeedBody({ company: { siren: '123456789' } }))
        .expect(400);
      expect(badSiren.body.details.map((d: { field: string }) => d.field)).toContain('company.siren');
      const noTitle = partnerNeedBody();
      delete (noTitle.need as Record<string, unknown>).title;
      const res = await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(noTitle).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('need.title');
      const noType = await request(t.server)
        .post('/partner/needs')
        .set(apiKey(key.secret))
        .send(partnerNeedBody({ company: { buyerType: undefined } }))
        .expect(400);
      expect(noType.body.details).toEqual([expect.objectContaining({ field: 'company.buyerType' })]);
      // A missing or non-object company or need was a 500 (an outside review).
      for (const [field, value] of [
        ['company', undefined],
        ['company', []],
        ['need', undefined],
        ['need', []],
        ['need', 'Prévoir les ventes'],
      ] as const) {
        const shapeless = await request(t.server)
          .post('/partner/needs')
          .set(apiKey(key.secret))
          .send({ ...partnerNeedBody(), [field]: value })
          .expect(400);
        expect(shapeless.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect(await count('SELECT count(*)::int AS n FROM need')).toBe(before);
      expect(await count('SELECT count(*)::int AS n FROM need_invitation')).toBeGreaterThan(0);
    });
  });

  it('lets the invited buyer take the draft from the console page the e-mail links to', async () => {
    const key = await createPartnerKey(t, admin);
    const body = partnerNeedBody();
    const created = await request(t.server).post('/partner/needs').set(apiKey(key.secret)).send(body).expect(201);
    const token = tokenFrom(smtp, body.contactEmail);
    const anonymous = new WebClient(t);
    const page = await anonymous.get(`/app/invitations/${token}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(`SIREN ${body.company.siren}`);
    expect(page.text).toContain(`/app/connexion?retour=/app/invitations/${token}`);

    const buyer = await registerBuyer(t, { email: body.contactEmail, organisation: { siren: body.company.siren } });
    const web = await webSignIn(t, buyer);
    const signedIn = await web.get(`/app/invitations/${token}`);
    expect(signedIn.text).toContain('Récupérer ce besoin dans mon espace');
    const claimed = await web.post(`/app/invitations/${token}`);
    expect(claimed.status).toBe(303);
    expect(claimed.location).toBe(`/app/acheteur/besoins/${created.body.id}`);
    expect((await web.get(claimed.location!)).status).toBe(200);
    const used = await web.get(`/app/invitations/${token}`);
    expect(used.status).toBe(409);
    expect(visibleText(used.text)).toContain('Ce lien a déjà servi');
  });

  it('documents the key scheme in OpenAPI and puts it on the partner routes only', async () => {
    const doc = (await request(t.server).get('/docs/openapi.json').expect(200)).body;
    expect(doc.components.securitySchemes['partner-key']).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-Api-Key' });
    expect(doc.paths['/partner/needs'].post.security).toEqual([{ 'partner-key': [] }]);
    expect(doc.paths['/partner/needs'].get.security).toEqual([{ 'partner-key': [] }]);
  });
});

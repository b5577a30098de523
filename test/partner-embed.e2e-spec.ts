import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createAdmin, randomSiren, uniqueEmail, type TestSession } from './support/auth.js';
import { createPartner } from './support/partners.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('embedded need form /embed/besoin/:partner (issue 20)', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: TestSession;
  let partner: { id: string; name: string };

  const form = (over: Record<string, string> = {}) => ({
    name: 'Boulangerie du Port',
    siren: randomSiren(),
    nafCode: '10.71C',
    communeCode: '06088',
    buyerType: 'tpe',
    contactEmail: uniqueEmail('dirigeante'),
    title: 'Prévoir les ventes de la boulangerie',
    description: 'Limiter les invendus.',
    useCase: 'SALES_FORECAST',
    ...over,
  });
  const post = (body: Record<string, string>, ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`) =>
    request(t.server).post(`/embed/besoin/${partner.id}`).set('x-forwarded-for', ip).type('form').send(body);

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Each test posts from addresses of its own (X-Forwarded-For), so the per-IP limit is per test.
    t = await createTestApp({ env: { SMTP_URL: smtp.url, TRUST_PROXY: 'true' } });
    admin = await createAdmin(t);
    partner = await createPartner(t, admin, {
      allowedOrigins: ['https://www.cote-azur.cci.fr', 'https://france-num.example.fr/activateurs'],
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('may be framed by the partner’s declared origins only', async () => {
    const res = await request(t.server).get(`/embed/besoin/${partner.id}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain('frame-ancestors https://www.cote-azur.cci.fr https://france-num.example.fr;');
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.text).toContain(partner.name);
    const closed = await createPartner(t, admin);
    const none = await request(t.server).get(`/embed/besoin/${closed.id}`).expect(200);
    expect(none.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    await request(t.server).get(`/embed/besoin/${randomUUID()}`).expect(404);
  });

  it('leaves a partner’s draft and invites the contact, as the intake API does', async () => {
    const body = form();
    const res = await post(body).expect(200);
    expect(res.text).toContain('Merci, votre besoin est enregistré');
    const [need] = await t.dataSource.query(
      'SELECT n.status, n.source, n.partner_id, n.use_cases FROM need n JOIN organisation o ON o.id = n.organisation_id WHERE o.siren = $1',
      [body.siren],
    );
    expect(need).toEqual({ status: 'draft', source: 'partner', partner_id: partner.id, use_cases: ['SALES_FORECAST'] });
    expect(smtp.to(body.contactEmail)).toHaveLength(1);
  });

  it('shows the form again with French messages on bad input, writing nothing', async () => {
    const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM need'))[0].n;
    const res = await post(form({ siren: '123456789', useCase: '' })).expect(400);
    expect(res.text).toContain('Le SIREN compte 9 chiffres');
    expect(res.text).toContain('Choisissez un cas d’usage');
    expect(res.text).toContain('value="Boulangerie du Port"');
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM need'))[0].n).toBe(before);
  });

  it('takes at most 10 needs an hour from one address', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 10; i++) await post(form(), ip).expect(200);
    await post(form(), ip).expect(429);
    await post(form()).expect(200);
  });
});

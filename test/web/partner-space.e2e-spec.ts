import request from 'supertest';
import { createAdmin, TEST_PASSWORD, uniqueEmail, type TestSession } from '../support/auth.js';
import { apiKey, createPartner, createPartnerAdmin, createPartnerKey, partnerNeedBody } from '../support/partners.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient, webSignIn } from '../support/web.js';

describe("the partner-admin's console page (issue 20): keys, webhook, needs brought, figures — their partner only", () => {
  let t: TestApp;
  let admin: TestSession;
  let web: WebClient;
  let partner: { id: string; name: string };
  let otherKey: Awaited<ReturnType<typeof createPartnerKey>>;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
    partner = await createPartner(t, admin);
    otherKey = await createPartnerKey(t, admin);
    const partnerAdmin = await createPartnerAdmin(t, admin, partner.id);
    web = await webSignIn(t, { email: partnerAdmin.email, password: TEST_PASSWORD });
  });
  afterAll(() => t?.close());

  it('lands on the partner space after signing in, with the link in the menu', async () => {
    const fresh = await createPartnerAdmin(t, admin, partner.id);
    const client = new WebClient(t);
    await client.get('/app/connexion');
    const res = await client.post('/app/connexion', { email: fresh.email, password: TEST_PASSWORD });
    expect(res.location).toMatch(/^\/app\/partenaire\b/);
    const page = await client.get('/app/partenaire');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/app/partenaire"');
    expect(visibleText(page.text)).toContain(partner.name);
  });

  it('creates a key shown once, which then works on the API, and revokes it', async () => {
    const created = await web.post('/app/partenaire/cles', { label: 'Outil de diagnostic', scopes: ['needs:write', 'needs:read'] });
    expect(created.status).toBe(201);
    const secret = /id="secret" type="text" readonly value="([^"]+)"/.exec(created.text)![1];
    expect(visibleText(created.text)).toContain('elle ne sera plus jamais affichée');
    await request(t.server).post('/partner/needs').set(apiKey(secret)).send(partnerNeedBody()).expect(201);

    const again = await web.get('/app/partenaire');
    expect(again.text).not.toContain(secret);
    const keyId = /action="\/app\/partenaire\/cles\/([0-9a-f-]{36})\/revoquer"/.exec(again.text)![1];
    const revoked = await web.post(`/app/partenaire/cles/${keyId}/revoquer`);
    expect(revoked.status).toBe(303);
    await request(t.server).get('/partner/needs').set(apiKey(secret)).expect(401);
  });

  it('shows the form again with French errors when the key has no name or no right', async () => {
    const res = await web.post('/app/partenaire/cles', { label: '' });
    expect(res.status).toBe(400);
    expect(visibleText(res.text)).toContain('Certains champs sont à corriger');
  });

  it('lists the needs brought and sends an invitation again; another partner’s key is not for its hands', async () => {
    const page = await web.get('/app/partenaire');
    expect(visibleText(page.text)).toContain('Besoins apportés');
    const needId = /action="\/app\/partenaire\/besoins\/([0-9a-f-]{36})\/invitation"/.exec(page.text)![1];
    await t.dataSource.query("UPDATE need_invitation SET created_at = created_at - interval '10 minutes' WHERE need_id = $1", [needId]);
    const resent = await web.post(`/app/partenaire/besoins/${needId}/invitation`);
    expect(resent.status).toBe(303);
    expect(resent.location).toContain('message=invitation-resent');

    const foreign = await web.post(`/app/partenaire/cles/${otherKey.keyId}/revoquer`);
    expect(foreign.status).toBe(404);
    await request(t.server).get('/partner/needs').set(apiKey(otherKey.secret)).expect(200);
  });

  it("invites a colleague and removes them (CSRF as every form); another partner's admin cannot be removed from here", async () => {
    const email = uniqueEmail('collegue');
    const empty = await web.post('/app/partenaire/collegues', { email: 'pas-une-adresse', displayName: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Certains champs sont à corriger');
    const invited = await web.post('/app/partenaire/collegues', { email, displayName: 'Paul Martin' });
    expect(invited.status).toBe(303);
    expect(invited.location).toContain('message=colleague-invited');
    const page = await web.get('/app/partenaire');
    expect(visibleText(page.text)).toContain(`Paul Martin (${email})`);
    const [{ id: userId }] = (await t.dataSource.query('SELECT id FROM app_user WHERE email = $1', [email])) as { id: string }[];
    expect(page.text).toContain(`action="/app/partenaire/collegues/${userId}/retirer"`);

    const stranger = await createPartnerAdmin(t, admin, (await createPartner(t, admin)).id);
    expect((await web.post(`/app/partenaire/collegues/${stranger.userId}/retirer`)).status).toBe(404);
    await request(t.server).get('/partners/mine').set('Authorization', `Bearer ${stranger.accessToken}`).expect(200);

    const removed = await web.post(`/app/partenaire/collegues/${userId}/retirer`);
    expect(removed.status).toBe(303);
    expect(removed.location).toContain('message=colleague-removed');
    expect(visibleText((await web.get('/app/partenaire')).text)).not.toContain('Paul Martin');
  });
});

import { randomUUID } from 'node:crypto';
import { createAdmin, TEST_PASSWORD } from '../support/auth.js';
import { createPartner, createPartnerAdmin } from '../support/partners.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, webSignIn, type WebClient } from '../support/web.js';

/**
 * A partner-admin sets, replaces and removes the webhook and changes its secret from the console
 * (decision 029), screened as the API screens it, with French messages; the delivery log shows.
 */
describe('the partner-admin’s webhook from the console (issue 20)', () => {
  let t: TestApp;
  let web: WebClient;
  let partnerId: string;
  const webhookRow = async () =>
    (
      (await t.dataSource.query('SELECT id, url, secret FROM partner_webhook WHERE partner_id = $1', [partnerId])) as {
        id: string;
        url: string;
        secret: string;
      }[]
    )[0];
  const secretShown = (html: string) => /id="webhook-secret" type="text" readonly value="([^"]+)"/.exec(html)?.[1];
  const audited = async (action: string) =>
    (
      (await t.dataSource.query(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND after->>'partnerId' = $2 OR (action = $1 AND before->>'partnerId' = $2)",
        [action, partnerId],
      )) as { n: number }[]
    )[0].n;

  beforeAll(async () => {
    // Loopback allowed so the test needs no public address; the screening's other rules still apply.
    t = await createTestApp({ env: { PARTNER_WEBHOOK_ALLOW_PRIVATE: 'true' } });
    const admin = await createAdmin(t);
    partnerId = (await createPartner(t, admin)).id;
    const partnerAdmin = await createPartnerAdmin(t, admin, partnerId);
    web = await webSignIn(t, { email: partnerAdmin.email, password: TEST_PASSWORD });
  });
  afterAll(() => t?.close());

  it('refuses an address the screening refuses, in French, and writes nothing', async () => {
    await web.get('/app/partenaire');
    const credentials = await web.post('/app/partenaire/webhook', { url: 'https://moi:secret@127.0.0.1/hook' });
    expect(credentials.status).toBe(400);
    expect(visibleText(credentials.text)).toContain("L'adresse ne doit contenir ni nom d'utilisateur ni mot de passe.");
    const unknown = await web.post('/app/partenaire/webhook', { url: 'https://crm.nulle-part.invalid/hook' });
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.text)).toContain('Le nom crm.nulle-part.invalid est introuvable (DNS)');
    const empty = await web.post('/app/partenaire/webhook', { url: '' });
    expect(empty.status).toBe(400);
    expect(await webhookRow()).toBeUndefined();
  });

  it('sets the webhook (its secret shown once), replaces the address keeping the secret, rotates the secret, shows the log, removes it', async () => {
    const set = await web.post('/app/partenaire/webhook', { url: 'http://127.0.0.1:9/hook' });
    expect(set.status).toBe(201);
    const first = secretShown(set.text);
    expect(first).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect((await webhookRow()).secret).toBe(first);
    expect((await web.get('/app/partenaire')).text).not.toContain(first!);

    const replaced = await web.post('/app/partenaire/webhook', { url: 'http://127.0.0.1:9/autre' });
    expect(replaced.status).toBe(303);
    expect(replaced.location).toContain('message=webhook-saved');
    expect(await webhookRow()).toMatchObject({ url: 'http://127.0.0.1:9/autre', secret: first });

    const rotated = await web.post('/app/partenaire/webhook/secret');
    expect(rotated.status).toBe(200);
    const second = secretShown(rotated.text);
    expect(second).toMatch(/^whsec_/);
    expect(second).not.toBe(first);
    expect((await webhookRow()).secret).toBe(second);

    await t.dataSource.query(
      `INSERT INTO partner_webhook_delivery (webhook_id, event_id, event_type, attempt, status, http_status, error, created_at)
       VALUES ($1, $2, 'need.status_changed', 1, 'failed', 500, 'HTTP 500', now() - interval '1 minute'),
              ($1, $3, 'introduction.status_changed', 2, 'failed', NULL, 'connect ECONNREFUSED 127.0.0.1:9', now())`,
      [(await webhookRow()).id, randomUUID(), randomUUID()],
    );
    // Each failure says what happened in words; the socket's own message stays for the API.
    const page = visibleText((await web.get('/app/partenaire')).text);
    expect(page).toMatch(/Derniers envois[\s\S]*Mise en relation\s+2\s+Connexion refusée par votre serveur/);
    expect(page).toMatch(/Besoin\s+1\s+Refusé par votre serveur \(réponse 500\)/);
    expect(page).not.toMatch(/ECONNREFUSED|connect /);

    const removed = await web.post('/app/partenaire/webhook/supprimer');
    expect(removed.status).toBe(303);
    expect(removed.location).toContain('message=webhook-removed');
    expect(await webhookRow()).toBeUndefined();
    expect(visibleText((await web.get('/app/partenaire')).text)).toContain('Aucune adresse déclarée');
    expect(await audited('partner_webhook.set')).toBe(2);
    expect(await audited('partner_webhook.rotate_secret')).toBe(1);
    expect(await audited('partner_webhook.remove')).toBe(1);

    // Nothing to change any more: the page says it cannot be found.
    expect((await web.post('/app/partenaire/webhook/secret')).status).toBe(404);
  });
});

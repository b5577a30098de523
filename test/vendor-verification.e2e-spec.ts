import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import {
  bearer,
  createCurator,
  registerBuyer,
  registerVendor,
  TEST_PASSWORD,
  type RegisteredSession,
  type TestSession,
} from './support/auth.js';
import { startSmtpServer, type TestSmtp } from './support/smtp.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { visibleText, type WebClient, webSignIn } from './support/web.js';

/** A vendor's verification with three outcomes (issue 23): confirm, refuse with a reason, ask and answer. */
describe('vendor verification', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let curator: TestSession;
  let curatorWeb: WebClient;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ env: { SMTP_URL: smtp.url } });
    curator = await createCurator(t);
    curatorWeb = await webSignIn(t, { email: curator.email, password: TEST_PASSWORD });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const drain = () => t.app.get(OutboxWorker).drain();
  const verification = async (who: TestSession, id: string) =>
    (await request(t.server).get(`/vendors/${id}/verification`).set(bearer(who)).expect(200)).body;
  const auditOf = async (id: string): Promise<string[]> =>
    (
      (await t.dataSource.query('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY created_at', [id])) as { action: string }[]
    ).map((r) => r.action);
  const inQueue = async (id: string): Promise<boolean> => {
    const res = await request(t.server).get('/vendors').query({ verified: false, pageSize: 100 }).set(bearer(curator)).expect(200);
    return (res.body.items as { id: string }[]).some((v) => v.id === id);
  };

  it('asks the vendor a question, which it answers from its dashboard; it then returns to the queue', async () => {
    const vendor: RegisteredSession = await registerVendor(t, { organisation: { name: 'Question Pour IA' } });
    expect(await inQueue(vendor.organisationId!)).toBe(true);

    const empty = await curatorWeb.post(`/app/curation/fournisseurs/${vendor.organisationId}/demander-informations`, { question: '  ' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Question au fournisseur : Ce champ est obligatoire.');

    const asked = await curatorWeb.post(`/app/curation/fournisseurs/${vendor.organisationId}/demander-informations`, {
      question: 'Pouvez-vous citer un client pour lequel vous avez livré un modèle ?',
    });
    expect(asked.status).toBe(303);
    expect(asked.location).toBe('/app/curation/fournisseurs?message=vendor-asked');
    expect(await inQueue(vendor.organisationId!)).toBe(false);
    const listed = await curatorWeb.get('/app/curation/fournisseurs');
    expect(listed.text.slice(listed.text.indexOf('id="attente-reponse"'))).toContain('Question Pour IA');

    await drain();
    const [mail] = smtp.to(vendor.email);
    expect(mail.subject).toBe('Une question pour vérifier votre organisation : Question Pour IA');
    expect(mail.text).toContain('« Pouvez-vous citer un client pour lequel vous avez livré un modèle ? »');

    const vendorWeb = await webSignIn(t, vendor);
    const dashboard = await vendorWeb.get('/app/fournisseur');
    expect(visibleText(dashboard.text)).toContain("a besoin d'une précision pour vérifier votre organisation");
    expect(dashboard.text).toContain('action="/app/fournisseur/verification/reponse"');
    const blank = await vendorWeb.post('/app/fournisseur/verification/reponse', { answer: '' });
    expect(blank.status).toBe(400);
    expect(visibleText(blank.text)).toContain('Votre réponse : Ce champ est obligatoire.');
    const answered = await vendorWeb.post('/app/fournisseur/verification/reponse', { answer: 'La mairie de Nice, depuis 2024.' });
    expect(answered.status).toBe(303);
    expect(answered.location).toBe('/app/fournisseur?message=verification-answered');

    expect(await inQueue(vendor.organisationId!)).toBe(true);
    expect(await verification(curator, vendor.organisationId!)).toMatchObject({
      state: 'pending',
      message: 'Pouvez-vous citer un client pour lequel vous avez livré un modèle ?',
      answer: 'La mairie de Nice, depuis 2024.',
      allowedActions: ['verify', 'refuse', 'request_information'],
    });
    const file = visibleText((await curatorWeb.get(`/app/curation/fournisseurs/${vendor.organisationId}`)).text);
    expect(file).toContain('Réponse du fournisseur');
    expect(file).toContain('La mairie de Nice, depuis 2024.');

    await drain();
    const toCurator = smtp.to(curator.email).find((m) => m.subject?.startsWith("Réponse d'un fournisseur"));
    expect(toCurator?.text).toContain('La mairie de Nice, depuis 2024.');
    expect(await auditOf(vendor.organisationId!)).toEqual(['vendor.request_information', 'vendor.answer']);

    // Answered already: a second answer is refused in French, the state unchanged.
    const twice = await vendorWeb.post('/app/fournisseur/verification/reponse', { answer: 'Encore.' });
    expect(twice.status).toBe(409);
    expect(visibleText(twice.text)).toContain("Cette étape de vérification n'est plus possible");
  });

  it('refuses with a reason, e-mailed and shown to the vendor; a refused vendor cannot be refused twice', async () => {
    const vendor = await registerVendor(t, { organisation: { name: 'Refus Motivé' } });
    const missing = await curatorWeb.post(`/app/curation/fournisseurs/${vendor.organisationId}/refuser`, {});
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Motif du refus : Ce champ est obligatoire.');

    const res = await request(t.server)
      .post(`/vendors/${vendor.organisationId}/refuse`)
      .set(bearer(curator))
      .send({ message: "Aucune activité d'intelligence artificielle n'apparaît." })
      .expect(200);
    expect(res.body).toMatchObject({ state: 'refused', allowedActions: ['verify', 'request_information'] });
    expect(await inQueue(vendor.organisationId!)).toBe(false);

    await drain();
    expect(smtp.to(vendor.email).map((m) => m.subject)).toContain('Vérification de votre organisation : Refus Motivé');
    const dashboard = visibleText((await (await webSignIn(t, vendor)).get('/app/fournisseur')).text);
    expect(dashboard).toContain("n'a pas pu vérifier votre organisation");
    expect(dashboard).toContain("Aucune activité d'intelligence artificielle n'apparaît.");

    const again = await request(t.server)
      .post(`/vendors/${vendor.organisationId}/refuse`)
      .set(bearer(curator))
      .send({ message: 'Encore' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'VENDOR_VERIFICATION_INVALID_TRANSITION', details: { state: 'refused' } });
    expect(await auditOf(vendor.organisationId!)).toEqual(['vendor.refuse']);
  });

  it('confirms after the confirmation step, e-mails the vendor, and closes every other outcome', async () => {
    const vendor = await registerVendor(t, { organisation: { name: 'Confirmée IA' } });
    expect((await curatorWeb.post(`/app/curation/fournisseurs/${vendor.organisationId}/verifier`, { confirm: 'true' })).status).toBe(303);
    await drain();
    expect(smtp.to(vendor.email).map((m) => m.subject)).toContain('Votre organisation est vérifiée : Confirmée IA');
    expect(await verification(vendor, vendor.organisationId!)).toMatchObject({ state: 'verified', allowedActions: [] });
    await request(t.server)
      .post(`/vendors/${vendor.organisationId}/request-information`)
      .set(bearer(curator))
      .send({ message: 'Trop tard' })
      .expect(409);
    expect(await auditOf(vendor.organisationId!)).toEqual(['vendor.verify']);
  });

  it("lets only the vendor's own members answer and see the verification", async () => {
    const vendor = await registerVendor(t);
    const other = await registerVendor(t);
    const buyer = await registerBuyer(t);
    await request(t.server)
      .post(`/vendors/${vendor.organisationId}/request-information`)
      .set(bearer(curator))
      .send({ message: 'Précisez.' })
      .expect(200);
    await request(t.server)
      .post(`/vendors/${vendor.organisationId}/verification-answer`)
      .set(bearer(other))
      .send({ message: 'Pas moi' })
      .expect(403);
    await request(t.server).get(`/vendors/${vendor.organisationId}/verification`).set(bearer(other)).expect(404);
    await request(t.server).get(`/vendors/${vendor.organisationId}/verification`).set(bearer(buyer)).expect(403);
    await request(t.server)
      .post(`/vendors/${vendor.organisationId}/verification-answer`)
      .set(bearer(vendor))
      .send({ message: 'x'.repeat(2001) })
      .expect(400);
    expect((await verification(vendor, vendor.organisationId!)).allowedActions).toEqual(['answer']);
  });
});

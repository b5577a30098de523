import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { createCurator, type TestSession } from '../support/auth.js';
import { forecastScenario, type ForecastScenario } from '../support/forecast-scenario.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, webSignIn } from '../support/web.js';

/*
 * Issue 18 in the console: the vendor opens a lead (the funnel's "opened"), answers in one click,
 * the curator sees the answer on the need's file and the review queue, and proposes in one click.
 */
describe('console: vendor leads', () => {
  let t: TestApp;
  let curator: TestSession;
  let s: ForecastScenario;
  let leadId: string;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    s = await forecastScenario(t, curator);
    await t.app.get(OutboxWorker).drain();
    [{ id: leadId }] = await t.dataSource.query('SELECT id FROM lead WHERE need_id = $1 AND vendor_id = $2', [
      s.needId,
      s.vendor.organisationId,
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the lead, opens it without naming the buyer, and records the opening', async () => {
    const web = await webSignIn(t, s.vendor);
    const list = await web.get('/app/fournisseur/pistes');
    expect(list.status).toBe(200);
    expect(visibleText(list.text)).toContain('Prévoir les ventes de la boulangerie');
    expect(visibleText(list.text)).toContain('À répondre');
    const page = await web.get(`/app/fournisseur/pistes/${leadId}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Pourquoi ce besoin vous correspond');
    expect(page.text).not.toContain('Boulangerie Test');
    const [{ opened_at }] = await t.dataSource.query('SELECT opened_at FROM lead WHERE id = $1', [leadId]);
    expect(opened_at).not.toBeNull();
  });

  it('asks for a reason in French before « pas intéressé », then records « intéressé » with a note', async () => {
    const web = await webSignIn(t, s.vendor);
    await web.get(`/app/fournisseur/pistes/${leadId}`);
    const refused = await web.post(`/app/fournisseur/pistes/${leadId}/reponse`, { answer: 'not_interested' });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Choisissez une raison');
    const done = await web.post(`/app/fournisseur/pistes/${leadId}/reponse`, {
      answer: 'interested',
      message: 'Trois boulangeries équipées.',
    });
    expect(done.status).toBe(303);
    const after = await web.get(done.location as string);
    expect(visibleText(after.text)).toContain('Intéressé depuis le');
  });

  it('shows the interest to the curator, who proposes the introduction in one click', async () => {
    const web = await webSignIn(t, curator);
    const queue = await web.get('/app/curation?statut=published');
    expect(visibleText(queue.text)).toContain('1 fournisseur intéressé');
    const file = await web.get(`/app/curation/besoins/${s.needId}`);
    const text = visibleText(file.text);
    expect(text).toContain('Fournisseurs prévenus (1 intéressé)');
    expect(text).toContain('Trois boulangeries équipées.');
    const proposed = await web.post(`/app/curation/besoins/${s.needId}/mises-en-relation`, { offeringId: s.specialistId });
    expect(proposed.status).toBe(303);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM introduction WHERE need_id = $1 AND offering_id = $2', [
      s.needId,
      s.specialistId,
    ]);
    expect(n).toBe(1);
    const indicators = visibleText((await web.get('/app/curation/indicateurs')).text);
    expect(indicators).toContain('Alertes aux fournisseurs (pistes)');
    expect(indicators).toContain('« intéressé »');
    const csv = await web.get('/app/curation/indicateurs/pistes.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(s.needId);
  });

  it('lets a vendor choose how often alerts come, and refuses another vendor’s lead', async () => {
    const web = await webSignIn(t, s.vendor);
    await web.get('/app/fournisseur/alertes');
    expect((await web.post('/app/fournisseur/alertes', { leadAlerts: 'weekly' })).status).toBe(303);
    const [{ frequency }] = await t.dataSource.query('SELECT frequency FROM lead_alert_setting WHERE user_id = $1', [s.vendor.userId]);
    expect(frequency).toBe('weekly');
    expect((await web.post('/app/fournisseur/alertes', { leadAlerts: 'hourly' })).status).toBe(400);
    const other = await webSignIn(t, s.offTopicVendor);
    expect((await other.get(`/app/fournisseur/pistes/${leadId}`)).status).toBe(404);
  });
});

import { jest } from '@jest/globals';
import request from 'supertest';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { bearer, createCurator, TEST_PASSWORD, type TestSession } from '../support/auth.js';
import { seriousA11yViolations, screenshot, signIn, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { forecastScenario, type ForecastScenario } from '../support/forecast-scenario.js';
import { startSmtpServer, type TestSmtp } from '../support/smtp.js';

jest.setTimeout(180_000);

/*
 * Issue 18 in a browser: the vendor follows the link of its alert e-mail (received over SMTP),
 * signs in, answers « intéressé »; the curator sees it on the need's file and proposes in one click.
 */
describe('browser: from a lead alert e-mail to a proposed introduction', () => {
  let b: BrowserTest;
  let smtp: TestSmtp;
  let curator: TestSession;
  let s: ForecastScenario;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    b = await startBrowserTest({ env: { SMTP_URL: smtp.url } });
    curator = await createCurator(b.t);
    s = await forecastScenarioWithInstantAlerts();
  });
  afterAll(async () => {
    await b?.close();
    await smtp?.close();
  });

  /** The bakery scenario, its specialist vendor choosing instant alerts before the need is published. */
  async function forecastScenarioWithInstantAlerts(): Promise<ForecastScenario> {
    const scenario = await forecastScenario(b.t, curator);
    // forecastScenario publishes the need in the same call: the alert waits in the outbox, so the
    // choice made now applies when it is delivered.
    await request(b.t.server).patch('/me/notifications').set(bearer(scenario.vendor)).send({ leadAlerts: 'instant' }).expect(200);
    await b.t.app.get(OutboxWorker).drain();
    return scenario;
  }

  it('opens the lead from the e-mail, answers « intéressé », and the curator proposes', async () => {
    // The lead alert, not the account mails of the vendor's sign-up and verification.
    const [mail] = smtp.to(s.vendor.email, /pour votre offre/);
    expect(mail.subject).toBe('Nouveau besoin pour votre offre : Prévoir les ventes de la boulangerie');
    const link = /https?:\/\/\S+\/app\/fournisseur\/pistes\/[0-9a-f-]{36}/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    const path = new URL(link as string).pathname;

    const vendorPage = await b.newPage();
    await vendorPage.goto(`${b.baseUrl}${path}`);
    // Not signed in: the login page, then back to the lead.
    await vendorPage.getByLabel('Adresse e-mail').fill(s.vendor.email);
    await vendorPage.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await vendorPage.getByRole('button', { name: 'Se connecter' }).click();
    await vendorPage.waitForURL((url) => url.pathname === path);
    expect(await vendorPage.getByRole('heading', { level: 1 }).textContent()).toBe('Prévoir les ventes de la boulangerie');
    expect(await seriousA11yViolations(vendorPage)).toEqual([]);
    await vendorPage.getByLabel("Un mot pour l'équipe de la Maison de l'IA (facultatif)").fill('Nous équipons déjà trois boulangeries.');
    await vendorPage.getByRole('button', { name: 'Je suis intéressé' }).click();
    await vendorPage.waitForURL('**message=lead-interested');
    expect(await vendorPage.getByText('Intéressé depuis le').count()).toBe(1);
    await screenshot(vendorPage, 'lead-vendor-interested');

    const curatorPage = await b.newPage();
    await signIn(curatorPage, b.baseUrl, curator.email, TEST_PASSWORD);
    await curatorPage.goto(`${b.baseUrl}/app/curation?statut=published`);
    expect(await curatorPage.getByText('1 fournisseur intéressé').count()).toBe(1);
    await curatorPage.goto(`${b.baseUrl}/app/curation/besoins/${s.needId}`);
    expect(await curatorPage.getByText('Nous équipons déjà trois boulangeries.').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(curatorPage)).toEqual([]);
    await curatorPage.getByRole('button', { name: 'Proposer la mise en relation à Prévi Ventes' }).click();
    await curatorPage.waitForURL('**message=introduction-proposed**');
    const [{ n }] = await b.t.dataSource.query('SELECT count(*)::int AS n FROM introduction WHERE need_id = $1 AND offering_id = $2', [
      s.needId,
      s.specialistId,
    ]);
    expect(n).toBe(1);
    await screenshot(curatorPage, 'lead-curator-proposed');
  });
});

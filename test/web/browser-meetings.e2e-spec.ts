import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { bearer, createCurator, TEST_PASSWORD, type TestSession } from '../support/auth.js';
import { seriousA11yViolations, screenshot, signIn, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { forecastScenario, type ForecastScenario } from '../support/forecast-scenario.js';

jest.setTimeout(180_000);

/*
 * Issue 19's acceptance in a browser: a vendor and a buyer register and wish, the curator closes
 * registration and schedules from the grid, and both see their agenda and download its calendar file.
 */
describe('browser: a business meeting from registration to the agendas', () => {
  let b: BrowserTest;
  let curator: TestSession;
  let s: ForecastScenario;
  let eventId: string;
  const pages: Record<'buyer' | 'vendor' | 'curator', Page> = {} as never;

  beforeAll(async () => {
    b = await startBrowserTest();
    curator = await createCurator(b.t);
    s = await forecastScenario(b.t, curator);
    const created = await request(b.t.server)
      .post('/events')
      .set(bearer(curator))
      .send({
        title: "Osez l'IA — Grasse",
        date: '2027-09-16',
        communeCode: '06069',
        venue: 'Campus de la Maison de l’IA',
        opensAt: '10:00',
        closesAt: '11:00',
        meetingMinutes: 20,
        tables: 2,
        capacity: 10,
        wishesPerAttendee: 2,
        registrationDeadline: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    eventId = created.body.id;
    await request(b.t.server).post(`/events/${eventId}/publish`).set(bearer(curator)).send({}).expect(200);
    for (const [who, session] of [
      ['buyer', s.buyer],
      ['vendor', s.vendor],
      ['curator', curator],
    ] as const) {
      pages[who] = await b.newPage();
      await signIn(pages[who], b.baseUrl, session.email, TEST_PASSWORD);
    }
  });
  afterAll(() => b?.close());

  const openEvent = async (page: Page) => {
    await page.goto(`${b.baseUrl}/app/rendez-vous`);
    await page.getByRole('link', { name: "Osez l'IA — Grasse" }).click();
    await page.waitForURL(`**/app/rendez-vous/${eventId}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: "S'inscrire" }).click();
    await page.waitForURL(`**/app/rendez-vous/${eventId}/inscription`);
    expect(await seriousA11yViolations(page)).toEqual([]);
  };

  it('registers the vendor with its offering', async () => {
    const page = pages.vendor;
    await openEvent(page);
    await page.getByLabel('Prévision des ventes pour commerces de proximité').check();
    expect(await page.getByLabel('10:40').isChecked()).toBe(true);
    await page.getByRole('button', { name: "M'inscrire" }).click();
    await page.waitForURL(`**/app/rendez-vous/${eventId}/souhaits?message=meeting-registered`);
  });

  it('registers the buyer with its published need, and wishes for the vendor shown with its reasons', async () => {
    const page = pages.buyer;
    await openEvent(page);
    await page.getByLabel('Besoin présenté aux fournisseurs').selectOption({ label: 'Prévoir les ventes de la boulangerie' });
    await page.getByLabel('10:40').uncheck();
    await page.getByRole('button', { name: "M'inscrire" }).click();
    await page.waitForURL(`**/app/rendez-vous/${eventId}/souhaits?message=meeting-registered`);
    expect(await page.getByRole('status').first().textContent()).toContain('Votre inscription est enregistrée');
    await page.getByText('Pourquoi cette proposition').first().click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel(/Prévi Ventes/).check();
    await page.getByRole('button', { name: 'Enregistrer mes souhaits' }).click();
    await page.waitForURL(/message=meeting-wishes-saved/);
    expect(await page.getByLabel(/Prévi Ventes/).isChecked()).toBe(true);
    await screenshot(page, 'rendez-vous-souhaits-acheteur');
  });

  it("lets the vendor wish for the buyer's need, shown without the buyer's name", async () => {
    const page = pages.vendor;
    await page.goto(`${b.baseUrl}/app/rendez-vous/${eventId}/souhaits`);
    expect(await page.locator('main').textContent()).toContain('Prévoir les ventes de la boulangerie');
    expect(await page.locator('main').textContent()).not.toContain('Boulangerie Test');
    await page.getByLabel(/Prévoir les ventes de la boulangerie/).check();
    await page.getByRole('button', { name: 'Enregistrer mes souhaits' }).click();
    await page.waitForURL(/message=meeting-wishes-saved/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lets the curator close registration and schedule from the grid', async () => {
    const page = pages.curator;
    await page.goto(`${b.baseUrl}/app/curation`);
    await page.getByRole('link', { name: "Rendez-vous d'affaires" }).click();
    await page.getByRole('link', { name: "Osez l'IA — Grasse" }).click();
    await page.getByRole('link', { name: 'Grille des rendez-vous (curation)' }).click();
    await page.waitForURL(`**/app/rendez-vous/${eventId}/grille`);
    expect(await page.locator('main').textContent()).toContain('Inscriptions ouvertes');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Clore les inscriptions' }).click();
    await page.waitForURL(/message=meeting-registration-closed/);
    await page.getByRole('button', { name: 'Lancer la planification' }).click();
    await page.waitForURL(/message=meetings-scheduled/);
    const grid = page.getByRole('table');
    expect(await grid.textContent()).toContain('Boulangerie Test');
    expect(await grid.textContent()).toContain('Prévi Ventes');
    expect(await page.locator('main').textContent()).toContain('Rendez-vous programmés : 1');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'rendez-vous-grille');
  });

  for (const [who, counterpart] of [
    ['buyer', 'Prévi Ventes'],
    ['vendor', 'Boulangerie Test'],
  ] as const) {
    it(`shows the ${who} its agenda and downloads the calendar file`, async () => {
      const page = pages[who];
      await page.goto(`${b.baseUrl}/app/rendez-vous/${eventId}`);
      await page.getByRole('link', { name: /Mes rendez-vous/ }).click();
      await page.waitForURL(`**/app/rendez-vous/${eventId}/agenda`);
      const agenda = page.getByRole('table');
      expect(await agenda.textContent()).toContain(counterpart);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, `rendez-vous-agenda-${who}`);

      const link = page.getByRole('link', { name: /Ajouter à mon agenda/ });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('rendez-vous.ics');
      const file = readFileSync((await download.path())!, 'utf8');
      expect(file).toContain('BEGIN:VEVENT');
      expect(file).toContain(counterpart);
      // The same address with this browser's cookies: a calendar file, not a page.
      const response = await page.request.get(`${b.baseUrl}/app/rendez-vous/${eventId}/agenda.ics`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
      expect(await response.text()).toContain('BEGIN:VEVENT');
    });
  }
});

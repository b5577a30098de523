import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { bearer, createCurator, registerBuyer, TEST_PASSWORD, type RegisteredSession, type TestSession } from '../support/auth.js';
import { seriousA11yViolations, screenshot, signIn, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { eligiblePair, proposeIntroduction } from '../support/introductions.js';
import { createPublishedOffering, registerVerifiedVendor, sovereigntyProfile } from '../support/offerings.js';
import { daysFromToday } from '../support/dates.js';

jest.setTimeout(120_000);

/** Waits until htmx has no request in flight on the page. */
/** The htmx answer of step 4 (the draft saved, the depth refreshed). */
const depthAnswer = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/profondeur') && r.request().method() === 'POST');
const htmxSettled = (page: Page) => page.locator('.htmx-request').first().waitFor({ state: 'detached' });

describe('browser: a buyer posts a need through the steps, and answers an introduction', () => {
  let b: BrowserTest;
  let curator: TestSession;
  let buyer: RegisteredSession;

  beforeAll(async () => {
    b = await startBrowserTest();
    curator = await createCurator(b.t);
    const vendor = await registerVerifiedVendor(b.t, curator, { organisation: { name: 'Riviera Courrier' } });
    await createPublishedOffering(b.t, vendor, { title: 'Tri intelligent du courrier' });
    await createPublishedOffering(b.t, vendor, {
      title: 'Lecture des formulaires',
      sovereignty: sovereigntyProfile({
        hosting: { dataResidency: 'EU_EEA', providerJurisdiction: 'EU_EEA' },
        certifications: { secNumCloud: 'NONE' },
      }),
    });
    await b.t.app.get(OutboxWorker).drain();
    buyer = await registerBuyer(b.t, { organisation: { name: 'Mairie de Vence', buyerType: 'collectivite', nafCode: '84.11Z' } });
  });
  afterAll(() => b?.close());

  it('posts a need in five steps, sees the market depth before submitting, and submits', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, buyer.email, TEST_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/app/acheteur');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Publier un besoin' }).click();
    await page.waitForURL('**/app/acheteur/besoins/nouveau');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Titre du besoin').fill('Tri automatique des courriers entrants');
    await page
      .getByLabel('Description')
      .fill('Nous recevons 300 courriers par jour ; nous voulons les classer et les router vers les services.');
    await page.getByLabel('Traitement documentaire (OCR, extraction, classement)').check();
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    await page.waitForURL(/\/etape\/2/);
    const needId = /besoins\/([0-9a-f-]{36})\//.exec(page.url())![1];
    expect(await page.getByLabel('Commune du projet').inputValue()).toBe('Nice (06088)');
    await page.getByLabel('Régional', { exact: true }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    await page.waitForURL(/\/etape\/3/);
    await page.getByLabel('Budget minimum (€ HT)').fill('5000');
    await page.getByLabel('Budget maximum (€ HT)').fill('20000');
    // A date ahead of today: a past start is refused (issue 23).
    await page.getByLabel('Début souhaité').fill(daysFromToday(60));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    // Step 4: choosing the sensitivity ticks its suggestions and refreshes the depth, through htmx.
    await page.waitForURL(/\/etape\/4/);
    await page.getByRole('heading', { name: 'Profondeur du marché' }).waitFor();
    await Promise.all([
      depthAnswer(page),
      page.getByLabel('Les données les plus sensibles que le projet traitera').selectOption('personal'),
    ]);
    await page.locator('#f-requirements input[value="GDPR_DPA"]:checked').waitFor();
    await htmxSettled(page);
    expect(await page.locator('#f-requirements input[value="DATA_IN_EU"]').isChecked()).toBe(true);
    await Promise.all([depthAnswer(page), page.getByLabel('Données hébergées en France').check()]);
    await htmxSettled(page);
    const stored = await request(b.t.server).get(`/needs/${needId}`).set(bearer(buyer)).expect(200);
    expect(stored.body.requirements).toEqual(expect.arrayContaining(['GDPR_DPA', 'DATA_IN_EU', 'DATA_IN_FRANCE']));
    expect(await page.locator('#profondeur').textContent()).toMatch(/\d+ offres? publiées?/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'acheteur-besoin-etape-exigences');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();

    // Step 5: the summary and the market depth before the submission.
    await page.waitForURL(/\/verification/);
    const depth = await request(b.t.server).get(`/needs/${needId}/market-depth`).set(bearer(buyer)).expect(200);
    expect(depth.body.eligible).toBeGreaterThanOrEqual(1);
    const aside = await page.locator('.market-depth').textContent();
    expect(aside).toContain(`${depth.body.eligible} offre`);
    expect(await page.getByText('Données hébergées en France').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'acheteur-profondeur-marche');
    await page.getByRole('button', { name: "Soumettre à la Maison de l'IA" }).click();

    await page.waitForURL(`**/app/acheteur/besoins/${needId}?message=need-submitted`);
    expect(await page.getByRole('status').first().textContent()).toContain("Le besoin est transmis à l'équipe de la Maison de l'IA");
    expect(await page.getByText('En relecture').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Mes besoins' }).first().click();
    await page.waitForURL('**/app/acheteur');
    expect(await page.getByRole('link', { name: 'Tri automatique des courriers entrants' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'acheteur-besoins');
  });

  it('keeps values and shows French errors on a refused step', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, buyer.email, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/app/acheteur/besoins/nouveau`);
    await page.getByLabel('Description').fill('Sans titre');
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Ce champ est obligatoire.');
    expect(await page.getByLabel('Description').inputValue()).toBe('Sans titre');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows an introduction, accepts it, and then shows the vendor’s contacts', async () => {
    const pair = await eligiblePair(b.t, curator, {
      vendor: { displayName: 'Camille Martin', phone: '+33 4 93 00 00 00', organisation: { name: 'Azur IA' } },
      buyer: { organisation: { name: 'Commune de Saint-Jeannet', buyerType: 'collectivite' } },
    });
    const intro = await proposeIntroduction(b.t, curator, pair);
    await request(b.t.server).post(`/introductions/${intro.id}/accept`).set(bearer(pair.vendor)).send({}).expect(200);

    const page = await b.newPage();
    await signIn(page, b.baseUrl, pair.buyer.email, TEST_PASSWORD);
    await page.getByRole('link', { name: 'Mises en relation' }).first().click();
    await page.waitForURL('**/app/mises-en-relation');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Tri automatique des courriers entrants' }).click();
    await page.waitForURL(`**/app/mises-en-relation/${intro.id}`);
    expect(await page.content()).not.toContain(pair.vendor.email);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Accepter la mise en relation' }).click();
    await page.waitForURL(`**/app/mises-en-relation/${intro.id}?message=introduction-accepted`);
    await page.getByRole('link', { name: pair.vendor.email }).waitFor();
    expect(await page.getByText('+33 4 93 00 00 00').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'mise-en-relation');

    // The decline form opens on demand and is accessible too, on the vendor's side of another introduction.
    const second = await eligiblePair(b.t, curator);
    const other = await proposeIntroduction(b.t, curator, second);
    const vendorPage = await b.newPage();
    await signIn(vendorPage, b.baseUrl, second.vendor.email, TEST_PASSWORD);
    await vendorPage.goto(`${b.baseUrl}/app/mises-en-relation/${other.id}`);
    await vendorPage.getByText('Décliner la mise en relation').click();
    await vendorPage.getByRole('combobox', { name: 'Raison' }).selectOption('timing');
    expect(await seriousA11yViolations(vendorPage)).toEqual([]);
    await vendorPage.getByRole('button', { name: 'Décliner', exact: true }).click();
    await vendorPage.waitForURL(`**/app/mises-en-relation/${other.id}?message=introduction-declined`);
    expect(await vendorPage.getByText('Calendrier inadapté').count()).toBe(1);
  });
});

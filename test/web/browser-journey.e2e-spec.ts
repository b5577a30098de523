import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { createCurator, registerBuyer, TEST_PASSWORD, type RegisteredSession, type TestSession } from '../support/auth.js';
import { seriousA11yViolations, screenshot, signIn, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { createPublishedOffering, registerVerifiedVendor } from '../support/offerings.js';

jest.setTimeout(180_000);

/** Every page a person sees on the way must pass axe's serious and critical WCAG 2.1 AA rules. */
const accessible = async (page: Page) => expect(await seriousA11yViolations(page)).toEqual([]);
const depthAnswer = (page: Page) => page.waitForResponse((r) => r.url().endsWith('/profondeur') && r.request().method() === 'POST');

/**
 * The marketplace's whole loop, by three people in three browsers: a buyer posts a need and sees
 * the market depth before submitting; a curator publishes it, reads its matches and proposes an
 * introduction; the vendor accepts, the buyer accepts, and only then does each see the other's
 * contacts.
 */
describe('browser: from a need to a connected introduction', () => {
  let b: BrowserTest;
  let curator: TestSession;
  let vendor: RegisteredSession;
  let buyer: RegisteredSession;

  beforeAll(async () => {
    b = await startBrowserTest();
    curator = await createCurator(b.t);
    vendor = await registerVerifiedVendor(b.t, curator, {
      displayName: 'Léa Fournier',
      phone: '+33 4 92 11 22 33',
      organisation: { name: 'Sophia Documents' },
    });
    await createPublishedOffering(b.t, vendor, { title: 'Tri et routage automatique du courrier' });
    await b.t.app.get(OutboxWorker).drain();
    buyer = await registerBuyer(b.t, {
      displayName: 'Marc Acheteur',
      phone: '+33 4 93 44 55 66',
      organisation: { name: 'Mairie de Valbonne', buyerType: 'collectivite', nafCode: '84.11Z' },
    });
  });
  afterAll(() => b?.close());

  it('buyer → curator → vendor → buyer, with contacts revealed only once both accepted', async () => {
    // 1. The buyer posts a need in steps and sees the market depth before submitting it.
    const buyerPage = await b.newPage();
    await signIn(buyerPage, b.baseUrl, buyer.email, TEST_PASSWORD);
    await buyerPage.getByRole('button', { name: 'Publier un besoin' }).click();
    await buyerPage.getByLabel('Titre du besoin').fill('Courrier entrant de la mairie');
    await buyerPage
      .getByLabel('Description')
      .fill('Nous recevons 300 courriers par jour et voulons les classer et les router vers les bons services.');
    await buyerPage.getByLabel('Traitement documentaire (OCR, extraction, classement)').check();
    await buyerPage.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await buyerPage.waitForURL(/\/etape\/2/);
    const needId = /besoins\/([0-9a-f-]{36})\//.exec(buyerPage.url())![1];
    await buyerPage.getByLabel('Régional', { exact: true }).check();
    await buyerPage.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await buyerPage.waitForURL(/\/etape\/3/);
    await buyerPage.getByLabel('Budget minimum (€ HT)').fill('5000');
    await buyerPage.getByLabel('Budget maximum (€ HT)').fill('20000');
    await buyerPage.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await buyerPage.waitForURL(/\/etape\/4/);
    await Promise.all([
      depthAnswer(buyerPage),
      buyerPage.getByLabel('Les données les plus sensibles que le projet traitera').selectOption('personal'),
    ]);
    await buyerPage.locator('.htmx-request').first().waitFor({ state: 'detached' });
    await accessible(buyerPage);
    await buyerPage.getByRole('button', { name: 'Enregistrer et continuer' }).click();
    await buyerPage.waitForURL(/\/verification/);
    expect(await buyerPage.locator('.market-depth').textContent()).toMatch(/[1-9]\d* offres?/);
    await accessible(buyerPage);
    await buyerPage.getByRole('button', { name: "Soumettre à la Maison de l'IA" }).click();
    await buyerPage.waitForURL(`**/app/acheteur/besoins/${needId}?message=need-submitted`);

    // 2. The curator finds it in the queue, publishes it, reads the ranked matches, proposes.
    const curatorPage = await b.newPage();
    await signIn(curatorPage, b.baseUrl, curator.email, TEST_PASSWORD);
    await curatorPage.getByRole('link', { name: 'Courrier entrant de la mairie' }).click();
    await curatorPage.waitForURL(`**/app/curation/besoins/${needId}`);
    await accessible(curatorPage);
    await curatorPage.getByRole('button', { name: 'Publier le besoin' }).click();
    await curatorPage.waitForURL(/message=need-published/);
    const matches = curatorPage.locator('#correspondances');
    expect(await matches.getByText('Tri et routage automatique du courrier').count()).toBeGreaterThan(0);
    expect(await matches.locator('.bar.stacked').count()).toBeGreaterThan(0);
    await accessible(curatorPage);
    await curatorPage
      .getByRole('button', { name: /Proposer une mise en relation/ })
      .first()
      .click();
    await curatorPage.waitForURL(/message=introduction-proposed/);

    // 3. The vendor sees the proposal, without the buyer's contacts, and accepts it.
    const vendorPage = await b.newPage();
    await signIn(vendorPage, b.baseUrl, vendor.email, TEST_PASSWORD);
    await vendorPage.goto(`${b.baseUrl}/app/mises-en-relation`);
    await vendorPage.getByRole('link', { name: 'Courrier entrant de la mairie' }).click();
    await vendorPage.waitForURL(/\/app\/mises-en-relation\/[0-9a-f-]{36}$/);
    const introductionUrl = vendorPage.url();
    expect(await vendorPage.content()).not.toContain(buyer.email);
    expect(await vendorPage.content()).not.toContain('+33 4 93 44 55 66');
    await accessible(vendorPage);
    await vendorPage.getByRole('button', { name: 'Accepter la mise en relation' }).click();
    await vendorPage.waitForURL(/message=introduction-accepted/);
    expect(await vendorPage.content()).not.toContain(buyer.email);

    // 4. The buyer accepts too: the introduction is connected and the vendor's contacts appear.
    await buyerPage.goto(introductionUrl);
    expect(await buyerPage.content()).not.toContain(vendor.email);
    await buyerPage.getByRole('button', { name: 'Accepter la mise en relation' }).click();
    await buyerPage.waitForURL(/message=introduction-accepted/);
    await buyerPage.getByRole('link', { name: vendor.email }).waitFor();
    expect(await buyerPage.getByText('+33 4 92 11 22 33').count()).toBe(1);
    await accessible(buyerPage);
    await screenshot(buyerPage, 'parcours-acheteur-contacts');

    // 5. …and the vendor now sees the buyer's.
    await vendorPage.goto(introductionUrl);
    await vendorPage.getByRole('link', { name: buyer.email }).waitFor();
    expect(await vendorPage.getByText('+33 4 93 44 55 66').count()).toBe(1);
    await accessible(vendorPage);
    await screenshot(vendorPage, 'parcours-fournisseur-contacts');

    // The curator's board shows it connected.
    await curatorPage.goto(`${b.baseUrl}/app/curation/mises-en-relation`);
    expect(await curatorPage.getByRole('link', { name: 'Courrier entrant de la mairie' }).count()).toBe(1);
  });
});

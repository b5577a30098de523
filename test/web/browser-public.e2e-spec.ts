import { jest } from '@jest/globals';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { createCurator } from '../support/auth.js';
import { seriousA11yViolations, screenshot, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { createPublishedOffering, registerVerifiedVendor } from '../support/offerings.js';

jest.setTimeout(120_000);

describe('browser: the public catalogue in headless Chromium', () => {
  let b: BrowserTest;
  let offeringId: string;

  beforeAll(async () => {
    b = await startBrowserTest();
    const curator = await createCurator(b.t);
    const vendor = await registerVerifiedVendor(b.t, curator, { organisation: { name: 'Riviera Documents' } });
    offeringId = (
      await createPublishedOffering(b.t, vendor, {
        title: 'Lecture automatique des factures',
        summary: 'Extraction des données de factures fournisseurs.',
      })
    ).id;
    await createPublishedOffering(b.t, vendor, {
      title: 'Chatbot pour les usagers',
      summary: 'Répond aux questions fréquentes des usagers.',
    });
    // Serves all of France: counted in every région's facet, found by every région filter.
    await createPublishedOffering(b.t, vendor, {
      title: 'Traduction de documents administratifs',
      summary: 'Traduit les courriers et formulaires.',
      serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
    });
    await b.t.app.get(OutboxWorker).drain();
  });
  afterAll(() => b?.close());

  it('finds an offering with a typo, and opens it', async () => {
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/app/catalogue`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Rechercher une solution').fill('facturs');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/q=facturs/);
    const link = page.getByRole('link', { name: 'Lecture automatique des factures' });
    await link.waitFor();
    expect(await page.getByRole('link', { name: 'Chatbot pour les usagers' }).count()).toBe(0);
    await screenshot(page, 'catalogue');
    await link.click();
    await page.waitForURL(`**/app/offres/${offeringId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lecture automatique des factures');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'offre');
  });

  it('reads a synonym, and answers a search that finds nothing with suggestions (issue 22)', async () => {
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/app/catalogue?q=${encodeURIComponent('chat bot')}`);
    await page.getByRole('link', { name: 'Chatbot pour les usagers' }).waitFor();
    await page.goto(`${b.baseUrl}/app/catalogue?q=zzkqxw`);
    await page.getByRole('heading', { name: 'Aucune offre ne correspond exactement' }).waitFor();
    // Styled as a button (Pico's role="button"), it still leads to the need form.
    const deposit = page.getByRole('button', { name: 'Déposer un besoin' });
    expect(await deposit.count()).toBe(1);
    expect(await deposit.getAttribute('href')).toMatch(/^\/app\/acheteur\/besoins\/nouveau/);
    // The best-stocked use cases, each a link with its count.
    const suggestion = page.locator('.suggestions li a').first();
    await suggestion.click();
    await page.waitForURL(/useCase=/);
    expect(await page.locator('.cards article').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('counts a région as its filter finds, national offerings included, and says what would raise a grade (issue 22)', async () => {
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/app/catalogue`);
    const region = page.getByLabel('Région servie');
    // Corse: the two offerings that list it, and the national one.
    const option = region.locator('option[value="94"]');
    const count = Number(/\((\d+)\)/.exec((await option.textContent()) ?? '')?.[1]);
    expect(count).toBe(3);
    await region.selectOption('94');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/region=94/);
    expect(await page.locator('.cards article').count()).toBe(count);

    await page.goto(`${b.baseUrl}/app/offres/${offeringId}`);
    const legend = page.getByText('A – très souverain : 80 à 100 points sur 100').first();
    expect(await legend.isVisible()).toBe(true);
    // The default profile misses one point in the AI block: one line, from the score itself.
    expect(await page.locator('.grade-hints li').allTextContents()).toEqual([
      "Souveraineté du modèle d'IA : un modèle qui tourne chez le client ajouterait 1 point.",
    ]);
  });

  it('has no serious accessibility violation on the home, vendor, login and sign-up pages', async () => {
    const page = await b.newPage();
    for (const [path, name] of [
      ['/app', 'accueil'],
      ['/app/connexion', 'connexion'],
      ['/app/inscription', 'inscription'],
      ['/app/inscription?profil=acheteur', 'inscription-acheteur'],
    ]) {
      await page.goto(`${b.baseUrl}${path}`);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, name);
    }
    await page.getByRole('link', { name: 'Catalogue' }).first().click();
    await page.getByRole('link', { name: 'Riviera Documents' }).first().click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'fournisseur-public');
  });

  it('keeps typed values and shows French errors when the sign-up form is refused', async () => {
    const page = await b.newPage();
    await page.goto(`${b.baseUrl}/app/inscription?profil=acheteur`);
    await page.getByLabel('Nom et prénom').fill('Camille Martin');
    await page.getByLabel('Adresse e-mail professionnelle').fill('pas-une-adresse');
    await page.getByLabel('SIREN').fill('123');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Saisissez une adresse e-mail valide');
    expect(await page.getByLabel('Nom et prénom').inputValue()).toBe('Camille Martin');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'inscription-erreurs');
  });
});

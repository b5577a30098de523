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
    expect(await page.getByRole('link', { name: 'Déposer un besoin' }).count()).toBe(1);
    // The best-stocked use cases, each a link with its count.
    const suggestion = page.locator('.suggestions li a').first();
    await suggestion.click();
    await page.waitForURL(/useCase=/);
    expect(await page.locator('.cards article').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
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

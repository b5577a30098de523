import { jest } from '@jest/globals';
import request from 'supertest';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { bearer, createCurator, randomSiren, registerBuyer, registerVendor, TEST_PASSWORD } from '../support/auth.js';
import { seriousA11yViolations, screenshot, signIn, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { createNeed, eligiblePair } from '../support/introductions.js';

jest.setTimeout(180_000);

describe('browser: a curator works through the curation console', () => {
  let b: BrowserTest;
  let curatorEmail: string;

  beforeAll(async () => {
    b = await startBrowserTest();
    const curator = await createCurator(b.t);
    curatorEmail = curator.email;
    // A published need and an eligible offering, so the indicators have a région and the matches a candidate.
    await eligiblePair(b.t, curator, { vendor: { organisation: { name: 'Riviera Archives' } } });
    const buyer = await registerBuyer(b.t, { organisation: { name: 'Commune de Biot (test)', buyerType: 'collectivite' } });
    const need = await createNeed(b.t, buyer, { title: 'Tri des courriers de la mairie' });
    await request(b.t.server).post(`/needs/${need.id}/submit`).set(bearer(buyer)).send({}).expect(200);
    await registerVendor(b.t, { organisation: { name: 'Jeune Pousse Vision' } });
    await b.t.app.get(OutboxWorker).drain();
  });
  afterAll(() => b?.close());

  it('publishes a need from the queue, reads its matches and proposes an introduction, then visits the other pages', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, curatorEmail, TEST_PASSWORD);
    await page.waitForURL('**/app/curation?**');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('File de relecture des besoins');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'curation-file');

    await page.getByRole('link', { name: 'Tri des courriers de la mairie' }).click();
    await page.waitForURL('**/app/curation/besoins/**');
    expect(await page.getByText('Commune de Biot (test)').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Publier le besoin' }).click();
    await page.waitForURL(/message=need-published/);
    await page.getByText('Le besoin est publié.').waitFor();

    const matches = page.locator('#correspondances');
    expect(await matches.locator('.bar.stacked').count()).toBeGreaterThan(0);
    expect(await matches.locator('.bar.stacked').first().getAttribute('aria-label')).toMatch(/^Score [\d,]+ sur 100 : Cas d'usage/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await matches.scrollIntoViewIfNeeded();
    await screenshot(page, 'curation-correspondances');

    await page
      .getByRole('button', { name: /Proposer une mise en relation/ })
      .first()
      .click();
    await page.waitForURL(/message=introduction-proposed/);
    await page.getByText('La mise en relation est proposée au fournisseur et à l’acheteur.').waitFor();
    expect(await page.getByText('Mise en relation en cours').count()).toBeGreaterThan(0);

    await page.goto(`${b.baseUrl}/app/curation/mises-en-relation`);
    const proposed = page.locator('[data-column="proposee"]');
    expect(await proposed.getByRole('link', { name: 'Tri des courriers de la mairie' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'curation-tableau-mises-en-relation');

    await page.goto(`${b.baseUrl}/app/curation/indicateurs`);
    // The period report's funnel, months and map of départements, and the introductions' funnel, each with its table.
    expect(await page.locator('svg[role="img"]').count()).toBe(4);
    const map = page.getByRole('img', { name: 'Besoins reçus par département' });
    expect(await map.locator('path[data-departement]').count()).toBe(96);
    expect(await map.locator('g[data-departement] rect').count()).toBe(5);
    expect(await map.locator('path[data-departement="06"] title').textContent()).toMatch(
      /^Alpes-Maritimes \(06\) : 2 besoins reçus, 0 contrat signé$/,
    );
    expect(await map.boundingBox().then((box) => box!.width)).toBeGreaterThan(300);
    for (const name of [
      'Du besoin au contrat, en nombres',
      'Besoins et contrats par mois, en nombres',
      /^Départements ayant reçu un besoin ou signé un contrat/,
      'Besoins et contrats par région, en nombres',
    ])
      expect(await page.getByRole('table', { name }).count()).toBe(1);
    expect(await page.locator('tr[data-departement="06"] td').first().textContent()).toBe('2');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'curation-indicateurs');
  });

  it('verifies a vendor, and verifies and rejects claims with their evidence in view', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, curatorEmail, TEST_PASSWORD);

    await page.goto(`${b.baseUrl}/app/curation/fournisseurs`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'curation-fournisseurs');
    await page.getByRole('button', { name: 'Examiner Jeune Pousse Vision' }).click();
    await page.getByRole('heading', { name: 'Vérifier Jeune Pousse Vision' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirmer : Jeune Pousse Vision est vérifié' }).click();
    await page.getByText('Cochez la case pour confirmer').first().waitFor();
    await page.getByLabel(/J'ai vérifié que l'organisation existe/).check();
    await page.getByRole('button', { name: 'Confirmer : Jeune Pousse Vision est vérifié' }).click();
    await page.getByText('Le fournisseur est vérifié.').waitFor();
    expect(await page.locator('#verifies').locator('..').getByText('Jeune Pousse Vision').count()).toBeGreaterThan(0);

    await page.goto(`${b.baseUrl}/app/curation/preuves`);
    expect(await page.getByRole('link', { name: /Consulter la preuve/ }).count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'curation-preuves');

    await page.getByRole('button', { name: 'Rejeter « Origine du modèle »' }).first().click();
    await page.getByText('Le rejet doit être motivé').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Commentaire sur « Origine du modèle »').first().fill('Le modèle est servi par une API américaine.');
    await page.getByRole('button', { name: 'Rejeter « Origine du modèle »' }).first().click();
    await page.getByText('La déclaration est rejetée.').waitFor();
    await page.getByRole('button', { name: 'Vérifier « Qualification SecNumCloud »' }).first().click();
    await page.getByText('La déclaration est vérifiée.').waitFor();
  });

  it('uploads a diagnostic file through the file input, previews it, confirms, and reads its needs together', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, curatorEmail, TEST_PASSWORD);
    await page.goto(`${b.baseUrl}/app/curation/diagnostics`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const file = {
      diagnosticId: 'MIA-DIAG-NAVIGATEUR',
      date: '2026-11-30',
      expert: { name: 'Camille Martin', email: 'camille.martin@maison-ia.example.fr' },
      company: { name: 'Scierie du Jura', siren: randomSiren(), nafCode: '16.10A', communeCode: '39300', buyerType: 'pme' },
      contactEmail: 'dirigeant@scierie-jura.example.fr',
      useCases: [
        {
          code: 'UC-1',
          priority: 1,
          title: 'Prévision des commandes',
          useCaseCodes: ['SALES_FORECAST'],
          dataSensitivity: 'none',
          horizon: '6_months',
        },
      ],
    };
    await page.getByLabel('Fichier du diagnostic (.json ou .csv)').setInputFiles({
      name: 'diagnostic.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file), 'utf8'),
    });
    await page.getByRole('button', { name: "Vérifier et voir l'aperçu" }).click();
    await page.getByText('1 besoin(s) seront créés').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'curation-diagnostic-apercu');
    await page.getByRole('button', { name: "Confirmer l'import" }).click();
    await page.getByText('Import terminé : 1 besoin(s) créé(s)').waitFor();
    expect(await page.getByRole('row', { name: /UC-1 Prévision des commandes Brouillon/ }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

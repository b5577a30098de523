import { jest } from '@jest/globals';
import { referenceData } from '../../src/reference/data/reference-data.js';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { SOVEREIGNTY_SECTIONS } from '../../src/web/vendor/sovereignty-sections.js';
import { createCurator, registerBuyer, TEST_PASSWORD } from '../support/auth.js';
import { seriousA11yViolations, screenshot, signIn, startBrowserTest, type BrowserTest } from '../support/browser.js';
import { createPublishedNeed } from '../support/introductions.js';
import { registerVerifiedVendor, sovereigntyProfile } from '../support/offerings.js';

jest.setTimeout(180_000);

const useCaseLabel = (code: string): string => referenceData().useCases.find((u) => u.code === code)?.label ?? code;

describe('browser: a vendor creates an offering through the guided form, publishes it and opens its leads', () => {
  let b: BrowserTest;
  let vendorEmail: string;

  beforeAll(async () => {
    b = await startBrowserTest();
    const curator = await createCurator(b.t);
    const vendor = await registerVerifiedVendor(b.t, curator, { organisation: { name: 'Lérins Intelligence' } });
    vendorEmail = vendor.email;
    const buyer = await registerBuyer(b.t, { organisation: { name: 'Mairie Témoin', buyerType: 'collectivite' } });
    await createPublishedNeed(b.t, buyer, curator, { title: 'Classer les courriers des administrés' });
  });
  afterAll(() => b?.close());

  it('goes from the dashboard to a published offering and its anonymised leads, accessibly', async () => {
    const page = await b.newPage();
    await signIn(page, b.baseUrl, vendorEmail, TEST_PASSWORD);
    await page.waitForURL('**/app/fournisseur?message=signed-in');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Espace fournisseur');
    expect(await page.getByText('Lérins Intelligence').count()).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Créer une offre' }).click();
    await page.waitForURL('**/app/fournisseur/offres/nouvelle');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 1. The offering: this step alone creates the draft (issue 23).
    expect(await page.getByLabel('Modèle de tarification').count()).toBe(0);
    await page.getByLabel("Titre de l'offre").fill('Lecture des courriers entrants');
    await page.getByLabel('Résumé').fill('Lit et classe le courrier entrant, hébergé en France.');
    await page.getByLabel('Description').fill('Reconnaissance des courriers, classement par service, tableau de bord des délais.');
    await page.getByRole('group', { name: "Cas d'usage" }).getByLabel(useCaseLabel('DOC_PROCESSING')).check();
    await page.getByRole('button', { name: "Créer le brouillon et passer à l'étape 2" }).click();
    await page.waitForURL(/\/app\/fournisseur\/offres\/[0-9a-f-]{36}\/etape\/2\?message=offering-created$/);
    expect(await page.getByRole('status').first().textContent()).toContain("L'offre est créée en brouillon.");
    expect(await seriousA11yViolations(page)).toEqual([]);
    // 2. Clients and area.
    await page.getByRole('group', { name: 'Clients visés' }).getByLabel('Collectivité territoriale ou établissement public').check();
    await page.getByLabel('Toute la France').check();
    await page.getByLabel('Intervention à distance possible, où que soit le client').check();
    await page.getByRole('button', { name: "Enregistrer et passer à l'étape 3" }).click();
    await page.waitForURL(/\/etape\/3\?message=offering-saved$/);
    // 3. Pricing.
    await page.getByLabel('Modèle de tarification').selectOption({ label: 'Abonnement' });
    await page.getByLabel('Budget minimum (€ HT, facultatif)').fill('2000');
    await page.getByLabel('Budget maximum (€ HT, facultatif)').fill('30000');
    await page.getByRole('button', { name: "Enregistrer et passer à l'étape 4" }).click();
    await page.waitForURL(/\/etape\/4\?message=offering-saved$/);
    // 4. The sovereignty profile, section by section, by the labels a vendor reads.
    expect(await page.locator('#grade-preview').textContent()).toContain('Pour atteindre la note');
    const profile = sovereigntyProfile() as Record<string, Record<string, unknown>>;
    for (const section of SOVEREIGNTY_SECTIONS) {
      for (const field of section.fields) {
        const [, sectionKey, key] = field.name.split('.') as [string, string, string];
        const value = profile[sectionKey]?.[key];
        if (value === undefined) continue;
        // One question left unanswered on purpose, to see the form's refusal.
        if (field.name === 'sovereignty.gdpr.dpiaSupport') continue;
        if (field.kind === 'select') await page.getByLabel(field.label, { exact: true }).selectOption(String(value));
        else if (field.kind === 'yesno')
          await page
            .getByRole('radiogroup', { name: field.label })
            .getByLabel(value ? 'Oui' : 'Non')
            .check();
        else if (field.kind === 'checkboxes') {
          for (const code of value as unknown[]) {
            const label = field.options?.find((o) => o.code === String(code))?.label ?? String(code);
            await page.getByRole('group', { name: field.label }).getByLabel(label, { exact: true }).check();
          }
        } else await page.getByLabel(field.label, { exact: true }).fill(Array.isArray(value) ? value.join(', ') : String(value));
      }
    }
    // The live preview (htmx) follows the answers without saving.
    await page.locator('#grade-preview', { hasText: /\d+\/100/ }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer cette étape' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Répondez par oui ou par non.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page
      .getByRole('radiogroup', { name: 'Fournissez-vous la matière de l’analyse d’impact (AIPD) du client ?' })
      .getByLabel('Oui')
      .check();
    await page.locator('#grade-preview', { hasText: '99/100' }).waitFor();
    await page.getByRole('button', { name: 'Enregistrer cette étape' }).click();
    await page.waitForURL(/\/app\/fournisseur\/offres\/[0-9a-f-]{36}\?message=offering-saved$/);
    expect(await page.getByRole('heading', { name: 'Note de souveraineté' }).isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toMatch(/99\/100/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'fournisseur-offre-formulaire');

    await page.getByRole('button', { name: 'Publier dans le catalogue' }).click();
    await page.waitForURL(/message=offering-published$/);
    expect(await page.getByText('Publiée', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Publier dans le catalogue' }).count()).toBe(0);
    await b.t.app.get(OutboxWorker).drain();

    await page.getByRole('link', { name: /Voir les pistes/ }).click();
    await page.waitForURL(/\/pistes$/);
    expect(await page.getByRole('heading', { name: 'Classer les courriers des administrés' }).isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain('Mairie Témoin');
    await page.getByText('Détail du score').first().click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'fournisseur-pistes');

    await page.getByRole('link', { name: 'Espace fournisseur' }).first().click();
    await page.waitForURL('**/app/fournisseur');
    expect(await page.getByRole('link', { name: 'Lecture des courriers entrants', exact: true }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'fournisseur-tableau-de-bord');
    await page.getByRole('link', { name: "Modifier l'organisation et ses établissements" }).click();
    await page.waitForURL('**/app/fournisseur/organisation');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'fournisseur-organisation');
  });
});

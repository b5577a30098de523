import { jest } from '@jest/globals';
import { CommonErrors } from '../../src/common/errors/common.errors.js';
import { VendorsService } from '../../src/vendors/vendors.service.js';
import request from 'supertest';
import { luhnOk } from '../../src/reference/validation/siren.js';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import {
  bearer,
  createCurator,
  randomSiren,
  registerBuyer,
  registerVendor,
  TEST_PASSWORD,
  type RegisteredSession,
  type TestSession,
} from '../support/auth.js';
import { createPublishedNeed } from '../support/introductions.js';
import { createOffering, createPublishedOffering, registerVerifiedVendor, sovereigntyProfile } from '../support/offerings.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient, webSignIn, type FormFields } from '../support/web.js';

/** The sovereignty profile of the test helpers (99/100, grade A), as the guided form posts it. */
function profileFields(overrides: Record<string, Record<string, unknown>> = {}): FormFields {
  const fields: FormFields = {};
  for (const [section, values] of Object.entries(sovereigntyProfile(overrides))) {
    for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
      const name = `sovereignty.${section}.${key}`;
      if (Array.isArray(value)) fields[name] = key === 'modelNames' ? value.join(', ') : value.map(String);
      else fields[name] = String(value);
    }
  }
  return fields;
}

/** A complete offering form, as a vendor fills it in. */
const offeringForm = (overrides: FormFields = {}): FormFields => ({
  title: 'Tri intelligent du courrier des mairies',
  summary: 'Lit, classe et route le courrier entrant vers le bon service.',
  description: 'Lecture automatique des courriers, classement par service, hébergement en France.',
  useCases: ['DOC_PROCESSING', 'KNOWLEDGE_ASSISTANT_RAG'],
  sectors: '84, c',
  targetBuyerTypes: ['collectivite', 'tpe'],
  'serviceArea.national': 'true',
  'serviceArea.remoteDelivery': 'true',
  'serviceArea.regions': ['93'],
  'serviceArea.departements': '06, 83',
  'pricing.model': 'subscription',
  'pricing.minBudgetEur': '3 000',
  'pricing.maxBudgetEur': '20000',
  'references.count': '4',
  'references.sectors': '84',
  ...profileFields(),
  'evidence.certifications.secNumCloud.url': 'https://cyber.gouv.fr/produits-services-qualifies',
  'evidence.certifications.secNumCloud.validUntil': '2028-06-30',
  ...overrides,
});

/** A SIRET of the organisation: its SIREN, a NIC, and the Luhn key. */
function siretOf(siren: string, nic = '0001'): string {
  for (let key = 0; key <= 9; key++) if (luhnOk(`${siren}${nic}${key}`)) return `${siren}${nic}${key}`;
  throw new Error('unreachable');
}

const idFrom = (location: string | undefined): string => /\/app\/fournisseur\/offres\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

describe('Web console: vendor space', () => {
  let t: TestApp;
  let curator: TestSession;
  let vendor: RegisteredSession;
  let web: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    vendor = await registerVerifiedVendor(t, curator, { organisation: { name: 'Riviera Souveraine' } });
    web = await webSignIn(t, { email: vendor.email, password: TEST_PASSWORD });
  });
  afterAll(() => t?.close());

  /**
   * Creates an offering as a vendor does (issue 23): step 1 on the new-offering page creates the
   * draft and opens step 2; each next step is saved with the version its page carries. Returns its id.
   */
  async function createThroughForm(client: WebClient, fields: FormFields = offeringForm()): Promise<string> {
    await client.get('/app/fournisseur/offres/nouvelle');
    const res = await client.post('/app/fournisseur/offres/nouvelle', fields);
    if (res.status !== 303) throw new Error(`create failed: ${res.status}\n${visibleText(res.text).slice(0, 1500)}`);
    const id = idFrom(res.location);
    expect(res.location).toBe(`/app/fournisseur/offres/${id}/etape/2?message=offering-created`);
    for (const step of [2, 3, 4]) {
      const page = await client.get(`/app/fournisseur/offres/${id}/etape/${step}`);
      const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '';
      const saved = await client.post(`/app/fournisseur/offres/${id}/etape/${step}`, { ...fields, version });
      if (saved.status !== 303) throw new Error(`step ${step} failed: ${saved.status}\n${visibleText(saved.text).slice(0, 1500)}`);
    }
    return id;
  }

  describe('dashboard', () => {
    it('shows the organisation, verified, and an invitation to create a first offering', async () => {
      const res = await web.get('/app/fournisseur');
      expect(res.status).toBe(200);
      const text = visibleText(res.text);
      expect(text).toContain('Riviera Souveraine');
      expect(text).toContain('Organisation vérifiée');
      expect(text).toContain("Vous n'avez pas encore d'offre");
      expect(res.text).toContain('href="/app/fournisseur/offres/nouvelle"');
      expect(res.text).toContain('href="/app/fournisseur/organisation"');
    });

    it('lists drafts to the members, with status and grade, and the vendor’s introductions linking to their page', async () => {
      const other = await registerVerifiedVendor(t, curator);
      const draft = await createOffering(t, other, { title: 'Brouillon maison' });
      const published = await createPublishedOffering(t, other, { title: 'Offre en ligne' });
      const buyer = await registerBuyer(t, { organisation: { name: 'Mairie Discrète' } });
      const need = await createPublishedNeed(t, buyer, curator);
      const intro = await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: need.id, offeringId: published.id, message: 'Un premier échange vous serait utile.' })
        .expect(201);
      const client = await webSignIn(t, { email: other.email, password: TEST_PASSWORD });
      const res = await client.get('/app/fournisseur');
      const text = visibleText(res.text);
      expect(res.text).toContain(`/app/fournisseur/offres/${draft.id}`);
      expect(text).toContain('Brouillon maison');
      expect(text).toContain('Brouillon');
      expect(text).toContain('Publiée');
      expect(text).toMatch(/A 99\/100 · déclaré, non vérifié/);
      expect(res.text).toContain(`/app/mises-en-relation/${intro.body.id}`);
      expect(text).toContain('Tri automatique des courriers entrants');
      expect(text).toContain('À vous de répondre');
      // The buyer is not named before both sides accept.
      expect(text).not.toContain('Mairie Discrète');
    });

    it('tells a member whose membership is pending that a colleague must approve it', async () => {
      const pending = await registerVendor(t, { organisation: { siren: vendor.organisation.siren } });
      expect(pending.membershipStatus).toBe('pending');
      const client = await webSignIn(t, { email: pending.email, password: TEST_PASSWORD });
      const res = await client.get('/app/fournisseur');
      expect(res.status).toBe(200);
      expect(visibleText(res.text)).toContain('Votre adhésion à cette organisation attend la validation');
      expect(res.text).not.toContain('/app/fournisseur/offres/nouvelle');
      // The service refuses a pending member's offering: a French 403 page.
      const refused = await client.post('/app/fournisseur/offres/nouvelle', offeringForm(), { from: '/app/fournisseur' });
      expect(refused.status).toBe(403);
    });

    it('says when the organisation still waits for verification', async () => {
      const unverified = await registerVendor(t);
      const client = await webSignIn(t, { email: unverified.email, password: TEST_PASSWORD });
      expect(visibleText((await client.get('/app/fournisseur')).text)).toContain('En attente de vérification');
    });
  });

  describe('offerings', () => {
    it('creates an offering with its sovereignty profile and evidence, then shows its grade and block sub-scores', async () => {
      const id = await createThroughForm(web);
      const page = await web.get(`/app/fournisseur/offres/${id}?message=offering-created`);
      expect(page.status).toBe(200);
      const text = visibleText(page.text);
      expect(text).toContain("L'offre est créée en brouillon.");
      expect(text).toMatch(/A Très souverain \(80 à 100 points\) — 99\/100 déclaré, non vérifié/);
      expect(page.text.match(/class="bar-fill"/g)).toHaveLength(5);
      expect(text).toContain('Publier dans le catalogue');
      expect(text).toContain("Archiver l'offre");
      // Stored as the API would store a JSON body with the same content.
      const api = await request(t.server).get(`/offerings/${id}`).set(bearer(vendor)).expect(200);
      expect(api.body).toMatchObject({
        status: 'draft',
        sectors: ['84', 'C'],
        serviceArea: { national: true, regions: ['93'], departements: ['06', '83'], remoteDelivery: true },
        pricing: { model: 'subscription', minBudgetEur: 3000, maxBudgetEur: 20000 },
        targetBuyerTypes: ['collectivite', 'tpe'],
        references: { count: 4, sectors: ['84'] },
        sovereignty: { ai: { modelNames: ['Mistral Small'] }, hosting: { nonEuRemoteAccess: false } },
      });
      const claim = (api.body.claims as { claim: string; evidence: unknown }[]).find((c) => c.claim === 'certifications.secNumCloud');
      expect(claim?.evidence).toEqual({
        url: 'https://cyber.gouv.fr/produits-services-qualifies',
        documentRef: null,
        validUntil: '2028-06-30',
      });
      // The form shows the saved values back.
      expect(page.text).toContain('value="84, C"');
      expect(page.text).toMatch(/name="sovereignty\.hosting\.nonEuRemoteAccess" value="false" checked/);
    });

    it('saves a draft without a profile, and edits it: changed fields, cleared fields, version moved on', async () => {
      const id = await createThroughForm(web, { title: 'Idée en cours', summary: 'Un résumé provisoire.' });
      const api = await request(t.server).get(`/offerings/${id}`).set(bearer(vendor)).expect(200);
      expect(api.body.sovereignty).toBeNull();
      expect(visibleText((await web.get(`/app/fournisseur/offres/${id}`)).text)).toContain('Pas encore de note');

      const res = await web.post(
        `/app/fournisseur/offres/${id}`,
        offeringForm({ version: String(api.body.version), title: 'Idée mûrie', summary: '' }),
      );
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/app/fournisseur/offres/${id}?message=offering-saved`);
      const after = await request(t.server).get(`/offerings/${id}`).set(bearer(vendor)).expect(200);
      expect(after.body.title).toBe('Idée mûrie');
      expect(after.body.summary).toBeNull();
      expect(after.body.sovereigntyScore.grade).toBe('A');
      expect(after.body.version).toBeGreaterThan(api.body.version);
    });

    it('starts a new offering with step 1 only: what it is; the draft is created and step 2 opens', async () => {
      const page = await web.get('/app/fournisseur/offres/nouvelle');
      expect(page.status).toBe(200);
      expect(page.text).toContain('action="/app/fournisseur/offres/nouvelle"');
      expect(page.text).toContain('name="title"');
      expect(page.text).toContain('name="useCases"');
      expect(page.text).not.toContain('name="targetBuyerTypes"');
      expect(page.text).not.toContain('name="pricing.model"');
      expect(page.text).not.toContain('name="sovereignty.hosting.dataResidency"');
      expect(page.text).toMatch(/<span aria-current="step"><strong>1\. L(&#39;|')offre<\/strong><\/span>/);
      expect(visibleText(page.text)).toContain("Créer le brouillon et passer à l'étape 2");

      // Fields of later steps posted here are not taken: each step saves its own.
      const res = await web.post('/app/fournisseur/offres/nouvelle', { title: 'Par le début', 'pricing.model': 'project' });
      expect(res.status).toBe(303);
      const id = idFrom(res.location);
      expect(res.location).toBe(`/app/fournisseur/offres/${id}/etape/2?message=offering-created`);
      const api = (await request(t.server).get(`/offerings/${id}`).set(bearer(vendor)).expect(200)).body;
      expect(api).toMatchObject({ status: 'draft', title: 'Par le début', pricing: { model: null }, sovereignty: null });
      const step2 = await web.get(res.location ?? '');
      expect(visibleText(step2.text)).toContain("L'offre est créée en brouillon.");
      expect(step2.text).toContain('name="targetBuyerTypes"');

      // The sovereignty step carries the live grade and what would raise it.
      const step4 = await web.get(`/app/fournisseur/offres/${id}/etape/4`);
      expect(step4.text).toContain('hx-post="/app/fournisseur/offres/apercu-note"');
      expect(visibleText(step4.text)).toMatch(/Note avec vos réponses actuelles : .*Pour atteindre la note [A-D]/s);
      expect(visibleText(step4.text)).toContain('Enregistrer cette étape');
    });

    it('refuses bad input with French field errors, status 400, and keeps what was typed', async () => {
      await web.get('/app/fournisseur/offres/nouvelle');
      const res = await web.post('/app/fournisseur/offres/nouvelle', {
        title: '',
        summary: 'Résumé tapé à garder',
        useCases: ['NOT_A_USE_CASE'],
      });
      expect(res.status).toBe(400);
      const text = visibleText(res.text);
      expect(res.text).toContain('role="alert"');
      expect(text).toContain('Titre : Ce champ est obligatoire.');
      expect(text).toContain("Cas d'usage inconnu.");
      expect(res.text).toContain('Résumé tapé à garder');
      expect(res.text).toMatch(/id="f-title"[^>]*aria-invalid="true"/);
      // Still step 1 of a new offering.
      expect(res.text).toContain('action="/app/fournisseur/offres/nouvelle"');
      expect(res.text).not.toContain('name="targetBuyerTypes"');

      // The later parts, on the whole form of a draft.
      const id = await createThroughForm(web, { title: 'À corriger' });
      const version = /name="version" value="(\d+)"/.exec((await web.get(`/app/fournisseur/offres/${id}`)).text)?.[1] ?? '';
      const later = await web.post(`/app/fournisseur/offres/${id}`, {
        version,
        title: 'À corriger',
        'serviceArea.departements': '06, 999',
        'pricing.minBudgetEur': 'beaucoup',
        'sovereignty.vendor.hqJurisdiction': 'FR',
        'evidence.certifications.iso27001.url': 'pas une adresse',
      });
      expect(later.status).toBe(400);
      const laterText = visibleText(later.text);
      expect(laterText).toContain('Code département inconnu.');
      expect(laterText).toContain('Saisissez un nombre entier.');
      expect(laterText).toContain('Répondez par oui ou par non.');
      // An empty choice is "obligatoire" (issue 23), not "choose a value from the list".
      expect(laterText).toContain('Modèle de tarification : Ce champ est obligatoire.');
      expect(laterText).toContain('Saisissez une adresse web complète');
      expect(laterText).not.toMatch(/must be|should not|Valeur refusée/);
      expect(later.text).toContain('value="06, 999"');
      expect(later.text).toContain('value="beaucoup"');
      expect(later.text).toContain('value="pas une adresse"');
      expect(later.text).toMatch(/<option value="FR" selected>/);
    });

    it('reports a budget range upside down in French (a service rule across fields)', async () => {
      const id = await createThroughForm(web, { title: 'Budget à l’envers' });
      const version = /name="version" value="(\d+)"/.exec((await web.get(`/app/fournisseur/offres/${id}/etape/3`)).text)?.[1] ?? '';
      const res = await web.post(`/app/fournisseur/offres/${id}/etape/3`, {
        version,
        'pricing.model': 'project',
        'pricing.minBudgetEur': '50000',
        'pricing.maxBudgetEur': '1000',
      });
      expect(res.status).toBe(400);
      expect(visibleText(res.text)).toContain('Le budget maximum doit être au moins égal au budget minimum.');
      expect(res.text).toContain('value="50000"');
    });

    it('says in French what a draft lacks to be published', async () => {
      const id = await createThroughForm(web, { title: 'Presque rien' });
      const res = await web.post(`/app/fournisseur/offres/${id}/publier`);
      expect(res.status).toBe(409);
      const text = visibleText(res.text);
      expect(text).toContain("L'offre ne peut pas encore être publiée : il manque des éléments.");
      for (const missing of [
        'Ajoutez un résumé.',
        'Ajoutez une description.',
        "Choisissez au moins un cas d'usage.",
        "Précisez la zone d'intervention",
        'Choisissez un modèle de tarification.',
        'Choisissez au moins un type de client visé.',
        'Remplissez le profil de souveraineté.',
      ]) {
        expect(text).toContain(missing);
      }
      expect(text).not.toMatch(/required to publish/);
    });

    it('tells an unverified vendor that its organisation must be verified before publishing', async () => {
      const unverified = await registerVendor(t);
      const client = await webSignIn(t, { email: unverified.email, password: TEST_PASSWORD });
      const id = await createThroughForm(client);
      const page = await client.get(`/app/fournisseur/offres/${id}`);
      // The button says why it cannot be used yet instead of leading to an error (issue 23).
      expect(page.text).toMatch(/<button type="button" disabled aria-describedby="publish-why">Publier dans le catalogue<\/button>/);
      expect(visibleText(page.text)).toContain(
        "Publication possible dès que l'équipe de la Maison de l'IA aura vérifié votre organisation.",
      );
      expect(page.text).not.toContain('/publier"');
      const res = await client.post(`/app/fournisseur/offres/${id}/publier`);
      expect(res.status).toBe(409);
      expect(visibleText(res.text)).toContain("Votre organisation doit d'abord être vérifiée par l'équipe de la Maison de l'IA.");
    });

    it('edits an offering one step at a time, each step saved alone, then the next one', async () => {
      const id = await createThroughForm(web, offeringForm({ title: 'Offre par étapes' }));
      const step2 = await web.get(`/app/fournisseur/offres/${id}/etape/2`);
      expect(step2.status).toBe(200);
      expect(step2.text).toContain(`action="/app/fournisseur/offres/${id}/etape/2"`);
      expect(step2.text).toContain('name="targetBuyerTypes"');
      expect(step2.text).not.toContain('name="title"');
      expect(step2.text).not.toContain('name="sovereignty.hosting.dataResidency"');
      expect(visibleText(step2.text)).toContain("Enregistrer et passer à l'étape 3");

      const saved = await web.post(`/app/fournisseur/offres/${id}/etape/2`, {
        version: /name="version" value="(\d+)"/.exec(step2.text)?.[1],
        targetBuyerTypes: ['pme'],
        'serviceArea.regions': ['93'],
      });
      expect(saved.status).toBe(303);
      expect(saved.location).toBe(`/app/fournisseur/offres/${id}/etape/3?message=offering-saved`);
      const api = (await request(t.server).get(`/offerings/${id}`).set(bearer(vendor)).expect(200)).body;
      // Only step 2 changed: the title, the profile and its grade are as they were.
      expect(api).toMatchObject({
        title: 'Offre par étapes',
        targetBuyerTypes: ['pme'],
        serviceArea: { national: false, regions: ['93'], remoteDelivery: false },
        sovereigntyScore: { total: 99 },
      });

      const bad = await web.post(`/app/fournisseur/offres/${id}/etape/1`, { version: String(api.version), title: '' });
      expect(bad.status).toBe(400);
      expect(bad.text).not.toContain('name="targetBuyerTypes"');
      expect((await web.get(`/app/fournisseur/offres/${id}/etape/5`)).status).toBe(404);
    });

    it('previews the grade of the answers being typed exactly as the saved offering is graded, with what would raise it', async () => {
      await web.get('/app/fournisseur/offres/nouvelle');
      const preview = await web.post('/app/fournisseur/offres/apercu-note', offeringForm());
      expect(preview.status).toBe(200);
      expect(visibleText(preview.text)).toMatch(/Note avec vos réponses actuelles : A Très souverain \(80 à 100 points\) — 99\/100/);
      const id = await createThroughForm(web);
      const saved = await request(t.server).get(`/offerings/${id}`).set(bearer(vendor)).expect(200);
      expect(saved.body.sovereigntyScore).toMatchObject({ total: 99, grade: 'A' });

      const weaker = await web.post('/app/fournisseur/offres/apercu-note', offeringForm({ 'sovereignty.hosting.dataResidency': 'OTHER' }));
      const text = visibleText(weaker.text);
      expect(text).toMatch(/Pour atteindre la note [A-D]\s*, il manque \d+ points?/);
      expect(text).toContain('Localisation des données : «');
      // The form itself asks for the preview on every change, and shows it on first load.
      const form = await web.get(`/app/fournisseur/offres/${id}`);
      expect(form.text).toContain('hx-post="/app/fournisseur/offres/apercu-note"');
      expect(form.text).toContain('id="grade-preview"');
    });

    it('publishes, then archives: the buttons follow allowedActions, and an archived offering is frozen', async () => {
      const id = await createThroughForm(web);
      const published = await web.post(`/app/fournisseur/offres/${id}/publier`);
      expect(published.status).toBe(303);
      expect(published.location).toBe(`/app/fournisseur/offres/${id}?message=offering-published`);
      const page = await web.get(published.location!);
      expect(visibleText(page.text)).toContain("L'offre est publiée dans le catalogue.");
      expect(page.text).not.toContain('/publier"');
      expect(page.text).toContain('/archiver"');
      expect(page.text).toContain(`href="/app/offres/${id}"`);
      // A second publish is refused by the service, in French.
      const again = await web.post(`/app/fournisseur/offres/${id}/publier`);
      expect(again.status).toBe(409);
      expect(visibleText(again.text)).toContain("Cette action n'est pas possible pour une offre dans cet état.");

      const archived = await web.post(`/app/fournisseur/offres/${id}/archiver`);
      expect(archived.status).toBe(303);
      const frozen = await web.get(archived.location!);
      const text = visibleText(frozen.text);
      expect(text).toContain("L'offre est archivée.");
      expect(text).toContain('Archivée');
      expect(text).toContain('ne peut plus être modifiée');
      expect(frozen.text).not.toContain('/publier"');
      expect(frozen.text).not.toContain('/archiver"');
      expect(frozen.text).not.toContain('name="title"');
      const version = (await request(t.server).get(`/offerings/${id}`).set(bearer(vendor))).body.version as number;
      const edit = await web.post(`/app/fournisseur/offres/${id}`, offeringForm({ version: String(version) }));
      expect(edit.status).toBe(409);
      expect(visibleText(edit.text)).toContain('Une offre archivée ne peut plus être modifiée.');
    });

    it('answers a stale version with a French 409, keeping what was typed', async () => {
      const id = await createThroughForm(web);
      const { version } = (await request(t.server).get(`/offerings/${id}`).set(bearer(vendor))).body as { version: number };
      await request(t.server).patch(`/offerings/${id}`).set(bearer(vendor)).send({ version, title: 'Changé ailleurs' }).expect(200);
      const res = await web.post(`/app/fournisseur/offres/${id}`, offeringForm({ version: String(version), title: 'Mon titre à moi' }));
      expect(res.status).toBe(409);
      expect(visibleText(res.text)).toContain("Quelqu'un a modifié cet élément entre-temps ; rechargez la page et recommencez.");
      expect(res.text).toContain('value="Mon titre à moi"');
      expect((await request(t.server).get(`/offerings/${id}`).set(bearer(vendor))).body.title).toBe('Changé ailleurs');
    });
  });

  describe('leads', () => {
    it('lists anonymised published needs matching the offering, best first, never naming the buyer', async () => {
      const id = await createThroughForm(web, offeringForm({ title: 'Courrier entrant automatisé' }));
      expect((await web.post(`/app/fournisseur/offres/${id}/publier`)).status).toBe(303);
      const buyer = await registerBuyer(t, {
        displayName: 'Dominique Secrète',
        phone: '+33 4 93 12 34 56',
        organisation: { name: 'Commune Secrète de Test', buyerType: 'collectivite' },
      });
      await createPublishedNeed(t, buyer, curator, { title: 'Router les courriers de la mairie', maxBudgetEur: 15000 });
      await t.app.get(OutboxWorker).drain();

      const res = await web.get(`/app/fournisseur/offres/${id}/pistes`);
      expect(res.status).toBe(200);
      const text = visibleText(res.text);
      expect(text).toContain('Router les courriers de la mairie');
      expect(text).toContain('Alpes-Maritimes (06)');
      expect(text).toContain('Collectivité territoriale ou établissement public');
      expect(text).toMatch(/5\s000\s€ – 15\s000\s€/);
      expect(text).toMatch(/\d+(,\d)?\/100/);
      expect(res.text.match(/<article/g)?.length).toBeGreaterThanOrEqual(1);
      for (const secret of ['Commune Secrète de Test', 'Dominique Secrète', buyer.email, '93 12 34 56', buyer.organisation.siren]) {
        expect(res.text).not.toContain(secret);
      }
      // Best first: the ranks follow the scores.
      const scores = [...text.matchAll(/(\d+(?:,\d)?)\/100 ·/g)].map((m) => Number(m[1].replace(',', '.')));
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('previews the leads of a draft, and says when nothing matches', async () => {
      const id = await createThroughForm(web, offeringForm({ useCases: ['AGRI_FOOD'], title: 'Offre agricole' }));
      const res = await web.get(`/app/fournisseur/offres/${id}/pistes`);
      expect(res.status).toBe(200);
      const text = visibleText(res.text);
      expect(text).toContain('Aperçu : cette offre est brouillon.');
      expect(text).toContain('Aucun besoin publié ne correspond à cette offre');
    });
  });

  describe('organisation', () => {
    it('edits the public profile and adds then removes an establishment', async () => {
      const first = await web.get('/app/fournisseur/organisation');
      expect(first.status).toBe(200);
      const version = /name="version" value="(\d+)"/.exec(first.text)?.[1] ?? '';
      const siret = siretOf(vendor.organisation.siren, '0002');
      const res = await web.post('/app/fournisseur/organisation', {
        version,
        name: 'Riviera Souveraine',
        description: 'Éditeur niçois de solutions documentaires.',
        website: 'https://riviera.example.fr',
        headcountBand: '11',
        nafCode: '62.01z',
        communeCode: 'Nice (06088)',
        'establishments[0].siret': `${siret.slice(0, 9)} ${siret.slice(9)}`,
        'establishments[0].communeCode': 'Valbonne',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/app/fournisseur/organisation?message=profile-saved');
      const api = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
      expect(api.body).toMatchObject({
        website: 'https://riviera.example.fr',
        headcountBand: '11',
        nafCode: '62.01Z',
        establishments: [{ siret, communeCode: '06152' }],
      });
      const profile = await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(200);
      expect(profile.body.description).toBe('Éditeur niçois de solutions documentaires.');

      const page = await web.get(res.location!);
      expect(visibleText(page.text)).toContain('Le profil est enregistré.');
      expect(page.text).toContain(`value="${siret}"`);
      expect(page.text).toContain('value="Valbonne (06152)"');
      expect(page.text).toContain('name="establishments[1].siret"'); // the empty row to add another site
      // Each site's state in words (decision 022): declared, then confirmed by a curator.
      expect(visibleText(page.text)).toContain(
        "Déclaré, non confirmé L'équipe ne l'a pas encore confirmé : ce site ne compte pas encore pour la proximité avec les besoins.",
      );
      await request(t.server)
        .post(`/vendors/${vendor.organisationId}/establishments/${siret}/confirmation`)
        .set(bearer(curator))
        .expect(200);
      const confirmedPage = await web.get('/app/fournisseur/organisation');
      expect(visibleText(confirmedPage.text)).toMatch(
        /Confirmé par l'équipe le \d{1,2} \p{L}+ \d{4} Ce site compte pour la proximité avec les besoins\./u,
      );

      const newVersion = /name="version" value="(\d+)"/.exec(confirmedPage.text)?.[1];
      const removed = await web.post('/app/fournisseur/organisation', {
        version: newVersion,
        name: 'Riviera Souveraine',
        description: '',
        website: 'https://riviera.example.fr',
        nafCode: '62.01Z',
        communeCode: '06088',
        'establishments[0].siret': siret,
        'establishments[0].communeCode': '06152',
        'establishments[0].remove': 'true',
        'establishments[1].siret': '',
        'establishments[1].communeCode': '',
      });
      expect(removed.status).toBe(303);
      const after = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
      expect(after.body.establishments).toEqual([]);
      expect((await request(t.server).get(`/vendors/${vendor.organisationId}`)).body.description).toBeNull();
    });

    it('refuses bad input in French with 400, keeping the typed values, and saves nothing', async () => {
      const page = await web.get('/app/fournisseur/organisation');
      const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '';
      const before = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor));
      const bad = await web.post('/app/fournisseur/organisation', {
        version,
        name: 'Nouveau nom',
        website: 'riviera point fr',
        nafCode: '62.01Z',
        communeCode: '06088',
        'establishments[0].siret': '123',
        'establishments[0].communeCode': 'Nulle-Part-sur-Mer',
      });
      expect(bad.status).toBe(400);
      const text = visibleText(bad.text);
      expect(text).toContain('Site web : Saisissez une adresse web complète');
      expect(text).toContain("Site 1 : SIRET : Ce numéro SIRET n'existe pas : vérifiez les 14 chiffres.");
      expect(text).toContain('Commune inconnue : tapez son nom ou son code postal');
      expect(bad.text).toContain('value="riviera point fr"');
      expect(bad.text).toContain('value="Nulle-Part-sur-Mer"');

      // A valid SIRET of another company: the service's rule across fields, in French.
      const foreign = siretOf(randomSiren());
      const other = await web.post('/app/fournisseur/organisation', {
        version,
        name: 'Nouveau nom',
        nafCode: '62.01Z',
        communeCode: '06088',
        'establishments[0].siret': foreign,
        'establishments[0].communeCode': '06088',
      });
      expect(other.status).toBe(400);
      expect(visibleText(other.text)).toContain('Le SIRET doit commencer par le SIREN de votre organisation.');
      const after = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor));
      expect(after.body.name).toBe(before.body.name);
      expect(after.body.version).toBe(before.body.version);
    });

    it('saves the legal data and the public profile together or not at all', async () => {
      const page = await web.get('/app/fournisseur/organisation');
      const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '';
      const before = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
      // A fault injected in the second write (the profile), after the legal data were written.
      const vendors = t.app.get(VendorsService);
      const spy = jest.spyOn(vendors, 'update').mockRejectedValueOnce(CommonErrors.CONFLICT());
      try {
        const res = await web.post('/app/fournisseur/organisation', {
          version,
          name: 'Riviera Souveraine',
          description: 'Profil qui ne sera pas enregistré.',
          nafCode: '58.29C',
          communeCode: 'Nice (06088)',
        });
        expect(res.status).toBe(409);
      } finally {
        spy.mockRestore();
      }
      const after = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
      expect(after.body.nafCode).toBe(before.body.nafCode);
      expect(after.body.version).toBe(before.body.version);
    });

    it('answers a stale version with a French 409', async () => {
      const page = await web.get('/app/fournisseur/organisation');
      const version = Number(/name="version" value="(\d+)"/.exec(page.text)?.[1]);
      await request(t.server)
        .patch(`/vendors/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ version, description: 'Changé ailleurs.' })
        .expect(200);
      const res = await web.post('/app/fournisseur/organisation', {
        version: String(version),
        name: 'Riviera Souveraine',
        description: 'Ma version',
        nafCode: '62.01Z',
        communeCode: '06088',
      });
      expect(res.status).toBe(409);
      expect(visibleText(res.text)).toContain("Quelqu'un a modifié cet élément entre-temps");
      expect(res.text).toContain('Ma version');
    });
  });

  describe('permissions', () => {
    let draftId: string;
    let publishedId: string;
    let intruder: WebClient;

    beforeAll(async () => {
      draftId = (await createOffering(t, vendor, { title: 'Brouillon confidentiel' })).id;
      publishedId = (await createPublishedOffering(t, vendor, { title: 'Publiée mais à moi' })).id;
      const other = await registerVerifiedVendor(t, curator);
      intruder = await webSignIn(t, { email: other.email, password: TEST_PASSWORD });
    });

    it('does not show another vendor my draft (404), nor an edit form for my published offering (403)', async () => {
      const draft = await intruder.get(`/app/fournisseur/offres/${draftId}`);
      expect(draft.status).toBe(404);
      expect(draft.text).not.toContain('Brouillon confidentiel');
      const published = await intruder.get(`/app/fournisseur/offres/${publishedId}`);
      expect(published.status).toBe(403);
      expect(visibleText(published.text)).toContain('Accès refusé');
      expect(published.text).not.toContain('name="title"');
    });

    it('refuses another vendor my offering’s edits, lifecycle and leads', async () => {
      const form = offeringForm({ version: '1', title: 'Piratée' });
      expect((await intruder.post(`/app/fournisseur/offres/${draftId}`, form)).status).toBe(404);
      expect((await intruder.post(`/app/fournisseur/offres/${publishedId}`, form)).status).toBe(403);
      expect((await intruder.post(`/app/fournisseur/offres/${draftId}/publier`)).status).toBe(403);
      expect((await intruder.post(`/app/fournisseur/offres/${publishedId}/archiver`)).status).toBe(403);
      const leads = await intruder.get(`/app/fournisseur/offres/${publishedId}/pistes`);
      expect(leads.status).toBe(403);
      const api = await request(t.server).get(`/offerings/${publishedId}`).expect(200);
      expect(api.body).toMatchObject({ title: 'Publiée mais à moi', status: 'published' });
    });

    it('refuses buyers with a French 403 page and sends anonymous visitors to the login page', async () => {
      const buyer = await registerBuyer(t);
      const client = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
      for (const path of ['/app/fournisseur', '/app/fournisseur/organisation', `/app/fournisseur/offres/${publishedId}/pistes`]) {
        const res = await client.get(path);
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/text\/html/);
      }
      const anonymous = new WebClient(t);
      const res = await anonymous.get('/app/fournisseur/offres/nouvelle');
      expect(res.status).toBe(303);
      expect(res.location).toBe('/app/connexion?retour=%2Fapp%2Ffournisseur%2Foffres%2Fnouvelle');
    });

    it('refuses a form without the CSRF token', async () => {
      const res = await web.post('/app/fournisseur/offres/nouvelle', offeringForm(), { csrf: false });
      expect(res.status).toBe(403);
      expect(visibleText(res.text)).toContain('Ce formulaire a expiré');
    });
  });
});

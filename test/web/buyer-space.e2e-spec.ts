import request from 'supertest';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import {
  bearer,
  createCurator,
  registerBuyer,
  registerVendor,
  TEST_PASSWORD,
  type RegisteredSession,
  type TestSession,
} from '../support/auth.js';
import { eligiblePair, proposeIntroduction } from '../support/introductions.js';
import { createPublishedOffering, registerVerifiedVendor } from '../support/offerings.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient, webSignIn, type WebResponse } from '../support/web.js';
import { daysFromToday, shownFrench, typedFrench } from '../support/dates.js';

/** Dates typed in the need's step 3, always ahead of today (issue 23 refuses a past start). */
const START = daysFromToday(60);
const DEADLINE = daysFromToday(200);

/** The need's version as the page's form carries it. */
const versionIn = (html: string): string => {
  const v = /name="version"[^>]*value="(\d+)"/.exec(html)?.[1];
  if (!v) throw new Error(`no version in the page:\n${html.slice(0, 800)}`);
  return v;
};

const needIdFrom = (res: WebResponse): string => {
  const id = /\/app\/acheteur\/besoins\/([0-9a-f-]{36})\//.exec(res.location ?? '')?.[1];
  if (!id) throw new Error(`no need id in ${res.status} ${res.location ?? ''}\n${res.text.slice(0, 800)}`);
  return id;
};

/** Posts a form and follows its redirection once, as a browser does. */
async function postAndFollow(web: WebClient, path: string, fields: Record<string, string | string[] | undefined>): Promise<WebResponse> {
  const res = await web.post(path, fields);
  expect(res.status).toBe(303);
  return web.get(res.location!);
}

describe('Web console: the buyer space and introductions', () => {
  let t: TestApp;
  let curator: TestSession;
  let buyer: RegisteredSession;
  let web: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    const vendor = await registerVerifiedVendor(t, curator, { organisation: { name: 'Azur Courrier' } });
    await createPublishedOffering(t, vendor, { title: 'Tri intelligent du courrier' });
    await t.app.get(OutboxWorker).drain();
    buyer = await registerBuyer(t, { organisation: { name: 'Mairie de Test', buyerType: 'collectivite', nafCode: '84.11Z' } });
    web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
  });
  afterAll(() => t.close());

  /** A new draft through step 1; returns its id. */
  async function newDraft(client: WebClient, title = 'Tri automatique des courriers entrants'): Promise<string> {
    await client.get('/app/acheteur/besoins/nouveau');
    const res = await client.post('/app/acheteur/besoins/nouveau', {
      title,
      description: 'Nous recevons 300 courriers par jour et voulons les router vers les services.',
      useCases: ['DOC_PROCESSING'],
    });
    expect(res.status).toBe(303);
    return needIdFrom(res);
  }

  describe('posting a need in steps', () => {
    it('goes through the five steps, shows the market depth before submitting, and submits', async () => {
      const home = await web.get('/app/acheteur');
      expect(home.status).toBe(200);
      expect(visibleText(home.text)).toContain('Publier un besoin');

      const first = await web.get('/app/acheteur/besoins/nouveau');
      expect(first.status).toBe(200);
      expect(visibleText(first.text)).toContain('Étape 1 sur 5 : Quoi');
      expect(visibleText(first.text)).toContain('Traitement documentaire (OCR, extraction, classement)');
      // From the catalogue ("Déposer un besoin de ce type"): the use case comes ticked; an unknown one is ignored.
      const prefilled = await web.get('/app/acheteur/besoins/nouveau?useCase=DOC_PROCESSING');
      expect(prefilled.text).toMatch(/value="DOC_PROCESSING" checked/);
      expect((await web.get('/app/acheteur/besoins/nouveau?useCase=NOPE')).text).not.toMatch(/ checked>/);

      const created = await web.post('/app/acheteur/besoins/nouveau', {
        title: 'Tri automatique des courriers entrants',
        description: 'Nous recevons 300 courriers par jour et voulons les router vers les services.',
        useCases: ['DOC_PROCESSING'],
      });
      expect(created.status).toBe(303);
      const id = needIdFrom(created);
      expect(created.location).toBe(`/app/acheteur/besoins/${id}/etape/2?message=need-saved`);

      // Step 2: the commune defaults to the organisation's head office.
      const where = await web.get(created.location!);
      expect(where.status).toBe(200);
      expect(where.text).toContain('value="Nice (06088)"');
      let res = await web.post(`/app/acheteur/besoins/${id}/etape/2`, {
        version: versionIn(where.text),
        communeCode: 'Nice (06088)',
        reach: 'regional',
        acceptsRemote: 'true',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/app/acheteur/besoins/${id}/etape/3?message=need-saved`);

      // Step 3: amounts with spaces and a date typed the French way are understood.
      const budget = await web.get(res.location!);
      res = await web.post(`/app/acheteur/besoins/${id}/etape/3`, {
        version: versionIn(budget.text),
        minBudgetEur: '5 000',
        maxBudgetEur: '20000',
        budgetFirm: 'true',
        desiredStart: typedFrench(START),
        deadline: DEADLINE,
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/app/acheteur/besoins/${id}/etape/4?message=need-saved`);

      // Step 4: the market depth is already there; choosing a sensitivity ticks its suggestions.
      const data = await web.get(res.location!);
      expect(data.status).toBe(200);
      expect(visibleText(data.text)).toContain('Profondeur du marché');
      expect(visibleText(data.text)).toContain('Contrat de sous-traitance RGPD (art. 28)');
      const suggested = await web.post(`/app/acheteur/besoins/${id}/etape/4`, {
        version: versionIn(data.text),
        dataSensitivity: 'personal',
        minSovereigntyGrade: '',
      });
      expect(suggested.status).toBe(200);
      expect(visibleText(suggested.text)).toContain('Les exigences recommandées pour ces données sont cochées');
      // A collectivité gets the GDPR contract and data in the EU suggested, ticked.
      expect(suggested.text).toMatch(/value="GDPR_DPA" checked/);
      expect(suggested.text).toMatch(/value="DATA_IN_EU" checked/);
      expect(suggested.text).not.toMatch(/value="SECNUMCLOUD_OFFERING" checked/);

      res = await web.post(`/app/acheteur/besoins/${id}/etape/4`, {
        version: versionIn(suggested.text),
        dataSensitivity: 'personal',
        requirements: ['GDPR_DPA', 'DATA_IN_EU'],
        minSovereigntyGrade: 'B',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/app/acheteur/besoins/${id}/verification?message=need-saved`);

      // Step 5: the summary and the market depth, before submitting.
      const review = await web.get(res.location!);
      expect(review.status).toBe(200);
      const text = visibleText(review.text);
      expect(text).toContain('Étape 5 sur 5 : Vérification');
      expect(text).toContain('Nice (06088)');
      expect(text).toMatch(/5\s000\s€ – 20\s000\s€ · Budget ferme/);
      expect(text).toContain(shownFrench(START));
      expect(text).toContain('Données hébergées dans l’UE (ou chez le client)');
      expect(text).toContain('Profondeur du marché');
      const api = await request(t.server).get(`/needs/${id}/market-depth`).set(bearer(buyer)).expect(200);
      expect(api.body.eligible).toBeGreaterThanOrEqual(1);
      expect(text).toContain(`${api.body.eligible} offre`);
      expect(text).toContain('Par note de souveraineté');
      expect(text).toContain('Dans votre département');
      expect(text).toContain("Soumettre à la Maison de l'IA");
      expect(review.text).toContain(`href="/app/acheteur/besoins/${id}/etape/1"`);

      const submitted = await web.post(`/app/acheteur/besoins/${id}/soumettre`, { version: versionIn(review.text) });
      expect(submitted.status).toBe(303);
      expect(submitted.location).toBe(`/app/acheteur/besoins/${id}?message=need-submitted`);
      const page = await web.get(submitted.location!);
      expect(visibleText(page.text)).toContain('En relecture');
      expect(visibleText(page.text)).toContain("Le besoin est transmis à l'équipe de la Maison de l'IA");

      const stored = await request(t.server).get(`/needs/${id}`).set(bearer(buyer)).expect(200);
      expect(stored.body).toMatchObject({
        status: 'submitted',
        communeCode: '06088',
        reach: 'regional',
        acceptsRemote: true,
        minBudgetEur: 5000,
        maxBudgetEur: 20000,
        budgetFirm: true,
        desiredStart: START,
        deadline: DEADLINE,
        dataSensitivity: 'personal',
        requirements: ['GDPR_DPA', 'DATA_IN_EU'],
        minSovereigntyGrade: 'B',
      });

      // Submitted: the steps are closed, the list shows it with its French status.
      const closedStep = await web.get(`/app/acheteur/besoins/${id}/etape/1`);
      expect(closedStep.status).toBe(303);
      expect(closedStep.location).toBe(`/app/acheteur/besoins/${id}`);
      const list = await web.get('/app/acheteur');
      expect(list.text).toContain(`/app/acheteur/besoins/${id}`);
      expect(visibleText(list.text)).toContain('En relecture');
    });

    it('refreshes the market depth through htmx as the requirements change, ticking the suggestions of a new sensitivity', async () => {
      const id = await newDraft(web);
      const step = await web.get(`/app/acheteur/besoins/${id}/etape/4`);
      expect(step.text).toContain(`hx-post="/app/acheteur/besoins/${id}/profondeur"`);
      const htmx = { 'hx-request': 'true' };
      const res = await web.agent
        .post(`/app/acheteur/besoins/${id}/profondeur`)
        .set({ ...htmx, 'x-csrf-token': web.csrf })
        .type('form')
        .send(new URLSearchParams({ version: versionIn(step.text), dataSensitivity: 'health', minSovereigntyGrade: '' }).toString());
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('<html');
      expect(visibleText(res.text)).toContain('Profondeur du marché');
      expect(res.text).toMatch(/id="need-version" value="\d+" hx-swap-oob="true"/);
      expect(res.text).toMatch(/id="f-requirements" hx-swap-oob="true"/);
      expect(res.text).toMatch(/value="HDS_CERTIFIED" checked/);
      const stored = await request(t.server).get(`/needs/${id}`).set(bearer(buyer)).expect(200);
      expect(stored.body.dataSensitivity).toBe('health');
      expect(stored.body.requirements).toEqual(expect.arrayContaining(['HDS_CERTIFIED', 'DATA_IN_EU', 'GDPR_DPA']));

      // Unticking a box only refreshes the depth: no requirement block swapped under the cursor.
      const again = await web.agent
        .post(`/app/acheteur/besoins/${id}/profondeur`)
        .set({ ...htmx, 'x-csrf-token': web.csrf })
        .type('form')
        .send(
          new URLSearchParams([
            ['version', String(stored.body.version)],
            ['dataSensitivity', 'health'],
            ['requirements', 'HDS_CERTIFIED'],
          ]).toString(),
        );
      expect(again.status).toBe(200);
      expect(again.text).not.toContain('f-requirements');
      expect(visibleText(again.text)).toContain('Profondeur du marché');
    });

    it('reads the budget as firm while its box is ticked and as indicative once unticked, and says which in the summary', async () => {
      const id = await newDraft(web, 'Budget à tenir');
      const s3 = await web.get(`/app/acheteur/besoins/${id}/etape/3`);
      expect(visibleText(s3.text)).toContain('Mon budget est ferme');
      expect(visibleText(s3.text)).toContain('Coché : les offres hors de votre budget ne vous seront pas proposées.');
      expect(s3.text).not.toMatch(/name="budgetFirm" value="true"[^>]*checked/);
      const firm = await web.post(`/app/acheteur/besoins/${id}/etape/3`, {
        version: versionIn(s3.text),
        maxBudgetEur: '15000',
        budgetFirm: 'true',
      });
      expect(firm.status).toBe(303);
      expect((await request(t.server).get(`/needs/${id}`).set(bearer(buyer)).expect(200)).body).toMatchObject({
        maxBudgetEur: 15000,
        budgetFirm: true,
      });
      const again = await web.get(`/app/acheteur/besoins/${id}/etape/3`);
      expect(again.text).toMatch(/name="budgetFirm" value="true"[^>]*checked/);
      expect(visibleText((await web.get(`/app/acheteur/besoins/${id}/verification`)).text)).toMatch(/Jusqu'à 15\s000\s€ · Budget ferme/);

      // A browser sends nothing for an unticked box: the budget becomes indicative.
      const unticked = await web.post(`/app/acheteur/besoins/${id}/etape/3`, { version: versionIn(again.text), maxBudgetEur: '15000' });
      expect(unticked.status).toBe(303);
      expect((await request(t.server).get(`/needs/${id}`).set(bearer(buyer)).expect(200)).body.budgetFirm).toBe(false);
      expect(visibleText((await web.get(`/app/acheteur/besoins/${id}/verification`)).text)).toMatch(
        /Jusqu'à 15\s000\s€ · Budget indicatif/,
      );
    });

    it('tells a local need how many more offerings a wider reach would bring, with a way back to step 2', async () => {
      // A vendor in Paris only: out of reach of a local need in Nice, and of its région and the neighbouring ones.
      const paris = await registerVerifiedVendor(t, curator, { organisation: { name: 'Traduction Lutèce', communeCode: '75056' } });
      await createPublishedOffering(t, paris, {
        title: 'Traduction automatique des actes',
        useCases: ['TRANSLATION_SPEECH'],
        serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
      });
      const created = await web.post('/app/acheteur/besoins/nouveau', {
        title: 'Traduire les actes pour les résidents étrangers',
        description: 'Traduire en anglais et en italien les actes que nous délivrons.',
        useCases: ['TRANSLATION_SPEECH'],
      });
      const id = needIdFrom(created);
      const s2 = await web.get(`/app/acheteur/besoins/${id}/etape/2`);
      const local = await web.post(`/app/acheteur/besoins/${id}/etape/2`, {
        version: versionIn(s2.text),
        communeCode: '06088',
        reach: 'local',
      });
      expect(local.status).toBe(303);

      const api = await request(t.server).get(`/needs/${id}/market-depth`).set(bearer(buyer)).expect(200);
      expect(api.body).toMatchObject({
        eligible: 0,
        widerReach: [
          { reach: 'regional', more: 0 },
          { reach: 'national', more: 1 },
        ],
      });
      for (const path of [
        `/app/acheteur/besoins/${id}/etape/4`,
        `/app/acheteur/besoins/${id}/verification`,
        `/app/acheteur/besoins/${id}`,
      ]) {
        const page = await web.get(path);
        const text = visibleText(page.text);
        expect(text).toContain('En élargissant à toute la France : 1 offre de plus');
        expect(text).not.toContain('En élargissant à votre région');
        expect(text).not.toMatch(/\b(regional|national)\b/);
        expect(page.text).toContain(`<a href="/app/acheteur/besoins/${id}/etape/2">Modifier où chercher un fournisseur (étape 2)</a>`);
      }

      // Looking across France, the offering counts and there is nothing wider to tell.
      const s2again = await web.get(`/app/acheteur/besoins/${id}/etape/2`);
      await web.post(`/app/acheteur/besoins/${id}/etape/2`, { version: versionIn(s2again.text), communeCode: '06088', reach: 'national' });
      const wide = visibleText((await web.get(`/app/acheteur/besoins/${id}/etape/4`)).text);
      expect(wide).toContain('1 offre publiée répond');
      expect(wide).not.toContain('En élargissant');
    });

    it('keeps values and shows French errors with a 400 at each step', async () => {
      const empty = await web.post('/app/acheteur/besoins/nouveau', {
        title: '',
        description: 'Une description gardée',
        useCases: ['DOC_PROCESSING'],
      });
      expect(empty.status).toBe(400);
      expect(visibleText(empty.text)).toContain('Titre du besoin : Ce champ est obligatoire.');
      expect(empty.text).toContain('Une description gardée');
      expect(empty.text).toMatch(/value="DOC_PROCESSING" checked/);
      expect(empty.text).toContain('aria-invalid="true"');

      const id = await newDraft(web);
      const s1 = await web.get(`/app/acheteur/besoins/${id}/etape/1`);
      const long = await web.post(`/app/acheteur/besoins/${id}/etape/1`, {
        version: versionIn(s1.text),
        title: 'x'.repeat(201),
        description: 'Gardée',
        useCases: ['NOPE'],
      });
      expect(long.status).toBe(400);
      expect(visibleText(long.text)).toContain('Saisissez au plus 200 caractères.');
      expect(visibleText(long.text)).toContain("Cas d'usage inconnu.");
      expect(long.text).toContain('x'.repeat(201));

      const s2 = await web.get(`/app/acheteur/besoins/${id}/etape/2`);
      const commune = await web.post(`/app/acheteur/besoins/${id}/etape/2`, {
        version: versionIn(s2.text),
        communeCode: 'Atlantide-sur-Mer',
        reach: 'local',
      });
      expect(commune.status).toBe(400);
      expect(visibleText(commune.text)).toContain('Commune inconnue : tapez son nom ou son code postal');
      expect(commune.text).toContain('value="Atlantide-sur-Mer"');
      expect(commune.text).toMatch(/value="local" aria-describedby="[^"]+" checked/);
      const noCommune = await web.post(`/app/acheteur/besoins/${id}/etape/2`, { version: versionIn(s2.text), communeCode: '' });
      expect(noCommune.status).toBe(400);
      expect(visibleText(noCommune.text)).toContain('Commune : Ce champ est obligatoire.');

      const s3 = await web.get(`/app/acheteur/besoins/${id}/etape/3`);
      const notNumber = await web.post(`/app/acheteur/besoins/${id}/etape/3`, {
        version: versionIn(s3.text),
        minBudgetEur: 'beaucoup',
        maxBudgetEur: '1000',
        desiredStart: `31/02/${Number(START.slice(0, 4)) + 1}`,
      });
      expect(notNumber.status).toBe(400);
      expect(visibleText(notNumber.text)).toContain('Budget minimum : Saisissez un nombre entier.');
      expect(visibleText(notNumber.text)).toContain('Saisissez une date valide');
      expect(notNumber.text).toContain('value="beaucoup"');
      const inverted = await web.post(`/app/acheteur/besoins/${id}/etape/3`, {
        version: versionIn(s3.text),
        minBudgetEur: '30000',
        maxBudgetEur: '1000',
        desiredStart: DEADLINE,
        deadline: START,
      });
      expect(inverted.status).toBe(400);
      expect(visibleText(inverted.text)).toContain('Le budget maximum doit être supérieur ou égal au budget minimum.');
      expect(visibleText(inverted.text)).toContain("L'échéance ne peut pas précéder le début souhaité.");
      expect(inverted.text).toContain('value="30000"');

      const s4 = await web.get(`/app/acheteur/besoins/${id}/etape/4`);
      const tampered = await web.post(`/app/acheteur/besoins/${id}/etape/4`, {
        version: versionIn(s4.text),
        dataSensitivity: 'secret',
        requirements: ['GDPR_DPA', 'TELEPATHY'],
      });
      expect(tampered.status).toBe(400);
      expect(visibleText(tampered.text)).toContain('Sensibilité des données : Choisissez une valeur dans la liste.');
      expect(visibleText(tampered.text)).toContain('Exigences : Choisissez une valeur dans la liste.');
      expect(tampered.text).toMatch(/value="GDPR_DPA" checked/);

      // Someone saved in between: 409 in French, the typed values stay.
      const stale = await web.post(`/app/acheteur/besoins/${id}/etape/1`, { version: '1', title: 'Titre concurrent', useCases: [] });
      expect(stale.status).toBe(303);
      const staler = await web.post(`/app/acheteur/besoins/${id}/etape/1`, { version: '1', title: 'Titre perdu ?', useCases: [] });
      expect(staler.status).toBe(409);
      expect(visibleText(staler.text)).toContain("Quelqu'un a modifié cet élément entre-temps");
      expect(staler.text).toContain('value="Titre perdu ?"');
    });

    it('explains in French what an incomplete need lacks, and a requirement the data make compulsory', async () => {
      await web.get('/app/acheteur/besoins/nouveau');
      const created = await web.post('/app/acheteur/besoins/nouveau', { title: 'Juste un titre' });
      const id = needIdFrom(created);
      const review = await web.get(`/app/acheteur/besoins/${id}/verification`);
      expect(review.status).toBe(200);
      expect(visibleText(review.text)).toContain('Non renseigné');
      const incomplete = await web.post(`/app/acheteur/besoins/${id}/soumettre`, { version: versionIn(review.text) });
      expect(incomplete.status).toBe(409);
      const text = visibleText(incomplete.text);
      expect(text).toContain('Le besoin est incomplet');
      expect(text).toContain('Description (étape 1)');
      expect(text).toContain("Cas d'usage (étape 1)");
      expect(text).toContain('Où chercher un fournisseur (étape 2)');
      expect(text).toContain('Sensibilité des données (étape 4)');
      expect(incomplete.text).toContain(`href="/app/acheteur/besoins/${id}/etape/2"`);

      // Health data without the HDS host: complete the rest, untick HDS, submit.
      const other = await newDraft(web, 'Aide au tri des dossiers patients');
      const s2 = await web.get(`/app/acheteur/besoins/${other}/etape/2`);
      await web.post(`/app/acheteur/besoins/${other}/etape/2`, { version: versionIn(s2.text), communeCode: '06088', reach: 'national' });
      const s4 = await web.get(`/app/acheteur/besoins/${other}/etape/4`);
      const ticked = await web.post(`/app/acheteur/besoins/${other}/etape/4`, { version: versionIn(s4.text), dataSensitivity: 'health' });
      expect(ticked.status).toBe(200);
      expect(ticked.text).toMatch(/value="HDS_CERTIFIED" checked/);
      const unticked = await web.post(`/app/acheteur/besoins/${other}/etape/4`, {
        version: versionIn(ticked.text),
        dataSensitivity: 'health',
        requirements: ['GDPR_DPA'],
      });
      expect(unticked.status).toBe(303);
      const review2 = await web.get(`/app/acheteur/besoins/${other}/verification`);
      expect(visibleText(review2.text)).toContain('Recommandées mais non retenues');
      const refused = await web.post(`/app/acheteur/besoins/${other}/soumettre`, { version: versionIn(review2.text) });
      expect(refused.status).toBe(409);
      expect(visibleText(refused.text)).toContain('La sensibilité des données impose une exigence qui manque au besoin.');
      expect(visibleText(refused.text)).toContain('Exigence : Hébergeur certifié HDS (données de santé) (étape 4)');
    });
    it('shows the curator’s request for changes, lets the buyer edit and submit again', async () => {
      const id = await newDraft(web, 'Besoin à préciser');
      const s2 = await web.get(`/app/acheteur/besoins/${id}/etape/2`);
      await web.post(`/app/acheteur/besoins/${id}/etape/2`, { version: versionIn(s2.text), communeCode: '06088', reach: 'local' });
      const s4 = await web.get(`/app/acheteur/besoins/${id}/etape/4`);
      await web.post(`/app/acheteur/besoins/${id}/etape/4`, { version: versionIn(s4.text), dataSensitivity: 'none' });
      const review = await web.get(`/app/acheteur/besoins/${id}/verification`);
      expect((await web.post(`/app/acheteur/besoins/${id}/soumettre`, { version: versionIn(review.text) })).status).toBe(303);
      await request(t.server)
        .post(`/needs/${id}/request-changes`)
        .set(bearer(curator))
        .send({ message: 'Précisez le volume de courriers par service.' })
        .expect(200);

      const page = await web.get(`/app/acheteur/besoins/${id}`);
      const text = visibleText(page.text);
      expect(text).toContain('Modifications demandées');
      expect(text).toContain('Précisez le volume de courriers par service.');
      expect(page.text).toContain(`href="/app/acheteur/besoins/${id}/etape/1"`);
      const s1 = await web.get(`/app/acheteur/besoins/${id}/etape/1`);
      expect(s1.status).toBe(200);
      const saved = await web.post(`/app/acheteur/besoins/${id}/etape/1`, {
        version: versionIn(s1.text),
        title: 'Besoin à préciser',
        description: 'Environ 120 courriers par jour pour l’état civil, 180 pour l’urbanisme.',
        useCases: ['DOC_PROCESSING'],
      });
      expect(saved.location).toBe(`/app/acheteur/besoins/${id}/etape/2?message=need-changes-saved`);
      const again = await web.get(`/app/acheteur/besoins/${id}/verification`);
      expect(visibleText(again.text)).toContain('Précisez le volume de courriers par service.');
      const resubmitted = await postAndFollow(web, `/app/acheteur/besoins/${id}/soumettre`, { version: versionIn(again.text) });
      expect(visibleText(resubmitted.text)).toContain('En relecture');
    });
  });

  describe('permissions', () => {
    let needId: string;
    beforeAll(async () => {
      needId = await newDraft(web, 'Un besoin privé');
    });

    it("answers another buyer's need with a 404 page, on every step and action", async () => {
      const other = await registerBuyer(t);
      const stranger = await webSignIn(t, { email: other.email, password: TEST_PASSWORD });
      for (const path of [
        `/app/acheteur/besoins/${needId}`,
        `/app/acheteur/besoins/${needId}/etape/1`,
        `/app/acheteur/besoins/${needId}/verification`,
      ]) {
        const res = await stranger.get(path);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain('Un besoin privé');
      }
      for (const path of [
        `/app/acheteur/besoins/${needId}/etape/1`,
        `/app/acheteur/besoins/${needId}/soumettre`,
        `/app/acheteur/besoins/${needId}/profondeur`,
      ]) {
        const res = await stranger.post(path, { version: '1', title: 'Piraté' });
        expect(res.status).toBe(404);
      }
      const stored = await request(t.server).get(`/needs/${needId}`).set(bearer(buyer)).expect(200);
      expect(stored.body.title).toBe('Un besoin privé');
    });

    it('refuses vendors with a 403 page, sends anonymous visitors to the login page, and answers an unknown step with 404', async () => {
      const vendor = await registerVendor(t);
      const vendorWeb = await webSignIn(t, { email: vendor.email, password: TEST_PASSWORD });
      for (const path of ['/app/acheteur', `/app/acheteur/besoins/${needId}`, '/app/acheteur/besoins/nouveau']) {
        const res = await vendorWeb.get(path);
        expect(res.status).toBe(403);
        expect(visibleText(res.text)).toContain('Accès refusé');
      }
      const anonymous = new WebClient(t);
      const res = await anonymous.get(`/app/acheteur/besoins/${needId}`);
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/app/connexion?retour=${encodeURIComponent(`/app/acheteur/besoins/${needId}`)}`);
      expect((await web.get(`/app/acheteur/besoins/${needId}/etape/7`)).status).toBe(404);
      expect((await web.get('/app/acheteur/besoins/pas-un-id')).status).toBe(404);
    });

    it('tells a pending member that their membership awaits validation', async () => {
      const pending = await registerBuyer(t, { organisation: { siren: buyer.organisation.siren } });
      expect(pending.membershipStatus).toBe('pending');
      const pendingWeb = await webSignIn(t, { email: pending.email, password: TEST_PASSWORD });
      const home = await pendingWeb.get('/app/acheteur');
      expect(home.status).toBe(200);
      expect(visibleText(home.text)).toContain("Votre adhésion à votre organisation attend la validation d'un de ses membres.");
      expect(home.text).not.toContain('Un besoin privé');
      expect((await pendingWeb.get('/app/acheteur/besoins/nouveau')).location).toBe('/app/acheteur');
      expect(visibleText((await pendingWeb.get('/app/mises-en-relation')).text)).toContain('attend la validation');
    });
  });

  describe('introductions', () => {
    const vendorPhone = '+33 4 93 11 22 33';
    const buyerPhone = '+33 6 12 34 56 78';

    it('hides the other side’s contacts until both accepted, then shows them to each side', async () => {
      const pair = await eligiblePair(t, curator, {
        vendor: { phone: vendorPhone },
        buyer: { phone: buyerPhone, organisation: { name: 'Commune Discrète' } },
      });
      const intro = await proposeIntroduction(t, curator, pair);
      const buyerWeb = await webSignIn(t, { email: pair.buyer.email, password: TEST_PASSWORD });
      const vendorWeb = await webSignIn(t, { email: pair.vendor.email, password: TEST_PASSWORD });
      const path = `/app/mises-en-relation/${intro.id}`;

      const list = await buyerWeb.get('/app/mises-en-relation');
      expect(list.status).toBe(200);
      expect(list.text).toContain(path);
      expect(visibleText(list.text)).toContain('à votre réponse');
      expect(visibleText((await buyerWeb.get('/app/acheteur')).text)).toContain('Mises en relation qui attendent votre réponse');

      const before = await buyerWeb.get(path);
      expect(before.status).toBe(200);
      expect(before.text).not.toContain(pair.vendor.email);
      expect(before.text).not.toContain(vendorPhone);
      expect(visibleText(before.text)).toContain('Accepter la mise en relation');
      const vendorBefore = await vendorWeb.get(path);
      expect(vendorBefore.text).not.toContain(pair.buyer.email);
      expect(vendorBefore.text).not.toContain(buyerPhone);
      expect(vendorBefore.text).not.toContain('Commune Discrète');
      expect(visibleText(vendorBefore.text)).toContain("Le nom de l'acheteur et coordonnées apparaîtront ici");

      const accepted = await buyerWeb.post(`${path}/accepter`, { version: versionIn(before.text) });
      expect(accepted.status).toBe(303);
      expect(accepted.location).toBe(`${path}?message=introduction-accepted`);
      const waiting = await buyerWeb.get(accepted.location!);
      expect(visibleText(waiting.text)).toContain('Vous avez accepté la mise en relation.');
      expect(visibleText(waiting.text)).toContain('la réponse du fournisseur est attendue');
      expect(waiting.text).not.toContain(pair.vendor.email);
      expect(waiting.text).not.toContain('Accepter la mise en relation');

      const vendorPage = await vendorWeb.get(path);
      expect(vendorPage.text).not.toContain(pair.buyer.email);
      const connected = await postAndFollow(vendorWeb, `${path}/accepter`, { version: versionIn(vendorPage.text) });
      expect(visibleText(connected.text)).toContain('En relation');
      expect(connected.text).toContain(pair.buyer.email);
      expect(connected.text).toContain(buyerPhone);
      expect(connected.text).toContain('Commune Discrète');

      const buyerAfter = await buyerWeb.get(path);
      expect(buyerAfter.text).toContain(pair.vendor.email);
      expect(buyerAfter.text).toContain(vendorPhone);
      expect(buyerAfter.text).toContain(`href="mailto:${pair.vendor.email}"`);
      expect(visibleText(buyerAfter.text)).toContain('Indiquer que le rendez-vous a eu lieu');

      // The need page lists the introduction; the follow-up goes on to its outcome.
      const needPage = await buyerWeb.get(`/app/acheteur/besoins/${pair.needId}`);
      expect(needPage.text).toContain(path);
      const met = await postAndFollow(buyerWeb, `${path}/rendez-vous`, { version: versionIn(buyerAfter.text) });
      expect(visibleText(met.text)).toContain('Rendez-vous tenu le');
      const incomplete = await vendorWeb.post(`${path}/issue`, { version: versionIn(met.text), outcome: 'won' });
      expect(incomplete.status).toBe(400);
      expect(visibleText(incomplete.text)).toContain('Indiquez la tranche de montant (ou le montant exact).');
      expect(visibleText(incomplete.text)).toContain('Indiquez la date de début du contrat.');
      const won = await postAndFollow(vendorWeb, `${path}/issue`, {
        version: versionIn(met.text),
        outcome: 'won',
        valueBand: '5k_20k',
        amountEur: '12 000',
        startDate: '2027-02-01',
        public: 'true',
        lostReason: '',
      });
      expect(visibleText(won.text)).toContain('Contrat signé');
      expect(visibleText(won.text)).toMatch(/Montant du contrat\s*12\s000\s€ HT/);
      expect(visibleText(won.text)).toContain('Oui, le contrat peut être cité');
      expect(visibleText((await buyerWeb.get('/app/mises-en-relation')).text)).toMatch(/Contrat signé\s+12\s000\s€ HT/);

      // The buyer closes the need with its outcome.
      const need = await buyerWeb.get(`/app/acheteur/besoins/${pair.needId}`);
      expect(visibleText(need.text)).toContain('Clore le besoin');
      const noOutcome = await buyerWeb.post(`/app/acheteur/besoins/${pair.needId}/clore`, { version: versionIn(need.text), outcome: '' });
      expect(noOutcome.status).toBe(400);
      expect(visibleText(noOutcome.text)).toContain('Ce champ est obligatoire.');
      const closed = await postAndFollow(buyerWeb, `/app/acheteur/besoins/${pair.needId}/clore`, {
        version: versionIn(need.text),
        outcome: 'won',
      });
      expect(visibleText(closed.text)).toContain('Besoin clos le');
      expect(visibleText(closed.text)).toContain('Un fournisseur a été retenu');
      expect(visibleText(closed.text)).not.toContain('Clore le besoin');
    });

    it('declines with a reason, in French, and then offers no more answer', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      const vendorWeb = await webSignIn(t, { email: pair.vendor.email, password: TEST_PASSWORD });
      const path = `/app/mises-en-relation/${intro.id}`;
      const page = await vendorWeb.get(path);
      const version = versionIn(page.text);

      const noReason = await vendorWeb.post(`${path}/decliner`, { version, reason: '', comment: 'Gardé' });
      expect(noReason.status).toBe(400);
      expect(visibleText(noReason.text)).toContain('Raison : Choisissez une raison.');
      expect(noReason.text).toContain('Gardé');
      const otherWithout = await vendorWeb.post(`${path}/decliner`, { version, reason: 'other' });
      expect(otherWithout.status).toBe(400);
      expect(visibleText(otherWithout.text)).toContain('Commentaire : Précisez la raison en quelques mots.');
      expect(otherWithout.text).toMatch(/value="other" selected/);

      const declined = await postAndFollow(vendorWeb, `${path}/decliner`, {
        version,
        reason: 'no_capacity',
        comment: "Équipe complète jusqu'en juin.",
      });
      expect(visibleText(declined.text)).toContain('Vous avez décliné la mise en relation.');
      expect(visibleText(declined.text)).toContain("par le fournisseur : Pas de disponibilité pour l'instant");
      expect(declined.text).not.toContain('Accepter la mise en relation');

      const late = await vendorWeb.post(`${path}/accepter`, {});
      expect(late.status).toBe(409);
      expect(visibleText(late.text)).toContain("Cette mise en relation n'accepte plus cette action.");

      const buyerWeb = await webSignIn(t, { email: pair.buyer.email, password: TEST_PASSWORD });
      const buyerView = await buyerWeb.get(path);
      expect(visibleText(buyerView.text)).toContain('Déclinée par le fournisseur');
      expect(buyerView.text).not.toContain('Accepter la mise en relation');
    });

    it('keeps introductions to their parties: 404 to another organisation, 403 to curators, login for anonymous', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      const path = `/app/mises-en-relation/${intro.id}`;
      const otherVendor = await webSignIn(t, await registerVendor(t));
      expect((await otherVendor.get(path)).status).toBe(404);
      expect((await otherVendor.post(`${path}/accepter`, {})).status).toBe(404);
      expect((await web.get(path)).status).toBe(404);
      const curatorWeb = await webSignIn(t, { email: curator.email, password: TEST_PASSWORD });
      expect((await curatorWeb.get('/app/mises-en-relation')).status).toBe(403);
      const anonymous = await new WebClient(t).get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toContain('/app/connexion?retour=');
    });
  });
});

import request from 'supertest';
import { bearer, createCurator, registerBuyer, TEST_PASSWORD, type TestSession } from '../support/auth.js';
import { createNeed, eligiblePair, proposeIntroduction, type Pair } from '../support/introductions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, webSignIn } from '../support/web.js';

const versionIn = (html: string): string => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

/**
 * Issue 23: the vendor sees the need's budget, dates, data sensitivity and requirements before
 * deciding on an introduction (still without the buyer's name); requirements read as sentences;
 * a start date in the past is refused when typed and flagged when stored.
 */
describe('a need in plain words', () => {
  let t: TestApp;
  let curator: TestSession;
  let pair: Pair;
  let introductionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    pair = await eligiblePair(t, curator, { buyer: { organisation: { name: 'Mairie Discrète', buyerType: 'collectivite' } } });
    introductionId = (await proposeIntroduction(t, curator, pair)).id;
  });
  afterAll(() => t.close());

  it('gives the vendor the need’s budget, dates, sensitivity and requirements through the API, not the buyer', async () => {
    const res = await request(t.server).get(`/introductions/${introductionId}`).set(bearer(pair.vendor)).expect(200);
    expect(res.body.status).toBe('proposed');
    expect(res.body.need).toMatchObject({
      buyerType: 'collectivite',
      minBudgetEur: 5000,
      maxBudgetEur: 20000,
      budgetFirm: false,
      desiredStart: '2027-01-15',
      deadline: '2027-06-30',
      dataSensitivity: 'personal',
      requirements: ['GDPR_DPA'],
      minSovereigntyGrade: null,
    });
    expect(res.body.buyer).toEqual({ organisationId: null, name: null, contacts: null });
  });

  it('shows them on the vendor’s page before the decision, each requirement as a sentence', async () => {
    const web = await webSignIn(t, { email: pair.vendor.email, password: TEST_PASSWORD });
    const page = await web.get(`/app/mises-en-relation/${introductionId}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Budget (HT)');
    expect(text).toMatch(/5\s000\s€/);
    expect(text).toContain('15 janvier 2027');
    expect(text).toContain('Données personnelles');
    expect(text).toContain('Collectivité');
    expect(text).toContain('Contrat de sous-traitance RGPD (art. 28) : Le fournisseur doit signer un contrat de sous-traitance RGPD');
    expect(text).not.toContain('Mairie Discrète');
  });

  it('says on each side’s page, and on the curators’ board, what happens next', async () => {
    const vendorPage = await (
      await webSignIn(t, { email: pair.vendor.email, password: TEST_PASSWORD })
    ).get(`/app/mises-en-relation/${introductionId}`);
    expect(visibleText(vendorPage.text)).toContain(
      "Et ensuite ? À vous de répondre, comme à l'acheteur ; vous recevrez un e-mail quand l'acheteur aura répondu",
    );
    const buyerPage = await (
      await webSignIn(t, { email: pair.buyer.email, password: TEST_PASSWORD })
    ).get(`/app/mises-en-relation/${introductionId}`);
    expect(visibleText(buyerPage.text)).toContain('Et ensuite ? À vous de répondre, comme au fournisseur');
    const board = await (await webSignIn(t, { email: curator.email, password: TEST_PASSWORD })).get('/app/curation/mises-en-relation');
    expect(visibleText(board.text)).toContain("Et ensuite : Le fournisseur et l'acheteur doivent chacun accepter ou décliner");
  });

  it('folds the expert requirements under « Exigences avancées » on the buyer’s need and explains each box of step 4', async () => {
    const buyer = await registerBuyer(t);
    const need = await createNeed(t, buyer, { dataSensitivity: 'health', requirements: ['DATA_IN_EU', 'HDS_CERTIFIED'] });
    const web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
    const page = await web.get(`/app/acheteur/besoins/${need.id}`);
    expect(page.status).toBe(200);
    const advanced = page.text.slice(page.text.indexOf('<summary>Exigences avancées (1)</summary>'));
    expect(advanced).toContain('Hébergeur certifié HDS');
    expect(visibleText(page.text)).toContain("Les données doivent être stockées dans l'Union européenne, ou chez vous.");

    const step4 = await web.get(`/app/acheteur/besoins/${need.id}/etape/4`);
    expect(step4.text).toContain('<summary>Exigences avancées');
    expect(visibleText(step4.text)).toContain('Vos données ne doivent jamais servir à entraîner');
    expect(step4.text).toMatch(/aria-describedby="f-requirements-o-\d+-help"/);
  });

  it('refuses a start date typed in the past, and warns on a need that already has one', async () => {
    const buyer = await registerBuyer(t);
    const need = await createNeed(t, buyer);
    const web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
    const form = await web.get(`/app/acheteur/besoins/${need.id}/etape/3`);
    const refused = await web.post(`/app/acheteur/besoins/${need.id}/etape/3`, {
      version: versionIn(form.text),
      minBudgetEur: '5000',
      maxBudgetEur: '20000',
      desiredStart: '01/03/2024',
    });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain(
      "Début souhaité : Cette date est déjà passée : choisissez aujourd'hui ou une date à venir.",
    );

    await t.dataSource.query("UPDATE need SET desired_start = '2024-03-01' WHERE id = $1", [need.id]);
    const page = visibleText((await web.get(`/app/acheteur/besoins/${need.id}`)).text);
    expect(page).toContain('La date de début souhaitée est déjà passée.');
    // The stored date does not block the other fields of the step.
    const again = await web.get(`/app/acheteur/besoins/${need.id}/etape/3`);
    const kept = await web.post(`/app/acheteur/besoins/${need.id}/etape/3`, {
      version: versionIn(again.text),
      minBudgetEur: '6000',
      maxBudgetEur: '20000',
      desiredStart: '2024-03-01',
    });
    expect(kept.status).toBe(303);
  });
});

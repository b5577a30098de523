import request from 'supertest';
import { USE_CASE_CODES } from '../src/reference/data/use-case.types.js';
import { OFFERING_DOCUMENT_SOURCE, type OfferingDocumentSource } from '../src/search/offering-document.source.js';
import { SEARCH_INDEX, type SearchIndex } from '../src/search/search-index.port.js';
import { bearer, createCurator, registerBuyer, type RegisteredSession, type TestSession } from './support/auth.js';
import { createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * Issue 26, "matching a curator can trust": on one need for a bakery's sales forecast,
 *   specialist  claims SALES_FORECAST only
 *   catchAll    claims every use case, the same text and everything else equal
 *   offTopic    a phishing filter: no shared use case, a few shared generic words
 * The specialist must beat the catch-all by a clear margin; the off-topic offering is neither a
 * match nor a lead, and curators see it under "autres pistes".
 */
const ALL_USE_CASES = [...USE_CASE_CODES];

const offering = (overrides: Record<string, unknown> = {}) => ({
  title: 'Prévision des ventes pour commerces de proximité',
  summary: 'Prévoir les ventes de chaque jour pour produire juste.',
  description: 'Modèle de prévision des ventes à partir de l’historique de caisse, de la météo et du calendrier.',
  useCases: ['SALES_FORECAST'],
  sectors: [],
  serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
  pricing: { model: 'subscription', minBudgetEur: 1000, maxBudgetEur: 20000 },
  targetBuyerTypes: ['pme'],
  evidence: [],
  ...overrides,
});

describe('Relevance (issue 26): use-case specificity and the relevance floor', () => {
  let t: TestApp;
  let curator: TestSession;
  let buyer: RegisteredSession;
  let offTopicVendor: RegisteredSession;
  const ids: Record<string, string> = {};
  let needId: string;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    buyer = await registerBuyer(t, {
      organisation: { name: 'Boulangerie Test', buyerType: 'pme', communeCode: '06088', nafCode: '10.71C' },
    });
    const vendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '75056', name: 'Prévi Ventes' } });
    offTopicVendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '75056', name: 'Anti Hameçon' } });
    ids.specialist = (await createPublishedOffering(t, vendor, offering())).id;
    ids.catchAll = (await createPublishedOffering(t, vendor, offering({ useCases: ALL_USE_CASES }))).id;
    ids.offTopic = (
      await createPublishedOffering(
        t,
        offTopicVendor,
        offering({
          title: 'Filtre anti-hameçonnage des courriels',
          summary: 'Bloque les courriels frauduleux avant la boîte de réception.',
          description: 'Analyse des liens et des pièces jointes, pour les commerces et les PME.',
          useCases: ['CYBERSECURITY'],
        }),
      )
    ).id;
    const source = t.app.get<OfferingDocumentSource>(OFFERING_DOCUMENT_SOURCE);
    await t.app.get<SearchIndex>(SEARCH_INDEX).upsert(await source.documentsFor(Object.values(ids)));
    const created = await request(t.server)
      .post('/needs')
      .set(bearer(buyer))
      .send({
        title: 'Prévoir les ventes de la boulangerie',
        description:
          'Nous jetons trop de pain le soir : nous voulons prévoir les ventes de chaque jour pour les commerces de notre boulangerie.',
        useCases: ['SALES_FORECAST'],
        reach: 'national',
        desiredStart: '2027-02-01',
        dataSensitivity: 'none',
        requirements: [],
      })
      .expect(201);
    needId = created.body.id;
    await request(t.server).post(`/needs/${needId}/submit`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server).post(`/needs/${needId}/publish`).set(bearer(curator)).send({}).expect(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ranks the specialist above the catch-all by a clear margin, with the reason', async () => {
    const res = await request(t.server).get(`/needs/${needId}/matches`).set(bearer(buyer)).expect(200);
    const byId = new Map(res.body.items.map((m: { offering: { id: string } }) => [m.offering.id, m]));
    const specialist = byId.get(ids.specialist) as { rank: number; total: number };
    const catchAll = byId.get(ids.catchAll) as {
      rank: number;
      total: number;
      criteria: { criterion: string; score: number; reason: string }[];
    };
    expect(specialist.rank).toBe(1);
    expect(specialist.total - catchAll.total).toBeGreaterThanOrEqual(15);
    expect(catchAll.criteria.find((c) => c.criterion === 'useCase')).toEqual(
      expect.objectContaining({
        score: 20,
        reason: "Couvre le cas d'usage demandé, mais l'offre revendique 18 cas d'usage : crédit réduit à 20 %.",
      }),
    );
    expect(res.body.scoringVersion).not.toBe('2026-11.1');
  });

  it('never ranks the off-topic offering among the matches, and lists it to curators as an "autre piste"', async () => {
    const res = await request(t.server).get(`/needs/${needId}/matches?includeExcluded=true`).set(bearer(curator)).expect(200);
    expect(res.body.items.map((m: { offering: { id: string } }) => m.offering.id)).not.toContain(ids.offTopic);
    // The phishing filter shares generic words with the need: retrieved by text, then held by the floor.
    expect(res.body.otherLeads.map((o: { offering: { id: string } }) => o.offering.id)).toEqual([ids.offTopic]);
    for (const other of res.body.otherLeads as { offering: { id: string }; kind: string; reason: string }[]) {
      expect(other.kind).toBe('off_topic');
      expect(other.reason).toMatch(
        /^Aucun cas d'usage en commun avec le besoin et pertinence du texte insuffisante \(\d+\/100, seuil 50\)\.$/,
      );
    }
    const buyerView = await request(t.server).get(`/needs/${needId}/matches`).set(bearer(buyer)).expect(200);
    expect(buyerView.body.otherLeads).toBeUndefined();
  });

  it("never offers the need among the off-topic offering's leads", async () => {
    const res = await request(t.server).get(`/offerings/${ids.offTopic}/leads`).set(bearer(offTopicVendor)).expect(200);
    expect(res.body.items.map((l: { need: { id: string } }) => l.need.id)).not.toContain(needId);
  });
});

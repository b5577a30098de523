import request from 'supertest';
import { USE_CASE_CODES } from '../src/reference/data/use-case.types.js';
import { bearer, createCurator, type RegisteredSession, type TestSession } from './support/auth.js';
import { forecastOffering, forecastScenario } from './support/forecast-scenario.js';
import { createPublishedOffering } from './support/offerings.js';
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
    const scenario = await forecastScenario(t, curator);
    ({ buyer, offTopicVendor, needId } = scenario);
    ids.specialist = scenario.specialistId;
    ids.offTopic = scenario.offTopicId;
    ids.catchAll = (await createPublishedOffering(t, scenario.vendor, forecastOffering({ useCases: ALL_USE_CASES }))).id;
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

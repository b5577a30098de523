import request from 'supertest';
import { luhnSiret } from '../src/demo/demo-data.js';
import { TextRelevance } from '../src/matches/ranking/text-relevance.js';
import { SEARCH_INDEX, type SearchIndex } from '../src/search/search-index.port.js';
import { bearer, createCurator, randomSiren, registerBuyer, type RegisteredSession, type TestSession } from './support/auth.js';
import { createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { FakeMeilisearch } from './support/fake-meilisearch.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * Issue 26's acceptance, the parts decision 021 adds: lexical text relevance (keyword stuffing
 * earns nothing, taxonomy labels are not the offering's words, the search index plays no part),
 * the need's reach honoured (with "autres pistes" and the "en élargissant" counts), and a budget
 * that is fit unless the buyer marks it firm. A town hall in Nice wants its mail read and routed.
 */

interface Criterion {
  criterion: string;
  score: number;
  reason: string;
}
interface Match {
  rank: number;
  total: number;
  offering: { id: string };
  criteria: Criterion[];
}
interface OtherLead {
  offering: { id: string };
  kind: string;
  reason: string;
}

const MAIL_TEXT = {
  title: 'Lecture et routage automatique du courrier entrant',
  summary: 'Le courrier papier et les courriels des usagers sont lus, classés et envoyés au bon service.',
  description:
    'Numérisation, reconnaissance des caractères, extraction de l’expéditeur et de l’objet, classement par service municipal et suivi des délais de réponse aux usagers.',
};

const offering = (overrides: Record<string, unknown> = {}) => ({
  ...MAIL_TEXT,
  useCases: ['DOC_PROCESSING'],
  sectors: [],
  serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
  pricing: { model: 'project', minBudgetEur: 5000, maxBudgetEur: 30000 },
  targetBuyerTypes: ['collectivite'],
  evidence: [],
  ...overrides,
});

describe('Matching a curator can trust (issue 26, decision 021)', () => {
  let t: TestApp;
  let curator: TestSession;
  let buyer: RegisteredSession;
  let lille: RegisteredSession;
  let paris: RegisteredSession;
  let parisNiceSiret: string;
  const ids: Record<string, string> = {};

  const createNeed = async (body: Record<string, unknown>): Promise<string> => {
    const res = await request(t.server)
      .post('/needs')
      .set(bearer(buyer))
      .send({
        title: 'Lire et router le courrier des usagers',
        description:
          'La mairie reçoit chaque jour du courrier papier et des courriels des usagers : nous voulons les lire, les classer et les envoyer au bon service municipal, avec le suivi des délais de réponse.',
        useCases: ['DOC_PROCESSING'],
        dataSensitivity: 'none',
        requirements: [],
        ...body,
      })
      .expect(201);
    await request(t.server).post(`/needs/${res.body.id}/submit`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server).post(`/needs/${res.body.id}/publish`).set(bearer(curator)).send({}).expect(200);
    return res.body.id as string;
  };
  const matchesOf = async (needId: string, who: { accessToken: string } = buyer, query = '') =>
    (await request(t.server).get(`/needs/${needId}/matches${query}`).set(bearer(who)).expect(200)).body as {
      items: Match[];
      otherLeads?: OtherLead[];
      excluded?: { offering: { id: string }; exclusions: { rule: string }[] }[];
    };
  const idsOf = (items: { offering: { id: string } }[]) => items.map((m) => m.offering.id);
  const criterion = (m: Match, name: string) => m.criteria.find((c) => c.criterion === name) as Criterion;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    buyer = await registerBuyer(t, {
      organisation: { name: 'Mairie de Nice-Test', buyerType: 'collectivite', communeCode: '06088', nafCode: '84.11Z' },
    });
    const antibes = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '06004', name: 'Antibes Courrier' } });
    const valbonne = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '06152', name: 'Valbonne Tri' } });
    lille = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '59350', name: 'Lille Courrier' } });
    const siren = randomSiren();
    parisNiceSiret = luhnSiret(siren, 33);
    paris = await registerVerifiedVendor(t, curator, {
      organisation: {
        siren,
        name: 'Paris Partout',
        communeCode: '75056',
        establishments: [{ siret: parisNiceSiret, communeCode: '06088' }],
      },
    });
    ids.substantive = (await createPublishedOffering(t, antibes, offering())).id;
    ids.stuffed = (
      await createPublishedOffering(
        t,
        valbonne,
        offering({
          title: 'Courrier courrier courrier : courrier usagers, courrier mairie, courrier service',
          summary: 'Courrier, courrier, courrier, courrier, courrier, courrier, courrier, courrier, courrier, courrier.',
          description:
            'Courrier entrant, courrier usagers, courrier service, courrier mairie, courrier classé, courrier routé, courrier lu, courrier suivi, courrier réponse, courrier délais.',
        }),
      )
    ).id;
    ids.lille = (await createPublishedOffering(t, lille, offering())).id;
    ids.paris = (await createPublishedOffering(t, paris, offering())).id;
    ids.pricey = (
      await createPublishedOffering(t, antibes, offering({ pricing: { model: 'project', minBudgetEur: 60000, maxBudgetEur: 90000 } }))
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('text relevance', () => {
    it('ranks the substantive offering above the keyword-stuffed one: repetition earns nothing, stuffing lowers the text score', async () => {
      const needId = await createNeed({ reach: 'national', minBudgetEur: 5000, maxBudgetEur: 30000 });
      const { items } = await matchesOf(needId);
      const substantive = items.find((m) => m.offering.id === ids.substantive) as Match;
      const stuffed = items.find((m) => m.offering.id === ids.stuffed);
      expect(substantive.rank).toBe(1);
      if (stuffed) {
        expect(criterion(stuffed, 'text').score).toBeLessThan(criterion(substantive, 'text').score / 2);
        expect(stuffed.rank).toBeGreaterThan(substantive.rank);
      }
      expect(criterion(substantive, 'text').score).toBeGreaterThanOrEqual(60);
      expect(criterion(substantive, 'text').reason).toMatch(/^Proximité de vocabulaire forte/);
    });

    it('does not count the taxonomy labels of the use cases as the offering’s words', async () => {
      // "Traitement de documents" labels DOC_PROCESSING; none of the offerings' own texts says "document".
      const text = t.app.get(TextRelevance);
      const scores = await text.scores('traitement de documents', [ids.substantive, ids.lille]);
      expect(scores.byId.get(ids.substantive) ?? 0).toBe(0);
      const own = await text.scores('routage du courrier des usagers', [ids.substantive]);
      expect(own.byId.get(ids.substantive)).toBeGreaterThan(0);
    });

    it('ranks the same with the search index down: matching reads its own lexemes', async () => {
      const needId = await createNeed({ reach: 'national' });
      const before = await matchesOf(needId);
      const index = t.app.get<SearchIndex>(SEARCH_INDEX);
      const saved = { search: index.search, upsert: index.upsert };
      const down = () => Promise.reject(new Error('search down'));
      Object.assign(index, { search: down, upsert: down });
      try {
        expect((await matchesOf(needId)).items).toEqual(before.items);
      } finally {
        Object.assign(index, saved);
      }
    });
  });

  describe('reach', () => {
    it('keeps a far vendor out of a local need’s matches, and lists it to curators with the reason', async () => {
      const needId = await createNeed({ reach: 'local', minBudgetEur: 5000, maxBudgetEur: 30000 });
      const { items } = await matchesOf(needId);
      expect(idsOf(items)).toContain(ids.substantive);
      expect(idsOf(items)).not.toContain(ids.lille);
      // An unconfirmed establishment in Nice does not make the Paris vendor local.
      expect(idsOf(items)).not.toContain(ids.paris);

      const staff = await matchesOf(needId, curator, '?includeExcluded=true');
      const lilleLead = staff.otherLeads?.find((o) => o.offering.id === ids.lille);
      expect(lilleLead).toEqual(
        expect.objectContaining({ kind: 'out_of_reach', reason: 'Hors du périmètre local demandé (fournisseur basé à Lille).' }),
      );
      expect(staff.otherLeads?.find((o) => o.offering.id === ids.paris)?.kind).toBe('out_of_reach');
      // Reach is no hard rule: curators may still introduce, so it is not among the exclusions.
      expect((staff.excluded ?? []).map((e) => e.offering.id)).not.toContain(ids.lille);
      expect((await matchesOf(needId)).otherLeads).toBeUndefined();
    });

    it('says how many more offerings a wider reach would bring', async () => {
      const needId = await createNeed({ reach: 'local', minBudgetEur: 5000, maxBudgetEur: 30000 });
      const depth = await request(t.server).get(`/needs/${needId}/market-depth`).set(bearer(buyer)).expect(200);
      // Lille and Paris: neither in PACA nor in a neighbouring région.
      expect(depth.body.widerReach).toEqual([
        { reach: 'regional', more: 0 },
        { reach: 'national', more: 2 },
      ]);
      const national = await createNeed({ reach: 'national', minBudgetEur: 5000, maxBudgetEur: 30000 });
      const wide = await request(t.server).get(`/needs/${national}/market-depth`).set(bearer(buyer)).expect(200);
      expect(wide.body.widerReach).toEqual([]);
      expect(wide.body.eligible).toBe(depth.body.eligible + 2);
    });

    it('counts a confirmed establishment: the Paris vendor becomes local once a curator confirms its Nice site', async () => {
      const needId = await createNeed({ reach: 'local', minBudgetEur: 5000, maxBudgetEur: 30000 });
      await request(t.server)
        .post(`/vendors/${paris.organisationId}/establishments/${parisNiceSiret}/confirmation`)
        .set(bearer(curator))
        .expect(200);
      try {
        expect(idsOf((await matchesOf(needId)).items)).toContain(ids.paris);
      } finally {
        await request(t.server)
          .delete(`/vendors/${paris.organisationId}/establishments/${parisNiceSiret}/confirmation`)
          .set(bearer(curator))
          .expect(200);
      }
      expect(idsOf((await matchesOf(needId)).items)).not.toContain(ids.paris);
    });

    it('never offers a local need among a far vendor’s leads', async () => {
      const needId = await createNeed({ reach: 'local' });
      const far = await request(t.server).get(`/offerings/${ids.lille}/leads`).set(bearer(lille)).expect(200);
      expect(far.body.items.map((l: { need: { id: string } }) => l.need.id)).not.toContain(needId);
      const national = await createNeed({ reach: 'national' });
      const leads = await request(t.server).get(`/offerings/${ids.lille}/leads?limit=50`).set(bearer(lille)).expect(200);
      expect(leads.body.items.map((l: { need: { id: string } }) => l.need.id)).toContain(national);
    });
  });

  describe('budget', () => {
    it('ranks an offering priced outside a budget that is not firm lower, with the reason', async () => {
      const needId = await createNeed({ reach: 'national', minBudgetEur: 5000, maxBudgetEur: 30000 });
      const { items } = await matchesOf(needId);
      const within = items.find((m) => m.offering.id === ids.substantive) as Match;
      const pricey = items.find((m) => m.offering.id === ids.pricey) as Match;
      expect(pricey).toBeDefined();
      expect(pricey.rank).toBeGreaterThan(within.rank);
      expect(criterion(pricey, 'fit').score).toBeLessThan(criterion(within, 'fit').score);
      expect(criterion(pricey, 'fit').reason).toContain('fourchette de prix hors du budget (de 60');
      expect(criterion(pricey, 'fit').reason).toContain("le budget n'étant pas ferme");
    });

    it('excludes it when the buyer marks the budget firm, with the rule for curators', async () => {
      const needId = await createNeed({ reach: 'national', minBudgetEur: 5000, maxBudgetEur: 30000, budgetFirm: true });
      const need = await request(t.server).get(`/needs/${needId}`).set(bearer(buyer)).expect(200);
      expect(need.body.budgetFirm).toBe(true);
      expect(idsOf((await matchesOf(needId)).items)).not.toContain(ids.pricey);
      const staff = await matchesOf(needId, curator, '?includeExcluded=true');
      expect(staff.excluded?.find((e) => e.offering.id === ids.pricey)?.exclusions.map((x) => x.rule)).toEqual(['BUDGET']);
    });

    it('refuses a budgetFirm that is not a boolean with 400 naming the field', async () => {
      const res = await request(t.server)
        .post('/needs')
        .set(bearer(buyer))
        .send({ title: 'Budget ferme ?', useCases: ['DOC_PROCESSING'], budgetFirm: 'oui' })
        .expect(400);
      expect(JSON.stringify(res.body.details)).toContain('budgetFirm');
    });
  });

  it('ranks the same on the Meilisearch backend, which matching never asks (issue 25, item 1)', async () => {
    const needId = await createNeed({ reach: 'regional', minBudgetEur: 5000, maxBudgetEur: 30000 });
    const onPostgres = await matchesOf(needId, curator, '?includeExcluded=true');
    const fake = await new FakeMeilisearch().start();
    const key = fake.addKey(['search', 'documents.*', 'indexes.create', 'indexes.get', 'settings.*', 'tasks.get'], ['offerings*']);
    // A second app on the same database, its search backend Meilisearch (a fake server that answers no query by relevance).
    const meili = await createTestApp({ env: { MEILI_URL: fake.url, MEILI_API_KEY: key, MEILI_TIMEOUT_MS: '500' }, database: t.database });
    try {
      const asked = fake.requests.length;
      const res = await request(meili.server).get(`/needs/${needId}/matches?includeExcluded=true`).set(bearer(curator)).expect(200);
      expect(res.body.items).toEqual(onPostgres.items);
      expect(res.body.otherLeads).toEqual(onPostgres.otherLeads);
      expect(onPostgres.items.length).toBeGreaterThan(1);
      // Not one request reached the search server while matching ran.
      expect(fake.requests.slice(asked)).toEqual([]);
    } finally {
      // Last in this file: closing the second app's module also ends the shared data source.
      await meili.app.close();
      await fake.stop();
    }
  });
});

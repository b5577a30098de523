import request from 'supertest';
import { DEFAULT_WEIGHTS } from '../src/matches/scoring/weights.js';
import { SEARCH_INDEX, type SearchIndex } from '../src/search/search-index.port.js';
import { bearer, createAdmin, createCurator, registerBuyer, type RegisteredSession, type TestSession } from './support/auth.js';
import { createPublishedOffering, registerVerifiedVendor, sovereigntyProfile } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * The acceptance scenario of issue #8 on a small fixed catalogue, for a need in Nice that requires
 * DATA_IN_FRANCE:
 *   localA   Valbonne (Sophia Antipolis) vendor, hosted in France, grade A
 *   parisA   Paris vendor, the same offering word for word
 *   localC   Antibes vendor, hosted in France but a weaker profile
 *   usHosted Nice vendor, hosted in the US: excluded by DATA_IN_FRANCE
 */
const UNKNOWN_ID = '7f1c9c1e-0000-4000-8000-000000000000';

const offering = (overrides: Record<string, unknown> = {}) => ({
  title: 'Tri automatique du courrier entrant',
  summary: 'Lecture et routage automatique des courriers et factures.',
  description: 'OCR, extraction des champs et classement des dossiers pour les services.',
  useCases: ['DOC_PROCESSING'],
  sectors: [],
  serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
  pricing: { model: 'project', minBudgetEur: 5000, maxBudgetEur: 50000 },
  targetBuyerTypes: ['pme', 'collectivite'],
  evidence: [],
  ...overrides,
});

const weakFrench = sovereigntyProfile({
  hosting: { dataResidency: 'FR', providerJurisdiction: 'FR', deploymentModes: ['SAAS_SHARED'] },
  certifications: { secNumCloud: 'NONE', iso27001: false, labels: [] },
  ai: {
    modelOrigin: 'US',
    modelLicence: 'PROPRIETARY',
    inferenceHosting: 'THIRD_PARTY_API_EU',
    trainingOnCustomerData: 'OPT_OUT',
    modelNames: ['GPT'],
  },
});
const usHosted = sovereigntyProfile({
  vendor: { hqJurisdiction: 'FR' },
  hosting: { dataResidency: 'OTHER', providerName: 'AWS', providerJurisdiction: 'US', nonEuRemoteAccess: true },
  certifications: { secNumCloud: 'NONE' },
});

describe('Matching (issue #8): ranked, explained, anonymised leads, weights and market depth', () => {
  let t: TestApp;
  let curator: TestSession;
  let admin: TestSession;
  let buyer: RegisteredSession;
  let otherBuyer: RegisteredSession;
  let localVendor: RegisteredSession;
  let otherVendor: RegisteredSession;
  const ids: Record<string, string> = {};
  let needId: string;
  let draftNeedId: string;

  const matches = (who: { accessToken: string }, query = '') => request(t.server).get(`/needs/${needId}/matches${query}`).set(bearer(who));

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    admin = await createAdmin(t);
    buyer = await registerBuyer(t, {
      displayName: 'Camille Martin',
      phone: '+33612345678',
      organisation: { name: 'Mairie de Contes-Test', buyerType: 'collectivite', communeCode: '06088', nafCode: '84.11Z' },
    });
    otherBuyer = await registerBuyer(t);
    localVendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '06152', name: 'Sophia Docs' } });
    const parisVendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '75056', name: 'Paris Docs' } });
    const antibesVendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '06004', name: 'Antibes Scan' } });
    const niceVendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '06088', name: 'Nice Cloud US' } });
    otherVendor = parisVendor;
    ids.localA = (await createPublishedOffering(t, localVendor, offering())).id;
    ids.parisA = (await createPublishedOffering(t, parisVendor, offering())).id;
    ids.localC = (await createPublishedOffering(t, antibesVendor, offering({ sovereignty: weakFrench }))).id;
    ids.usHosted = (await createPublishedOffering(t, niceVendor, offering({ sovereignty: usHosted }))).id;
    ids.otherUseCase = (
      await createPublishedOffering(t, localVendor, offering({ useCases: ['SALES_FORECAST'], title: 'Prévision des ventes' }))
    ).id;

    const needBody = {
      title: 'Tri automatique du courrier de la mairie',
      description: 'Nous recevons 300 courriers par jour ; nous voulons les lire et les router automatiquement vers les services.',
      useCases: ['DOC_PROCESSING'],
      // National: the Paris vendor is within reach (reach itself: test/matching-trust.e2e-spec.ts).
      reach: 'national',
      minBudgetEur: 10000,
      maxBudgetEur: 30000,
      desiredStart: '2027-01-15',
      dataSensitivity: 'none',
      requirements: ['DATA_IN_FRANCE'],
    };
    const created = await request(t.server).post('/needs').set(bearer(buyer)).send(needBody).expect(201);
    needId = created.body.id;
    await request(t.server).post(`/needs/${needId}/submit`).set(bearer(buyer)).send({}).expect(200);
    await request(t.server).post(`/needs/${needId}/publish`).set(bearer(curator)).send({}).expect(200);
    draftNeedId = (
      await request(t.server)
        .post('/needs')
        .set(bearer(buyer))
        .send({ ...needBody, title: 'Brouillon' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GET /needs/:id/matches', () => {
    it('ranks the Alpes-Maritimes vendor hosted in France above the equally fitting Paris one', async () => {
      const res = await matches(buyer).expect(200);
      const order = res.body.items.map((m: { offering: { id: string } }) => m.offering.id);
      expect(order.indexOf(ids.localA)).toBe(0);
      expect(order.indexOf(ids.localA)).toBeLessThan(order.indexOf(ids.parisA));
      const local = res.body.items[0];
      const paris = res.body.items.find((m: { offering: { id: string } }) => m.offering.id === ids.parisA);
      expect(local.proximity).toBe('same_departement');
      expect(paris.proximity).toBe('on_site');
      expect(local.vendor).toEqual({
        id: localVendor.organisationId,
        name: 'Sophia Docs',
        communeCode: '06152',
        communeName: 'Valbonne',
        departementCode: '06',
        departementName: 'Alpes-Maritimes',
        verified: true,
      });
      expect(local.grade).toMatchObject({ grade: 'A', verified: false, label: 'déclaratif' });
    });

    it('never offers the US-hosted offering, nor one without a shared use case or word', async () => {
      const res = await matches(buyer).expect(200);
      const order = res.body.items.map((m: { offering: { id: string } }) => m.offering.id);
      expect(order).not.toContain(ids.usHosted);
      expect(order).toEqual(expect.arrayContaining([ids.localA, ids.parisA, ids.localC]));
      expect(res.body.excluded).toBeUndefined();
    });

    it('explains every criterion, with contributions adding up to the total', async () => {
      const res = await matches(buyer).expect(200);
      expect(res.body.scoringVersion).toEqual(expect.any(String));
      expect(res.body.weights).toEqual({ ...DEFAULT_WEIGHTS });
      for (const item of res.body.items) {
        expect(item.criteria.map((c: { criterion: string }) => c.criterion).sort()).toEqual([
          'fit',
          'proximity',
          'sector',
          'sovereignty',
          'text',
          'useCase',
        ]);
        for (const c of item.criteria)
          expect(c).toEqual({
            criterion: expect.any(String),
            label: expect.any(String),
            score: expect.any(Number),
            weight: expect.any(Number),
            contribution: expect.any(Number),
            reason: expect.any(String),
          });
        const sum = item.criteria.reduce((a: number, c: { contribution: number }) => a + c.contribution, 0);
        expect(Math.abs(sum - item.total)).toBeLessThanOrEqual(0.35);
      }
      const text = res.body.items[0].criteria.find((c: { criterion: string }) => c.criterion === 'text');
      expect(text.score).toBeGreaterThan(0);
    });

    it('lists the excluded offerings with their rule and reason to curators', async () => {
      const res = await matches(curator, '?includeExcluded=true').expect(200);
      const us = res.body.excluded.find((e: { offering: { id: string } }) => e.offering.id === ids.usHosted);
      expect(us.exclusions).toEqual(
        expect.arrayContaining([{ rule: 'DATA_IN_FRANCE', reason: 'Les données ne sont pas stockées et traitées en France.' }]),
      );
      expect(res.body.excluded.map((e: { offering: { id: string } }) => e.offering.id)).not.toContain(ids.localA);
    });

    it('refuses includeExcluded to buyers (403), vendors altogether (403), and hides the need from another buyer (404)', async () => {
      await matches(buyer, '?includeExcluded=true').expect(403);
      await matches(localVendor).expect(403);
      await matches(otherBuyer).expect(404);
      await request(t.server).get(`/needs/${UNKNOWN_ID}/matches`).set(bearer(curator)).expect(404);
    });

    it('answers 409 for a need not published yet', async () => {
      const res = await request(t.server).get(`/needs/${draftNeedId}/matches`).set(bearer(buyer)).expect(409);
      expect(res.body.code).toBe('NEED_NOT_PUBLISHED');
    });

    it('ranks on its own text relevance in PostgreSQL: the search index down changes nothing', async () => {
      const before = await matches(buyer).expect(200);
      const index = t.app.get<SearchIndex>(SEARCH_INDEX);
      const search = index.search;
      const down = () => Promise.reject(new Error('search down'));
      Object.assign(index, { search: down });
      try {
        const res = await matches(buyer).expect(200);
        expect(res.body.items).toEqual(before.body.items);
        const text = res.body.items[0].criteria.find((c: { criterion: string }) => c.criterion === 'text');
        expect(text.score).toBeGreaterThan(0);
      } finally {
        Object.assign(index, { search });
      }
    });
  });

  describe('weights', () => {
    it('shows the defaults to curators', async () => {
      const res = await request(t.server).get('/matching/weights').set(bearer(curator)).expect(200);
      expect(res.body).toMatchObject({
        weights: { ...DEFAULT_WEIGHTS },
        version: 0,
        isDefault: true,
      });
    });

    it('refuses bad weights with 400 naming the fields, and non-admins with 403', async () => {
      const bad = await request(t.server)
        .put('/matching/weights')
        .set(bearer(admin))
        .send({ useCase: 30, proximity: -1, sovereignty: 20.5, sector: 15, text: 10 })
        .expect(400);
      expect(bad.body.code).toBe('WEIGHTS_INVALID');
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['fit', 'proximity', 'sovereignty']);
      const zero = await request(t.server)
        .put('/matching/weights')
        .set(bearer(admin))
        .send({ useCase: 0, proximity: 0, sovereignty: 0, sector: 0, text: 0, fit: 0 })
        .expect(400);
      expect(zero.body.code).toBe('WEIGHTS_INVALID');
      const unknown = await request(t.server)
        .put('/matching/weights')
        .set(bearer(admin))
        .send({ useCase: 1, proximity: 0, sovereignty: 0, sector: 0, text: 0, fit: 0, luck: 3 })
        .expect(400);
      expect(JSON.stringify(unknown.body)).toContain('luck');
      await request(t.server)
        .put('/matching/weights')
        .set(bearer(curator))
        .send({ useCase: 30, proximity: 20, sovereignty: 20, sector: 15, text: 10, fit: 5 })
        .expect(403);
      await request(t.server).put('/matching/weights').set(bearer(buyer)).send({}).expect(403);
    });

    it('reorders matches when sovereignty weighs more, and audits the change', async () => {
      const before = await matches(buyer).expect(200);
      const rank = (body: { items: { offering: { id: string } }[] }, id: string) => body.items.findIndex((m) => m.offering.id === id);
      // Close by but weaker: the Antibes vendor beats the Paris one on default weights…
      expect(rank(before.body, ids.localC)).toBeLessThan(rank(before.body, ids.parisA));

      const weights = { useCase: 30, proximity: 0, sovereignty: 100, sector: 15, text: 10, fit: 5 };
      const put = await request(t.server).put('/matching/weights').set(bearer(admin)).send(weights).expect(200);
      expect(put.body).toMatchObject({ weights, version: 1, isDefault: false });
      try {
        const after = await matches(buyer).expect(200);
        expect(after.body.weights).toEqual(weights);
        expect(after.body.weightsVersion).toBe(1);
        // …and falls behind it once sovereignty dominates.
        expect(rank(after.body, ids.parisA)).toBeLessThan(rank(after.body, ids.localC));
        const [audit] = await t.dataSource.query(
          "SELECT actor_id, before, after FROM audit_event WHERE action = 'matching.weights.update'",
        );
        expect(audit).toEqual({
          actor_id: admin.userId,
          before: { weights: { ...DEFAULT_WEIGHTS }, version: 0 },
          after: { weights, version: 1 },
        });
      } finally {
        await request(t.server)
          .put('/matching/weights')
          .set(bearer(admin))
          .send({ ...DEFAULT_WEIGHTS })
          .expect(200);
      }
    });
  });

  describe('GET /offerings/:id/leads', () => {
    it('shows the vendor the need, anonymised: no buyer name, e-mail or phone, département instead of commune', async () => {
      const res = await request(t.server).get(`/offerings/${ids.localA}/leads`).set(bearer(localVendor)).expect(200);
      expect(res.body.items).toHaveLength(1);
      const lead = res.body.items[0];
      expect(lead.need).toMatchObject({
        id: needId,
        title: 'Tri automatique du courrier de la mairie',
        useCases: ['DOC_PROCESSING'],
        departementCode: '06',
        departementName: 'Alpes-Maritimes',
        buyerType: 'collectivite',
        minBudgetEur: 10000,
        maxBudgetEur: 30000,
        desiredStart: '2027-01-15',
      });
      expect(lead.total).toBeGreaterThan(0);
      const raw = JSON.stringify(res.body);
      for (const secret of [
        'Mairie de Contes-Test',
        'Camille Martin',
        buyer.email,
        '+33612345678',
        '0612345678',
        '06088',
        buyer.organisationId,
        buyer.userId,
      ]) {
        expect(raw).not.toContain(secret);
      }
    });

    it('has no lead for an offering the need excludes', async () => {
      const res = await request(t.server)
        .get(`/offerings/${ids.usHosted}/leads`)
        .set(bearer(await loginVendorOf(ids.usHosted)))
        .expect(200);
      expect(res.body.items).toEqual([]);
    });

    it('refuses another vendor (403), staff and buyers (403), and an unknown offering (404)', async () => {
      await request(t.server).get(`/offerings/${ids.localA}/leads`).set(bearer(otherVendor)).expect(403);
      await request(t.server).get(`/offerings/${ids.localA}/leads`).set(bearer(curator)).expect(403);
      await request(t.server).get(`/offerings/${ids.localA}/leads`).set(bearer(buyer)).expect(403);
      await request(t.server).get(`/offerings/${UNKNOWN_ID}/leads`).set(bearer(localVendor)).expect(404);
    });
  });

  describe('GET /needs/:id/market-depth', () => {
    it('counts the eligible offerings by grade and proximity, on a draft too', async () => {
      const res = await request(t.server).get(`/needs/${draftNeedId}/market-depth`).set(bearer(buyer)).expect(200);
      expect(res.body).toMatchObject({ needId: draftNeedId, needStatus: 'draft', eligible: 3, local: 2 });
      expect(res.body.byGrade.A).toBe(2);
      expect(res.body.byGrade.A + res.body.byGrade.B + res.body.byGrade.C + res.body.byGrade.D + res.body.byGrade.E).toBe(3);
      expect(res.body.byProximity).toMatchObject({ same_departement: 2, on_site: 1 });
      const asCurator = await request(t.server).get(`/needs/${needId}/market-depth`).set(bearer(curator)).expect(200);
      expect(asCurator.body.eligible).toBe(3);
      await request(t.server).get(`/needs/${needId}/market-depth`).set(bearer(otherBuyer)).expect(404);
      await request(t.server).get(`/needs/${needId}/market-depth`).set(bearer(localVendor)).expect(403);
    });
  });

  /** The vendor session that owns an offering: registered above, found by organisation. */
  async function loginVendorOf(offeringId: string): Promise<TestSession> {
    const [row] = await t.dataSource.query('SELECT vendor_id FROM offering WHERE id = $1', [offeringId]);
    const [user] = await t.dataSource.query('SELECT email FROM app_user WHERE organisation_id = $1 LIMIT 1', [row.vendor_id]);
    const login = await request(t.server)
      .post('/auth/login')
      .send({ email: user.email, password: 'correct horse battery staple' })
      .expect(200);
    return { ...login.body.user, accessToken: login.body.accessToken } as TestSession;
  }
});

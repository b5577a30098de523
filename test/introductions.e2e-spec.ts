import request from 'supertest';
import { bearer, createCurator, registerBuyer, registerVendor, type TestSession } from './support/auth.js';
import { eligiblePair, createNeed, proposeIntroduction, type Pair } from './support/introductions.js';
import { createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '7f1c9c1e-0000-4000-8000-000000000000';

describe('Introductions: curators propose, both sides answer, contacts appear once connected', () => {
  let t: TestApp;
  let curator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const act = (who: { accessToken: string }, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(t.server).post(`/introductions/${id}/${action}`).set(bearer(who)).send(body);
  const get = (who: { accessToken: string }, id: string) => request(t.server).get(`/introductions/${id}`).set(bearer(who));
  const auditOf = (id: string) =>
    t.dataSource.query(
      "SELECT action, actor_id, before->>'status' AS before, after->>'status' AS after, request_id FROM audit_event WHERE entity_type = 'introduction' AND entity_id = $1 ORDER BY created_at, id",
      [id],
    ) as Promise<{ action: string; actor_id: string; before: string | null; after: string; request_id: string }[]>;
  const topicsOf = async (id: string) =>
    (
      (await t.dataSource.query("SELECT topic FROM outbox_event WHERE payload->>'introductionId' = $1 ORDER BY seq", [id])) as {
        topic: string;
      }[]
    ).map((r) => r.topic);

  describe('proposing', () => {
    let pair: Pair;
    beforeAll(async () => {
      pair = await eligiblePair(t, curator);
    });

    it('creates a proposed introduction, audited and announced on the outbox in the same transaction', async () => {
      const res = await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: pair.needId, offeringId: pair.offeringId, message: 'Échangez donc.' })
        .expect(201);
      expect(res.body).toMatchObject({
        status: 'proposed',
        viewerSide: 'curator',
        allowedEvents: ['cancel'],
        version: 1,
        need: { id: pair.needId, departementCode: '06', regionCode: '93', useCases: ['DOC_PROCESSING'] },
        offering: { id: pair.offeringId },
        vendor: { organisationId: pair.vendor.organisationId },
        buyer: { organisationId: pair.buyer.organisationId },
      });
      const [row] = await t.dataSource.query(
        'SELECT vendor_organisation_id, buyer_organisation_id, curator_id FROM introduction WHERE id = $1',
        [res.body.id],
      );
      expect(row).toEqual({
        vendor_organisation_id: pair.vendor.organisationId,
        buyer_organisation_id: pair.buyer.organisationId,
        curator_id: curator.userId,
      });
      const audit = await auditOf(res.body.id);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'introduction.propose', actor_id: curator.userId, before: null, after: 'proposed' }),
      ]);
      expect(audit[0].request_id).toBe(res.headers['x-request-id']);
      expect(await topicsOf(res.body.id)).toEqual(['introduction.proposed']);
    });

    it('returns 409 INTRODUCTION_ALREADY_OPEN for a second open introduction of the same pair', async () => {
      const res = await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: pair.needId, offeringId: pair.offeringId, message: 'Encore.' })
        .expect(409);
      expect(res.body.code).toBe('INTRODUCTION_ALREADY_OPEN');
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM introduction WHERE need_id = $1', [pair.needId])).toEqual([{ n: 1 }]);
    });

    it('returns 409 INTRODUCTION_NEED_NOT_PUBLISHED for a draft need, writing nothing', async () => {
      const draft = await createNeed(t, pair.buyer);
      const res = await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: draft.id, offeringId: pair.offeringId, message: 'Tôt.' })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'INTRODUCTION_NEED_NOT_PUBLISHED', details: { needStatus: 'draft' } });
      expect(
        await t.dataSource.query(
          "SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'introduction' AND after->>'needId' = $1",
          [draft.id],
        ),
      ).toEqual([{ n: 0 }]);
    });

    it('returns 409 INTRODUCTION_NOT_ELIGIBLE listing every failed rule', async () => {
      const far = await createPublishedOffering(t, pair.vendor, {
        serviceArea: { national: false, regions: ['11'], departements: ['75'], remoteDelivery: false },
        pricing: { model: 'project', minBudgetEur: 50000, maxBudgetEur: 90000 },
      });
      const res = await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: pair.needId, offeringId: far.id, message: 'Loin.' })
        .expect(409);
      expect(res.body.code).toBe('INTRODUCTION_NOT_ELIGIBLE');
      // The need's budget is not firm: a price range outside it lowers the fit, it is no rule (issue 26).
      expect(res.body.details.failed.map((f: { rule: string }) => f.rule).sort()).toEqual(['SERVICE_AREA']);
      expect(res.body.details.failed[0].reason).toEqual(expect.any(String));
    });

    it('refuses an offering missing a hard requirement of the need', async () => {
      const buyer = await registerBuyer(t);
      const need = await createNeed(t, buyer, { requirements: ['GDPR_DPA', 'HDS_CERTIFIED'], dataSensitivity: 'health' });
      await request(t.server).post(`/needs/${need.id}/submit`).set(bearer(buyer)).send({}).expect(200);
      await request(t.server).post(`/needs/${need.id}/publish`).set(bearer(curator)).send({}).expect(200);
      const res = await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: need.id, offeringId: pair.offeringId, message: 'Santé.' })
        .expect(409);
      expect(res.body.details.failed.map((f: { rule: string }) => f.rule)).toEqual(['HDS_CERTIFIED']);
    });

    it('answers 404 for an unknown need or offering, and 400 for a missing message', async () => {
      await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: UNKNOWN_ID, offeringId: pair.offeringId, message: 'x' })
        .expect(404);
      await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: pair.needId, offeringId: UNKNOWN_ID, message: 'x' })
        .expect(404);
      const res = await request(t.server)
        .post('/introductions')
        .set(bearer(curator))
        .send({ needId: pair.needId, offeringId: pair.offeringId })
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'message' })]);
    });
  });

  describe('who sees what, when', () => {
    let pair: Pair;
    let intro: { id: string };
    const vendorPeople = { displayName: 'Zoé Artaud-Vendeuse', phone: '+33 6 11 22 33 44' };
    const buyerPeople = { displayName: 'Marius Pellegrin-Acheteur', phone: '+33 4 93 55 66 77' };

    beforeAll(async () => {
      pair = await eligiblePair(t, curator, {
        vendor: vendorPeople,
        buyer: { ...buyerPeople, organisation: { name: 'Mairie de Saint-Secret-sur-Var' } },
      });
      intro = await proposeIntroduction(t, curator, pair);
    });

    const buyerSecrets = () => [
      pair.buyer.email,
      buyerPeople.displayName,
      buyerPeople.phone,
      'Mairie de Saint-Secret-sur-Var',
      pair.buyer.organisationId!,
    ];
    const vendorSecrets = () => [pair.vendor.email, vendorPeople.displayName, vendorPeople.phone];

    it('hides the buyer organisation and people from the vendor before the connection, but shows the need', async () => {
      const res = await get(pair.vendor, intro.id).expect(200);
      for (const secret of buyerSecrets()) expect(res.text).not.toContain(secret);
      expect(res.body).toMatchObject({
        viewerSide: 'vendor',
        allowedEvents: ['vendor_accept', 'vendor_decline'],
        need: {
          title: 'Tri automatique des courriers entrants',
          description: expect.any(String),
          departementCode: '06',
          useCases: ['DOC_PROCESSING'],
        },
        buyer: { organisationId: null, name: null, contacts: null },
      });
      const list = await request(t.server).get('/introductions').set(bearer(pair.vendor)).expect(200);
      expect(list.body.total).toBe(1);
      for (const secret of buyerSecrets()) expect(list.text).not.toContain(secret);
    });

    it("hides the vendor's people from the buyer before the connection", async () => {
      const res = await get(pair.buyer, intro.id).expect(200);
      for (const secret of vendorSecrets()) expect(res.text).not.toContain(secret);
      expect(res.body.vendor.contacts).toBeNull();
    });

    it('shows both sides to curators at all times', async () => {
      const res = await get(curator, intro.id).expect(200);
      for (const secret of [...buyerSecrets(), ...vendorSecrets()]) expect(res.text).toContain(secret);
    });

    it('answers 404 to another vendor and another buyer, and leaves them out of their lists', async () => {
      const otherVendor = await registerVendor(t);
      const otherBuyer = await registerBuyer(t);
      await get(otherVendor, intro.id).expect(404);
      await get(otherBuyer, intro.id).expect(404);
      await act(otherVendor, intro.id, 'accept').expect(404);
      expect((await request(t.server).get('/introductions').set(bearer(otherBuyer)).expect(200)).body.total).toBe(0);
      await get(curator, UNKNOWN_ID).expect(404);
    });

    it('reveals each side to the other once both accepted, and keeps them visible afterwards', async () => {
      await act(pair.buyer, intro.id, 'accept').expect(200);
      const stillHidden = await get(pair.vendor, intro.id).expect(200);
      for (const secret of buyerSecrets()) expect(stillHidden.text).not.toContain(secret);
      const connected = await act(pair.vendor, intro.id, 'accept').expect(200);
      expect(connected.body.status).toBe('connected');
      for (const secret of buyerSecrets()) expect(connected.text).toContain(secret);
      const asBuyer = await get(pair.buyer, intro.id).expect(200);
      for (const secret of vendorSecrets()) expect(asBuyer.text).toContain(secret);
      expect(asBuyer.body.vendor.contacts).toEqual([
        { displayName: vendorPeople.displayName, email: pair.vendor.email, phone: vendorPeople.phone },
      ]);
      await act(pair.buyer, intro.id, 'meeting-held').expect(200);
      const after = await get(pair.vendor, intro.id).expect(200);
      expect(after.body.buyer).toMatchObject({
        name: 'Mairie de Saint-Secret-sur-Var',
        contacts: [{ displayName: buyerPeople.displayName, email: pair.buyer.email, phone: buyerPeople.phone }],
      });
    });
  });

  describe('lifecycle', () => {
    it('goes proposed → vendor_accepted → connected → meeting_held → won, each step audited and on the outbox', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      expect((await act(pair.vendor, intro.id, 'accept').expect(200)).body).toMatchObject({
        status: 'vendor_accepted',
        vendorAcceptedAt: expect.any(String),
        connectedAt: null,
      });
      expect((await act(pair.buyer, intro.id, 'accept', { version: 2 }).expect(200)).body).toMatchObject({
        status: 'connected',
        connectedAt: expect.any(String),
      });
      expect((await act(curator, intro.id, 'meeting-held').expect(200)).body.status).toBe('meeting_held');
      expect(
        (await act(pair.vendor, intro.id, 'outcome', { outcome: 'won', valueBand: '5k_20k', startDate: '2027-02-01' }).expect(200)).body,
      ).toMatchObject({
        status: 'won',
        outcome: 'won',
        deal: { valueBand: '5k_20k', valueBandLabel: 'De 5 à 20 k€', amountEur: null, startDate: '2027-02-01', public: false },
        loss: null,
        version: 5,
      });
      expect((await auditOf(intro.id)).map((a) => [a.action, a.before, a.after])).toEqual([
        ['introduction.propose', null, 'proposed'],
        ['introduction.vendor_accept', 'proposed', 'vendor_accepted'],
        ['introduction.buyer_accept', 'vendor_accepted', 'connected'],
        ['introduction.meeting_held', 'connected', 'meeting_held'],
        ['introduction.won', 'meeting_held', 'won'],
      ]);
      expect(await topicsOf(intro.id)).toEqual([
        'introduction.proposed',
        'introduction.vendor_accepted',
        'introduction.connected',
        'introduction.meeting_held',
        'introduction.won',
      ]);
    });

    it('connects when the buyer accepts first, and records a lost outcome', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      expect((await act(pair.buyer, intro.id, 'accept').expect(200)).body.status).toBe('buyer_accepted');
      expect((await act(pair.vendor, intro.id, 'accept').expect(200)).body.status).toBe('connected');
      await act(pair.vendor, intro.id, 'meeting-held').expect(200);
      expect((await act(curator, intro.id, 'outcome', { outcome: 'lost' }).expect(200)).body.outcome).toBe('lost');
    });

    it('returns 409 with details.allowed for an illegal transition, writing no audit and no outbox event', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      await act(pair.vendor, intro.id, 'accept').expect(200);
      const again = await act(pair.vendor, intro.id, 'accept').expect(409);
      expect(again.body).toMatchObject({
        code: 'INTRODUCTION_INVALID_TRANSITION',
        details: { status: 'vendor_accepted', allowed: ['buyer_accept', 'buyer_decline', 'cancel'] },
      });
      const early = await act(pair.buyer, intro.id, 'meeting-held').expect(409);
      expect(early.body.code).toBe('INTRODUCTION_INVALID_TRANSITION');
      await act(pair.buyer, intro.id, 'outcome', { outcome: 'won', amountEur: 9000, startDate: '2027-02-01' }).expect(409);
      await act(pair.buyer, intro.id, 'accept', { version: 1 }).expect(409);
      expect((await auditOf(intro.id)).length).toBe(2);
      expect(await topicsOf(intro.id)).toEqual(['introduction.proposed', 'introduction.vendor_accepted']);
    });

    it('declines with a reason, requires a comment for other, and lets the pair be proposed again', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      const bad = await act(pair.buyer, intro.id, 'decline', { reason: 'other' }).expect(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'comment' })]);
      await act(pair.buyer, intro.id, 'decline', { reason: 'too_expensive' }).expect(400);
      const res = await act(pair.buyer, intro.id, 'decline', { reason: 'other', comment: 'Projet reporté à 2028.' }).expect(200);
      expect(res.body).toMatchObject({
        status: 'buyer_declined',
        declinedBy: 'buyer',
        declineReason: 'other',
        declineComment: 'Projet reporté à 2028.',
      });
      await act(pair.vendor, intro.id, 'accept').expect(409);
      const again = await proposeIntroduction(t, curator, pair);
      expect(again.id).not.toBe(intro.id);
    });

    it('lets the vendor decline after the buyer accepted', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      await act(pair.buyer, intro.id, 'accept').expect(200);
      expect((await act(pair.vendor, intro.id, 'decline', { reason: 'no_capacity' }).expect(200)).body).toMatchObject({
        status: 'vendor_declined',
        declinedBy: 'vendor',
      });
    });

    it('lets only curators cancel, from any open state', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      await act(pair.vendor, intro.id, 'cancel').expect(403);
      await act(pair.vendor, intro.id, 'accept').expect(200);
      await act(pair.buyer, intro.id, 'accept').expect(200);
      expect((await act(curator, intro.id, 'cancel').expect(200)).body).toMatchObject({
        status: 'cancelled',
        cancelledAt: expect.any(String),
      });
      expect((await act(curator, intro.id, 'cancel').expect(409)).body.details.allowed).toEqual([]);
    });

    it('refuses answers from a pending member of the organisation', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      const pending = await registerVendor(t, { organisation: { siren: pair.vendor.organisation.siren } });
      await act(pending, intro.id, 'accept').expect(404);
      expect((await request(t.server).get('/introductions').set(bearer(pending))).status).toBe(403);
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of 20 concurrent accepts by the same side through; the others get 409', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      const results = await Promise.all(Array.from({ length: 20 }, () => act(pair.vendor, intro.id, 'accept')));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      expect(await topicsOf(intro.id)).toEqual(['introduction.proposed', 'introduction.vendor_accepted']);
      expect((await auditOf(intro.id)).length).toBe(2);
      expect(await t.dataSource.query('SELECT status, version FROM introduction WHERE id = $1', [intro.id])).toEqual([
        { status: 'vendor_accepted', version: 2 },
      ]);
    });

    it('never loses an acceptance when both sides accept at the same moment', async () => {
      const pair = await eligiblePair(t, curator);
      const intro = await proposeIntroduction(t, curator, pair);
      const results = await Promise.all([act(pair.vendor, intro.id, 'accept'), act(pair.buyer, intro.id, 'accept')]);
      const statuses = results.map((r) => r.status).sort();
      const [row] = await t.dataSource.query(
        'SELECT status, vendor_accepted_at IS NOT NULL AS vendor, buyer_accepted_at IS NOT NULL AS buyer, connected_at IS NOT NULL AS connected FROM introduction WHERE id = $1',
        [intro.id],
      );
      const topics = await topicsOf(intro.id);
      if (statuses[1] === 409) {
        // They overlapped: the loser is told to retry, and only the winner's acceptance is recorded.
        expect(statuses).toEqual([200, 409]);
        expect(row.status).toMatch(/^(vendor|buyer)_accepted$/);
        expect(Number(row.vendor) + Number(row.buyer)).toBe(1);
        expect(topics).toHaveLength(2);
      } else {
        // One committed before the other read: the second acceptance connected them, once.
        expect(statuses).toEqual([200, 200]);
        expect(row).toEqual({ status: 'connected', vendor: true, buyer: true, connected: true });
        expect(topics.filter((topic) => topic === 'introduction.connected')).toHaveLength(1);
      }
    });
  });

  describe('lists', () => {
    it('filters by status, need and offering, paginated, for curators', async () => {
      const pair = await eligiblePair(t, curator);
      const vendor2 = await registerVerifiedVendor(t, curator);
      const offering2 = await createPublishedOffering(t, vendor2);
      const a = await proposeIntroduction(t, curator, pair);
      await proposeIntroduction(t, curator, { needId: pair.needId, offeringId: offering2.id });
      await act(pair.vendor, a.id, 'accept').expect(200);
      const byNeed = await request(t.server).get(`/introductions?needId=${pair.needId}&pageSize=1`).set(bearer(curator)).expect(200);
      expect(byNeed.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(byNeed.body.items).toHaveLength(1);
      const accepted = await request(t.server)
        .get(`/introductions?needId=${pair.needId}&status=vendor_accepted`)
        .set(bearer(curator))
        .expect(200);
      expect(accepted.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
      const byOffering = await request(t.server).get(`/introductions?offeringId=${offering2.id}`).set(bearer(curator)).expect(200);
      expect(byOffering.body.total).toBe(1);
      const asBuyer = await request(t.server).get('/introductions').set(bearer(pair.buyer)).expect(200);
      expect(asBuyer.body.total).toBe(2);
      expect((await request(t.server).get('/introductions').set(bearer(vendor2)).expect(200)).body.total).toBe(1);
      await request(t.server).get('/introductions?status=nope').set(bearer(curator)).expect(400);
    });
  });

  it('documents every introductions and stats route in the OpenAPI document, with examples', async () => {
    const doc = (await request(t.server).get('/docs/openapi.json').expect(200)).body;
    const routes: [string, string][] = [
      ['/introductions', 'post'],
      ['/introductions', 'get'],
      ['/introductions/{id}', 'get'],
      ...['accept', 'decline', 'meeting-held', 'outcome', 'cancel'].map((a): [string, string] => [`/introductions/{id}/${a}`, 'post']),
      ['/stats/overview', 'get'],
      ['/stats/funnel', 'get'],
    ];
    for (const [path, method] of routes) {
      const op = doc.paths[path]?.[method];
      expect(op).toBeDefined();
      expect(op.security).toEqual([{ bearer: [] }]);
      expect(op.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorBodyDto');
      expect(op.responses['403']).toBeDefined();
    }
    expect(doc.paths['/introductions/{id}/accept'].post.responses['409']).toBeDefined();
    expect(doc.components.schemas.CreateIntroductionDto.properties.message.example).toEqual(expect.any(String));
    expect(doc.components.schemas.DeclineIntroductionDto.properties.reason.enum).toEqual([
      'not_relevant',
      'no_capacity',
      'budget',
      'timing',
      'already_equipped',
      'other',
    ]);
    expect(doc.components.schemas.IntroductionDto.properties.buyer).toBeDefined();
    expect(doc.components.schemas.StatsFunnelDto.properties.steps).toBeDefined();
  });
});

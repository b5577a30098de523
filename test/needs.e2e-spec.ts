import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  bearer,
  createAdmin,
  createCurator,
  registerBuyer,
  registerVendor,
  type RegisteredSession,
  type TestSession,
} from './support/auth.js';

const UNKNOWN_ID = '7f1c9c1e-0000-4000-8000-000000000000';

/** A need complete enough to be submitted. */
const completeNeed = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Tri automatique des courriers entrants',
  description: 'Nous recevons 300 courriers par jour et voulons les router automatiquement.',
  useCases: ['DOC_PROCESSING'],
  reach: 'regional',
  minBudgetEur: 5000,
  maxBudgetEur: 20000,
  desiredStart: '2027-01-15',
  deadline: '2027-06-30',
  dataSensitivity: 'personal',
  requirements: ['GDPR_DPA'],
  ...overrides,
});

describe('Needs: buyers post them, curators validate them', () => {
  let t: TestApp;
  let buyer: RegisteredSession;
  let curator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    buyer = await registerBuyer(t);
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (who: { accessToken: string }, body: Record<string, unknown>) =>
    request(t.server).post('/needs').set(bearer(who)).send(body);
  const act = (who: { accessToken: string }, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(t.server).post(`/needs/${id}/${action}`).set(bearer(who)).send(body);
  const createNeed = async (who: { accessToken: string } = buyer, body = completeNeed()) => {
    const res = await post(who, body);
    if (res.status !== 201) throw new Error(`create need failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; status: string };
  };
  const submittedNeed = async (who: { accessToken: string } = buyer, body = completeNeed()) => {
    const need = await createNeed(who, body);
    const res = await act(who, need.id, 'submit').expect(200);
    return res.body as { id: string; version: number; status: string };
  };
  const auditOf = (needId: string) =>
    t.dataSource.query(
      'SELECT action, actor_id, actor_role, before, after, request_id FROM audit_event WHERE entity_type = $1 AND entity_id = $2 ORDER BY created_at, action',
      ['need', needId],
    );
  const outboxOf = (needId: string) =>
    t.dataSource.query("SELECT topic, payload FROM outbox_event WHERE payload->>'needId' = $1 ORDER BY seq", [needId]);

  describe('creating', () => {
    it('creates a draft with the sector and commune of the buyer organisation, and derives département and région', async () => {
      const res = await post(buyer, { title: 'Un premier besoin' }).expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        version: 1,
        organisationId: buyer.organisationId,
        buyerType: 'tpe',
        sector: '10.71C',
        communeCode: '06088',
        departementCode: '06',
        regionCode: '93',
        acceptsRemote: true,
        useCases: [],
        requirements: [],
        suggestedRequirements: [],
        allowedActions: ['submit'],
        waitingSeconds: null,
      });
      const [row] = await t.dataSource.query('SELECT status, sector, commune_code, created_by FROM need WHERE id = $1', [res.body.id]);
      expect(row).toEqual({ status: 'draft', sector: '10.71C', commune_code: '06088', created_by: buyer.userId });
    });

    it('keeps explicit values over the defaults and round-trips every field', async () => {
      const res = await post(
        buyer,
        completeNeed({ communeCode: '13055', sector: '62', acceptsRemote: false, minSovereigntyGrade: 'B' }),
      ).expect(201);
      expect(res.body).toMatchObject({
        communeCode: '13055',
        departementCode: '13',
        regionCode: '93',
        sector: '62',
        acceptsRemote: false,
        minSovereigntyGrade: 'B',
        minBudgetEur: 5000,
        maxBudgetEur: 20000,
        desiredStart: '2027-01-15',
        deadline: '2027-06-30',
        dataSensitivity: 'personal',
      });
      const again = await request(t.server).get(`/needs/${res.body.id}`).set(bearer(buyer)).expect(200);
      expect(again.body).toEqual(res.body);
    });

    it('suggests the requirements of the data sensitivity and says which are missing', async () => {
      const res = await post(buyer, completeNeed({ dataSensitivity: 'health', requirements: ['DATA_IN_EU'] })).expect(201);
      expect(res.body.suggestedRequirements).toEqual(['HDS_CERTIFIED', 'DATA_IN_EU', 'GDPR_DPA']);
      expect(res.body.missingSuggestedRequirements).toEqual(['HDS_CERTIFIED', 'GDPR_DPA']);
    });

    it('adds the collectivité suggestions for a collectivité buyer', async () => {
      const mairie = await registerBuyer(t, { organisation: { buyerType: 'collectivite', nafCode: '84.11Z' } });
      const res = await post(mairie, completeNeed({ dataSensitivity: 'none', requirements: [] })).expect(201);
      expect(res.body).toMatchObject({ buyerType: 'collectivite', sector: '84.11Z', suggestedRequirements: ['DATA_IN_EU', 'GDPR_DPA'] });
      expect(res.body.missingSuggestedRequirements).toEqual(['DATA_IN_EU', 'GDPR_DPA']);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown use case', { useCases: ['TELEPATHY'] }, 'useCases'],
      ['an unknown commune', { communeCode: '99999' }, 'communeCode'],
      ['a budget minimum above the maximum', { minBudgetEur: 30000, maxBudgetEur: 1000 }, 'maxBudgetEur'],
      ['a fractional budget', { minBudgetEur: 10.5 }, 'minBudgetEur'],
      ['a deadline before the start', { desiredStart: '2027-03-01', deadline: '2027-02-01' }, 'deadline'],
      ['an impossible date', { desiredStart: '2027-02-30' }, 'desiredStart'],
      ['an unknown requirement', { requirements: ['MAGIC_SHIELD'] }, 'requirements'],
      ['a duplicated requirement', { requirements: ['GDPR_DPA', 'GDPR_DPA'] }, 'requirements'],
      ['an unknown sensitivity', { dataSensitivity: 'secret' }, 'dataSensitivity'],
      ['an unknown reach', { reach: 'galactic' }, 'reach'],
      ['grade E as a minimum', { minSovereigntyGrade: 'E' }, 'minSovereigntyGrade'],
      ['an unknown sector', { sector: '99.99Z' }, 'sector'],
      ['an unknown field', { status: 'published' }, 'status'],
      ['a missing title', { title: undefined }, 'title'],
    ])('refuses %s with 400 naming the field, and writes nothing', async (_name, overrides, field) => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM need');
      const res = await post(buyer, completeNeed(overrides)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      const after = await t.dataSource.query('SELECT count(*)::int AS n FROM need');
      expect(after[0].n).toBe(before[0].n);
    });
  });

  describe('the lifecycle', () => {
    it('runs draft → submitted → changes_requested → edited → submitted → published (adjusted) → closed, audited and in the outbox', async () => {
      const need = await createNeed();
      const submitted = await act(buyer, need.id, 'submit', { version: need.version }).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', allowedActions: ['publish', 'request-changes', 'reject'] });
      expect(submitted.body.submittedAt).toEqual(expect.any(String));

      const editInSubmitted = await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ title: 'X', version: submitted.body.version })
        .expect(409);
      expect(editInSubmitted.body.code).toBe('NEED_NOT_EDITABLE');

      const sentBack = await act(curator, need.id, 'request-changes', { message: 'Précisez le volume.' }).expect(200);
      expect(sentBack.body).toMatchObject({
        status: 'changes_requested',
        curatorMessage: 'Précisez le volume.',
        allowedActions: ['submit'],
      });

      const edited = await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ description: '300 courriers par jour, 5 services destinataires.', version: sentBack.body.version })
        .expect(200);
      expect(edited.body).toMatchObject({ status: 'changes_requested', description: '300 courriers par jour, 5 services destinataires.' });

      const resubmitted = await act(buyer, need.id, 'submit', { version: edited.body.version }).expect(200);
      expect(resubmitted.body.status).toBe('submitted');

      const published = await act(curator, need.id, 'publish', {
        useCases: ['DOC_PROCESSING', 'KNOWLEDGE_ASSISTANT_RAG'],
        sector: '82.11Z',
      }).expect(200);
      expect(published.body).toMatchObject({
        status: 'published',
        useCases: ['DOC_PROCESSING', 'KNOWLEDGE_ASSISTANT_RAG'],
        sector: '82.11Z',
      });
      expect(published.body.publishedAt).toEqual(expect.any(String));

      const closed = await act(buyer, need.id, 'close', { outcome: 'won' }).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closeOutcome: 'won', allowedActions: [] });
      expect(closed.body.closedAt).toEqual(expect.any(String));

      const events = await auditOf(need.id);
      const transitions = events.filter((e: { action: string }) => !['need.create', 'need.update'].includes(e.action));
      expect(
        transitions.map((e: { action: string; before: { status: string }; after: { status: string } }) => [
          e.action,
          e.before.status,
          e.after.status,
        ]),
      ).toEqual([
        ['need.submit', 'draft', 'submitted'],
        ['need.request_changes', 'submitted', 'changes_requested'],
        ['need.submit', 'changes_requested', 'submitted'],
        ['need.publish', 'submitted', 'published'],
        ['need.close', 'published', 'closed'],
      ]);
      const actors = transitions.map((e: { actor_id: string }) => e.actor_id);
      expect(actors).toEqual([buyer.userId, curator.userId, buyer.userId, curator.userId, buyer.userId]);
      for (const e of transitions) expect(e.request_id).toEqual(expect.any(String));
      const publish = transitions.find((e: { action: string }) => e.action === 'need.publish');
      expect(publish.before).toMatchObject({ useCases: ['DOC_PROCESSING'], sector: '10.71C' });
      expect(publish.after).toMatchObject({ useCases: ['DOC_PROCESSING', 'KNOWLEDGE_ASSISTANT_RAG'], sector: '82.11Z' });
      expect(events.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['need.create', 'need.update']));

      const outbox = await outboxOf(need.id);
      expect(outbox.map((o: { topic: string }) => o.topic)).toEqual([
        'need.submitted',
        'need.changes_requested',
        'need.submitted',
        'need.published',
        'leads.need_published',
        'need.closed',
      ]);
      for (const o of outbox) expect(o.payload).toEqual({ needId: need.id });
    });

    it('records the request id the client sent on the audit row', async () => {
      const need = await createNeed();
      await act(buyer, need.id, 'submit').set('x-request-id', 'needs-test-req-0001').expect(200);
      const events = await auditOf(need.id);
      expect(events.find((e: { action: string }) => e.action === 'need.submit').request_id).toBe('needs-test-req-0001');
    });

    it('lets a curator reject with a reason, and then nothing more', async () => {
      const need = await submittedNeed();
      const rejected = await act(curator, need.id, 'reject', { reason: "Hors du champ de l'IA." }).expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: "Hors du champ de l'IA.", allowedActions: [] });
      const again = await act(curator, need.id, 'publish').expect(409);
      expect(again.body).toMatchObject({ code: 'NEED_INVALID_TRANSITION', details: { status: 'rejected', allowed: [] } });
    });

    it('lets a curator close a published need', async () => {
      const need = await submittedNeed();
      await act(curator, need.id, 'publish').expect(200);
      const closed = await act(curator, need.id, 'close', { outcome: 'no_fit' }).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', closeOutcome: 'no_fit' });
    });

    it('answers an illegal transition with 409 listing the allowed actions, and writes no audit nor outbox row', async () => {
      const need = await createNeed();
      const res = await act(buyer, need.id, 'close', { outcome: 'won' }).expect(409);
      expect(res.body).toMatchObject({
        code: 'NEED_INVALID_TRANSITION',
        details: { status: 'draft', action: 'close', allowed: ['submit'] },
      });
      const publishDraft = await act(curator, need.id, 'publish').expect(409);
      expect(publishDraft.body.details.allowed).toEqual(['submit']);
      expect((await auditOf(need.id)).map((e: { action: string }) => e.action)).toEqual(['need.create']);
      expect(await outboxOf(need.id)).toEqual([]);
    });

    it('requires a message to request changes, a reason to reject and a known outcome to close', async () => {
      const need = await submittedNeed();
      expect((await act(curator, need.id, 'request-changes', {}).expect(400)).body.details[0].field).toBe('message');
      expect((await act(curator, need.id, 'reject', { reason: '' }).expect(400)).body.details[0].field).toBe('reason');
      expect((await act(curator, need.id, 'publish', { useCases: ['TELEPATHY'] }).expect(400)).body.details[0].field).toBe('useCases');
      await act(curator, need.id, 'publish').expect(200);
      expect((await act(buyer, need.id, 'close', { outcome: 'maybe' }).expect(400)).body.details[0].field).toBe('outcome');
      expect((await auditOf(need.id)).map((e: { action: string }) => e.action)).toEqual(['need.create', 'need.submit', 'need.publish']);
    });

    it('refuses to submit an incomplete need with 409 listing the missing fields', async () => {
      const need = await createNeed(buyer, { title: 'Brouillon' });
      const res = await act(buyer, need.id, 'submit').expect(409);
      expect(res.body.code).toBe('NEED_INCOMPLETE');
      expect(res.body.details.missing).toEqual(['description', 'useCases', 'reach', 'dataSensitivity']);
      expect(await outboxOf(need.id)).toEqual([]);
    });

    it('refuses to submit health data without HDS_CERTIFIED, naming it, and accepts once it is added', async () => {
      const need = await createNeed(buyer, completeNeed({ dataSensitivity: 'health', requirements: ['DATA_IN_EU', 'GDPR_DPA'] }));
      const res = await act(buyer, need.id, 'submit').expect(409);
      expect(res.body).toMatchObject({ code: 'NEED_REQUIREMENT_MISSING', details: { field: 'requirements', missing: ['HDS_CERTIFIED'] } });
      expect(res.body.message).toContain('HDS_CERTIFIED');
      const [{ status }] = await t.dataSource.query('SELECT status FROM need WHERE id = $1', [need.id]);
      expect(status).toBe('draft');
      const fixed = await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ requirements: ['HDS_CERTIFIED', 'DATA_IN_EU', 'GDPR_DPA'], version: need.version })
        .expect(200);
      expect(fixed.body.missingSuggestedRequirements).toEqual([]);
      await act(buyer, need.id, 'submit').expect(200);
    });
  });

  describe('editing', () => {
    it('answers a stale version with 409 STALE_VERSION and keeps the row', async () => {
      const need = await createNeed();
      await request(t.server).patch(`/needs/${need.id}`).set(bearer(buyer)).send({ title: 'Première', version: need.version }).expect(200);
      const stale = await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ title: 'Seconde', version: need.version })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const [row] = await t.dataSource.query('SELECT title, version FROM need WHERE id = $1', [need.id]);
      expect(row).toEqual({ title: 'Première', version: need.version + 1 });
    });

    it('requires the version, re-derives the geography from a new commune, and checks ranges against stored values', async () => {
      const need = await createNeed();
      const missing = await request(t.server).patch(`/needs/${need.id}`).set(bearer(buyer)).send({ title: 'Sans version' }).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['version']);
      const moved = await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ communeCode: '69123', version: need.version })
        .expect(200);
      expect(moved.body).toMatchObject({ communeCode: '69123', departementCode: '69', regionCode: '84' });
      const bad = await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ minBudgetEur: 50000, version: moved.body.version })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['maxBudgetEur']);
      const cleared = await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ deadline: null, version: moved.body.version })
        .expect(200);
      expect(cleared.body.deadline).toBeNull();
      await request(t.server)
        .patch(`/needs/${need.id}`)
        .set(bearer(buyer))
        .send({ title: null, version: cleared.body.version })
        .expect(400);
    });

    it('lets only one of two curators acting at once win; the other gets 409', async () => {
      const need = await submittedNeed();
      const curator2 = await createCurator(t);
      const results = await Promise.all([act(curator, need.id, 'publish'), act(curator2, need.id, 'reject', { reason: 'Doublon.' })]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(['STALE_VERSION', 'NEED_INVALID_TRANSITION']).toContain(loser.body.code);
      const decisions = (await auditOf(need.id)).filter((e: { action: string }) => ['need.publish', 'need.reject'].includes(e.action));
      expect(decisions).toHaveLength(1);
      // need.submitted and the winner's event (lead alerts follow a publication: not counted here).
      const topics = (await outboxOf(need.id))
        .map((o: { topic: string }) => o.topic)
        .filter((topic: string) => !topic.startsWith('leads.'));
      expect(topics).toHaveLength(2);
    });

    it('refuses a transition carrying a stale version', async () => {
      const need = await submittedNeed();
      const res = await act(curator, need.id, 'publish', { version: need.version - 1 }).expect(409);
      expect(res.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: need.version } });
    });
  });

  describe('who may do what', () => {
    it('answers 401 to anonymous callers on every route', async () => {
      const need = await createNeed();
      await request(t.server).get('/needs').expect(401);
      await request(t.server).get(`/needs/${need.id}`).expect(401);
      await request(t.server).post('/needs').send(completeNeed()).expect(401);
      await request(t.server).patch(`/needs/${need.id}`).send({ title: 'X', version: 1 }).expect(401);
      for (const action of ['submit', 'publish', 'request-changes', 'reject', 'close']) {
        await request(t.server).post(`/needs/${need.id}/${action}`).send({}).expect(401);
      }
    });

    it('answers 403 to vendors on every route, even for a need that exists', async () => {
      const vendor = await registerVendor(t);
      const need = await createNeed();
      await request(t.server).get('/needs').set(bearer(vendor)).expect(403);
      await request(t.server).get(`/needs/${need.id}`).set(bearer(vendor)).expect(403);
      await request(t.server).post('/needs').set(bearer(vendor)).send(completeNeed()).expect(403);
      await request(t.server).patch(`/needs/${need.id}`).set(bearer(vendor)).send({ title: 'X', version: 1 }).expect(403);
      for (const action of ['submit', 'publish', 'request-changes', 'reject', 'close']) {
        await act(vendor, need.id, action, { message: 'm', reason: 'r', outcome: 'won' }).expect(403);
      }
    });

    it("answers 404 for another buyer organisation's need, as for an unknown one", async () => {
      const other = await registerBuyer(t);
      const need = await createNeed();
      for (const id of [need.id, UNKNOWN_ID]) {
        expect((await request(t.server).get(`/needs/${id}`).set(bearer(other)).expect(404)).body.code).toBe('NEED_NOT_FOUND');
        await request(t.server).patch(`/needs/${id}`).set(bearer(other)).send({ title: 'Volé', version: 1 }).expect(404);
        await act(other, id, 'submit').expect(404);
        await act(other, id, 'close', { outcome: 'won' }).expect(404);
      }
      const list = await request(t.server).get('/needs?pageSize=100').set(bearer(other)).expect(200);
      expect(list.body.items.map((n: { id: string }) => n.id)).not.toContain(need.id);
    });

    it('refuses curator-only transitions to buyers (403) and buyer-only routes to curators (403)', async () => {
      const need = await submittedNeed();
      await act(buyer, need.id, 'publish').expect(403);
      await act(buyer, need.id, 'request-changes', { message: 'm' }).expect(403);
      await act(buyer, need.id, 'reject', { reason: 'r' }).expect(403);
      await request(t.server).post('/needs').set(bearer(curator)).send(completeNeed()).expect(403);
      await request(t.server).patch(`/needs/${need.id}`).set(bearer(curator)).send({ title: 'X', version: need.version }).expect(403);
      await act(curator, need.id, 'submit').expect(403);
      expect((await auditOf(need.id)).map((e: { action: string }) => e.action)).toEqual(['need.create', 'need.submit']);
    });

    it('keeps pending members of the buyer organisation out', async () => {
      const need = await createNeed();
      const colleague = await registerBuyer(t, { organisation: { siren: buyer.organisation.siren } });
      expect(colleague.membershipStatus).toBe('pending');
      await request(t.server).get(`/needs/${need.id}`).set(bearer(colleague)).expect(403);
      await request(t.server).get('/needs').set(bearer(colleague)).expect(403);
      await request(t.server).post('/needs').set(bearer(colleague)).send(completeNeed()).expect(403);
    });

    it('lets admins read and decide like curators', async () => {
      const admin = await createAdmin(t);
      const need = await submittedNeed();
      await request(t.server).get(`/needs/${need.id}`).set(bearer(admin)).expect(200);
      await act(admin, need.id, 'publish').expect(200);
    });

    it('never puts buyer contact details in a need', async () => {
      const need = await createNeed();
      const res = await request(t.server).get(`/needs/${need.id}`).set(bearer(curator)).expect(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(buyer.email);
      expect(Object.keys(res.body)).not.toEqual(expect.arrayContaining(['email', 'phone', 'displayName', 'createdBy']));
    });
  });

  describe('listing', () => {
    it("shows buyers their organisation's needs only", async () => {
      const own = await registerBuyer(t);
      const a = await createNeed(own);
      const b = await createNeed(own);
      await createNeed(buyer);
      const res = await request(t.server).get('/needs').set(bearer(own)).expect(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(res.body.items.map((n: { id: string }) => n.id)).toEqual([b.id, a.id]);
      const asc = await request(t.server).get('/needs?sort=createdAt').set(bearer(own)).expect(200);
      expect(asc.body.items.map((n: { id: string }) => n.id)).toEqual([a.id, b.id]);
    });

    it('serves curators the queue of submitted needs, oldest submission first, with the waiting time', async () => {
      const queueBuyer = await registerBuyer(t);
      const first = await submittedNeed(queueBuyer);
      const second = await submittedNeed(queueBuyer);
      const third = await submittedNeed(queueBuyer);
      await t.dataSource.query("UPDATE need SET submitted_at = now() - interval '3 days' WHERE id = $1", [second.id]);
      await t.dataSource.query("UPDATE need SET submitted_at = now() - interval '1 day' WHERE id = $1", [first.id]);
      const res = await request(t.server).get('/needs?status=submitted&pageSize=100').set(bearer(curator)).expect(200);
      const mine = res.body.items.filter((n: { id: string }) => [first.id, second.id, third.id].includes(n.id));
      expect(mine.map((n: { id: string }) => n.id)).toEqual([second.id, first.id, third.id]);
      expect(mine[0].waitingSeconds).toBeGreaterThanOrEqual(3 * 86400);
      expect(mine[1].waitingSeconds).toBeGreaterThanOrEqual(86400);
      expect(mine[1].waitingSeconds).toBeLessThan(2 * 86400);
      expect(mine[2].waitingSeconds).toBeLessThan(3600);
      const submittedAts = res.body.items.map((n: { submittedAt: string }) => Date.parse(n.submittedAt));
      expect(submittedAts).toEqual([...submittedAts].sort((x, y) => x - y));
      expect(res.body.items.every((n: { status: string }) => n.status === 'submitted')).toBe(true);
    });

    it('filters by région, département, use case and creation dates for curators', async () => {
      const lyon = await registerBuyer(t, { organisation: { communeCode: '69123' } });
      const need = await createNeed(lyon, completeNeed({ useCases: ['PREDICTIVE_MAINTENANCE'] }));
      const ids = async (query: string) =>
        (await request(t.server).get(`/needs?pageSize=100&${query}`).set(bearer(curator)).expect(200)).body.items.map(
          (n: { id: string }) => n.id,
        );
      expect(await ids('region=84')).toContain(need.id);
      expect(await ids('region=93')).not.toContain(need.id);
      expect(await ids('departement=69')).toContain(need.id);
      expect(await ids('departement=06')).not.toContain(need.id);
      expect(await ids('useCase=PREDICTIVE_MAINTENANCE')).toContain(need.id);
      expect(await ids('useCase=DOC_PROCESSING')).not.toContain(need.id);
      expect(await ids('createdFrom=2000-01-01')).toContain(need.id);
      expect(await ids('createdTo=2000-01-01')).not.toContain(need.id);
      expect(await ids('status=draft&region=84')).toContain(need.id);
    });

    it('refuses unknown filters and sorts with 400', async () => {
      for (const query of [
        'status=pending',
        'region=99',
        'departement=999',
        'useCase=TELEPATHY',
        'sort=title',
        'createdFrom=yesterday',
        'pageSize=101',
        'colour=blue',
      ]) {
        await request(t.server).get(`/needs?${query}`).set(bearer(curator)).expect(400);
      }
    });
  });

  it('documents every needs route in the OpenAPI document with bearer auth and error bodies', async () => {
    const doc = (await request(t.server).get('/docs/openapi.json').expect(200)).body;
    const routes: [string, string][] = [
      ['/needs', 'post'],
      ['/needs', 'get'],
      ['/needs/{id}', 'get'],
      ['/needs/{id}', 'patch'],
      ...['submit', 'publish', 'request-changes', 'reject', 'close'].map((a): [string, string] => [`/needs/{id}/${a}`, 'post']),
    ];
    for (const [path, method] of routes) {
      const op = doc.paths[path]?.[method];
      expect(op).toBeDefined();
      expect(op.security).toEqual([{ bearer: [] }]);
      expect(op.responses['401'].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorBodyDto');
      expect(op.responses['403']).toBeDefined();
    }
    expect(doc.components.schemas.NeedDto.properties.suggestedRequirements).toBeDefined();
    expect(doc.components.schemas.CreateNeedDto.properties.useCases.example).toEqual(['DOC_PROCESSING']);
  });
});

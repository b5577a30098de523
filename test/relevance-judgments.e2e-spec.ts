import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import request from 'supertest';
import { bearer, createAdmin, createCurator, registerVendor, type TestSession } from './support/auth.js';
import { createNeed, eligiblePair, type Pair } from './support/introductions.js';
import { createPublishedOffering, registerVerifiedVendor, sovereigntyProfile } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** ajv and ajv-formats are CommonJS: under ESM their export is the module object, whose `default` is the class. */
const interop = <T>(m: T): T => (m as { default?: T }).default ?? m;
const Ajv = interop(AjvModule as unknown) as typeof AjvModule.default;
const addFormats = interop(addFormatsModule as unknown) as typeof addFormatsModule.default;

/*
 * Issue 26: curators mark the pairs the ranking shows « pertinent » or « pas pertinent », with a
 * reason; one current mark per curator and pair, audited, listed, and exported in the shape of
 * test/relevance/judgments.json so the judged set can grow from them.
 */
describe('Relevance judgments (PUT/DELETE /needs/:needId/matches/:offeringId/judgment, /relevance-judgments)', () => {
  let t: TestApp;
  let curator: TestSession;
  let colleague: TestSession;
  let pair: Pair;
  let excludedOfferingId: string;
  const judgmentPath = (needId: string, offeringId: string) => `/needs/${needId}/matches/${offeringId}/judgment`;
  const put = (who: TestSession, body: object, needId = pair.needId, offeringId = pair.offeringId) =>
    request(t.server).put(judgmentPath(needId, offeringId)).set(bearer(who)).send(body);
  const remove = (who: TestSession, needId = pair.needId, offeringId = pair.offeringId) =>
    request(t.server).delete(judgmentPath(needId, offeringId)).set(bearer(who));
  const listed = async (query: Record<string, string | number> = { needId: pair.needId }) =>
    (await request(t.server).get('/relevance-judgments').query(query).set(bearer(curator)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    colleague = await createCurator(t);
    await request(t.server).patch('/me').set(bearer(curator)).send({ displayName: 'Camille Martin' }).expect(200);
    await request(t.server).patch('/me').set(bearer(colleague)).send({ displayName: 'Léa Roux' }).expect(200);
    pair = await eligiblePair(t, curator, {
      vendor: { organisation: { name: 'Azur Documents' } },
      buyer: { organisation: { name: 'Mairie de Biot' } },
    });
    // Shares a use case with the need but lacks its GDPR_DPA requirement: excluded, so never ranked.
    const other = await registerVerifiedVendor(t, curator, { organisation: { name: 'Vendeur Sans Contrat' } });
    excludedOfferingId = (await createPublishedOffering(t, other, { sovereignty: sovereigntyProfile({ gdpr: { dpaArt28: false } }) })).id;
  });
  afterAll(() => t?.close());

  it('marks a ranked offering « pertinent » with its reason, keeping its rank and the scoring version', async () => {
    const matches = (await request(t.server).get(`/needs/${pair.needId}/matches`).set(bearer(curator)).expect(200)).body;
    const res = await put(curator, { verdict: 'relevant', reason: 'exact_fit' }).expect(200);
    expect(res.body).toMatchObject({
      needId: pair.needId,
      offeringId: pair.offeringId,
      vendorName: 'Azur Documents',
      curatorId: curator.userId,
      curatorName: 'Camille Martin',
      verdict: 'relevant',
      reason: 'exact_fit',
      comment: null,
      rank: matches.items.findIndex((m: { offering: { id: string } }) => m.offering.id === pair.offeringId) + 1,
      scoringVersion: matches.scoringVersion,
    });
    expect(res.body.rank).toBeGreaterThanOrEqual(1);
    expect(res.body.createdAt).toBe(res.body.updatedAt);
  });

  it('replaces the mark when the curator marks the pair again: one mark, created kept, updated moved', async () => {
    const first = (await listed()).items.find((j: { curatorId: string }) => j.curatorId === curator.userId);
    const res = await put(curator, { verdict: 'not_relevant', reason: 'too_generic', comment: 'Trop large pour ce besoin.' }).expect(200);
    expect(res.body).toMatchObject({ id: first.id, verdict: 'not_relevant', reason: 'too_generic', comment: 'Trop large pour ce besoin.' });
    expect(res.body.createdAt).toBe(first.createdAt);
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
    const mine = (await listed()).items.filter((j: { curatorId: string }) => j.curatorId === curator.userId);
    expect(mine).toHaveLength(1);
  });

  it('keeps one mark per curator, and gives no rank to an offering the ranking does not show', async () => {
    await put(colleague, { verdict: 'relevant', reason: 'partial_fit' }).expect(200);
    const excluded = await put(colleague, { verdict: 'not_relevant', reason: 'requirement_unmet' }, pair.needId, excludedOfferingId).expect(
      200,
    );
    expect(excluded.body.rank).toBeNull();
    const page = await listed();
    expect(page.total).toBe(3);
    expect(page.items[0].offeringId).toBe(excludedOfferingId);
    expect((await listed({ needId: pair.needId, page: 2, pageSize: 2 })).items).toHaveLength(1);
  });

  it('removes the caller’s mark only; removing it again answers 404 JUDGMENT_NOT_FOUND', async () => {
    await remove(colleague, pair.needId, excludedOfferingId).expect(204);
    expect((await remove(colleague, pair.needId, excludedOfferingId).expect(404)).body.code).toBe('JUDGMENT_NOT_FOUND');
    const left = (await listed()).items.map((j: { curatorId: string; offeringId: string }) => [j.curatorId, j.offeringId]);
    expect(left.sort()).toEqual(
      [
        [curator.userId, pair.offeringId],
        [colleague.userId, pair.offeringId],
      ].sort(),
    );
  });

  it.each([
    ['an empty body', {}, ['verdict', 'reason']],
    ['an unknown verdict', { verdict: 'maybe', reason: 'off_topic' }, ['verdict']],
    ['an unknown reason', { verdict: 'not_relevant', reason: 'ugly' }, ['reason']],
    ['a reason of the other verdict', { verdict: 'relevant', reason: 'off_topic' }, ['reason']],
    ['"other" without a comment', { verdict: 'not_relevant', reason: 'other' }, ['comment']],
    ['a blank comment', { verdict: 'relevant', reason: 'other', comment: '   ' }, ['comment']],
    ['a comment over 500 characters', { verdict: 'relevant', reason: 'exact_fit', comment: 'x'.repeat(501) }, ['comment']],
    ['a null comment', { verdict: 'relevant', reason: 'exact_fit', comment: null }, ['comment']],
    ['an unexpected field', { verdict: 'relevant', reason: 'exact_fit', grade: 3 }, ['grade']],
  ])('refuses %s with 400 naming the field', async (_, body, fields) => {
    const before = await listed();
    const res = await put(curator, body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual([...fields].sort());
    expect(await listed()).toEqual(before);
  });

  it('says which reasons the verdict offers', async () => {
    const res = await put(curator, { verdict: 'relevant', reason: 'off_topic' }).expect(400);
    expect(res.body.details[0].messages).toEqual(['reason must be one of exact_fit, partial_fit, other when verdict is relevant']);
  });

  it('answers 404 for an unknown need or offering, 409 for a need not published, 400 for a malformed id', async () => {
    const body = { verdict: 'relevant', reason: 'exact_fit' };
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await put(curator, body, pair.needId, unknown).expect(404)).body.code).toBe('OFFERING_NOT_FOUND');
    expect((await put(curator, body, unknown, pair.offeringId).expect(404)).body.code).toBe('NEED_NOT_FOUND');
    expect((await remove(curator, pair.needId, unknown).expect(404)).body.code).toBe('OFFERING_NOT_FOUND');
    expect((await remove(curator, unknown, pair.offeringId).expect(404)).body.code).toBe('NEED_NOT_FOUND');
    const draft = await createNeed(t, pair.buyer);
    expect((await put(curator, body, draft.id).expect(409)).body.code).toBe('NEED_NOT_PUBLISHED');
    await put(curator, body, 'not-a-uuid').expect(400);
  });

  it('lets admins mark, refuses vendors and buyers (even the need’s own) with 403, and anonymous callers with 401', async () => {
    const body = { verdict: 'relevant', reason: 'exact_fit' };
    const admin = await createAdmin(t);
    await put(admin, body).expect(200);
    await remove(admin).expect(204);
    for (const who of [pair.buyer, pair.vendor, await registerVendor(t)]) {
      expect((await put(who, body).expect(403)).body.code).toBe('FORBIDDEN');
      await remove(who).expect(403);
      await request(t.server).get('/relevance-judgments').set(bearer(who)).expect(403);
      await request(t.server).get('/relevance-judgments/export').set(bearer(who)).expect(403);
    }
    await request(t.server).put(judgmentPath(pair.needId, pair.offeringId)).send(body).expect(401);
    await request(t.server).get('/relevance-judgments/export').expect(401);
  });

  it('writes each mark, re-mark and removal to the audit log with before and after', async () => {
    const mark = await put(colleague, { verdict: 'not_relevant', reason: 'off_topic' }, pair.needId, excludedOfferingId).expect(200);
    await put(colleague, { verdict: 'relevant', reason: 'other', comment: 'Contrat à négocier.' }, pair.needId, excludedOfferingId).expect(
      200,
    );
    await remove(colleague, pair.needId, excludedOfferingId).expect(204);
    const log = await request(t.server)
      .get('/audit')
      .query({ entityType: 'relevance_judgment', entityId: mark.body.id, sort: 'createdAt' })
      .set(bearer(curator))
      .expect(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'relevance_judgment.mark',
      'relevance_judgment.mark',
      'relevance_judgment.remove',
    ]);
    const [created, changed, removed] = log.body.items;
    expect(created).toMatchObject({ actorId: colleague.userId, actorRole: 'curator', before: null });
    expect(created.after).toEqual({
      needId: pair.needId,
      offeringId: excludedOfferingId,
      verdict: 'not_relevant',
      reason: 'off_topic',
      comment: null,
      rank: null,
      scoringVersion: mark.body.scoringVersion,
    });
    expect(changed.before).toMatchObject({ verdict: 'not_relevant', reason: 'off_topic' });
    expect(changed.after).toMatchObject({ verdict: 'relevant', reason: 'other', comment: 'Contrat à négocier.' });
    expect(removed).toMatchObject({ before: { verdict: 'relevant', reason: 'other' }, after: null });
    expect(JSON.stringify(log.body)).not.toContain('Léa Roux');
  });

  it('exports the marks as judgments.json additions, with the names a person needs to add them to the set', async () => {
    const res = await request(t.server).get('/relevance-judgments/export').set(bearer(curator)).expect(200);
    const date = new Date().toISOString().slice(0, 10);
    expect(res.body.grades).toEqual({ relevant: 2, not_relevant: 0, split: 1 });
    expect(Object.keys(res.body.needs)).toEqual([pair.needId]);
    // Camille: pas pertinent; Léa: pertinent. Split: grade 1, both rationales kept.
    expect(res.body.needs[pair.needId]).toEqual({
      [pair.offeringId]: {
        grade: 1,
        why: expect.stringMatching(/^Avis partagés — /),
      },
    });
    const why: string = res.body.needs[pair.needId][pair.offeringId].why;
    expect(why).toContain(`Pas pertinent (trop générique) : « Trop large pour ce besoin. » — Camille Martin, ${date}`);
    expect(why).toContain(`Pertinent (bonne piste, avec un écart) — Léa Roux, ${date}`);
    expect(res.body.refs).toEqual({
      needs: { [pair.needId]: { title: 'Tri automatique des courriers entrants', buyer: 'Mairie de Biot' } },
      offerings: { [pair.offeringId]: { title: 'Assistant documentaire souverain', vendor: 'Azur Documents' } },
    });

    await put(colleague, { verdict: 'not_relevant', reason: 'out_of_reach' }).expect(200);
    const agreed = (await request(t.server).get('/relevance-judgments/export').set(bearer(curator)).expect(200)).body;
    expect(agreed.needs[pair.needId][pair.offeringId].grade).toBe(0);
  });

  describe('OpenAPI', () => {
    interface Schema {
      example?: unknown;
      $ref?: string;
      allOf?: Schema[];
      type?: string;
      items?: Schema;
      properties?: Record<string, Schema>;
    }
    type Content = { content: Record<string, { schema: Schema }> };
    type Operation = { security: unknown; requestBody: Content; responses: Record<string, Content> };
    let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    const check = (schema: object, value: unknown) => {
      const validate = ajv.compile({ ...schema, components: doc.components });
      return validate(value) ? [] : validate.errors;
    };
    /** An instance built from the schema's examples, down through $ref, allOf, objects and arrays. */
    const exampleOf = (schema: Schema): unknown => {
      if (schema.example !== undefined) return schema.example;
      if (schema.$ref) return exampleOf(doc.components.schemas[schema.$ref.split('/').pop()!]);
      if (schema.allOf) return Object.assign({}, ...schema.allOf.map(exampleOf));
      if (schema.type === 'array') return [exampleOf(schema.items!)];
      if (schema.properties) return Object.fromEntries(Object.entries(schema.properties).map(([k, p]) => [k, exampleOf(p)]));
      throw new Error(`no example for ${JSON.stringify(schema)}`);
    };

    beforeAll(async () => {
      doc = (await request(t.server).get('/docs/openapi.json').expect(200)).body;
    });

    it('documents the four routes with bearer auth, their bodies and every error body', () => {
      const routes: [string, string][] = [
        ['/needs/{needId}/matches/{offeringId}/judgment', 'put'],
        ['/needs/{needId}/matches/{offeringId}/judgment', 'delete'],
        ['/relevance-judgments', 'get'],
        ['/relevance-judgments/export', 'get'],
      ];
      for (const [path, method] of routes) {
        const op = doc.paths[path]?.[method];
        expect({ path, method, documented: !!op }).toEqual({ path, method, documented: true });
        expect(op.security).toEqual([{ bearer: [] }]);
        for (const status of ['401', '403'])
          expect(op.responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorBodyDto');
      }
      const putOp = doc.paths['/needs/{needId}/matches/{offeringId}/judgment'].put;
      expect(putOp.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/JudgmentInputDto');
      for (const status of ['400', '404', '409']) expect(JSON.stringify(putOp.responses[status])).toContain('ErrorBodyDto');
      expect(doc.paths['/needs/{needId}/matches/{offeringId}/judgment'].delete.responses['204']).toBeDefined();
    });

    it.each(['JudgmentInputDto', 'RelevanceJudgmentDto', 'JudgmentsExportDto', 'ExportRefsDto', 'ExportedJudgmentDto'])(
      'gives %s examples that its own schema accepts',
      (name) => {
        const schema = doc.components.schemas[name];
        expect(schema).toBeDefined();
        expect(check(schema, exampleOf(schema))).toEqual([]);
      },
    );

    it('describes what the routes answer', async () => {
      const single = await put(curator, { verdict: 'relevant', reason: 'partial_fit', comment: 'Bon candidat.' }).expect(200);
      expect(check({ $ref: '#/components/schemas/RelevanceJudgmentDto' }, single.body)).toEqual([]);
      const page = await request(t.server).get('/relevance-judgments').set(bearer(curator)).expect(200);
      expect(check(doc.paths['/relevance-judgments'].get.responses['200'].content['application/json'].schema, page.body)).toEqual([]);
      const exported = await request(t.server).get('/relevance-judgments/export').set(bearer(curator)).expect(200);
      expect(check({ $ref: '#/components/schemas/JudgmentsExportDto' }, exported.body)).toEqual([]);
      // The schema is strict enough to notice a wrong shape.
      expect(
        check({ $ref: '#/components/schemas/JudgmentsExportDto' }, { ...exported.body, needs: { x: { y: { grade: 'high' } } } }),
      ).not.toEqual([]);
    });
  });
});

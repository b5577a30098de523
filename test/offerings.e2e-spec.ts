import request from 'supertest';
import { OFFERING_DOCUMENT_SOURCE, type OfferingDocumentSource } from '../src/search/offering-document.source.js';
import { bearer, createCurator, registerBuyer, registerVendor, type TestSession } from './support/auth.js';
import {
  createOffering,
  createPublishedOffering,
  offeringBody,
  offeringEvents,
  registerVerifiedVendor,
  sovereigntyProfile,
} from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

type Claim = { claim: string; status: string; counted: boolean; comment: string | null; evidence: unknown };

describe('Offerings: catalogue entries with a graded, verifiable sovereignty profile', () => {
  let t: TestApp;
  let curator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('lifecycle', () => {
    it('lets a vendor create, edit and publish an offering once a curator verified the vendor', async () => {
      const vendor = await registerVendor(t);
      const created = await request(t.server).post('/offerings').set(bearer(vendor)).send(offeringBody()).expect(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        version: 1,
        allowedActions: ['publish', 'archive'],
        vendor: { id: vendor.organisationId, verified: false },
        serviceArea: { national: false, regions: ['94'], departements: ['06'], remoteDelivery: true },
        pricing: { model: 'subscription', minBudgetEur: 3000, maxBudgetEur: 20000 },
        sovereigntyScore: { total: 99, grade: 'A', label: 'déclaratif', verified: false },
      });
      expect(created.body.sovereigntyScore.blocks).toEqual([
        { block: 'A', label: 'Juridiction et contrôle', score: 25, max: 25, raiseBy: null, raiseHint: null },
        { block: 'B', label: 'Localisation des données', score: 20, max: 20, raiseBy: null, raiseHint: null },
        { block: 'C', label: 'Qualifications', score: 20, max: 20, raiseBy: null, raiseHint: null },
        {
          block: 'D',
          label: "Souveraineté du modèle d'IA",
          score: 19,
          max: 20,
          raiseBy: 1,
          raiseHint: "Souveraineté du modèle d'IA : un modèle qui tourne chez le client ajouterait 1 point.",
        },
        { block: 'E', label: 'Protection des données et contrat', score: 15, max: 15, raiseBy: null, raiseHint: null },
      ]);
      expect(created.body.sovereignty.declaredAt).toEqual(expect.any(String));
      const secNumCloud = created.body.claims.find((c: Claim) => c.claim === 'certifications.secNumCloud');
      expect(secNumCloud).toMatchObject({
        status: 'declared',
        counted: true,
        evidence: { url: 'https://cyber.gouv.fr/produits-services-qualifies', validUntil: '2028-06-30' },
      });
      const id = created.body.id as string;
      expect(await offeringEvents(t, id)).toBe(0);

      const refused = await request(t.server).post(`/offerings/${id}/publish`).set(bearer(vendor)).expect(409);
      expect(refused.body.code).toBe('OFFERING_NOT_PUBLISHABLE');
      expect(refused.body.details).toEqual([{ field: 'vendor', messages: [expect.stringContaining('verified')] }]);

      await request(t.server).post(`/vendors/${vendor.organisationId}/verify`).set(bearer(curator)).expect(200);
      const edited = await request(t.server)
        .patch(`/offerings/${id}`)
        .set(bearer(vendor))
        .send({ title: 'Assistant des mairies', version: 1 })
        .expect(200);
      expect(edited.body).toMatchObject({ title: 'Assistant des mairies', version: 2 });
      const stale = await request(t.server)
        .patch(`/offerings/${id}`)
        .set(bearer(vendor))
        .send({ title: 'Trop tard', version: 1 })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');

      const published = await request(t.server).post(`/offerings/${id}/publish`).set(bearer(vendor)).expect(200);
      expect(published.body).toMatchObject({ status: 'published', allowedActions: ['archive'], vendor: { verified: true } });
      expect(published.body.publishedAt).toEqual(expect.any(String));
      expect(await offeringEvents(t, id)).toBe(1);

      const again = await request(t.server).post(`/offerings/${id}/publish`).set(bearer(vendor)).expect(409);
      expect(again.body).toMatchObject({ code: 'OFFERING_INVALID_TRANSITION', details: { status: 'published', allowed: ['archive'] } });

      await request(t.server).post(`/offerings/${id}/archive`).set(bearer(vendor)).expect(200);
      expect(await offeringEvents(t, id)).toBe(2);
      const archivedAgain = await request(t.server).post(`/offerings/${id}/archive`).set(bearer(vendor)).expect(409);
      expect(archivedAgain.body.details).toEqual({ status: 'archived', allowed: [] });
      const frozen = await request(t.server)
        .patch(`/offerings/${id}`)
        .set(bearer(vendor))
        .send({ title: 'X', version: published.body.version + 1 })
        .expect(409);
      expect(frozen.body.code).toBe('OFFERING_NOT_EDITABLE');

      const audit = await t.dataSource.query('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY created_at', [id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['offering.publish', 'offering.archive']);
    });

    it('refuses to publish an incomplete draft, listing every missing field', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      // A title of spaces only was taken, and published as a blank card (an outside review).
      const blank = await request(t.server).post('/offerings').set(bearer(vendor)).send({ title: '  ' }).expect(400);
      expect(blank.body.details).toEqual([expect.objectContaining({ field: 'title' })]);
      const draft = await request(t.server).post('/offerings').set(bearer(vendor)).send({ title: 'Brouillon' }).expect(201);
      expect(draft.body).toMatchObject({ sovereignty: null, sovereigntyScore: null, claims: [] });
      const res = await request(t.server).post(`/offerings/${draft.body.id}/publish`).set(bearer(vendor)).expect(409);
      expect(res.body.code).toBe('OFFERING_NOT_PUBLISHABLE');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([
        'summary',
        'description',
        'useCases',
        'serviceArea',
        'pricing.model',
        'targetBuyerTypes',
        'sovereignty',
      ]);
      expect(await offeringEvents(t, draft.body.id)).toBe(0);
    });

    it('keeps a published offering complete and enqueues nothing for a refused edit', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const offering = await createPublishedOffering(t, vendor);
      expect(await offeringEvents(t, offering.id)).toBe(1);
      const emptied = await request(t.server)
        .patch(`/offerings/${offering.id}`)
        .set(bearer(vendor))
        .send({ useCases: [], version: offering.version })
        .expect(400);
      expect(emptied.body.details).toEqual([{ field: 'useCases', messages: [expect.any(String)] }]);
      await request(t.server)
        .patch(`/offerings/${offering.id}`)
        .set(bearer(vendor))
        .send({ sovereignty: sovereigntyProfile({ hosting: { dataResidency: 'MOON' } }), version: offering.version })
        .expect(400);
      expect(await offeringEvents(t, offering.id)).toBe(1);
      await request(t.server)
        .patch(`/offerings/${offering.id}`)
        .set(bearer(vendor))
        .send({ summary: 'Nouveau résumé', version: offering.version })
        .expect(200);
      expect(await offeringEvents(t, offering.id)).toBe(2);
    });
  });

  describe('permissions', () => {
    it('answers 401 to anonymous writers and 403 to buyers, other vendors and staff editing', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const other = await registerVerifiedVendor(t, curator);
      const buyer = await registerBuyer(t);
      const offering = await createOffering(t, vendor);

      await request(t.server).post('/offerings').send(offeringBody()).expect(401);
      await request(t.server).post('/offerings').set(bearer(buyer)).send(offeringBody()).expect(403);
      await request(t.server).post('/offerings').set(bearer(curator)).send(offeringBody()).expect(403);
      await request(t.server).patch(`/offerings/${offering.id}`).set(bearer(other)).send({ title: 'Volé', version: 1 }).expect(403);
      await request(t.server).post(`/offerings/${offering.id}/publish`).set(bearer(other)).expect(403);
      await request(t.server).post(`/offerings/${offering.id}/archive`).set(bearer(other)).expect(403);
      await request(t.server).patch(`/offerings/${offering.id}`).set(bearer(buyer)).send({ title: 'Volé', version: 1 }).expect(403);
      await request(t.server).post(`/offerings/${offering.id}/claims/gdpr.dpaArt28/verify`).set(bearer(vendor)).send({}).expect(403);
      await request(t.server).post(`/offerings/${offering.id}/claims/gdpr.dpaArt28/verify`).send({}).expect(401);
      await request(t.server).patch('/offerings/7f1c9c1e-0000-4000-8000-000000000000').set(bearer(vendor)).send({ version: 1 }).expect(404);

      const [row] = await t.dataSource.query('SELECT title, status FROM offering WHERE id = $1', [offering.id]);
      expect(row).toEqual({ title: 'Assistant documentaire souverain', status: 'draft' });
    });

    it('lets a pending colleague neither create nor edit', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const pending = await registerVendor(t, { organisation: { siren: vendor.organisation.siren } });
      const offering = await createOffering(t, vendor);
      await request(t.server).post('/offerings').set(bearer(pending)).send(offeringBody()).expect(403);
      await request(t.server).patch(`/offerings/${offering.id}`).set(bearer(pending)).send({ title: 'X', version: 1 }).expect(403);
    });

    it('hides drafts from everyone but the owner members and staff', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const other = await registerVendor(t);
      const offering = await createOffering(t, vendor);

      const anonymous = await request(t.server).get(`/offerings/${offering.id}`).expect(404);
      expect(anonymous.body.code).toBe('OFFERING_NOT_FOUND');
      await request(t.server).get(`/offerings/${offering.id}`).set(bearer(other)).expect(404);
      await request(t.server).get(`/offerings/${offering.id}`).set(bearer(vendor)).expect(200);
      await request(t.server).get(`/offerings/${offering.id}`).set(bearer(curator)).expect(200);
      await request(t.server).get(`/offerings/${offering.id}`).set(bearer('not-a-token')).expect(401);

      await request(t.server).post(`/offerings/${offering.id}/publish`).set(bearer(vendor)).expect(200);
      const open = await request(t.server).get(`/offerings/${offering.id}`).expect(200);
      expect(open.body).toMatchObject({ id: offering.id, status: 'published' });
      expect(JSON.stringify(open.body)).not.toContain(vendor.email);
    });
  });

  describe('validation', () => {
    it.each<[string, Record<string, unknown>, string]>([
      [
        'an unknown data residency',
        { sovereignty: sovereigntyProfile({ hosting: { dataResidency: 'MOON' } }) },
        'sovereignty.hosting.dataResidency',
      ],
      [
        'an unknown SecNumCloud status',
        { sovereignty: sovereigntyProfile({ certifications: { secNumCloud: 'YES' } }) },
        'sovereignty.certifications.secNumCloud',
      ],
      [
        'an unknown deployment mode',
        { sovereignty: sovereigntyProfile({ hosting: { deploymentModes: ['CLOUD'] } }) },
        'sovereignty.hosting.deploymentModes',
      ],
      [
        'a missing AI section field',
        { sovereignty: sovereigntyProfile({ ai: { aiActRiskClass: undefined } }) },
        'sovereignty.ai.aiActRiskClass',
      ],
      ['a string for a boolean', { sovereignty: sovereigntyProfile({ gdpr: { dpaArt28: 'yes' } }) }, 'sovereignty.gdpr.dpaArt28'],
      [
        'an unknown jurisdiction',
        { sovereignty: sovereigntyProfile({ vendor: { hqJurisdiction: 'MARS' } }) },
        'sovereignty.vendor.hqJurisdiction',
      ],
      ['an unknown use case', { useCases: ['TELEPATHY'] }, 'useCases'],
      ['a NAF sous-classe as sector', { sectors: ['62.01Z'] }, 'sectors'],
      [
        'an unknown département',
        { serviceArea: { national: false, regions: [], departements: ['20'], remoteDelivery: false } },
        'serviceArea.departements',
      ],
      [
        'a département code as région',
        { serviceArea: { national: false, regions: ['13'], departements: [], remoteDelivery: false } },
        'serviceArea.regions',
      ],
      ['an unknown pricing model', { pricing: { model: 'barter' } }, 'pricing.model'],
      ['a minimum above the maximum', { pricing: { model: 'project', minBudgetEur: 5000, maxBudgetEur: 1000 } }, 'pricing.maxBudgetEur'],
      ['a negative budget', { pricing: { model: 'project', minBudgetEur: -1 } }, 'pricing.minBudgetEur'],
      ['an unknown buyer type', { targetBuyerTypes: ['multinationale'] }, 'targetBuyerTypes'],
      ['evidence for an unknown claim', { evidence: [{ claim: 'certifications.magic', url: 'https://x.fr' }] }, 'evidence[0].claim'],
      ['evidence with a bad date', { evidence: [{ claim: 'gdpr.dpaArt28', validUntil: '30/06/2028' }] }, 'evidence[0].validUntil'],
      ['a field from the server', { sovereignty: { ...sovereigntyProfile(), declaredAt: '2020-01-01' } }, 'sovereignty.declaredAt'],
    ])('answers 400 naming the field for %s', async (_name, override, field) => {
      const vendor = await registerVendor(t);
      const res = await request(t.server).post('/offerings').set(bearer(vendor)).send(offeringBody(override)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      const [row] = await t.dataSource.query('SELECT count(*)::int AS n FROM offering WHERE vendor_id = $1', [vendor.organisationId]);
      expect(row.n).toBe(0);
    });
  });

  describe('claims', () => {
    it('lowers the score when a curator rejects SecNumCloud, and audits and enqueues the decision', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const offering = await createPublishedOffering(t, vendor);
      const events = await offeringEvents(t, offering.id);

      const noComment = await request(t.server)
        .post(`/offerings/${offering.id}/claims/certifications.secNumCloud/reject`)
        .set(bearer(curator))
        .send({})
        .expect(400);
      expect(noComment.body.details.map((d: { field: string }) => d.field)).toEqual(['comment']);
      const unknown = await request(t.server)
        .post(`/offerings/${offering.id}/claims/certifications.magic/verify`)
        .set(bearer(curator))
        .send({})
        .expect(404);
      expect(unknown.body.code).toBe('CLAIM_NOT_FOUND');
      expect(unknown.body.details.claims).toContain('certifications.secNumCloud');
      expect(await offeringEvents(t, offering.id)).toBe(events);

      const rejected = await request(t.server)
        .post(`/offerings/${offering.id}/claims/certifications.secNumCloud/reject`)
        .set(bearer(curator))
        .send({ comment: "Le visa couvre l'hébergeur, pas l'offre." })
        .expect(200);
      expect(rejected.body.sovereigntyScore).toMatchObject({ total: 87, grade: 'A', label: 'déclaratif' });
      expect(rejected.body.claims.find((c: Claim) => c.claim === 'certifications.secNumCloud')).toMatchObject({
        status: 'rejected',
        counted: false,
        comment: "Le visa couvre l'hébergeur, pas l'offre.",
        value: 'OFFERING',
      });
      expect(rejected.body.sovereignty.lastReviewedAt).toEqual(expect.any(String));
      expect(await offeringEvents(t, offering.id)).toBe(events + 1);

      const [row] = await t.dataSource.query(
        'SELECT sovereignty_score, sovereignty_grade, sec_num_cloud, grade_verified FROM offering WHERE id = $1',
        [offering.id],
      );
      expect(row).toEqual({ sovereignty_score: 87, sovereignty_grade: 'A', sec_num_cloud: 'NONE', grade_verified: false });
      const [audit] = await t.dataSource.query(
        "SELECT actor_id, before, after FROM audit_event WHERE action = 'offering.claim_reject' AND entity_id = $1",
        [offering.id],
      );
      expect(audit).toMatchObject({
        actor_id: curator.userId,
        before: { status: 'declared', score: 99 },
        after: { status: 'rejected', score: 87 },
      });
    });

    it('shows "vérifié" once every counted claim is verified, and resets a claim whose value changes', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const offering = await createPublishedOffering(t, vendor);
      const start = await request(t.server).get(`/offerings/${offering.id}`).expect(200);
      const counted = (start.body.claims as Claim[]).filter((c) => c.counted).map((c) => c.claim);
      expect(counted).toEqual(expect.arrayContaining(['certifications.secNumCloud', 'hosting.dataResidency', 'gdpr.dpaArt28']));
      expect(counted).not.toContain('certifications.hds');

      let last = start;
      for (const [i, claim] of counted.entries()) {
        expect(last.body.sovereigntyScore.label).toBe('déclaratif');
        last = await request(t.server)
          .post(`/offerings/${offering.id}/claims/${claim}/verify`)
          .set(bearer(curator))
          .send(i === 0 ? { comment: 'Visa vérifié.' } : {})
          .expect(200);
      }
      expect(last.body.sovereigntyScore).toMatchObject({ total: 99, label: 'vérifié', verified: true });
      const [verifiedRow] = await t.dataSource.query('SELECT grade_verified FROM offering WHERE id = $1', [offering.id]);
      expect(verifiedRow.grade_verified).toBe(true);

      const edited = await request(t.server)
        .patch(`/offerings/${offering.id}`)
        .set(bearer(vendor))
        .send({ sovereignty: sovereigntyProfile({ hosting: { dataResidency: 'EU_EEA' } }), version: last.body.version })
        .expect(200);
      const claims = edited.body.claims as Claim[];
      expect(claims.find((c) => c.claim === 'hosting.dataResidency')).toMatchObject({ status: 'declared', comment: null });
      expect(claims.find((c) => c.claim === 'certifications.secNumCloud')?.status).toBe('verified');
      expect(edited.body.sovereigntyScore).toMatchObject({ total: 96, label: 'déclaratif', verified: false });

      // Sending the same values again keeps every decision.
      const same = await request(t.server)
        .patch(`/offerings/${offering.id}`)
        .set(bearer(vendor))
        .send({ sovereignty: sovereigntyProfile({ hosting: { dataResidency: 'EU_EEA' } }), version: edited.body.version })
        .expect(200);
      expect(same.body.sovereignty.declaredAt).toBe(edited.body.sovereignty.declaredAt);
      expect((same.body.claims as Claim[]).filter((c) => c.status === 'verified')).toHaveLength(counted.length - 1);
    });

    it('sends a decided claim back to declared when its evidence changes', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const offering = await createOffering(t, vendor);
      const verified = await request(t.server)
        .post(`/offerings/${offering.id}/claims/certifications.secNumCloud/verify`)
        .set(bearer(curator))
        .send({})
        .expect(200);
      expect(await offeringEvents(t, offering.id)).toBe(0); // a draft is not in search
      const res = await request(t.server)
        .patch(`/offerings/${offering.id}`)
        .set(bearer(vendor))
        .send({ evidence: [{ claim: 'certifications.secNumCloud', documentRef: 'ANSSI-2027-02' }], version: verified.body.version })
        .expect(200);
      expect(res.body.claims.find((c: Claim) => c.claim === 'certifications.secNumCloud')).toMatchObject({
        status: 'declared',
        evidence: { url: null, documentRef: 'ANSSI-2027-02', validUntil: null },
      });
    });

    it('answers 409 for a claim of an offering without a profile', async () => {
      const vendor = await registerVendor(t);
      const draft = await request(t.server).post('/offerings').set(bearer(vendor)).send({ title: 'Sans profil' }).expect(201);
      const res = await request(t.server)
        .post(`/offerings/${draft.body.id}/claims/gdpr.dpaArt28/verify`)
        .set(bearer(curator))
        .send({})
        .expect(409);
      expect(res.body.code).toBe('OFFERING_WITHOUT_PROFILE');
    });
  });

  describe('search documents', () => {
    it('builds documents for published offerings of verified vendors only, with the requirements the effective profile meets', async () => {
      const source = t.app.get<OfferingDocumentSource>(OFFERING_DOCUMENT_SOURCE);
      const vendor = await registerVerifiedVendor(t, curator);
      const published = await createPublishedOffering(t, vendor);
      const draft = await createOffering(t, vendor);

      const [doc, ...rest] = await source.documentsFor([published.id, draft.id, '7f1c9c1e-0000-4000-8000-000000000000']);
      expect(rest).toEqual([]);
      expect(doc).toMatchObject({
        id: published.id,
        version: published.version,
        vendorId: vendor.organisationId,
        useCases: ['KNOWLEDGE_ASSISTANT_RAG', 'DOC_PROCESSING'],
        sectors: ['84'],
        national: false,
        regions: ['93', '94'],
        departements: ['06', '2A', '2B'],
        remoteDelivery: true,
        grade: 'A',
        sovereigntyScore: 99,
        gradeVerified: false,
        dataResidency: 'FR',
        minBudgetEur: 3000,
        maxBudgetEur: 20000,
      });
      expect(doc.useCaseLabels).toHaveLength(2);
      expect(doc.sectorLabels[0]).toMatch(/administration/i);
      expect(doc.requirementsMet).toEqual([
        'SECNUMCLOUD_OFFERING',
        'SECNUMCLOUD_INFRA_OR_BETTER',
        'DATA_IN_FRANCE',
        'DATA_IN_EU',
        'NO_NON_EU_REMOTE_ACCESS',
        'NO_EXTRATERRITORIAL_EXPOSURE',
        'ON_PREMISE_OR_PRIVATE',
        'NO_TRAINING_ON_CUSTOMER_DATA',
        'GDPR_DPA',
        'NO_NON_EU_TRANSFERS',
        'EU_MODEL',
        'OPEN_SOURCE_MODEL',
        'ISO27001',
        'AI_ACT_NOT_HIGH_RISK',
        'DATA_EXPORT_OPEN_FORMAT',
      ]);
      expect(await source.publishedIdsAfter(null, 1000)).toContain(published.id);

      await request(t.server)
        .post(`/offerings/${published.id}/claims/certifications.secNumCloud/reject`)
        .set(bearer(curator))
        .send({ comment: 'Pas de visa.' })
        .expect(200);
      const [afterReject] = await source.documentsFor([published.id]);
      expect(afterReject.requirementsMet).not.toContain('SECNUMCLOUD_OFFERING');
      expect(afterReject.requirementsMet).not.toContain('SECNUMCLOUD_INFRA_OR_BETTER');
      expect(afterReject.sovereigntyScore).toBe(87);

      await request(t.server).post(`/offerings/${published.id}/archive`).set(bearer(vendor)).expect(200);
      expect(await source.documentsFor([published.id])).toEqual([]);
      expect(await source.publishedIdsAfter(null, 1000)).not.toContain(published.id);
    });
  });
});

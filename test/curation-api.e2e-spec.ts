import request from 'supertest';
import { bearer, createCurator, registerBuyer, registerVendor, type TestSession } from './support/auth.js';
import { createOffering, createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The two reads the curators' console added to the API: vendors awaiting verification, claims awaiting review. */
describe('Curation work lists in the API', () => {
  let t: TestApp;
  let curator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
  });
  afterAll(() => t.close());

  describe('GET /vendors?verified=false', () => {
    it('lists vendors awaiting verification to curators, oldest registration first, and never verified ones', async () => {
      const first = await registerVendor(t);
      const second = await registerVendor(t);
      const verified = await registerVerifiedVendor(t, curator);
      const res = await request(t.server).get('/vendors?verified=false&pageSize=100').set(bearer(curator)).expect(200);
      const ids: string[] = res.body.items.map((v: { id: string }) => v.id);
      expect(ids).toEqual(expect.arrayContaining([first.organisationId, second.organisationId]));
      expect(ids).not.toContain(verified.organisationId);
      expect(ids.indexOf(first.organisationId!)).toBeLessThan(ids.indexOf(second.organisationId!));
      expect(res.body.items.every((v: { verified: boolean }) => v.verified === false)).toBe(true);

      const publicList = await request(t.server).get('/vendors?pageSize=100').expect(200);
      const publicIds = publicList.body.items.map((v: { id: string }) => v.id);
      expect(publicIds).toContain(verified.organisationId);
      expect(publicIds).not.toContain(first.organisationId);
      const explicit = await request(t.server).get('/vendors?verified=true&pageSize=100').expect(200);
      expect(explicit.body.total).toBe(publicList.body.total);
    });

    it('refuses the unverified list to anonymous callers, vendors and buyers, and rejects a bad value', async () => {
      await request(t.server).get('/vendors?verified=false').expect(403);
      const vendor = await registerVendor(t);
      const buyer = await registerBuyer(t);
      await request(t.server).get('/vendors?verified=false').set(bearer(vendor)).expect(403);
      await request(t.server).get('/vendors?verified=false').set(bearer(buyer)).expect(403);
      await request(t.server).get('/vendors?verified=maybe').set(bearer(curator)).expect(400);
      await request(t.server).get('/vendors?verified=false').set(bearer('not-a-token')).expect(401);
    });
  });

  describe('GET /offerings/claims-to-review', () => {
    it('lists published offerings with their counted, still declared claims and evidence; drafts and decided claims are left out', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const published = await createPublishedOffering(t, vendor, { title: 'Offre à vérifier' });
      const draft = await createOffering(t, vendor, { title: 'Brouillon' });

      const list = async () =>
        (await request(t.server).get('/offerings/claims-to-review?pageSize=100').set(bearer(curator)).expect(200)).body;
      const before = await list();
      const entry = before.items.find((i: { offering: { id: string } }) => i.offering.id === published.id);
      expect(before.items.map((i: { offering: { id: string } }) => i.offering.id)).not.toContain(draft.id);
      expect(entry.offering).toMatchObject({
        title: 'Offre à vérifier',
        status: 'published',
        vendor: { id: vendor.organisationId, verified: true },
      });
      expect(entry.claims.length).toBeGreaterThan(1);
      expect(entry.claims.every((c: { counted: boolean; status: string }) => c.counted && c.status === 'declared')).toBe(true);
      const secNumCloud = entry.claims.find((c: { claim: string }) => c.claim === 'certifications.secNumCloud');
      expect(secNumCloud.evidence).toEqual({
        url: 'https://cyber.gouv.fr/produits-services-qualifies',
        documentRef: null,
        validUntil: '2028-06-30',
      });

      await request(t.server)
        .post(`/offerings/${published.id}/claims/certifications.secNumCloud/verify`)
        .set(bearer(curator))
        .send({})
        .expect(200);
      const after = (await list()).items.find((i: { offering: { id: string } }) => i.offering.id === published.id);
      expect(after.claims.map((c: { claim: string }) => c.claim)).not.toContain('certifications.secNumCloud');
      expect(after.claims).toHaveLength(entry.claims.length - 1);

      // Once every counted claim is decided, the offering leaves the list.
      for (const c of after.claims as { claim: string }[]) {
        await request(t.server).post(`/offerings/${published.id}/claims/${c.claim}/verify`).set(bearer(curator)).send({}).expect(200);
      }
      const done = await list();
      expect(done.items.map((i: { offering: { id: string } }) => i.offering.id)).not.toContain(published.id);
      expect(done.total).toBe(before.total - 1);
    });

    it('pages the list and refuses it to vendors, buyers and anonymous callers', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      await createPublishedOffering(t, vendor);
      await createPublishedOffering(t, vendor);
      const page = await request(t.server).get('/offerings/claims-to-review?page=1&pageSize=1').set(bearer(curator)).expect(200);
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(2);
      await request(t.server).get('/offerings/claims-to-review').expect(401);
      await request(t.server).get('/offerings/claims-to-review').set(bearer(vendor)).expect(403);
      await request(t.server)
        .get('/offerings/claims-to-review')
        .set(bearer(await registerBuyer(t)))
        .expect(403);
    });
  });
});

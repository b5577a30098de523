import request from 'supertest';
import { luhnSiret } from '../src/demo/demo-data.js';
import { bearer, createCurator, randomSiren, registerBuyer, registerVendor, type TestSession } from './support/auth.js';
import { createOffering, createPublishedOffering, offeringEvents, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const ids = (res: request.Response): string[] => res.body.items.map((v: { id: string }) => v.id);

describe('Vendors: public profiles and verification', () => {
  let t: TestApp;
  let curator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('verification', () => {
    it('lets a curator verify a vendor once, audited, and refuses vendors and buyers', async () => {
      const vendor = await registerVendor(t);
      const buyer = await registerBuyer(t);
      await request(t.server).post(`/vendors/${vendor.organisationId}/verify`).set(bearer(vendor)).expect(403);
      await request(t.server).post(`/vendors/${vendor.organisationId}/verify`).expect(401);
      await request(t.server).post(`/vendors/${buyer.organisationId}/verify`).set(bearer(curator)).expect(404);

      const res = await request(t.server).post(`/vendors/${vendor.organisationId}/verify`).set(bearer(curator)).expect(200);
      expect(res.body).toMatchObject({ id: vendor.organisationId, verified: true, verifiedAt: expect.any(String) });
      const again = await request(t.server).post(`/vendors/${vendor.organisationId}/verify`).set(bearer(curator)).expect(409);
      expect(again.body.code).toBe('VENDOR_ALREADY_VERIFIED');
      const audit = await t.dataSource.query("SELECT actor_id FROM audit_event WHERE action = 'vendor.verify' AND entity_id = $1", [
        vendor.organisationId,
      ]);
      expect(audit).toEqual([{ actor_id: curator.userId }]);
    });
  });

  describe('public profile', () => {
    it('shows a verified vendor to anyone with its published offerings only, and no personal data', async () => {
      const vendor = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '13055' } });
      const published = await createPublishedOffering(t, vendor);
      await createOffering(t, vendor, { title: 'Brouillon secret' });

      const res = await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(200);
      expect(res.body).toMatchObject({
        id: vendor.organisationId,
        siren: vendor.organisation.siren,
        commune: { code: '13055', name: 'Marseille' },
        departement: { code: '13', name: 'Bouches-du-Rhône' },
        region: { code: '93' },
        verified: true,
        nafCode: '62.01Z',
      });
      expect(res.body.publishedOfferings.map((o: { id: string }) => o.id)).toEqual([published.id]);
      expect(res.body.publishedOfferings[0]).toMatchObject({ sovereigntyGrade: 'A', sovereigntyScore: 99, gradeVerified: false });
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(vendor.email);
      expect(text).not.toContain('Brouillon secret');

      const offerings = await request(t.server).get(`/vendors/${vendor.organisationId}/offerings`).expect(200);
      expect(offerings.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
      const mine = await request(t.server).get(`/vendors/${vendor.organisationId}/offerings`).set(bearer(vendor)).expect(200);
      expect(mine.body.total).toBe(2);
      const drafts = await request(t.server)
        .get(`/vendors/${vendor.organisationId}/offerings?status=draft`)
        .set(bearer(vendor))
        .expect(200);
      expect(drafts.body.items.map((o: { title: string }) => o.title)).toEqual(['Brouillon secret']);
      const anonymousDrafts = await request(t.server).get(`/vendors/${vendor.organisationId}/offerings?status=draft`).expect(200);
      expect(anonymousDrafts.body.items.map((o: { id: string }) => o.id)).toEqual([published.id]);
    });

    it('shows an unverified vendor to its members and staff only', async () => {
      const vendor = await registerVendor(t);
      const other = await registerVendor(t);
      await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(404);
      await request(t.server).get(`/vendors/${vendor.organisationId}`).set(bearer(other)).expect(404);
      await request(t.server).get(`/vendors/${vendor.organisationId}/offerings`).expect(404);
      const own = await request(t.server).get(`/vendors/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
      expect(own.body.verified).toBe(false);
      await request(t.server).get(`/vendors/${vendor.organisationId}`).set(bearer(curator)).expect(200);
      await request(t.server).get('/vendors/not-a-uuid').expect(400);
    });
  });

  describe('catalogue of vendors', () => {
    it('lists verified vendors only, filtered by place (head office or service area) and use case', async () => {
      const ajaccio = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '2A004' } });
      const servesCorsica = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '75056' } });
      await createPublishedOffering(t, servesCorsica, {
        useCases: ['ENERGY_ENVIRONMENT'],
        serviceArea: { national: false, regions: ['94'], departements: [], remoteDelivery: false },
      });
      const guadeloupe = await registerVerifiedVendor(t, curator, { organisation: { communeCode: '97105' } });
      const unverified = await registerVendor(t, { organisation: { communeCode: '2A004' } });

      const corsica = await request(t.server).get('/vendors?region=94&pageSize=100').expect(200);
      expect(ids(corsica)).toEqual(expect.arrayContaining([ajaccio.organisationId, servesCorsica.organisationId]));
      expect(ids(corsica)).not.toContain(unverified.organisationId);
      expect(ids(corsica)).not.toContain(guadeloupe.organisationId);

      const corseDuSud = await request(t.server).get('/vendors?departement=2A&pageSize=100').expect(200);
      expect(ids(corseDuSud)).toEqual(expect.arrayContaining([ajaccio.organisationId, servesCorsica.organisationId]));

      const overseas = await request(t.server).get('/vendors?departement=971').expect(200);
      expect(ids(overseas)).toContain(guadeloupe.organisationId);
      expect(ids(overseas)).not.toContain(ajaccio.organisationId);

      const energy = await request(t.server).get('/vendors?useCase=ENERGY_ENVIRONMENT&pageSize=100').expect(200);
      expect(ids(energy)).toEqual([servesCorsica.organisationId]);

      const page = await request(t.server).get('/vendors?pageSize=1&page=2').expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 1 });
      expect(page.body.items).toHaveLength(1);
      expect(page.body.total).toBeGreaterThanOrEqual(4);

      const bad = await request(t.server).get('/vendors?region=13&departement=20&useCase=NOPE').expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['departement', 'region', 'useCase']);
    });

    it('finds a vendor by the département of one of its establishments, once a curator has confirmed it', async () => {
      const siren = randomSiren();
      const siret = luhnSiret(siren, 3);
      const vendor = await registerVerifiedVendor(t, curator, {
        organisation: { siren, communeCode: '69123', establishments: [{ siret, communeCode: '2B033' }] },
      });
      const inCorsica = async () => ids(await request(t.server).get('/vendors?departement=2B&pageSize=100').expect(200));
      // Declared only: it does not make the vendor local (decision 022).
      expect(await inCorsica()).not.toContain(vendor.organisationId);
      await request(t.server)
        .post(`/vendors/${vendor.organisationId}/establishments/${siret}/confirmation`)
        .set(bearer(curator))
        .expect(200);
      expect(await inCorsica()).toContain(vendor.organisationId);
      const rhone = await request(t.server).get('/vendors?departement=2A&pageSize=100').expect(200);
      expect(ids(rhone)).not.toContain(vendor.organisationId);
    });
  });

  describe('profile edits', () => {
    it('lets a member change the public profile with optimistic locking, and re-sends offerings to search on a rename', async () => {
      const vendor = await registerVerifiedVendor(t, curator);
      const offering = await createPublishedOffering(t, vendor);
      const events = await offeringEvents(t, offering.id);
      const before = await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(200);

      const described = await request(t.server)
        .patch(`/vendors/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ description: 'IA documentaire hébergée à Nice.', website: 'https://azur-ia.fr', version: before.body.version })
        .expect(200);
      expect(described.body).toMatchObject({
        description: 'IA documentaire hébergée à Nice.',
        website: 'https://azur-ia.fr',
        version: before.body.version + 1,
      });
      expect(await offeringEvents(t, offering.id)).toBe(events);

      const renamed = await request(t.server)
        .patch(`/vendors/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ name: 'Azur IA SAS', version: described.body.version })
        .expect(200);
      expect(renamed.body.name).toBe('Azur IA SAS');
      expect(await offeringEvents(t, offering.id)).toBe(events + 1);

      const stale = await request(t.server)
        .patch(`/vendors/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ name: 'X', version: described.body.version })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const audit = await t.dataSource.query(
        "SELECT after FROM audit_event WHERE action = 'vendor.update' AND entity_id = $1 ORDER BY created_at",
        [vendor.organisationId],
      );
      expect(audit.map((a: { after: { name: string } }) => a.after.name)).toEqual([before.body.name, 'Azur IA SAS']);
    });

    it('refuses other vendors, curators and invalid fields', async () => {
      const vendor = await registerVendor(t);
      const other = await registerVendor(t);
      await request(t.server).patch(`/vendors/${vendor.organisationId}`).set(bearer(other)).send({ name: 'Volé', version: 1 }).expect(403);
      await request(t.server)
        .patch(`/vendors/${vendor.organisationId}`)
        .set(bearer(curator))
        .send({ name: 'Volé', version: 1 })
        .expect(403);
      await request(t.server).patch(`/vendors/${vendor.organisationId}`).send({ name: 'Volé', version: 1 }).expect(401);
      const bad = await request(t.server)
        .patch(`/vendors/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ website: 'ftp://azur', headcountBand: 'huge', siren: '552100554' })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['headcountBand', 'siren', 'version', 'website']);
    });
  });

  it('documents every vendor and offering route in OpenAPI with schemas, examples, bearer auth and error bodies', async () => {
    const doc = await request(t.server).get('/docs/openapi.json').expect(200);
    const routes: [string, string][] = [
      ['/vendors', 'get'],
      ['/vendors/{id}', 'get'],
      ['/vendors/{id}', 'patch'],
      ['/vendors/{id}/verify', 'post'],
      ['/vendors/{id}/establishments/{siret}/confirmation', 'post'],
      ['/vendors/{id}/establishments/{siret}/confirmation', 'delete'],
      ['/vendors/{id}/offerings', 'get'],
      ['/offerings', 'post'],
      ['/offerings/{id}', 'get'],
      ['/offerings/{id}', 'patch'],
      ['/offerings/{id}/publish', 'post'],
      ['/offerings/{id}/archive', 'post'],
      ['/offerings/{id}/claims/{claim}/verify', 'post'],
      ['/offerings/{id}/claims/{claim}/reject', 'post'],
    ];
    for (const [path, method] of routes) {
      const operation = doc.body.paths[path]?.[method];
      expect({ path, method, documented: !!operation }).toEqual({ path, method, documented: true });
      const errors = Object.entries(operation.responses).filter(([status]) => status.startsWith('4'));
      expect(errors.length).toBeGreaterThan(0);
      for (const [, response] of errors) expect(JSON.stringify(response)).toContain('ErrorBodyDto');
      // Public reads that show more to a signed-in caller: anonymous or bearer.
      const tokenOptional = method === 'get' && ['/vendors', '/vendors/{id}', '/vendors/{id}/offerings', '/offerings/{id}'].includes(path);
      expect({ path, method, security: operation.security }).toEqual({
        path,
        method,
        security: tokenOptional ? [{}, { bearer: [] }] : [{ bearer: [] }],
      });
    }
    const schemas = doc.body.components.schemas;
    expect(schemas.HostingDto.properties.dataResidency).toMatchObject({
      enum: expect.arrayContaining(['FR', 'CUSTOMER_PREMISES']),
      example: 'FR',
    });
    expect(schemas.CreateOfferingDto.properties.sovereignty.allOf ?? schemas.CreateOfferingDto.properties.sovereignty.$ref).toBeDefined();
    expect(schemas.OfferingDto.properties.claims).toBeDefined();
    expect(schemas.UpdateOfferingDto.required).toEqual(['version']);
    expect(schemas.EstablishmentViewDto.properties).toMatchObject({ confirmed: { type: 'boolean' }, confirmedAt: { nullable: true } });
    const confirm = doc.body.paths['/vendors/{id}/establishments/{siret}/confirmation'].post;
    expect(confirm.responses['200'].content['application/json']).toMatchObject({
      schema: { $ref: '#/components/schemas/EstablishmentViewDto' },
      example: { confirmed: true },
    });
    expect(confirm.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['id', 'siret']);
    expect(Object.keys(confirm.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '500', '503']);
  });
});

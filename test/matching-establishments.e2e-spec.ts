import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { luhnSiret } from '../src/demo/demo-data.js';
import {
  bearer,
  createAdmin,
  createCurator,
  randomSiren,
  registerBuyer,
  registrationBody,
  TEST_PASSWORD,
  type RegisteredSession,
  type TestSession,
} from './support/auth.js';
import { createPublishedNeed, proposeIntroduction } from './support/introductions.js';
import { createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { webSignIn } from './support/web.js';

/*
 * Issue 26, decision 022: a declared establishment counts for proximity and locality only once a
 * curator has confirmed it. A need in Nice; a Paris vendor declaring a site in Nice, and a vendor
 * whose head office is in Valbonne, both with the same eligible offering.
 */

interface Match {
  proximity: string;
  offering: { id: string };
  criteria: { criterion: string; reason: string }[];
}

describe('Establishments that count are checked (issue 26)', () => {
  let t: TestApp;
  let curator: TestSession;
  let admin: TestSession;
  let buyer: RegisteredSession;
  let paris: RegisteredSession;
  let niceSiret: string;
  let parisOfferingId: string;
  let valbonneOfferingId: string;
  let needId: string;

  const confirmation = (vendorId: string, siret: string) => `/vendors/${vendorId}/establishments/${siret}/confirmation`;
  const matchOf = async (offeringId: string): Promise<{ relation: string; reason: string }> => {
    const res = await request(t.server).get(`/needs/${needId}/matches`).set(bearer(buyer)).expect(200);
    const match = (res.body.items as Match[]).find((m) => m.offering.id === offeringId);
    if (!match) throw new Error(`offering ${offeringId} is not among the matches`);
    return { relation: match.proximity, reason: match.criteria.find((c) => c.criterion === 'proximity')!.reason };
  };
  const projected = async (offeringId: string) =>
    (
      (await t.dataSource.query('SELECT vendor_establishment_communes, vendor_departements FROM offering_match WHERE offering_id = $1', [
        offeringId,
      ])) as Record<string, string[]>[]
    )[0];
  const establishmentsOf = async (vendor: RegisteredSession) =>
    (await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200)).body.establishments;
  const auditOf = (vendorId: string, action: string) =>
    t.dataSource.query('SELECT actor_id, before, after FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY created_at', [
      action,
      vendorId,
    ]);

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    admin = await createAdmin(t);
    buyer = await registerBuyer(t, { organisation: { communeCode: '06088', buyerType: 'collectivite' } });
    const siren = randomSiren();
    niceSiret = luhnSiret(siren, 21);
    paris = await registerVerifiedVendor(t, curator, {
      organisation: { siren, name: 'Paris Sites', communeCode: '75056', establishments: [{ siret: niceSiret, communeCode: '06088' }] },
    });
    const valbonne = await registerVerifiedVendor(t, curator, { organisation: { name: 'Valbonne Siège', communeCode: '06152' } });
    parisOfferingId = (await createPublishedOffering(t, paris)).id;
    valbonneOfferingId = (await createPublishedOffering(t, valbonne)).id;
    // National: the Paris vendor is within reach; what is measured here is proximity (reach: matching-trust).
    needId = (await createPublishedNeed(t, buyer, curator, { reach: 'national' })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('does not make a Paris vendor local to a need in Nice through a declared, unconfirmed Nice establishment', async () => {
    expect(await matchOf(parisOfferingId)).toEqual({
      relation: 'on_site',
      reason: 'Fournisseur plus éloigné, intervenant sur site dans cette zone.',
    });
    expect(await projected(parisOfferingId)).toEqual({ vendor_establishment_communes: [], vendor_departements: ['75'] });
    expect(await establishmentsOf(paris)).toEqual([{ siret: niceSiret, communeCode: '06088', confirmed: false, confirmedAt: null }]);
    const profile = await request(t.server).get(`/vendors/${paris.organisationId}`).expect(200);
    expect(profile.body.establishments).toEqual([{ siret: niceSiret, communeCode: '06088', confirmed: false, confirmedAt: null }]);
    // A head office is named as such.
    expect(await matchOf(valbonneOfferingId)).toEqual({
      relation: 'same_departement',
      reason: 'Fournisseur présent dans le même département (siège à Valbonne).',
    });
  });

  it('lists the vendor to curators among those with establishments to confirm, and to them only', async () => {
    const res = await request(t.server).get('/vendors?establishmentsToConfirm=true&pageSize=100').set(bearer(curator)).expect(200);
    expect(res.body.items.map((v: { id: string }) => v.id)).toEqual([paris.organisationId]);
    await request(t.server).get('/vendors?establishmentsToConfirm=true').expect(403);
    await request(t.server).get('/vendors?establishmentsToConfirm=true').set(bearer(paris)).expect(403);
  });

  it('counts the establishment once a curator confirms it: audited, and the proximity reason names it', async () => {
    const res = await request(t.server).post(confirmation(paris.organisationId!, niceSiret)).set(bearer(curator)).expect(200);
    expect(res.body).toEqual({ siret: niceSiret, communeCode: '06088', confirmed: true, confirmedAt: expect.any(String) });
    // Confirming again changes nothing: same instant, no second audit entry.
    const again = await request(t.server).post(confirmation(paris.organisationId!, niceSiret)).set(bearer(admin)).expect(200);
    expect(again.body.confirmedAt).toBe(res.body.confirmedAt);
    expect(await auditOf(paris.organisationId!, 'vendor.establishment.confirm')).toEqual([
      {
        actor_id: curator.userId,
        before: { siret: niceSiret, communeCode: '06088', confirmedAt: null },
        after: { siret: niceSiret, communeCode: '06088', confirmedAt: res.body.confirmedAt },
      },
    ]);

    expect(await matchOf(parisOfferingId)).toEqual({
      relation: 'same_departement',
      reason: 'Fournisseur présent dans le même département (établissement confirmé à Nice).',
    });
    expect(await projected(parisOfferingId)).toEqual({ vendor_establishment_communes: ['06088'], vendor_departements: ['06', '75'] });
    const profile = await request(t.server).get(`/vendors/${paris.organisationId}`).expect(200);
    expect(profile.body.establishments).toEqual([
      { siret: niceSiret, communeCode: '06088', confirmed: true, confirmedAt: res.body.confirmedAt },
    ]);
    const toConfirm = await request(t.server).get('/vendors?establishmentsToConfirm=true').set(bearer(curator)).expect(200);
    expect(toConfirm.body.total).toBe(0);
  });

  it('stops counting it when a curator takes the confirmation back, audited', async () => {
    const res = await request(t.server).delete(confirmation(paris.organisationId!, niceSiret)).set(bearer(curator)).expect(200);
    expect(res.body).toEqual({ siret: niceSiret, communeCode: '06088', confirmed: false, confirmedAt: null });
    expect(await auditOf(paris.organisationId!, 'vendor.establishment.unconfirm')).toEqual([
      {
        actor_id: curator.userId,
        before: { siret: niceSiret, communeCode: '06088', confirmedAt: expect.any(String) },
        after: { siret: niceSiret, communeCode: '06088', confirmedAt: null },
      },
    ]);
    expect((await matchOf(parisOfferingId)).relation).toBe('on_site');
    await request(t.server).post(confirmation(paris.organisationId!, niceSiret)).set(bearer(curator)).expect(200);
    expect((await matchOf(parisOfferingId)).relation).toBe('same_departement');
  });

  it('keeps the confirmation of an unchanged site and loses it when the vendor moves the site', async () => {
    const marseilleSiret = luhnSiret(paris.organisation.siren, 33);
    await request(t.server)
      .patch(`/organisations/${paris.organisationId}`)
      .set(bearer(paris))
      .send({
        establishments: [
          { siret: marseilleSiret, communeCode: '13055' },
          { siret: niceSiret, communeCode: '06088' },
        ],
      })
      .expect(200);
    expect(await establishmentsOf(paris)).toEqual([
      { siret: marseilleSiret, communeCode: '13055', confirmed: false, confirmedAt: null },
      { siret: niceSiret, communeCode: '06088', confirmed: true, confirmedAt: expect.any(String) },
    ]);
    expect((await matchOf(parisOfferingId)).relation).toBe('same_departement');

    // The console's organisation form: the Nice site moves to Antibes, and is no longer confirmed.
    const web = await webSignIn(t, { email: paris.email, password: TEST_PASSWORD });
    const page = await web.get('/app/fournisseur/organisation');
    const version = /name="version" value="(\d+)"/.exec(page.text)?.[1];
    const saved = await web.post('/app/fournisseur/organisation', {
      version,
      name: 'Paris Sites',
      nafCode: '62.01Z',
      communeCode: '75056',
      'establishments[0].siret': marseilleSiret,
      'establishments[0].communeCode': '13055',
      'establishments[1].siret': niceSiret,
      'establishments[1].communeCode': '06004',
    });
    expect(saved.status).toBe(303);
    expect(await establishmentsOf(paris)).toEqual([
      { siret: marseilleSiret, communeCode: '13055', confirmed: false, confirmedAt: null },
      { siret: niceSiret, communeCode: '06004', confirmed: false, confirmedAt: null },
    ]);
    expect((await matchOf(parisOfferingId)).relation).toBe('on_site');
    expect(await projected(parisOfferingId)).toEqual({ vendor_establishment_communes: [], vendor_departements: ['75'] });
  });

  it('refuses, naming the field, a SIRET of another SIREN or listed twice, on every path that writes establishments', async () => {
    const foreign = luhnSiret(randomSiren(), 12);
    const fields = (res: request.Response) => res.body.details.map((d: { field: string }) => d.field);

    const register = await request(t.server)
      .post('/auth/register')
      .send(registrationBody('vendor', { organisation: { establishments: [{ siret: foreign, communeCode: '06088' }] } }))
      .expect(400);
    expect(fields(register)).toEqual(['organisation.establishments[0].siret']);

    const own = luhnSiret(paris.organisation.siren, 44);
    const patch = await request(t.server)
      .patch(`/organisations/${paris.organisationId}`)
      .set(bearer(paris))
      .send({
        establishments: [
          { siret: foreign, communeCode: '06088' },
          { siret: own, communeCode: '06088' },
          { siret: own, communeCode: '06004' },
        ],
      })
      .expect(400);
    expect(fields(patch)).toEqual(['establishments[0].siret', 'establishments[2].siret']);

    // PATCH /vendors/:id edits the public profile only: establishments are not among its fields.
    const { version } = (await request(t.server).get(`/vendors/${paris.organisationId}`).expect(200)).body;
    const vendorPatch = await request(t.server)
      .patch(`/vendors/${paris.organisationId}`)
      .set(bearer(paris))
      .send({ version, establishments: [{ siret: foreign, communeCode: '06088' }] })
      .expect(400);
    expect(fields(vendorPatch)).toEqual(['establishments']);
    expect((await establishmentsOf(paris)).map((e: { siret: string }) => e.siret)).not.toContain(foreign);
  });

  it('lets curators and admins only confirm: 401 anonymous, 403 vendors (even their own) and buyers, 404 and 400 as due', async () => {
    const path = confirmation(paris.organisationId!, niceSiret);
    await request(t.server).post(path).expect(401);
    await request(t.server).delete(path).expect(401);
    await request(t.server).post(path).set(bearer(paris)).expect(403);
    await request(t.server).delete(path).set(bearer(paris)).expect(403);
    await request(t.server).post(path).set(bearer(buyer)).expect(403);

    const unknownVendor = await request(t.server).post(confirmation(randomUUID(), niceSiret)).set(bearer(curator)).expect(404);
    expect(unknownVendor.body.code).toBe('VENDOR_NOT_FOUND');
    const buyerOrganisation = await request(t.server).post(confirmation(buyer.organisationId!, niceSiret)).set(bearer(curator)).expect(404);
    expect(buyerOrganisation.body.code).toBe('VENDOR_NOT_FOUND');
    const undeclared = luhnSiret(paris.organisation.siren, 99);
    const unknownSite = await request(t.server).delete(confirmation(paris.organisationId!, undeclared)).set(bearer(curator)).expect(404);
    expect(unknownSite.body.code).toBe('ESTABLISHMENT_NOT_FOUND');
    const malformed = await request(t.server).post(confirmation(paris.organisationId!, '12345')).set(bearer(curator)).expect(400);
    expect(malformed.body.details.map((d: { field: string }) => d.field)).toEqual(['siret']);
    await request(t.server).post(confirmation('not-a-uuid', niceSiret)).set(bearer(curator)).expect(400);

    // A site written before the SIREN check (here in SQL) is never confirmed.
    const foreign = luhnSiret(randomSiren(), 5);
    await t.dataSource.query('UPDATE organisation SET establishments = establishments || $2::jsonb WHERE id = $1', [
      paris.organisationId,
      JSON.stringify([{ siret: foreign, communeCode: '06088' }]),
    ]);
    const mismatch = await request(t.server).post(confirmation(paris.organisationId!, foreign)).set(bearer(curator)).expect(409);
    expect(mismatch.body.code).toBe('ESTABLISHMENT_OF_ANOTHER_COMPANY');
  });

  it('counts a won need as won locally only through a confirmed establishment', async () => {
    const sameDepartement = async () =>
      (await request(t.server).get('/stats/overview').set(bearer(curator)).expect(200)).body.outcomes.sameDepartement as number;
    const siren = randomSiren();
    const siret = luhnSiret(siren, 7);
    const vendor = await registerVerifiedVendor(t, curator, {
      organisation: { siren, communeCode: '75056', establishments: [{ siret, communeCode: '06029' }] },
    });
    const offeringId = (await createPublishedOffering(t, vendor)).id;
    const intro = await proposeIntroduction(t, curator, { needId, offeringId });
    const act = (who: TestSession, action: string, body: Record<string, unknown> = {}) =>
      request(t.server).post(`/introductions/${intro.id}/${action}`).set(bearer(who)).send(body).expect(200);
    await act(vendor, 'accept');
    await act(buyer, 'accept');
    await act(buyer, 'meeting-held');
    await act(curator, 'outcome', { outcome: 'won' });
    expect(await sameDepartement()).toBe(0);
    await request(t.server).post(confirmation(vendor.organisationId!, siret)).set(bearer(curator)).expect(200);
    expect(await sameDepartement()).toBe(1);
  });
});

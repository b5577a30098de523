import request from 'supertest';
import { bearer, createCurator, registerBuyer, type RegisteredSession } from './support/auth.js';
import { completeNeed, createNeed } from './support/introductions.js';
import { createOffering, offeringBody, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * `null` in place of an optional field of a PATCH, on a resource the caller owns (the fuzz suite's
 * random ids stop at 404 before this depth): a clear 400, or accepted where null means "clear";
 * never a 500, and a refused PATCH changes nothing.
 */
describe('null for each optional field of the PATCH routes', () => {
  let t: TestApp;
  let vendor: RegisteredSession;
  let buyer: RegisteredSession;

  beforeAll(async () => {
    t = await createTestApp();
    vendor = await registerVerifiedVendor(t, await createCurator(t));
    buyer = await registerBuyer(t);
  });
  afterAll(() => t.close());

  const probe = async (path: string, who: RegisteredSession, fields: string[], read: () => Promise<unknown>) => {
    const problems: string[] = [];
    for (const field of fields) {
      const before = await read();
      const current = (await request(t.server).get(path).set(bearer(who))).body as { version?: number };
      const body: Record<string, unknown> = { [field]: null };
      if (typeof current.version === 'number' && field !== 'version') body.version = current.version;
      const res = await request(t.server).patch(path).set(bearer(who)).send(body);
      if (res.status >= 500) problems.push(`${path} ${field}: null gave ${res.status}`);
      else if (res.status >= 400) {
        if (res.status !== 400) problems.push(`${path} ${field}: null gave ${res.status} ${res.body.code}`);
        expect(await read()).toEqual(before);
      }
    }
    return problems;
  };

  it('PATCH /offerings/:id', async () => {
    const offering = await createOffering(t, vendor);
    const fields = [...Object.keys(offeringBody()), 'sovereignty', 'claims', 'version'];
    const read = async () => (await t.dataSource.query('SELECT * FROM offering WHERE id = $1', [offering.id]))[0];
    expect(await probe(`/offerings/${offering.id}`, vendor, [...new Set(fields)], read)).toEqual([]);
  });

  it('PATCH /needs/:id', async () => {
    const need = await createNeed(t, buyer);
    const read = async () => (await t.dataSource.query('SELECT * FROM need WHERE id = $1', [need.id]))[0];
    expect(await probe(`/needs/${need.id}`, buyer, [...Object.keys(completeNeed()), 'communeCode', 'minGrade', 'version'], read)).toEqual(
      [],
    );
  });

  it('PATCH /organisations/:id and /vendors/:id', async () => {
    const read = async () => (await t.dataSource.query('SELECT * FROM organisation WHERE id = $1', [vendor.organisation.id]))[0];
    const orgFields = [
      'name',
      'siret',
      'nafCode',
      'nafVersion',
      'communeCode',
      'buyerType',
      'headcountBand',
      'website',
      'establishments',
      'version',
    ];
    expect(await probe(`/organisations/${vendor.organisation.id}`, vendor, orgFields, read)).toEqual([]);
    expect(
      await probe(`/vendors/${vendor.organisation.id}`, vendor, ['name', 'description', 'website', 'headcountBand', 'version'], read),
    ).toEqual([]);
  });

  it('PATCH /me', async () => {
    const read = async () =>
      (await t.dataSource.query('SELECT display_name, phone, password_hash FROM app_user WHERE id = $1', [buyer.userId]))[0];
    expect(await probe('/me', buyer, ['displayName', 'phone', 'newPassword', 'currentPassword'], read)).toEqual([]);
  });
});

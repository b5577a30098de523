import request from 'supertest';
import { luhnOk } from '../../src/reference/validation/siren.js';
import { bearer, createCurator, TEST_PASSWORD, type RegisteredSession } from '../support/auth.js';
import { registerVerifiedVendor } from '../support/offerings.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { webSignIn, type WebClient } from '../support/web.js';

function siretOf(siren: string, nic = '0002'): string {
  for (let key = 0; key <= 9; key++) if (luhnOk(`${siren}${nic}${key}`)) return `${siren}${nic}${key}`;
  throw new Error('unreachable');
}

/** The vendor profile use case (decision 014): the console's form writes the organisation row once. */
describe('Vendor profile: legal data and public profile in one update', () => {
  let t: TestApp;
  let vendor: RegisteredSession;
  let web: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    vendor = await registerVerifiedVendor(t, await createCurator(t));
    web = await webSignIn(t, { email: vendor.email, password: TEST_PASSWORD });
  });
  afterAll(() => t?.close());

  /** The latest audit time of the organisation (as text, to keep PostgreSQL's microseconds), to read only later entries. */
  const auditMark = async (): Promise<string> =>
    (
      (await t.dataSource.query('SELECT coalesce(max(created_at), to_timestamp(0))::text AS mark FROM audit_event WHERE entity_id = $1', [
        vendor.organisationId,
      ])) as { mark: string }[]
    )[0].mark;
  const auditSince = (mark: string) =>
    t.dataSource.query('SELECT action, after FROM audit_event WHERE entity_id = $1 AND created_at > $2::timestamptz ORDER BY created_at', [
      vendor.organisationId,
      mark,
    ]) as Promise<{ action: string; after: Record<string, unknown> }[]>;

  it('bumps the version once and writes one audit entry holding both the legal and the public changes', async () => {
    const before = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
    const mark = await auditMark();
    const siret = siretOf(vendor.organisation.siren);
    const res = await web.post('/app/fournisseur/organisation', {
      version: String(before.body.version),
      name: before.body.name,
      description: 'Éditeur de solutions documentaires.',
      nafCode: '58.29C',
      communeCode: '06088',
      'establishments[0].siret': siret,
      'establishments[0].communeCode': '06152',
    });
    expect(res.status).toBe(303);

    const after = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
    expect(after.body).toMatchObject({ nafCode: '58.29C', establishments: [{ siret, communeCode: '06152' }] });
    expect(after.body.version).toBe(before.body.version + 1);
    const audit = await auditSince(mark);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'vendor.update',
      after: { nafCode: '58.29C', description: 'Éditeur de solutions documentaires.', establishments: [{ siret }] },
    });
  });

  it('writes nothing, not even an audit entry, when the version is stale', async () => {
    const before = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
    const mark = await auditMark();
    const res = await web.post('/app/fournisseur/organisation', {
      version: String(before.body.version - 1),
      name: 'Autre nom',
      nafCode: '62.01Z',
      communeCode: '06088',
    });
    expect(res.status).toBe(409);
    const after = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
    expect(after.body).toMatchObject({ name: before.body.name, nafCode: before.body.nafCode, version: before.body.version });
    expect(await auditSince(mark)).toEqual([]);
  });

  it('keeps PATCH /vendors/:id to the public fields: legal data there are refused', async () => {
    const { body } = await request(t.server).get(`/vendors/${vendor.organisationId}`).expect(200);
    const res = await request(t.server)
      .patch(`/vendors/${vendor.organisationId}`)
      .set(bearer(vendor))
      .send({ version: body.version, nafCode: '62.01Z' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

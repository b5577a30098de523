import request from 'supertest';
import { ClaimExpiryJob } from '../src/offerings/claim-expiry.job.js';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { addDays, parisDay } from '../src/sovereignty/evidence-freshness.js';
import { bearer, createCurator, registerVendor, type RegisteredSession, type TestSession } from './support/auth.js';
import { createPublishedOffering, offeringEvents, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DAY = 24 * 3600 * 1000;
const SECNUMCLOUD = 'certifications.secNumCloud';

describe('evidence freshness (issue 24)', () => {
  let t: TestApp;
  let curator: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const drain = () => t.app.get(OutboxWorker).drain();
  const job = () => t.app.get(ClaimExpiryJob);
  const today = () => parisDay(new Date());
  const getOffering = async (id: string) => (await request(t.server).get(`/offerings/${id}`).set(bearer(curator)).expect(200)).body;
  const searchDocument = async (id: string) => {
    const [row] = await t.dataSource.query(
      "SELECT s.version, d.doc->>'gradeVerified' AS verified FROM search_offering s JOIN search_document d USING (id) WHERE s.id = $1",
      [id],
    );
    return row as { version: number; verified: string } | undefined;
  };
  const mails = async (userId: string, kind: string) =>
    (await t.dataSource.query('SELECT subject, body FROM mail_log WHERE user_id = $1 AND kind = $2 ORDER BY created_at', [
      userId,
      kind,
    ])) as {
      subject: string;
      body: string;
    }[];

  /** A published offering whose every counted claim a curator verified, the SecNumCloud evidence valid until `validUntil`. */
  async function verifiedOffering(validUntil: string): Promise<{ vendor: RegisteredSession; id: string }> {
    const vendor = await registerVerifiedVendor(t, curator);
    const { id } = await createPublishedOffering(t, vendor, {
      evidence: [{ claim: SECNUMCLOUD, url: 'https://cyber.gouv.fr/produits-services-qualifies', validUntil }],
    });
    const counted = (await getOffering(id)).claims.filter((c: { counted: boolean }) => c.counted) as { claim: string }[];
    for (const c of counted)
      await request(t.server).post(`/offerings/${id}/claims/${c.claim}/verify`).set(bearer(curator)).send({}).expect(200);
    await drain();
    return { vendor, id };
  }

  it('downgrades a claim expiring tomorrow once the clock passes its date: grade and search document follow', async () => {
    const tomorrow = addDays(today(), 1);
    const { vendor, id } = await verifiedOffering(tomorrow);
    const before = await getOffering(id);
    expect(before.sovereigntyScore.verified).toBe(true);
    expect(await searchDocument(id)).toMatchObject({ verified: 'true' });
    const eventsBefore = await offeringEvents(t, id);

    // Still valid on its last day.
    await job().runOnce(new Date(Date.now() + DAY));
    expect((await getOffering(id)).sovereigntyScore.verified).toBe(true);

    const run = await job().runOnce(new Date(Date.now() + 2 * DAY));
    expect(run.downgradedOfferings).toBe(1);
    await drain();
    const after = await getOffering(id);
    const claim = after.claims.find((c: { claim: string }) => c.claim === SECNUMCLOUD);
    expect(claim).toMatchObject({ status: 'declared', comment: `Justificatif expiré le ${tomorrow}.` });
    expect(after.sovereigntyScore).toMatchObject({ verified: false, label: 'déclaratif' });
    expect(after.version).toBeGreaterThan(before.version);
    expect(await offeringEvents(t, id)).toBe(eventsBefore + 1);
    expect(await searchDocument(id)).toMatchObject({ version: after.version, verified: 'false' });
    // The other verified claims have no date: they stay verified.
    expect(after.claims.filter((c: { status: string }) => c.status === 'verified').length).toBeGreaterThan(0);

    // Vendor mailed once on expiry, whatever the number of later runs; the claim now waits for review again.
    await job().runOnce(new Date(Date.now() + 3 * DAY));
    await drain();
    const expired = await mails(vendor.userId, 'claim_evidence_expired');
    expect(expired).toHaveLength(1);
    expect(expired[0].subject).toBe('Justificatif expiré : Assistant documentaire souverain');
    expect(expired[0].body).toContain(`Qualification SecNumCloud (valable jusqu'au ${tomorrow.split('-').reverse().join('/')})`);
    expect(expired[0].body).toContain(`/app/fournisseur/offres/${id}`);
    const audit = await t.dataSource.query("SELECT actor_role FROM audit_event WHERE action = 'offering.claim_expire' AND entity_id = $1", [
      id,
    ]);
    expect(audit).toEqual([{ actor_role: 'system' }]);
  });

  it('warns the vendor 30 days ahead once, and again only for a new date', async () => {
    const in40 = addDays(today(), 40);
    const { vendor, id } = await verifiedOffering(in40);
    const colleague = await registerVendor(t, { organisation: { siren: vendor.organisation.siren } });

    expect((await job().runOnce(new Date(Date.now() + 5 * DAY))).warned).toBe(0);
    const run = await job().runOnce(new Date(Date.now() + 11 * DAY));
    expect(run.warned).toBe(1);
    await job().runOnce(new Date(Date.now() + 12 * DAY));
    await drain();
    const warnings = await mails(vendor.userId, 'claim_evidence_expiring');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].subject).toBe('Un justificatif expire bientôt : Assistant documentaire souverain');
    // Only active members: the colleague still waits for approval.
    expect(await mails(colleague.userId, 'claim_evidence_expiring')).toHaveLength(0);

    // New evidence: the claim goes back to declared; verified again, its new date is warned about in its turn.
    const in45 = addDays(today(), 45);
    const current = await getOffering(id);
    await request(t.server)
      .patch(`/offerings/${id}`)
      .set(bearer(vendor))
      .send({ version: current.version, evidence: [{ claim: SECNUMCLOUD, url: 'https://cyber.gouv.fr/nouveau-visa', validUntil: in45 }] })
      .expect(200);
    await request(t.server).post(`/offerings/${id}/claims/${SECNUMCLOUD}/verify`).set(bearer(curator)).send({}).expect(200);
    expect((await job().runOnce(new Date(Date.now() + 16 * DAY))).warned).toBe(1);
    await drain();
    expect(await mails(vendor.userId, 'claim_evidence_expiring')).toHaveLength(2);
  });

  it('sends each warning once when several instances run the job at once', async () => {
    const { vendor } = await verifiedOffering(addDays(today(), 10));
    const runs = await Promise.all([job().runOnce(), job().runOnce(), job().runOnce()]);
    expect(runs.reduce((n, r) => n + r.warned, 0)).toBeGreaterThanOrEqual(1);
    await drain();
    expect(await mails(vendor.userId, 'claim_evidence_expiring')).toHaveLength(1);
  });

  it('lists for curators the verified claims expiring within 60 days, soonest first, paginated', async () => {
    const soon = await verifiedOffering(addDays(today(), 3));
    await verifiedOffering(addDays(today(), 59));
    const late = await verifiedOffering(addDays(today(), 61));
    const res = await request(t.server).get('/offerings/claims-expiring?pageSize=100').set(bearer(curator)).expect(200);
    const items = res.body.items as { offeringId: string; claim: string; validUntil: string; daysLeft: number; label: string }[];
    const dates = items.map((i) => i.validUntil);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d <= addDays(today(), 60))).toBe(true);
    expect(items.find((i) => i.offeringId === soon.id)).toMatchObject({
      claim: SECNUMCLOUD,
      label: 'Qualification SecNumCloud',
      daysLeft: 3,
    });
    expect(items.some((i) => i.offeringId === late.id)).toBe(false);
    const page = await request(t.server).get('/offerings/claims-expiring?pageSize=1&page=2').set(bearer(curator)).expect(200);
    expect(page.body).toMatchObject({ total: res.body.total, page: 2, pageSize: 1 });
    expect(page.body.items[0]).toEqual(items[1]);
  });

  it('refuses to verify a claim on expired evidence, and records the date a curator gives', async () => {
    const vendor = await registerVerifiedVendor(t, curator);
    const { id } = await createPublishedOffering(t, vendor, {
      evidence: [{ claim: SECNUMCLOUD, url: 'https://cyber.gouv.fr/x', validUntil: addDays(today(), -1) }],
    });
    const refused = await request(t.server).post(`/offerings/${id}/claims/${SECNUMCLOUD}/verify`).set(bearer(curator)).send({}).expect(400);
    expect(refused.body.details).toEqual([{ field: 'validUntil', messages: [expect.stringContaining('expired')] }]);
    const later = addDays(today(), 200);
    const ok = await request(t.server)
      .post(`/offerings/${id}/claims/${SECNUMCLOUD}/verify`)
      .set(bearer(curator))
      .send({ validUntil: later })
      .expect(200);
    expect(ok.body.claims.find((c: { claim: string }) => c.claim === SECNUMCLOUD)).toMatchObject({
      status: 'verified',
      evidence: { validUntil: later },
    });
  });
});

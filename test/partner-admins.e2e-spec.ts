import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DIAGNOSTIC_CSV_EXAMPLE } from '../src/partners/diagnostic-csv.js';
import { bearer, createAdmin, loginAs, randomSiren, uniqueEmail, type TestSession } from './support/auth.js';
import { apiKey, createPartner, createPartnerAdmin, createPartnerKey, partnerNeedBody } from './support/partners.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const diagnostic = () => ({
  diagnosticId: `CCI-DIAG-${randomSiren()}`,
  date: '2026-11-30',
  expert: { name: 'Camille Martin', email: 'camille.martin@cci.example.fr' },
  company: { name: 'Boulangerie Niçoise', siren: randomSiren(), nafCode: '10.71C', communeCode: '06088', buyerType: 'tpe' },
  contactEmail: uniqueEmail('dirigeante'),
  useCases: [
    {
      code: 'UC-1',
      priority: 1,
      title: 'Prévision des ventes',
      useCaseCodes: ['SALES_FORECAST'],
      dataSensitivity: 'none',
      horizon: '6_months',
    },
  ],
});

describe('partner-admins (issue 20): people of a partner manage its own keys, webhook, imports and figures, and nothing else', () => {
  let t: TestApp;
  let admin: TestSession;
  let cci: { id: string; name: string };
  let bpi: { id: string; name: string };
  let cciAdmin: TestSession & { partnerId: string };
  let bpiKey: Awaited<ReturnType<typeof createPartnerKey>>;

  const as = (who: TestSession) => ({
    get: (url: string) => request(t.server).get(url).set(bearer(who)),
    post: (url: string, body: object = {}) => request(t.server).post(url).set(bearer(who)).send(body),
    put: (url: string, body: object) => request(t.server).put(url).set(bearer(who)).send(body),
  });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
    cci = await createPartner(t, admin, { kind: 'cci' });
    bpi = await createPartner(t, admin, { kind: 'bpifrance' });
    cciAdmin = await createPartnerAdmin(t, admin, cci.id);
    bpiKey = await createPartnerKey(t, admin, ['needs:write', 'needs:read'], bpi.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is invited by an admin, chooses a password through the e-mailed link, and signs in with the role partner', async () => {
    expect(cciAdmin.role).toBe('partner');
    expect(cciAdmin.organisationId).toBeNull();
    const mine = await as(cciAdmin).get('/partners/mine').expect(200);
    expect(mine.body).toMatchObject({ id: cci.id, name: cci.name, kind: 'cci' });
    const members = await as(admin).get(`/admin/partners/${cci.id}/members`).expect(200);
    expect(members.body).toEqual([expect.objectContaining({ userId: cciAdmin.userId, email: cciAdmin.email })]);
    const [audit] = await t.dataSource.query(
      "SELECT actor_id, after FROM audit_event WHERE action = 'partner_member.invite' AND entity_id = $1",
      [cciAdmin.userId],
    );
    expect(audit).toMatchObject({ actor_id: admin.userId, after: { role: 'partner', partnerId: cci.id } });
  });

  it('refuses a second account on the same address (409), and an unknown partner (404)', async () => {
    await as(admin).post(`/admin/partners/${cci.id}/members`, { email: cciAdmin.email, displayName: 'Doublon' }).expect(409);
    await as(admin)
      .post(`/admin/partners/${randomUUID()}/members`, { email: uniqueEmail('x'), displayName: 'X' })
      .expect(404);
  });

  it("creates, lists and revokes its own partner's keys, audited with the partner-admin as actor", async () => {
    const created = await as(cciAdmin)
      .post(`/partners/${cci.id}/api-keys`, { label: 'CRM', scopes: ['needs:write'] })
      .expect(201);
    await request(t.server).post('/partner/needs').set(apiKey(created.body.secret)).send(partnerNeedBody()).expect(201);
    const listed = await as(cciAdmin).get(`/partners/${cci.id}/api-keys`).expect(200);
    expect(listed.body.map((k: { id: string }) => k.id)).toContain(created.body.id);
    await as(cciAdmin).post(`/partners/${cci.id}/api-keys/${created.body.id}/revoke`).expect(200);
    await request(t.server).post('/partner/needs').set(apiKey(created.body.secret)).send(partnerNeedBody()).expect(401);
    const actors = (await t.dataSource.query(
      "SELECT action, actor_role FROM audit_event WHERE entity_id = $1 AND action LIKE 'partner_api_key.%' ORDER BY created_at",
      [created.body.id],
    )) as { action: string; actor_role: string }[];
    expect(actors).toEqual([
      { action: 'partner_api_key.create', actor_role: 'partner' },
      { action: 'partner_api_key.revoke', actor_role: 'partner' },
    ]);
  });

  it("cannot see or touch another partner's keys, webhook, needs, imports or figures: 404 as for an unknown partner", async () => {
    const other = `/partners/${bpi.id}`;
    await as(cciAdmin).get(`${other}/api-keys`).expect(404);
    await as(cciAdmin)
      .post(`${other}/api-keys`, { label: 'x', scopes: ['needs:read'] })
      .expect(404);
    await as(cciAdmin).post(`${other}/api-keys/${bpiKey.keyId}/revoke`).expect(404);
    // Bpifrance's key through the CCI's own path is not the CCI's key either.
    await as(cciAdmin).post(`/partners/${cci.id}/api-keys/${bpiKey.keyId}/revoke`).expect(404);
    await as(cciAdmin).get(`${other}/webhook`).expect(404);
    await as(cciAdmin)
      .put(`${other}/webhook`, { url: 'https://203.0.113.10/hook', secret: 'whsec_0123456789abcdef0123456789abcdef' })
      .expect(404);
    await as(cciAdmin).get(`${other}/webhook/deliveries`).expect(404);
    await as(cciAdmin).get(`${other}/needs`).expect(404);
    await as(cciAdmin).get(`${other}/stats`).expect(404);
    await as(cciAdmin).post(`${other}/diagnostics`, diagnostic()).expect(404);
    const still = await as(admin).get(`${other}/api-keys`).expect(200);
    expect(still.body.find((k: { id: string }) => k.id === bpiKey.keyId).revokedAt).toBeNull();
    await request(t.server).get('/partner/needs').set(apiKey(bpiKey.secret)).expect(200);
  });

  it('has no staff, buyer or vendor power', async () => {
    await as(cciAdmin).get('/admin/partners').expect(403);
    await as(cciAdmin).post('/admin/partners', { name: 'Autre', kind: 'other' }).expect(403);
    await as(cciAdmin).get('/needs').expect(403);
    await as(cciAdmin).get('/stats/sources').expect(403);
    await as(admin).get('/partners/mine').expect(403);
  });

  it('sets its webhook (screened: a private address is refused) and reads its delivery log', async () => {
    const secret = 'whsec_0123456789abcdef0123456789abcdef';
    const refused = await as(cciAdmin).put(`/partners/${cci.id}/webhook`, { url: 'https://10.0.0.8/hook', secret }).expect(400);
    expect(JSON.stringify(refused.body.details)).toContain('private (RFC 1918)');
    const set = await as(cciAdmin).put(`/partners/${cci.id}/webhook`, { url: 'https://203.0.113.10/hook', secret }).expect(200);
    expect(set.body).toMatchObject({ url: 'https://203.0.113.10/hook', enabled: true });
    await as(cciAdmin).get(`/partners/${cci.id}/webhook`).expect(200);
    const log = await as(cciAdmin).get(`/partners/${cci.id}/webhook/deliveries`).expect(200);
    expect(log.body).toMatchObject({ items: [], total: 0 });
  });

  it('imports a diagnostic (JSON and CSV), then sees the needs it brought and its figures by source', async () => {
    const json = await as(cciAdmin).post(`/partners/${cci.id}/diagnostics`, diagnostic()).expect(201);
    expect(json.body.needs).toHaveLength(1);
    const csv = await request(t.server)
      .post(`/partners/${cci.id}/diagnostics/csv`)
      .set(bearer(cciAdmin))
      .set('content-type', 'text/csv')
      .send(DIAGNOSTIC_CSV_EXAMPLE)
      .expect(201);
    expect(csv.body.needs[0]).toMatchObject({ code: 'UC-1', created: true });
    const needs = await as(cciAdmin).get(`/partners/${cci.id}/needs`).expect(200);
    expect(needs.body.total).toBe(3); // the key's need above, and the two diagnostics' drafts
    const stats = await as(cciAdmin).get(`/partners/${cci.id}/stats`).expect(200);
    const bySource = Object.fromEntries((stats.body.bySource as { source: string; needs: number }[]).map((s) => [s.source, s.needs]));
    expect(bySource).toMatchObject({ partner: 1, diagnostic: 2, direct: 0 });
    expect(stats.body.byPartner).toEqual([expect.objectContaining({ partnerId: cci.id, needs: 3 })]);
  });

  it('keeps working for a platform admin on any partner', async () => {
    await as(admin).get(`/partners/${cci.id}/needs`).expect(200);
    await as(admin).get(`/partners/${bpi.id}/stats`).expect(200);
    await as(admin).get(`/partners/${randomUUID()}/api-keys`).expect(404);
  });

  it('signs in again with the chosen password', async () => {
    await expect(loginAs(t, cciAdmin.email)).resolves.toMatchObject({ role: 'partner' });
  });

  it('is removed by an admin: the account is erased, its token stops at once, and removing again is 404', async () => {
    const colleague = await createPartnerAdmin(t, admin, cci.id);
    await request(t.server).delete(`/admin/partners/${bpi.id}/members/${colleague.userId}`).set(bearer(admin)).expect(404);
    await as(cciAdmin).get('/partners/mine').expect(200);
    await request(t.server).delete(`/admin/partners/${cci.id}/members/${colleague.userId}`).set(bearer(admin)).expect(204);
    await as(colleague).get('/partners/mine').expect(401);
    await expect(loginAs(t, colleague.email)).rejects.toThrow(/401/);
    const members = await as(admin).get(`/admin/partners/${cci.id}/members`).expect(200);
    expect(members.body.map((m: { userId: string }) => m.userId)).toEqual([cciAdmin.userId]);
    await request(t.server).delete(`/admin/partners/${cci.id}/members/${colleague.userId}`).set(bearer(admin)).expect(404);
    const [audit] = await t.dataSource.query("SELECT actor_id FROM audit_event WHERE action = 'partner_member.remove' AND entity_id = $1", [
      colleague.userId,
    ]);
    expect(audit).toEqual({ actor_id: admin.userId });
  });

  it("invites and removes colleagues of its own partner, audited with itself as actor; another partner's are 404", async () => {
    const email = uniqueEmail('collegue');
    const invited = await as(cciAdmin).post(`/partners/${cci.id}/members`, { email, displayName: 'Paul Martin' }).expect(201);
    expect(invited.body).toMatchObject({ email, displayName: 'Paul Martin' });
    const [invite] = await t.dataSource.query(
      "SELECT actor_id, actor_role, after FROM audit_event WHERE action = 'partner_member.invite' AND entity_id = $1",
      [invited.body.userId],
    );
    expect(invite).toEqual({ actor_id: cciAdmin.userId, actor_role: 'partner', after: { role: 'partner', partnerId: cci.id } });
    const listed = await as(cciAdmin).get(`/partners/${cci.id}/members`).expect(200);
    expect(listed.body.map((m: { userId: string }) => m.userId)).toContain(invited.body.userId);

    // Another partner: nothing to see, invite or remove, as if it did not exist.
    const bpiColleague = await createPartnerAdmin(t, admin, bpi.id);
    await as(cciAdmin).get(`/partners/${bpi.id}/members`).expect(404);
    await as(cciAdmin)
      .post(`/partners/${bpi.id}/members`, { email: uniqueEmail('intrus'), displayName: 'Intrus' })
      .expect(404);
    await request(t.server).delete(`/partners/${bpi.id}/members/${bpiColleague.userId}`).set(bearer(cciAdmin)).expect(404);
    await request(t.server).delete(`/partners/${cci.id}/members/${bpiColleague.userId}`).set(bearer(cciAdmin)).expect(404);
    await as(bpiColleague).get('/partners/mine').expect(200);

    await request(t.server).delete(`/partners/${cci.id}/members/${invited.body.userId}`).set(bearer(cciAdmin)).expect(204);
    const after = await as(cciAdmin).get(`/partners/${cci.id}/members`).expect(200);
    expect(after.body.map((m: { userId: string }) => m.userId)).not.toContain(invited.body.userId);
    const [removal] = await t.dataSource.query(
      "SELECT actor_id FROM audit_event WHERE action = 'partner_member.remove' AND entity_id = $1",
      [invited.body.userId],
    );
    expect(removal).toEqual({ actor_id: cciAdmin.userId });
  });
});

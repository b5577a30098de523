import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { bearer, createAdmin, createCurator, loginAs, registerBuyer, registerVendor, TEST_PASSWORD } from './support/auth.js';

describe('Accounts: organisations, membership, /me and RGPD rights', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('organisations', () => {
    it('lets a member read and change their organisation, and audits the change', async () => {
      const vendor = await registerVendor(t);
      const org = await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(vendor)).expect(200);
      const res = await request(t.server)
        .patch(`/organisations/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ name: 'Azur IA SAS', website: 'https://azur-ia.fr', headcountBand: '11', version: org.body.version })
        .expect(200);
      expect(res.body).toMatchObject({
        name: 'Azur IA SAS',
        website: 'https://azur-ia.fr',
        headcountBand: '11',
        version: org.body.version + 1,
      });
      const stale = await request(t.server)
        .patch(`/organisations/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ name: 'X', version: org.body.version })
        .expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const events = await t.dataSource.query(
        "SELECT before, after FROM audit_event WHERE entity_type = 'organisation' AND entity_id = $1",
        [vendor.organisationId],
      );
      expect(events).toHaveLength(1);
      expect(events[0].before.name).toBe(org.body.name);
      expect(events[0].after.name).toBe('Azur IA SAS');
    });

    it('forbids a vendor to read or change another organisation', async () => {
      const vendor = await registerVendor(t);
      const other = await registerVendor(t);
      const buyer = await registerBuyer(t);
      await request(t.server).get(`/organisations/${other.organisationId}`).set(bearer(vendor)).expect(403);
      await request(t.server).patch(`/organisations/${other.organisationId}`).set(bearer(vendor)).send({ name: 'Hijacked' }).expect(403);
      await request(t.server).get(`/organisations/${buyer.organisationId}`).set(bearer(vendor)).expect(403);
      await request(t.server).get(`/organisations/${other.organisationId}/members`).set(bearer(vendor)).expect(403);
      const [row] = await t.dataSource.query('SELECT name FROM organisation WHERE id = $1', [other.organisationId]);
      expect(row.name).not.toBe('Hijacked');
    });

    it('lets a curator read any organisation, and answers 404 for an unknown one', async () => {
      const vendor = await registerVendor(t);
      const curator = await createCurator(t);
      await request(t.server).get(`/organisations/${vendor.organisationId}`).set(bearer(curator)).expect(200);
      const res = await request(t.server).get('/organisations/7f1c9c1e-0000-4000-8000-000000000000').set(bearer(curator)).expect(404);
      expect(res.body.code).toBe('ORGANISATION_NOT_FOUND');
      await request(t.server).get('/organisations/not-a-uuid').set(bearer(curator)).expect(400);
    });

    it('refuses a buyer type on a vendor and a SIRET of another company', async () => {
      const vendor = await registerVendor(t);
      const res = await request(t.server)
        .patch(`/organisations/${vendor.organisationId}`)
        .set(bearer(vendor))
        .send({ buyerType: 'pme', establishments: [{ siret: '21060088800015', communeCode: '06088' }] })
        .expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['buyerType', 'establishments[0].siret']);
    });
  });

  describe('pending memberships', () => {
    it('makes a second registrant of a SIREN pending until a member approves', async () => {
      const founder = await registerVendor(t);
      const colleague = await registerVendor(t, { organisation: { siren: founder.organisation.siren, name: 'ignored' } });
      expect(colleague.membershipStatus).toBe('pending');
      expect(colleague.organisationId).toBe(founder.organisationId);

      // A pending member can log in and read their account, but not act for the organisation.
      await loginAs(t, colleague.email);
      await request(t.server).get('/me').set(bearer(colleague)).expect(200);
      await request(t.server).get(`/organisations/${founder.organisationId}`).set(bearer(colleague)).expect(403);
      await request(t.server)
        .post(`/organisations/${founder.organisationId}/members/${colleague.userId}/approve`)
        .set(bearer(colleague))
        .expect(403);

      const members = await request(t.server).get(`/organisations/${founder.organisationId}/members`).set(bearer(founder)).expect(200);
      expect(members.body.map((m: { userId: string; membershipStatus: string }) => [m.userId, m.membershipStatus])).toEqual([
        [colleague.userId, 'pending'],
        [founder.userId, 'active'],
      ]);

      const approved = await request(t.server)
        .post(`/organisations/${founder.organisationId}/members/${colleague.userId}/approve`)
        .set('x-request-id', 'approve-request-0001')
        .set(bearer(founder))
        .expect(200);
      expect(approved.body.membershipStatus).toBe('active');
      await request(t.server).get(`/organisations/${founder.organisationId}`).set(bearer(colleague)).expect(200);
      const again = await request(t.server)
        .post(`/organisations/${founder.organisationId}/members/${colleague.userId}/approve`)
        .set(bearer(founder))
        .expect(409);
      expect(again.body.code).toBe('MEMBERSHIP_NOT_PENDING');

      const [event] = await t.dataSource.query("SELECT * FROM audit_event WHERE action = 'membership.approve' AND entity_id = $1", [
        colleague.userId,
      ]);
      expect(event).toMatchObject({
        actor_id: founder.userId,
        actor_role: 'vendor',
        request_id: 'approve-request-0001',
        after: { membershipStatus: 'active' },
      });
    });

    it('lets a curator reject a pending member, who stays locked out', async () => {
      const founder = await registerBuyer(t);
      const stranger = await registerBuyer(t, { organisation: { siren: founder.organisation.siren } });
      const curator = await createCurator(t);
      const res = await request(t.server)
        .post(`/organisations/${founder.organisationId}/members/${stranger.userId}/reject`)
        .set(bearer(curator))
        .expect(200);
      expect(res.body.membershipStatus).toBe('rejected');
      await request(t.server).get(`/organisations/${founder.organisationId}`).set(bearer(stranger)).expect(403);
    });

    it('answers 404 for a user who is not a member of that organisation', async () => {
      const founder = await registerVendor(t);
      const other = await registerVendor(t);
      await request(t.server)
        .post(`/organisations/${founder.organisationId}/members/${other.userId}/approve`)
        .set(bearer(founder))
        .expect(404);
    });
  });

  describe('/me', () => {
    it('changes the display name and phone, and the password with the current one', async () => {
      const buyer = await registerBuyer(t);
      const res = await request(t.server)
        .patch('/me')
        .set(bearer(buyer))
        .send({ displayName: 'Colette', phone: '04 93 11 22 33' })
        .expect(200);
      expect(res.body).toMatchObject({ displayName: 'Colette', phone: '04 93 11 22 33' });
      await request(t.server).patch('/me').set(bearer(buyer)).send({ phone: null }).expect(200);

      const wrong = await request(t.server)
        .patch('/me')
        .set(bearer(buyer))
        .send({ newPassword: 'a brand new passphrase', currentPassword: 'nope' })
        .expect(403);
      expect(wrong.body.code).toBe('WRONG_CURRENT_PASSWORD');
      await request(t.server).patch('/me').set(bearer(buyer)).send({ newPassword: 'short', currentPassword: TEST_PASSWORD }).expect(400);
      await request(t.server)
        .patch('/me')
        .set(bearer(buyer))
        .send({ newPassword: 'a brand new passphrase', currentPassword: TEST_PASSWORD })
        .expect(200);
      // Every session ends with the old password.
      await request(t.server).post('/auth/refresh').send({ refreshToken: buyer.refreshToken }).expect(401);
      await loginAs(t, buyer.email, 'a brand new passphrase');
    });

    it('counts wrong current passwords with the sign-in failures: a stolen session cannot guess the password', async () => {
      const buyer = await registerBuyer(t);
      const guess = (n: number) =>
        request(t.server)
          .patch('/me')
          .set(bearer(buyer))
          .send({ newPassword: 'a brand new passphrase', currentPassword: `guess ${n}` });
      for (let n = 1; n <= 3; n++) expect((await guess(n)).body.code).toBe('WRONG_CURRENT_PASSWORD');
      // Past AUTH_LOGIN_SLOWDOWN_AFTER (3) failures, the next attempt must wait, as at sign-in.
      const slowed = await guess(4).expect(429);
      expect(slowed.body.code).toBe('LOGIN_THROTTLED');
      expect(slowed.headers['retry-after']).toBeDefined();
      await request(t.server).post('/auth/login').send({ email: buyer.email, password: TEST_PASSWORD }).expect(429);
    });

    it('refuses a blank display name, and names newPassword when the new password is weak', async () => {
      const buyer = await registerBuyer(t);
      const blank = await request(t.server).patch('/me').set(bearer(buyer)).send({ displayName: '   ' }).expect(400);
      expect(blank.body.details).toEqual([expect.objectContaining({ field: 'displayName' })]);
      const weak = await request(t.server)
        .patch('/me')
        .set(bearer(buyer))
        .send({ newPassword: 'short', currentPassword: TEST_PASSWORD })
        .expect(400);
      expect(weak.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    });

    it('refuses to change the role or the e-mail through PATCH /me', async () => {
      const vendor = await registerVendor(t);
      const res = await request(t.server).patch('/me').set(bearer(vendor)).send({ role: 'admin', email: 'x@y.fr' }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'role']);
    });

    it('exports everything stored about the caller', async () => {
      const founder = await registerVendor(t, { phone: '+33 6 12 34 56 78' });
      const colleague = await registerVendor(t, { organisation: { siren: founder.organisation.siren } });
      await request(t.server)
        .post(`/organisations/${founder.organisationId}/members/${colleague.userId}/approve`)
        .set(bearer(founder))
        .expect(200);
      await request(t.server)
        .post('/auth/refresh')
        .send({ refreshToken: founder.refreshToken })
        .set('user-agent', 'export-test-agent')
        .expect(200);

      const res = await request(t.server).get('/me/export').set(bearer(founder)).expect(200);
      const [stored] = await t.dataSource.query('SELECT * FROM app_user WHERE id = $1', [founder.userId]);
      expect(res.body.user).toMatchObject({
        id: stored.id,
        email: stored.email,
        displayName: stored.display_name,
        phone: '+33 6 12 34 56 78',
        role: 'vendor',
        hasPassword: true,
        termsVersion: stored.terms_version,
        termsAcceptedAt: stored.terms_accepted_at.toISOString(),
        emailVerifiedAt: stored.email_verified_at.toISOString(),
      });
      expect(JSON.stringify(res.body)).not.toContain(stored.password_hash);
      expect(res.body.membership).toMatchObject({
        status: 'active',
        organisation: { id: founder.organisationId, siren: founder.organisation.siren },
      });
      const sessions = await t.dataSource.query('SELECT id FROM refresh_token WHERE user_id = $1', [founder.userId]);
      expect(res.body.sessions).toHaveLength(sessions.length);
      expect(res.body.sessions).toHaveLength(2);
      expect(res.body.sessions.map((s: { userAgent: string | null }) => s.userAgent)).toContain('export-test-agent');
      expect(res.body.sessions[0]).toHaveProperty('rotatedAt');
      expect(res.body.auditEvents.map((e: { action: string }) => e.action)).toEqual(['membership.approve']);
      expect(res.body.auditEvents[0]).toMatchObject({ actorId: founder.userId, entityId: colleague.userId });
    });

    it('erases personal data on DELETE /me: login fails, tokens die, no personal field remains', async () => {
      const vendor = await registerVendor(t, { phone: '+33 6 98 76 54 32', displayName: 'Irène Joliot' });
      await request(t.server).delete('/me').set(bearer(vendor)).expect(204);

      const login = await request(t.server).post('/auth/login').send({ email: vendor.email, password: TEST_PASSWORD }).expect(401);
      expect(login.body.code).toBe('INVALID_CREDENTIALS');
      await request(t.server).get('/me').set(bearer(vendor)).expect(401);
      await request(t.server).post('/auth/refresh').send({ refreshToken: vendor.refreshToken }).expect(401);

      const [row] = await t.dataSource.query('SELECT * FROM app_user WHERE id = $1', [vendor.userId]);
      expect(row).toMatchObject({
        email: null,
        password_hash: null,
        display_name: null,
        phone: null,
        role: 'vendor',
        organisation_id: vendor.organisationId,
      });
      expect(row.deleted_at).toBeInstanceOf(Date);
      const tokens = await t.dataSource.query('SELECT * FROM refresh_token WHERE user_id = $1', [vendor.userId]);
      expect(tokens).toEqual([]);
      expect(await t.dataSource.query('SELECT * FROM account_token WHERE user_id = $1', [vendor.userId])).toEqual([]);
      const leaks = await t.dataSource.query(
        `SELECT 'audit' AS source FROM audit_event WHERE before::text ILIKE $1 OR after::text ILIKE $1 OR before::text ILIKE $2 OR after::text ILIKE $2
         UNION ALL SELECT 'user' FROM app_user WHERE email ILIKE $1 OR display_name = 'Irène Joliot' OR phone = '+33 6 98 76 54 32'`,
        [`%${vendor.email}%`, '%Irène%'],
      );
      expect(leaks).toEqual([]);
      // The e-mail is free again.
      await registerVendor(t, { email: vendor.email });
    });

    it('refuses to erase the last admin', async () => {
      const admin = await createAdmin(t);
      const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND deleted_at IS NULL");
      expect(n).toBe(1);
      const res = await request(t.server).delete('/me').set(bearer(admin)).expect(409);
      expect(res.body.code).toBe('LAST_ADMIN');
      const second = await createAdmin(t);
      await request(t.server).delete('/me').set(bearer(second)).expect(204);
    });
  });
});

import request from 'supertest';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  bearer,
  createCurator,
  loginAs,
  registerBuyer,
  registerVendor,
  registrationBody,
  TEST_PASSWORD,
  uniqueEmail,
} from './support/auth.js';

describe('Authentication: register, login, refresh, logout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers a vendor with its organisation, then logs in, refreshes and logs out', async () => {
    const body = registrationBody('vendor', { email: 'Marie.Curie@Azur-IA.fr', phone: '+33 4 93 00 00 00' });
    const reg = await request(t.server).post('/auth/register').send(body).expect(201);
    expect(reg.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(reg.body.user).toMatchObject({ email: 'marie.curie@azur-ia.fr', role: 'vendor', membershipStatus: 'active' });

    const me = await request(t.server).get('/me').set(bearer(reg.body.accessToken)).expect(200);
    expect(me.body.id).toBe(reg.body.user.id);

    const login = await request(t.server)
      .post('/auth/login')
      .send({ email: 'MARIE.CURIE@azur-ia.fr', password: body.password })
      .expect(200);
    const refreshed = await request(t.server).post('/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    await request(t.server).get('/me').set(bearer(refreshed.body.accessToken)).expect(200);

    await request(t.server).post('/auth/logout').send({ refreshToken: refreshed.body.refreshToken }).expect(204);
    const after = await request(t.server).post('/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }).expect(401);
    expect(after.body.code).toBe('INVALID_REFRESH_TOKEN');
    // Logging out one session leaves the other (the registration's) alive.
    await request(t.server).post('/auth/refresh').send({ refreshToken: reg.body.refreshToken }).expect(200);
  });

  it('stores the password as an argon2id hash and the refresh token only as a hash', async () => {
    const vendor = await registerVendor(t);
    const [user] = await t.dataSource.query('SELECT email, password_hash FROM app_user WHERE id = $1', [vendor.userId]);
    expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const tokens: { token_hash: string }[] = await t.dataSource.query('SELECT token_hash FROM refresh_token WHERE user_id = $1', [
      vendor.userId,
    ]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0].token_hash).not.toBe(vendor.refreshToken);
    expect(tokens[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('detects a replayed refresh token and revokes the whole family, newest token included', async () => {
    const vendor = await registerVendor(t);
    const first = await request(t.server).post('/auth/refresh').send({ refreshToken: vendor.refreshToken }).expect(200);
    const second = await request(t.server).post('/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);

    const replay = await request(t.server).post('/auth/refresh').send({ refreshToken: vendor.refreshToken }).expect(401);
    expect(replay.body.code).toBe('INVALID_REFRESH_TOKEN');
    await request(t.server).post('/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    const live = await t.dataSource.query('SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL', [
      vendor.userId,
    ]);
    expect(live[0].n).toBe(0);
  });

  it('returns the same 401 for an unknown e-mail and a wrong password', async () => {
    const vendor = await registerVendor(t);
    const wrong = await request(t.server).post('/auth/login').send({ email: vendor.email, password: 'not the right password' }).expect(401);
    const unknown = await request(t.server)
      .post('/auth/login')
      .send({ email: uniqueEmail('nobody'), password: TEST_PASSWORD })
      .expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('returns 400 for a malformed login body, not a failed login', async () => {
    const res = await request(t.server).post('/auth/login').send({ email: 'a@b.fr' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
  });

  it('returns 401 without a token, with a bad token and with an expired token', async () => {
    const vendor = await registerVendor(t);
    const none = await request(t.server).get('/me').expect(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    await request(t.server).get('/me').set(bearer('not.a.jwt')).expect(401);
    const forged = new JwtService({ secret: 'another-secret-of-at-least-32-characters!' }).sign({ sub: vendor.userId, role: 'admin' });
    await request(t.server).get('/me').set(bearer(forged)).expect(401);
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = new JwtService({ secret: t.config.JWT_SECRET }).sign({
      sub: vendor.userId,
      role: 'vendor',
      iat: past - 900,
      exp: past,
    });
    const res = await request(t.server).get('/me').set(bearer(expired)).expect(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/expired/) });
  });

  it('rejects a duplicate e-mail in another case with 409 EMAIL_TAKEN', async () => {
    const vendor = await registerVendor(t);
    const res = await request(t.server)
      .post('/auth/register')
      .send(registrationBody('buyer', { email: vendor.email.toUpperCase() }))
      .expect(409);
    expect(res.body.code).toBe('EMAIL_TAKEN');
  });

  it.each([
    ['123456789', 'Luhn-invalid'],
    ['000000000', 'all zeros'],
    ['12345678', 'too short'],
  ])('rejects SIREN %s (%s) with 400 naming organisation.siren', async (siren) => {
    const res = await request(t.server)
      .post('/auth/register')
      .send(registrationBody('vendor', { organisation: { siren } }))
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details).toEqual([{ field: 'organisation.siren', messages: [expect.stringContaining('SIREN')] }]);
  });

  it.each([
    ['communeCode', { communeCode: '06999' }, 'organisation.communeCode'],
    ['nafCode', { nafCode: '99.99Z' }, 'organisation.nafCode'],
    [
      'establishment commune',
      { establishments: [{ siret: '35600000000010', communeCode: '99999' }] },
      'organisation.establishments[0].communeCode',
    ],
  ])('rejects an unknown %s with 400 naming the field', async (_label, organisation, field) => {
    const res = await request(t.server).post('/auth/register').send(registrationBody('vendor', { organisation })).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('accepts a spaced SIREN, a La Poste SIRET and establishments, and stores them', async () => {
    const body = registrationBody('vendor', {
      organisation: { siren: '356 000 000', siret: '35600000000048', establishments: [{ siret: '35600000000010', communeCode: '2A004' }] },
    });
    const res = await request(t.server).post('/auth/register').send(body).expect(201);
    const org = await request(t.server).get(`/organisations/${res.body.user.organisationId}`).set(bearer(res.body.accessToken)).expect(200);
    expect(org.body).toMatchObject({
      siren: '356000000',
      siret: '35600000000048',
      nafVersion: 'NAFRev2',
      establishments: [{ siret: '35600000000010', communeCode: '2A004' }],
      verifiedAt: null,
    });
  });

  it.each([
    [{ communeCode: '6088' }, 'organisation.communeCode'],
    [{ nafCode: '6201Z' }, 'organisation.nafCode'],
    [{ siret: '21060088800016' }, 'organisation.siret'],
    [{ buyerType: 'tpe' }, 'organisation.buyerType'],
  ])('rejects organisation %j with 400 naming %s', async (organisation, field) => {
    const res = await request(t.server).post('/auth/register').send(registrationBody('vendor', { organisation })).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('requires a buyer type for buyers', async () => {
    const body = registrationBody('buyer');
    delete (body.organisation as Record<string, unknown>).buyerType;
    const res = await request(t.server).post('/auth/register').send(body).expect(400);
    expect(res.body.details).toEqual([{ field: 'organisation.buyerType', messages: ['buyerType is required for buyers'] }]);
  });

  it.each([
    ['short', 'at least 12'],
    ['password1234', 'too common'],
    ['zzzzzzzzzzzzzz', 'single character'],
  ])('rejects the password %s with 400 naming password', async (password, message) => {
    const res = await request(t.server).post('/auth/register').send(registrationBody('vendor', { password })).expect(400);
    expect(res.body.details).toEqual([{ field: 'password', messages: [expect.stringContaining(message)] }]);
  });

  it('refuses a password containing the e-mail local part', async () => {
    const body = registrationBody('vendor', { email: 'ada.lovelace@example.fr', password: 'my ada.lovelace password' });
    const res = await request(t.server).post('/auth/register').send(body).expect(400);
    expect(res.body.details[0].field).toBe('password');
  });

  it('lets the same SIREN exist once as a vendor and once as a buyer', async () => {
    const vendor = await registerVendor(t);
    const buyer = await registerBuyer(t, { organisation: { siren: vendor.organisation.siren } });
    expect(buyer.membershipStatus).toBe('active');
    expect(buyer.organisationId).not.toBe(vendor.organisationId);
  });

  it('returns 403 for a wrong role on an admin route', async () => {
    const vendor = await registerVendor(t);
    const curator = await createCurator(t);
    const body = { email: uniqueEmail('new'), password: TEST_PASSWORD, displayName: 'New', role: 'curator' };
    const asVendor = await request(t.server).post('/admin/users').set(bearer(vendor)).send(body).expect(403);
    expect(asVendor.body.code).toBe('FORBIDDEN');
    await request(t.server).post('/admin/users').set(bearer(curator)).send(body).expect(403);
  });

  it('keeps health and the OpenAPI document public, with bearer auth declared', async () => {
    await request(t.server).get('/health').expect(200);
    await request(t.server).get('/health/ready').expect(200);
    const doc = await request(t.server).get('/docs/openapi.json').expect(200);
    expect(doc.body.components.securitySchemes.bearer).toBeDefined();
    expect(doc.body.paths['/me'].get.security).toEqual([{ bearer: [] }]);
    for (const path of [
      '/auth/register',
      '/auth/login',
      '/auth/refresh',
      '/auth/logout',
      '/me/export',
      '/admin/users',
      '/organisations/{id}/members',
    ]) {
      expect(doc.body.paths[path]).toBeDefined();
    }
  });

  it('logs in a user created by loginAs helpers', async () => {
    const buyer = await registerBuyer(t);
    const again = await loginAs(t, buyer.email);
    expect(again.userId).toBe(buyer.userId);
  });
});

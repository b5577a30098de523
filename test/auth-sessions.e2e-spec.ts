import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { bearer, loginAs, registerVendor, TEST_PASSWORD } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 17 item 5: after a logout or a detected replay, the access token kept working until it expired. */
describe('Sessions: access tokens of a revoked session stop working at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_SESSION_CACHE_SECONDS: '1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const me = (token: string) => request(t.server).get('/me').set(bearer(token));

  it('refuses the access token after logout, and keeps the other sessions of the user', async () => {
    const vendor = await registerVendor(t);
    const other = await loginAs(t, vendor.email);
    await me(vendor.accessToken).expect(200);
    await request(t.server).post('/auth/logout').send({ refreshToken: vendor.refreshToken }).expect(204);
    const res = await me(vendor.accessToken).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    await me(other.accessToken).expect(200);
  });

  it('refuses every access token of the family once a refresh-token replay is detected', async () => {
    const vendor = await registerVendor(t);
    const rotated = await request(t.server).post('/auth/refresh').send({ refreshToken: vendor.refreshToken }).expect(200);
    await me(rotated.body.accessToken).expect(200);
    // The old refresh token presented again: a replay, the whole family is revoked.
    await request(t.server).post('/auth/refresh').send({ refreshToken: vendor.refreshToken }).expect(401);
    await me(rotated.body.accessToken).expect(401);
    await me(vendor.accessToken).expect(401);
  });

  it('ends the access tokens of every session when the password changes', async () => {
    const vendor = await registerVendor(t);
    const other = await loginAs(t, vendor.email);
    await request(t.server)
      .patch('/me')
      .set(bearer(vendor))
      .send({ newPassword: 'a brand new passphrase', currentPassword: TEST_PASSWORD })
      .expect(200);
    await me(vendor.accessToken).expect(401);
    await me(other.accessToken).expect(401);
  });

  it('refuses a correctly signed token that names no session, or a session of someone else', async () => {
    const vendor = await registerVendor(t);
    const other = await registerVendor(t);
    const jwt = new JwtService({ secret: t.config.JWT_SECRET });
    await me(jwt.sign({ sub: vendor.userId, role: 'vendor' })).expect(401);
    const otherSid = (jwt.decode(other.accessToken) as { sid: string }).sid;
    await me(jwt.sign({ sub: vendor.userId, role: 'vendor', sid: otherSid })).expect(401);
    expect((jwt.decode(vendor.accessToken) as { sid?: string }).sid).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sees a revocation made by another instance within AUTH_SESSION_CACHE_SECONDS', async () => {
    const vendor = await registerVendor(t);
    await me(vendor.accessToken).expect(200);
    // Another instance revoking writes only to the database: this one's cache still vouches, briefly.
    await t.dataSource.query('UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1', [vendor.userId]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await me(vendor.accessToken).expect(401);
  });
});

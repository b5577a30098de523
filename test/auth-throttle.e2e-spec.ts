import request from 'supertest';
import { registerVendor, registrationBody, TEST_PASSWORD, type RegisteredSession } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * Issue 17 item 6: throttling was per IP, in memory, per instance. Two Nest apps on one database
 * stand for two instances behind a load balancer: every limit must hold across them.
 */
describe('Login throttling shared by two instances on one database', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let vendor: RegisteredSession;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      TRUST_PROXY: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      AUTH_LOGIN_SLOWDOWN_AFTER: '2',
      AUTH_LOGIN_LOCKOUT_AFTER: '4',
      AUTH_ACCOUNT_LOCKOUT_AFTER: '6',
      AUTH_LOCKOUT_MINUTES: '15',
    };
    a = await createTestApp({ database, env });
    b = await createTestApp({ database, env });
    vendor = await registerVendor(a);
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await database?.drop();
  });

  const login = (t: TestApp, ip: string, email: string, password: string) =>
    request(t.server).post('/auth/login').set('x-forwarded-for', ip).send({ email, password });
  const setWaits = (_email: string) => a.dataSource.query("UPDATE rate_limit SET expire = 0 WHERE key LIKE 'wait:%'");

  it('slows down, then locks out, one e-mail and IP across both instances, with Retry-After', async () => {
    const email = vendor.email;
    await login(a, '198.51.100.1', email, 'wrong password 1').expect(401);
    await login(b, '198.51.100.1', email, 'wrong password 2').expect(401);
    // Two consecutive failures: the next attempt, on either instance, must wait.
    const slowed = await login(b, '198.51.100.1', email, TEST_PASSWORD).expect(429);
    expect(slowed.body).toMatchObject({ statusCode: 429, code: 'LOGIN_THROTTLED' });
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await setWaits(email); // skip the waits instead of sleeping through them
    await login(a, '198.51.100.1', email, 'wrong password 3').expect(401);
    await setWaits(email);
    await login(b, '198.51.100.1', email, 'wrong password 4').expect(401);
    await setWaits(email);
    // Fourth consecutive failure: the pair is locked out, the right password included.
    const locked = await login(a, '198.51.100.1', email, TEST_PASSWORD).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    // Another address may still sign in, which clears the account's count.
    await login(b, '198.51.100.2', email, TEST_PASSWORD).expect(200);
  });

  it('locks an account out after failures spread over many IPs, and answers an unknown e-mail the same way', async () => {
    for (const email of [(await registerVendor(a)).email, 'nobody.here@example.fr']) {
      for (let i = 0; i < 6; i++) await login(i % 2 ? a : b, `203.0.113.${i + 1}`, email, 'wrong password').expect(401);
      const res = await login(a, '203.0.113.99', email, TEST_PASSWORD).expect(429);
      expect(res.body.code).toBe('LOGIN_THROTTLED');
    }
  });

  it('clears the consecutive count on success', async () => {
    const other = await registerVendor(a);
    await login(a, '192.0.2.7', other.email, 'wrong password').expect(401);
    await login(b, '192.0.2.7', other.email, TEST_PASSWORD).expect(200);
    await login(a, '192.0.2.7', other.email, 'wrong password').expect(401);
    await login(b, '192.0.2.7', other.email, TEST_PASSWORD).expect(200);
  });
});

describe('Per-IP route limits shared by two instances', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await createTestDatabase();
    a = await createTestApp({ database, env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    b = await createTestApp({ database, env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await database?.drop();
  });

  it('counts registrations and refreshes of one IP across both instances', async () => {
    await request(a.server).post('/auth/register').send(registrationBody('vendor')).expect(201);
    await request(b.server).post('/auth/register').send(registrationBody('vendor')).expect(201);
    await request(a.server).post('/auth/register').send(registrationBody('vendor')).expect(201);
    const refused = await request(b.server).post('/auth/register').send(registrationBody('vendor')).expect(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++)
      await request(i % 2 ? a.server : b.server)
        .post('/auth/refresh')
        .send({ refreshToken: 'x'.repeat(43) })
        .expect(401);
    await request(a.server)
      .post('/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(429);
  });
});

import request from 'supertest';
import { bearer, createAdmin, registerBuyer, registrationBody, TEST_PASSWORD, type TestSession } from './support/auth.js';
import { completeNeed } from './support/introductions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Issue 17 item 2: a NUL byte reached PostgreSQL (SQLSTATE 22021) and came back as a 500. */
describe('NUL bytes in requests: 400 naming the field, never 500', () => {
  let t: TestApp;
  let buyer: TestSession;
  let admin: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    buyer = await registerBuyer(t);
    admin = await createAdmin(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const fields = (res: request.Response) => (res.body.details as { field: string }[]).map((d) => d.field);

  it.each([
    [
      'POST /auth/login',
      () => request(t.server).post('/auth/login').send({ email: 'a\u0000@example.fr', password: TEST_PASSWORD }),
      ['email'],
    ],
    [
      'POST /auth/register',
      () =>
        request(t.server)
          .post('/auth/register')
          .send(registrationBody('buyer', { displayName: 'Zoé\u0000' })),
      ['displayName'],
    ],
    [
      'POST /auth/register (nested)',
      () =>
        request(t.server)
          .post('/auth/register')
          .send({
            ...registrationBody('vendor'),
            organisation: { ...(registrationBody('vendor').organisation as object), name: 'Azur\u0000IA' },
          }),
      ['organisation.name'],
    ],
    [
      'POST /needs',
      () =>
        request(t.server)
          .post('/needs')
          .set(bearer(buyer))
          .send(completeNeed({ title: 'Tri\u0000', useCases: ['DOC\u0000'] })),
      ['title', 'useCases[0]'],
    ],
    ['PATCH /me', () => request(t.server).patch('/me').set(bearer(buyer)).send({ displayName: '\u0000' }), ['displayName']],
    ['GET /offerings?q=%00', () => request(t.server).get('/offerings?q=%00'), ['q']],
    ['GET /audit?action=%00', () => request(t.server).get('/audit?action=%00').set(bearer(admin)), ['action']],
    ['GET /needs/:id with a NUL id', () => request(t.server).get('/needs/%00').set(bearer(buyer)), ['id']],
  ])('%s answers 400 VALIDATION_FAILED naming the field', async (_name, send, expected) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', requestId: expect.any(String) });
    expect(fields(res)).toEqual(expected);
  });

  it('refuses it on the console too (/app/catalogue?q=%00), without a 500', async () => {
    const res = await request(t.server).get('/app/catalogue?q=%00');
    expect(res.status).toBe(400);
  });

  it('still accepts control characters that text can hold (a tab in a need title)', async () => {
    await request(t.server)
      .post('/needs')
      .set(bearer(buyer))
      .send(completeNeed({ title: 'Tri\tautomatique' }))
      .expect(201);
  });
});

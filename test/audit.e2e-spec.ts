import request from 'supertest';
import { bearer, createStaffUser, registerBuyer, registerVendor, uniqueEmail, type TestSession } from './support/auth.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('GET /audit', () => {
  let t: TestApp;
  let admin: TestSession;
  let curator: TestSession;
  let createdCuratorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createStaffUser(t, 'admin');
    curator = await createStaffUser(t, 'curator');
    const res = await request(t.server)
      .post('/admin/users')
      .set(bearer(admin))
      .set('x-request-id', 'audit-trace-0001')
      .send({ email: uniqueEmail('cur'), password: 'a long and unusual passphrase', displayName: 'Camille Curatrice', role: 'curator' })
      .expect(201);
    createdCuratorId = res.body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists admin actions with actor, entity and request id, newest first', async () => {
    const res = await request(t.server)
      .get('/audit')
      .query({ entityType: 'user', entityId: createdCuratorId })
      .set(bearer(curator))
      .expect(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      actorId: admin.userId,
      actorRole: 'admin',
      entityType: 'user',
      entityId: createdCuratorId,
      requestId: 'audit-trace-0001',
    });
    expect(JSON.stringify(res.body)).not.toContain('Camille');
  });

  it('filters by actor and by date, and pages', async () => {
    const byActor = await request(t.server).get('/audit').query({ actorId: admin.userId, pageSize: 1 }).set(bearer(admin)).expect(200);
    expect(byActor.body).toMatchObject({ page: 1, pageSize: 1 });
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === admin.userId)).toBe(true);
    const future = await request(t.server).get('/audit').query({ from: '2999-01-01' }).set(bearer(admin)).expect(200);
    expect(future.body).toMatchObject({ items: [], total: 0 });
  });

  it.each([
    [{ entityId: 'not-a-uuid' }, 'entityId'],
    [{ from: 'yesterday' }, 'from'],
    [{ from: '2026-12-01', to: '2026-11-01' }, 'to'],
    [{ pageSize: '1000' }, 'pageSize'],
    [{ entityType: 'Robert; DROP TABLE' }, 'entityType'],
  ])('refuses %p with 400 naming %s', async (query, field) => {
    const res = await request(t.server).get('/audit').query(query).set(bearer(curator)).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('is closed to vendors, buyers and anonymous callers', async () => {
    await request(t.server).get('/audit').expect(401);
    await request(t.server)
      .get('/audit')
      .set(bearer(await registerVendor(t)))
      .expect(403);
    await request(t.server)
      .get('/audit')
      .set(bearer(await registerBuyer(t)))
      .expect(403);
  });
});

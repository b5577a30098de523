import request from 'supertest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { loginAs, registrationBody } from './support/auth.js';

describe('Authentication settings from the environment', () => {
  describe('with AUTH_RATE_LIMIT_PER_MINUTE=3', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('answers 429 in the error format after 3 login attempts in a minute', async () => {
      for (let i = 0; i < 3; i++) {
        await request(t.server).post('/auth/login').send({ email: 'nobody@example.fr', password: 'whatever password' }).expect(401);
      }
      const res = await request(t.server)
        .post('/auth/login')
        .send({ email: 'nobody@example.fr', password: 'whatever password' })
        .expect(429);
      expect(res.body).toEqual({
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: 'Too many requests; try again later.',
        requestId: res.headers['x-request-id'],
      });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // The limit is per route: registering is still possible.
      await request(t.server).post('/auth/register').send(registrationBody('vendor')).expect(201);
    });

    it('does not limit the other routes', async () => {
      for (let i = 0; i < 5; i++) await request(t.server).get('/health').expect(200);
    });
  });

  describe('with ADMIN_EMAIL and ADMIN_PASSWORD', () => {
    let t: TestApp;
    const env = { ADMIN_EMAIL: 'Root@Maison-IA.fr', ADMIN_PASSWORD: 'the first admin passphrase' };
    beforeAll(async () => {
      t = await createTestApp({ env });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('creates the first admin at boot, who can then create a curator', async () => {
      const admin = await loginAs(t, 'root@maison-ia.fr', env.ADMIN_PASSWORD);
      expect(admin.role).toBe('admin');
      const body = {
        email: 'jeanne.baret@maison-ia.fr',
        password: 'a long passphrase for her',
        displayName: 'Jeanne Baret',
        role: 'curator',
      };
      const res = await request(t.server).post('/admin/users').set('Authorization', `Bearer ${admin.accessToken}`).send(body).expect(201);
      expect(res.body).toMatchObject({ email: 'jeanne.baret@maison-ia.fr', role: 'curator', organisationId: null });
      await request(t.server).post('/admin/users').set('Authorization', `Bearer ${admin.accessToken}`).send(body).expect(409);
      const curator = await loginAs(t, body.email, body.password);
      expect(curator.role).toBe('curator');

      const [event] = await t.dataSource.query("SELECT * FROM audit_event WHERE action = 'user.create_staff' AND entity_id = $1", [
        res.body.id,
      ]);
      expect(event).toMatchObject({ actor_id: admin.userId, actor_role: 'admin', after: { role: 'curator' } });
      expect(event.request_id).toBeTruthy();
    });

    it('is idempotent: a second boot on the same database adds no admin', async () => {
      const { StaffUsersService } = await import('../src/users/staff-users.service.js');
      await t.app.get(StaffUsersService).onApplicationBootstrap();
      const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM app_user WHERE role = 'admin'");
      expect(n).toBe(1);
    });

    it('refuses self-registration as an admin', async () => {
      const body = { ...registrationBody('vendor'), role: 'admin' };
      const res = await request(t.server).post('/auth/register').send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('role');
    });
  });
});

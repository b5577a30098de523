import request from 'supertest';
import { bearer, registerBuyer, TEST_PASSWORD } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient, webSignIn } from '../support/web.js';

const cookiesOf = (headers: Record<string, string | string[] | undefined>): string[] =>
  ([] as string[]).concat(headers['set-cookie'] ?? []);

describe('Web console session: the API account rules hold through the cookies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs out for good: the old cookies are revoked, not just forgotten', async () => {
    const buyer = await registerBuyer(t);
    const web = new WebClient(t);
    const login = await web.post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD });
    const stolen = cookiesOf(login.headers)
      .map((c) => c.split(';')[0])
      .join('; ');
    await web.post('/app/deconnexion');

    // Someone replays the cookies of before the sign-out, without the access token (expired).
    const refreshOnly = stolen
      .split('; ')
      .filter((c) => c.startsWith('cia_refresh='))
      .join('; ');
    const replay = await request(t.server).get('/app/acheteur').set('cookie', refreshOnly).redirects(0);
    expect(replay.status).toBe(303);
    expect(replay.headers.location).toMatch(/^\/app\/connexion\?retour=/);
  });

  it('treats a rotated refresh cookie presented by another browser as a replay, within the reuse window too', async () => {
    const buyer = await registerBuyer(t);
    const refreshIn = (headers: Record<string, string | string[] | undefined>) =>
      cookiesOf(headers)
        .find((c) => /^cia_refresh=[^;]/.test(c))
        ?.split(';')[0]
        .slice('cia_refresh='.length);
    const old = refreshIn((await new WebClient(t).post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD })).headers)!;
    expect(old).toBeTruthy();
    const browser = (refresh: string, userAgent: string) =>
      request(t.server).get('/app/acheteur').set('cookie', `cia_refresh=${refresh}`).set('user-agent', userAgent).redirects(0);
    const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
    // The owner's browser, its access token expired: the page rotates the refresh token.
    const page = await browser(old, firefox).expect(200);
    const rotated = refreshIn(page.headers)!;
    expect(rotated).toBeTruthy();
    expect(rotated).not.toBe(old);
    // The same browser's concurrent request with the old cookie shares that rotation.
    await browser(old, firefox).expect(200);
    // Someone else, seconds later, with the old cookie copied: no session (it used to get one), and
    // the whole session is revoked, as POST /auth/refresh does on a replay.
    const thief = await browser(old, 'curl/8.5.0');
    expect(thief.status).toBe(303);
    expect(refreshIn(thief.headers)).toBeUndefined();
    await browser(rotated, firefox).expect(303);
  });

  it('ends the console session at once when the account is erased through the API', async () => {
    const buyer = await registerBuyer(t);
    const web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
    expect((await web.get('/app/acheteur')).status).toBe(200);
    await request(t.server).delete('/me').set(bearer(buyer)).expect(204);
    const after = await web.get('/app/acheteur');
    expect(after.status).toBe(303);
    expect(after.location).toMatch(/^\/app\/connexion/);
  });

  it('checks CSRF on the route the router matched, even when the address is percent-encoded', async () => {
    const buyer = await registerBuyer(t);
    for (const path of ['/%61pp/connexion', '/app/%63onnexion', '/%61pp/inscription']) {
      const res = await request(t.server)
        .post(path)
        .type('form')
        .send(`email=${encodeURIComponent(buyer.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`)
        .redirects(0);
      expect([path, res.status]).toEqual([path, 403]);
      expect(([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => c.startsWith('cia_session='))).toBe(false);
    }
  });

  it('refuses console posts that are not forms (415), and ignores non-text values smuggled into fields', async () => {
    const buyer = await registerBuyer(t);
    const web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
    const json = await web.agent
      .post('/app/acheteur/besoins/nouveau')
      .set('x-csrf-token', web.csrf)
      .send({ title: 'abc', useCases: { a: 1 } })
      .redirects(0);
    expect(json.status).toBe(415);
    const nested = await web.post('/app/acheteur/besoins/nouveau', { title: 'Un besoin', 'useCases[a]': '1' });
    expect(nested.status).toBeLessThan(500);
  });

  it('never puts control characters of a return address into a Location header', async () => {
    const buyer = await registerBuyer(t);
    const web = new WebClient(t);
    const res = await web.post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD, retour: '/app/\r\nX-Injected: 1' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/app/acheteur?message=signed-in');
  });

  it('rate-limits sign-in attempts from one address, with a French page', async () => {
    const limited = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    const web = new WebClient(limited);
    await web.get('/app/connexion');
    const statuses: number[] = [];
    let last = '';
    for (let i = 0; i < 4; i++) {
      const res = await web.post('/app/connexion', { email: 'personne@example.fr', password: 'not the password' });
      statuses.push(res.status);
      last = res.text;
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(visibleText(last)).toContain('Trop de tentatives');
    await limited.close();
  });
});

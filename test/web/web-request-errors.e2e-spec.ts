import request from 'supertest';
import { registerBuyer, TEST_PASSWORD } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, webSignIn } from '../support/web.js';

/** Over the 1 MiB body limit of createFastifyAdapter. */
const OVERSIZED = 'a'.repeat(1024 * 1024 + 1);

describe('Web console: requests refused before any handler answer French pages, the API keeps JSON', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers an oversized console form with a French 413 page in the console layout', async () => {
    const buyer = await registerBuyer(t);
    const web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
    const res = await web.post('/app/acheteur/besoins', { title: OVERSIZED });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="fr"');
    expect(visibleText(res.text)).toContain('Formulaire trop volumineux');
    expect(visibleText(res.text)).toMatch(/dépasse la taille autorisée/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it('answers an oversized anonymous sign-in form with the same page', async () => {
    const res = await request(t.server).post('/app/connexion').type('form').send(`email=x&password=${OVERSIZED}`);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(visibleText(res.text)).toContain('Formulaire trop volumineux');
  });

  it('answers a body the console cannot parse with a French 415 page', async () => {
    const res = await request(t.server).post('/app/connexion').set('content-type', 'application/xml').send('<login/>');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(visibleText(res.text)).toContain('Format non pris en charge');
  });

  it('keeps the JSON error body on API routes (413 and 415)', async () => {
    const res = await request(t.server)
      .post('/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'x@example.fr', password: OVERSIZED }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', requestId: expect.any(String) });
    const xml = await request(t.server).post('/auth/login').set('content-type', 'application/xml').send('<login/>');
    expect(xml.status).toBe(415);
    expect(xml.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

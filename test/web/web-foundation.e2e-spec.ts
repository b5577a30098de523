import request from 'supertest';
import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { createCurator, registerBuyer, TEST_PASSWORD, uniqueEmail, randomSiren } from '../support/auth.js';
import { createPublishedOffering, registerVerifiedVendor } from '../support/offerings.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient, webSignIn } from '../support/web.js';

describe('Web console: session, CSRF, public pages, sign-in and sign-up', () => {
  let t: TestApp;
  let offeringId: string;
  let vendorId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const curator = await createCurator(t);
    const vendor = await registerVerifiedVendor(t, curator, { organisation: { name: 'Azur Vision Web' } });
    vendorId = vendor.organisation.id;
    offeringId = (
      await createPublishedOffering(t, vendor, {
        title: 'Chatbot municipal souverain',
        summary: 'Un agent conversationnel pour les mairies.',
      })
    ).id;
    // A national offering: it serves every région, so every région's count includes it.
    await createPublishedOffering(t, vendor, {
      title: 'Transcription des conseils municipaux',
      serviceArea: { national: true, regions: [], departements: [], remoteDelivery: true },
    });
    await t.app.get(OutboxWorker).drain();
  });
  afterAll(() => t.close());

  describe('public pages', () => {
    it('serves the home page in French with the latest offerings', async () => {
      const res = await new WebClient(t).get('/app');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<html lang="fr"');
      // No inline script on console pages; the API's Swagger UI keeps its own policy.
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
      expect(res.text).not.toMatch(/<script(?![^>]*\ssrc=)/);
      expect(res.text).toContain('Chatbot municipal souverain');
    });

    it('finds an offering in the catalogue despite a typo', async () => {
      const res = await new WebClient(t).get('/app/catalogue?q=chatbto');
      expect(res.status).toBe(200);
      expect(res.text).toContain(`/app/offres/${offeringId}`);
    });

    it('shows facet counts next to each option', async () => {
      const res = await new WebClient(t).get('/app/catalogue');
      expect(visibleText(res.text)).toMatch(/Provence-Alpes-Côte d'Azur \(\d+\)/);
    });

    it('counts next to each région what choosing it finds, national offerings included (issue 22)', async () => {
      const text = visibleText((await new WebClient(t).get('/app/catalogue')).text);
      for (const [code, name] of [
        ['93', "Provence-Alpes-Côte d'Azur"],
        ['53', 'Bretagne'],
        ['11', 'Île-de-France'],
      ]) {
        const found = (await request(t.server).get('/offerings').query({ region: code }).expect(200)).body as { total: number };
        expect(found.total).toBeGreaterThan(0);
        expect(text).toContain(`${name} (${found.total})`);
      }
    });

    it('filters by hosting and grade facets, and survives unknown filter values', async () => {
      const none = await new WebClient(t).get('/app/catalogue?dataResidency=OTHER');
      expect(visibleText(none.text)).toContain('Aucune offre ne correspond');
      const bad = await new WebClient(t).get('/app/catalogue?grade=Z&region=%3Cscript%3E');
      expect(bad.status).toBe(200);
      expect(bad.text).toContain("n'est pas reconnu");
      expect(bad.text).not.toContain('<script>');
    });

    it('shows an offering with its grade, the five block bars and each claim as déclaré or vérifié', async () => {
      const res = await new WebClient(t).get(`/app/offres/${offeringId}`);
      expect(res.status).toBe(200);
      expect(res.text.match(/class="bar-fill"/g)).toHaveLength(5);
      expect(visibleText(res.text)).toMatch(/déclaré/);
    });

    it('escapes what users typed: markup in an offering shows as text', async () => {
      const curator = await createCurator(t);
      const vendor = await registerVerifiedVendor(t, curator, { organisation: { name: '<b>Gras</b> & Cie' } });
      const evil = '<img src=x onerror=alert(1)>';
      const { id } = await createPublishedOffering(t, vendor, { title: `Offre ${evil}`, summary: `Résumé ${evil}` });
      await t.app.get(OutboxWorker).drain();
      for (const path of [`/app/offres/${id}`, '/app/catalogue?q=Offre', `/app/fournisseurs/${vendor.organisation.id}`]) {
        const res = await new WebClient(t).get(path);
        expect(res.text).not.toContain('<img src=x');
        expect(res.text).not.toContain('<b>Gras</b>');
      }
      expect((await new WebClient(t).get(`/app/offres/${id}`)).text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    });

    it('shows a vendor page listing its published offerings', async () => {
      const res = await new WebClient(t).get(`/app/fournisseurs/${vendorId}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('Azur Vision Web');
      expect(res.text).toContain(`/app/offres/${offeringId}`);
    });

    it('answers unknown and malformed ids with a French 404 page', async () => {
      const web = new WebClient(t);
      const malformed = await web.get('/app/offres/not-a-uuid');
      expect(malformed.status).toBe(404);
      expect(malformed.text).toContain('Page introuvable');
      const unknown = await web.get('/app/offres/00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/text\/html/);
      const nowhere = await web.get('/app/nulle/part');
      expect(nowhere.status).toBe(404);
      expect(nowhere.text).toContain('Page introuvable');
    });

    it('serves the stylesheets and htmx from the app itself', async () => {
      for (const [name, type] of [
        ['pico.min.css', 'text/css'],
        ['htmx.min.js', 'text/javascript'],
        ['app.css', 'text/css'],
      ]) {
        const res = await request(t.server).get(`/app/assets/${name}`);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toContain(type);
      }
      expect((await request(t.server).get('/app/assets/..%2Fpackage.json')).status).toBe(404);
    });

    it('answers /favicon.ico with the console icon, linked from every page (issue 22)', async () => {
      const res = await request(t.server)
        .get('/favicon.ico')
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/x-icon');
      expect(res.headers['cache-control']).toBe('public, max-age=86400');
      // An ICO header (reserved 0, type 1, one image) then a PNG.
      expect([...(res.body as Buffer).subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
      expect((res.body as Buffer).subarray(23, 26).toString('ascii')).toBe('PNG');
      const page = await request(t.server).get('/app/catalogue').expect(200);
      expect(page.text).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">');
    });

    it('compresses pages, JSON and assets as the client accepts, and leaves small or unasked answers alone (issue 22)', async () => {
      const raw = (path: string, encoding?: string) => {
        const req = request(t.server)
          .get(path)
          .buffer(true)
          .parse((r, done) => {
            const chunks: Buffer[] = [];
            r.on('data', (c: Buffer) => chunks.push(c));
            r.on('end', () => done(null, Buffer.concat(chunks)));
          });
        return encoding === undefined ? req.set('accept-encoding', 'identity') : req.set('accept-encoding', encoding);
      };
      expect((await raw('/app/catalogue', 'br')).headers['content-encoding']).toBe('br');
      expect((await raw('/app/catalogue', 'gzip, deflate')).headers['content-encoding']).toBe('gzip');
      expect((await raw('/app/assets/pico.min.css', 'gzip')).headers['content-encoding']).toBe('gzip');
      expect((await raw('/reference/use-cases', 'br, gzip')).headers['content-encoding']).toBe('br');
      expect((await raw('/app/catalogue')).headers['content-encoding']).toBeUndefined();
      // Under 1 kB: not worth it.
      const small = await raw('/health', 'gzip');
      expect(small.status).toBe(200);
      expect(small.headers['content-encoding']).toBeUndefined();
      // What supertest decompresses is the page itself.
      const page = await request(t.server).get('/app/catalogue').set('accept-encoding', 'gzip');
      expect(page.text).toContain('</html>');
    });

    it('describes every page in a meta description: the site by default, the offering by its summary', async () => {
      const home = await request(t.server).get('/app').expect(200);
      expect(home.text).toMatch(/<meta name="description" content="Circuit IA met en relation les TPE, PME et collectivités/);
      const catalogue = await request(t.server).get('/app/catalogue').expect(200);
      expect(catalogue.text).toContain('<meta name="description" content="Le catalogue des solutions d&#39;intelligence artificielle');
    });
  });

  describe('sign-in', () => {
    it('signs in with an httpOnly SameSite cookie scoped to /app, and signs out', async () => {
      const buyer = await registerBuyer(t);
      const web = new WebClient(t);
      await web.get('/app/connexion');
      const res = await web.post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/app/acheteur?message=signed-in');
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const session = cookies.find((c) => c.startsWith('cia_session='));
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(session).toMatch(/Path=\/app/);
      const home = await web.get('/app');
      expect(home.text).toContain('Se déconnecter');

      const out = await web.post('/app/deconnexion');
      expect(out.status).toBe(303);
      expect((await web.get('/app')).text).not.toContain('Se déconnecter');
    });

    it('refuses a wrong password with the same French message as an unknown e-mail, keeping the e-mail', async () => {
      const buyer = await registerBuyer(t);
      const wrong = await new WebClient(t).post('/app/connexion', { email: buyer.email, password: 'wrong password here' });
      const unknown = await new WebClient(t).post('/app/connexion', { email: uniqueEmail('nobody'), password: 'wrong password here' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(visibleText(wrong.text)).toContain('Adresse e-mail ou mot de passe incorrect.');
      expect(visibleText(unknown.text)).toContain('Adresse e-mail ou mot de passe incorrect.');
      expect(wrong.text).toContain(`value="${buyer.email}"`);
    });

    it('returns to the page asked for, but never to another site', async () => {
      const buyer = await registerBuyer(t);
      const web = new WebClient(t);
      const ok = await web.post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD, retour: '/app/catalogue?q=x' });
      expect(ok.location).toBe('/app/catalogue?q=x&message=signed-in');
      for (const evil of ['https://evil.example/app', '//evil.example/app', '/app\\@evil', '/docs']) {
        const res = await new WebClient(t).post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD, retour: evil });
        expect(res.location).toBe('/app/acheteur?message=signed-in');
      }
    });

    it('keeps the session across an access-token expiry by rotating the refresh token once for concurrent requests', async () => {
      const buyer = await registerBuyer(t);
      const web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
      // A forged/expired access cookie: the refresh cookie takes over.
      await web.agent.jar.setCookie('cia_session=expired.token.value; Path=/app', 'http://127.0.0.1/app');
      const pages = await Promise.all([web.get('/app'), web.get('/app/catalogue'), web.get('/app')]);
      for (const p of pages) expect(p.text).toContain('Se déconnecter');
      expect((await web.get('/app/catalogue')).text).toContain('Se déconnecter');
    });
  });

  describe('CSRF', () => {
    it('refuses a form posted without the token or with another browser’s token', async () => {
      const buyer = await registerBuyer(t);
      const missing = await new WebClient(t).post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD }, { csrf: false });
      expect(missing.status).toBe(403);
      expect(visibleText(missing.text)).toContain('Ce formulaire a expiré');
      const other = new WebClient(t);
      await other.get('/app/connexion');
      const mine = new WebClient(t);
      await mine.get('/app/connexion');
      const crossed = await mine.post('/app/connexion', { email: buyer.email, password: TEST_PASSWORD }, { csrf: other.csrf });
      expect(crossed.status).toBe(403);
    });

    it('never lets the API read the console cookie: the API stays bearer-only', async () => {
      const buyer = await registerBuyer(t);
      const web = await webSignIn(t, { email: buyer.email, password: TEST_PASSWORD });
      const res = await web.agent.get('/me');
      expect(res.status).toBe(401);
    });
  });

  describe('sign-up', () => {
    it('registers a buyer from the form and lands in the buyer space', async () => {
      const web = new WebClient(t);
      await web.get('/app/inscription?profil=acheteur');
      const res = await web.post('/app/inscription', {
        role: 'buyer',
        displayName: 'Camille Martin',
        email: uniqueEmail('web-buyer'),
        password: TEST_PASSWORD,
        'organisation.name': 'Mairie de Test',
        'organisation.siren': randomSiren(),
        'organisation.nafCode': '84.11Z',
        'organisation.communeCode': 'Nice (06088)',
        'organisation.buyerType': 'collectivite',
        acceptTerms: 'true',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/app/acheteur?message=registered-verify');
    });

    it('shows French field errors on a 400 and keeps what was typed, except the password', async () => {
      const web = new WebClient(t);
      await web.get('/app/inscription?profil=fournisseur');
      const res = await web.post('/app/inscription', {
        role: 'vendor',
        displayName: 'Jean Dupont',
        email: 'pas-une-adresse',
        password: 'secret-password-kept-out',
        'organisation.name': 'Ma Société',
        'organisation.siren': '123456789',
        'organisation.nafCode': '62.01Z',
        'organisation.communeCode': 'Villeinconnue',
      });
      expect(res.status).toBe(400);
      const text = visibleText(res.text);
      expect(text).toContain('Saisissez une adresse e-mail valide');
      expect(text).toContain("Ce numéro SIREN n'existe pas : vérifiez les 9 chiffres.");
      expect(text).toContain('Commune inconnue : tapez son nom ou son code postal');
      expect(res.text).toContain('value="Ma Société"');
      expect(res.text).toContain('value="pas-une-adresse"');
      expect(res.text).not.toContain('secret-password-kept-out');
      expect(res.text).toMatch(/aria-invalid="true"/);
    });

    it('says in French that an e-mail is taken (409), without creating anything', async () => {
      const buyer = await registerBuyer(t);
      const web = new WebClient(t);
      const res = await web.post('/app/inscription', {
        role: 'buyer',
        displayName: 'Doublon',
        email: buyer.email,
        password: TEST_PASSWORD,
        'organisation.name': 'Doublon SARL',
        'organisation.siren': randomSiren(),
        'organisation.nafCode': '62.01Z',
        'organisation.communeCode': '06088',
        'organisation.buyerType': 'pme',
        acceptTerms: 'true',
      });
      expect(res.status).toBe(409);
      expect(visibleText(res.text)).toContain('Un compte utilise déjà cette adresse e-mail.');
    });

    it('suggests communes as the user types', async () => {
      const res = await new WebClient(t).get('/app/communes?organisation.communeCode=Nice');
      expect(res.text).toContain('value="Nice (06088)"');
    });
  });
});

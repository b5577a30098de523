import { OutboxWorker } from '../../src/outbox/outbox.worker.js';
import { randomSiren, registerBuyer, TEST_PASSWORD, uniqueEmail, verificationToken } from '../support/auth.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { visibleText, WebClient, webSignIn } from '../support/web.js';

/** The console's account pages (issue 23): sign-up errors all at once, reset and confirmation by link. */
describe('console account pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const lastLink = async (userId: string, kind: string) => {
    await t.app.get(OutboxWorker).drain();
    const [row] = (await t.dataSource.query('SELECT body FROM mail_log WHERE user_id = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1', [
      userId,
      kind,
    ])) as { body: string }[];
    const url = /http:\/\/localhost:3000(\/app\/[a-z-]+\?jeton=[A-Za-z0-9_-]+)/.exec(row?.body ?? '')?.[1];
    if (!url) throw new Error(`no ${kind} link for ${userId}`);
    return url;
  };

  describe('sign-up form', () => {
    it('lists every problem at once, in plain French, beside each field and in the summary', async () => {
      const web = new WebClient(t);
      await web.get('/app/inscription?profil=acheteur');
      const res = await web.post('/app/inscription', {
        role: 'buyer',
        displayName: 'Camille Martin',
        email: '',
        password: 'short',
        'organisation.name': 'Boulangerie du Port',
        'organisation.siren': '123456789',
        'organisation.nafCode': '10.71C',
        'organisation.communeCode': '',
      });
      expect(res.status).toBe(400);
      const text = visibleText(res.text);
      // Three round trips before (issue 23): SIREN, then the password, then the type. Now one.
      expect(text).toContain("Ce numéro SIREN n'existe pas : vérifiez les 9 chiffres.");
      expect(text).toContain('Choisissez un mot de passe de 12 caractères au moins');
      expect(text).toContain("Type d'organisation : Ce champ est obligatoire.");
      expect(text).toContain('Adresse e-mail : Ce champ est obligatoire.');
      expect(text).toContain('Commune du siège : Ce champ est obligatoire.');
      expect(text).toContain('Conditions et données personnelles : Cochez cette case');
      expect(text).not.toMatch(/au plus 254|INSEE\) inconnu|Luhn/);

      // Each field names its own error for screen readers, and the summary links to it.
      expect(res.text).toMatch(
        /id="f-organisation-siren"[^>]*aria-invalid="true"[^>]*aria-describedby="f-organisation-siren-err f-organisation-siren-hint"/,
      );
      expect(res.text).toContain('<small id="f-organisation-siren-err" class="field-error">');
      expect(res.text).toContain('href="#f-acceptTerms"');
      expect(res.text).toMatch(/id="f-acceptTerms"[^>]*aria-describedby="f-acceptTerms-err"/);
      // Summary first, then in the order of the form.
      const order = [
        'Adresse e-mail :',
        'Mot de passe :',
        'SIREN :',
        'Commune du siège :',
        "Type d'organisation :",
        'Conditions et données personnelles :',
      ];
      const positions = order.map((label) => text.indexOf(label));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it("uses the app's own messages: forms skip the browser's bubbles, limits show a counter", async () => {
      const page = await new WebClient(t).get('/app/inscription?profil=fournisseur');
      expect(page.text).toMatch(/<form method="post" action="\/app\/inscription" novalidate>/);
      expect(page.text).toContain('id="f-displayName-count"');
      expect(page.text).toContain('0 / 120 caractères');
      expect(page.text).toContain('href="/app/donnees-personnelles"');
      for (const path of ['/app/connexion', '/app/mot-de-passe-oublie']) {
        expect((await new WebClient(t).get(path)).text).toMatch(/<form method="post" action="[^"]+" novalidate>/);
      }
    });

    it('creates the account with the consent, says a confirmation e-mail left, and reminds until it is confirmed', async () => {
      const web = new WebClient(t);
      await web.get('/app/inscription?profil=acheteur');
      const email = uniqueEmail('web-consent');
      const res = await web.post('/app/inscription', {
        role: 'buyer',
        displayName: 'Camille Martin',
        email,
        password: TEST_PASSWORD,
        'organisation.name': 'Mairie de Test',
        'organisation.siren': randomSiren(),
        'organisation.nafCode': '84.11Z',
        'organisation.communeCode': 'Nice (06088)',
        'organisation.buyerType': 'collectivite',
        acceptTerms: 'true',
      });
      expect(res.status).toBe(303);
      const home = await web.get(res.location ?? '');
      expect(visibleText(home.text)).toContain('Un e-mail de confirmation vient de partir');
      expect(visibleText(home.text)).toContain('Confirmez votre adresse e-mail avec le lien reçu');

      const [user] = (await t.dataSource.query('SELECT id, terms_version FROM app_user WHERE email = $1', [email])) as {
        id: string;
        terms_version: string;
      }[];
      expect(user.terms_version).toBeTruthy();
      const link = await lastLink(user.id, 'email_verification');
      const confirmed = await new WebClient(t).get(link);
      expect(confirmed.status).toBe(200);
      expect(visibleText(confirmed.text)).toContain('Votre adresse e-mail est confirmée');
      expect(visibleText((await web.get('/app/acheteur')).text)).not.toContain('Confirmez votre adresse e-mail avec le lien reçu');

      const again = await new WebClient(t).get(link);
      expect(again.status).toBe(400);
      expect(visibleText(again.text)).toContain("Ce lien n'est plus valable");
    });

    it('sends a new confirmation e-mail from the console, then refuses another within a minute', async () => {
      const buyer = await registerBuyer(t, { verify: false });
      await t.dataSource.query("UPDATE account_token SET created_at = created_at - interval '2 minutes' WHERE user_id = $1", [
        buyer.userId,
      ]);
      const first = await verificationToken(t, buyer.userId);
      const web = await webSignIn(t, buyer);
      await web.get('/app/confirmer-adresse');
      const sent = await web.post('/app/confirmer-adresse');
      expect(sent.status).toBe(303);
      expect(await verificationToken(t, buyer.userId)).not.toBe(first);
      const refused = await web.post('/app/confirmer-adresse');
      expect(refused.status).toBe(429);
      expect(visibleText(refused.text)).toContain("est parti il y a moins d'une minute");
    });
  });

  describe('sign-in and forgotten password', () => {
    it('names each empty field on the sign-in form', async () => {
      const web = new WebClient(t);
      const res = await web.post('/app/connexion', { email: '', password: '' });
      expect(res.status).toBe(400);
      const text = visibleText(res.text);
      expect(text).toContain('Adresse e-mail : Ce champ est obligatoire.');
      expect(text).toContain('Mot de passe : Ce champ est obligatoire.');
      expect(res.text).toContain('href="/app/mot-de-passe-oublie"');
    });

    it('answers the same page for a known and an unknown address', async () => {
      const buyer = await registerBuyer(t);
      const answer = async (email: string) => {
        const web = new WebClient(t);
        await web.get('/app/mot-de-passe-oublie');
        const res = await web.post('/app/mot-de-passe-oublie', { email });
        return { status: res.status, text: visibleText(res.text).replace(email, '<adresse>') };
      };
      const known = await answer(buyer.email);
      const unknown = await answer(uniqueEmail('personne'));
      expect(known.status).toBe(200);
      expect(unknown).toEqual(known);
      expect(known.text).toContain("Si un compte utilise l'adresse <adresse>");
    });

    it('sets a new password from the e-mailed link, then signs in with it', async () => {
      const buyer = await registerBuyer(t);
      const web = new WebClient(t);
      await web.get('/app/mot-de-passe-oublie');
      await web.post('/app/mot-de-passe-oublie', { email: buyer.email });
      const link = await lastLink(buyer.userId, 'password_reset');

      const page = await web.get(link);
      expect(page.status).toBe(200);
      const token = /name="jeton" value="([^"]+)"/.exec(page.text)?.[1];
      const mismatch = await web.post('/app/nouveau-mot-de-passe', {
        jeton: token,
        password: 'a new unusual phrase',
        confirmation: 'another',
      });
      expect(mismatch.status).toBe(400);
      expect(visibleText(mismatch.text)).toContain('Les deux mots de passe ne sont pas identiques.');

      const done = await web.post('/app/nouveau-mot-de-passe', {
        jeton: token,
        password: 'a new unusual phrase',
        confirmation: 'a new unusual phrase',
      });
      expect(done.status).toBe(303);
      expect(done.location).toBe('/app/connexion?message=password-reset');
      await webSignIn(t, { email: buyer.email, password: 'a new unusual phrase' });

      const reused = await web.post('/app/nouveau-mot-de-passe', {
        jeton: token,
        password: 'a third unusual phrase',
        confirmation: 'a third unusual phrase',
      });
      expect(reused.status).toBe(400);
      expect(visibleText(reused.text)).toContain("Ce lien n'est plus valable");
    });
  });

  describe('legal pages', () => {
    it.each([
      ['/app/mentions-legales', "Conditions d'utilisation"],
      ['/app/donnees-personnelles', 'Vos droits'],
      ['/app/accessibilite', 'partiellement conforme'],
    ])('%s is public and linked from every footer', async (path, heading) => {
      const page = await new WebClient(t).get(path);
      expect(page.status).toBe(200);
      expect(visibleText(page.text)).toContain(heading);
      expect(visibleText(page.text)).toContain('contact@circuit-ia.example');
      const catalogue = await new WebClient(t).get('/app/catalogue');
      expect(catalogue.text).toContain(`href="${path}"`);
    });

    it('the accessibility statement says it is a self-assessment checked by axe in CI', async () => {
      const text = visibleText((await new WebClient(t).get('/app/accessibilite')).text);
      expect(text).toContain('auto-évaluation');
      expect(text).toContain('axe');
    });
  });
});

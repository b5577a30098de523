import request from 'supertest';
import { RechercheEntreprisesRegistry } from '../src/company-registry/recherche-entreprises.registry.js';
import { randomSiren, registrationBody } from './support/auth.js';
import { startFakeCompanyRegistry, type FakeCompanyRegistry } from './support/fake-company-registry.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { visibleText, WebClient } from './support/web.js';

/** The company registry adapter (issue 23) against a local server replaying the API's documented shape. */
describe('company registry (API Recherche d’entreprises)', () => {
  let registry: FakeCompanyRegistry;
  const active = randomSiren();
  const closed = randomSiren();
  const inParis = randomSiren();
  const failing = randomSiren();
  const hanging = randomSiren();

  beforeAll(async () => {
    registry = await startFakeCompanyRegistry();
    registry.add({ siren: active, name: 'Azur Données', naf: '62.01Z', commune: '06088', communeName: 'Nice' });
    registry.add({ siren: closed, name: 'Ancienne Boutique', naf: '47.91B', commune: '06088', communeName: 'Nice', state: 'C' });
    registry.add({ siren: inParis, name: 'Paris Modèles', naf: '62.02A', commune: '75115', communeName: 'Paris 15' });
    registry.failing.add(failing);
    registry.hanging.add(hanging);
  });
  afterAll(async () => {
    await registry?.close();
  });

  describe('adapter', () => {
    const adapter = () => new RechercheEntreprisesRegistry(registry.url, 300);

    it('reads name, NAF code, head-office commune and state of a company found', async () => {
      await expect(adapter().lookup(active)).resolves.toEqual({
        status: 'found',
        company: {
          siren: active,
          name: 'Azur Données',
          nafCode: '62.01Z',
          communeCode: '06088',
          communeName: 'NICE',
          administrativeState: 'A',
          closed: false,
        },
      });
    });

    it('says when the company is closed', async () => {
      const found = await adapter().lookup(closed);
      expect(found).toMatchObject({ status: 'found', company: { closed: true, administrativeState: 'C' } });
    });

    it("folds a Paris arrondissement into Paris's commune code", async () => {
      await expect(adapter().lookup(inParis)).resolves.toMatchObject({ company: { communeCode: '75056' } });
    });

    it('answers not_found for a SIREN the registry does not know', async () => {
      await expect(adapter().lookup(randomSiren())).resolves.toEqual({ status: 'not_found' });
    });

    it('answers unavailable on HTTP 500, on a timeout, and when nothing listens', async () => {
      await expect(adapter().lookup(failing)).resolves.toEqual({ status: 'unavailable' });
      await expect(adapter().lookup(hanging)).resolves.toEqual({ status: 'unavailable' });
      await expect(new RechercheEntreprisesRegistry('http://127.0.0.1:9', 300).lookup(active)).resolves.toEqual({ status: 'unavailable' });
    });
  });

  describe('sign-up', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ env: { COMPANY_REGISTRY_URL: registry.url, COMPANY_REGISTRY_TIMEOUT_MS: '300' } });
    });
    afterAll(async () => {
      await t?.close();
    });

    const lookup = async (siren: string) => {
      const web = new WebClient(t);
      await web.get('/app/inscription?profil=fournisseur');
      return web.post('/app/inscription', { intent: 'lookup', role: 'vendor', displayName: 'Léa', 'organisation.siren': siren });
    };

    it('fills the name, NAF code and commune from the SIREN, without creating anything', async () => {
      const res = await lookup(active.replace(/(\d{3})/g, '$1 '));
      expect(res.status).toBe(200);
      expect(visibleText(res.text)).toContain("d'après le registre des entreprises");
      expect(res.text).toMatch(/name="organisation\.name"[^>]*value="Azur Données"/);
      expect(res.text).toMatch(/name="organisation\.nafCode"[^>]*value="62\.01Z"/);
      expect(res.text).toMatch(/name="organisation\.communeCode"[^>]*value="Nice \(06088\)"/);
      expect(res.text).toMatch(/name="displayName"[^>]*value="Léa"/);
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM organisation WHERE siren = $1', [active]);
      expect(count).toBe(0);
    });

    it('warns about a closed company', async () => {
      expect(visibleText((await lookup(closed)).text)).toContain('indique que « Ancienne Boutique » est fermée');
    });

    it('says when the SIREN is unknown, and when the registry does not answer', async () => {
      expect(visibleText((await lookup(randomSiren())).text)).toContain("n'apparaît pas dans le registre");
      expect(visibleText((await lookup(hanging)).text)).toContain('ne répond pas');
    });

    it('asks for 9 digits before looking up', async () => {
      const res = await lookup('12');
      expect(res.status).toBe(400);
      expect(visibleText(res.text)).toContain('Saisissez les 9 chiffres du SIREN');
    });

    it("keeps the registry's answer with the new organisation for the curators", async () => {
      const body = registrationBody('vendor', { organisation: { siren: closed, name: 'Boutique déclarée' } });
      const res = await request(t.server).post('/auth/register').send(body);
      expect(res.status).toBe(201);
      const [row] = await t.dataSource.query('SELECT registry_check FROM organisation WHERE siren = $1', [closed]);
      expect(row.registry_check).toMatchObject({
        found: true,
        name: 'Ancienne Boutique',
        nafCode: '47.91B',
        communeCode: '06088',
        closed: true,
      });
    });

    it('still registers when the registry is down, keeping no answer', async () => {
      const body = registrationBody('vendor', { organisation: { siren: failing } });
      const res = await request(t.server).post('/auth/register').send(body);
      expect(res.status).toBe(201);
      const [row] = await t.dataSource.query('SELECT registry_check FROM organisation WHERE siren = $1', [failing]);
      expect(row.registry_check).toBeNull();
    });
  });

  describe('without COMPANY_REGISTRY_URL', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => {
      await t?.close();
    });

    it('offers no lookup button and asks nothing of any registry', async () => {
      const before = registry.queries.length;
      const page = await new WebClient(t).get('/app/inscription?profil=fournisseur');
      expect(page.text).not.toContain('Remplir depuis le SIREN');
      await request(t.server).post('/auth/register').send(registrationBody('vendor')).expect(201);
      expect(registry.queries.length).toBe(before);
    });
  });
});

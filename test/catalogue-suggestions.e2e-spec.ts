import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { createCurator } from './support/auth.js';
import { createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { visibleText, WebClient } from './support/web.js';

/*
 * Issue 22: a catalogue search never dead-ends. With nothing found, GET /offerings and the public
 * catalogue page suggest the nearest use cases and the filters to drop, each with what it finds.
 */
describe('catalogue: suggestions when nothing is found', () => {
  let t: TestApp;
  const catalogue = (query: Record<string, unknown>) => request(t.server).get('/offerings').query(query).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    const curator = await createCurator(t);
    const vendor = await registerVerifiedVendor(t, curator);
    // Two offerings in PACA (région 93), none national.
    await createPublishedOffering(t, vendor, {
      title: 'Chatbot pour les usagers',
      summary: 'Répond aux questions fréquentes des usagers.',
      useCases: ['CUSTOMER_SERVICE_CHATBOT'],
      serviceArea: { national: false, regions: ['93'], departements: [], remoteDelivery: false },
    });
    await createPublishedOffering(t, vendor, {
      title: 'Lecture automatique des factures',
      summary: 'Extraction des données de factures fournisseurs.',
      useCases: ['DOC_PROCESSING', 'FINANCE_ACCOUNTING'],
      serviceArea: { national: false, regions: ['93'], departements: [], remoteDelivery: false },
    });
    await t.app.get(OutboxWorker).drain();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('suggests nothing when the search finds offerings, and reads synonyms ("chat bot")', async () => {
    const res = await catalogue({ q: 'chat bot' });
    expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Chatbot pour les usagers']);
    expect(res.body.suggestions).toEqual({ useCases: [], relaxations: [] });
  });

  it('suggests the use cases nearest the words, with their counts', async () => {
    // No offering says "comptabilisation", nor a word a typo away; the accounting use case is near it.
    const res = await catalogue({ q: 'comptabilisation' });
    expect(res.body.total).toBe(0);
    expect(res.body.suggestions.useCases[0]).toEqual({ code: 'FINANCE_ACCOUNTING', label: expect.any(String), count: 1 });
  });

  it('suggests dropping the filter that empties the result, with what remains', async () => {
    const res = await catalogue({ q: 'factures', region: '11' });
    expect(res.body.total).toBe(0);
    expect(res.body.suggestions.relaxations).toEqual(
      expect.arrayContaining([{ drop: ['region'], label: 'Sans le filtre de région', count: 1 }]),
    );
  });

  it('falls back to the best-stocked use cases when no use case is near the words', async () => {
    const res = await catalogue({ q: 'zzkqxw' });
    expect(res.body.total).toBe(0);
    expect(res.body.suggestions.useCases.map((u: { code: string }) => u.code).sort()).toEqual(
      ['CUSTOMER_SERVICE_CHATBOT', 'DOC_PROCESSING', 'FINANCE_ACCOUNTING'].sort(),
    );
  });

  it('shows the suggestions on the public catalogue page, with links and "Déposer un besoin"', async () => {
    const page = await new WebClient(t).get('/app/catalogue?q=factures&region=11');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Aucune offre ne correspond exactement');
    expect(text).toMatch(/Sans le filtre de région \(1 offre\)/);
    expect(page.text).toContain('href="/app/catalogue?q=factures"');
    // No use case has offerings in Île-de-France: the need form opens without one.
    expect(page.text).toMatch(/href="\/app\/acheteur\/besoins\/nouveau"[^>]*>Déposer un besoin</);
    const near = visibleText((await new WebClient(t).get('/app/catalogue?q=comptabilisation')).text);
    expect(near).toMatch(/Comptabilité, finance[^(]*\(1 offre\)/);
    expect((await new WebClient(t).get('/app/catalogue?q=comptabilisation')).text).toMatch(
      /href="\/app\/acheteur\/besoins\/nouveau\?useCase=FINANCE_ACCOUNTING"[^>]*>Déposer un besoin</,
    );
  });
});

import request from 'supertest';
import { OutboxWorker } from '../src/outbox/outbox.worker.js';
import { OFFERING_DOCUMENT_SOURCE, type OfferingDocumentSource } from '../src/search/offering-document.source.js';
import { PostgresSearchIndex } from '../src/search/postgres/postgres-search.index.js';
import { SEARCH_INDEX, type SearchIndex } from '../src/search/search-index.port.js';
import { SearchIndexer } from '../src/search/search-indexer.js';
import { bearer, createCurator, type TestSession } from './support/auth.js';
import { createOffering, createPublishedOffering, registerVerifiedVendor } from './support/offerings.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * A SearchIndex that fails on demand around the real PostgreSQL one: the injected fault of the
 * "search backend down under writes" scenario. Reads and writes go to the real index otherwise.
 */
class FlakyIndex implements SearchIndex {
  readonly backend = 'postgres' as const;
  down = false;
  real!: PostgresSearchIndex;
  private guard(): void {
    if (this.down) throw new Error('search backend unreachable');
  }
  prepare = async () => undefined;
  upsert = async (...a: Parameters<SearchIndex['upsert']>) => (this.guard(), this.real.upsert(...a));
  remove = async (...a: Parameters<SearchIndex['remove']>) => (this.guard(), this.real.remove(...a));
  search = async (...a: Parameters<SearchIndex['search']>) => this.real.search(...a);
  listIds = async () => this.real.listIds();
  clear = async () => this.real.clear();
  health = async () => this.real.health();
}

describe('catalogue search fed by the outbox', () => {
  let t: TestApp;
  let curator: TestSession;
  const index = new FlakyIndex();
  const drain = () => t.app.get(OutboxWorker).drain();
  const catalogue = (query: Record<string, unknown>) => request(t.server).get('/offerings').query(query);

  beforeAll(async () => {
    t = await createTestApp({ overrides: [{ provide: SEARCH_INDEX, useValue: index }] });
    index.real = new PostgresSearchIndex(t.dataSource);
    curator = await createCurator(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finds a published offering once the outbox ran, typos and accents aside, for anyone', async () => {
    const vendor = await registerVerifiedVendor(t, curator);
    const offering = await createPublishedOffering(t, vendor, {
      title: "Reconnaissance d'images pour le contrôle qualité",
      useCases: ['VISION_QUALITY_CONTROL'],
    });
    expect((await catalogue({ q: 'images' }).expect(200)).body.total).toBe(0); // not delivered yet
    await drain();
    for (const q of ["reconaissance d'image", 'reconnaissance d’images', 'controle qualite']) {
      const res = await catalogue({ q }).expect(200);
      expect(res.body.items.map((i: { id: string }) => i.id)).toContain(offering.id);
    }
    const res = await catalogue({ useCase: 'VISION_QUALITY_CONTROL', grade: 'A,B,C,D,E' }).expect(200);
    expect(res.body.items[0]).toMatchObject({ id: offering.id, vendor: { id: vendor.organisationId }, gradeLabel: 'déclaratif' });
    expect(res.body.facets.useCases.VISION_QUALITY_CONTROL).toBe(1);
  });

  it('reads a sector filter through NAF: a section finds its divisions’ offerings, a division its section’s', async () => {
    const vendor = await registerVerifiedVendor(t, curator);
    const forTownHalls = await createPublishedOffering(t, vendor, { title: 'Guichet numérique des mairies', sectors: ['84'] });
    const forPublicSector = await createPublishedOffering(t, vendor, { title: 'Tableaux de bord des services publics', sectors: ['O'] });
    await drain();
    const mine = [forTownHalls.id, forPublicSector.id];
    const found = async (sector: string) =>
      ((await catalogue({ sector, pageSize: '100' }).expect(200)).body.items as { id: string }[])
        .map((i) => i.id)
        .filter((id) => mine.includes(id))
        .sort();
    // Section O (public administration) found nothing: its offerings are filed under division 84.
    expect(await found('O')).toEqual([...mine].sort());
    expect(await found('84')).toEqual([...mine].sort());
    expect(await found('62')).toEqual([]);
  });

  it('never shows drafts', async () => {
    const vendor = await registerVerifiedVendor(t, curator);
    const draft = await createOffering(t, vendor, { title: 'Brouillon confidentiel de chatbot' });
    await drain();
    expect((await catalogue({ q: 'confidentiel' }).expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
  });

  it('drops an archived offering after the outbox runs', async () => {
    const vendor = await registerVerifiedVendor(t, curator);
    const offering = await createPublishedOffering(t, vendor, {
      title: 'Traduction éphémère des réunions',
      useCases: ['TRANSLATION_SPEECH'],
    });
    await drain();
    expect((await catalogue({ q: 'éphémère' })).body.total).toBe(1);
    await request(t.server).post(`/offerings/${offering.id}/archive`).set(bearer(vendor)).send({}).expect(200);
    await drain();
    expect((await catalogue({ q: 'éphémère' })).body.total).toBe(0);
  });

  it.each([
    [{ useCase: 'NOT_A_USE_CASE' }, 'useCase'],
    [{ grade: 'F' }, 'grade'],
    [{ region: '99' }, 'region'],
    [{ departement: '2C' }, 'departement'],
    [{ requirement: 'DATA_ON_MARS' }, 'requirement'],
    [{ sector: '62.01Z' }, 'sector'],
    [{ pageSize: '500' }, 'pageSize'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ vendorId: 'nope' }, 'vendorId'],
  ])('refuses %p with 400 naming %s', async (query, field) => {
    const res = await catalogue(query).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field.replace(/\[\d+\]$/, ''))).toContain(field);
  });

  it('keeps writes working while search is down, reports the lag, then converges with nothing missing', async () => {
    await drain();
    index.down = true;
    const vendor = await registerVerifiedVendor(t, curator);
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await createPublishedOffering(t, vendor, { title: `Offre pendant la panne ${i}` }));
    expect(await drain()).toMatchObject({ delivered: expect.any(Number), failed: expect.any(Number) });
    const ready = await request(t.server).get('/health/ready').expect(200);
    expect(ready.body.info.outbox.pending).toBeGreaterThanOrEqual(5);
    expect(ready.body.info.outbox.failing).toBeGreaterThanOrEqual(5);

    index.down = false;
    await t.dataSource.query('UPDATE outbox_event SET available_at = now() WHERE processed_at IS NULL');
    await drain();
    expect((await request(t.server).get('/health/ready').expect(200)).body.info.outbox).toMatchObject({ pending: 0, failing: 0 });
    const published: { id: string }[] = await t.dataSource.query(
      "SELECT o.id FROM offering o JOIN organisation v ON v.id = o.vendor_id WHERE o.status = 'published' AND v.verified_at IS NOT NULL ORDER BY o.id",
    );
    expect(await index.listIds()).toEqual(published.map((r) => r.id));
  });

  it('reindex rebuilds the index from the database and removes strays', async () => {
    const ids = await index.listIds();
    const [doc] = await t.app.get<OfferingDocumentSource>(OFFERING_DOCUMENT_SOURCE).documentsFor(ids.slice(0, 1));
    const stray = { ...doc, id: '00000000-0000-4000-8000-0000000000ff' };
    await index.real.clear();
    await index.real.upsert([stray]);

    const report = await t.app.get(SearchIndexer).reindex();
    expect(report).toMatchObject({ indexed: ids.length, removed: 1 });
    expect(await index.listIds()).toEqual(ids);
  });
});

import request from 'supertest';
import { FakeMeilisearch } from './support/fake-meilisearch.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The app on the Meilisearch backend (a fake server): what callers see when Meilisearch fails. */
describe('catalogue on Meilisearch: outages are 503, bugs are 500', () => {
  let fake: FakeMeilisearch;
  let t: TestApp;
  const catalogue = () => request(t.server).get('/offerings');

  beforeAll(async () => {
    fake = await new FakeMeilisearch().start();
    const key = fake.addKey(['search', 'documents.*', 'indexes.create', 'indexes.get', 'settings.*', 'tasks.get'], ['offerings*']);
    t = await createTestApp({ env: { MEILI_URL: fake.url, MEILI_API_KEY: key, MEILI_TIMEOUT_MS: '500' } });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });
  afterEach(() => {
    fake.mode = 'ok';
  });

  it('answers the catalogue and reports the backend up with the scoped key', async () => {
    await catalogue().expect(200);
    const ready = await request(t.server).get('/health/ready').expect(200);
    expect(ready.body.info.search).toEqual({ status: 'up', backend: 'meilisearch' });
  });

  it('answers 503 while Meilisearch fails, and recovers after', async () => {
    fake.mode = 'error500';
    const down = await catalogue().expect(503);
    expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const ready = await request(t.server).get('/health/ready').expect(200);
    expect(ready.body.info.search).toMatchObject({ status: 'up', degraded: true });
    fake.mode = 'ok';
    await catalogue().expect(200);
  });

  it('answers 500, not "try again shortly", when Meilisearch rejects a filter as malformed', async () => {
    fake.answerOnce(/\/search$/, 400, { code: 'invalid_search_filter', message: 'Was expecting an operation `=`, `!=`, `>=`…' });
    const response = await catalogue().expect(500);
    expect(response.body.code).not.toBe('SERVICE_UNAVAILABLE');
  });

  it('reports a revoked key in readiness, as degraded with the reason', async () => {
    const saved = [...fake.keys.entries()];
    fake.keys.clear();
    try {
      const ready = await request(t.server).get('/health/ready').expect(200);
      expect(ready.body.info.search).toMatchObject({ degraded: true, message: expect.stringContaining('invalid_api_key') });
      await catalogue().expect(503);
    } finally {
      for (const [uid, key] of saved) fake.keys.set(uid, key);
    }
  });
});

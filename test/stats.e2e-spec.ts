import request from 'supertest';
import { bearer, createAdmin, createCurator, type TestSession } from './support/auth.js';
import { eligiblePair, proposeIntroduction } from './support/introductions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('stats: what the platform does and what introductions lead to', () => {
  let t: TestApp;
  let curator: TestSession;

  const act = (who: { accessToken: string }, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(t.server).post(`/introductions/${id}/${action}`).set(bearer(who)).send(body).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    // Won by a vendor of Nice, for a need of Nice: local.
    const local = await eligiblePair(t, curator);
    const a = await proposeIntroduction(t, curator, local);
    await act(local.vendor, a.id, 'accept');
    await act(local.buyer, a.id, 'accept');
    await act(local.buyer, a.id, 'meeting-held');
    await act(curator, a.id, 'outcome', { outcome: 'won' });
    // Won by a Parisian vendor serving the Alpes-Maritimes: neither same département nor région.
    const far = await eligiblePair(t, curator, { vendor: { organisation: { communeCode: '75056' } } });
    const b = await proposeIntroduction(t, curator, far);
    await act(far.buyer, b.id, 'accept');
    await act(far.vendor, b.id, 'accept');
    await act(far.vendor, b.id, 'meeting-held');
    await act(far.vendor, b.id, 'outcome', { outcome: 'won' });
    // Declined by the vendor, and cancelled by the curator.
    const declined = await eligiblePair(t, curator);
    const c = await proposeIntroduction(t, curator, declined);
    await act(declined.vendor, c.id, 'decline', { reason: 'budget' });
    const cancelled = await eligiblePair(t, curator);
    const d = await proposeIntroduction(t, curator, cancelled);
    await act(curator, d.id, 'cancel');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives an overview of needs, introductions and local outcomes', async () => {
    const res = await request(t.server).get('/stats/overview').set(bearer(curator)).expect(200);
    expect(res.body).toEqual({
      needs: {
        total: 4,
        byStatus: [{ key: 'published', label: null, count: 4 }],
        byRegion: [{ key: '93', label: "Provence-Alpes-Côte d'Azur", count: 4 }],
        byUseCase: [{ key: 'DOC_PROCESSING', label: null, count: 4 }],
      },
      introductions: {
        total: 4,
        byStatus: [
          { key: 'cancelled', label: null, count: 1 },
          { key: 'vendor_declined', label: null, count: 1 },
          { key: 'won', label: null, count: 2 },
        ].sort((x, y) => y.count - x.count || x.key.localeCompare(y.key)),
      },
      outcomes: { won: 2, lost: 0, winRate: 1, wonNeeds: 2, sameDepartement: 1, sameRegion: 1, shareSameDepartement: 0.5, shareSameRegion: 0.5 },
    });
  });

  it('gives the funnel with conversion rates, answers per side and decline reasons', async () => {
    const admin = await createAdmin(t);
    const res = await request(t.server).get('/stats/funnel').set(bearer(admin)).expect(200);
    expect(res.body).toEqual({
      steps: [
        { step: 'proposed', count: 4, fromPrevious: null, fromStart: null },
        { step: 'connected', count: 2, fromPrevious: 0.5, fromStart: 0.5 },
        { step: 'meeting_held', count: 2, fromPrevious: 1, fromStart: 0.5 },
        { step: 'won', count: 2, fromPrevious: 1, fromStart: 0.5 },
      ],
      vendor: { accepted: 2, declined: 1, acceptanceRate: 0.5 },
      buyer: { accepted: 2, declined: 0, acceptanceRate: 0.5 },
      declineReasons: [{ key: 'budget', label: null, count: 1 }],
      cancelled: 1,
      lost: 0,
    });
  });
});

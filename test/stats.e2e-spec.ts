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
    await act(far.vendor, b.id, 'outcome', { outcome: 'won', valueBand: '20k_50k', startDate: '2027-01-04' });
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
      outcomes: {
        won: 2,
        lost: 0,
        winRate: 1,
        wonNeeds: 2,
        sameDepartement: 1,
        sameRegion: 1,
        shareSameDepartement: 0.5,
        shareSameRegion: 0.5,
        // The test vendors' default profile: head office in France, no non-EU control, grade A.
        frenchControlled: 2,
        shareFrenchControlled: 1,
        gradeAOrB: 2,
        shareGradeAOrB: 1,
        medianSecondsToFirstIntroduction: expect.any(Number),
      },
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

  it('exports needs as CSV with a BOM, the chosen columns in order, and their introductions counted', async () => {
    const res = await request(t.server)
      .get('/stats/export.csv')
      .query({ columns: 'id,status,regionCode,introductions,connected,won,useCases' })
      .set(bearer(curator))
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = res.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,status,regionCode,introductions,connected,won,useCases');
    expect(lines).toHaveLength(5); // header + the 4 published needs
    const won = lines
      .slice(1)
      .map((l) => l.split(','))
      .filter((cells) => cells[5] === '1');
    expect(won).toHaveLength(2);
    expect(won.every((cells) => cells[2] === '93' && cells[3] === '1' && cells[4] === '1' && cells[6] === 'DOC_PROCESSING')).toBe(true);
    expect(text).not.toMatch(/@example\.fr/);
  });

  it('uses semicolons on request, and refuses unknown columns', async () => {
    const res = await request(t.server)
      .get('/stats/export.csv')
      .query({ columns: 'id,status', separator: 'semicolon' })
      .set(bearer(curator))
      .expect(200);
    expect(res.text.slice(1).split('\r\n')[0]).toBe('id;status');
    const bad = await request(t.server).get('/stats/export.csv').query({ columns: 'id,email' }).set(bearer(curator)).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('columns');
    await request(t.server).get('/stats/export.csv').query({ separator: 'tab' }).set(bearer(curator)).expect(400);
  });
});

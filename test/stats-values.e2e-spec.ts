import request from 'supertest';
import { bearer, createCurator, type TestSession } from './support/auth.js';
import { sovereigntyProfile } from './support/offerings.js';
import { eligiblePair, proposeIntroduction } from './support/introductions.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/*
 * A fixed fixture of won deals for needs in Nice (06, région 93), worked out by hand:
 *   1. vendor in Nice, grade A, French: exact 10 000 € (band 5k_20k)        → same département
 *   2. vendor in Nice, grade A, French: band 50k_150k, counted 100 000 €    → same département
 *   3. vendor in Marseille (13, région 93), grade A, French: exact 30 000 € → same région
 *   4. vendor in Paris, majority non-EU control: exact 60 000 €, won last January → elsewhere
 *   5. won, recorded by a curator without a value; 6. lost.
 * All: 200 000 €, median 45 000 €; local 140 000 (0.7), French 140 000 (0.7), A–B 140 000 (0.7).
 * Since the 1st of this month (deal 4 left out): 140 000 €, median 30 000 €, every share 1.
 */
describe('won deal values in the statistics (issue 24)', () => {
  let t: TestApp;
  let curator: TestSession;
  let grade4: string;
  const today = new Date().toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;

  const act = (who: { accessToken: string }, id: string, action: string, body: Record<string, unknown> = {}) =>
    request(t.server).post(`/introductions/${id}/${action}`).set(bearer(who)).send(body).expect(200);
  const values = async (query: Record<string, string> = {}) =>
    (await request(t.server).get('/stats/values').query(query).set(bearer(curator)).expect(200)).body;

  async function won(
    communeCode: string,
    outcome: Record<string, unknown>,
    offering?: Record<string, unknown>,
    by: 'vendor' | 'curator' = 'vendor',
  ) {
    const pair = await eligiblePair(t, curator, { vendor: { organisation: { communeCode } }, offering });
    const intro = await proposeIntroduction(t, curator, pair);
    await act(pair.vendor, intro.id, 'accept');
    await act(pair.buyer, intro.id, 'accept');
    await act(pair.buyer, intro.id, 'meeting-held');
    await act(by === 'vendor' ? pair.vendor : curator, intro.id, 'outcome', outcome);
    return { ...pair, introductionId: intro.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    curator = await createCurator(t);
    const start = { startDate: '2027-01-04' };
    await won('06088', { outcome: 'won', valueBand: '5k_20k', amountEur: 10_000, ...start });
    await won('06088', { outcome: 'won', valueBand: '50k_150k', ...start });
    await won('13055', { outcome: 'won', amountEur: 30_000, ...start });
    const foreign = await won(
      '75056',
      { outcome: 'won', amountEur: 60_000, public: true, ...start },
      {
        sovereignty: sovereigntyProfile({
          vendor: { hqJurisdiction: 'US', nonEuControl: 'MAJORITY', extraterritorialExposure: 'YES' },
          hosting: { dataResidency: 'OTHER', providerJurisdiction: 'US', nonEuRemoteAccess: true, providerName: 'Hyperscaler' },
          certifications: { secNumCloud: 'NONE', iso27001: false },
          ai: { modelOrigin: 'US', modelLicence: 'PROPRIETARY', inferenceHosting: 'THIRD_PARTY_API_NON_EU' },
        }),
        evidence: [],
      },
    );
    const [{ sovereignty_grade: grade }] = await t.dataSource.query('SELECT sovereignty_grade FROM offering WHERE id = $1', [
      foreign.offeringId,
    ]);
    grade4 = grade;
    // Won last January: only a period reaching back that far sees it.
    await t.dataSource.query("UPDATE introduction SET outcome_at = '2026-01-15T10:00:00Z' WHERE id = $1", [foreign.introductionId]);
    await t.dataSource.query("UPDATE need SET created_at = '2026-01-10T10:00:00Z' WHERE id = $1", [foreign.needId]);
    await won('06088', { outcome: 'won' }, undefined, 'curator');
    await won('06088', { outcome: 'lost', lostReason: 'price' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('matches the hand-computed totals, medians and shares over all time', async () => {
    expect(['A', 'B']).not.toContain(grade4);
    const v = await values();
    expect(v).toMatchObject({
      period: { from: null, to: null },
      wonDeals: 5,
      withoutValue: 1,
      totalEur: 200_000,
      medianEur: 45_000,
      shareLocal: 0.7,
      shareFrench: 0.7,
      shareGradeAOrB: 0.7,
    });
    expect(v.byProximity).toEqual([
      { key: 'same_departement', label: 'Même département que l’acheteur', deals: 2, totalEur: 110_000, medianEur: 55_000, share: 0.55 },
      { key: 'same_region', label: 'Même région (autre département)', deals: 1, totalEur: 30_000, medianEur: 30_000, share: 0.15 },
      { key: 'elsewhere', label: 'Ailleurs', deals: 1, totalEur: 60_000, medianEur: 60_000, share: 0.3 },
    ]);
    expect(v.byControl.map((g: { key: string; totalEur: number }) => [g.key, g.totalEur])).toEqual([
      ['french', 140_000],
      ['not_french', 60_000],
    ]);
    expect(v.byGradeBand.find((g: { key: string }) => g.key === 'A_B')).toMatchObject({ deals: 3, totalEur: 140_000, medianEur: 30_000 });
  });

  it('changes with the period: from/to keep the deals concluded within it', async () => {
    expect(await values({ from: monthStart })).toMatchObject({
      period: { from: monthStart, to: null },
      wonDeals: 4,
      totalEur: 140_000,
      medianEur: 30_000,
      shareLocal: 1,
      shareFrench: 1,
      shareGradeAOrB: 1,
    });
    expect(await values({ from: '2026-01-01', to: '2026-01-31' })).toMatchObject({
      wonDeals: 1,
      totalEur: 60_000,
      shareLocal: 0,
      shareFrench: 0,
    });
    expect(await values({ to: '2025-12-31' })).toMatchObject({ wonDeals: 0, totalEur: 0, medianEur: null, shareLocal: null });
  });

  it('refuses a malformed date or a period ending before it starts', async () => {
    const bad = await request(t.server).get('/stats/values').query({ from: '31/01/2026' }).set(bearer(curator)).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['from']);
    const reversed = await request(t.server)
      .get('/stats/values')
      .query({ from: '2026-02-01', to: '2026-01-01' })
      .set(bearer(curator))
      .expect(400);
    expect(reversed.body.details).toEqual([{ field: 'to', messages: ['to must not be before from'] }]);
  });

  it('exports each need with its won value and lost reasons, filtered by creation date', async () => {
    const csv = async (query: Record<string, string>) => {
      const res = await request(t.server).get('/stats/export.csv').query(query).set(bearer(curator)).expect(200);
      return res.text.slice(1).trimEnd().split('\r\n');
    };
    const all = await csv({ columns: 'won,wonValueEur,dealValueBands,firstDealStart,lostReasons' });
    expect(all[0]).toBe('won,wonValueEur,dealValueBands,firstDealStart,lostReasons');
    expect(all.slice(1).sort()).toEqual(
      [
        '1,10000,5k_20k,2027-01-04,',
        '1,100000,50k_150k,2027-01-04,',
        '1,30000,20k_50k,2027-01-04,',
        '1,60000,50k_150k,2027-01-04,',
        '1,,,,',
        '0,,,,price',
      ].sort(),
    );
    const january = await csv({ columns: 'wonValueEur', from: '2026-01-01', to: '2026-01-31' });
    expect(january).toEqual(['wonValueEur', '60000']);
    // Trailing empty cells would end the file in blank lines: read a column that always has a value with it.
    expect(await csv({ columns: 'won,wonValueEur', from: monthStart })).toHaveLength(6);
    await request(t.server).get('/stats/export.csv').query({ from: '2026-13-01' }).set(bearer(curator)).expect(400);
  });
});

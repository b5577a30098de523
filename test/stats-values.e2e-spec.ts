import request from 'supertest';
import { bearer, createCurator, type TestSession } from './support/auth.js';
import { sovereigntyProfile } from './support/offerings.js';
import { eligiblePair, proposeIntroduction } from './support/introductions.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { visibleText, webSignIn } from './support/web.js';

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
  }, 120_000);
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

  it('refuses ISO week and ordinal dates (which PostgreSQL does not read) with 400 on every period, API and console', async () => {
    // They passed validation and reached the database: a 500 on every route below.
    for (const from of ['2026-W01-1', '2026-070', '2026-02-30']) {
      for (const path of [
        '/stats/overview',
        '/stats/funnel',
        '/stats/values',
        '/stats/sources',
        '/stats/export.csv',
        '/stats/leads',
        '/stats/leads/export.csv',
      ]) {
        const res = await request(t.server).get(path).query({ from }).set(bearer(curator));
        expect([path, from, res.status]).toEqual([path, from, 400]);
      }
      await request(t.server).get('/stats/report').query({ from: '2026-01-01', to: from }).set(bearer(curator)).expect(400);
      await request(t.server).get('/stats/report.csv').query({ from, to: '2026-12-31' }).set(bearer(curator)).expect(400);
    }
    const page = await (await webSignIn(t, curator)).get('/app/curation/indicateurs?from=2026-W01-1');
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Les dates de la période ne sont pas valides');
  });

  it('filters the overview, the funnel, the values and the needs export by period and by source (issue 24)', async () => {
    const get = async (path: string, query: Record<string, string> = {}) =>
      (await request(t.server).get(path).query(query).set(bearer(curator)).expect(200)).body;
    const all = await get('/stats/overview');
    // Last January's need is left out of a period starting this month; a partner's needs are none of them.
    const thisMonth = await get('/stats/overview', { from: monthStart });
    expect(all.needs.total).toBeGreaterThan(thisMonth.needs.total);
    expect(thisMonth.needs.total).toBeGreaterThan(0);
    expect(await get('/stats/overview', { source: 'direct' })).toEqual(all);
    const partner = await get('/stats/overview', { source: 'partner' });
    expect(partner.needs.total).toBe(0);
    expect(partner.introductions.total).toBe(0);
    expect(partner.outcomes).toMatchObject({ won: 0, lost: 0, wonNeeds: 0, winRate: null, medianSecondsToFirstIntroduction: null });
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
    expect((await get('/stats/overview', { from: nextYear })).needs.total).toBe(0);

    const funnel = await get('/stats/funnel');
    expect(funnel.steps[0].count).toBeGreaterThan(0);
    expect(await get('/stats/funnel', { source: 'direct' })).toEqual(funnel);
    const none = await get('/stats/funnel', { source: 'partner' });
    expect(none.steps.map((s: { count: number }) => s.count)).toEqual([0, 0, 0, 0]);
    expect((await get('/stats/funnel', { from: nextYear })).steps[0].count).toBe(0);
    expect((await get('/stats/values', { source: 'partner' })).wonDeals).toBe(0);
    expect((await get('/stats/values', { source: 'direct' })).wonDeals).toBe((await get('/stats/values')).wonDeals);

    const csv = async (query: Record<string, string>) =>
      (await request(t.server).get('/stats/export.csv').query(query).set(bearer(curator)).expect(200)).text.trimEnd().split('\r\n');
    expect(await csv({ columns: 'id', source: 'partner' })).toEqual(['\uFEFFid']);
    expect(await csv({ columns: 'id', source: 'direct' })).toEqual(await csv({ columns: 'id' }));
    for (const path of ['/stats/overview', '/stats/funnel', '/stats/export.csv']) {
      const bad = await request(t.server).get(path).query({ source: 'salon' }).set(bearer(curator)).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['source']);
    }
    await request(t.server).get('/stats/funnel').query({ from: '2026-02-01', to: '2026-01-01' }).set(bearer(curator)).expect(400);
  });

  describe('the period report (GET /stats/report)', () => {
    const nextYearEnd = `${Number(today.slice(0, 4)) + 1}-12-31`;
    const report = async (query: Record<string, string>) =>
      (await request(t.server).get('/stats/report').query(query).set(bearer(curator)).expect(200)).body;

    it('counts each event of the period on its own date, by month, by région with the share won locally, and the values', async () => {
      const r = await report({ from: monthStart, to: nextYearEnd });
      expect(r.period).toEqual({ from: monthStart, to: nextYearEnd });
      // Six needs received and introduced (one was created last January), four won this month, one lost.
      expect(r.activity).toEqual({
        needsCreated: 5,
        needsSubmitted: 6,
        needsPublished: 6,
        introductionsProposed: 6,
        introductionsConnected: 6,
        meetingsHeld: 6,
        won: 4,
        lost: 1,
      });
      expect(r.byMonth[0]).toEqual({ month: monthStart.slice(0, 7), needs: 6, published: 6, introductions: 6, won: 4 });
      expect(r.byMonth.at(-1)).toEqual({ month: nextYearEnd.slice(0, 7), needs: 0, published: 0, introductions: 0, won: 0 });
      const paca = r.byRegion.find((g: { regionCode: string }) => g.regionCode === '93');
      // Wins of the month: two in Nice, one in Marseille, one recorded by a curator (vendor in Nice): all local; 140 000 € valued.
      expect(paca).toMatchObject({ needs: 6, won: 4, wonLocally: 4, shareWonLocally: 1, wonValueEur: 140_000 });
      expect(r.byRegion.find((g: { regionCode: string }) => g.regionCode === '11')).toMatchObject({
        needs: 0,
        won: 0,
        shareWonLocally: null,
      });
      // By département: every one of the reference data, overseas ones included.
      expect(r.byDepartement).toHaveLength(101);
      expect(r.byDepartement.find((d: { departementCode: string }) => d.departementCode === '974')).toMatchObject({
        label: 'La Réunion',
        regionCode: '04',
        needs: 0,
        won: 0,
      });
      const byDepartement = r.byDepartement.filter((d: { needs: number; won: number }) => d.needs > 0 || d.won > 0);
      expect(byDepartement.reduce((sum: number, d: { needs: number }) => sum + d.needs, 0)).toBe(6);
      expect(byDepartement.reduce((sum: number, d: { wonValueEur: number }) => sum + d.wonValueEur, 0)).toBe(140_000);
      expect(byDepartement.every((d: { regionCode: string; shareWonLocally: number | null }) => d.regionCode === '93')).toBe(true);
      expect(r.values).toMatchObject({ wonDeals: 4, totalEur: 140_000, shareLocal: 1 });
      expect(r.bySource.find((s: { source: string }) => s.source === 'direct')).toMatchObject({ needs: 5, won: 4 });
      expect(r.surveys).toEqual({ sent: 0, answered: 0, confirmedInUse: 0 });
    });

    it('changes with the period: last January holds the foreign win, not local, worth 60 000 €', async () => {
      const r = await report({ from: '2026-01-01', to: '2026-01-31' });
      expect(r.activity).toMatchObject({ needsCreated: 1, needsSubmitted: 0, won: 1 });
      expect(r.byMonth).toEqual([{ month: '2026-01', needs: 0, published: 0, introductions: 0, won: 1 }]);
      expect(r.byRegion.find((g: { regionCode: string }) => g.regionCode === '93')).toMatchObject({
        won: 1,
        wonLocally: 0,
        shareWonLocally: 0,
        wonValueEur: 60_000,
      });
    });

    it('limits every figure to the needs of one source', async () => {
      const all = await report({ from: monthStart, to: nextYearEnd });
      expect(all.source).toBeNull();
      const direct = await report({ from: monthStart, to: nextYearEnd, source: 'direct' });
      // Every need of the fixture was entered by its buyer: the same figures, the source said.
      expect(direct.source).toBe('direct');
      expect(direct.activity).toEqual(all.activity);
      expect(direct.values.totalEur).toBe(140_000);
      expect(direct.bySource.map((s: { source: string }) => s.source)).toEqual(['direct']);
      const partner = await report({ from: monthStart, to: nextYearEnd, source: 'partner' });
      expect(partner.activity).toEqual({
        needsCreated: 0,
        needsSubmitted: 0,
        needsPublished: 0,
        introductionsProposed: 0,
        introductionsConnected: 0,
        meetingsHeld: 0,
        won: 0,
        lost: 0,
      });
      expect(partner.values).toMatchObject({ wonDeals: 0, totalEur: 0 });
      expect(partner.byRegion.every((g: { needs: number; won: number }) => g.needs === 0 && g.won === 0)).toBe(true);
      const bad = await request(t.server)
        .get('/stats/report')
        .query({ from: monthStart, to: nextYearEnd, source: 'salon' })
        .set(bearer(curator))
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['source']);
    });

    it('gives the same figures as CSV, one per line', async () => {
      const res = await request(t.server)
        .get('/stats/report.csv')
        .query({ from: monthStart, to: nextYearEnd })
        .set(bearer(curator))
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      const lines = res.text.slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('section,key,label,metric,value');
      expect(lines).toContain('period,source,Origine des besoins,filter,all');
      expect(lines).toContain('activity,won,Contrats signés,count,4');
      expect(lines).toContain('values,all,Contrats signés,totalEur,140000');
      expect(lines.some((l) => l.startsWith('region,93,') && l.endsWith(',wonValueEur,140000'))).toBe(true);
      expect(lines).toContain('departement,974,La Réunion,needs,0');
      expect(lines).toContain(`month,${monthStart.slice(0, 7)},${monthStart.slice(0, 7)},won,4`);
    });

    it.each<[string, Record<string, string>, string]>([
      ['no period', {}, 'from'],
      ['a malformed start', { from: '01/10/2026', to: '2026-12-31' }, 'from'],
      ['an end before the start', { from: '2026-12-01', to: '2026-10-01' }, 'to'],
      ['a period over five years', { from: '2020-01-01', to: '2026-12-31' }, 'to'],
    ])('answers 400 for %s, in JSON and CSV alike', async (_case, query, field) => {
      for (const path of ['/stats/report', '/stats/report.csv']) {
        const res = await request(t.server).get(path).query(query).set(bearer(curator)).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    });
  });
});

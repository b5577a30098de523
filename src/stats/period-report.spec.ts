import type { WonDeal } from './deal-values.js';
import { activityOf, byMonth, byRegion, daysBetween, monthsBetween, type MonthCount } from './period-report.js';

const deal = (over: Partial<WonDeal>): WonDeal => ({
  introductionId: 'i',
  needDepartementCode: '06',
  needRegionCode: '93',
  vendorCommuneCodes: ['06088'],
  frenchControlled: true,
  offeringGrade: 'A',
  dealValueBand: null,
  dealAmountEur: null,
  ...over,
});

describe('period report arithmetic', () => {
  it.each([
    ['2026-10-15', '2026-12-02', ['2026-10', '2026-11', '2026-12']],
    ['2026-12-01', '2027-01-31', ['2026-12', '2027-01']],
    ['2026-03-05', '2026-03-05', ['2026-03']],
  ])('lists the months from %s to %s', (from, to, months) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });

  it('sums the activity and fills months without events with zeros', () => {
    const rows: MonthCount[] = [
      { month: '2026-10', kind: 'needsSubmitted', count: 2 },
      { month: '2026-12', kind: 'needsSubmitted', count: 1 },
      { month: '2026-12', kind: 'won', count: 1 },
    ];
    expect(activityOf(rows)).toMatchObject({ needsSubmitted: 3, won: 1, lost: 0 });
    expect(byMonth(rows, '2026-10-01', '2026-12-31')).toEqual([
      { month: '2026-10', needs: 2, published: 0, introductions: 0, won: 0 },
      { month: '2026-11', needs: 0, published: 0, introductions: 0, won: 0 },
      { month: '2026-12', needs: 1, published: 0, introductions: 0, won: 1 },
    ]);
  });

  it('counts wins by the need’s région, local when a vendor site is in its département or région', () => {
    const deals = [
      deal({ dealAmountEur: 10_000 }),
      deal({ vendorCommuneCodes: ['13055'], dealValueBand: '20k_50k' }),
      deal({ vendorCommuneCodes: ['75056'], dealAmountEur: 5_000 }),
      deal({ needRegionCode: '11', needDepartementCode: '75', vendorCommuneCodes: ['75056'] }),
    ];
    expect(byRegion([{ key: '93', count: 7 }], deals, ['11', '93', '84'])).toEqual([
      { regionCode: '11', needs: 0, won: 1, wonLocally: 1, shareWonLocally: 1, wonValueEur: 0 },
      { regionCode: '93', needs: 7, won: 3, wonLocally: 2, shareWonLocally: 0.6667, wonValueEur: 50_000 },
      { regionCode: '84', needs: 0, won: 0, wonLocally: 0, shareWonLocally: null, wonValueEur: 0 },
    ]);
  });

  it('counts the days of a period', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
  });
});

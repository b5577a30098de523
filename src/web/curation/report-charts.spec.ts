import { monthChart, monthLabel, reportPeriodOf } from './report-charts.js';

describe('report charts', () => {
  it('labels months in French', () => {
    expect(monthLabel('2026-11')).toBe('nov. 26');
  });

  it('draws two columns a month, scaled to the largest value, from the baseline', () => {
    const chart = monthChart([
      { month: '2026-10', needs: 4, won: 1 },
      { month: '2026-11', needs: 0, won: 2 },
    ]);
    expect(chart.bars).toHaveLength(4);
    const [needsOct, wonOct, needsNov] = chart.bars;
    expect(needsOct.height).toBe(chart.baseline - 16);
    expect(wonOct.height).toBe(Math.round(needsOct.height / 4));
    expect(needsNov.height).toBe(0);
    for (const b of chart.bars) expect(b.y + b.height).toBe(chart.baseline);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 2, 4]);
  });

  it('labels at most about six months, so labels never overlap', () => {
    const rows = Array.from({ length: 24 }, (_, i) => ({
      month: `20${25 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      needs: i,
      won: 0,
    }));
    expect(monthChart(rows).labels.length).toBeLessThanOrEqual(6);
  });

  it.each([
    [{}, '2026-12-06', { from: '2026-01-01', to: '2026-12-06' }],
    [{ to: '2026-06-30' }, '2026-12-06', { from: '2025-07-01', to: '2026-06-30' }],
    [{ from: '2026-10-01' }, '2026-12-06', { from: '2026-10-01', to: '2026-12-06' }],
    [{ from: '2027-02-01' }, '2026-12-06', { from: '2027-02-01', to: '2027-02-01' }],
    [{ from: '2026-03-01', to: '2026-03-31' }, '2026-12-06', { from: '2026-03-01', to: '2026-03-31' }],
  ])('reads the report period %j on %s', (period, today, expected) => {
    expect(reportPeriodOf(period, new Date(`${today}T12:00:00Z`))).toEqual(expected);
  });
});

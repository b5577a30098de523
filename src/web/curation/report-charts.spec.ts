import { monthChart, monthLabel, nameLines, regionTiles, reportPeriodOf } from './report-charts.js';

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
    ['Provence-Alpes-Côte d’Azur', ['Provence-Alpes-Côte', 'd’Azur']],
    ['Bretagne', ['Bretagne']],
    ['Auvergne-Rhône-Alpes', ['Auvergne-Rhône-', 'Alpes']],
  ])('cuts %s into lines', (name, lines) => {
    expect(nameLines(name)).toEqual(lines);
  });

  it('lays the régions out three to a row, metropolitan first, shaded by needs', () => {
    const map = regionTiles([
      { regionCode: '01', needs: 0, won: 0, shareWonLocally: null },
      { regionCode: '93', needs: 8, won: 2, shareWonLocally: 0.5 },
      { regionCode: '11', needs: 2, won: 0, shareWonLocally: null },
    ]);
    expect(map.tiles.map((t) => [t.regionCode, t.level, t.x > 0, t.y])).toEqual([
      ['11', 1, false, 0],
      ['93', 4, true, 0],
      ['01', 0, true, 0],
    ]);
    expect(map.tiles[1].figures).toBe('8 bes. · 2 gagnés');
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

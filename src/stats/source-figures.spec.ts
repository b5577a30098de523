import { sourceBreakdown, type SourceRow } from './source-figures.js';

const row = (over: Partial<SourceRow>): SourceRow => ({
  source: 'direct',
  partnerId: null,
  partnerName: null,
  partnerKind: null,
  needs: 0,
  submitted: 0,
  published: 0,
  introductions: 0,
  won: 0,
  ...over,
});

describe('sourceBreakdown', () => {
  const SOURCES = ['direct', 'partner', 'diagnostic'];

  it('lists every source, zeros included, in the given order', () => {
    const { bySource } = sourceBreakdown(
      [row({ source: 'partner', partnerId: 'p1', partnerName: 'CCI', partnerKind: 'cci', needs: 2 })],
      SOURCES,
    );
    expect(bySource.map((s) => [s.source, s.needs, s.winsPerPublishedNeed])).toEqual([
      ['direct', 0, null],
      ['partner', 2, null],
      ['diagnostic', 0, null],
    ]);
  });

  it('sums a partner over its sources, and sorts partners by name', () => {
    const rows = [
      row({ source: 'partner', partnerId: 'p2', partnerName: 'Bpifrance', partnerKind: 'bpifrance', needs: 1, published: 1, won: 1 }),
      row({
        source: 'diagnostic',
        partnerId: 'p2',
        partnerName: 'Bpifrance',
        partnerKind: 'bpifrance',
        needs: 3,
        published: 2,
        introductions: 4,
      }),
      row({ source: 'partner', partnerId: 'p1', partnerName: 'CCI Nice', partnerKind: 'cci', needs: 1 }),
      row({ source: 'direct', needs: 5, published: 4, won: 2, introductions: 6 }),
    ];
    const { bySource, byPartner } = sourceBreakdown(rows, SOURCES);
    expect(byPartner).toEqual([
      {
        partnerId: 'p2',
        name: 'Bpifrance',
        kind: 'bpifrance',
        needs: 4,
        submitted: 0,
        published: 3,
        introductions: 4,
        won: 1,
        winsPerPublishedNeed: 1 / 3,
      },
      {
        partnerId: 'p1',
        name: 'CCI Nice',
        kind: 'cci',
        needs: 1,
        submitted: 0,
        published: 0,
        introductions: 0,
        won: 0,
        winsPerPublishedNeed: null,
      },
    ]);
    expect(bySource.find((s) => s.source === 'direct')).toMatchObject({ needs: 5, won: 2, winsPerPublishedNeed: 0.5 });
    expect(bySource.reduce((n, s) => n + s.needs, 0)).toBe(rows.reduce((n, r) => n + r.needs, 0));
  });
});

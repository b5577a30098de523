import { dealValueFigures, gradeBandOf, proximityOf, type WonDeal } from './deal-values.js';

const NICE = '06088';
const MARSEILLE = '13055';
const PARIS = '75056';

const deal = (n: number, fields: Partial<WonDeal>): WonDeal => ({
  introductionId: `i${n}`,
  needDepartementCode: '06',
  needRegionCode: '93',
  vendorCommuneCodes: [NICE],
  frenchControlled: true,
  offeringGrade: 'A',
  dealValueBand: null,
  dealAmountEur: null,
  ...fields,
});

describe('deal value figures', () => {
  it.each([
    [[NICE], 'same_departement'],
    [[MARSEILLE], 'same_region'],
    [[PARIS], 'elsewhere'],
    [[PARIS, NICE], 'same_departement'],
    [[], 'elsewhere'],
  ])('places a vendor with sites %j: %s', (codes, expected) => {
    expect(proximityOf({ needDepartementCode: '06', needRegionCode: '93', vendorCommuneCodes: codes })).toBe(expected);
  });

  it.each([
    ['A', 'A_B'],
    ['B', 'A_B'],
    ['C', 'C'],
    ['D', 'D_E'],
    ['E', 'D_E'],
    [null, 'none'],
  ])('puts grade %s in band %s', (grade, band) => {
    expect(gradeBandOf(grade)).toBe(band);
  });

  it('sums exact amounts and band values by proximity, control and grade, as worked out by hand', () => {
    const figures = dealValueFigures([
      deal(1, { dealAmountEur: 10_000, dealValueBand: '5k_20k' }),
      deal(2, { dealValueBand: '50k_150k' }), // counts 100 000
      deal(3, { vendorCommuneCodes: [MARSEILLE], dealAmountEur: 30_000 }),
      deal(4, { vendorCommuneCodes: [PARIS], frenchControlled: false, offeringGrade: 'D', dealAmountEur: 60_000 }),
      deal(5, {}), // recorded by a curator without value
    ]);
    expect(figures).toMatchObject({ wonDeals: 5, withoutValue: 1, totalEur: 200_000, medianEur: 45_000 });
    expect(figures.byProximity).toEqual([
      { key: 'same_departement', deals: 2, totalEur: 110_000, medianEur: 55_000, share: 0.55 },
      { key: 'same_region', deals: 1, totalEur: 30_000, medianEur: 30_000, share: 0.15 },
      { key: 'elsewhere', deals: 1, totalEur: 60_000, medianEur: 60_000, share: 0.3 },
    ]);
    expect(figures.byControl.map((g) => [g.key, g.totalEur])).toEqual([
      ['french', 140_000],
      ['not_french', 60_000],
    ]);
    expect(figures.byGradeBand.map((g) => [g.key, g.deals, g.totalEur])).toEqual([
      ['A_B', 3, 140_000],
      ['C', 0, 0],
      ['D_E', 1, 60_000],
      ['none', 0, 0],
    ]);
    expect(figures).toMatchObject({ shareLocal: 0.7, shareFrench: 0.7, shareGradeAOrB: 0.7 });
  });

  it('has no shares and no median without a valued deal', () => {
    expect(dealValueFigures([deal(1, {})])).toMatchObject({ wonDeals: 1, withoutValue: 1, totalEur: 0, medianEur: null, shareLocal: null });
  });
});

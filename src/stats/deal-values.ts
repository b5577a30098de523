import { dealValueEur, type DealValueBand } from '../introductions/deal-outcome.js';
import { departementOfCommune, regionOfCommune } from '../reference/geo/geography.js';
import { median, rate } from './stats-figures.js';

/*
 * What the won deals are worth and where the money goes (issue 24, decision 026): each won
 * introduction counts for its exact amount when told, else its band's counted value (the midpoint,
 * 200 k€ for the open band). Pure arithmetic, tested with tables.
 */

export interface WonDeal {
  introductionId: string;
  needDepartementCode: string | null;
  needRegionCode: string | null;
  /** Head office and confirmed establishments of the vendor (decision 022). */
  vendorCommuneCodes: readonly string[];
  /** The won offering's head office in France with no non-EU control, as the overview counts it. */
  frenchControlled: boolean;
  offeringGrade: string | null;
  dealValueBand: DealValueBand | null;
  dealAmountEur: number | null;
}

export const PROXIMITIES = ['same_departement', 'same_region', 'elsewhere'] as const;
export type Proximity = (typeof PROXIMITIES)[number];
export const CONTROLS = ['french', 'not_french'] as const;
export const GRADE_BANDS = ['A_B', 'C', 'D_E', 'none'] as const;

export interface ValueGroup {
  key: string;
  deals: number;
  totalEur: number;
  medianEur: number | null;
  /** Share of all valued deals' total. */
  share: number | null;
}

export interface DealValueFigures {
  wonDeals: number;
  /** Won deals recorded without value (by a curator): left out of every sum below. */
  withoutValue: number;
  totalEur: number;
  medianEur: number | null;
  byProximity: ValueGroup[];
  byControl: ValueGroup[];
  byGradeBand: ValueGroup[];
  /** Value going to vendors with a site in the need's département or région. */
  shareLocal: number | null;
  shareFrench: number | null;
  shareGradeAOrB: number | null;
}

/** Same département first; else same région; else elsewhere. A vendor counts by its nearest site. */
export function proximityOf(deal: Pick<WonDeal, 'needDepartementCode' | 'needRegionCode' | 'vendorCommuneCodes'>): Proximity {
  const codes = deal.vendorCommuneCodes;
  if (deal.needDepartementCode && codes.some((c) => departementOfCommune(c) === deal.needDepartementCode)) return 'same_departement';
  if (deal.needRegionCode && codes.some((c) => regionOfCommune(c) === deal.needRegionCode)) return 'same_region';
  return 'elsewhere';
}

export function gradeBandOf(grade: string | null): (typeof GRADE_BANDS)[number] {
  if (grade === 'A' || grade === 'B') return 'A_B';
  if (grade === 'C') return 'C';
  if (grade === 'D' || grade === 'E') return 'D_E';
  return 'none';
}

const roundEur = (v: number | null): number | null => (v === null ? null : Math.round(v));

function groups(valued: { value: number; key: string }[], keys: readonly string[], total: number): ValueGroup[] {
  return keys.map((key) => {
    const values = valued.filter((v) => v.key === key).map((v) => v.value);
    const sum = values.reduce((a, b) => a + b, 0);
    return { key, deals: values.length, totalEur: sum, medianEur: roundEur(median(values)), share: rate(sum, total) };
  });
}

export function dealValueFigures(deals: readonly WonDeal[]): DealValueFigures {
  const valued = deals.flatMap((d) => {
    const value = dealValueEur(d.dealValueBand, d.dealAmountEur);
    return value === null ? [] : [{ deal: d, value }];
  });
  const totalEur = valued.reduce((a, v) => a + v.value, 0);
  const byProximity = groups(
    valued.map((v) => ({ value: v.value, key: proximityOf(v.deal) })),
    PROXIMITIES,
    totalEur,
  );
  const byControl = groups(
    valued.map((v) => ({ value: v.value, key: v.deal.frenchControlled ? 'french' : 'not_french' })),
    CONTROLS,
    totalEur,
  );
  const byGradeBand = groups(
    valued.map((v) => ({ value: v.value, key: gradeBandOf(v.deal.offeringGrade) })),
    GRADE_BANDS,
    totalEur,
  );
  const totalOf = (list: ValueGroup[], keys: string[]) => list.filter((g) => keys.includes(g.key)).reduce((a, g) => a + g.totalEur, 0);
  return {
    wonDeals: deals.length,
    withoutValue: deals.length - valued.length,
    totalEur,
    medianEur: roundEur(median(valued.map((v) => v.value))),
    byProximity,
    byControl,
    byGradeBand,
    shareLocal: rate(totalOf(byProximity, ['same_departement', 'same_region']), totalEur),
    shareFrench: rate(totalOf(byControl, ['french']), totalEur),
    shareGradeAOrB: rate(totalOf(byGradeBand, ['A_B']), totalEur),
  };
}

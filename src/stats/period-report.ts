import { proximityOf, type WonDeal } from './deal-values.js';
import { dealValueEur } from '../introductions/deal-outcome.js';
import { rate } from './stats-figures.js';

/*
 * The period report's arithmetic (issue 24, decision 033): events of the period counted on their
 * own date, months filled with zeros, wins by the need's région with the share won locally. Pure,
 * tested with tables.
 */

export const ACTIVITY_KINDS = [
  'needsCreated',
  'needsSubmitted',
  'needsPublished',
  'introductionsProposed',
  'introductionsConnected',
  'meetingsHeld',
  'won',
  'lost',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type Activity = Record<ActivityKind, number>;

/** A count of one kind of event in one Paris month (`YYYY-MM`). */
export interface MonthCount {
  month: string;
  kind: ActivityKind;
  count: number;
}

export interface MonthFigures {
  month: string;
  needs: number;
  published: number;
  introductions: number;
  won: number;
}

export interface RegionFigures {
  regionCode: string;
  needs: number;
  won: number;
  wonLocally: number;
  shareWonLocally: number | null;
  wonValueEur: number;
}

/** The longest period a report covers: five years of months. */
export const MAX_REPORT_DAYS = 5 * 366;

export function activityOf(rows: readonly MonthCount[]): Activity {
  const activity = Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) as Activity;
  for (const r of rows) activity[r.kind] += r.count;
  return activity;
}

/** Every month from `from` to `to` (YYYY-MM-DD, both included), in order. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Needs received (submitted), published, introductions proposed and wins, month by month, zeros included. */
export function byMonth(rows: readonly MonthCount[], from: string, to: string): MonthFigures[] {
  const count = (month: string, kind: ActivityKind) => rows.find((r) => r.month === month && r.kind === kind)?.count ?? 0;
  return monthsBetween(from, to).map((month) => ({
    month,
    needs: count(month, 'needsSubmitted'),
    published: count(month, 'needsPublished'),
    introductions: count(month, 'introductionsProposed'),
    won: count(month, 'won'),
  }));
}

export type AreaFigures = Omit<RegionFigures, 'regionCode'>;

/**
 * Needs received and wins of the period by an area of the need (its région, its département),
 * every area of `codes` listed. A win is local when the vendor has a site in the need's
 * département or région (decision 026).
 */
export function byArea(
  needs: readonly { key: string; count: number }[],
  deals: readonly WonDeal[],
  codes: readonly string[],
  areaOf: (deal: WonDeal) => string | null,
): (AreaFigures & { code: string })[] {
  return codes.map((code) => {
    const won = deals.filter((d) => areaOf(d) === code);
    const wonLocally = won.filter((d) => proximityOf(d) !== 'elsewhere').length;
    return {
      code,
      needs: needs.find((n) => n.key === code)?.count ?? 0,
      won: won.length,
      wonLocally,
      shareWonLocally: rate(wonLocally, won.length),
      wonValueEur: won.reduce((sum, d) => sum + (dealValueEur(d.dealValueBand, d.dealAmountEur) ?? 0), 0),
    };
  });
}

/** Needs received and wins of the period by the need's région, every région of `regionCodes` listed. */
export function byRegion(
  needs: readonly { key: string; count: number }[],
  deals: readonly WonDeal[],
  regionCodes: readonly string[],
): RegionFigures[] {
  return byArea(needs, deals, regionCodes, (d) => d.needRegionCode).map(({ code, ...figures }) => ({ regionCode: code, ...figures }));
}

/** Days from `from` to `to`, both YYYY-MM-DD. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

import { departementOfCommune, regionOfCommune } from '../reference/geo/geography.js';

/*
 * Pure arithmetic of the statistics: conversion rates and the "circuit court" share of won needs.
 * No Nest, no TypeORM: tested with it.each tables.
 */

/** count / base rounded to 4 decimals; null when there is no base to divide by. */
export function rate(count: number, base: number): number | null {
  return base > 0 ? Math.round((count / base) * 10000) / 10000 : null;
}

export interface FunnelCount {
  step: string;
  count: number;
}

export interface FunnelStep extends FunnelCount {
  /** Share of the previous step that reached this one. */
  fromPrevious: number | null;
  /** Share of the first step that reached this one. */
  fromStart: number | null;
}

export function funnel(counts: readonly FunnelCount[]): FunnelStep[] {
  const start = counts[0]?.count ?? 0;
  return counts.map((c, i) => ({
    ...c,
    fromPrevious: i === 0 ? null : rate(c.count, counts[i - 1].count),
    fromStart: i === 0 ? null : rate(c.count, start),
  }));
}

export interface WonNeed {
  needId: string;
  needDepartementCode: string | null;
  needRegionCode: string | null;
  /** Head office and confirmed establishments of a vendor whose introduction was won for the need. */
  vendorCommuneCodes: readonly string[];
  /** The won offering's effective sovereignty: head office in France and no non-EU control. */
  frenchControlled: boolean;
  /** The won offering's grade. */
  offeringGrade: string | null;
}

export interface Locality {
  wonNeeds: number;
  sameDepartement: number;
  sameRegion: number;
  shareSameDepartement: number | null;
  shareSameRegion: number | null;
  frenchControlled: number;
  gradeAOrB: number;
  shareFrenchControlled: number | null;
  shareGradeAOrB: number | null;
}

/**
 * How many won needs went to a vendor with a site (head office or confirmed establishment) in the need's
 * département, or région. A need won by several vendors counts once, local if any of them is.
 */
export function locality(rows: readonly WonNeed[]): Locality {
  const byNeed = new Map<string, { departement: boolean; region: boolean; french: boolean; gradeAB: boolean }>();
  for (const row of rows) {
    const entry = byNeed.get(row.needId) ?? { departement: false, region: false, french: false, gradeAB: false };
    if (row.frenchControlled) entry.french = true;
    if (row.offeringGrade === 'A' || row.offeringGrade === 'B') entry.gradeAB = true;
    const departements = row.vendorCommuneCodes.map((c) => departementOfCommune(c));
    const regions = row.vendorCommuneCodes.map((c) => regionOfCommune(c));
    if (row.needDepartementCode && departements.includes(row.needDepartementCode as never)) entry.departement = true;
    if (row.needRegionCode && regions.includes(row.needRegionCode as never)) entry.region = true;
    byNeed.set(row.needId, entry);
  }
  const wonNeeds = byNeed.size;
  const sameDepartement = [...byNeed.values()].filter((e) => e.departement).length;
  const sameRegion = [...byNeed.values()].filter((e) => e.region).length;
  const frenchControlled = [...byNeed.values()].filter((e) => e.french).length;
  const gradeAOrB = [...byNeed.values()].filter((e) => e.gradeAB).length;
  return {
    wonNeeds,
    sameDepartement,
    sameRegion,
    shareSameDepartement: rate(sameDepartement, wonNeeds),
    shareSameRegion: rate(sameRegion, wonNeeds),
    frenchControlled,
    gradeAOrB,
    shareFrenchControlled: rate(frenchControlled, wonNeeds),
    shareGradeAOrB: rate(gradeAOrB, wonNeeds),
  };
}

/** Median of a list of numbers; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
